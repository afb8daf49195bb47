import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setFollow } from "@/lib/data/engagement";
import { createComment } from "@/lib/data/comments";
import { publishStory, unpublishStory } from "@/lib/data/stories";
import { getMyEmailPreferences, unsubscribeByLink, updateMyEmailPreferences } from "@/lib/data/email-preferences";
import { unsubscribeUrls } from "@/lib/mail/unsubscribe";
import { makeCommunity, makePublishedStory, makeUser } from "../helpers/factories";
import { rawHeader, startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { runQueuedJobs } from "../helpers/run-jobs";
import { queueWeeklyDigests } from "@/lib/data/email-digest";
import { fanOutNewStory } from "@/lib/data/email-notifications";
import { requestPasswordReset } from "@/lib/data/account-email";

const SITE = "https://stories.example.test";
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  process.env.SITE_URL = SITE;
  process.env.EMAIL_BATCH_SECONDS = "60";
});
afterAll(() => smtp.close());
beforeEach(() => {
  smtp.messages.length = 0;
});

const addressOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;
const to = (address: string) => smtp.messages.filter((m) => !Array.isArray(m.to) && m.to?.value[0].address === address);
/** Runs what is due, and what batching delayed: as if its window had closed. */
async function runAllJobs() {
  await db.$executeRaw`update graphile_worker._private_jobs set run_at = now() where locked_at is null`;
  await runQueuedJobs();
  await runQueuedJobs();
}

