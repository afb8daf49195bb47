// Simulated people, each a loop that runs until a deadline and writes down what the app
// acknowledged, so the test can compare it with the database afterwards.
import type http from "node:http";
import { makeAgent, request, sleep, type Reply } from "./harness";

export type Failure = { who: string; what: string; status: number; error?: string; body?: string; at: number };
export type Stop = { stopped: boolean };

function failure(who: string, what: string, reply: Reply): Failure {
  return { who, what, status: reply.status, error: reply.error, body: reply.body.slice(0, 200), at: Date.now() };
}

// ---------------------------------------------------------------------------------------------
// Readers: the story page, home, a community page and the search API, back to back.

/** When each request started and ended (epoch ms) and how it ended. */
export type Span = { start: number; end: number; status: number; error?: string; page?: string };

export type ReaderStats = { requests: number; latencies: number[]; failures: Failure[]; spans: Span[]; byPage: Record<string, number[]> };

/** Which kind of page a reader's path is, for per-page figures. */
function pageKind(path: string): string {
  if (path.startsWith("/api/search")) return "search";
  if (path === "/") return "home";
  return path.split("/").length > 2 ? "story" : "community";
}

/** Each page once, one at a time: the cache a site that has been up for a while would have. */
export async function warmUp(base: string, readPaths: string[]) {
  const agent = makeAgent(1);
  for (const path of [...readPaths, "/", "/journal", "/the-swamp", "/api/search?q=harbor%20lights", "/api/search?q=ferries%20night", "/api/search?q=walks"]) await request(agent, base, "GET", path);
  agent.destroy();
}

export function startReaders(base: string, count: number, readPaths: string[], stop: Stop, thinkMs = 0): Promise<ReaderStats> {
  const agent = makeAgent(count);
  const stats: ReaderStats = { requests: 0, latencies: [], failures: [], spans: [], byPage: {} };
  const paths = (i: number) => [readPaths[i % readPaths.length], "/", "/journal", `/api/search?q=${encodeURIComponent(["harbor lights", "ferries night", "walks"][i % 3])}`];
  return Promise.all(
    Array.from({ length: count }, async (_, r) => {
      // People arrive over the first pause, not all in the same millisecond.
      await sleep(Math.random() * thinkMs);
      for (let i = r; !stop.stopped; i++) {
        for (const path of paths(i)) {
          if (stop.stopped) break;
          const start = Date.now();
          const reply = await request(agent, base, "GET", path, { timeoutMs: 30_000 });
          stats.spans.push({ start, end: Date.now(), status: reply.status, error: reply.error, page: pageKind(path) });
          stats.requests++;
          stats.latencies.push(reply.ms);
          (stats.byPage[pageKind(path)] ??= []).push(reply.ms);
          if (reply.status !== 200) stats.failures.push(failure(`reader ${r}`, `GET ${path}`, reply));
          if (thinkMs) await sleep(thinkMs);
        }
      }
    }),
  ).then(() => {
    agent.destroy();
    return stats;
  });
}

// ---------------------------------------------------------------------------------------------
// Commenters: POST /api/stories/<id>/comments with a session cookie, as fast as answered.

export type AckedComment = { id: string; storyId: string; authorId: string; body: string };
export type CommenterStats = { attempts: number; acked: AckedComment[]; latencies: number[]; failures: Failure[]; ackTimes: number[]; exhausted: number; spans: Span[] };

// The everyone-limit is 60 comments per 5-minute window (lib/data/rate-limits.ts); a commenter
// switches to their next account before it, as a person with several accounts would not, but
// this keeps the real limit code in the path without tripping it.
const PER_ACCOUNT_WINDOW = 58;
const WINDOW_MS = 5 * 60_000;
/** Comments posted per account and window, across every run in this process. */
const used = new Map<string, number>();

/**
 * `count` commenters; commenter i posts as accounts i, i+count, i+2·count, ... in turn.
 * `expectOk` false (fault tests) counts 503s as expected refusals rather than failures.
 */
