// `npm run bench` (after scripts/bench.ts), or `npm run bench:email` alone: what email to followers
// costs. The built app (a copy of the tests' build) runs on its own embedded database with its
// worker sending through SMTP to a counting server in this process. A creator with 10,000 confirmed
// followers publishes stories; this process times each publish (the data layer's publishStory: the
// work the editor's Publish request does, one transaction that adds one fan-out job), and, for
// comparison, a creator with no followers. Then it watches the app's queue send the first story's
// 10,000 emails: how soon they were all queued (the fan-out) and the rate they left at.
//   BENCH_FOLLOWERS=10000 BENCH_PUBLISHES=20 BENCH_DRAIN_SECONDS=300 npm run bench:email
import { spawn } from "node:child_process";
import { SMTPServer } from "smtp-server";
import pg from "pg";
import { startTestCluster, TEMPLATE_DB } from "../tests/helpers/test-database";
import { freePort } from "../tests/helpers/free-port";
import { createDatabaseFromTemplate, databaseUrl } from "./lib/postgres.mjs";
import { root, runBin, serverNodeOptions, testBuildCopy } from "./lib/app-env.mjs";

const followers = Number(process.env.BENCH_FOLLOWERS ?? 10_000);
const publishes = Number(process.env.BENCH_PUBLISHES ?? 20);
const drainLimitSeconds = Number(process.env.BENCH_DRAIN_SECONDS ?? 300);

/** An SMTP server that accepts and counts, without parsing (the app's sending is what is measured). */
async function countingSmtp() {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5).toFixed(1), p99: percentile(sorted, 0.99).toFixed(1), max: sorted.at(-1)!.toFixed(1) };
};

async function main() {
  const cluster = await startTestCluster("bench-email");
  await createDatabaseFromTemplate(cluster.adminUrl, "bench_email", TEMPLATE_DB);
  const url = databaseUrl(cluster.port, "bench_email");
  const smtp = await countingSmtp();
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: url, SMTP_URL: smtp.url, AUTH_SECRET: "bench-secret-0123456789abcdef", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", SWEEP_INTERVAL_SECONDS: "60" };
  // No SITE_URL of its own: the tests' build is kept per SITE_URL, and the browser tests' one is reused.
  Object.assign(process.env, env);

  // The creators and the followers, written with SQL (10,000 sign-ups through the app would take minutes).
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`insert into "Community" (id, slug, name) values ('c-bench', 'bench', 'Bench')`);
  await client.query(`insert into "User" (id, email, name, handle, "passwordHash", "updatedAt", "emailVerifiedAt", "trustOverride") values
    ('u-popular', 'popular@bench.test', 'Popular Creator', 'popular', '', now(), now(), true),
    ('u-quiet', 'quiet@bench.test', 'Quiet Creator', 'quiet', '', now(), now(), true)`);
  await client.query(
    `insert into "User" (id, email, name, handle, "passwordHash", "updatedAt", "emailVerifiedAt")
     select 'f-' || lpad(i::text, 6, '0'), 'follower' || i || '@bench.test', 'Follower ' || i, 'follower-' || i, '', now(), now() from generate_series(1, $1::int) i`,
    [followers],
  );
  await client.query(`insert into "Follow" ("followerId", "creatorId") select id, 'u-popular' from "User" where id like 'f-%'`);
  await client.query(`update "User" set "followerCount" = $1 where id = 'u-popular'`, [followers]);
  console.log(`[bench-email] ${followers} followers of one creator`);

  const distDir = await testBuildCopy(env, "bench-email", (m: string) => console.log(`[bench-email] ${m}`));
  const app = spawn(runBin("next"), ["start", "-p", String(port)], { cwd: root, env: { ...env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions(env) }, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  // The data layer, in this process, on the same database (imported once the environment is set).
  const { findViewer } = await import("../lib/data/users");
  const { createDraft, publishStory } = await import("../lib/data/stories");
  const input = (n: number) => ({ title: `Benchmark story ${n}`, subtitle: "", community: "bench", body: "A short story for the benchmark.\n\nIt has two paragraphs.", tags: [], heroImageUrl: "", heroImageAlt: "", aiAssisted: false });
  const timePublishes = async (userId: string, count: number) => {
    const viewer = (await findViewer(userId))!;
    const times: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const draft = await createDraft(viewer, input(i));
      const t0 = performance.now();
      await publishStory(viewer, draft.id);
      times.push(performance.now() - t0);
      ids.push(draft.id);
    }
    return { times, ids };
  };

  await timePublishes("u-quiet", 3); // warm-up
  const quiet = await timePublishes("u-quiet", publishes);
  const popular = await timePublishes("u-popular", publishes);

  // Those stories' emails are dropped (the queue would spend minutes on them), then one more story
  // is published and its followers' emails are watched from the publish to the last one sent.
  for (let i = 0; i < 30; i++) {
    const { rowCount } = await client.query(`delete from graphile_worker._private_jobs where locked_at is null and task_id in (select id from graphile_worker._private_tasks where identifier in ('new-story-fan-out', 'send-email'))`);
    const busy = Number((await client.query<{ n: string }>(`select count(*) as n from graphile_worker._private_jobs where locked_at is not null`)).rows[0].n);
    if (!rowCount && !busy) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  await client.query(`update "EmailDelivery" set status = 'SKIPPED' where status = 'QUEUED'`);
  const before = smtp.received();
  const started = Date.now();
  const { ids: [watched] } = await timePublishes("u-popular", 1);
  const count = async (status?: string) =>
    Number((await client.query<{ n: string }>(`select count(*) as n from "EmailDelivery" where key like $1 ${status ? `and status = '${status}'` : ""}`, [`new-story:${watched}:%`])).rows[0].n);
  let queuedAt = 0;
  let sentAt = 0;
  let sent = 0;
  while ((Date.now() - started) / 1000 < drainLimitSeconds) {
    const queued = await count();
    sent = await count("SENT");
    const t = (Date.now() - started) / 1000;
    if (!queuedAt && queued >= followers) queuedAt = t;
    if (sent >= followers) {
      sentAt = t;
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const elapsed = (sentAt || (Date.now() - started) / 1000);
  const rate = sent / elapsed;

  const q = summary(quiet.times);
  const p = summary(popular.times);
  console.log(`\nStoryhouse email bench: ${followers} followers, ${publishes} publishes per creator, sequential\n`);
  console.log("publish (data layer, ms)".padEnd(40) + "p50".padStart(9) + "p99".padStart(9) + "max".padStart(9));
  console.log("creator with no followers".padEnd(40) + q.p50.padStart(9) + q.p99.padStart(9) + q.max.padStart(9));
  console.log(`creator with ${followers} followers`.padEnd(40) + p.p50.padStart(9) + p.p99.padStart(9) + p.max.padStart(9));
  console.log(`\none story to ${followers} followers: emails all queued (fan-out) after ${queuedAt ? `${queuedAt.toFixed(1)} s` : "more than the limit"}, all sent after ${sentAt ? `${sentAt.toFixed(1)} s` : `more than ${drainLimitSeconds} s (${sent} sent)`}`);
  console.log(`queue drain rate: ${rate.toFixed(0)} emails/s, publish to last email (the SMTP server received ${smtp.received() - before})`);

  // The rest of the queue goes first: jobs taken while the server shuts down would only log failures.
  await client.query(`delete from graphile_worker._private_jobs`);
  await client.end();
  app.kill("SIGTERM");
  await new Promise((resolve) => app.on("exit", resolve));
  await smtp.close();
  await cluster.stop();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
