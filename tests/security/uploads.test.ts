// Uploads whose name lies about their type. The upload path never looks at the name (the route
// passes only the bytes to uploadImage), so what matters is that content sniffing refuses anything
// that is not really a JPEG, PNG, WebP or GIF, including polyglots that start like an image, and
// that what is stored is always a re-encoded WebP, never the bytes that were sent.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db";
import { uploadImage } from "@/lib/data/media";
import { getStorage } from "@/lib/storage/storage";
import { parseMediaPath, variantKey } from "@/lib/media/widths";
import { quickUser } from "./world";

process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-sec-uploads-"));
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};
const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const disguised: Record<string, Uint8Array> = {
  "photo.png that is HTML": text(`<!doctype html><html><body><script>alert(document.cookie)</script></body></html>`),
  "photo.png that is SVG with a script": text(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>`),
  "photo.jpg that is SVG (with an XML prolog)": text(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>`),
  "photo.gif that is JavaScript behind a GIF header": text(`GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=1;alert(1)//`),
  "photo.png: the PNG signature, then HTML": concat(PNG_SIGNATURE, text(`<html><script>alert(1)</script></html>`)),
  "photo.webp: a RIFF header, then a script": concat(text("RIFF\x20\x00\x00\x00WEBPVP8 "), text(`<script>alert(1)</script>`)),
  "photo.png that is a PDF": text(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n<script>alert(1)</script>`),
  "photo.png that is empty": new Uint8Array(0),
};

describe("uploads disguised by name are refused by content sniffing", () => {
  for (const [name, bytes] of Object.entries(disguised)) {
    it(name, async () => {
      const me = await quickUser();
      const before = await db.media.count();
      await expect(uploadImage(me, bytes)).rejects.toMatchObject({ code: "INVALID" });
      expect(await db.media.count()).toBe(before);
    });
  }

  it("a real image with a script appended is stored re-encoded as WebP, without the appended bytes", async () => {
    const me = await quickUser();
    const png = new Uint8Array(await sharp({ create: { width: 32, height: 32, channels: 3, background: "white" } }).png().toBuffer());
    const uploaded = await uploadImage(me, concat(png, text(`<script>alert(1)</script>`)));
    const media = parseMediaPath(uploaded.url)!;
    const stored = (await getStorage().getBytes(variantKey(media.key, media.width)))!;
    expect((await sharp(stored).metadata()).format).toBe("webp");
    expect(Buffer.from(stored).includes("<script>")).toBe(false);
  });
});
