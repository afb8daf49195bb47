// Load without loss, and faults survived: the built app under real HTTP load on its own
// embedded PostgreSQL. `npm run test:load` (LOAD_SECONDS shortens the main run; default 60).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, log, percentile, retried, countBy, seed, signInAll, sleep, startApp, startDatabase, stopApp, type App, type Database, type Seed } from "./harness";
import { startCommenters, startHealthProbe, startHearters, startReaders, warmUp, type AckedComment, type Failure, type Stop } from "./workload";
import { startSlowProxy } from "./slow-proxy";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const READERS = Number(process.env.LOAD_READERS ?? 200);
const COMMENTERS = Number(process.env.LOAD_COMMENTERS ?? 50);
const HEARTERS = 20;
// The comments-only run (the issue's "≥ 300 comments/s, p99 < 200 ms" is measured here).
const THROUGHPUT_SECONDS = Number(process.env.LOAD_THROUGHPUT_SECONDS ?? 15);
// Simulated readers pause between pages, as people do; 0 makes them hammer (a stress test).
const READER_THINK_MS = Number(process.env.LOAD_READER_THINK_MS ?? 1000);
// The app's connection pool (DB_POOL_MAX, default 10): 20 here, see docs/performance-load.md.
const APP_ENV = { DB_POOL_MAX: process.env.LOAD_DB_POOL_MAX ?? "20" };
const WRITERS = 10;
// Enough accounts that none passes the everyone-limit of 60 comments per 5 minutes at up to
// ~600 comments/s, for the main run plus the fault tests' ~40 s of posting.
const COMMENTER_ACCOUNTS = Math.max(COMMENTERS * 2, Math.ceil(((SECONDS + THROUGHPUT_SECONDS + 40) * 600) / 58));

let db: Database;
let content: Seed;
let app: App;
let commenterAccounts: { userId: string; cookie: string }[];
let hearterAccounts: { userId: string; cookie: string }[];
/** Every comment the app acknowledged in any test: all must be in the database at the end. */
const allAcked: AckedComment[] = [];

