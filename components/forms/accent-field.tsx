"use client";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { AA_TEXT_CONTRAST, contrastRatio, isHexColour } from "@/lib/domain/colour";

/** A #rrggbb text field with a colour picker beside it; with `showContrast`, its contrast against white as it is typed. */
export function AccentField({ value, errors, hint, showContrast = false }: { value: string; errors?: string[]; hint: string; showContrast?: boolean }) {
  const [colour, setColour] = useState(value);
  const ratio = showContrast && isHexColour(colour) ? contrastRatio(colour, "#ffffff") : null;
  return (
    <Field name="accentColor" label="Accent colour" errors={errors} hint={hint}>
      {(props) => (
        <div className="flex flex-wrap items-center gap-3">
          <input {...props} value={colour} onChange={(e) => setColour(e.currentTarget.value)} placeholder="#c2410c" maxLength={7} className="input max-w-40 font-mono" />
          <input type="color" aria-label="Pick the accent colour" value={isHexColour(colour) ? colour : "#c2410c"} onChange={(e) => setColour(e.currentTarget.value)} className="h-10 w-12 cursor-pointer rounded border border-stone-300 bg-white" />
          {ratio !== null ? (
            <span className="text-sm text-stone-600" aria-live="polite">
              Contrast with white {ratio.toFixed(2)}:1{ratio >= AA_TEXT_CONTRAST ? " (passes AA)" : ` (needs ${AA_TEXT_CONTRAST}:1)`}
            </span>
          ) : null}
        </div>
      )}
    </Field>
  );
}