export function startCommenters(base: string, count: number, accounts: { userId: string; cookie: string }[], storyIds: string[], stop: Stop, opts: { allowUnavailable?: boolean; pauseMs?: number; timeoutMs?: number } = {}): Promise<CommenterStats & { unavailable: Reply[] }> {
  const agent: http.Agent = makeAgent(count);
  const stats: CommenterStats & { unavailable: Reply[] } = { attempts: 0, acked: [], latencies: [], failures: [], ackTimes: [], exhausted: 0, unavailable: [], spans: [] };
  return Promise.all(
    Array.from({ length: count }, async (_, c) => {
      const mine = accounts.filter((_, i) => i % count === c);
      let seq = 0;
      while (!stop.stopped) {
        const window = Math.floor(Date.now() / WINDOW_MS);
        const account = mine.find((a) => (used.get(`${a.userId}:${window}`) ?? 0) < PER_ACCOUNT_WINDOW);
        if (!account) {
          stats.exhausted++;
          await sleep(200);
          continue;
        }
        const key = `${account.userId}:${window}`;
        used.set(key, (used.get(key) ?? 0) + 1);
        const storyId = storyIds[(c + seq) % storyIds.length];
        // Markdown, an emoji and a unique tag: the stored text must come back byte for byte.
        const body = `Comment ${seq} from commenter ${c} (${account.userId}): the *ferry* part ✨ got me. #${Math.random().toString(36).slice(2, 10)}`;
        seq++;
        stats.attempts++;
        const start = Date.now();
        const reply = await request(agent, base, "POST", `/api/stories/${storyId}/comments`, {
          headers: { "content-type": "application/json", cookie: account.cookie, origin: base },
          body: JSON.stringify({ body }),
          timeoutMs: opts.timeoutMs ?? 30_000,
        });
        stats.latencies.push(reply.ms);
        stats.spans.push({ start, end: Date.now(), status: reply.status, error: reply.error });
        const id = reply.status === 201 ? (JSON.parse(reply.body) as { id?: string }).id : undefined;
        if (id) {
          stats.acked.push({ id, storyId, authorId: account.userId, body });
          stats.ackTimes.push(Date.now());
        } else if (opts.allowUnavailable && (reply.status === 503 || reply.status === 0)) {
          stats.unavailable.push(reply);
          if (opts.pauseMs) await sleep(opts.pauseMs);
        } else stats.failures.push(failure(`commenter ${c}`, `POST comment on ${storyId}`, reply));
      }
    }),
  ).then(() => {
    agent.destroy();
    return stats;
  });
}

// ---------------------------------------------------------------------------------------------
// Hearters: PUT /api/stories/<id>/heart { hearted }, one request at a time per person, so the
// last acknowledged state of each (person, story) pair is what the database must hold.

export type HeartStats = { attempts: number; acked: number; latencies: number[]; failures: Failure[]; lastAck: Map<string, boolean>; uncertain: Set<string> };

export function startHearters(base: string, accounts: { userId: string; cookie: string }[], storyIds: string[], stop: Stop): Promise<HeartStats> {
  const agent = makeAgent(accounts.length);
  const stats: HeartStats = { attempts: 0, acked: 0, latencies: [], failures: [], lastAck: new Map(), uncertain: new Set() };
  return Promise.all(
    accounts.map(async (account, h) => {
      for (let i = 0; !stop.stopped; i++) {
        const storyId = storyIds[(h * 7 + i) % storyIds.length];
        const hearted = Math.random() < 0.6;
        const pair = `${account.userId}|${storyId}`;
        stats.attempts++;
        const reply = await request(agent, base, "PUT", `/api/stories/${storyId}/heart`, {
          headers: { "content-type": "application/json", cookie: account.cookie, origin: base },
          body: JSON.stringify({ hearted }),
        });
        stats.latencies.push(reply.ms);
        if (reply.status === 200 && (JSON.parse(reply.body) as { hearted?: boolean }).hearted === hearted) {
          stats.acked++;
          stats.lastAck.set(pair, hearted);
          stats.uncertain.delete(pair);
        } else {
          // Unacknowledged: it may or may not have happened, so this pair's state is unknown.
          stats.uncertain.add(pair);
          stats.failures.push(failure(`hearter ${h}`, `PUT heart ${hearted} on ${storyId}`, reply));
        }
      }
    }),
  ).then(() => {
    agent.destroy();
    return stats;
  });
}

// ---------------------------------------------------------------------------------------------
// A monitor: GET /api/health every `intervalMs`, one at a time, noting when and what it answered.

export type Probe = { sentAt: number; at: number; status: number; ms: number; error?: string };

export function startHealthProbe(base: string, stop: Stop, intervalMs = 100, timeoutMs = 15_000): { probes: Probe[]; done: Promise<void> } {
  const agent = makeAgent(1);
  const probes: Probe[] = [];
  const done = (async () => {
    while (!stop.stopped) {
      const sentAt = Date.now();
      const reply = await request(agent, base, "GET", "/api/health", { timeoutMs });
      probes.push({ sentAt, at: Date.now(), status: reply.status, ms: reply.ms, error: reply.error });
      await sleep(intervalMs);
    }
    agent.destroy();
  })();
  return { probes, done };
}