describe("new stories from followed creators", () => {
  it("emails each follower who wants it once, with an absolute link and a one-click unsubscribe", async () => {
    const community = await makeCommunity();
    const creator = await makeUser({ name: "Creator Kay" });
    const [keen, uninterested, unconfirmed] = await Promise.all([makeUser(), makeUser(), makeUser({ confirmed: false })]);
    for (const follower of [keen, uninterested, unconfirmed]) await setFollow(follower, creator.id, true);
    await updateMyEmailPreferences(uninterested, { ...(await getMyEmailPreferences(uninterested)), followed: false });

    const story = await makePublishedStory(creator, community.slug, { title: "News from the harbour" });
    await runAllJobs();

    const [mail, ...more] = to(await addressOf(keen.id));
    expect(more).toEqual([]);
    expect(mail.subject).toBe("Creator Kay published “News from the harbour”");
    expect(mail.text).toContain(`${SITE}${story.href}`);
    expect(mail.html).toContain(`${SITE}${story.href}`);
    const unsubscribe = unsubscribeUrls(keen.id, "followed");
    expect(rawHeader(mail, "list-unsubscribe")).toBe(`<${unsubscribe.oneClick}>`);
    expect(rawHeader(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.html).toContain(unsubscribe.page.replaceAll("&", "&amp;"));
    expect(to(await addressOf(uninterested.id))).toEqual([]);
    // An address nobody has confirmed gets no story news.
    expect(to(await addressOf(unconfirmed.id))).toEqual([]);

    // Published again after unpublishing: nobody hears of it twice.
    await unpublishStory(creator, story.id);
    await publishStory(creator, story.id);
    await runAllJobs();
    expect(to(await addressOf(keen.id))).toHaveLength(1);
  });

  it("queues the follower emails after the publish, on the queue, not in it", async () => {
    const community = await makeCommunity();
    const creator = await makeUser();
    const followers = await Promise.all(Array.from({ length: 30 }, () => makeUser()));
    await db.follow.createMany({ data: followers.map((f) => ({ followerId: f.id, creatorId: creator.id })) });
    const story = await makePublishedStory(creator, community.slug);
    // The publish itself wrote one job, not thirty emails.
    expect(await db.emailDelivery.count({ where: { key: { startsWith: `new-story:${story.id}` } } })).toBe(0);
    await runQueuedJobs();
    expect(await db.emailDelivery.count({ where: { key: { startsWith: `new-story:${story.id}` } } })).toBe(30);
  });

  it("sends an email the member is waiting for (a reset link) before a newsletter queued earlier", async () => {
    const community = await makeCommunity();
    const creator = await makeUser();
    const followers = await Promise.all(Array.from({ length: 20 }, () => makeUser()));
    await db.follow.createMany({ data: followers.map((f) => ({ followerId: f.id, creatorId: creator.id })) });
    const story = await makePublishedStory(creator, community.slug);
    // The fan-out's work done now (as its job would): twenty follower emails waiting, then a reset asked for.
    await fanOutNewStory(story.id);
    const forgetful = await makeUser();
    await requestPasswordReset(await addressOf(forgetful.id));
    await runQueuedJobs();
    const subjects = smtp.messages.map((m) => m.subject);
    expect(subjects).toHaveLength(21);
    expect(subjects[0]).toBe("Reset your password");
  });
});

describe("notification emails", () => {
  it("puts replies that come close together into one email, and none to who turned them off", async () => {
    const community = await makeCommunity();
    const author = await makeUser();
    const commenter = await makeUser({ name: "Commenter Cy" });
    const [first, second] = [await makeUser({ name: "Replier One" }), await makeUser({ name: "Replier Two" })];
    const story = await makePublishedStory(author, community.slug, { title: "Talk to me" });
    await updateMyEmailPreferences(author, { ...(await getMyEmailPreferences(author)), comment: false });
    const parent = await createComment(commenter, story.id, { body: "A first thought" });
    await createComment(first, story.id, { body: "I agree", parentId: parent.id });
    await createComment(second, story.id, { body: "I disagree", parentId: parent.id });
    await runAllJobs();

    const [mail, ...more] = to(await addressOf(commenter.id));
    expect(more).toEqual([]);
    expect(mail.subject).toBe("2 new replies to your comments");
    expect(mail.text).toContain("Replier One replied to your comment on “Talk to me”");
    expect(mail.text).toContain("Replier Two replied to your comment on “Talk to me”");
    expect(mail.text).toContain(`${SITE}${story.href}#comments-heading`);
    expect(rawHeader(mail, "list-unsubscribe")).toBe(`<${unsubscribeUrls(commenter.id, "reply").oneClick}>`);
    expect(to(await addressOf(author.id))).toEqual([]);
  });

  it("unsubscribes through a signed link without signing in, and an email queued before is then not sent", async () => {
    const community = await makeCommunity();
    const author = await makeUser();
    const story = await makePublishedStory(author, community.slug);
    await createComment(await makeUser(), story.id, { body: "Lovely" });
    const link = new URL(unsubscribeUrls(author.id, "comment").oneClick);
    await expect(unsubscribeByLink(author.id, "comment", "x".repeat(32))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(unsubscribeByLink(author.id, "reply", link.searchParams.get("s")!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await unsubscribeByLink(author.id, "comment", link.searchParams.get("s")!);
    expect((await getMyEmailPreferences(author)).comment).toBe(false);
    await runAllJobs();
    expect(to(await addressOf(author.id))).toEqual([]);
    expect(await db.emailDelivery.findFirst({ where: { userId: author.id, template: "notification-digest" }, select: { status: true } })).toEqual({ status: "SKIPPED" });
  });
});

describe("weekly digest", () => {
  it("sends the week's top stories from followed creators to those who asked, once a week, and nothing when there is nothing", async () => {
    const community = await makeCommunity();
    const creator = await makeUser({ name: "Weekly Wren" });
    const [reader, idle, notAsked] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await setFollow(reader, creator.id, true);
    await setFollow(notAsked, creator.id, true);
    for (const member of [reader, idle]) await updateMyEmailPreferences(member, { ...(await getMyEmailPreferences(member)), digest: true });
    const story = await makePublishedStory(creator, community.slug, { title: "The week's best" });
    await runAllJobs();
    smtp.messages.length = 0;

    await queueWeeklyDigests();
    await queueWeeklyDigests();
    await runAllJobs();
    const [mail, ...more] = to(await addressOf(reader.id));
    expect(more).toEqual([]);
    expect(mail.subject).toBe("Your week on Storyhouse: The week's best");
    expect(mail.text).toContain(`${SITE}${story.href}`);
    expect(rawHeader(mail, "list-unsubscribe")).toBe(`<${unsubscribeUrls(reader.id, "digest").oneClick}>`);
    expect(to(await addressOf(idle.id))).toEqual([]);
    expect(to(await addressOf(notAsked.id))).toEqual([]);
  });
});
