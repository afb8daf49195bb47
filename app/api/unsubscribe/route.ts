import { unsubscribeByLink } from "@/lib/data/email-preferences";
import { unsubscribeSchema } from "@/lib/validation/settings";
import { isAppError } from "@/lib/errors";

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the address
 * in the email's List-Unsubscribe header, with no cookies. The signed query says who and which kind.
 */
export async function POST(request: Request) {
  const query = unsubscribeSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "Not a valid unsubscribe link" }, { status: 400 });
  try {
    await unsubscribeByLink(query.data.u, query.data.k, query.data.s);
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
  return Response.json({ unsubscribed: query.data.k }, { headers: { "cache-control": "no-store" } });
}
