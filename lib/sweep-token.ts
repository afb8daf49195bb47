// A random token made when the server starts (instrumentation.ts) and checked by the sweep route,
// so only this process's own timer can call it. No import here may be server-only: instrumentation
// loads this module outside the React server layer.
import { randomBytes, timingSafeEqual } from "node:crypto";

const holder = globalThis as typeof globalThis & { __storyhouseSweepToken?: string; __storyhouseFirstSweepDone?: boolean };

export function sweepToken(): string {
  holder.__storyhouseSweepToken ??= randomBytes(32).toString("base64url");
  return holder.__storyhouseSweepToken;
}

export function isSweepRequest(request: Request): boolean {
  const given = Buffer.from(request.headers.get("x-sweep-token") ?? "");
  const expected = Buffer.from(sweepToken());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether this process's first sweep has run (and so refreshed the site-wide lists): /api/health waits for it. */
export function firstSweepDone(): boolean {
  return holder.__storyhouseFirstSweepDone === true;
}

export function markFirstSweepDone() {
  holder.__storyhouseFirstSweepDone = true;
}
