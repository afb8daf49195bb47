/** What POST /api/uploads answers. */
export type UploadedImage = { id: string; url: string; width: number; height: number };

/** Sends one image to the upload endpoint; resolves to the stored image or a message to show. */
export async function uploadImage(file: File): Promise<UploadedImage | { error: string }> {
  const body = new FormData();
  body.set("file", file);
  try {
    const response = await fetch("/api/uploads", { method: "POST", body });
    const json = (await response.json().catch(() => null)) as (UploadedImage & { error?: string }) | null;
    if (!response.ok || !json || json.error) return { error: json?.error ?? "That image could not be uploaded. Please try again." };
    return json;
  } catch {
    return { error: "You seem to be offline: the image could not be uploaded." };
  }
}
