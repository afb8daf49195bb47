import { z } from "zod";

/** 100,000 characters is about 16,000 words: far past any story, well short of abuse. */
export const STORY_BODY_MAX = 100_000;

export const storyInputSchema = z.object({
  title: z.string().trim().min(1, "Give your story a title").max(150, "Keep the title under 150 characters"),
  subtitle: z.string().trim().max(250, "Keep the subtitle under 250 characters").default(""),
  community: z.string().trim().min(1, "Choose a community").max(64, "Choose a community from the list"),
  body: z.string().max(STORY_BODY_MAX, `Stories can be at most ${STORY_BODY_MAX.toLocaleString("en")} characters; split this one into parts`).default(""),
});
export type StoryInput = z.infer<typeof storyInputSchema>;

export const storyIntentSchema = z.enum(["save", "publish"]).catch("save");
