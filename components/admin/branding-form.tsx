"use client";
import { useId, useState } from "react";
import { updateBrandingAction } from "@/lib/actions/settings";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AccentField } from "@/components/forms/accent-field";
import { ImageUploadControls } from "@/components/editor/image-upload-controls";
import type { NavLink } from "@/lib/validation/branding";
import { MAX_NAV_LINKS, navField } from "@/lib/validation/limits";
import type { FieldErrors } from "@/lib/errors";

export type BrandingFormValues = { siteName: string; siteDescription: string; logoUrl: string; faviconUrl: string; accentColor: string; footerText: string; navLinks: NavLink[] };

/** The site's name, words, logo, icon, colour and links, with why (for the audit log). */
export function BrandingForm({ initial }: { initial: BrandingFormValues }) {
  const { state, formAction, formKey, formRef } = useActionForm(updateBrandingAction);
  // After a failed save, what was typed (state.values) wins over what was stored.
  const typed = state.values;
  const text = (key: Exclude<keyof BrandingFormValues, "navLinks">) => typed?.[key] ?? initial[key];
  const errors = state.fieldErrors ?? {};
  const links = typed ? typedLinks(typed) : initial.navLinks;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-8" noValidate aria-labelledby="branding-heading">
      <FormMessage message={state.message} />
      {state.ok ? <FormMessage tone="success" message="Branding saved. Every page, feed and email uses it from now on." /> : null}
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">Name and words</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="siteName" label="Site name" errors={errors.siteName} hint="In the header, page titles, feeds, emails and social images.">
            {(props) => <input {...props} required maxLength={40} defaultValue={text("siteName")} className="input" />}
          </Field>
          <Field name="footerText" label="Footer text" errors={errors.footerText} hint="After the site name at the foot of every page. May be empty.">
            {(props) => <input {...props} maxLength={300} defaultValue={text("footerText")} className="input" />}
          </Field>
        </div>
        <Field name="siteDescription" label="Description" errors={errors.siteDescription} hint="One sentence: for search engines, link previews and the site feed.">
          {(props) => <textarea {...props} rows={2} required maxLength={200} defaultValue={text("siteDescription")} className="input" />}
        </Field>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-serif text-xl font-bold">Look</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <ImageField name="logoUrl" label="Logo" hint="Shown beside the site name in the header. A wide or square image on a transparent background works best." url={text("logoUrl")} errors={errors.logoUrl} />
          <ImageField name="faviconUrl" label="Icon" hint="The browser tab and home-screen icon. A square image of at least 180 × 180 pixels." url={text("faviconUrl")} errors={errors.faviconUrl} />
        </div>
        <AccentField value={text("accentColor")} errors={errors.accentColor} showContrast hint="Links, focus rings and highlights. It must read as text on white (4.5:1, WCAG AA); dark mode uses a lighter mix of it. Leave empty for the built-in orange." />
      </fieldset>
      <NavLinksField initial={links} errors={errors} />
      <Field name="reason" id="branding-reason" label="Why change the branding" errors={errors.reason} hint="Recorded in the audit log with what changed.">
        {(props) => <input {...props} type="text" required maxLength={500} defaultValue={typed?.reason ?? ""} className="input" />}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save branding</SubmitButton>
    </form>
  );
}

/** The rows of links as typed (a row left empty is dropped). */
function typedLinks(values: Record<string, string>): NavLink[] {
  return Array.from({ length: MAX_NAV_LINKS * 2 }, (_, i) => ({ label: values[navField(i, "label")] ?? "", href: values[navField(i, "href")] ?? "" })).filter((l) => l.label || l.href);
}

/** Up to MAX_NAV_LINKS rows of label and address; rows keep their index so each error sits by its input. */
function NavLinksField({ initial, errors }: { initial: NavLink[]; errors: FieldErrors }) {
  const [rows, setRows] = useState(() => initial.map((link, i) => ({ ...link, key: i })));
  const [nextKey, setNextKey] = useState(initial.length);
  return (
    <fieldset className="space-y-3">
      <legend className="font-serif text-xl font-bold">Navigation links</legend>
      <p className="text-sm text-stone-600">
        Extra links after Communities, Tags and Challenges: the first 4 in the header on wide screens, all of them in the footer. A path on this site (/about) or a full address
        (https://…). At most {MAX_NAV_LINKS}.
      </p>
      {errors.navLinks?.length ? <p className="text-sm font-medium text-red-700">{errors.navLinks.join(" ")}</p> : null}
      {rows.length === 0 ? <p className="text-sm text-stone-500">No extra links yet.</p> : null}
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.key} className="grid items-start gap-3 rounded-lg border border-stone-200 p-3 sm:grid-cols-[1fr_2fr_auto]">
            <Field name={navField(i, "label")} label={`Link ${i + 1} label`} errors={errors[navField(i, "label")]}>
              {(props) => <input {...props} maxLength={30} defaultValue={row.label} className="input" />}
            </Field>
            <Field name={navField(i, "href")} label={`Link ${i + 1} address`} errors={errors[navField(i, "href")]}>
              {(props) => <input {...props} maxLength={500} defaultValue={row.href} placeholder="/about" className="input font-mono text-sm" />}
            </Field>
            <button type="button" className="btn-secondary sm:mt-7" onClick={() => setRows(rows.filter((r) => r.key !== row.key))} aria-label={`Remove link ${i + 1}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      {rows.length < MAX_NAV_LINKS ? (
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            setRows([...rows, { label: "", href: "", key: nextKey }]);
            setNextKey(nextKey + 1);
          }}
        >
          Add a link
        </button>
      ) : null}
    </fieldset>
  );
}

/** An uploaded image (POST /api/uploads) with a preview; its URL travels in a hidden field. */
function ImageField({ name, label, hint, url: initialUrl, errors }: { name: string; label: string; hint: string; url: string; errors?: string[] }) {
  const id = useId();
  const [url, setUrl] = useState(initialUrl);
  return (
    <div className="space-y-2 rounded-lg border border-stone-200 p-4">
      <p className="text-sm font-semibold text-stone-800">
        {label}
      </p>
      <p id={`${id}-hint`} className="text-sm text-stone-500">
        {hint}
      </p>
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- an upload's own URL, shown as it will appear
        <img src={url} alt={`Current ${label.toLowerCase()}`} className="h-16 w-auto max-w-full rounded border border-stone-200 bg-stone-50 object-contain p-1" />
      ) : (
        <p className="text-sm text-stone-500">None: {name === "logoUrl" ? "the header shows the name alone" : "the built-in icon is used"}.</p>
      )}
      <ImageUploadControls id={id} label={label} url={url} errors={errors} hintId={`${id}-hint`} onUploaded={setUrl} onRemove={() => setUrl("")} />
      <input type="hidden" name={name} value={url} />
    </div>
  );
}
