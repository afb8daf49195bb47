import "server-only";
import type { S3Client } from "@aws-sdk/client-s3";
import { assertStorageKey, isStorageKey, type Storage } from "@/lib/storage/storage";

/** Where and how to reach an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Ceph, …). */
export type S3StorageConfig = {
  bucket: string;
  /** Unset: AWS S3 itself. Set (http://minio:9000): any S3-compatible server, addressed by path. */
  endpoint?: string;
  region: string;
  /** Unset: the AWS SDK's own chain (environment, instance role, …). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Prepended to every key ("media/"), so the bucket can hold other things. */
  prefix?: string;
  /** Path-style URLs (bucket in the path); the default whenever an endpoint is given. */
  forcePathStyle?: boolean;
};

/** The S3 settings from the environment, or null when S3_BUCKET is unset (local disk is used). */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): S3StorageConfig | null {
  if (!env.S3_BUCKET) return null;
  const endpoint = env.S3_ENDPOINT || undefined;
  return {
    bucket: env.S3_BUCKET,
    endpoint,
    region: env.S3_REGION || "us-east-1",
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    prefix: env.S3_PREFIX || "",
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === "true" : Boolean(endpoint),
  };
}

// The AWS SDK is large: loaded when the bucket is first used, so a site on local disk never loads it.
const loadSdk = () => import("@aws-sdk/client-s3");
type Sdk = Awaited<ReturnType<typeof loadSdk>>;

const isMissing = ({ NoSuchKey, S3ServiceException }: Sdk, error: unknown) =>
  error instanceof NoSuchKey || (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata?.httpStatusCode === 404));

/** Objects in one bucket, named by their key (under `prefix`). Every app process sees the same files. */
export function s3Storage(config: S3StorageConfig): Storage {
  let connected: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  const connect = () => (connected ??= loadSdk().then((sdk) => ({ sdk, client: newClient(sdk, config) })));
  const objectKey = (key: string) => {
    assertStorageKey(key);
    return `${config.prefix ?? ""}${key}`;
  };
  const get = async (key: string) => {
    const { sdk, client } = await connect();
    try {
      return await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    } catch (error) {
      if (isMissing(sdk, error)) return null;
      throw error;
    }
  };
  return {
    async put(key, bytes, contentType) {
      const { sdk, client } = await connect();
      // Variants are written once under a new key and never changed: cacheable for good.
      await client.send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key: objectKey(key), Body: bytes, ContentType: contentType, CacheControl: "public, max-age=31536000, immutable" }));
    },
    async getBytes(key) {
      const object = await get(key);
      return object?.Body ? object.Body.transformToByteArray() : null;
    },
    async getStream(key) {
      const object = await get(key);
      if (!object?.Body) return null;
      return { stream: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: Number(object.ContentLength ?? 0) };
    },
    async delete(key) {
      const { sdk, client } = await connect();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    },
    async *list() {
      const { sdk, client } = await connect();
      const prefix = config.prefix ?? "";
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new sdk.ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix || undefined, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(prefix.length);
          if (key && isStorageKey(key)) yield key;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}

function newClient({ S3Client }: Sdk, config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle ?? Boolean(config.endpoint),
    credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    // Checksums only where S3 requires them: several S3-compatible servers reject the newer headers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}
