import { describe, expect, it } from "vitest";
import { sniffImageType } from "@/lib/media/images";
import mediaImageLoader from "@/lib/media/image-loader";
import { parseMediaPath, storedWidths, variantKey } from "@/lib/media/widths";
import { assertStorageKey } from "@/lib/storage/storage";

const bytes = (...values: number[]) => new Uint8Array([...values, ...Array(16).fill(0)]);

describe("sniffImageType", () => {
  it("knows JPEG, PNG, GIF and WebP by their first bytes", () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpeg");
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png");
    expect(sniffImageType(new TextEncoder().encode("GIF89a......"))).toBe("gif");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
  });

  it("refuses everything else: text, SVG, PDF, a RIFF that is not WebP, too few bytes", () => {
    for (const text of ["hello", "<svg xmlns='http://www.w3.org/2000/svg'/>", "%PDF-1.7", "RIFF\0\0\0\0WAVEfmt ", "GIF8"]) {
      expect(sniffImageType(new TextEncoder().encode(text))).toBeNull();
    }
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("media URLs and the next/image loader", () => {
  it("stores the standard widths below the largest, and the largest", () => {
    expect(storedWidths(1600)).toEqual([320, 640, 1024, 1600]);
    expect(storedWidths(800)).toEqual([320, 640, 800]);
    expect(storedWidths(200)).toEqual([200]);
  });

  it("points each requested width at the smallest stored one that covers it", () => {
    const src = "/media/abc123-1200.webp";
    expect(mediaImageLoader({ src, width: 64 })).toBe("/media/abc123-320.webp");
    expect(mediaImageLoader({ src, width: 640 })).toBe("/media/abc123-640.webp");
    expect(mediaImageLoader({ src, width: 750 })).toBe("/media/abc123-1024.webp");
    expect(mediaImageLoader({ src, width: 3840 })).toBe("/media/abc123-1200.webp");
  });

  it("leaves other images alone and parses only its own paths", () => {
    expect(mediaImageLoader({ src: "https://example.com/a.png", width: 640 })).toBe("https://example.com/a.png");
    expect(parseMediaPath("/media/../x-320.webp")).toBeNull();
    expect(parseMediaPath("/media/abc-320.webp")).toEqual({ key: "abc", width: 320 });
  });

  it("matches only paths whose stored name is a valid storage key (a long one answered 500)", () => {
    expect(parseMediaPath(`/media/${"a".repeat(200)}-320.webp`)).toBeNull();
    expect(parseMediaPath("/media/a%00b-320.webp")).toBeNull();
    for (const key of ["a", "0123456789abcdef0123456789abcdef", "a".repeat(64)]) {
      const media = parseMediaPath(`/media/${key}-99999.webp`)!;
      expect(() => assertStorageKey(variantKey(media.key, media.width))).not.toThrow();
    }
  });
});
