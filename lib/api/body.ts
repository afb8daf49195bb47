import "server-only";
import { MAX_IMAGE_BYTES } from "@/lib/media/widths";

/**
 * Route handlers read request bodies themselves, and nothing in Next bounds them: `request.json()`
 * or `request.formData()` buffer whatever is sent (150 MB took 12.8 s and doubled the server's
 * memory before the upload route even looked at the session). Every handler that reads a body
 * goes through here: refused by its declared Content-Length before any other work, and counted
 * while it streams in, so at most `maxBytes` is ever held.
 */

/** Bytes a route handler accepts, by what it receives. */
export const BODY_LIMITS = {
  /** `{ hearted }` */
  tiny: 1024,
  /** A comment of 2,000 characters, every one JSON-escaped (`\uXXXX`), with room to spare. */
  comment: 32 * 1024,
  /** One image of up to 10 MB, with the multipart framing around it. */
  upload: MAX_IMAGE_BYTES + 64 * 1024,
  /** next.config.ts `serverActions.bodySizeLimit` and `proxyClientMaxBodySize` (12mb): the story editor and avatar uploads. */
  serverAction: 12 * 1024 * 1024,
} as const;

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
  }
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`);

/**
 * The 413 answer. It goes out at once, while the client may still be sending: Node then reads and
 * discards the rest (nothing is kept). Closing the connection instead would stop that, but a
 * client still writing then often gets a reset instead of the answer.
 */
export function bodyTooLargeResponse(maxBytes: number, message?: string): Response {
  return Response.json({ error: message ?? `That request is too large: send at most ${sizeLabel(maxBytes)}.` }, { status: 413, headers: { "cache-control": "private, no-store" } });
}

/** The 413 answer when the request says (Content-Length) it is larger than `maxBytes`; null otherwise. Reads nothing. */
export function refuseDeclaredTooLarge(request: Request, maxBytes: number, message?: string): Response | null {
  const declared = request.headers.get("content-length");
  if (declared === null) return null;
  const length = Number(declared);
  return !Number.isSafeInteger(length) || length < 0 || length > maxBytes ? bodyTooLargeResponse(maxBytes, message) : null;
}

/**
 * The whole body as bytes, read chunk by chunk and abandoned (the stream cancelled) as soon as it
 * passes `maxBytes`, whatever Content-Length said: throws BodyTooLargeError.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (refuseDeclaredTooLarge(request, maxBytes)) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The JSON body of a request, at most `maxBytes`: undefined for anything not sent as
 * application/json (a cross-site form cannot send that content type without a CORS preflight,
 * which these routes never grant) or not parseable. Throws BodyTooLargeError.
 */
export async function readJsonLimited(request: Request, maxBytes: number): Promise<unknown> {
  if (refuseDeclaredTooLarge(request, maxBytes)) throw new BodyTooLargeError(maxBytes);
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) return undefined;
  const bytes = await readBodyLimited(request, maxBytes);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}
