import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { strToU8, zipSync } from "fflate";
import { db } from "@/lib/db";
import { getMyImport, runImport, startImport, type StartImportInput } from "@/lib/data/imports";
import { verifyCredentials } from "@/lib/data/users";
import type { Viewer } from "@/lib/auth/permissions";
import { makeCommunity, makeUser } from "../helpers/factories";
import { testPng } from "../helpers/images";
import { ghostExport, siteWxr } from "../helpers/import-fixtures";

vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {}, revalidateTag: () => {} }));
process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-site-import-"));

// An admin's import of another platform's whole site (docs/porting.md, "An admin's site import"):
// each post goes to its author, matched by email or created unconfirmed; WordPress comments come
// with their threads; the same file twice creates nothing twice.

async function siteImport(viewer: Viewer, input: Omit<StartImportInput, "site" | "fileName">) {
  const { id } = await startImport(viewer, { ...input, fileName: "site-export", site: true });
  await runImport(id);
  return getMyImport(viewer, id);
}

/** A member with this address (as if they had signed up here before). */
async function memberWithEmail(email: string, name: string) {
  const member = await makeUser({ name });
  await db.user.update({ where: { id: member.id }, data: { email } });
  return member;
}

const counts = async () => ({ users: await db.user.count(), stories: await db.story.count(), comments: await db.comment.count() });

