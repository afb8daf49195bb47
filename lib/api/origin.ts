// Cross-site request forgery: a page on another site can make a signed-in reader's browser post a
// form (or a no-cors fetch) here with their cookies. Browsers say where such a request comes from
// in `Origin` (every POST, PUT, PATCH and DELETE) or, from older ones, `Referer`; a request that
// changes something must name this site in one of them. Used by route handlers that change state
// and, for server actions, by proxy.ts (Next itself only compares Origin with Host when an Origin
// is present, and lets a request without one through). No `server-only` marker: proxy.ts runs
// outside React's server layer. Pure: the caller passes the site's public origin.

/** The 403 answer to a cross-site (or unmarked) request that would change something. */
export function crossSiteResponse(): Response {
  return Response.json(
    { error: "This request didn't come from a page of this site, so it was refused. Reload the page and try again." },
    { status: 403, headers: { "cache-control": "private, no-store" } },
  );
}

function originOf(value: string | null): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from a page of this site: its Origin (or, without one,
 * its Referer) is `siteOrigin` (SITE_URL) or the host the request was sent to (Host, or
 * X-Forwarded-Host behind a proxy), which a cross-site page cannot choose. Neither header, or
 * `Origin: null` (sandboxed frames, some redirects), is refused.
 */
export function isSameSiteRequest(headers: Headers, siteOrigin: string): boolean {
  const from = originOf(headers.get("origin")) ?? (headers.has("origin") ? null : originOf(headers.get("referer")));
  if (!from) return false;
  if (from === siteOrigin) return true;
  const host = new URL(from).host;
  const addressed = [headers.get("x-forwarded-host")?.split(",")[0]?.trim(), headers.get("host")];
  return addressed.some((value) => !!value && value.toLowerCase() === host);
}
