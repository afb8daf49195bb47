import "server-only";
import { db } from "@/lib/db";

/** Anyone: whether the database answers a trivial query. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`select 1`;
    return true;
  } catch {
    return false;
  }
}
