import { z } from "@/lib/zod";
import { RESTRICTION_KINDS, roleManagesRoles, ROLES } from "@/lib/auth/permissions";
import { storableText } from "@/lib/validation/form";

export const REASON_MAX = 1000;
export const APPEAL_MIN = 10;
export const APPEAL_MAX = 2000;

const reason = z.string().trim().min(1, "Give a reason: the user sees it").max(REASON_MAX, `Keep the reason to ${REASON_MAX} characters or fewer`);

/** How long a restriction lasts: a preset, or a date-time typed in the form (read as UTC). */
export const EXPIRY_PRESETS = [
  { value: "1h", label: "1 hour", ms: 3_600_000 },
  { value: "1d", label: "1 day", ms: 86_400_000 },
  { value: "7d", label: "7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "30 days", ms: 30 * 86_400_000 },
  { value: "never", label: "Never (until lifted)", ms: null },
  { value: "custom", label: "Custom date and time", ms: null },
] as const;

/** The restrict form: kind, reason, and an expiry preset or custom date-time. */
export const restrictFormSchema = z
  .object({
    kind: z.enum(RESTRICTION_KINDS, "Choose a kind of restriction"),
    reason,
    expiry: z.enum(EXPIRY_PRESETS.map((p) => p.value) as [string, ...string[]]).default("never"),
    expiresAtCustom: z.string().trim().optional(),
  })
  .transform((input, ctx) => {
    let expiresAt: Date | null = null;
    const preset = EXPIRY_PRESETS.find((p) => p.value === input.expiry);
    if (input.expiry === "custom") {
      // datetime-local sends "2026-11-29T10:00" with no zone; the form says UTC.
      const raw = input.expiresAtCustom ?? "";
      const parsed = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      if (!raw || Number.isNaN(parsed.getTime())) {
        ctx.addIssue({ code: "custom", path: ["expiresAtCustom"], message: "Enter a date and time" });
        return z.NEVER;
      }
      if (parsed.getTime() <= Date.now()) {
        ctx.addIssue({ code: "custom", path: ["expiresAtCustom"], message: "Choose a time in the future" });
        return z.NEVER;
      }
      expiresAt = parsed;
    } else if (preset?.ms) {
      expiresAt = new Date(Date.now() + preset.ms);
    }
    return { kind: input.kind, reason: input.reason, expiresAt };
  });
export type RestrictInput = { kind: (typeof RESTRICTION_KINDS)[number]; reason: string; expiresAt?: Date | null };

export const liftSchema = z.object({ reason });

export const appealSchema = z.object({
  text: z.string().trim().min(APPEAL_MIN, `Tell us a little more (at least ${APPEAL_MIN} characters)`).max(APPEAL_MAX, `Keep your appeal to ${APPEAL_MAX} characters or fewer`),
});

export const answerAppealSchema = z.object({
  decision: z.enum(["UPHOLD", "OVERTURN"], "Choose uphold or overturn"),
  response: z.string().trim().min(1, "Write an answer: the user sees it").max(REASON_MAX, `Keep the answer to ${REASON_MAX} characters or fewer`),
});
export type AnswerAppealInput = z.infer<typeof answerAppealSchema>;

/** Making someone an admin is confirmed in the form (the box `confirmAdmin`): it hands over the whole site. */
export const ADMIN_CONFIRM_MESSAGE = "Tick the box to confirm: an admin can change every account, every community and the site's settings.";
export const roleSchema = z
  .object({ role: z.enum(ROLES, "Choose a role"), reason: z.string().trim().max(REASON_MAX).default(""), confirmAdmin: z.string().optional() })
  .refine((input) => !roleManagesRoles(input.role) || input.confirmAdmin === "yes", { path: ["confirmAdmin"], message: ADMIN_CONFIRM_MESSAGE });

export const TRUST_CHOICES = [
  { value: "auto", label: "Automatic (from their record)", override: null },
  { value: "trusted", label: "Trusted: publishes without review", override: true },
  { value: "untrusted", label: "Untrusted: every story is reviewed", override: false },
] as const;
export const trustSchema = z.object({ trust: z.enum(["auto", "trusted", "untrusted"], "Choose a trust setting"), reason: z.string().trim().max(REASON_MAX).default("") });

/** A URL parameter's first value, without NULs (see storableText). */
const first = (value: unknown) => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" ? storableText(one) : one;
};
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional().catch(undefined));

/** /admin/users search params; anything unknown is ignored. */
export const userListFilterSchema = z.object({
  q: optionalParam(z.string().trim().max(100)),
  role: optionalParam(z.enum(ROLES)),
  status: optionalParam(z.enum(["ACTIVE", "SUSPENDED"])),
  cursor: optionalParam(z.string().max(64)),
});
export type UserListFilter = z.infer<typeof userListFilterSchema>;

export const AUDIT_ACTIONS = [
  "REVIEW_APPROVE", "REVIEW_REQUEST_CHANGES", "STORY_UNPUBLISH", "STORY_RESTORE", "COMMENT_HIDE", "COMMENT_RESTORE", "COMMENT_DELETE",
  "THREAD_LOCK", "THREAD_UNLOCK", "REPORT_DISMISS", "RESTRICT", "RESTRICTION_LIFT", "APPEAL_UPHOLD", "APPEAL_OVERTURN", "ROLE_CHANGE",
  "TRUST_CHANGE", "SETTINGS_CHANGE", "COMMUNITY_CREATE", "COMMUNITY_UPDATE", "COMMUNITY_ARCHIVE", "COMMUNITY_RESTORE",
  "COMMUNITY_MODERATOR_ADD", "COMMUNITY_MODERATOR_REMOVE",
  "EMAIL_CHANGE", "EMAIL_STOP_CLEAR", "ACCOUNT_DELETION_REQUEST", "ACCOUNT_DELETION_CANCEL", "ACCOUNT_DELETE",
  "CHALLENGE_CREATE", "CHALLENGE_UPDATE", "CHALLENGE_SCORE", "CHALLENGE_SHORTLIST", "CHALLENGE_ANNOUNCE",
] as const;
export const AUDIT_TARGETS = ["STORY", "COMMENT", "USER", "REPORT", "APPEAL", "SETTINGS", "COMMUNITY", "CHALLENGE"] as const;

/** /admin/log search params. */
export const auditLogFilterSchema = z.object({
  action: optionalParam(z.enum(AUDIT_ACTIONS)),
  target: optionalParam(z.enum(AUDIT_TARGETS)),
  actor: optionalParam(z.string().trim().toLowerCase().max(31).transform((s) => s.replace(/^@/, ""))),
  subject: optionalParam(z.string().trim().toLowerCase().max(31).transform((s) => s.replace(/^@/, ""))),
  cursor: optionalParam(z.string().max(64)),
});
export type AuditLogFilter = z.infer<typeof auditLogFilterSchema>;

/** The escalation ladder: the step after the most severe restriction not overturned on appeal. */
export function nextRestrictionKind(history: { kind: (typeof RESTRICTION_KINDS)[number]; overturnedAt: Date | null }[]): (typeof RESTRICTION_KINDS)[number] {
  const steps = history.filter((r) => !r.overturnedAt).map((r) => RESTRICTION_KINDS.indexOf(r.kind));
  if (steps.length === 0) return "WARNING";
  return RESTRICTION_KINDS[Math.min(Math.max(...steps) + 1, RESTRICTION_KINDS.length - 1)];
}