beforeAll(async () => {
  const t0 = performance.now();
  db = await startDatabase();
  content = await seed(db, { commenters: COMMENTER_ACCOUNTS, hearters: HEARTERS, writers: WRITERS });
  log(`database on port ${db.port}, seeded ${COMMENTER_ACCOUNTS} commenter accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await build(db);
  app = await startApp(db.url, APP_ENV);
  const t1 = performance.now();
  const cookies = await signInAll(app.base, [...content.commenters, ...content.hearters]);
  log(`app on ${app.base}; ${cookies.size} sign-ins in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  await warmUp(app.base, content.readPaths);
  commenterAccounts = content.commenters.map((userId) => ({ userId, cookie: cookies.get(userId)! }));
  hearterAccounts = content.hearters.map((userId) => ({ userId, cookie: cookies.get(userId)! }));
});

afterAll(async () => {
  if (app) await stopApp(app);
  const { db: prisma } = await import("@/lib/db").catch(() => ({ db: null }));
  await prisma?.$disconnect();
  await db?.stop();
});

function describeFailures(failures: Failure[]) {
  return failures.slice(0, 5).map((f) => `${f.who} ${f.what}: ${f.status} ${f.error ?? ""} ${f.body ?? ""}`).join("\n");
}

/** Every acknowledged comment is stored with exactly the text sent, under the right story and author. */
async function expectCommentsStored(acked: AckedComment[]) {
  const { rows } = await db.pool.query<{ id: string; storyId: string; authorId: string; body: string; status: string }>(
    `select id, "storyId", "authorId", body, status from "Comment" where id = any($1::text[])`,
    [acked.map((c) => c.id)],
  );
  const stored = new Map(rows.map((r) => [r.id, r]));
  const missing = acked.filter((c) => !stored.has(c.id));
  const changed = acked.filter((c) => {
    const row = stored.get(c.id);
    return row && (row.body !== c.body || row.storyId !== c.storyId || row.authorId !== c.authorId || row.status !== "VISIBLE");
  });
  expect(new Set(acked.map((c) => c.id)).size, "each acknowledged comment has its own id").toBe(acked.length);
  expect(missing.map((c) => c.id), "acknowledged comments missing from the database").toEqual([]);
  expect(changed.map((c) => c.id), "acknowledged comments stored with other content").toEqual([]);
}

/** Each story's commentCount equals its visible rows. */
async function expectCountsMatchRows(storyIds: string[]) {
  const { rows } = await db.pool.query<{ id: string; commentCount: number; visible: number; heartCount: number; hearts: number }>(
    `select s.id, s."commentCount",
            (select count(*)::int from "Comment" c where c."storyId" = s.id and c.status = 'VISIBLE') as visible,
            s."heartCount", (select count(*)::int from "Heart" h where h."storyId" = s.id) as hearts
     from "Story" s where s.id = any($1::text[]) order by s.id`,
    [storyIds],
  );
  expect(rows.map((r) => [r.id, r.commentCount, r.heartCount]), "counters equal the rows they count").toEqual(rows.map((r) => [r.id, r.visible, r.hearts]));
  return rows;
}

/** The editor's autosave, driven through the data layer (saveStoryAction's own call) from this process. */
async function runAutosaves(writers: Seed["writers"], stop: Stop) {
  const { updateStory } = await import("@/lib/data/stories");
  const { findViewer } = await import("@/lib/data/users");
  const { isAppError } = await import("@/lib/errors");
  const failures: Failure[] = [];
  const last = new Map<string, { version: number; body: string }>();
  let saves = 0;
  let races = 0;
  await Promise.all(
    writers.map(async ({ userId, storyId }, w) => {
      const viewer = await findViewer(userId);
      let version = 1;
      const input = (body: string) => ({ title: `Draft ${w}`, subtitle: "", community: "journal", body, tags: [], heroImageUrl: "", heroImageAlt: "", aiAssisted: false });
      for (let n = 1; !stop.stopped; n++) {
        const body = `## Draft ${w}\n\nAutosave ${n}: the harbor at night, the ferries counting out the hours.`;
        try {
          if (n % 8 === 0) {
            // Two tabs save from the same version at once: exactly one wins, the other is told.
            races++;
            const other = `${body}\n\n(from the other tab)`;
            const results = await Promise.allSettled([updateStory(viewer, storyId, input(body), { expectedVersion: version }), updateStory(viewer, storyId, input(other), { expectedVersion: version })]);
            const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [{ saved: r.value, body: i === 0 ? body : other }] : []));
            const lost = results.filter((r) => r.status === "rejected" && isAppError(r.reason) && r.reason.code === "CONFLICT");
            if (won.length !== 1 || lost.length !== 1) failures.push({ who: `writer ${w}`, what: `racing saves: ${won.length} won, ${lost.length} conflicts`, status: 0, at: Date.now() });
            if (won[0]) {
              version = won[0].saved.version;
              last.set(storyId, { version, body: won[0].body });
            }
          } else {
            const saved = await updateStory(viewer, storyId, input(body), { expectedVersion: version });
            version = saved.version;
            last.set(storyId, { version, body });
          }
          saves++;
        } catch (error) {
          failures.push({ who: `writer ${w}`, what: `autosave ${n}`, status: 0, error: String(error), at: Date.now() });
          break;
        }
        await sleep(20);
      }
    }),
  );
  return { failures, last, saves, races };
}

describe("heart route", () => {
  it("refuses signed-out and malformed requests and changes nothing; a signed-in reader's heart counts once", async () => {
    const storyId = content.hotStoryIds[0];
    const state = async () => (await db.pool.query<{ heartCount: number; rows: number }>(`select "heartCount", (select count(*)::int from "Heart" where "storyId" = $1) as rows from "Story" where id = $1`, [storyId])).rows[0];
    const before = await state();
    const put = (body: string, cookie?: string, type = "application/json") => fetch(`${app.base}/api/stories/${storyId}/heart`, { method: "PUT", headers: { "content-type": type, origin: app.base, ...(cookie ? { cookie } : {}) }, body });
    expect((await put(JSON.stringify({ hearted: true }))).status).toBe(401);
    expect((await put(JSON.stringify({ hearted: "yes" }), hearterAccounts[0].cookie)).status).toBe(422);
    expect((await put("hearted=true", hearterAccounts[0].cookie, "application/x-www-form-urlencoded")).status).toBe(422);
    expect(await state()).toEqual(before);
    for (let i = 0; i < 2; i++) expect(await (await put(JSON.stringify({ hearted: true }), hearterAccounts[0].cookie)).json()).toEqual({ hearted: true, heartCount: before.heartCount + 1 });
    expect((await put(JSON.stringify({ hearted: false }), hearterAccounts[0].cookie)).status).toBe(200);
    expect(await state()).toEqual(before);
  });
});

