import { z } from "@/lib/zod";
import { ImportFormat } from "@/lib/generated/prisma/enums";

/** The largest upload an import takes: a server action's body limit (next.config.ts, 12 MB) less the form around it. */
export const IMPORT_MAX_BYTES = 11 * 1024 * 1024;

/** The import form: the file, the format it is in, the community its stories go to, and whether to only try. */
export const importInputSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose the file to import" })
    .refine((file) => file.size > 0, "Choose the file to import")
    .refine((file) => file.size <= IMPORT_MAX_BYTES, `That file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`),
  format: z.enum(ImportFormat, { message: "Choose what kind of file it is" }),
  community: z.string().trim().min(1, "Choose a community").max(64, "Choose a community from the list"),
  dryRun: z
    .union([z.boolean(), z.string()])
    .transform((value) => value === true || value === "on" || value === "true")
    .default(false),
});
export type ImportInput = z.infer<typeof importInputSchema>;
