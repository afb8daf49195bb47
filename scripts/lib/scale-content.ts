// Generated content at scale for `npm run seed:scale` and `npm run bench`: creators, stories of
// varied length with sections and tags over five years, threaded comments, hearts. Deterministic
// (a seeded generator), written in batches with multi-row inserts (unnest), counters set from the
// rows themselves, search vectors rebuilt at the end.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { stories as demoStories } from "../../prisma/seed-content";
import { slugify } from "../../lib/content/slug";

export type ScaleOptions = { stories: number; comments: number; creators: number; seed?: number; onProgress?: (phase: string, done: number, total: number) => void };
export type ScaleResult = { creators: number; stories: number; published: number; comments: number; hearts: number; tags: number; seconds: number };

const YEAR = 365 * 24 * 3600 * 1000;
const BATCH = 2000;

/** mulberry32: small, fast and good enough for varied test content. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)] };
}

// The demo stories' own words: plain words only, so the Markdown and the HTML can be written
// side by side without a renderer (100,000 renders would take minutes).
const vocabulary = [...new Set(demoStories.flatMap((s) => s.body.split(/\s+/)).map((w) => w.replace(/[^A-Za-z'-]/g, "")).filter((w) => w.length > 1 && w.length < 14 && !w.startsWith("'")))];

function sentence(r: ReturnType<typeof generator>, words: number) {
  const list = Array.from({ length: words }, () => r.pick(vocabulary).toLowerCase());
  list[0] = list[0][0].toUpperCase() + list[0].slice(1);
  return `${list.join(" ")}.`;
}

function paragraph(r: ReturnType<typeof generator>, words: number) {
  const parts: string[] = [];
  for (let left = words; left > 0; ) {
    const n = Math.min(left, 8 + r.int(14));
    parts.push(sentence(r, n));
    left -= n;
  }
  return parts.join(" ");
}

function titleCase(words: string[]) {
  return words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join(" ");
}

/** A story body of about `words` words in sections, as Markdown and as the HTML the renderer would make. */
function storyBody(r: ReturnType<typeof generator>, words: number) {
  const sections = Math.max(1, Math.round(words / 300));
  const md: string[] = [];
  const html: string[] = [];
  const ids = new Set<string>();
  for (let s = 0; s < sections; s++) {
    const heading = titleCase(Array.from({ length: 2 + r.int(3) }, () => r.pick(vocabulary)));
    let id = slugify(heading) || "section";
    while (ids.has(id)) id += "-1";
    ids.add(id);
    md.push(`## ${heading}`);
    html.push(`<h2 id="${id}">${heading}</h2>`);
    for (let left = Math.round(words / sections); left > 0; ) {
      const n = Math.min(left, 40 + r.int(80));
      const text = paragraph(r, n);
      md.push(text);
      html.push(`<p>${text}</p>`);
      left -= n;
    }
  }
  return { markdown: md.join("\n\n"), html: html.join("\n") };
}

async function insertRows(client: pg.Client, table: string, columns: [name: string, type: string][], rows: unknown[][]) {
  if (!rows.length) return;
  const arrays = columns.map((_, c) => rows.map((row) => row[c]));
  const casts = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  await client.query(`insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(", ")}) select * from unnest(${casts})`, arrays);
}

