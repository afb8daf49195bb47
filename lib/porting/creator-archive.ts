// The creator archive (format "storyhouse-creator-archive", version 1): what "Download my data"
// writes and the Markdown import reads back. Pure: no I/O, no Prisma. docs/porting.md describes
// the format for people; this file is its one statement in code.
//
//   manifest.json            format, version, when, which site, counts
//   README.md                the format, for whoever opens the zip
//   profile.json             name, handle, email, bio, links, avatar, joined
//   comments.json            the creator's own comments (not imported: they belong to others' stories)
//   stories/<file>.md        one story each: YAML front matter, then the Markdown body
//   media/<key>.webp         every image a story or the profile uses (the largest stored width)
//
// Images inside the archive are referenced relatively (`../media/<key>.webp` from a story,
// `media/<key>.webp` from profile.json), so the folder reads well in any Markdown tool.
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "@/lib/zod";
import { slugify, withNumericSuffix } from "@/lib/content/slug";

export const ARCHIVE_FORMAT = "storyhouse-creator-archive";
export const ARCHIVE_VERSION = 1;

/** Story statuses as the front matter writes them (lower case, dashes). */
export const ARCHIVE_STATUSES = ["draft", "submitted", "changes-requested", "approved", "published", "unpublished", "removed"] as const;
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number];

export function archiveStatus(status: string): ArchiveStatus {
  return status.toLowerCase().replace(/_/g, "-") as ArchiveStatus;
}

/** One story as the archive holds it (front matter + body), media references still site URLs. */
export type ArchiveStory = {
  id: string;
  title: string;
  subtitle: string;
  tags: string[];
  community: string;
  status: ArchiveStatus;
  slug: string | null;
  /** When it went live, or when it was started for a story never published. */
  date: Date;
  updated: Date;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
  aiAssisted: boolean;
  commentsEnabled: boolean;
  body: string;
};

// Stored image URLs: `/media/<key>-<width>.webp` (lib/media/widths.ts), possibly with the site's origin.
const MEDIA_URL = /(?:https?:\/\/[^\s/()"'<>]+)?\/media\/([a-z0-9]{1,64})-\d{1,5}\.webp/g;

/** The media keys a text refers to, in order of first appearance. */
export function mediaKeysIn(text: string): string[] {
  return [...new Set([...text.matchAll(MEDIA_URL)].map((m) => m[1]))];
}

/** Replaces this site's media URLs with `${prefix}<key>.webp` (prefix "../media/" from a story). */
export function relativeMedia(text: string, prefix: string): string {
  return text.replace(MEDIA_URL, (_all, key: string) => `${prefix}${key}.webp`);
}

export function mediaEntryName(key: string): string {
  return `media/${key}.webp`;
}

/** `stories/2026-11-30-a-walk-by-the-river.md`, unique among `taken` (which it extends). */
export function storyEntryName(story: Pick<ArchiveStory, "date" | "title" | "id">, taken: Set<string>): string {
  const base = `${story.date.toISOString().slice(0, 10)}-${slugify(story.title, 60) || story.id}`;
  const name = withNumericSuffix(base, taken);
  taken.add(name);
  return `stories/${name}.md`;
}

/** A story's file: YAML front matter, a blank line, the Markdown body (media made relative). */
export function storyToMarkdown(story: ArchiveStory): string {
  const front: Record<string, unknown> = {
    title: story.title,
    subtitle: story.subtitle,
    tags: story.tags,
    date: story.date.toISOString(),
    updated: story.updated.toISOString(),
    status: story.status,
    community: story.community,
    ...(story.slug ? { slug: story.slug } : {}),
    ...(story.heroImageUrl ? { hero_image: relativeMedia(story.heroImageUrl, "../media/"), hero_image_alt: story.heroImageAlt ?? "" } : {}),
    ai_assisted: story.aiAssisted,
    comments_enabled: story.commentsEnabled,
    storyhouse_id: story.id,
  };
  return `---\n${stringifyYaml(front, { lineWidth: 0 })}---\n\n${relativeMedia(story.body, "../media/")}`;
}

/** A YAML date, or text that reads as one. */
const dateField = z
  .union([z.date(), z.string()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const at = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: `has a date that isn't one (${String(value).slice(0, 40)})` });
      return z.NEVER;
    }
    return at;
  });

