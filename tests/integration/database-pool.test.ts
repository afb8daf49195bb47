import { describe, expect, it } from "vitest";
import { db, preparedStatementNames } from "@/lib/db";
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

  it("prepares each statement once per connection: the second run of a query only binds and executes it", async () => {
    const prepared = await db.$transaction(async (tx) => {
      await tx.user.findFirst({ where: { handle: "nobody-here" }, select: { id: true } });
      await tx.user.findFirst({ where: { handle: "nobody-either" }, select: { id: true } });
      return tx.$queryRaw<{ name: string; statement: string; calls: bigint }[]>`select name, statement, generic_plans + custom_plans as calls from pg_prepared_statements`;
    });
    const lookup = prepared.filter((p) => p.statement.includes(`FROM "public"."User" WHERE "public"."User"."handle" = $1`));
    expect(lookup).toHaveLength(1);
    expect(lookup[0].name).toMatch(/^s\d+$/);
    expect(Number(lookup[0].calls)).toBe(2);
  });

  it("names at most `limit` distinct statements, the same text always the same name", () => {
    const name = preparedStatementNames(2);
    expect([name({ sql: "select 1" }), name({ sql: "select 2" }), name({ sql: "select 1" })]).toEqual(["s0", "s1", "s0"]);
    expect(name({ sql: "select 3" })).toBeUndefined();
  });
});
