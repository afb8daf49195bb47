import { getViewer } from "@/lib/auth/session";
import { UPLOAD_ERRORS, uploadImage } from "@/lib/data/media";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { MAX_IMAGE_BYTES } from "@/lib/media/widths";

const statusFor: Record<AppErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID: 400, RATE_LIMITED: 429 };
const noStore = { "cache-control": "private, no-store" };

/**
 * Uploads one image (multipart field `file`) for the signed-in user: hero, inline and avatar images.
 * → 201 `{ id, url, width, height }`, or a 4xx `{ error }` whose message can be shown as it is.
 */
export async function POST(request: Request) {
  const viewer = await getViewer();
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return Response.json({ error: "Send the image as multipart form data in a field called `file`." }, { status: 400, headers: noStore });
  }
  if (!(file instanceof File)) return Response.json({ error: UPLOAD_ERRORS.empty }, { status: 400, headers: noStore });
  // Refuse early without reading the bytes; the data layer checks the size again.
  if (viewer && file.size > MAX_IMAGE_BYTES) return Response.json({ error: UPLOAD_ERRORS.tooLarge }, { status: 413, headers: noStore });
  try {
    const media = await uploadImage(viewer, new Uint8Array(await file.arrayBuffer()));
    return Response.json(media, { status: 201, headers: noStore });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.message === UPLOAD_ERRORS.tooLarge ? 413 : error.message === UPLOAD_ERRORS.notAnImage ? 415 : statusFor[error.code];
      return Response.json({ error: error.message }, { status, headers: noStore });
    }
    console.error("[uploads] unexpected error", error);
    return Response.json({ error: "Something went wrong on our side. Please try again." }, { status: 500, headers: noStore });
  }
}
