// Limits shared by schemas (server) and forms (browser). No zod here, so importing a limit
// into a client component does not ship the validation library to readers.
export const COMMENT_MAX = 2000;
/** A story's title and subtitle (the editor counts towards these as the creator types). */
export const STORY_TITLE_MAX = 150;
export const STORY_SUBTITLE_MAX = 250;

/** Report reasons, in the order the report dialog lists them (values match the database enum). */
export const REPORT_REASONS = [
  { value: "SPAM", label: "Spam" },
  { value: "HARASSMENT", label: "Harassment" },
  { value: "HATE", label: "Hate" },
  { value: "VIOLENCE", label: "Violence" },
  { value: "SEXUAL", label: "Sexual content" },
  { value: "MISINFORMATION", label: "Misinformation" },
  { value: "PLAGIARISM", label: "Plagiarism" },
  { value: "OTHER", label: "Other" },
] as const;
export type ReportReasonValue = (typeof REPORT_REASONS)[number]["value"];
export const REPORT_TARGET_TYPES = ["STORY", "COMMENT", "USER"] as const;
export type ReportTargetTypeValue = (typeof REPORT_TARGET_TYPES)[number];
export const REPORT_DETAILS_MAX = 1000;
/** A moderator's (or creator's) reason for an action, shown to the person it affects. */
export const MODERATION_REASON_MAX = 500;