describe("an admin's import of a whole WordPress site", () => {
  it("dry run lists the authors and comments; the import gives each post its author, creates the missing members unconfirmed, and threads the approved comments; the same file again creates nothing", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const otherAdmin = await makeUser({ role: "ADMIN" });
    const { slug: community } = await makeCommunity();
    const kim = await memberWithEmail("kim@harbor.example.com", "Kim Here");
    const bytes = strToU8(siteWxr);

    const before = await counts();
    const mailBefore = await db.emailDelivery.count();
    const dry = await siteImport(admin, { format: "WORDPRESS", community, dryRun: true, bytes });
    expect(dry).toMatchObject({ status: "DONE", site: true, created: 2, failed: 0 });
    expect(dry.planned).toEqual([
      {
        entry: 'item "the-new-pier-opens" (line 11)',
        title: "The new pier opens",
        outcome: "published",
        author: { name: "Sam Sailor", email: "sam@harbor.example.com", isNew: true },
        comments: 4,
        newMembers: [
          { name: "Sam Sailor", email: "sam@harbor.example.com" },
          { name: "Ann Reader", email: "ann@example.com" },
          { name: "Bob", email: null },
        ],
      },
      { entry: expect.stringMatching(/^item \(line \d+\)$/), title: "Tide tables, unfinished", outcome: "draft", author: { name: "Kim Keeper", email: "kim@harbor.example.com", isNew: false }, comments: 0, newMembers: [] },
    ]);
    expect(await counts()).toEqual(before);

    const done = await siteImport(admin, { format: "WORDPRESS", community, dryRun: false, bytes });
    expect(done).toMatchObject({ status: "DONE", created: 2, skipped: 0, failed: 0, errors: [] });

    const sam = await db.user.findUniqueOrThrow({ where: { email: "sam@harbor.example.com" }, select: { id: true, name: true, handle: true, emailVerifiedAt: true, role: true, emailStoppedAt: true } });
    expect(sam).toMatchObject({ name: "Sam Sailor", handle: "sam-sailor", emailVerifiedAt: null, role: "READER", emailStoppedAt: null });
    // No password signs in to an imported member: they claim the account by resetting it.
    expect(await verifyCredentials("sam@harbor.example.com", "")).toBeNull();
    const pier = await db.story.findFirstOrThrow({
      where: { title: "The new pier opens" },
      select: { id: true, authorId: true, status: true, slug: true, publishedAt: true, commentCount: true, communityId: true },
    });
    expect(pier).toMatchObject({ authorId: sam.id, status: "PUBLISHED", slug: "the-new-pier-opens", publishedAt: new Date("2022-04-01T09:00:00Z"), commentCount: 4 });
    expect(await db.story.findFirstOrThrow({ where: { title: "Tide tables, unfinished" }, select: { authorId: true, status: true } })).toEqual({ authorId: kim.id, status: "DRAFT" });

    const comments = await db.comment.findMany({
      where: { storyId: pier.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, parentId: true, body: true, bodyHtml: true, status: true, createdAt: true, author: { select: { name: true, email: true, emailVerifiedAt: true, emailStoppedAt: true } } },
    });
    expect(comments.map((c) => [c.author.name, c.body, c.createdAt.toISOString()])).toEqual([
      ["Ann Reader", "Congratulations! **At last.**", "2022-04-01T10:00:00.000Z"],
      ["Sam Sailor", "Thank you, Ann.", "2022-04-01T11:00:00.000Z"],
      ["Bob", "Agreed with both of you.", "2022-04-01T12:00:00.000Z"],
      ["Ann Reader", "Under a held comment.", "2022-04-02T09:00:00.000Z"],
    ]);
    const [ann, reply, replyToReply, underHeld] = comments;
    // Threads as the comment form makes them: a reply to a reply joins its thread's first comment.
    expect([ann.parentId, reply.parentId, replyToReply.parentId, underHeld.parentId]).toEqual([null, ann.id, ann.id, null]);
    expect(ann.bodyHtml).toContain("<strong>At last.</strong>");
    expect(comments.every((c) => c.status === "VISIBLE")).toBe(true);
    // The commenter without an address is a guest member who gets no mail.
    expect(replyToReply.author).toMatchObject({ email: expect.stringMatching(/^guest-[a-f0-9]{32}@imported\.invalid$/), emailVerifiedAt: null, emailStoppedAt: expect.any(Date) });
    // Held, spam and pingback comments are not imported, nor are their authors.
    expect(await db.user.count({ where: { email: { in: ["held@example.com", "spam@example.com"] } } })).toBe(0);
    // No one was emailed or notified.
    expect(await db.emailDelivery.count()).toBe(mailBefore);
    expect(await db.notification.count()).toBe(0);

    // The same file again, by either admin: nothing twice.
    const after = await counts();
    expect(await siteImport(admin, { format: "WORDPRESS", community, dryRun: false, bytes })).toMatchObject({ created: 0, skipped: 2, failed: 0 });
    expect(await siteImport(otherAdmin, { format: "WORDPRESS", community, dryRun: false, bytes })).toMatchObject({ created: 0, skipped: 2, failed: 0 });
    expect(await counts()).toEqual(after);
  });

  it("refuses anyone but an admin, and formats that don't name authors; fails a post whose author's account here is suspended", async () => {
    const { slug: community } = await makeCommunity();
    // Another site than the first test's: other posts (guids) and another author.
    const bytes = strToU8(siteWxr.replace(/sam@harbor\.example\.com/gi, "sam@other.example.com").replaceAll("https://harbor.example.com/?p=", "https://other.example.com/?p="));
    const reader = await makeUser();
    const moderator = await makeUser({ role: "MODERATOR" });
    const before = { ...(await counts()), siteImports: await db.importJob.count({ where: { site: true } }) };
    await expect(startImport(reader, { format: "WORDPRESS", community, dryRun: true, fileName: "wp.xml", bytes, site: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startImport(moderator, { format: "WORDPRESS", community, dryRun: true, fileName: "wp.xml", bytes, site: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startImport(null, { format: "WORDPRESS", community, dryRun: true, fileName: "wp.xml", bytes, site: true })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect({ ...(await counts()), siteImports: await db.importJob.count({ where: { site: true } }) }).toEqual(before);

    const admin = await makeUser({ role: "ADMIN" });
    await expect(startImport(admin, { format: "MEDIUM", community, dryRun: true, fileName: "m.zip", bytes: zipSync({ "posts/a.html": strToU8("<p>x</p>") }), site: true })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { format: ["Choose Ghost or WordPress"] },
    });

    const suspended = await makeUser({ status: "SUSPENDED" });
    await db.user.update({ where: { id: suspended.id }, data: { email: "sam@other.example.com" } });
    const done = await siteImport(admin, { format: "WORDPRESS", community, dryRun: false, bytes });
    expect(done).toMatchObject({ created: 1, failed: 1 });
    expect(done.errors).toEqual([{ entry: 'item "the-new-pier-opens" (line 11)', reason: "its author sam@other.example.com is a member here whose account is suspended" }]);
  });
});

describe("an admin's import of a whole Ghost site", () => {
  it("gives each post its primary author (posts_authors), matching a member by email and creating the other; images belong to the author", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { slug: community } = await makeCommunity();
    const writer = await memberWithEmail("writer@ghost.example", "Writer Here");
    const file = zipSync({
      "site.ghost.2023-12-02.json": strToU8(JSON.stringify(ghostExport())),
      "content/images/2023/05/beans.png": await testPng(600, 10),
      "content/images/2023/05/hero.png": await testPng(1200, 20),
    });
    const done = await siteImport(admin, { format: "GHOST", community, dryRun: false, bytes: file });
    expect(done).toMatchObject({ status: "DONE", created: 2, failed: 1 });
    const coffee = await db.story.findFirstOrThrow({ where: { title: "Coffee in the mountains" }, select: { authorId: true, status: true, heroImageUrl: true } });
    expect(coffee).toMatchObject({ authorId: writer.id, status: "PUBLISHED" });
    const key = /^\/media\/([a-f0-9]{32})-/.exec(coffee.heroImageUrl ?? "")![1];
    expect(await db.media.findUniqueOrThrow({ where: { key }, select: { ownerId: true } })).toEqual({ ownerId: writer.id });
    const second = await db.user.findUniqueOrThrow({ where: { email: "second@ghost.example" }, select: { id: true, name: true, emailVerifiedAt: true } });
    expect(second).toMatchObject({ name: "Second Hand", emailVerifiedAt: null });
    expect(await db.story.findFirstOrThrow({ where: { title: "Unfinished" }, select: { authorId: true, status: true } })).toEqual({ authorId: second.id, status: "DRAFT" });
    // The admin wrote none of it.
    expect(await db.story.count({ where: { authorId: admin.id } })).toBe(0);
  });
});
