import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db";
import { assertMayUpload, deleteMyMedia, getMyMedia, uploadImage } from "@/lib/data/media";
import { getStorage } from "@/lib/storage/storage";
import { MAX_IMAGE_BYTES, parseMediaPath, variantKey } from "@/lib/media/widths";
import { makeUser } from "../helpers/factories";

const uploads = mkdtempSync(path.join(tmpdir(), "storyhouse-uploads-"));
process.env.UPLOADS_DIR = uploads;

const image = (width: number, height: number, format: "png" | "jpeg" | "webp" | "gif" = "png") =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .toFormat(format)
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));

async function storedBytes(url: string) {
  const media = parseMediaPath(url)!;
  return getStorage().getBytes(variantKey(media.key, media.width));
}

describe("uploadImage", () => {
  it("stores a PNG as WebP at each width up to its own and records it for the uploader", async () => {
    const me = await makeUser();
    const uploaded = await uploadImage(me, await image(1200, 600));
    expect(uploaded).toMatchObject({ width: 1200, height: 600, url: expect.stringMatching(/^\/media\/[a-z0-9]+-1200\.webp$/) });
    const row = await db.media.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(row).toMatchObject({ ownerId: me.id, widths: [320, 640, 1024, 1200] });
    for (const width of row.widths) {
      const bytes = await getStorage().getBytes(variantKey(row.key, width));
      const meta = await sharp(bytes!).metadata();
      expect(meta).toMatchObject({ format: "webp", width });
    }
  });

  it("never makes an image wider than the original, nor than 1600 pixels", async () => {
    const me = await makeUser();
    const large = await uploadImage(me, await image(2400, 1200, "webp"));
    expect(large).toMatchObject({ width: 1600, height: 800 });
    expect((await db.media.findUniqueOrThrow({ where: { id: large.id } })).widths).toEqual([320, 640, 1024, 1600]);
    const uploaded = await uploadImage(me, await image(500, 250, "jpeg"));
    expect(uploaded).toMatchObject({ width: 500, height: 250 });
    expect((await db.media.findUniqueOrThrow({ where: { id: uploaded.id } })).widths).toEqual([320, 500]);
  });

  it("accepts JPEG, WebP and GIF, and trusts the bytes over the name (a PNG called photo.jpg is fine)", async () => {
    const me = await makeUser();
    for (const format of ["jpeg", "webp", "gif", "png"] as const) {
      await expect(uploadImage(me, await image(40, 30, format))).resolves.toMatchObject({ width: 40, height: 30 });
    }
  });

  it("refuses a text file whatever it is called, an empty file and a damaged image", async () => {
    const me = await makeUser();
    await expect(uploadImage(me, new TextEncoder().encode("just text pretending to be photo.png"))).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("isn't a JPEG, PNG, WebP or GIF") });
    await expect(uploadImage(me, new Uint8Array())).rejects.toMatchObject({ code: "INVALID" });
    const png = await image(40, 30);
    await expect(uploadImage(me, png.slice(0, 60))).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("couldn't read") });
    expect(await db.media.count({ where: { ownerId: me.id } })).toBe(0);
  });

  it("refuses a file over 10 MB before decoding it", async () => {
    const me = await makeUser();
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(await image(10, 10));
    await expect(uploadImage(me, big)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("larger than 10 MB") });
  });

  it("strips metadata such as the EXIF location and turns the image upright", async () => {
    const me = await makeUser();
    const withExif = await sharp({ create: { width: 300, height: 200, channels: 3, background: "white" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "Secret Camera Co" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    expect(withExif.includes("Secret Camera")).toBe(true);
    const uploaded = await uploadImage(me, new Uint8Array(withExif));
    // Orientation 6 means "rotate 90°": the stored image is portrait.
    expect(uploaded).toMatchObject({ width: 200, height: 300 });
    const meta = await sharp((await storedBytes(uploaded.url))!).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(Buffer.from((await storedBytes(uploaded.url))!).includes("Secret Camera")).toBe(false);
  });

  it("is refused to signed-out and suspended users", async () => {
    const suspended = await makeUser({ status: "SUSPENDED" });
    await expect(uploadImage(null, await image(10, 10))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(uploadImage(suspended, await image(10, 10))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("getMyMedia and deleteMyMedia", () => {
  it("let the owner read and delete their image, files included", async () => {
    const me = await makeUser();
    const uploaded = await uploadImage(me, await image(700, 400));
    expect(await getMyMedia(me, uploaded.id)).toEqual(uploaded);
    const { key } = await db.media.findUniqueOrThrow({ where: { id: uploaded.id } });
    await deleteMyMedia(me, uploaded.id);
    expect(await db.media.count({ where: { id: uploaded.id } })).toBe(0);
    expect(readdirSync(uploads).filter((f) => f.startsWith(key))).toEqual([]);
  });

  it("treat another creator's image as not found, and leave it alone", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const uploaded = await uploadImage(owner, await image(100, 100));
    await expect(getMyMedia(other, uploaded.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteMyMedia(other, uploaded.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMyMedia(null, uploaded.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await storedBytes(uploaded.url)).not.toBeNull();
    expect(await getMyMedia(owner, uploaded.id)).toEqual(uploaded);
  });
});

describe("local disk storage", () => {
  it("refuses keys that could leave its folder", async () => {
    await expect(getStorage().getBytes("../etc-passwd.webp")).rejects.toThrow(/invalid storage key/);
    await expect(getStorage().put("a/b.webp", new Uint8Array([1]), "image/webp")).rejects.toThrow(/invalid storage key/);
    expect(await getStorage().getBytes("missing-320.webp")).toBeNull();
  });
});

describe("the upload quota (site settings)", () => {
  it("refuses the upload past the hourly quota with RATE_LIMITED and a clear message; other accounts are unaffected", async () => {
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, uploadsPerHour: 3 }, update: { uploadsPerHour: 3, uploadsPerDay: 200 } });
    try {
      const [me, other] = await Promise.all([makeUser(), makeUser()]);
      const png = await image(40, 40);
      for (let i = 0; i < 3; i++) await uploadImage(me, png);
      await assertMayUploadRefused(me);
      await expect(uploadImage(me, png)).rejects.toMatchObject({ code: "RATE_LIMITED", message: "You can upload 3 images an hour. Please wait a while before uploading more." });
      expect(await db.media.count({ where: { ownerId: me.id } })).toBe(3);
      await expect(uploadImage(other, png)).resolves.toMatchObject({ width: 40 });
    } finally {
      await db.siteSettings.update({ where: { id: 1 }, data: { uploadsPerHour: 30 } });
    }
  });

  it("counts refused files too, and holds a daily quota of its own", async () => {
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, uploadsPerDay: 2 }, update: { uploadsPerHour: 30, uploadsPerDay: 2 } });
    try {
      const me = await makeUser();
      await expect(uploadImage(me, new TextEncoder().encode("not an image"))).rejects.toMatchObject({ code: "INVALID" });
      await uploadImage(me, await image(40, 40));
      await expect(uploadImage(me, await image(40, 40))).rejects.toMatchObject({ code: "RATE_LIMITED", message: "You can upload 2 images a day. Please try again tomorrow." });
    } finally {
      await db.siteSettings.update({ where: { id: 1 }, data: { uploadsPerDay: 200 } });
    }
  });

  it("the default quota: 30 an hour for a new account", async () => {
    await db.siteSettings.deleteMany({ where: { id: 1 } });
    const me = await makeUser();
    const png = await image(20, 20);
    const results = await Promise.allSettled(Array.from({ length: 31 }, () => uploadImage(me, png)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["RATE_LIMITED"]);
  });
});

async function assertMayUploadRefused(viewer: Awaited<ReturnType<typeof makeUser>>) {
  await expect(assertMayUpload(viewer)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  await expect(assertMayUpload(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
}
