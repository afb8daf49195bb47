import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

export type RateRule = {
  limit: number;
  windowSeconds: number;
  /** What a refused caller reads; a function is given the wait ("4 minutes"). */
  message: string | ((wait: string) => string);
  /**
   * Growing delays: once `after` attempts are counted in the window, each further one must wait
   * `firstSeconds`, then twice that, and so on up to `maxSeconds`, after the one before.
   */
  backoff?: { after: number; firstSeconds: number; maxSeconds: number };
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
  // Sign-in (lib/data/users.ts verifyCredentials). Guessing one account's password from one
  // address meets growing delays; one address guessing many accounts meets a fixed limit. The
  // account-wide limit stops guessing spread over many addresses, and counts only attempts from
  // browsers the owner has never signed in with, so nobody else can lock the owner out.
  /** Attempts for one account from one address (a success starts it again): 5, then 1 s, 2 s, 4 s... up to 15 minutes apart. */
  signInPerPair: {
    limit: 200,
    windowSeconds: DAY,
    backoff: { after: 5, firstSeconds: 1, maxSeconds: 15 * MINUTE },
    message: (wait) => `Too many failed attempts for this account from your network. Try again in ${wait}.`,
  },
  /** "Forgot password" requests: per address (one network asking for many accounts) and per account (someone flooding one inbox). */
  passwordResetPerIp: { limit: 20, windowSeconds: HOUR, message: "Too many password reset requests from your network. Please try again later." },
  passwordResetPerAccount: { limit: 5, windowSeconds: HOUR, message: "Too many password reset requests. Please try again later." },
  /** "Send the confirmation link again". */
  verificationResend: { limit: 5, windowSeconds: HOUR, message: "We've sent several links already. Please check your inbox (and spam folder), or try again in an hour." },
  /** Email changes asked for (each sends a link to an address the member typed). */
  emailChange: { limit: 5, windowSeconds: HOUR, message: "You've asked for several email changes already. Please check that inbox, or try again in an hour." },
  /** Failed sign-ins from one address, whatever the account. */
  signInPerIp: { limit: 50, windowSeconds: 15 * MINUTE, message: (wait) => `Too many attempts from this network. Try again in ${wait}.` },
  signInPerIpDaily: { limit: 300, windowSeconds: DAY, message: (wait) => `Too many attempts from this network today. Try again in ${wait}.` },
  /** Failed sign-ins for one account from browsers it has never signed in with (lib/auth/known-device.ts). */
  signInPerAccount: {
    limit: 10,
    windowSeconds: 15 * MINUTE,
    message: (wait) => `Too many failed attempts for this account from new devices. Try again in ${wait}, or sign in from a browser you have used before.`,
  },
} satisfies Record<string, RateRule>;

/** The upload quota per account, from the site settings (admins set it at /admin/settings). */
export function uploadRateRules(settings: { uploadsPerHour: number; uploadsPerDay: number }): RateRule[] {
  return [
    { limit: settings.uploadsPerHour, windowSeconds: HOUR, message: `You can upload ${settings.uploadsPerHour} images an hour. Please wait a while before uploading more.` },
    { limit: settings.uploadsPerDay, windowSeconds: 24 * HOUR, message: `You can upload ${settings.uploadsPerDay} images a day. Please try again tomorrow.` },
  ];
}

/** "1 second", "4 minutes", "3 hours": a wait rounded up. */
export function formatWait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds < 2 * HOUR) return plural(Math.ceil(seconds / MINUTE), "minute");
  return plural(Math.ceil(seconds / HOUR), "hour");
}

function refusal(rule: RateRule, waitSeconds: number): AppError {
  return new AppError("RATE_LIMITED", typeof rule.message === "string" ? rule.message : rule.message(formatWait(waitSeconds)));
}

/** Seconds until the window that holds `now` ends. */
function windowRemaining(rule: RateRule, now: number): number {
  return (windowStart(rule, now).getTime() + rule.windowSeconds * 1000 - now) / 1000;
}

/** Seconds to wait after the last counted attempt, given how many the window holds (0: none). */
export function backoffSeconds(rule: RateRule, count: number): number {
  if (!rule.backoff || count < rule.backoff.after) return 0;
  const { after, firstSeconds, maxSeconds } = rule.backoff;
  return Math.min(maxSeconds, firstSeconds * 2 ** Math.min(count - after, 30));
}

