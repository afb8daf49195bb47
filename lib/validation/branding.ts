import { z } from "@/lib/zod";
import { AA_TEXT_CONTRAST, contrastRatio, isHexColour } from "@/lib/domain/colour";
import { fieldErrorsOf, singleLineText, storableText, type FormValues } from "@/lib/validation/form";
import type { Parsed } from "@/lib/actions/action";
import { MAX_NAV_LINKS, navField } from "@/lib/validation/limits";

/** A navigation link's address: a path on this site (/about) or an http(s) URL elsewhere. */
const navHref = z
  .string()
  .trim()
  .max(500, "Keep the address under 500 characters")
  .refine((href) => (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\")) || /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(href), "Use a path on this site like /about, or a full address like https://example.com");

export const navLinkSchema = z.object({
  label: z.string().overwrite(singleLineText).trim().min(1, "Give the link a label").max(30, "Keep the label under 30 characters"),
  href: navHref,
});
export type NavLink = z.infer<typeof navLinkSchema>;

/** Why an accent colour is refused: too little contrast against the white page for a link or button label. */
export function tooLight(hex: string): string {
  return `${hex} is too light: against white its contrast is ${contrastRatio(hex, "#ffffff").toFixed(2)}:1, and links and buttons need at least ${AA_TEXT_CONTRAST}:1 (WCAG AA). Choose a darker shade.`;
}

/** An uploaded image (POST /api/uploads answers with a /media/… path); "" for none. */
const uploadedImage = (message: string) => z.string().trim().max(200, message).refine((url) => url === "" || /^\/media\/[a-z0-9]+-\d+\.webp$/.test(url), message);

/** The site's look and words as the Branding form edits them. `reason` goes in the audit log. */
export const brandingSchema = z.object({
  siteName: z.string().overwrite(singleLineText).trim().min(2, "Give the site a name").max(40, "Keep the name under 40 characters"),
  siteDescription: z.string().overwrite(singleLineText).trim().min(10, "Describe the site in a sentence (at least 10 characters)").max(200, "Keep the description under 200 characters"),
  logoUrl: uploadedImage("Upload the logo again"),
  faviconUrl: uploadedImage("Upload the icon again"),
  accentColor: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(#[0-9a-f]{6})?$/, "Use a colour like #c2410c")
    .refine(
      (hex) => !isHexColour(hex) || contrastRatio(hex, "#ffffff") >= AA_TEXT_CONTRAST,
      { error: (issue) => tooLight(String(issue.input)) },
    ),
  footerText: z.string().overwrite(storableText).trim().max(300, "Keep the footer text under 300 characters"),
  navLinks: z.array(navLinkSchema).max(MAX_NAV_LINKS, `At most ${MAX_NAV_LINKS} links`),
  reason: z.string().trim().min(3, "Say briefly why (it goes in the audit log)").max(500, "Keep the reason under 500 characters"),
});
export type BrandingInput = z.infer<typeof brandingSchema>;

/**
 * The Branding form's values parsed: navigation links come as numbered rows (navField); a row left
 * wholly empty is dropped. A link's errors are keyed by its place among the rows kept, which is
 * where the form shows it again (it drops empty rows the same way).
 */
export function parseBranding(values: FormValues): Parsed<BrandingInput> {
  const rows: { label: string; href: string }[] = [];
  for (let i = 0; i < MAX_NAV_LINKS * 2; i++) {
    const label = values[navField(i, "label")] ?? "";
    const href = values[navField(i, "href")] ?? "";
    if (label.trim() === "" && href.trim() === "") continue;
    rows.push({ label, href });
  }
  const parsed = brandingSchema.safeParse({ ...values, navLinks: rows });
  if (parsed.success) return parsed;
  const fieldErrors = fieldErrorsOf(parsed.error);
  delete fieldErrors.navLinks;
  for (const issue of parsed.error.issues) {
    if (issue.path[0] !== "navLinks") continue;
    const [, row, part] = issue.path;
    if (typeof row === "number" && (part === "label" || part === "href")) (fieldErrors[navField(row, part)] ??= []).push(issue.message);
    else (fieldErrors.navLinks ??= []).push(issue.message);
  }
  return { success: false, fieldErrors };
}
