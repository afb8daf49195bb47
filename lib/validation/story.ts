import { z } from "@/lib/zod";
import { imageAltSchema, imageUrlSchema, singleLineText } from "@/lib/validation/form";
import { slugify } from "@/lib/content/slug";
import { markdownStructureProblem, STORY_STRUCTURE } from "@/lib/content/structure";
import { scheduleWindowProblem } from "@/lib/domain/publishing-rules";
import { MAX_TAGS, STORY_SUBTITLE_MAX, STORY_TITLE_MAX } from "@/lib/validation/limits";

/** 100,000 characters is about 16,000 words: far past any story, well short of abuse. */
export const STORY_BODY_MAX = 100_000;

/** "Poetry, poetry ,New  York" → [["poetry", "Poetry"], ["new-york", "New York"]]: first spelling wins. */
function splitTags(list: string): [string, string][] {
  const bySlug = new Map<string, string>();
  for (const raw of list.split(",")) {
    const name = raw.trim().replace(/\s+/g, " ");
    if (name && !bySlug.has(slugify(name, 40))) bySlug.set(slugify(name, 40), name);
  }
  return [...bySlug.entries()];
}

export const storyInputSchema = z.object({
  title: z.string().overwrite(singleLineText).trim().min(1, "Give your story a title").max(STORY_TITLE_MAX, `Keep the title under ${STORY_TITLE_MAX} characters`),
  subtitle: z.string().overwrite(singleLineText).trim().max(STORY_SUBTITLE_MAX, `Keep the subtitle under ${STORY_SUBTITLE_MAX} characters`).default(""),
  community: z.string().trim().min(1, "Choose a community").max(64, "Choose a community from the list"),
  body: z
    .string()
    .max(STORY_BODY_MAX, `Stories can be at most ${STORY_BODY_MAX.toLocaleString("en")} characters; split this one into parts`)
    // Before rendering: shapes that are cheap to type but costly to format (lib/content/structure.ts).
    .superRefine((body, ctx) => {
      const problem = body.length <= STORY_BODY_MAX && markdownStructureProblem(body, STORY_STRUCTURE);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .default(""),
  tags: z
    .string()
    .overwrite(singleLineText)
    .max(400, "Use up to 5 short tags")
    .default("")
    .transform(splitTags)
    .pipe(
      z
        .array(z.tuple([z.string().min(1, "Tags need at least one letter or number"), z.string().max(30, "Keep each tag under 30 characters")]))
        .max(MAX_TAGS, `Use at most ${MAX_TAGS} tags`),
    )
    .transform((pairs) => pairs.map(([slug, name]) => ({ slug, name }))),
  heroImageUrl: imageUrlSchema("Choose the hero image again"),
  heroImageAlt: imageAltSchema,
  aiAssisted: z
    .union([z.boolean(), z.string()])
    .transform((value) => value === true || value === "on" || value === "true")
    .default(false),
});
export type StoryInput = z.infer<typeof storyInputSchema>;

/** The version of the story the editor started from: a save naming an older one is a conflict. */
export const storyVersionSchema = z.coerce.number().int().min(1).optional().catch(undefined);

export const storyIntentSchema = z.enum(["save", "publish", "autosave"]).catch("save");

/** The editor's optional "Publish at": an ISO time in the future, at most a year ahead (lib/domain/publishing-rules.ts). Empty means now. */
export const publishAtSchema = z
  .string()
  .trim()
  .max(40)
  .default("")
  .transform((value, ctx) => {
    if (!value) return null;
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: "Choose a date and time to publish" });
      return z.NEVER;
    }
    return at;
  })
  .superRefine((at, ctx) => {
    const problem = at && scheduleWindowProblem(at);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
