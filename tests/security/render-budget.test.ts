// Bounded rendering (docs/security.md, "Bounded rendering of user text"): hostile Markdown through
// the real save paths is refused with a field error or rendered within the budget, and an input
// the checks miss costs one render worker, never the process.
//
//   npx vitest run --project security tests/security/render-budget.test.ts
//   FUZZ_RENDER_RUNS=2000 npx vitest run --project security tests/security/render-budget.test.ts
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { renderComment, renderStory } from "@/lib/content/markdown";
import { renderInPool, renderWorkerCounts } from "@/lib/content/render-pool";
import { createComment, editComment } from "@/lib/data/comments";
import { createDraft, updateStory } from "@/lib/data/stories";
import { STORY_BODY_MAX, storyInputSchema } from "@/lib/validation/story";
import { COMMENT_MAX, commentInputSchema } from "@/lib/validation/comment";
import { fieldErrorsOf } from "@/lib/validation/form";
import { community, publishedStory, quickUser } from "./world";

const RUNS = Number(process.env.FUZZ_RENDER_RUNS ?? 40);
/**
 * Wall-clock limit for one accepted save in this test, rendering included. The budget proper
 * (250 ms, measured without a database or a test runner beside it) is scripts/bench-render.ts;
 * this machine is shared, so here the limit is what a save may never exceed: below the pool's
 * own time limit, so an accepted input can never have been cut off.
 */
const SAVE_LIMIT_MS = Number(process.env.FUZZ_RENDER_LIMIT_MS ?? 15_000);

// The findings, as they were typed.
const FINDINGS: [string, string][] = [
  ["`>` × 10,000 (one 10 KB autosave took the site down)", ">".repeat(10_000)],
  ["7,000 nested quotes", "> ".repeat(7_000) + "x"],
  ["`- ` × 4,000", "- ".repeat(4_000)],
  ["`*_` × 50,000", "*_".repeat(50_000)],
  ["mixed `> - > -`", "> - ".repeat(2_000) + "x"],
];

let author: Viewer;
let communitySlug: string;
let storyId: string;
beforeAll(async () => {
  author = await quickUser({ role: "ADMIN" }); // staff: no comment rate limits in the way
  communitySlug = (await community()).slug;
  storyId = (await publishedStory(author, communitySlug)).id;
  await renderComment("warm up"); // the first worker loads the toolchain
}, 120_000);

const storyFields = (body: string) => ({ title: "Hostile", community: communitySlug, body });

/** The refusal as the user sees it: the body's field error, from the schema or the data layer. */
async function saveStory(body: string, asAutosaveOf?: string): Promise<{ refused: string | null; ms: number }> {
  const parsed = storyInputSchema.safeParse(storyFields(body));
  if (!parsed.success) return { refused: fieldErrorsOf(parsed.error).body?.[0] ?? "(no body error)", ms: 0 };
  const started = performance.now();
  try {
    if (asAutosaveOf) await updateStory(author, asAutosaveOf, parsed.data);
    else await createDraft(author, parsed.data);
    return { refused: null, ms: performance.now() - started };
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID" && error.fieldErrors?.body?.length) return { refused: error.fieldErrors.body[0], ms: performance.now() - started };
    throw error;
  }
}

async function postComment(body: string): Promise<{ refused: string | null; ms: number }> {
  const parsed = commentInputSchema.safeParse({ body });
  if (!parsed.success) return { refused: fieldErrorsOf(parsed.error).body?.[0] ?? "(no body error)", ms: 0 };
  const started = performance.now();
  try {
    await createComment(author, storyId, parsed.data);
    return { refused: null, ms: performance.now() - started };
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID" && error.fieldErrors?.body?.length) return { refused: error.fieldErrors.body[0], ms: performance.now() - started };
    throw error;
  }
}

