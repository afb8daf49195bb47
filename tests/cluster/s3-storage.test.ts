import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startS3 } from "../../scripts/lib/services.mjs";
import { s3ConfigFromEnv, s3Storage, type S3StorageConfig } from "@/lib/storage/s3";

// Media on an S3-compatible bucket, against a real S3-protocol server (s3rver, from npm).

let s3: Awaited<ReturnType<typeof startS3>>;
let config: S3StorageConfig;

beforeAll(async () => {
  s3 = await startS3();
  config = { bucket: s3.bucket, endpoint: s3.endpoint, region: "us-east-1", accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, prefix: "media/" };
});
afterAll(async () => {
  await s3?.stop();
});

describe("S3 storage", () => {
  it("stores, reads (bytes and stream) and deletes; another process's client sees the same objects", async () => {
    const writer = s3Storage(config);
    const reader = s3Storage(config); // as a second app process would
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    await writer.put("abc123-640.webp", bytes, "image/webp");

    expect(Buffer.from((await reader.getBytes("abc123-640.webp"))!)).toEqual(Buffer.from(bytes));
    const streamed = (await reader.getStream("abc123-640.webp"))!;
    expect(streamed.size).toBe(bytes.length);
    expect(Buffer.from(await new Response(streamed.stream).arrayBuffer())).toEqual(Buffer.from(bytes));

    await writer.delete("abc123-640.webp");
    expect(await reader.getBytes("abc123-640.webp")).toBeNull();
    expect(await reader.getStream("abc123-640.webp")).toBeNull();
    // Deleting what is not there is not an error.
    await writer.delete("abc123-640.webp");
  });

  it("keeps keys under the prefix, and refuses keys that are not flat names", async () => {
    const storage = s3Storage(config);
    await storage.put("prefixed-320.webp", new Uint8Array([1, 2, 3]), "image/webp");
    const unprefixed = s3Storage({ ...config, prefix: "" });
    expect(await unprefixed.getBytes("prefixed-320.webp")).toBeNull();
    await expect(storage.getBytes("../etc-passwd.webp")).rejects.toThrow(/invalid storage key/);
    await expect(storage.put("a/b.webp", new Uint8Array([1]), "image/webp")).rejects.toThrow(/invalid storage key/);
  });

  it("lists the keys under its prefix only (backups read every object this way)", async () => {
    const prefixed = s3Storage({ ...config, prefix: "listing/" });
    const other = s3Storage({ ...config, prefix: "elsewhere/" });
    const keys = Array.from({ length: 12 }, (_, i) => `list${i}-320.webp`);
    for (const key of keys) await prefixed.put(key, new Uint8Array([1]), "image/webp");
    await other.put("not-mine-320.webp", new Uint8Array([2]), "image/webp");
    const listed: string[] = [];
    for await (const key of prefixed.list()) listed.push(key);
    expect(listed.sort()).toEqual([...keys].sort());
  });

  it("an unknown access key is an error, not a missing file", async () => {
    const storage = s3Storage({ ...config, accessKeyId: "NOT-A-KEY", secretAccessKey: "wrong" });
    await expect(storage.getBytes("anything-320.webp")).rejects.toThrow();
  });

  it("is chosen by S3_BUCKET; without it, local disk stays the default", async () => {
    expect(s3ConfigFromEnv({} as NodeJS.ProcessEnv)).toBeNull();
    expect(s3ConfigFromEnv({ S3_BUCKET: "b", S3_ENDPOINT: "http://x:9000" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ bucket: "b", endpoint: "http://x:9000", region: "us-east-1", forcePathStyle: true });
    expect(s3ConfigFromEnv({ S3_BUCKET: "b" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ endpoint: undefined, forcePathStyle: false });

    vi.stubEnv("S3_BUCKET", s3.bucket);
    vi.stubEnv("S3_ENDPOINT", s3.endpoint);
    vi.stubEnv("S3_ACCESS_KEY_ID", s3.accessKeyId);
    vi.stubEnv("S3_SECRET_ACCESS_KEY", s3.secretAccessKey);
    vi.resetModules();
    const { getStorage } = await import("@/lib/storage/storage");
    await getStorage().put("fromenv-320.webp", new Uint8Array([9]), "image/webp");
    expect(Array.from((await s3Storage({ ...config, prefix: "" }).getBytes("fromenv-320.webp"))!)).toEqual([9]);
    vi.unstubAllEnvs();
  });
});
