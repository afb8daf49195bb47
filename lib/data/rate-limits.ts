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

function windowStart(rule: RateRule, now = Date.now()): Date {
  const size = rule.windowSeconds * 1000;
  return new Date(Math.floor(now / size) * size);
}

/**
 * Counts one attempt against `key` and throws RATE_LIMITED once the window's limit is passed.
 * The counter is a row in PostgreSQL (one atomic upsert), so the limit holds across app processes.
 */
export async function consumeRateLimit(key: string, rule: RateRule): Promise<void> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    insert into "RateLimit" ("key", "windowStart", "count") values (${key}, ${windowStart(rule)}, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimit"."count" + 1
    returning "count"`;
  if ((rows[0]?.count ?? 0) > rule.limit) throw new AppError("RATE_LIMITED", rule.message);
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