describe("the findings are refused with a field error on every save path", () => {
  it.each(FINDINGS)("%s", async (_label, body) => {
    const draft = await createDraft(author, storyInputSchema.parse(storyFields("A draft")));
    // Through the schema, as saveStoryAction (autosave included) and the comment routes do.
    expect((await saveStory(body)).refused).toMatch(/at most|Too many/);
    expect((await saveStory(body, draft.id)).refused).toMatch(/at most|Too many/);
    expect((await postComment(body.slice(0, COMMENT_MAX))).refused).toMatch(/at most|Too many/);
    // And past the schema, straight into the data layer (seeds, restores, future callers).
    const direct = { ...storyInputSchema.parse(storyFields("x")), body };
    await expect(createDraft(author, direct)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { body: [expect.stringMatching(/at most|Too many/)] } });
    await expect(updateStory(author, draft.id, direct)).rejects.toMatchObject({ code: "INVALID" });
    const own = await createComment(author, storyId, { body: "Mine" });
    await expect(editComment(author, own.id, { body: body.slice(0, COMMENT_MAX) })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { body: [expect.any(String)] } });
    await expect(createComment(author, storyId, { body: body.slice(0, COMMENT_MAX) })).rejects.toMatchObject({ code: "INVALID" });
    await expect(renderStory(body)).rejects.toMatchObject({ code: "INVALID" });
  });
});

/**
 * Unchecked, far past the limits: distinct footnotes, which markdown-it-footnote gathers at the end
 * of the document in time that grows faster than their number (4,000: seconds; the checks allow 500).
 */
const slowFootnotes = (n: number) => Array.from({ length: n }, (_, i) => `x[^${i}]`).join(" ") + "\n\n" + Array.from({ length: n }, (_, i) => `[^${i}]: n`).join("\n\n");

describe("what the checks miss costs one worker, not the process", () => {
  it("a render that runs out of memory answers tooComplex, and the pool goes on", async () => {
    // Unchecked: 2 MB of emphasis, a million elements, more than a worker's 64 MB heap holds.
    const result = await renderInPool("story", "*a* ".repeat(500_000));
    expect(result).toEqual({ ok: false, reason: "tooComplex" });
    expect(await renderInPool("story", "*still* here")).toEqual({ ok: true, html: "<p><em>still</em> here</p>", wordCount: 2 });
  });

  it("nesting past the checks costs the parser little: it stops nesting at 100 levels", async () => {
    // Unchecked: the 10 KB body that exhausted a 192 MB heap in the request thread under micromark.
    for (const body of [">".repeat(10_000), "> ".repeat(7_000) + "x", "> - ".repeat(2_000) + "x"]) {
      const result = await renderInPool("story", body);
      expect(result).toMatchObject({ ok: true });
      expect(result.ok && (result.html.match(/<blockquote>/g) ?? []).length).toBeLessThanOrEqual(100);
    }
  });

  it("a render past its time limit is stopped, its worker replaced, and the next render works", async () => {
    const before = renderWorkerCounts();
    const started = performance.now();
    expect(await renderInPool("story", slowFootnotes(4_000), { timeoutMs: 500 })).toEqual({ ok: false, reason: "tooComplex" });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(await renderInPool("comment", "[ok](https://example.com)")).toMatchObject({ ok: true });
    expect(renderWorkerCounts().ended).toBeGreaterThan(before.ended);
  });

  it("the request thread keeps serving while a hostile render runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const hostile = renderInPool("story", slowFootnotes(4_000), { timeoutMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    clearInterval(timer);
    // A render on this thread would have blocked the timer for the whole time (zero ticks).
    expect(ticks).toBeGreaterThan(10);
    expect(await hostile).toEqual({ ok: false, reason: "tooComplex" });
  });
});

// --- Hostile structure, generated from a small Markdown grammar -------------------------------

const word = fc.constantFrom("a", "word", "snake_case_name", "naïve", "🙂", "https://x.example/p", "www.y.example", "//z.example", "a@b.example", "&amp;", "\\*", "x|y");
const mark = fc.constantFrom("*", "**", "_", "__", "~", "~~", "`", "``", "[", "]", "![", "](", ")", "(", "<", ">", "<!--", "-->", "<a>", "|", "\\", "#", "- ", "1. ", "[^1]", "  ", "\t");
const url = fc.constantFrom("https://example.com", "//evil.example", "http://[oops", "mailto:a@b.c", "javascript:alert(1)", "", "<>", "a b");
/** A run of one mark: the shapes that hurt are long runs and many runs. */
const markRun = fc.tuple(fc.constantFrom("*", "_", "~", "`", "[", "]", "![", "<", ">", "- ", "> ", "|", "  "), fc.integer({ min: 1, max: 80 })).map(([m, n]) => m.repeat(n));

