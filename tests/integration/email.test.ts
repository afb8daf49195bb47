import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { createUser, findViewer, verifyCredentials } from "@/lib/data/users";
import { confirmEmailWithToken, requestPasswordReset, resendEmailConfirmation, resetPasswordWithToken } from "@/lib/data/account-email";
import { queueEmail } from "@/lib/data/email";
import { listDeadJobs, retryDeadJob } from "@/lib/data/job-queue";
import { getMailFile, getMailOverview } from "@/lib/data/admin-mail";
import { createComment } from "@/lib/data/comments";
import { createDraft, publishStory } from "@/lib/data/stories";
import { makeCommunity, makePublishedStory, makeUser, storyInput } from "../helpers/factories";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { runQueuedJobs } from "../helpers/run-jobs";

const SITE = "https://stories.example.test";
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Storyhouse <hello@stories.example.test>";
  process.env.SITE_URL = SITE;
});
afterAll(() => smtp.close());
beforeEach(() => {
  smtp.messages.length = 0;
});

const to = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address);
const linkIn = (text: string, route: string) => text.match(new RegExp(`${SITE}/${route}/([A-Za-z0-9_-]+)`))?.[1];
const queuedJobs = async () => Number((await db.$queryRaw<{ n: bigint }[]>`select count(*) as n from graphile_worker.jobs`)[0].n);