/** Adds generated creators, stories, comments and hearts to the database at `url`. */
export async function seedScale(url: string, options: ScaleOptions): Promise<ScaleResult> {
  const t0 = performance.now();
  const r = generator(options.seed ?? 20261129);
  const progress = options.onProgress ?? (() => {});
  const run = randomUUID().slice(0, 6);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set synchronous_commit = off");
    // Communities: the site's own, or eight new ones on an empty database.
    let communities = (await client.query<{ id: string }>(`select id from "Community"`)).rows.map((c) => c.id);
    if (communities.length === 0) {
      const names = ["Journal", "Fiction", "Lifehack", "The Swamp", "Travel", "Science", "Poetry", "Families"];
      await insertRows(client, "Community", [["id", "text"], ["slug", "text"], ["name", "text"], ["description", "text"]], names.map((n) => [randomUUID(), slugify(n), n, `${n} stories.`]));
      communities = (await client.query<{ id: string }>(`select id from "Community"`)).rows.map((c) => c.id);
    }

    // Creators (they can sign in with the demo password).
    const passwordHash = await hash("storyhouse-demo");
    const now = Date.now();
    const creatorIds: string[] = [];
    for (let i = 0; i < options.creators; i += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, options.creators - i) }, (_, j) => {
        const n = i + j;
        const id = randomUUID();
        creatorIds.push(id);
        const name = titleCase([r.pick(vocabulary), r.pick(vocabulary)]);
        const joined = new Date(now - r.next() * 5 * YEAR);
        return [id, `scale-${run}-${n}@example.com`, name, `scale-${run}-${n}`, passwordHash, paragraph(r, 10 + r.int(30)), joined, joined, joined];
      });
      await insertRows(client, "User", [["id", "text"], ["email", "text"], ["name", "text"], ["handle", "text"], ["passwordHash", "text"], ["bio", "text"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"], ["emailVerifiedAt", "timestamptz"]], rows);
      progress("creators", Math.min(i + BATCH, options.creators), options.creators);
    }

    // Tags.
    const tagNames = [...new Set(Array.from({ length: 300 }, () => titleCase([r.pick(vocabulary)])))].slice(0, 150);
    await client.query(`insert into "Tag" (id, slug, name) select gen_random_uuid()::text, s, n from unnest($1::text[], $2::text[]) as t(s, n) on conflict (slug) do nothing`, [tagNames.map((n) => slugify(n)), tagNames]);
    const tagIds = (await client.query<{ id: string }>(`select id from "Tag" where slug = any($1)`, [tagNames.map((n) => slugify(n))])).rows.map((t) => t.id);

    // Stories: lengths from a few hundred to a few thousand words, most published, over five years.
    const storyIds: string[] = [];
    const storyTimes: number[] = [];
    let published = 0;
    for (let i = 0; i < options.stories; i += BATCH) {
      const stories: unknown[][] = [];
      const storyTags: unknown[][] = [];
      for (let j = 0; j < Math.min(BATCH, options.stories - i); j++) {
        const n = i + j;
        const words = Math.round(150 + Math.exp(r.next() * Math.log(25)) * 90);
        const body = storyBody(r, words);
        const title = titleCase(Array.from({ length: 3 + r.int(5) }, () => r.pick(vocabulary)));
        const status = r.next() < 0.94 ? "PUBLISHED" : r.pick(["DRAFT", "DRAFT", "SUBMITTED", "UNPUBLISHED"]);
        const at = new Date(now - r.next() * 5 * YEAR);
        const id = randomUUID();
        storyIds.push(id);
        storyTimes.push(status === "PUBLISHED" ? at.getTime() : -1);
        if (status === "PUBLISHED") published++;
        stories.push([
          id, r.pick(creatorIds), r.pick(communities), status === "PUBLISHED" ? `${slugify(title, 60)}-${run}${n}` : null, title,
          r.next() < 0.7 ? paragraph(r, 8 + r.int(12)) : "", body.markdown, body.html, words, Math.max(1, Math.round(words / 230)),
          status, status === "PUBLISHED" ? at : null, status === "SUBMITTED" ? at : null, at, at,
        ]);
        const picked = new Set<string>();
        for (let t = r.int(5); t > 0; t--) picked.add(r.pick(tagIds));
        for (const tagId of picked) storyTags.push([id, tagId]);
      }
      await insertRows(client, "Story", [["id", "text"], ["authorId", "text"], ["communityId", "text"], ["slug", "text"], ["title", "text"], ["subtitle", "text"], ["bodyMarkdown", "text"], ["bodyHtml", "text"], ["wordCount", "int"], ["readingMinutes", "int"], ["status", '"StoryStatus"'], ["publishedAt", "timestamptz"], ["submittedAt", "timestamptz"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"]], stories);
      await insertRows(client, "StoryTag", [["storyId", "text"], ["tagId", "text"]], storyTags);
      progress("stories", Math.min(i + BATCH, options.stories), options.stories);
    }
    const publishedIndexes = storyTimes.flatMap((t, i) => (t >= 0 ? [i] : []));

    // Comments on published stories, popular stories getting most (a power law); one in five is a
    // reply to an earlier comment on the same story.
    const lastComment = new Map<number, string>();
    let comments = 0;
    for (let i = 0; i < options.comments && publishedIndexes.length; i += BATCH * 5) {
      const rows: unknown[][] = [];
      for (let j = 0; j < Math.min(BATCH * 5, options.comments - i); j++) {
        const s = publishedIndexes[Math.floor(publishedIndexes.length * r.next() ** 2.5)];
        const id = randomUUID();
        const parent = r.next() < 0.2 ? (lastComment.get(s) ?? null) : null;
        if (!parent) lastComment.set(s, id);
        const text = paragraph(r, 5 + r.int(50));
        const at = new Date(Math.min(now, storyTimes[s] + r.next() * 30 * 24 * 3600 * 1000));
        rows.push([id, storyIds[s], r.pick(creatorIds), parent, text, `<p>${text}</p>`, at]);
      }
      await insertRows(client, "Comment", [["id", "text"], ["storyId", "text"], ["authorId", "text"], ["parentId", "text"], ["body", "text"], ["bodyHtml", "text"], ["createdAt", "timestamptz"]], rows);
      comments += rows.length;
      progress("comments", comments, options.comments);
    }

    // Hearts: distinct readers per story, a few for most, many for some.
    let hearts = 0;
    for (let i = 0; i < publishedIndexes.length; i += BATCH) {
      const rows: unknown[][] = [];
      for (const s of publishedIndexes.slice(i, i + BATCH)) {
        const count = Math.min(creatorIds.length, Math.floor(r.next() ** 4 * 60));
        const start = r.int(creatorIds.length);
        for (let k = 0; k < count; k++) rows.push([creatorIds[(start + k * 7919) % creatorIds.length], storyIds[s], new Date(storyTimes[s] + k * 3_600_000)]);
      }
      await client.query(`insert into "Heart" ("userId", "storyId", "createdAt") select * from unnest($1::text[], $2::text[], $3::timestamptz[]) on conflict do nothing`, [rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2])]);
      hearts += rows.length;
      progress("hearts", Math.min(i + BATCH, publishedIndexes.length), publishedIndexes.length);
    }

    // Counters from the rows themselves, then search vectors and statistics.
    progress("counters", 0, 1);
    await client.query(`update "Story" s set "commentCount" = c.n from (select "storyId", count(*)::int n from "Comment" where status = 'VISIBLE' group by "storyId") c where s.id = c."storyId"`);
    await client.query(`update "Story" s set "heartCount" = h.n from (select "storyId", count(*)::int n from "Heart" group by "storyId") h where s.id = h."storyId"`);
    await client.query(`update "User" u set "followerCount" = f.n from (select "creatorId", count(*)::int n from "Follow" group by "creatorId") f where u.id = f."creatorId"`);
    progress("counters", 1, 1);
    // Imported here: the data layer reads DATABASE_URL when it first loads.
    process.env.DATABASE_URL ??= url;
    // A batch may take longer than the app's per-statement bound (DB_QUERY_TIMEOUT_MS, 10 s).
    process.env.DB_QUERY_TIMEOUT_MS ??= String(30 * 60_000);
    const { refreshSearchVectorsOf } = await import("../../lib/data/search-vectors");
    for (let i = 0; i < storyIds.length; i += 5000) {
      await refreshSearchVectorsOf(storyIds.slice(i, i + 5000));
      progress("search index", Math.min(i + 5000, storyIds.length), storyIds.length);
    }
    // Trending and top creators, as the first sweep would compute them.
    const { recomputeDiscoveryRankings } = await import("../../lib/data/discovery");
    await recomputeDiscoveryRankings();
    await client.query("analyze");
    return { creators: creatorIds.length, stories: storyIds.length, published, comments, hearts, tags: tagIds.length, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await client.end();
  }
}
