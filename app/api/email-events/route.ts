import { emailEventSchema, emailWebhookSecret, isSignedEmailEvent, recordEmailEvent } from "@/lib/data/email-events";
import { isAppError } from "@/lib/errors";

/**
 * Bounces and complaints from the mail provider: POST a JSON body `{ "type": "bounce" |
 * "complaint", "email": "...", "reason"?: "..." }` signed with EMAIL_WEBHOOK_SECRET in
 * `x-storyhouse-signature: sha256=<hex HMAC-SHA256 of the body>`. Off (404) without the secret.
 */
export async function POST(request: Request) {
  const secret = emailWebhookSecret();
  if (!secret) return Response.json({ error: "Not found" }, { status: 404 });
  const body = await request.text();
  if (body.length > 10_000 || !isSignedEmailEvent(body, request.headers.get("x-storyhouse-signature"), secret)) {
    return Response.json({ error: "Bad signature" }, { status: 401 });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return Response.json({ error: "Not JSON" }, { status: 400 });
  }
  const event = emailEventSchema.safeParse(json);
  if (!event.success) return Response.json({ error: "Expected { type, email }" }, { status: 400 });
  try {
    await recordEmailEvent(event.data);
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: "No account has that address" }, { status: 404 });
    throw error;
  }
  return Response.json({ recorded: event.data.type }, { headers: { "cache-control": "no-store" } });
}