describe("password reset by email", () => {
  it("sends one email with HTML and text parts and an absolute single-use link that ends every session", async () => {
    const user = await makeUser({ password: "old password here" });
    const { email } = (await db.user.findUnique({ where: { id: user.id }, select: { email: true } }))!;
    const before = (await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } }))!.sessionVersion;

    await requestPasswordReset(email);
    await runQueuedJobs();

    const [message, ...more] = to(email);
    expect(more).toEqual([]);
    expect(message.subject).toBe("Reset your password");
    expect(message.from?.text).toBe('"Storyhouse" <hello@stories.example.test>');
    expect(message.text).toContain("Choose a new password");
    expect(message.html).toContain("Choose a new password");
    const token = linkIn(message.text!, "reset-password");
    expect(token).toBeTruthy();
    expect(message.html).toContain(`${SITE}/reset-password/${token}`);
    // Only the hash is stored.
    expect(await db.authToken.count({ where: { tokenHash: token } })).toBe(0);

    await resetPasswordWithToken(token!, "brand new password");
    expect(await verifyCredentials(email, "brand new password")).toMatchObject({ id: user.id });
    expect((await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } }))!.sessionVersion).toBe(before + 1);
    expect(await findViewer(user.id, { sessionVersion: before })).toBeNull();
    await expect(resetPasswordWithToken(token!, "another password")).rejects.toMatchObject({ code: "INVALID" });

    await runQueuedJobs();
    expect(to(email).map((m) => m.subject)).toEqual(["Reset your password", "Your password was changed"]);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    await expect(requestPasswordReset("nobody-here@example.com")).resolves.toBeUndefined();
    await runQueuedJobs();
    expect(smtp.messages).toEqual([]);
  });

  it("refuses an expired link", async () => {
    const user = await makeUser();
    const { email } = (await db.user.findUnique({ where: { id: user.id }, select: { email: true } }))!;
    await requestPasswordReset(email);
    await runQueuedJobs();
    const token = linkIn(to(email)[0].text!, "reset-password")!;
    await db.authToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPasswordWithToken(token, "brand new password")).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("email verification", () => {
  it("sends a confirmation link at sign-up; until it is followed the account may draft but not publish or comment", async () => {
    const author = await makeUser();
    const community = await makeCommunity();
    const story = await makePublishedStory(author, community.slug);
    const created = await createUser({ name: "New Person", email: "new-person@example.com", password: "long enough password" });
    const viewer = (await findViewer(created.id))!;
    expect(viewer.emailVerified).toBe(false);

    const draft = await createDraft(viewer, storyInput(community.slug));
    await expect(publishStory(viewer, draft.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("confirm your email") });
    await expect(createComment(viewer, story.id, { body: "Hello there" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await runQueuedJobs();
    const [message] = to("new-person@example.com");
    expect(message.subject).toBe("Confirm your email address");
    const token = linkIn(message.text!, "verify-email")!;
    expect(message.html).toContain(`${SITE}/verify-email/${token}`);
    expect(await confirmEmailWithToken(token)).toBe(true);
    expect(await confirmEmailWithToken(token)).toBe(false);
    const confirmed = (await findViewer(created.id))!;
    expect(confirmed.emailVerified).toBe(true);
    await expect(createComment(confirmed, story.id, { body: "Hello there" })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("resends the link to an unconfirmed member only", async () => {
    const unconfirmed = await makeUser({ confirmed: false });
    await expect(resendEmailConfirmation(unconfirmed)).resolves.toMatchObject({ email: expect.any(String) });
    const confirmed = await makeUser();
    await expect(resendEmailConfirmation(confirmed)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(resendEmailConfirmation(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("the queue", () => {
  it("queues nothing when the transaction that caused the email rolls back", async () => {
    const jobs = await queuedJobs();
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, { key: "rolled-back", to: "someone@example.com", template: "password-changed", data: { name: "X", resetUrl: `${SITE}/forgot-password` } });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await db.emailDelivery.count({ where: { key: "rolled-back" } })).toBe(0);
    expect(await queuedJobs()).toBe(jobs);
  });

  it("queues and sends one email per event and recipient, however often it is queued or run", async () => {
    for (let i = 0; i < 3; i++) {
      await db.$transaction((tx) => queueEmail(tx, { key: "event-1:reader", to: "reader@example.com", template: "password-changed", data: { name: "Reader", resetUrl: `${SITE}/forgot-password` } }));
    }
    await runQueuedJobs();
    await runQueuedJobs();
    expect(to("reader@example.com")).toHaveLength(1);
    expect(await db.emailDelivery.findUnique({ where: { key: "event-1:reader" }, select: { status: true, attempts: true } })).toEqual({ status: "SENT", attempts: 1 });
  });

  it("retries a refused send with backoff and shows a job that used every attempt on the dead-letter list", async () => {
    smtp.refuseNext(1);
    await db.$transaction((tx) => queueEmail(tx, { key: "flaky", to: "flaky@example.com", template: "password-changed", data: { name: "F", resetUrl: `${SITE}/x` } }));
    await runQueuedJobs();
    expect(to("flaky@example.com")).toHaveLength(0);
    const [job] = await db.$queryRaw<{ id: bigint; attempts: number; run_at: Date; last_error: string }[]>`select id, attempts, run_at, last_error from graphile_worker.jobs where key = 'email:flaky'`;
    expect(job.attempts).toBe(1);
    expect(job.last_error).toContain("Mailbox unavailable");
    expect(job.run_at.getTime()).toBeGreaterThan(Date.now()); // backoff: not before later
    expect(await db.emailDelivery.findUnique({ where: { key: "flaky" }, select: { status: true, lastError: true } })).toMatchObject({ status: "QUEUED", lastError: expect.stringContaining("Mailbox unavailable") });

    // Its last attempt fails too: it stays, listed for admins, until one retries it.
    smtp.refuseNext(1);
    await db.$executeRaw`update graphile_worker._private_jobs set run_at = now(), max_attempts = 2 where id = ${job.id}`;
    await runQueuedJobs();
    const dead = await listDeadJobs(db);
    expect(dead).toEqual([expect.objectContaining({ id: String(job.id), task: "send-email", attempts: 2, lastError: expect.stringContaining("Mailbox unavailable") })]);

    await retryDeadJob(db, String(job.id));
    await runQueuedJobs();
    expect(to("flaky@example.com")).toHaveLength(1);
    expect(await listDeadJobs(db)).toEqual([]);
  });

  it("sends an email once when the process that committed it was killed before sending", async () => {
    const user = await makeUser();
    const { email } = (await db.user.findUnique({ where: { id: user.id }, select: { email: true } }))!;
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/helpers/queue-then-die.ts", email], { env: { ...process.env }, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("committed") && resolve());
      child.on("exit", (code) => reject(new Error(`the app process exited (${code}) before committing`)));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect(to(email)).toHaveLength(0);

    await runQueuedJobs(); // "after restart": another worker takes the job
    await runQueuedJobs();
    expect(to(email).map((m) => m.subject)).toEqual(["Reset your password"]);
  });
});

describe("without SMTP_URL", () => {
  it("writes each message as an .eml file to MAIL_DIR, newest last by name", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "storyhouse-mail-"));
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = "";
    process.env.MAIL_DIR = dir;
    try {
      for (const n of [1, 2]) await db.$transaction((tx) => queueEmail(tx, { key: `file-${n}`, to: `file${n}@example.com`, template: "password-changed", data: { name: `N${n}`, resetUrl: `${SITE}/x` } }));
      await runQueuedJobs();
      const files = (await readdir(dir)).sort();
      expect(files).toHaveLength(2);
      expect(files.every((f) => f.endsWith(".eml"))).toBe(true);
      const contents = await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
      expect(contents.join("\n")).toMatch(/To: file1@example.com[\s\S]*multipart\/alternative/);
      expect(smtp.messages).toEqual([]);

      // What /admin/mail shows: admins only, newest first, both parts and the headers.
      const admin = await makeUser({ role: "ADMIN" });
      const overview = await getMailOverview(admin);
      expect(overview.transport).toBe("files");
      expect(overview.files.map((f) => f.to)).toEqual(["file2@example.com", "file1@example.com"]);
      const opened = await getMailFile(admin, overview.files[0].file);
      expect(opened.subject).toBe("Your password was changed");
      expect(opened.text).toContain("Hi N2");
      expect(opened.html).toMatch(/Hi (<!-- -->)?N2/);
      expect(opened.headers).toContainEqual(["To", "file2@example.com"]);
      await expect(getMailFile(admin, "../../etc/passwd")).rejects.toMatchObject({ code: "NOT_FOUND" });
      const moderator = await makeUser({ role: "MODERATOR" });
      await expect(getMailOverview(moderator)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getMailFile(moderator, overview.files[0].file)).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      process.env.SMTP_URL = saved;
      delete process.env.MAIL_DIR;
    }
  });
});

describe("bounces and complaints", () => {
  it("a signed webhook call stops mail to the account and shows on its admin page; a bad signature changes nothing", async () => {
    const { POST } = await import("@/app/api/email-events/route");
    const { signEmailEvent } = await import("@/lib/data/email-events");
    const { getUserForStaff } = await import("@/lib/data/admin-users");
    const user = await makeUser();
    const { email } = (await db.user.findUnique({ where: { id: user.id }, select: { email: true } }))!;
    const call = (body: string, signature: string) => POST(new Request("http://localhost/api/email-events", { method: "POST", body, headers: { "x-storyhouse-signature": signature } }));
    const body = JSON.stringify({ type: "bounce", email, reason: "550 mailbox does not exist" });

    delete process.env.EMAIL_WEBHOOK_SECRET;
    expect((await call(body, signEmailEvent(body, "anything"))).status).toBe(404);
    process.env.EMAIL_WEBHOOK_SECRET = "webhook-secret-for-tests";
    expect((await call(body, signEmailEvent(body, "wrong secret"))).status).toBe(401);
    expect((await db.user.findUnique({ where: { id: user.id }, select: { emailStoppedAt: true } }))!.emailStoppedAt).toBeNull();

    expect((await call(body, signEmailEvent(body, "webhook-secret-for-tests"))).status).toBe(200);
    const admin = await makeUser({ role: "ADMIN" });
    expect((await getUserForStaff(admin, user.id)).emailStopped).toEqual({ at: expect.any(Date), reason: "Bounced: 550 mailbox does not exist" });

    await requestPasswordReset(email);
    await runQueuedJobs();
    expect(to(email)).toEqual([]);
    delete process.env.EMAIL_WEBHOOK_SECRET;
  });
});
