"use client";
import { useState } from "react";
import { uploadImage } from "@/components/editor/upload-image";

type Props = {
  /** Prefix for the file input's id (`${id}-file`) and the error's (`${id}-error`). */
  id: string;
  /** What the image is ("Hero image", "Logo"): the button reads "Upload logo" or "Replace logo". */
  label: string;
  url: string;
  errors?: string[];
  /** Another element describing the input (a hint), besides the errors. */
  hintId?: string;
  onUploaded: (url: string) => void;
  onRemove: () => void;
};

/** An image field's controls: upload (POST /api/uploads) or replace, remove, progress, and the upload's and the form's errors. */
export function ImageUploadControls({ id, label, url, errors = [], hintId, onUploaded, onRemove }: Props) {
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const allErrors = [...errors, ...(uploadError ? [uploadError] : [])];

  async function onFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setUploadError(null);
    const result = await uploadImage(file);
    setBusy(false);
    if ("error" in result) setUploadError(result.error);
    else onUploaded(result.url);
  }

  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-file`} className="btn-secondary cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600">
          {url ? `Replace ${label.toLowerCase()}` : `Upload ${label.toLowerCase()}`}
          <input
            id={`${id}-file`}
            type="file"
            accept="image/*"
            className="sr-only"
            aria-invalid={allErrors.length ? true : undefined}
            aria-describedby={[hintId, allErrors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
        {url ? (
          <button type="button" className="link text-sm" onClick={onRemove}>
            Remove
          </button>
        ) : null}
        {busy ? (
          <span className="text-sm text-stone-500" aria-live="polite">
            Uploading…
          </span>
        ) : null}
      </div>
      {allErrors.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {allErrors.join(" ")}
        </p>
      ) : null}
    </>
  );
}