const frontMatterSchema = z.object({
  title: z.string().trim().min(1, "has no title"),
  subtitle: z.string().default(""),
  tags: z.union([z.array(z.union([z.string(), z.number()])), z.string()]).default([]).transform((tags) => (typeof tags === "string" ? tags.split(",") : tags).map((t) => String(t).trim()).filter(Boolean)),
  date: dateField,
  updated: dateField,
  status: z.enum(ARCHIVE_STATUSES, { message: `has a status that isn't one of ${ARCHIVE_STATUSES.join(", ")}` }).optional(),
  community: z.string().optional(),
  slug: z.string().optional(),
  hero_image: z.string().optional(),
  // Names other static-site tools use for the same things (Hugo, Jekyll, dev.to).
  image: z.string().optional(),
  cover_image: z.string().optional(),
  draft: z.boolean().optional(),
  hero_image_alt: z.string().default(""),
  ai_assisted: z.boolean().default(false),
  comments_enabled: z.boolean().default(true),
  storyhouse_id: z.string().optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type ParsedStoryFile = { ok: true; front: FrontMatter; body: string } | { ok: false; error: string };

/**
 * Reads one `.md` entry: front matter between `---` lines at the very top (YAML), then the body.
 * A file without front matter is a draft titled by its first `# heading` (or its file name).
 */
export function parseStoryMarkdown(text: string, entryName: string): ParsedStoryFile {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(source);
  let data: unknown = {};
  let body = source;
  if (match) {
    try {
      data = parseYaml(match[1], { maxAliasCount: 10 }) ?? {};
    } catch (error) {
      const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      return { ok: false, error: `${entryName}: the front matter isn't valid YAML${line ? ` (line ${line + 1})` : ""}` };
    }
    if (typeof data !== "object" || Array.isArray(data)) return { ok: false, error: `${entryName}: the front matter isn't a list of fields` };
    body = source.slice(match[0].length).replace(/^\n/, "");
  } else {
    const heading = /^# (.+)\n+/.exec(source);
    const name = entryName.split("/").pop()!.replace(/\.md$/i, "").replace(/^\d{4}-\d\d-\d\d-/, "").replace(/-/g, " ");
    data = { title: heading ? heading[1] : name };
    if (heading) body = source.slice(heading[0].length);
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    const reason = issue.message.startsWith("has ") ? issue.message : `has a field "${field}" that can't be read (${issue.message})`;
    return { ok: false, error: `${entryName}: ${reason}` };
  }
  return { ok: true, front: parsed.data, body };
}

/** The archive's manifest.json. */
export type ArchiveManifest = { format: typeof ARCHIVE_FORMAT; version: number; exportedAt: string; site: string; handle: string; counts: { stories: number; comments: number; media: number } };

export const archiveReadme = (site: string) => `# Your Storyhouse archive

Exported from ${site}. Format "${ARCHIVE_FORMAT}", version ${ARCHIVE_VERSION}.

- stories/*.md: one file per story (published, drafts and the rest), YAML front matter then the
  story in Markdown. Fields: title, subtitle, tags, date (when it went live, or was started),
  updated, status, community, slug, hero_image, hero_image_alt, ai_assisted, comments_enabled,
  storyhouse_id.
- media/: the images your stories and profile use, as WebP; stories point at them as ../media/….
- profile.json: your name, handle, email, bio, links and avatar.
- comments.json: the comments you wrote, with the story each was on.
- manifest.json: what this file is, for the importer.

Any Storyhouse imports this zip again at Settings → Your data → Import (comments are not
imported: they belong to other people's stories).
`;
