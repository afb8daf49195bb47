import { z } from "@/lib/zod";
import { MODERATION_REASON_MAX, REPORT_DETAILS_MAX, REPORT_REASONS, REPORT_TARGET_TYPES } from "@/lib/validation/limits";

const reasonValues = REPORT_REASONS.map((r) => r.value) as [ (typeof REPORT_REASONS)[number]["value"], ...(typeof REPORT_REASONS)[number]["value"][] ];

/** What a reader sends from the report dialog. */
export const reportInputSchema = z.object({
  targetType: z.enum(REPORT_TARGET_TYPES),
  targetId: z.string().trim().min(1).max(64),
  reason: z.enum(reasonValues, { error: "Choose a reason" }),
  details: z.string().trim().max(REPORT_DETAILS_MAX, `Keep it under ${REPORT_DETAILS_MAX.toLocaleString("en")} characters`).default(""),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** Every moderation action carries a reason the affected person sees. */
export const moderationReasonSchema = z
  .string()
  .trim()
  .min(1, "Give a reason: the person affected will see it")
  .max(MODERATION_REASON_MAX, `Keep the reason under ${MODERATION_REASON_MAX} characters`);

export const REPORT_RESOLUTIONS = ["DISMISS", "HIDE_COMMENT", "UNPUBLISH_STORY"] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

/** A target as the admin page's checkboxes name it: "COMMENT:<id>". */
const targetKeySchema = z
  .string()
  .regex(/^(STORY|COMMENT|USER):[\w-]{1,64}$/)
  .transform((key) => {
    const [targetType, targetId] = key.split(":") as [(typeof REPORT_TARGET_TYPES)[number], string];
    return { targetType, targetId };
  });

/** Resolving one or more report targets at once, with one reason. */
export const resolveReportsSchema = z.object({
  resolution: z.enum(REPORT_RESOLUTIONS),
  reason: moderationReasonSchema,
  targets: z.array(targetKeySchema).min(1, "Select at least one report").max(100),
});
export type ResolveReportsInput = z.infer<typeof resolveReportsSchema>;