describe("load", () => {
  it(`comment throughput: ${COMMENTERS} commenters alone for ${THROUGHPUT_SECONDS} s, back to back (figures printed, not asserted); nothing acknowledged is lost`, async () => {
    const stop: Stop = { stopped: false };
    const t0 = performance.now();
    const commenters = startCommenters(app.base, COMMENTERS, commenterAccounts, content.hotStoryIds, stop);
    await sleep(THROUGHPUT_SECONDS * 1000);
    stop.stopped = true;
    const c = await commenters;
    const seconds = (performance.now() - t0) / 1000;
    allAcked.push(...c.acked);
    const rate = c.acked.length / seconds;
    const p99 = percentile(c.latencies, 99);
    log(`--- comment throughput: ${COMMENTERS} connections, ${seconds.toFixed(1)} s, nothing else running`);
    log(`comments:  ${c.acked.length} acknowledged of ${c.attempts} (${rate.toFixed(0)}/s), p50 ${percentile(c.latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, failures ${c.failures.length}`);
    log(`target (reported, not asserted): ≥ 300/s with p99 < 200 ms → ${rate >= 300 && p99 < 200 ? "met" : "NOT met"} on this machine`);
    expect(describeFailures(c.failures), "commenter failures").toBe("");
    expect(c.acked.length).toBeGreaterThan(0);
    await expectCommentsStored(c.acked);
    await expectCountsMatchRows(content.hotStoryIds);
  });

  it(`${READERS} readers, ${COMMENTERS} commenters, ${HEARTERS} hearters and ${WRITERS} autosaving writers for ${SECONDS} s: no errors, nothing acknowledged is lost`, async () => {
    const stop: Stop = { stopped: false };
    const t0 = performance.now();
    const startedAt = Date.now();
    const readers = startReaders(app.base, READERS, content.readPaths, stop, READER_THINK_MS);
    const commenters = startCommenters(app.base, COMMENTERS, commenterAccounts, content.hotStoryIds, stop);
    const hearters = startHearters(app.base, hearterAccounts, content.hotStoryIds, stop);
    const autosaves = runAutosaves(content.writers, stop);
    await sleep(SECONDS * 1000);
    stop.stopped = true;
    const [r, c, h, a] = await Promise.all([readers, commenters, hearters, autosaves]);
    const seconds = (performance.now() - t0) / 1000;
    allAcked.push(...c.acked);

    const rate = c.acked.length / seconds;
    log(`--- load: ${seconds.toFixed(1)} s, ${READERS} readers (${READER_THINK_MS} ms between pages), ${COMMENTERS} commenters, ${HEARTERS} hearters, ${WRITERS} writers`);
    log(`reads:     ${r.requests} (${(r.requests / seconds).toFixed(0)}/s), p50 ${percentile(r.latencies, 50).toFixed(0)} ms, p99 ${percentile(r.latencies, 99).toFixed(0)} ms, failures ${r.failures.length}`);
    log(`  by page: ${Object.entries(r.byPage).map(([page, ms]) => `${page} ${ms.length} p50 ${percentile(ms, 50).toFixed(0)} / p99 ${percentile(ms, 99).toFixed(0)} ms`).join("; ")}`);
    // The first seconds are a freshly started process meeting 280 clients at once (code not yet
    // optimised, every page's first renders); the rest is the steady state.
    const settled = r.spans.filter((x) => x.start >= startedAt + 5_000);
    const settledBy = Object.entries(countBy(settled, (x) => x.page ?? "?")).map(([page]) => {
      const ms = settled.filter((x) => x.page === page).map((x) => x.end - x.start);
      return `${page} p50 ${percentile(ms, 50).toFixed(0)} / p99 ${percentile(ms, 99).toFixed(0)} ms`;
    });
    log(`  after the first 5 s: ${settledBy.join("; ")}`);
    log(`comments:  ${c.acked.length} acknowledged of ${c.attempts} (${rate.toFixed(0)}/s), p50 ${percentile(c.latencies, 50).toFixed(0)} ms, p99 ${percentile(c.latencies, 99).toFixed(0)} ms, failures ${c.failures.length}, accounts exhausted ${c.exhausted}`);
    log(`hearts:    ${h.acked} acknowledged of ${h.attempts} (${(h.acked / seconds).toFixed(0)}/s), p99 ${percentile(h.latencies, 99).toFixed(0)} ms, failures ${h.failures.length}`);
    log(`requests sent again after the server closed an idle kept-alive connection under them: ${retried.count}`);
    log(`autosaves: ${a.saves} acknowledged (${a.races} racing pairs), failures ${a.failures.length}`);
    log(`target (reported, not asserted): comments ≥ 300/s with p99 < 200 ms → ${rate >= 300 && percentile(c.latencies, 99) < 200 ? "met" : "NOT met"} on this machine`);

    expect(describeFailures(r.failures), "reader failures").toBe("");
    expect(describeFailures(c.failures), "commenter failures").toBe("");
    expect(describeFailures(h.failures), "heart failures").toBe("");
    expect(describeFailures(a.failures), "autosave failures").toBe("");
    expect(c.acked.length).toBeGreaterThan(0);
    expect(h.acked).toBeGreaterThan(0);

    await expectCommentsStored(c.acked);
    const rows = await expectCountsMatchRows(content.hotStoryIds);
    // Nothing failed, so nothing unacknowledged was written either: 1 seeded comment + the acknowledged (this run's and the throughput run's).
    const perStory = countBy(allAcked, (x) => x.storyId);
    expect(rows.map((row) => [row.id, row.visible])).toEqual(rows.map((row) => [row.id, 1 + (perStory[row.id] ?? 0)]));

    // Hearts: each (person, story) pair as last acknowledged; counts equal rows (checked above).
    const { rows: hearts } = await db.pool.query<{ pair: string }>(`select "userId" || '|' || "storyId" as pair from "Heart" where "userId" like 'load-hearter-%'`);
    const present = new Set(hearts.map((x) => x.pair));
    const wrong = [...h.lastAck].filter(([pair, hearted]) => !h.uncertain.has(pair) && present.has(pair) !== hearted);
    expect(wrong, "heart state differs from the last acknowledged").toEqual([]);

    // Autosaves: the stored draft is the last acknowledged save, version and text.
    const { rows: drafts } = await db.pool.query<{ id: string; version: number; bodyMarkdown: string }>(`select id, version, "bodyMarkdown" from "Story" where id = any($1::text[])`, [[...a.last.keys()]]);
    expect(drafts.map((d) => [d.id, d.version, d.bodyMarkdown]).sort()).toEqual([...a.last].map(([id, v]) => [id, v.version, v.body]).sort());
  });
});

