import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db";
import { findHandleRedirect, getCreatorProfile, getMyProfile, removeMyAvatar, setMyAvatar, updateMyProfile, createUser } from "@/lib/data/users";
import { uploadImage } from "@/lib/data/media";
import { profileInputSchema } from "@/lib/validation/profile";
import { makeUser } from "../helpers/factories";

process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-uploads-"));

const png = () => sharp({ create: { width: 64, height: 64, channels: 3, background: "teal" } }).png().toBuffer().then((b) => new Uint8Array(b));
const profileInput = (values: Record<string, string>) => profileInputSchema.parse({ name: "Pat Writer", bio: "", ...values });

describe("changing a handle", () => {
  it("moves the profile to the new handle and keeps the old one as a redirect", async () => {
    const me = await makeUser({ name: "Pat Writer" });
    const before = me.handle;
    const saved = await updateMyProfile(me, profileInput({ handle: "  Pat-Stories " }));
    expect(saved).toMatchObject({ handle: "pat-stories", previousHandle: before });
    expect(await getCreatorProfile("pat-stories")).toMatchObject({ id: me.id });
    expect(await getCreatorProfile(before)).toBeNull();
    expect(await findHandleRedirect(before)).toEqual({ userId: me.id, handle: "pat-stories" });
  });

  it("follows a creator through several changes, and lets them take an old handle back", async () => {
    const me = await makeUser({ name: "Pat Writer" });
    const first = me.handle;
    await updateMyProfile(me, profileInput({ handle: "pat-two" }));
    await updateMyProfile(me, profileInput({ handle: "pat-three" }));
    expect(await findHandleRedirect(first)).toMatchObject({ handle: "pat-three" });
    expect(await findHandleRedirect("pat-two")).toMatchObject({ handle: "pat-three" });
    await updateMyProfile(me, profileInput({ handle: first }));
    expect(await findHandleRedirect(first)).toBeNull();
    expect(await findHandleRedirect("pat-three")).toMatchObject({ handle: first });
  });

  it("refuses someone else's current or earlier handle, with a field error", async () => {
    const taken = await makeUser({ name: "Taken Name" });
    const mover = await makeUser({ name: "Mover" });
    const me = await makeUser({ name: "Pat Writer" });
    await expect(updateMyProfile(me, profileInput({ handle: taken.handle }))).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { handle: [expect.stringContaining("taken")] } });
    const moverOld = mover.handle;
    await updateMyProfile(mover, profileInput({ name: "Mover", handle: "mover-new" }));
    await expect(updateMyProfile(me, profileInput({ handle: moverOld }))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await findHandleRedirect(moverOld)).toMatchObject({ userId: mover.id });
    // Nor does a new account get it.
    const newcomer = await createUser({ name: "Mover", email: "newcomer@example.com", password: "long password here" });
    expect(newcomer.handle).not.toBe(moverOld);
  });

  it("is refused to signed-out and suspended users", async () => {
    const suspended = await makeUser({ status: "SUSPENDED" });
    await expect(updateMyProfile(null, profileInput({ handle: "someone-new" }))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(updateMyProfile(suspended, profileInput({ handle: "someone-new" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count({ where: { handle: "someone-new" } })).toBe(0);
  });
});

describe("links", () => {
  it("saves valid links and shows them on the profile, and leaves them alone when the form has none", async () => {
    const me = await makeUser();
    await updateMyProfile(me, profileInput({ "link-website": "https://example.com/me", "link-github": "https://github.com/pat", "link-x": "" }));
    const expected = [
      { kind: "website", url: "https://example.com/me" },
      { kind: "github", url: "https://github.com/pat" },
    ];
    expect((await getMyProfile(me)).links).toEqual(expected);
    expect((await getCreatorProfile(me.handle))!.links).toEqual(expected);
    await updateMyProfile(me, { name: "Pat", bio: "" });
    expect((await getMyProfile(me)).links).toEqual(expected);
  });
});

describe("avatars", () => {
  it("sets the avatar from the user's own upload, shown on the profile and the story page's author", async () => {
    const me = await makeUser();
    const media = await uploadImage(me, await png());
    await setMyAvatar(me, media.id);
    expect((await getCreatorProfile(me.handle))!.avatarUrl).toBe(media.url);
    await removeMyAvatar(me);
    expect((await getCreatorProfile(me.handle))!.avatarUrl).toBeNull();
  });

  it("refuses another user's image as not found, and signed-out or suspended users", async () => {
    const owner = await makeUser();
    const me = await makeUser();
    const media = await uploadImage(owner, await png());
    await expect(setMyAvatar(me, media.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getMyProfile(me)).avatarUrl).toBeNull();
    await expect(setMyAvatar(null, media.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const suspended = await makeUser({ status: "SUSPENDED" });
    await expect(setMyAvatar(suspended, media.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMyAvatar(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
