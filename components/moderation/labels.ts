/** Plain-language names for moderation enums, shared by the admin area, studio and /moderation. */
export const actionLabels: Record<string, string> = {
  REVIEW_APPROVE: "Story approved",
  REVIEW_REQUEST_CHANGES: "Changes requested",
  STORY_UNPUBLISH: "Story unpublished",
  STORY_RESTORE: "Story restored",
  COMMENT_HIDE: "Comment hidden",
  COMMENT_RESTORE: "Comment restored",
  COMMENT_DELETE: "Comment deleted",
  THREAD_LOCK: "Thread locked",
  THREAD_UNLOCK: "Thread unlocked",
  REPORT_DISMISS: "Report dismissed",
  RESTRICT: "Account restricted",
  RESTRICTION_LIFT: "Restriction lifted",
  APPEAL_UPHOLD: "Appeal upheld",
  APPEAL_OVERTURN: "Appeal accepted (decision overturned)",
  ROLE_CHANGE: "Role changed",
  TRUST_CHANGE: "Trust changed",
  SETTINGS_CHANGE: "Settings changed",
  COMMUNITY_CREATE: "Community created",
  COMMUNITY_UPDATE: "Community edited",
  COMMUNITY_ARCHIVE: "Community archived",
  COMMUNITY_RESTORE: "Community brought back",
  COMMUNITY_MODERATOR_ADD: "Community moderator added",
  COMMUNITY_MODERATOR_REMOVE: "Community moderator removed",
  EMAIL_CHANGE: "Email address changed",
  EMAIL_STOP_CLEAR: "Email stop cleared",
  ACCOUNT_DELETION_REQUEST: "Account deletion asked for",
  ACCOUNT_DELETION_CANCEL: "Account deletion cancelled",
  ACCOUNT_DELETE: "Account deleted",
  CHALLENGE_CREATE: "Challenge created",
  CHALLENGE_UPDATE: "Challenge edited",
  CHALLENGE_SCORE: "Challenge entry scored",
  CHALLENGE_SHORTLIST: "Challenge shortlist changed",
  CHALLENGE_ANNOUNCE: "Challenge winners announced",
};

export const restrictionKindLabels: Record<string, string> = {
  WARNING: "Warning",
  COMMENT_BAN: "Comment ban",
  PUBLISH_BAN: "Publishing ban",
  SUSPENSION: "Suspension",
  CONTENT_REMOVAL: "Content removal",
};

export const targetLabels: Record<string, string> = { STORY: "Story", COMMENT: "Comment", USER: "User", REPORT: "Report", APPEAL: "Appeal", SETTINGS: "Settings", COMMUNITY: "Community", CHALLENGE: "Challenge" };

export const roleLabels: Record<string, string> = { READER: "Reader", MODERATOR: "Moderator", ADMIN: "Admin" };

export const appealStatusLabels: Record<string, string> = { OPEN: "Appeal pending", UPHELD: "Appeal upheld", OVERTURNED: "Appeal accepted" };

/** A small pill for statuses. */
export const pill = "inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset";
export const pillTone = {
  neutral: "bg-stone-100 text-stone-700 ring-stone-200",
  warn: "bg-amber-50 text-amber-900 ring-amber-200",
  bad: "bg-red-50 text-red-800 ring-red-200",
  good: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  info: "bg-sky-50 text-sky-900 ring-sky-200",
} as const;
