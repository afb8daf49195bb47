"use client";
import { useId, useState } from "react";
import { uploadImage } from "@/components/editor/upload-image";

type Props = {
  url: string;
  alt: string;
  errors?: string[];
  altErrors?: string[];
  required: boolean;
  onChange: (url: string, alt: string) => void;
  /** What the image is ("Hero image", "Cover image"). */
  label?: string;
};

/** The hero image: upload (POST /api/uploads), preview, required description, remove. */
export function HeroImageField({ url, alt, errors = [], altErrors, required, onChange, label = "Hero image" }: Props) {
  const id = useId();
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
    else onChange(result.url, alt);
  }

  return (
    <fieldset className="space-y-3 rounded-lg border border-stone-200 p-4">
      <legend className="px-1 text-sm font-semibold text-stone-800">{label}{required ? " (required in this community)" : " (optional)"}</legend>
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- an upload's own URL, shown as the reader will see it
        <img src={url} alt="" className="max-h-64 w-full rounded-lg object-cover" />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-file`} className="btn-secondary cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600">
          {url ? `Replace ${label.toLowerCase()}` : `Upload ${label.toLowerCase()}`}
          <input
            id={`${id}-file`}
            type="file"
            accept="image/*"
            className="sr-only"
            aria-invalid={allErrors.length ? true : undefined}
            aria-describedby={allErrors.length ? `${id}-error` : undefined}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
        {url ? (
          <button type="button" className="link text-sm" onClick={() => onChange("", "")}>
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
      {url ? (
        <div className="space-y-1.5">
          <label htmlFor="field-heroImageAlt" className="block text-sm font-semibold text-stone-800">
            {label} description (alt text)
          </label>
          <input
            id="field-heroImageAlt"
            type="text"
            required
            maxLength={300}
            value={alt}
            onChange={(e) => onChange(url, e.currentTarget.value)}
            aria-invalid={altErrors?.length ? true : undefined}
            aria-describedby={altErrors?.length ? "field-heroImageAlt-error" : "field-heroImageAlt-hint"}
            className="input"
          />
          <p id="field-heroImageAlt-hint" className="text-sm text-stone-500">
            Required: what the image shows, for readers who can&apos;t see it.
          </p>
          {altErrors?.length ? (
            <p id="field-heroImageAlt-error" className="text-sm font-medium text-red-700">
              {altErrors.join(" ")}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
