// Which reader reads which import format (docs/porting.md). Each turns the upload into items.
import type { ImportFormat } from "@/lib/generated/prisma/enums";
import { readMarkdownZip, type ImportSource } from "@/lib/porting/import-source";
import { readGhostExport } from "@/lib/porting/ghost";
import { readMediumExport } from "@/lib/porting/medium";
import { readWordPressExport } from "@/lib/porting/wordpress";

export const IMPORT_FORMATS: { value: ImportFormat; label: string; accepts: string }[] = [
  { value: "MARKDOWN", label: "Markdown zip (a Storyhouse download, or .md files)", accepts: ".zip" },
  { value: "GHOST", label: "Ghost (.json, or .zip with content/images)", accepts: ".json,.zip" },
  { value: "WORDPRESS", label: "WordPress (WXR .xml, or .zip with uploads)", accepts: ".xml,.zip" },
  { value: "MEDIUM", label: "Medium (the export .zip)", accepts: ".zip" },
];

/** The upload as items; ImportFileError when it can't be read as `format` at all. */
export function readImportFile(format: ImportFormat, bytes: Uint8Array): ImportSource {
  switch (format) {
    case "MARKDOWN":
      return readMarkdownZip(bytes);
    case "GHOST":
      return readGhostExport(bytes);
    case "WORDPRESS":
      return readWordPressExport(bytes);
    case "MEDIUM":
      return readMediumExport(bytes);
  }
}