describe("faults", () => {
  it("the database is killed (SIGKILL) under load and restarted: quick 503s while it is down, recovery on its own, nothing acknowledged lost", async () => {
    const stop: Stop = { stopped: false };
    const readers = startReaders(app.base, 20, content.readPaths, stop, 100);
    const commenters = startCommenters(app.base, 10, commenterAccounts, content.hotStoryIds, stop, { allowUnavailable: true, pauseMs: 50, timeoutMs: 20_000 });
    const health = startHealthProbe(app.base, stop, 50);
    await sleep(3_000);
    const killedAt = Date.now();
    const pid = db.kill();
    log(`--- database kill: SIGKILL to postmaster ${pid} and its backends`);
    await sleep(4_000);
    await db.restart();
    const backAt = Date.now();
    log(`database restarted ${backAt - killedAt} ms after the kill (crash recovery included)`);
    // Wait (bounded) for the app to answer healthy again, then keep the load on a little longer.
    for (let i = 0; i < 150 && !health.probes.some((p) => p.sentAt >= backAt && p.status === 200); i++) await sleep(100);
    await sleep(2_000);
    stop.stopped = true;
    const [r, c] = await Promise.all([readers, commenters, health.done]);
    allAcked.push(...c.acked);

    const down = health.probes.filter((p) => p.sentAt > killedAt + 200 && p.at < backAt);
    const firstOk = health.probes.find((p) => p.sentAt >= backAt && p.status === 200);
    const firstAck = c.ackTimes.find((t) => t >= backAt);
    const slowest = Math.max(...down.map((p) => p.ms), ...c.unavailable.map((u) => u.ms));
    log(`while down: ${down.length} health probes, statuses ${JSON.stringify(countBy(down, (p) => p.status || p.error || 0))}, slowest answer ${slowest.toFixed(0)} ms`);
    log(`comments: ${c.acked.length} acknowledged, ${c.unavailable.length} refused (503 or connection error: ${JSON.stringify(countBy(c.unavailable, (u) => u.status || u.error || 0))}), other failures ${c.failures.length}`);
    log(`reads: ${r.requests}, non-200: ${r.failures.length} ${JSON.stringify(countBy(r.failures, (f) => `${f.what.split("?")[0]} ${f.status}`))}`);
    log(`recovery after the database returned: health 200 in ${firstOk ? firstOk.at - backAt : "∞"} ms, first acknowledged comment in ${firstAck ? firstAck - backAt : "∞"} ms`);

    expect(down.length, "the probe ran while the database was down").toBeGreaterThan(5);
    expect(down.filter((p) => p.status !== 503), "health answers 503 while the database is down").toEqual([]);
    expect(slowest, "no request hangs while the database is down").toBeLessThan(6_000);
    expect(describeFailures(c.failures), "comment answers other than 201/503").toBe("");
    // Cached pages keep being served; a page whose cache entry was expired (a story just commented
    // on) cannot be rendered while the database is down: it answers 500 (see
    // docs/performance-load.md). Never a hang or a cut-off answer.
    expect(r.spans.filter((x) => x.status === 0), "readers never see a hang or a reset").toEqual([]);
    expect(r.spans.filter((x) => x.status !== 200 && !(x.status === 500 && x.start < backAt + 5_000)), "readers get 200, or a 500 while the database is down").toEqual([]);
    expect(firstOk, "the app recovers on its own").toBeDefined();
    expect(firstOk!.at - backAt, "recovery within 5 s of the database returning").toBeLessThan(5_000);
    expect(firstAck! - backAt, "comments are acknowledged again within 5 s").toBeLessThan(5_000);
    await expectCommentsStored(allAcked);
    await expectCountsMatchRows(content.hotStoryIds);
  });

  it("SIGTERM under load: the app stops accepting, finishes what is in flight and exits; a restarted app serves with nothing lost", async () => {
    const stop: Stop = { stopped: false };
    const readers = startReaders(app.base, 40, content.readPaths, stop, 100);
    const commenters = startCommenters(app.base, 20, commenterAccounts, content.hotStoryIds, stop, { allowUnavailable: true, timeoutMs: 20_000 });
    await sleep(3_000);
    const termAt = Date.now();
    app.process.kill("SIGTERM");
    // Clients keep sending for 2 s (a load balancer notices a draining instance late), then stop.
    await sleep(2_000);
    stop.stopped = true;
    const [r, c] = await Promise.all([readers, commenters]);
    const stoppedAt = Date.now();
    const exit = await Promise.race([app.exited, sleep(15_000).then(() => null)]);
    const exitMs = Date.now() - termAt;
    allAcked.push(...c.acked);
    const spans = [...r.spans, ...c.spans];
    const inFlight = spans.filter((x) => x.start < termAt && x.end > termAt);
    const after = spans.filter((x) => x.start > termAt);
    log(`--- SIGTERM: exit ${exit ? `code ${exit.code} signal ${exit.signal}` : "none"} ${exitMs} ms after the signal (${Date.now() - stoppedAt} ms after the clients stopped)`);
    log(`in flight at the signal: ${inFlight.length}, answered ${JSON.stringify(countBy(inFlight, (x) => x.status || x.error || 0))}`);
    log(`sent after the signal: ${after.length}: ${JSON.stringify(countBy(after, (x) => x.status || x.error || 0))} (answers on kept-alive connections, refusals for new ones)`);
    log(`comments: ${c.acked.length} acknowledged (${c.ackTimes.filter((t) => t > termAt).length} after the signal), failures ${c.failures.length}`);
    if (!exit) app.process.kill("SIGKILL");

    expect(exit, "the app exits within 15 s once clients stop sending").not.toBeNull();
    // next start exits with 143 (128 + SIGTERM) after its graceful close; see docs/performance-load.md.
    expect([0, 143]).toContain(exit!.code);
    expect(inFlight.length, "requests were in flight at the signal").toBeGreaterThan(0);
    // Every request the server had begun is answered in full. Under heavy load some requests are
    // still unread in a kept-alive connection's buffer when Node closes it as idle: those are reset
    // before any answer (never processed, so never acknowledged) and a client sends them again.
    expect(inFlight.filter((x) => x.status !== 200 && x.status !== 201 && !(x.status === 0 && ["ECONNRESET", "EPIPE"].includes(x.error ?? ""))), "every request in flight at the signal is answered in full").toEqual([]);
    expect(inFlight.filter((x) => x.status === 200 || x.status === 201).length, "requests in flight were finished").toBeGreaterThan(0);
    // Afterwards: answers, refused connections, or a reset of an idle kept-alive connection closed
    // just as a request was sent on it (never processed; unacknowledged). Never a 5xx.
    expect(after.filter((x) => x.status >= 300 || (x.status === 0 && x.error !== "ECONNREFUSED" && x.error !== "ECONNRESET")), "after the signal: no errors").toEqual([]);
    expect(describeFailures(c.failures)).toBe("");

    app = await startApp(db.url, APP_ENV);
    const page = await fetch(app.base + content.readPaths[0]);
    expect(page.status, "a restarted app serves").toBe(200);
    await expectCommentsStored(allAcked);
    await expectCountsMatchRows(content.hotStoryIds);
  });

  it("a slow database (every packet held 2 s): requests answer 503 within a bound instead of piling up, and it recovers", async () => {
    const proxy = await startSlowProxy(db.port);
    const timeouts = { ...APP_ENV, DB_QUERY_TIMEOUT_MS: "1500", DB_CONNECT_TIMEOUT_MS: "1500" };
    const slowApp = await startApp(db.url.replace(`:${db.port}/`, `:${proxy.port}/`), timeouts);
    try {
      const stop: Stop = { stopped: false };
      const health = startHealthProbe(slowApp.base, stop, 100, 30_000);
      const readers = startReaders(slowApp.base, 10, content.readPaths, stop, 100);
      const commenters = startCommenters(slowApp.base, 20, commenterAccounts, content.hotStoryIds, stop, { allowUnavailable: true, timeoutMs: 30_000 });
      await sleep(2_000);
      proxy.delayMs = 2_000;
      const slowAt = Date.now();
      log(`--- slow database: 2 s delay on every packet (app timeouts ${JSON.stringify(timeouts)})`);
      await sleep(8_000);
      proxy.delayMs = 0;
      const fastAt = Date.now();
      for (let i = 0; i < 150 && !health.probes.some((p) => p.sentAt >= fastAt && p.status === 200); i++) await sleep(100);
      await sleep(1_000);
      stop.stopped = true;
      const [r, c] = await Promise.all([readers, commenters, health.done]);
      allAcked.push(...c.acked);

      const slowProbes = health.probes.filter((p) => p.sentAt >= slowAt + 100 && p.at <= fastAt);
      const slowComments = c.unavailable.filter((u) => u.status !== 0);
      const slowest = Math.max(...slowProbes.map((p) => p.ms), ...c.latencies);
      const firstOk = health.probes.find((p) => p.sentAt >= fastAt && p.status === 200);
      log(`while slow: health ${JSON.stringify(countBy(slowProbes, (p) => p.status || p.error || 0))}, p50 ${percentile(slowProbes.map((p) => p.ms), 50).toFixed(0)} ms, max ${Math.max(...slowProbes.map((p) => p.ms)).toFixed(0)} ms`);
      log(`comments: ${c.acked.length} acknowledged, ${slowComments.length} answered 503, other ${c.failures.length}; slowest comment answer ${Math.max(...c.latencies).toFixed(0)} ms`);
      log(`reads (cached pages): ${r.requests}, p99 ${percentile(r.latencies, 99).toFixed(0)} ms, non-200 ${JSON.stringify(countBy(r.failures, (f) => `${f.what.split("?")[0]} ${f.status}`))}`);
      log(`recovered: health 200 ${firstOk ? firstOk.at - fastAt : "∞"} ms after the delay was lifted`);

      expect(slowProbes.length).toBeGreaterThan(0);
      expect(slowProbes.filter((p) => p.status !== 503), "health says 503 while the database is too slow").toEqual([]);
      expect(slowComments.length, "comments are refused with 503 while the database is too slow").toBeGreaterThan(0);
      expect(describeFailures(c.failures), "comment answers other than 201/503").toBe("");
      expect(slowest, "every answer within a bound (pool wait + query timeout + margin)").toBeLessThan(8_000);
      // Readers: cached pages (200); pages not in this new process's cache answer 500;
      // the JSON APIs a 503. Never a hang, never an API 500.
      expect(r.spans.filter((x) => x.status === 0 || x.end - x.start > 8_000), "readers: no hang").toEqual([]);
      expect(r.failures.filter((f) => f.what.startsWith("GET /api/") && f.status !== 503), "APIs answer 503 when the database is too slow").toEqual([]);
      expect(firstOk, "recovers once the database is fast again").toBeDefined();
      await expectCommentsStored(allAcked);
      await expectCountsMatchRows(content.hotStoryIds);
    } finally {
      await stopApp(slowApp);
      await proxy.close();
    }
  });
});
