// Every XSS payload through each place the app turns user text into HTML, at save: the story
// body (createDraft stores renderStory's output), comments (createComment stores renderComment's)
// and search snippets. The browser spec (tests/e2e/security-xss.spec.ts) then renders them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { renderComment, renderStory } from "@/lib/content/markdown";
import { MATCH_START, MATCH_STOP, snippetHtml } from "@/lib/content/snippet";
import { createComment } from "@/lib/data/comments";
import { createDraft } from "@/lib/data/stories";
import { storyInput } from "../helpers/factories";
import { storableText } from "@/lib/validation/form";
import { commentInputSchema } from "@/lib/validation/comment";
import { XSS_PAYLOADS } from "./xss-payloads";
import { htmlProblems } from "./html-safety";
import { community, publishedStory, quickUser } from "./world";

describe("XSS payloads are neutralised when saved", () => {
  it(`has at least 100 payloads (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
  });

  it("the checker itself flags what it should (so the checks below can fail)", () => {
    expect(htmlProblems(`<img src=x onerror=alert(1)>`)).not.toEqual([]);
    expect(htmlProblems(`<a href="&#106;avascript:alert(1)">x</a>`)).not.toEqual([]);
    expect(htmlProblems(`<script>1</script>`)).not.toEqual([]);
    expect(htmlProblems(`<p><a href="https://example.com">ok</a></p>`)).toEqual([]);
  });

  it("story bodies: renderStory, alone and as stored by createDraft", async () => {
    const author = await quickUser();
    const c = await community();
    const problems: string[] = [];
    for (const payload of XSS_PAYLOADS) {
      const found = htmlProblems((await renderStory(payload)).html);
      if (found.length) problems.push(`${JSON.stringify(payload)} → ${found.join("; ")}`);
    }
    // saveStoryAction drops NULs from the editor's fields before anything else (see storableText).
    const { id } = await createDraft(author, storyInput(c.slug, { body: storableText(XSS_PAYLOADS.join("\n\n")) }));
    const stored = await db.story.findUniqueOrThrow({ where: { id }, select: { bodyHtml: true } });
    problems.push(...htmlProblems(stored.bodyHtml).map((p) => `stored body: ${p}`));
    expect(problems).toEqual([]);
  });

  it("comments: renderComment, alone and as stored by createComment", async () => {
    // Staff are exempt from the comment limits, so one account can post them all.
    const [author, commenter] = await Promise.all([quickUser(), quickUser({ role: "ADMIN" })]);
    const story = await publishedStory(author, (await community()).slug);
    const problems: string[] = [];
    for (const payload of XSS_PAYLOADS) {
      const found = htmlProblems(await renderComment(payload));
      if (found.length) problems.push(`${JSON.stringify(payload)} → ${found.join("; ")}`);
      // As postCommentAction does: the schema first, then the data layer.
      await createComment(commenter, story.id, commentInputSchema.parse({ body: payload }));
    }
    for (const row of await db.comment.findMany({ where: { storyId: story.id }, select: { bodyHtml: true } })) {
      problems.push(...htmlProblems(row.bodyHtml).map((p) => `stored comment: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it("search snippets escape everything but their own <mark>", () => {
    for (const payload of XSS_PAYLOADS) {
      const html = snippetHtml(`${MATCH_START}${payload}${MATCH_STOP} ${payload}`);
      expect(htmlProblems(html), payload).toEqual([]);
      expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/</);
    }
  });
});
