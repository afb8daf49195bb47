import { getViewer } from "@/lib/auth/session";
import { UPLOAD_ERRORS, assertMayUpload, uploadImage } from "@/lib/data/media";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { MAX_IMAGE_BYTES } from "@/lib/media/widths";
import { crossSiteResponse, isSameSiteRequest } from "@/lib/api/origin";
import { BODY_LIMITS, BodyTooLargeError, readBodyLimited, refuseDeclaredTooLarge } from "@/lib/api/body";
import { siteUrl } from "@/lib/env";

const statusFor: Record<AppErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID: 400, RATE_LIMITED: 429 };
const noStore = { "cache-control": "private, no-store" };

function uploadErrorResponse(error: unknown): Response {
  if (error instanceof BodyTooLargeError) return Response.json({ error: UPLOAD_ERRORS.tooLarge }, { status: 413, headers: noStore });
  if (isAppError(error)) {
    const status = error.message === UPLOAD_ERRORS.tooLarge ? 413 : error.message === UPLOAD_ERRORS.notAnImage ? 415 : statusFor[error.code];
    return Response.json({ error: error.message }, { status, headers: noStore });
  }
  console.error("[uploads] unexpected error", error);
  return Response.json({ error: "Something went wrong on our side. Please try again." }, { status: 500, headers: noStore });
}

/**
 * Uploads one image (multipart field `file`) for the signed-in user: hero, inline and avatar images.
 * → 201 `{ id, url, width, height }`, or a 4xx `{ error }` whose message can be shown as it is.
 * In order, before any byte of the body is read: where it comes from (403), its declared size
 * (413), the session from the cookie (401, 403) and the upload quota (429); then the body is read
 * counting bytes (413 past 10 MB and the multipart framing).
 */
export async function POST(request: Request) {
  if (!isSameSiteRequest(request.headers, siteUrl())) return crossSiteResponse();
  const declaredTooLarge = refuseDeclaredTooLarge(request, BODY_LIMITS.upload, UPLOAD_ERRORS.tooLarge);
  if (declaredTooLarge) return declaredTooLarge;
  try {
    const viewer = await getViewer();
    await assertMayUpload(viewer);
    const body = await readBodyLimited(request, BODY_LIMITS.upload);
    let file: FormDataEntryValue | null;
    try {
      file = (await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData()).get("file");
    } catch {
      return Response.json({ error: "Send the image as multipart form data in a field called `file`." }, { status: 400, headers: noStore });
    }
    if (!(file instanceof File)) return Response.json({ error: UPLOAD_ERRORS.empty }, { status: 400, headers: noStore });
    // Refuse early without copying the bytes; the data layer checks the size again.
    if (file.size > MAX_IMAGE_BYTES) return Response.json({ error: UPLOAD_ERRORS.tooLarge }, { status: 413, headers: noStore });
    const media = await uploadImage(viewer, new Uint8Array(await file.arrayBuffer()));
    return Response.json(media, { status: 201, headers: noStore });
  } catch (error) {
    return uploadErrorResponse(error);
  }
}
