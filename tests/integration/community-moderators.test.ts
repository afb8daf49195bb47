import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findViewer } from "@/lib/data/users";
import { createDraft, publishStory } from "@/lib/data/stories";
import { createComment } from "@/lib/data/comments";
import { getMyCommentsState, hideComment, removeComment, restoreComment, setThreadLocked } from "@/lib/data/comment-moderation";
import { approveSubmission, claimSubmissionForReview, listReviewQueue, requestChanges } from "@/lib/data/review";
import { createReport, listOpenReportGroups, resolveReports } from "@/lib/data/reports";
import { liftRestriction, restrictUser } from "@/lib/data/restrictions";
import { listUsersForStaff } from "@/lib/data/admin-users";
import { listAuditLog } from "@/lib/data/audit-log";
import { addCommunityModerator, listCommunityModerators, removeCommunityModerator } from "@/lib/data/community-moderators";
import { can, canSomewhere } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/permissions";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";

async function rejects(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toMatchObject({ code });
}

async function submitted(community: { slug: string }) {
  const author = await makeUser({ trusted: false });
  const { id } = await createDraft(author, storyInput(community.slug));
  expect((await publishStory(author, id)).outcome).toBe("submitted");
  return id;
}

/** Two communities, an admin, and a member who moderates the first ("here") only. */
async function scene() {
  const [here, elsewhere, admin, member, reader, writer] = await Promise.all([makeCommunity(), makeCommunity(), makeUser({ role: "ADMIN" }), makeUser({ name: "Cora Commod" }), makeUser(), makeUser()]);
  await addCommunityModerator(admin, here.id, { handle: `@${member.handle.toUpperCase()}`, reason: "Knows the community well" });
  const commod = (await findViewer(member.id))!;
  return { here, elsewhere, admin, commod, reader, writer };
}

