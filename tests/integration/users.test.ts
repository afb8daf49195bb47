import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AddressTakenError, createUser, findViewer, getCreatorProfile, getMyProfile, updateMyProfile, verifyCredentials, withFreeHandle } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { makeUser } from "../helpers/factories";

describe("sign-up", () => {
  it("creates a reader with an argon2id hash, a lower-cased email and a handle from the name", async () => {
    const user = await createUser({ name: "Ada Lovelace", email: "ada@example.com", password: "analytical engine" });
    expect(user).toMatchObject({ name: "Ada Lovelace", handle: "ada-lovelace", role: "READER", status: "ACTIVE" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, passwordHash: true } });
    expect(row.email).toBe("ada@example.com");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("analytical engine");
  });

  it("gives a second person with the same name a different handle", async () => {
    const first = await createUser({ name: "Sam Lee", email: "sam1@example.com", password: "password one" });
    const second = await createUser({ name: "Sam Lee", email: "sam2@example.com", password: "password two" });
    expect(first.handle).toBe("sam-lee");
    expect(second.handle).toBe("sam-lee-2");
  });

  it("takes the next handle when someone else takes the free one in between, and gives up after three tries", async () => {
    const tried: string[] = [];
    const account = (email: string, handle: string) => db.user.create({ data: { name: "Race Winner", email, handle, passwordHash: "x" }, select: { handle: true } });
    const user = await withFreeHandle("Race Winner", async (handle) => {
      tried.push(handle);
      // Another sign-up with the same name lands between the lookup and this insert, once.
      if (tried.length === 1) await createUser({ name: "Race Winner", email: "first@example.com", password: "password one" });
      return account("second@example.com", handle);
    });
    expect(tried).toEqual(["race-winner", "race-winner-2"]);
    expect(user.handle).toBe("race-winner-2");
    // A handle that is always taken by the time of the insert: three tries, then "try again".
    let tries = 0;
    const always = withFreeHandle("Race Winner", () => (tries++, account("third@example.com", "race-winner")));
    await expect(always).rejects.toMatchObject({ code: "CONFLICT" });
    expect(tries).toBe(3);
  });

  it("refuses an email that already has an account without saying so, creates nothing, and tells the owner by email", async () => {
    const owner = await createUser({ name: "One", email: "taken@example.com", password: "password one" });
    const attempt = createUser({ name: "Two", email: "taken@example.com", password: "password two" });
    await expect(attempt).rejects.toBeInstanceOf(AddressTakenError);
    expect(await db.user.count({ where: { email: "taken@example.com" } })).toBe(1);
    const emails = await db.emailDelivery.findMany({ where: { userId: owner.id }, select: { template: true, to: true }, orderBy: { createdAt: "asc" } });
    expect(emails).toEqual([{ template: "verify-email", to: "taken@example.com" }, { template: "signup-existing", to: "taken@example.com" }]);
  });
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    await createUser({ name: "Grace", email: "grace@example.com", password: "cobol forever" });
    expect(await verifyCredentials("GRACE@example.com ", "cobol forever")).toMatchObject({ email: "grace@example.com" });
    expect(await verifyCredentials("grace@example.com", "wrong password")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", "cobol forever")).toBeNull();
  });
});

describe("profiles", () => {
  it("never returns a password hash or email from public reads", async () => {
    const user = await makeUser({ name: "Public Person" });
    const profile = await getCreatorProfile(user.handle);
    const viewer = await findViewer(user.id);
    for (const dto of [profile, viewer]) {
      expect(JSON.stringify(dto)).not.toMatch(/argon2|passwordHash|@example\.com/);
    }
  });

  it("lets a user edit their own name and bio", async () => {
    const user = await makeUser();
    await updateMyProfile(user, { name: "New Name", bio: "I write about rivers." });
    expect(await getMyProfile(user)).toMatchObject({ name: "New Name", bio: "I write about rivers." });
    expect(await getCreatorProfile(user.handle)).toMatchObject({ name: "New Name", bio: "I write about rivers." });
  });

  it("refuses profile edits when signed out or suspended, changing nothing", async () => {
    const user = await makeUser({ name: "Stays Put" });
    await expect(updateMyProfile(null, { name: "Hijacked", bio: "" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const suspended = await makeUser({ name: "Suspended Person", status: "SUSPENDED" });
    await expect(updateMyProfile(suspended, { name: "Changed", bio: "" })).rejects.toBeInstanceOf(AppError);
    expect((await getCreatorProfile(user.handle))?.name).toBe("Stays Put");
    expect((await db.user.findUniqueOrThrow({ where: { id: suspended.id } })).name).toBe("Suspended Person");
  });
});
