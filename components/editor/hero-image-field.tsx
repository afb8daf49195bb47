"use client";
import { useId } from "react";
import { ImageUploadControls } from "@/components/editor/image-upload-controls";

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
  return (
    <fieldset className="space-y-3 rounded-lg border border-stone-200 p-4">
      <legend className="px-1 text-sm font-semibold text-stone-800">{label}{required ? " (required in this community)" : " (optional)"}</legend>
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- an upload's own URL, shown as the reader will see it
        <img src={url} alt="" className="max-h-64 w-full rounded-lg object-cover" />
      ) : null}
      <ImageUploadControls id={id} label={label} url={url} errors={errors} onUploaded={(uploaded) => onChange(uploaded, alt)} onRemove={() => onChange("", "")} />
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