const { inline } = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.array(fc.oneof(word, mark, markRun), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(" ")),
    fc.tuple(fc.constantFrom("*", "**", "_", "__", "~~", "***"), tie("inline")).map(([m, inner]) => `${m}${inner}${m}`),
    fc.tuple(tie("inline"), url).map(([text, href]) => `[${text}](${href})`),
    fc.tuple(tie("inline"), url).map(([text, href]) => `![${text}](${href})`),
    tie("inline").map((inner) => `\`${inner}\``),
    fc.tuple(tie("inline"), tie("inline")).map(([a, b]) => `${a} ${b}`),
  ),
}));

const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    inline,
    inline.map((text) => `## ${text}`),
    tie("block").map((inner) => inner.split("\n").map((line) => `> ${line}`).join("\n")),
    fc.tuple(fc.constantFrom("- ", "* ", "1. ", "+ "), tie("block")).map(([marker, inner]) => inner.split("\n").map((line, i) => (i === 0 ? marker : " ".repeat(marker.length)) + line).join("\n")),
    fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 40 }), inline).map(([columns, rows, cell]) => [`|${` ${cell.replaceAll("\n", " ")} |`.repeat(columns)}`, `|${"-|".repeat(columns)}`, ...Array.from({ length: rows }, () => `|${" x |".repeat(columns)}`)].join("\n")),
    fc.tuple(fc.constantFrom("```", "~~~", "````"), inline).map(([fence, code]) => `${fence}\n${code}\n${fence}`),
    fc.tuple(fc.string({ maxLength: 8 }), url).map(([label, href]) => `[${label}]: ${href}`),
    fc.constantFrom("***", "- - -", "___", "---"),
    fc.tuple(tie("block"), tie("block")).map(([a, b]) => `${a}\n\n${b}`),
    fc.tuple(tie("block"), tie("block")).map(([a, b]) => `${a}\n${b}`),
  ),
}));

/** A generated unit, repeated up to a size near (sometimes over) the field's limit: the scale hostile input comes at. */
const hostileText = (max: number) =>
  fc.tuple(block, fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 20, max: 20_000 })), fc.constantFrom("", "\n", "\n\n", " ")).map(([unit, times, joiner]) => {
    const repeats = Math.max(1, Math.min(times, Math.floor((max * 1.05) / (unit.length + joiner.length))));
    return Array.from({ length: repeats }, () => unit).join(joiner);
  });

describe("hostile structure through the real save paths", () => {
  const tally = { refused: 0, accepted: 0, slowestMs: 0 };

  it(`stories (${RUNS} generated bodies up to ${STORY_BODY_MAX.toLocaleString("en")} characters): refused with a field error, or saved within the limit`, async () => {
    const draft = await createDraft(author, storyInputSchema.parse(storyFields("A draft")));
    await fc.assert(
      fc.asyncProperty(hostileText(STORY_BODY_MAX), fc.boolean(), async (body, autosave) => {
        const { refused, ms } = await saveStory(body, autosave ? draft.id : undefined);
        if (refused) {
          // A refusal the checks made says what to change; one the pool made would mean the checks let a too-costly input through.
          expect(refused).not.toMatch(/too complex/);
          tally.refused++;
        } else {
          expect(ms).toBeLessThan(SAVE_LIMIT_MS);
          tally.accepted++;
          tally.slowestMs = Math.max(tally.slowestMs, ms);
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`[render fuzz] stories: ${tally.accepted} saved (slowest ${Math.round(tally.slowestMs)} ms), ${tally.refused} refused`);
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  });

  it(`comments (${RUNS * 3} generated bodies up to ${COMMENT_MAX.toLocaleString("en")} characters): refused with a field error, or posted within the limit`, async () => {
    const counts = { refused: 0, accepted: 0, slowestMs: 0 };
    await fc.assert(
      fc.asyncProperty(hostileText(COMMENT_MAX), async (body) => {
        const { refused, ms } = await postComment(body);
        if (refused) {
          expect(refused).not.toMatch(/too complex/);
          counts.refused++;
        } else {
          expect(ms).toBeLessThan(SAVE_LIMIT_MS);
          counts.accepted++;
          counts.slowestMs = Math.max(counts.slowestMs, ms);
        }
      }),
      { numRuns: RUNS * 3 },
    );
    console.log(`[render fuzz] comments: ${counts.accepted} posted (slowest ${Math.round(counts.slowestMs)} ms), ${counts.refused} refused`);
    expect(counts.accepted).toBeGreaterThan(0);
    expect(await db.comment.count({ where: { storyId } })).toBeGreaterThanOrEqual(counts.accepted);
  });
});