/** Why a counter with `count` attempts, the last at `lastAt`, refuses one more now; null if it doesn't. */
function refusalOf(rule: RateRule, row: { count: number; lastAt: Date } | null, now: number): AppError | null {
  if (!row) return null;
  if (row.count >= rule.limit) return refusal(rule, windowRemaining(rule, now));
  const wait = row.lastAt.getTime() + backoffSeconds(rule, row.count) * 1000 - now;
  return wait > 0 ? refusal(rule, wait / 1000) : null;
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
    insert into "RateLimit" ("key", "windowStart", "count", "lastAt")
    select k, to_timestamp(s / 1000.0) at time zone 'UTC', n, to_timestamp(${now} / 1000.0) at time zone 'UTC'
    from unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.start)}::float8[], ${rows.map((r) => r.n)}::int[]) as t(k, s, n)
    on conflict ("key", "windowStart") do update set "count" = "RateLimit"."count" + excluded."count", "lastAt" = excluded."lastAt"
    returning "key", (extract(epoch from "windowStart" at time zone 'UTC') * 1000)::float8 as "start", "count"`;
  const total = new Map(stored.map((r) => [`${r.start}|${r.key}`, r.count]));
  return attempts.map(({ rule }, i) => {
    const { id, nth } = counterOf[i];
    const counter = counters.get(id)!;
    // This batch's attempts on a counter took its last n values, in order.
    const count = (total.get(id) ?? counter.n) - counter.n + nth;
    return count > rule.limit ? refusal(rule, windowRemaining(rule, now)) : null;
  });
}

/**
 * Throws RATE_LIMITED if `key` has already used up the window, or (with a backoff) must still
 * wait after its last attempt, without counting one.
 */
export async function assertUnderRateLimit(key: string, rule: RateRule): Promise<void> {
  const now = Date.now();
  const row = await db.rateLimit.findUnique({ where: { key_windowStart: { key, windowStart: windowStart(rule, now) } }, select: { count: true, lastAt: true } });
  const refused = refusalOf(rule, row, now);
  if (refused) throw refused;
}

/**
 * Counts one attempt against `key` if the rule allows one now, else throws RATE_LIMITED (and
 * counts nothing). Check and count are one statement, so attempts sent all at once cannot slip
 * through together: each waits for the row, and finds the one before it counted.
 */
export async function claimAttempt(key: string, rule: RateRule): Promise<void> {
  const now = Date.now();
  const start = windowStart(rule, now).getTime();
  const { after = 0, firstSeconds = 0, maxSeconds = 0 } = rule.backoff ?? {};
  const counted = await db.$queryRaw<{ count: number }[]>`
    insert into "RateLimit" ("key", "windowStart", "count", "lastAt")
    values (${key}, to_timestamp(${start} / 1000.0) at time zone 'UTC', 1, to_timestamp(${now} / 1000.0) at time zone 'UTC')
    on conflict ("key", "windowStart") do update set "count" = "RateLimit"."count" + 1, "lastAt" = excluded."lastAt"
    where "RateLimit"."count" < ${rule.limit}
      and ("RateLimit"."count" < ${after}
        or "RateLimit"."lastAt" + make_interval(secs => least(${maxSeconds}::float8, ${firstSeconds}::float8 * power(2, least("RateLimit"."count" - ${after}, 30)))) <= excluded."lastAt")
    returning "count"`;
  if (counted.length) return;
  const row = await db.rateLimit.findUnique({ where: { key_windowStart: { key, windowStart: new Date(start) } }, select: { count: true, lastAt: true } });
  // The statement refused, so the row exists; if the wait has just ended, a second is near enough.
  throw refusalOf(rule, row, now) ?? refusal(rule, 1);
}

/** Forgets `key`'s attempts in the current window (a successful sign-in starts its pair's delays again). */
export async function resetRateLimit(key: string, rule: RateRule): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key, windowStart: windowStart(rule) } });
}

/** The sweep: forgets windows older than a day. */
export async function deleteOldRateLimits(): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - DAY * 1000) } } });
  return count;
}
