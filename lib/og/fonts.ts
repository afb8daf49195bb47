import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

// Source Serif 4 (SIL Open Font License) from @fontsource/source-serif-4: next/og reads TTF or WOFF,
// not WOFF2, and cannot download fonts. Read once, when the image route first loads.
const fontDir = path.join(process.cwd(), "node_modules/@fontsource/source-serif-4/files");
const variants = ([400, 700] as const).flatMap((weight) => ["latin", "latin-ext"].map((subset) => ({ weight, subset })));

/** The fonts for generated social images, as ImageResponse's `fonts` option; the family is "Source Serif". */
export const socialImageFonts = await Promise.all(
  variants.map(async ({ weight, subset }) => ({
    name: "Source Serif",
    data: await readFile(path.join(fontDir, `source-serif-4-${subset}-${weight}-normal.woff`)),
    weight,
    style: "normal" as const,
  })),
);
