import { z } from "@/lib/zod";
import { NOTE_FIELD_PREFIX, REVIEW_NOTE_MAX, REVIEW_REASON_MAX, REVIEW_REASON_MIN } from "@/lib/validation/limits";

/** For an edit to a live story: the version the moderator read; a decision on any other is refused. */
const editVersionSchema = z.coerce.number().int().min(1).optional().catch(undefined);

/** Approving: an optional note kept in the log. */
export const approveSubmissionSchema = z.object({
  note: z.string().trim().max(REVIEW_REASON_MAX, `Keep the note under ${REVIEW_REASON_MAX} characters`).default(""),
  editVersion: editVersionSchema,
});
export type ApproveSubmissionInput = z.infer<typeof approveSubmissionSchema>;

/** Requesting changes: a reason the creator sees (required) and optional notes per section heading. */
export const requestChangesSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(REVIEW_REASON_MIN, `Tell the creator what to change (at least ${REVIEW_REASON_MIN} characters)`)
    .max(REVIEW_REASON_MAX, `Keep the reason under ${REVIEW_REASON_MAX} characters`),
  notes: z
    .record(z.string().max(300), z.string().trim().max(REVIEW_NOTE_MAX, `Keep each note under ${REVIEW_NOTE_MAX} characters`))
    .default({})
    // Empty notes are sections the moderator had nothing to say about.
    .transform((notes) => Object.fromEntries(Object.entries(notes).filter(([, note]) => note !== "")))
    .refine((notes) => Object.keys(notes).length <= 50, "Too many notes"),
  editVersion: editVersionSchema,
});
export type RequestChangesInput = z.input<typeof requestChangesSchema>;

/** A request-changes form's fields as the schema's input. */
export function requestChangesFields(values: Record<string, string>) {
  const notes: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (key.startsWith(NOTE_FIELD_PREFIX)) notes[key.slice(NOTE_FIELD_PREFIX.length)] = value;
  return { reason: values.reason ?? "", notes, editVersion: values.editVersion };
}

