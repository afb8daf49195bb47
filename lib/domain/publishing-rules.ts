// A community's publishing rules and the "Publish at" window, in one pure, client-safe place:
// the editor (quick messages), publishing (the server's check) and the review queue's checks all
// call these, so what a creator is told and what is enforced can't drift apart.

/** What a community asks of a story before it goes live. */
export type CommunityRulesInput = {
  name: string;
  requireSubtitle: boolean;
  requireHero: boolean;
  minWords: number;
  /** false: stories marked AI-assisted can't go live here (absent: allowed). */
  allowAiAssisted?: boolean;
  /** An archived community keeps its stories but takes no new ones. */
  archived?: boolean;
};

/** The parts of a story the rules look at (words already counted, text already trimmed or not). */
export type StoryRulesInput = {
  title: string;
  subtitle: string;
  wordCount: number;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
  aiAssisted?: boolean;
  /** Already published in this community: an edit, which an archived community still takes. */
  liveHere?: boolean;
};

/** Field problems, keyed by the editor's field names; empty when the story may go live. */
export type PublishProblems = Partial<Record<"title" | "community" | "body" | "subtitle" | "heroImage" | "heroImageAlt" | "aiAssisted", string[]>>;

/** Why an archived community refuses a story: the same words in the editor, on publishing and in review. */
export function archivedProblem(communityName: string): string {
  return `${communityName} is archived and takes no new stories; choose another community`;
}

/** A draft may keep a hero image without its description for now; a published story may not. */
export const HERO_ALT_MISSING = "Describe the hero image for readers who can't see it";

/** The community's rules (and a described hero image): what keeps this story from going live. */
export function publishProblems(story: StoryRulesInput, community: CommunityRulesInput | null | undefined): PublishProblems {
  const problems: PublishProblems = {};
  if (!story.title.trim()) problems.title = ["Give your story a title"];
  if (!community) {
    problems.community = ["Choose a community"];
    return problems;
  }
  if (community.archived && !story.liveHere) problems.community = [archivedProblem(community.name)];
  if (story.wordCount === 0) problems.body = ["Write your story before publishing"];
  else if (story.wordCount < community.minWords) problems.body = [`${community.name} stories need at least ${community.minWords} words; this one has ${story.wordCount}`];
  if (community.requireSubtitle && !story.subtitle.trim()) problems.subtitle = [`${community.name} stories need a subtitle`];
  if (community.requireHero && !story.heroImageUrl) problems.heroImage = [`${community.name} stories need a hero image`];
  if (story.heroImageUrl && !story.heroImageAlt?.trim()) problems.heroImageAlt = [HERO_ALT_MISSING];
  if (community.allowAiAssisted === false && story.aiAssisted) problems.aiAssisted = [`${community.name} doesn't take AI-assisted stories`];
  return problems;
}

export function hasProblems(problems: PublishProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** How far ahead "Publish at" may be. */
export const PUBLISH_AT_MAX_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a "Publish at" time can't be used (null when it can): it must be in the future, at most a year ahead. */
export function scheduleWindowProblem(at: Date, now: number = Date.now()): string | null {
  if (at.getTime() <= now) return "Choose a time in the future, or leave it empty to publish now";
  if (at.getTime() > now + PUBLISH_AT_MAX_DAYS * DAY_MS) return "Schedule at most a year ahead";
  return null;
}
