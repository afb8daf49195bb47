import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

export type RateRule = { limit: number; windowSeconds: number; message: string };

const HOUR = 60 * 60;

/** Every limit in one place. Keys are built by the callers (`comment:<userId>`, `signin-ip:<ip>`, ...). */
export const RATE_RULES = {
  /** Anyone commenting; new accounts get the tighter rule below as well. */
  comment: { limit: 60, windowSeconds: 5 * 60, message: "You're commenting very quickly. Please wait a few minutes." },
  commentNewAccount: { limit: 10, windowSeconds: HOUR, message: "New accounts can post 10 comments an hour. Please try again a little later." },
  report: { limit: 20, windowSeconds: HOUR, message: "You've sent a lot of reports in the last hour. Please wait before sending more." },
  reportNewAccount: { limit: 5, windowSeconds: HOUR, message: "New accounts can send 5 reports an hour. Please try again later." },
  get signUpPerIp(): RateRule {
    return { limit: env().SIGNUPS_PER_IP_PER_HOUR, windowSeconds: HOUR, message: "Too many accounts were created from your network. Please try again later." };
  },
  /** Failed sign-ins only. */
  signInPerAccount: { limit: 10, windowSeconds: 15 * 60, message: "Too many attempts for this account. Please wait 15 minutes and try again." },
  signInPerIp: { limit: 50, windowSeconds: 15 * 60, message: "Too many sign-in attempts from your network. Please wait 15 minutes and try again." },
} satisfies Record<string, RateRule>;

/** The upload quota per account, from the site settings (admins set it at /admin/settings). */
export function uploadRateRules(settings: { uploadsPerHour: number; uploadsPerDay: number }): RateRule[] {
  return [
    { limit: settings.uploadsPerHour, windowSeconds: HOUR, message: `You can upload ${settings.uploadsPerHour} images an hour. Please wait a while before uploading more.` },
    { limit: settings.uploadsPerDay, windowSeconds: 24 * HOUR, message: `You can upload ${settings.uploadsPerDay} images a day. Please try again tomorrow.` },
  ];
}

function windowStart(rule: RateRule, now = Date.now()): Date {
  const size = rule.windowSeconds * 1000;
  return new Date(Math.floor(now / size) * size);
}

/**
 * Counts one attempt against `key` and throws RATE_LIMITED once the window's limit is passed.
 * The counter is a row in PostgreSQL (one atomic upsert), so the limit holds across app processes.
 */
export async function consumeRateLimit(key: string, rule: RateRule): Promise<void> {
  const [refused] = await consumeRateLimits([{ key, rule }]);
  if (refused) throw refused;
}

/**
 * Counts each attempt (several may share a key) in one upsert; answers, in order, null for an
 * attempt within its window's limit or the RATE_LIMITED error for one past it.
 */
export async function consumeRateLimits(attempts: { key: string; rule: RateRule }[]): Promise<(AppError | null)[]> {
  if (!attempts.length) return [];
  const now = Date.now();
  const counters = new Map<string, { key: string; start: number; n: number }>();
  const counterOf = attempts.map(({ key, rule }) => {
    const start = windowStart(rule, now).getTime();
    const id = `${start}|${key}`;
    const counter = counters.get(id) ?? { key, start, n: 0 };
    counter.n++;
    counters.set(id, counter);
    return { id, nth: counter.n };
  });
  // In key order, so two upserts running at once lock shared rows in the same order (no deadlock).
  const rows = [...counters.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.start - b.start));
  const stored = await db.$queryRaw<{ key: string; start: number; count: number }[]>`
    insert into "RateLimit" ("key", "windowStart", "count")
    select k, to_timestamp(s / 1000.0) at time zone 'UTC', n
    from unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.start)}::float8[], ${rows.map((r) => r.n)}::int[]) as t(k, s, n)
    on conflict ("key", "windowStart") do update set "count" = "RateLimit"."count" + excluded."count"
    returning "key", (extract(epoch from "windowStart" at time zone 'UTC') * 1000)::float8 as "start", "count"`;
  const total = new Map(stored.map((r) => [`${r.start}|${r.key}`, r.count]));
  return attempts.map(({ rule }, i) => {
    const { id, nth } = counterOf[i];
    const counter = counters.get(id)!;
    // This batch's attempts on a counter took its last n values, in order.
    const count = (total.get(id) ?? counter.n) - counter.n + nth;
    return count > rule.limit ? new AppError("RATE_LIMITED", rule.message) : null;
  });
}

/** Throws RATE_LIMITED if `key` has already used up the window, without counting an attempt. */
export async function assertUnderRateLimit(key: string, rule: RateRule): Promise<void> {
  const row = await db.rateLimit.findUnique({ where: { key_windowStart: { key, windowStart: windowStart(rule) } }, select: { count: true } });
  if ((row?.count ?? 0) >= rule.limit) throw new AppError("RATE_LIMITED", rule.message);
}

/** The sweep: forgets windows older than a day. */
export async function deleteOldRateLimits(): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 24 * HOUR * 1000) } } });
  return count;
}
