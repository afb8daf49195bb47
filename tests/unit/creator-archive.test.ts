import { describe, expect, it } from "vitest";
import { mediaKeysIn, parseStoryMarkdown, relativeMedia, storyEntryName, storyToMarkdown, type ArchiveStory } from "@/lib/porting/creator-archive";

const story: ArchiveStory = {
  id: "cm0story",
  title: 'Colons: "quotes" and # hashes',
  subtitle: "---\nnot a fence",
  tags: ["New York", "2026"],
  community: "essays",
  status: "published",
  slug: "colons",
  date: new Date("2026-11-30T10:00:00.000Z"),
  updated: new Date("2026-12-01T08:00:00.000Z"),
  heroImageUrl: "/media/abc123-1600.webp",
  heroImageAlt: "A hero: with a colon",
  aiAssisted: true,
  commentsEnabled: false,
  body: "---\n\nA body that starts with a rule.\n\n![x](https://site.example/media/def456-640.webp)",
};

describe("the creator archive's story files", () => {
  it("write front matter that reads back to the same fields, whatever the text holds", () => {
    const parsed = parseStoryMarkdown(storyToMarkdown(story), "stories/x.md");
    expect(parsed).toEqual({
      ok: true,
      front: {
        title: story.title,
        subtitle: story.subtitle,
        tags: ["New York", "2026"],
        date: story.date,
        updated: story.updated,
        status: "published",
        community: "essays",
        slug: "colons",
        hero_image: "../media/abc123.webp",
        hero_image_alt: "A hero: with a colon",
        ai_assisted: true,
        comments_enabled: false,
        storyhouse_id: "cm0story",
      },
      body: "---\n\nA body that starts with a rule.\n\n![x](../media/def456.webp)",
    });
  });

  it("finds this site's media URLs, absolute or not, once each", () => {
    expect(mediaKeysIn("/media/abc-320.webp /media/abc-1600.webp https://x.test/media/def-640.webp /media/../etc")).toEqual(["abc", "def"]);
    expect(relativeMedia("![a](/media/abc-320.webp)", "../media/")).toBe("![a](../media/abc.webp)");
  });

  it("names files by date and title, unique within the archive", () => {
    const taken = new Set<string>();
    expect(storyEntryName(story, taken)).toBe("stories/2026-11-30-colons-quotes-and-hashes.md");
    expect(storyEntryName(story, taken)).toBe("stories/2026-11-30-colons-quotes-and-hashes-2.md");
    expect(storyEntryName({ ...story, title: "!!!" }, taken)).toBe("stories/2026-11-30-cm0story.md");
  });

  it("read a file without front matter as a draft titled by its heading or its name", () => {
    expect(parseStoryMarkdown("# My title\n\nThe text.", "posts/a.md")).toMatchObject({ ok: true, front: { title: "My title", tags: [] }, body: "The text." });
    expect(parseStoryMarkdown("Just text.", "posts/2024-01-02-the-name.md")).toMatchObject({ ok: true, front: { title: "the name" }, body: "Just text." });
    expect(parseStoryMarkdown("---\ntitle: T\ntags: a, b\ndate: 2024-05-06\n---\nBody", "x.md")).toMatchObject({ ok: true, front: { tags: ["a", "b"], date: new Date("2024-05-06T00:00:00Z") } });
  });

  it("refuse a bad file with a reason that names the entry", () => {
    expect(parseStoryMarkdown("---\ntitle: [unclosed\n---\nx", "stories/bad.md")).toEqual({ ok: false, error: expect.stringMatching(/^stories\/bad\.md: the front matter isn't valid YAML/) });
    expect(parseStoryMarkdown("---\nsubtitle: no title\n---\nx", "stories/untitled.md")).toEqual({ ok: false, error: expect.stringMatching(/^stories\/untitled\.md: has a field "title"/) });
    expect(parseStoryMarkdown("---\ntitle: T\ndate: someday\n---\n", "s/d.md")).toEqual({ ok: false, error: "s/d.md: has a date that isn't one (someday)" });
    expect(parseStoryMarkdown("---\ntitle: T\nstatus: live\n---\n", "s/s.md")).toEqual({ ok: false, error: expect.stringMatching(/^s\/s\.md: has a status that isn't one of draft, /) });
    expect(parseStoryMarkdown("---\n- a list\n---\n", "s/l.md")).toEqual({ ok: false, error: "s/l.md: the front matter isn't a list of fields" });
    // YAML alias bombs are refused, not expanded.
    const bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: T\n---\n";
    expect(parseStoryMarkdown(bomb, "s/bomb.md")).toMatchObject({ ok: false });
  });
});
