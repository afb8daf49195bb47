import { z } from "@/lib/zod";
import { storableText } from "@/lib/validation/form";
import { optionalIdSchema } from "@/lib/validation/ids";

/** The studio's status filter as it appears in the URL, and the story status each means. */
export const STUDIO_STATUSES = {
  draft: { status: "DRAFT", label: "Draft" },
  submitted: { status: "SUBMITTED", label: "Submitted" },
  "changes-requested": { status: "CHANGES_REQUESTED", label: "Changes requested" },
  approved: { status: "APPROVED", label: "Scheduled" },
  published: { status: "PUBLISHED", label: "Published" },
  unpublished: { status: "UNPUBLISHED", label: "Unpublished" },
} as const;
export type StudioStatusParam = keyof typeof STUDIO_STATUSES;

/** A URL parameter's first value, without NULs (see storableText). */
const first = (value: unknown) => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" ? storableText(one) : one;
};

/** The studio's search params; anything unknown is ignored rather than an error. */
export const studioFilterSchema = z.object({
  status: z.preprocess(first, z.enum(Object.keys(STUDIO_STATUSES) as [StudioStatusParam, ...StudioStatusParam[]]).optional().catch(undefined)),
  q: z.preprocess(first, z.string().trim().max(100).optional().catch(undefined)),
  cursor: z.preprocess(first, optionalIdSchema.catch(undefined)),
});
