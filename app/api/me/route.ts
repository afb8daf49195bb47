import { getViewer } from "@/lib/auth/session";

/** Who is signed in, for the per-viewer parts of otherwise static, shared pages. */
export async function GET() {
  const viewer = await getViewer();
  return Response.json(
    { viewer: viewer && viewer.status === "ACTIVE" ? { id: viewer.id, name: viewer.name, handle: viewer.handle, role: viewer.role, avatarUrl: viewer.avatarUrl } : null },
    { headers: { "cache-control": "private, no-store" } },
  );
}
