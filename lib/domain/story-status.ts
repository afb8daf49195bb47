// The story lifecycle: every status, every allowed transition, who may make it and what it clears
// or records. Pure and client-safe. The data layer writes a status only through `transitionWhere`
// and `transitionData` (lib/data/story-lifecycle.ts), so the table below is the whole truth;
// tests/unit/story-status.test.ts enumerates status × transition × actor from it.

export const STORY_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "UNPUBLISHED", "REMOVED"] as const;
export type StoryStatusName = (typeof STORY_STATUSES)[number];

/**
 * Who is making the change. "author" is any creator acting on their own story; "trustedAuthor" one
 * who publishes without review (lib/data/trust.ts). Staff act as "moderator" or "admin";
 * "scheduler" is the sweep that publishes approved stories at their time.
 */
export const LIFECYCLE_ACTORS = ["author", "trustedAuthor", "moderator", "admin", "scheduler"] as const;
export type LifecycleActor = (typeof LIFECYCLE_ACTORS)[number];

/** Story fields a transition resets to null. */
export type ClearedField = "submittedAt" | "scheduledAt" | "reviewReason" | "reviewNotes" | "reviewClaimedById" | "reviewClaimedAt";

/** What a transition writes besides the status, and which audit entry (if any) goes with it. */
export type RecordedField = "submittedAt" | "scheduledAt" | "publishedAt" | "slug" | "reviewReason" | "reviewNotes" | "deletedAt" | "content" | "pendingEdit";

export type Transition = {
  from: readonly StoryStatusName[];
  /** The status after; "same" keeps it (an edit, a deletion of an unpublished story). */
  to: StoryStatusName | "same";
  by: readonly LifecycleActor[];
  /** Whether the story has ever been live (it has a slug): withdrawals go back to different places. */
  when?: "neverPublished" | "everPublished";
  clears: readonly ClearedField[];
  records: readonly RecordedField[];
  /** The moderation-log entry written in the same transaction. */
  audit?: "REVIEW_APPROVE" | "REVIEW_REQUEST_CHANGES" | "STORY_UNPUBLISH" | "STORY_RESTORE" | "RESTRICT" | "APPEAL_OVERTURN";
  why: string;
};

/** Everything about review a story carries; reset whenever it leaves review. */
const REVIEW: readonly ClearedField[] = ["reviewReason", "reviewNotes", "reviewClaimedById", "reviewClaimedAt"];
const AUTHOR = ["author", "trustedAuthor"] as const;
/**
 * A live story is in the review queue exactly when its submittedAt is set (a submitted held edit),
 * so everything that makes a story live, or replaces or drops its held edit, clears it.
 */
const OFF_QUEUE: readonly ClearedField[] = ["submittedAt", "scheduledAt"];
const STAFF = ["moderator", "admin"] as const;
/** Where a creator's Publish / Submit button starts from. */
const STARTABLE = ["DRAFT", "CHANGES_REQUESTED", "UNPUBLISHED"] as const;
/** Everything but a takedown: a takedown is undone only by staff. */
const NOT_TAKEN_DOWN = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "UNPUBLISHED"] as const;

