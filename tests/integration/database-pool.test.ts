import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "../helpers/factories";

/** The server process behind the pool's next query: the same one means the same connection. */
const backend = async () => (await db.$queryRaw<{ pid: number }[]>`select pg_backend_pid() as pid`)[0].pid;

describe("the database pool (lib/db.ts)", () => {
  it("keeps a connection after the server refuses a statement (a unique violation): no new connection for the next query", async () => {
    const user = await makeUser();
    const { email } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
    const before = await backend();
    for (let i = 0; i < 3; i++) {
      await expect(db.user.create({ data: { email, name: "Twin", handle: `twin-${i}`, passwordHash: "x" } })).rejects.toMatchObject({ code: "P2002" });
      await expect(db.$queryRawUnsafe("select 1/0")).rejects.toThrow(/division by zero/);
    }
    expect(await backend()).toBe(before);
  });

  it("still drops a connection that is gone, and the next query gets a working one", async () => {
    const before = await backend();
    await expect(db.$queryRawUnsafe("select pg_terminate_backend(pg_backend_pid())")).rejects.toThrow();
    const after = await backend();
    expect(after).not.toBe(before);
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
  });
});
