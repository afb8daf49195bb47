// The two guards every state-changing route handler (and proxy.ts, for server actions) runs first:
// where the request comes from (lib/api/origin.ts) and how large its body is (lib/api/body.ts).
// End to end, against the built server: tests/e2e/security-requests.spec.ts.
import { describe, expect, it } from "vitest";
import { isSameSiteRequest } from "@/lib/api/origin";
import { BodyTooLargeError, readBodyLimited, readJsonLimited, refuseDeclaredTooLarge } from "@/lib/api/body";

const site = "https://stories.example.com";
const from = (headers: Record<string, string>) => isSameSiteRequest(new Headers(headers), site);

describe("isSameSiteRequest", () => {
  it("accepts this site's Origin, or the host the request was sent to", () => {
    expect(from({ origin: site })).toBe(true);
    expect(from({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(true);
    expect(from({ origin: "https://app.internal", host: "10.0.0.5:3000", "x-forwarded-host": "app.internal" })).toBe(true);
  });

  it("falls back to the Referer only when there is no Origin at all", () => {
    expect(from({ referer: `${site}/journal/a-story` })).toBe(true);
    expect(from({ origin: "https://evil.example", referer: `${site}/` })).toBe(false);
    expect(from({ origin: "null", referer: `${site}/` })).toBe(false);
  });

  it("refuses requests from elsewhere, without either header, or with nonsense", () => {
    for (const headers of [{}, { origin: "https://evil.example" }, { origin: "null" }, { referer: "https://evil.example/x" }, { origin: "not a url" }, { origin: "https://stories.example.com.evil.example" }, { origin: "http://stories.example.com" }, { origin: "https://evil.example", host: "stories.example.com" }] as Record<string, string>[]) {
      expect(from(headers), JSON.stringify(headers)).toBe(false);
    }
  });
});

/** A POST whose body arrives in `chunks` pieces of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("body limits", () => {
  it("refuse by Content-Length without reading anything", () => {
    const declared = (length: string) => new Request("http://localhost/api/x", { method: "POST", headers: { "content-length": length } });
    expect(refuseDeclaredTooLarge(declared("157286400"), 1024)?.status).toBe(413);
    expect(refuseDeclaredTooLarge(declared("-1"), 1024)?.status).toBe(413);
    expect(refuseDeclaredTooLarge(declared("12abc"), 1024)?.status).toBe(413);
    expect(refuseDeclaredTooLarge(declared("1024"), 1024)).toBeNull();
    expect(refuseDeclaredTooLarge(new Request("http://localhost/", { method: "POST" }), 1024)).toBeNull();
  });

  it("stop reading a streamed body as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(10_000, 64 * 1024);
    await expect(readBodyLimited(request, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    // 17 chunks of 64 KB pass 1 MB; the stream is cancelled there (a chunk or two may be queued).
    expect(pulled()).toBeLessThan(20);
  });

  it("read a body within the limit whole, and JSON only when sent as JSON", async () => {
    expect((await readBodyLimited(streamed(4, 100).request, 400)).byteLength).toBe(400);
    const json = (text: string, type = "application/json") => new Request("http://localhost/", { method: "POST", body: text, headers: { "content-type": type } });
    expect(await readJsonLimited(json('{"hearted":true}'), 100)).toEqual({ hearted: true });
    expect(await readJsonLimited(json('{"hearted":true}', "text/plain"), 100)).toBeUndefined();
    expect(await readJsonLimited(json("{broken"), 100)).toBeUndefined();
    await expect(readJsonLimited(json(`"${"x".repeat(200)}"`), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