export const TRANSITIONS = {
  submit: { from: STARTABLE, to: "SUBMITTED", by: ["author"], clears: REVIEW, records: ["submittedAt", "scheduledAt", "content"], why: "A creator who is not trusted asks for review." },
  publish: { from: STARTABLE, to: "PUBLISHED", by: ["trustedAuthor"], clears: [...REVIEW, ...OFF_QUEUE], records: ["publishedAt", "slug", "content"], why: "A trusted creator publishes at once." },
  schedule: { from: STARTABLE, to: "APPROVED", by: ["trustedAuthor"], clears: REVIEW, records: ["scheduledAt", "content"], why: "A trusted creator picks a time to go live." },
  withdraw: { from: ["SUBMITTED", "APPROVED"], to: "DRAFT", when: "neverPublished", by: AUTHOR, clears: [...REVIEW, "submittedAt", "scheduledAt"], records: [], why: "Out of review (or off the schedule) to keep editing." },
  withdrawPublished: { from: ["SUBMITTED", "APPROVED"], to: "UNPUBLISHED", when: "everPublished", by: AUTHOR, clears: [...REVIEW, "submittedAt", "scheduledAt"], records: [], why: "A story that was live before keeps its address, so it goes back to Unpublished." },
  approve: { from: ["SUBMITTED"], to: "PUBLISHED", by: STAFF, clears: [...REVIEW, ...OFF_QUEUE], records: ["publishedAt", "slug"], audit: "REVIEW_APPROVE", why: "A moderator approves; it goes live now." },
  approveScheduled: { from: ["SUBMITTED"], to: "APPROVED", by: STAFF, clears: REVIEW, records: [], audit: "REVIEW_APPROVE", why: "A moderator approves; it goes live at the creator's time." },
  requestChanges: { from: ["SUBMITTED"], to: "CHANGES_REQUESTED", by: STAFF, clears: ["reviewClaimedById", "reviewClaimedAt"], records: ["reviewReason", "reviewNotes"], audit: "REVIEW_REQUEST_CHANGES", why: "Back to the creator with a reason." },
  goLive: { from: ["APPROVED"], to: "PUBLISHED", by: ["scheduler"], clears: OFF_QUEUE, records: ["publishedAt", "slug"], why: "An approved story's time has come." },
  edit: { from: STARTABLE, to: "same", by: AUTHOR, clears: [], records: ["content"], why: "Drafts and stories off the site are edited directly." },
  editLive: { from: ["PUBLISHED"], to: "same", by: AUTHOR, clears: [...REVIEW, "submittedAt"], records: ["content"], why: "A trusted creator's edit (or anyone's minor fix) goes live at once." },
  holdEdit: { from: ["PUBLISHED"], to: "same", by: ["author"], clears: [], records: ["pendingEdit"], why: "An edit to a live story by a creator who is not trusted waits beside the live text." },
  submitEdit: { from: ["PUBLISHED"], to: "same", by: ["author"], clears: [], records: ["pendingEdit", "submittedAt"], why: "The held edit goes to the review queue." },
  approveEdit: { from: ["PUBLISHED"], to: "same", by: STAFF, clears: [...REVIEW, "submittedAt"], records: ["content"], audit: "REVIEW_APPROVE", why: "A moderator approves the held edit; it replaces the live text." },
  requestEditChanges: { from: ["PUBLISHED"], to: "same", by: STAFF, clears: ["reviewClaimedById", "reviewClaimedAt", "submittedAt"], records: ["pendingEdit"], audit: "REVIEW_REQUEST_CHANGES", why: "The held edit goes back to the creator with a reason; the live text stays." },
  unpublish: { from: ["PUBLISHED"], to: "UNPUBLISHED", by: AUTHOR, clears: [...REVIEW, "submittedAt"], records: ["content"], why: "The creator takes their story off the site (a held edit becomes its text: republishing is reviewed)." },
  delete: { from: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "UNPUBLISHED"], to: "same", by: AUTHOR, clears: [...REVIEW, "submittedAt", "scheduledAt"], records: ["deletedAt"], why: "The row stays so the slug is never reused." },
  deleteLive: { from: ["PUBLISHED"], to: "UNPUBLISHED", by: AUTHOR, clears: [...REVIEW, "submittedAt", "scheduledAt"], records: ["deletedAt"], why: "A live story leaves the site as it is deleted." },
  takeDown: { from: NOT_TAKEN_DOWN, to: "REMOVED", by: STAFF, clears: [...REVIEW, "submittedAt", "scheduledAt"], records: [], audit: "STORY_UNPUBLISH", why: "Staff take a story down (a report, a content removal). Its creator can't bring it back." },
  reinstate: { from: ["REMOVED"], to: "PUBLISHED", when: "everPublished", by: STAFF, clears: [], records: [], audit: "STORY_RESTORE", why: "A moderator reverses a takedown." },
  overturn: { from: ["REMOVED"], to: "PUBLISHED", when: "everPublished", by: ["admin"], clears: [], records: [], audit: "APPEAL_OVERTURN", why: "An admin accepts the creator's appeal." },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** Whether `actor` may make `name` from `status` (the table only; the data layer also checks ownership and permissions). */
export function canTransition(name: TransitionName, status: StoryStatusName, actor: LifecycleActor): boolean {
  const t: Transition = TRANSITIONS[name];
  return t.from.includes(status) && t.by.includes(actor);
}

/** The status after `name` from `status`. */
export function statusAfter(name: TransitionName, status: StoryStatusName): StoryStatusName {
  const t: Transition = TRANSITIONS[name];
  return t.to === "same" ? status : t.to;
}

/** The transitions `actor` may make from `status`. */
export function transitionsFrom(status: StoryStatusName, actor: LifecycleActor): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => canTransition(name, status, actor));
}

/** How the creator may change the text in each status (trusted or not). */
export type EditMode = "direct" | "held" | "locked";

/** How an author's save is treated: directly, held for review beside the live text, or refused. */
export function editModeFor(status: StoryStatusName, actor: "author" | "trustedAuthor"): EditMode {
  // Held first: a creator who is not trusted may also editLive, but only a minor fix (lib/domain/story-edits.ts).
  if (canTransition("holdEdit", status, actor)) return "held";
  if (canTransition("edit", status, actor) || canTransition("editLive", status, actor)) return "direct";
  return "locked";
}

/** Why a locked story can't be changed, in words for its creator. */
export function lockedMessage(status: StoryStatusName): string {
  if (status === "APPROVED") return "This story is scheduled to go live, so it can't be changed. Withdraw it to keep editing.";
  if (status === "REMOVED") return "A moderator took this story down, so it can't be changed or published again. You can appeal the decision.";
  return "This story is waiting for review, so it can't be changed. Withdraw it to keep editing.";
}

/** Statuses a creator sees as read-only (waiting, or taken down by staff). */
export const LOCKED_STATUSES = STORY_STATUSES.filter((s) => editModeFor(s, "trustedAuthor") === "locked");
