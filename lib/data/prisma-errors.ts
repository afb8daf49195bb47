import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { BatchWaitTimeout } from "@/lib/data/batch";

type UniqueViolationMeta = {
  target?: string[] | string;
  driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } };
};

/** True when `error` is a unique-constraint violation (on a constraint naming `field`, if given). */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  // With driver adapters the constraint arrives as an index name ("User_email_key"), not a target.
  const meta = error.meta as UniqueViolationMeta | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const names = [meta?.target, constraint?.fields, constraint?.index].flat().filter(Boolean).map(String);
  return names.some((name) => name === field || name.split("_").includes(field));
}

// Prisma's codes for "could not reach / lost / timed out", whichever layer noticed it first.
const unavailableCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const unavailableMessage =
  /timeout|timed out|ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection error and is not queryable|Client was closed|connection (is )?closed|terminating connection|the database system is (starting up|shutting down|in recovery|not yet accepting)|canceling statement due to (statement|user request)|Can't reach database server|Server has closed the connection/i;

/**
 * True when `error` says the database is down, restarting or too slow right now (not that the
 * request was wrong): callers answer 503 "try again" for these rather than a bare 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError || error instanceof BatchWaitTimeout) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && unavailableCodes.has(error.code)) return true;
  if (!(error instanceof Error)) return false;
  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === "string" && /^(08|57P0[1-3]|57014)/.test(pgCode)) return true;
  return unavailableMessage.test(error.message) || (error.cause instanceof Error && isDatabaseUnavailable(error.cause));
}
