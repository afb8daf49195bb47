// Feeds carry user text (titles, subtitles, names, tags, community names, bios): it must never end
// an element or a CDATA section early, nor make the feed malformed. Every feed is read with saxes,
// a strict XML 1.0 parser (rss-parser is lenient: it skips what it cannot read), and must hold
// exactly the expected items with exactly the expected text.
import { describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { SaxesParser } from "saxes";
import { db } from "@/lib/db";
import { cachedRssFeed, type FeedScope } from "@/lib/cache/feeds";
import { storyInputSchema } from "@/lib/validation/story";
import { profileInputSchema } from "@/lib/validation/profile";
import { signUpSchema } from "@/lib/validation/auth";
import { updateMyProfile } from "@/lib/data/users";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";

vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {} }));

type Item = { title: string; description?: string; creator: string; categories: string[]; link: string };

/** The channel's title and items, or a thrown error at the first thing XML 1.0 does not allow. */
function parseStrictly(xml: string): { title: string; items: Item[] } {
  const parser = new SaxesParser({ xmlns: false });
  const items: Item[] = [];
  const path: string[] = [];
  let text = "";
  let channelTitle = "";
  let item: Partial<Item> & { categories: string[] } = { categories: [] };
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    path.push(tag.name);
    text = "";
    if (tag.name === "item") item = { categories: [] };
  });
  parser.on("text", (t) => (text += t));
  parser.on("cdata", (t) => (text += t));
  parser.on("closetag", (tag) => {
    const parent = path[path.length - 2];
    if (parent === "channel" && tag.name === "title") channelTitle = text;
    if (parent === "item") {
      if (tag.name === "title") item.title = text;
      if (tag.name === "description") item.description = text;
      if (tag.name === "dc:creator") item.creator = text;
      if (tag.name === "link") item.link = text;
      if (tag.name === "category") item.categories.push(text);
    }
    if (tag.name === "item") items.push(item as Item);
    path.pop();
    text = "";
  });
  parser.write(xml).close();
  return { title: channelTitle, items };
}

async function feed(scope: FeedScope) {
  const xml = await cachedRssFeed(scope);
  expect(xml).not.toBeNull();
  return parseStrictly(xml!);
}

const injection = "</title></item><item><title>Injected";
const cdataBreak = "a ]]> b ]]><item><title>Injected</title></item><![CDATA[ c";

describe("feeds with hostile text", () => {
  it("stay well-formed and hold exactly the expected items, text intact but without control characters", async () => {
    const unique = randomUUID().slice(0, 6);
    // The author's name and bio come through the sign-up and profile schemas, as from the forms.
    const author = await makeUser();
    const profile = profileInputSchema.parse({ name: `Eve\u0001 ]]> <b>&amp;\u0085 ${unique}`, bio: `Bio ]]>\u0001 </description>\nline two` });
    await updateMyProfile(author, { ...profile, handle: undefined, links: undefined });
    expect(signUpSchema.parse({ name: "Zoë\u0001\u0085\u0008 Line\nBreak", email: "z@example.com", password: "long enough" }).name).toBe("Zoë Line Break");
    const community = await makeCommunity();
    await db.community.update({ where: { id: community.id }, data: { name: `Com]]>mun</category>ity\u0001 ${unique}` } });

    // A story through the editor's schema: the control characters go at the door.
    const input = storyInputSchema.parse({
      title: `${injection}\u0001 one\u0085`,
      subtitle: cdataBreak,
      community: community.slug,
      body: "## Part\n\nText with a ]]> in it and a \u0001 control.",
      tags: `Rain\u0001]]>, </category><category>Fake, Lone\uD800Surrogate`,
    });
    expect(input.title).toBe(`${injection} one`);
    expect(input.tags.map((t) => t.name)).toEqual(["Rain]]>", "</category><category>Fake", "Lone\uFFFDSurrogate"]);
    const validated = await makePublishedStory(author, community.slug, input);
    // A row saved before the schemas stripped control characters: the feed writer drops them itself.
    const legacy = await makePublishedStory(author, community.slug, { title: "Legacy", tags: [input.tags[0]] });
    await db.story.update({ where: { id: legacy.id }, data: { title: "Old\u0001 row\u0085 ]]> \uFFFF end", subtitle: "Sub\u0008title ]]>", publishedAt: new Date(Date.now() - 60_000) } });
    await db.user.update({ where: { id: author.id }, data: { name: `Eve\u0001\u0085 ]]> ${unique}` } });

    const expected = [
      { title: `${injection} one`, description: cdataBreak, creator: `Eve ]]> ${unique}`, categories: [`Com]]>mun</category>ity ${unique}`, "Rain]]>", "</category><category>Fake", "Lone\uFFFDSurrogate"] },
      { title: "Old row ]]>  end", description: "Subtitle ]]>", creator: `Eve ]]> ${unique}`, categories: [`Com]]>mun</category>ity ${unique}`, "Rain]]>"] },
    ];
    const tag = input.tags[0].slug;
    for (const scope of [{ kind: "site" }, { kind: "community", slug: community.slug }, { kind: "creator", handle: author.handle }, { kind: "tag", slug: tag }] as const) {
      const { items, title } = await feed(scope);
      // Tags come in the order the feed lists them; which order that is doesn't matter here.
      const sorted = (list: { categories: string[] }[]) => list.map((i) => ({ ...i, categories: [...i.categories].sort() }));
      expect(sorted(items.map(({ link, ...rest }) => rest)), scope.kind).toEqual(sorted(expected));
      expect(items.map((i) => i.link)).toEqual([validated.href, legacy.href].map((href) => `http://localhost:3000${href}`));
      if (scope.kind === "community") expect(title).toBe(`Com]]>mun</category>ity ${unique} · Storyhouse`);
      if (scope.kind === "creator") expect(title).toBe(`Eve ]]> ${unique} · Storyhouse`);
    }
  });
});
