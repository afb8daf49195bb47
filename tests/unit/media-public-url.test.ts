import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { directMediaUrl, mediaPublicBase, withDirectMedia } from "@/lib/media/public-url";
import { GET } from "@/app/media/[file]/route";

process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-media-url-"));

const key = "0123456789abcdef0123456789abcdef";
const base = "https://media.example.com/site/";

describe("media from a public bucket or CDN (MEDIA_PUBLIC_URL)", () => {
  afterEach(() => {
    delete process.env.MEDIA_PUBLIC_URL;
  });

  it("reads the address, with one trailing slash, and refuses what isn't http(s)", () => {
    expect(mediaPublicBase({})).toBeNull();
    expect(mediaPublicBase({ MEDIA_PUBLIC_URL: "https://media.example.com/site" })).toBe(base);
    expect(mediaPublicBase({ MEDIA_PUBLIC_URL: base })).toBe(base);
    expect(() => mediaPublicBase({ MEDIA_PUBLIC_URL: "javascript:alert(1)" })).toThrow("http(s)");
    expect(() => mediaPublicBase({ MEDIA_PUBLIC_URL: "not a url" })).toThrow();
  });

  it("points a story's uploaded images at it, src and every srcset width, and nothing else", () => {
    const html = `<p>See /media/${key}-640.webp in text.</p><img src="/media/${key}-1600.webp" srcset="/media/${key}-320.webp 320w, /media/${key}-640.webp 640w, https://elsewhere.example/a.jpg 900w" alt="x"><img src="https://elsewhere.example/b.png"><a href="/media/${key}-640.webp">link</a><img src="/media/../etc-1.webp">`;
    expect(withDirectMedia(html, base)).toBe(
      `<p>See /media/${key}-640.webp in text.</p><img src="${base}${key}-1600.webp" srcset="${base}${key}-320.webp 320w, ${base}${key}-640.webp 640w, https://elsewhere.example/a.jpg 900w" alt="x"><img src="https://elsewhere.example/b.png"><a href="/media/${key}-640.webp">link</a><img src="/media/../etc-1.webp">`,
    );
    expect(withDirectMedia(html, null)).toBe(html);
    expect(directMediaUrl(`/media/${key}-640.webp`, null)).toBeNull();
  });

  it("the /media route sends readers there with a permanent, cacheable redirect; without it, serves the bytes itself", async () => {
    process.env.MEDIA_PUBLIC_URL = base;
    const moved = await GET(new Request(`http://app.local/media/${key}-640.webp`));
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`${base}${key}-640.webp`);
    expect(moved.headers.get("cache-control")).toContain("immutable");
    expect((await GET(new Request("http://app.local/media/%2e%2e-640.webp"))).status).toBe(404);
    delete process.env.MEDIA_PUBLIC_URL;
    expect((await GET(new Request(`http://app.local/media/${key}-640.webp`))).status).toBe(404); // not stored here: the app answers itself
  });
});
