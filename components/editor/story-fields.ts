import type { StoryDraft } from "@/lib/data/studio-stories";

// The editor's fields as typed, and the one mapping from a saved story to them (the edit page's
// first render, and "Load the other version" after a conflict).

export type StoryFieldValues = {
  title: string;
  subtitle: string;
  community: string;
  tags: string;
  body: string;
  heroImageUrl: string;
  heroImageAlt: string;
  aiAssisted: boolean;
};

export const BLANK_STORY_FIELDS: StoryFieldValues = { title: "", subtitle: "", community: "", tags: "", body: "", heroImageUrl: "", heroImageAlt: "", aiAssisted: false };

/** A saved story's text as the editor's fields. */
export function storyFieldsOf(story: Pick<StoryDraft, keyof StoryFieldValues>): StoryFieldValues {
  return { title: story.title, subtitle: story.subtitle, community: story.community, tags: story.tags, body: story.body, heroImageUrl: story.heroImageUrl, heroImageAlt: story.heroImageAlt, aiAssisted: story.aiAssisted };
}

export function sameFields(a: StoryFieldValues, b: StoryFieldValues) {
  return (Object.keys(a) as (keyof StoryFieldValues)[]).every((key) => a[key] === b[key]);
}

/** The body's words without image and link targets, for the word count. */
export function plainTextOf(markdown: string) {
  return markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, " ").replace(/\]\([^)]*\)/g, "]");
}