describe("community moderators", () => {
  it("staff add them by handle (with an audit entry) and remove them; only community:manage may", async () => {
    const { here, admin, commod, reader } = await scene();
    expect(commod.moderates).toEqual([here.id]);
    expect(await listCommunityModerators(admin, here.id)).toMatchObject([{ userId: commod.id, handle: commod.handle }]);
    await rejects(addCommunityModerator(admin, here.id, { handle: commod.handle, reason: "Again" }), "CONFLICT");
    await rejects(addCommunityModerator(admin, here.id, { handle: "nobody-has-this-handle", reason: "Who?" }), "INVALID");
    await rejects(addCommunityModerator(commod, here.id, { handle: reader.handle, reason: "My friend" }), "FORBIDDEN");
    await rejects(removeCommunityModerator(commod, here.id, commod.id, "Stepping down"), "FORBIDDEN");
    const log = await listAuditLog(admin, { action: "COMMUNITY_MODERATOR_ADD" } as never);
    expect(log.items.some((e) => e.targetId === here.id && e.reason === "Knows the community well")).toBe(true);
    await removeCommunityModerator(admin, here.id, commod.id, "Term ended");
    const after = (await findViewer(commod.id))!;
    expect(after.moderates).toEqual([]);
    expect(canSomewhere(after, "review:decide")).toBe(false);
    const removed = await db.moderationAction.findFirst({ where: { action: "COMMUNITY_MODERATOR_REMOVE", targetId: here.id }, select: { reason: true, subjectUserId: true } });
    expect(removed).toEqual({ reason: "Term ended", subjectUserId: commod.id });
  });

  it("review: they see and decide only their communities' submissions", async () => {
    const { here, elsewhere, commod } = await scene();
    const [mineA, mineB, theirs] = await Promise.all([submitted(here), submitted(here), submitted(elsewhere)]);
    const queue = await listReviewQueue(commod);
    const ids = queue.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mineA, mineB]));
    expect(ids).not.toContain(theirs);
    expect(queue.items.every((i) => i.community.slug === here.slug)).toBe(true);

    expect((await claimSubmissionForReview(commod, mineA)).id).toBe(mineA);
    expect((await approveSubmission(commod, mineA, { note: "" })).outcome).toBe("published");
    await requestChanges(commod, mineB, { reason: "Please expand the second section.", notes: {} });
    expect((await db.story.findUniqueOrThrow({ where: { id: mineB }, select: { status: true } })).status).toBe("CHANGES_REQUESTED");

    await rejects(claimSubmissionForReview(commod, theirs), "NOT_FOUND");
    await rejects(approveSubmission(commod, theirs, { note: "" }), "NOT_FOUND");
    await rejects(requestChanges(commod, theirs, { reason: "Please expand the second section.", notes: {} }), "NOT_FOUND");
    expect((await db.story.findUniqueOrThrow({ where: { id: theirs }, select: { status: true, reviewClaimedById: true } })).status).toBe("SUBMITTED");
  });

  it("reports: they see and resolve reports about their communities' stories and comments, never accounts or elsewhere", async () => {
    const { here, elsewhere, commod, reader, writer } = await scene();
    const [storyHere, storyThere] = await Promise.all([makePublishedStory(writer, here.slug), makePublishedStory(writer, elsewhere.slug)]);
    const [commentHere, commentThere] = await Promise.all([createComment(reader, storyHere.id, { body: "Rude words here." }), createComment(reader, storyThere.id, { body: "Rude words there." })]);
    const reporter = await makeUser();
    for (const target of [
      { targetType: "STORY" as const, targetId: storyHere.id },
      { targetType: "STORY" as const, targetId: storyThere.id },
      { targetType: "COMMENT" as const, targetId: commentHere.id },
      { targetType: "COMMENT" as const, targetId: commentThere.id },
      { targetType: "USER" as const, targetId: writer.id },
    ]) await createReport(reporter, { ...target, reason: "SPAM", details: "" });

    const { groups } = await listOpenReportGroups(commod);
    expect(groups.map((g) => g.targetId).sort()).toEqual([storyHere.id, commentHere.id].sort());

    await rejects(resolveReports(commod, { resolution: "DISMISS", reason: "Not ours", targets: [{ targetType: "STORY", targetId: storyThere.id }] }), "NOT_FOUND");
    await rejects(resolveReports(commod, { resolution: "DISMISS", reason: "Not ours", targets: [{ targetType: "USER", targetId: writer.id }] }), "NOT_FOUND");
    // A batch with one target outside is refused whole: nothing half done.
    await rejects(resolveReports(commod, { resolution: "HIDE_COMMENT", reason: "Rude", targets: [{ targetType: "COMMENT", targetId: commentHere.id }, { targetType: "COMMENT", targetId: commentThere.id }] }), "NOT_FOUND");
    expect(await db.report.count({ where: { status: "OPEN" , targetId: { in: [commentHere.id, commentThere.id] } } })).toBe(2);

    const hidden = await resolveReports(commod, { resolution: "HIDE_COMMENT", reason: "Rude", targets: [{ targetType: "COMMENT", targetId: commentHere.id }] });
    expect(hidden.resolved).toBe(1);
    const dismissed = await resolveReports(commod, { resolution: "DISMISS", reason: "Fine", targets: [{ targetType: "STORY", targetId: storyHere.id }] });
    expect(dismissed.resolved).toBe(1);
  });

  it("comments: they hide and restore on their communities' stories only; removing and locking stay with staff", async () => {
    const { here, elsewhere, commod, reader, writer } = await scene();
    const [storyHere, storyThere] = await Promise.all([makePublishedStory(writer, here.slug), makePublishedStory(writer, elsewhere.slug)]);
    const [commentHere, commentThere] = await Promise.all([createComment(reader, storyHere.id, { body: "Here." }), createComment(reader, storyThere.id, { body: "There." })]);
    expect((await getMyCommentsState(commod, storyHere.id)).mayModerate).toBe(true);
    expect((await getMyCommentsState(commod, storyThere.id)).mayModerate).toBe(false);

    await hideComment(commod, commentHere.id, "Off topic");
    const row = await db.comment.findUniqueOrThrow({ where: { id: commentHere.id }, select: { status: true, hiddenByCreator: true } });
    expect(row).toEqual({ status: "HIDDEN", hiddenByCreator: false });
    await restoreComment(commod, commentHere.id);
    await rejects(hideComment(commod, commentThere.id, "Off topic"), "FORBIDDEN");
    await rejects(removeComment(commod, commentHere.id, "Spam"), "FORBIDDEN");
    await rejects(setThreadLocked(commod, storyHere.id, true, "Cooling off"), "FORBIDDEN");
  });

  it("they can't restrict accounts or use other admin pages", async () => {
    const { here, commod, reader } = await scene();
    expect(can(commod, "review:decide")).toBe(false);
    expect(can(commod, "review:decide", { communityId: here.id })).toBe(true);
    expect(can(commod, "user:restrict", { communityId: here.id })).toBe(false);
    expect(can(commod, "admin:access")).toBe(false);
    await rejects(restrictUser(commod, reader.id, { kind: "WARNING", reason: "Be nice", expiresAt: null }), "FORBIDDEN");
    await rejects(listUsersForStaff(commod, {} as never), "FORBIDDEN");
    await rejects(listAuditLog(commod, {} as never), "FORBIDDEN");
  });

  it("a suspension takes their rights away, as for staff; lifting it gives them back", async () => {
    const { here, admin, commod } = await scene();
    const id = await submitted(here);
    const { restrictionId } = await restrictUser(admin, commod.id, { kind: "SUSPENSION", reason: "Cooling off", expiresAt: null });
    const suspended = (await findViewer(commod.id))! as Viewer;
    expect(canSomewhere(suspended, "review:decide")).toBe(false);
    await rejects(listReviewQueue(suspended), "FORBIDDEN");
    await rejects(approveSubmission(suspended, id, { note: "" }), "FORBIDDEN");
    await rejects(listOpenReportGroups(suspended), "FORBIDDEN");
    await liftRestriction(admin, restrictionId, "Served");
    const back = (await findViewer(commod.id))!;
    expect((await listReviewQueue(back)).items.map((i) => i.id)).toContain(id);
  });
});
