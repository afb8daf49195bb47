// The one shape of a server action (lib/actions/action.ts): ids before anything, fields through
// zod, failures as form state that keeps what was typed, and nothing unexpected logged for a
// request that was merely malformed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const expired: string[] = [];
vi.mock("next/cache", () => ({ updateTag: (tag: string) => expired.push(tag), revalidateTag: (tag: string) => expired.push(tag), revalidatePath: () => undefined, refresh: () => undefined }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => ({ id: "viewer1", role: "ADMIN" }) }));
const { setUserRole } = vi.hoisted(() => ({ setUserRole: vi.fn(async () => undefined) }));
vi.mock("@/lib/data/admin-users", () => ({ setUserRole, setUserTrust: vi.fn() }));
// accounts.ts imports the rest of the data layer too: a client that is never asked to connect.
vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgresql://nobody@127.0.0.1:1/none";
});

import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "@/lib/zod";
import { AppError } from "@/lib/errors";
import { formAction, buttonAction } from "@/lib/actions/action";
import { setRoleAction } from "@/lib/actions/accounts";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const nameSchema = z.object({ name: z.string().trim().min(2, "Too short"), password: z.string() });

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  expired.length = 0;
  setUserRole.mockClear();
  logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

describe("formAction", () => {
  it("refuses a malformed bound id before parsing, reading the viewer or calling the data layer, and logs nothing", async () => {
    const run = vi.fn();
    const state = await formAction(form({ name: "Ada", password: "pw" }), { ids: { storyId: "bad\u0000id" }, notFound: "We couldn't find that story.", input: nameSchema, secret: ["password"], run });
    expect(state).toEqual({ message: "We couldn't find that story.", values: { name: "Ada" } });
    expect(run).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
  });

  it("answers field errors with what was typed (secret fields left out)", async () => {
    const state = await formAction(form({ name: "A", password: "pw" }), { input: nameSchema, secret: ["password"], run: vi.fn() });
    expect(state).toEqual({ fieldErrors: { name: ["Too short"] }, values: { name: "A" } });
  });

  it("maps an AppError to its safe message and field errors, keeping the values", async () => {
    const state = await formAction(form({ name: "Ada", password: "pw" }), {
      input: nameSchema,
      run: async () => {
        throw new AppError("CONFLICT", "That name is taken.", { name: ["Taken"] });
      },
    });
    expect(state).toEqual({ message: "That name is taken.", fieldErrors: { name: ["Taken"] }, values: { name: "Ada", password: "pw" } });
    expect(logged).not.toHaveBeenCalled();
  });

  it("says 'try again' when the database is down, keeping the values", async () => {
    const state = await formAction(form({ name: "Ada" }), {
      run: async () => {
        throw new Prisma.PrismaClientKnownRequestError("gone", { code: "P1001", clientVersion: "7.10.0" });
      },
    });
    expect(state.message).toMatch(/couldn't reach our database/);
    expect(state.values).toEqual({ name: "Ada" });
  });

  it("logs anything unexpected and answers a generic message", async () => {
    const state = await formAction(form({ name: "Ada" }), {
      run: async () => {
        throw new TypeError("boom");
      },
    });
    expect(state).toMatchObject({ message: expect.stringMatching(/Something went wrong/), values: { name: "Ada" } });
    expect(logged).toHaveBeenCalledOnce();
  });

  it("on success expires what changed, then answers from done", async () => {
    const state = await formAction(form({ name: "Ada", password: "pw" }), {
      ids: { storyId: "s1" },
      input: nameSchema,
      run: async ({ viewer, ids, input }) => ({ who: viewer?.id, id: ids.storyId, name: input.name }),
      expire: (result) => [`story:${result.id}`, `story:${result.id}`],
      done: (result) => ({ ok: true, message: `${result.who} saved ${result.name}` }),
    });
    expect(state).toEqual({ ok: true, message: "viewer1 saved Ada" });
    expect(expired).toEqual(["story:s1"]);
  });
});

describe("an action that used to check its id inside try", () => {
  it("setRoleAction with a malformed id answers 'not found' without logging an unexpected error", async () => {
    const state = await setRoleAction("x\u0000y", {}, form({ role: "MODERATOR", reason: "Helps out a lot" }));
    expect(state.message).toMatch(/couldn't find/);
    expect(setUserRole).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
  });
});

describe("buttonAction", () => {
  it("refuses arguments that don't parse, shows a message written for people, and maps failures", async () => {
    const schema = z.object({ id: z.string().regex(/^\w+$/), note: z.string().max(3, "Keep it short") });
    expect(await buttonAction(schema, { id: "a\u0000", note: "" }, vi.fn())).toEqual({ ok: false, message: expect.stringMatching(/didn't make sense/) });
    expect(await buttonAction(schema, { id: "a", note: "long" }, vi.fn())).toEqual({ ok: false, message: "Keep it short" });
    expect(await buttonAction(schema, { id: "a", note: "" }, async () => { throw new AppError("FORBIDDEN"); })).toEqual({ ok: false, message: "You don't have permission to do that." });
    expect(await buttonAction(schema, { id: "a", note: "" }, async () => ({ on: true }), () => ["t"])).toEqual({ ok: true, on: true });
    expect(expired).toEqual(["t"]);
  });
});
