import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";

// Outside Next there is no cache: record which tags each cached read attaches and which tags each
// action expires. A moderation is visible at once when it expires a tag of every read that showed it.
const tags = vi.hoisted(() => ({ attached: [] as string[], expired: [] as string[], viewer: null as Viewer | null }));
vi.mock("next/cache", () => ({
  cacheLife: () => {},
  cacheTag: (...names: string[]) => tags.attached.push(...names),
  updateTag: (name: string) => tags.expired.push(name),
  revalidateTag: (name: string) => tags.expired.push(name),
}));
// The actions ask the session who is signed in; the data layer re-checks everything.
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => tags.viewer }));

import { createComment } from "@/lib/data/comments";
import { createReport } from "@/lib/data/reports";
import { cachedStoryComments, cachedStoryList, cachedStoryPage } from "@/lib/cache/public";
import { cachedSearch } from "@/lib/cache/search";
import { hideCommentAction, moderatorUnpublishStoryAction } from "@/lib/actions/moderation";
import { resolveReportsAction } from "@/lib/actions/reports";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";

/** The tags a cached read attaches, and its result. */
async function read<T>(run: () => Promise<T>): Promise<{ result: T; tags: string[] }> {
  tags.attached = [];
  const result = await run();
  return { result, tags: [...tags.attached] };
}

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

beforeEach(() => {
  tags.expired = [];
  tags.viewer = null;
});

describe("cached public reads reflect moderation on the next request", () => {
  it("a hidden comment: the thread's tags are expired and the thread no longer has its text", async () => {
    const community = await makeCommunity();
    const [creator, author, moderator] = await Promise.all([makeUser(), makeUser(), makeUser({ role: "MODERATOR" })]);
    const story = await makePublishedStory(creator, community.slug);
    const comment = await createComment(author, story.id, { body: "Secret sauce spam" });
    const before = await read(() => cachedStoryComments(story.id));
    expect(JSON.stringify(before.result)).toContain("Secret sauce");

    tags.viewer = moderator;
    expect(await hideCommentAction(comment.id, {}, form({ reason: "Spam" }))).toEqual({ ok: true });
    expect(before.tags.some((tag) => tags.expired.includes(tag))).toBe(true);
    const after = await read(() => cachedStoryComments(story.id));
    expect(JSON.stringify(after.result)).not.toContain("Secret sauce");
    expect(after.result.threads).toEqual([expect.objectContaining({ id: comment.id, status: "HIDDEN" })]);
  });

  it("a denied hide expires nothing and changes nothing", async () => {
    const community = await makeCommunity();
    const [creator, author, reader] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const story = await makePublishedStory(creator, community.slug);
    const comment = await createComment(author, story.id, { body: "Fine words" });
    tags.viewer = reader;
    expect(await hideCommentAction(comment.id, {}, form({ reason: "Spam" }))).toMatchObject({ message: expect.any(String) });
    expect(await hideCommentAction(comment.id, {}, form({ reason: " " }))).toMatchObject({ fieldErrors: { reason: [expect.any(String)] } });
    expect(tags.expired).toEqual([]);
    expect(JSON.stringify((await cachedStoryComments(story.id)).threads)).toContain("Fine words");
  });

  it("an unpublished story leaves its page, every list and search", async () => {
    const community = await makeCommunity();
    const [creator, moderator] = await Promise.all([makeUser(), makeUser({ role: "MODERATOR" })]);
    const word = `quokka${community.slug.replace(/\W/g, "")}`;
    const story = await makePublishedStory(creator, community.slug, { title: `The ${word} tale` });
    const [, communitySlug, slug] = story.href.split("/");
    const reads = {
      page: await read(() => cachedStoryPage(communitySlug, slug)),
      list: await read(() => cachedStoryList({ communitySlug })),
      profile: await read(() => cachedStoryList({ authorHandle: creator.handle })),
      search: await read(() => cachedSearch({ q: word })),
    };
    expect(reads.page.result?.id).toBe(story.id);
    expect(reads.search.result.items.map((i) => i.id)).toEqual([story.id]);

    tags.viewer = moderator;
    expect(await moderatorUnpublishStoryAction(story.id, {}, form({ reason: "Plagiarism" }))).toEqual({ ok: true });
    for (const [name, { tags: attached }] of Object.entries(reads)) expect([name, attached.some((tag) => tags.expired.includes(tag))]).toEqual([name, true]);
    expect(await cachedStoryPage(communitySlug, slug)).toBeNull();
    expect((await cachedStoryList({ communitySlug })).items).toEqual([]);
    expect((await cachedStoryList({ authorHandle: creator.handle })).items).toEqual([]);
    expect((await cachedSearch({ q: word })).items).toEqual([]);
  });

  it("hiding from /admin/reports expires the thread too", async () => {
    const community = await makeCommunity();
    const [creator, author, reader, admin] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser({ role: "ADMIN" })]);
    const story = await makePublishedStory(creator, community.slug);
    const comment = await createComment(author, story.id, { body: "Nasty words" });
    await createReport(reader, { targetType: "COMMENT", targetId: comment.id, reason: "HARASSMENT", details: "" });
    const before = await read(() => cachedStoryComments(story.id));
    tags.viewer = admin;
    // Success redirects back to the queue (redirect works by throwing).
    await expect(resolveReportsAction({}, form({ resolution: "HIDE_COMMENT", reason: "Harassment", target: `COMMENT:${comment.id}` }))).rejects.toMatchObject({ digest: expect.stringContaining("/admin/reports?done=HIDE_COMMENT") });
    expect(before.tags.some((tag) => tags.expired.includes(tag))).toBe(true);
    expect(JSON.stringify(await cachedStoryComments(story.id))).not.toContain("Nasty");
  });
});
