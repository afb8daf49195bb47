// The Content Security Policy, in one place: next.config.ts sends the public policy with every
// response; proxy.ts replaces it with the nonce policy on the pages rendered per request.
// docs/security.md ("Headers and CSP") says what is sent where and why.

type PolicyOptions = { dev?: boolean };

// 'report-sample' puts the first 40 characters of a blocked inline script into the violation event
// (and any report), so a violation can be traced to what was injected.

/** Directives every page shares: nothing loads from other origins except images in stories. */
function baseDirectives({ dev = false }: PolicyOptions): string[] {
  return [
    "default-src 'self'",
    // Story bodies may show images from any https address (the sanitizer allows http(s) src).
    "img-src 'self' data: blob: https:",
    // React `style={…}` attributes and TipTap set inline styles; a nonce cannot cover attributes.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    // fetch()/XHR only to this site; the dev server's HMR socket is same-origin too.
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "media-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
}

/**
 * Pages served from the cache (home, story, community, profile, tag, search): their HTML is the
 * same for every reader, so it cannot carry a per-response nonce, and its inline scripts (the RSC
 * payload, `self.__next_f.push(…)`) differ per page and per cache fill, so no fixed hash list
 * matches them. Scripts may come from this site only, plus the page's own inline scripts.
 */
export function publicPolicy(options: PolicyOptions = {}): string {
  return [`script-src 'self' 'unsafe-inline' 'report-sample'${options.dev ? " 'unsafe-eval'" : ""}`, "script-src-attr 'none'", ...baseDirectives(options)].join("; ");
}

/**
 * The one inline script of a partially prerendered page's static shell: React's first-paint timer
 * (react-dom/server, `shellTimeRuntimeScript`). The shell is prerendered without a request, so
 * it cannot carry the nonce; this hash allows exactly that text. Everything else inline comes
 * from the per-request part of the response and carries the nonce.
 */
export const SHELL_SCRIPT = "requestAnimationFrame(function(){$RT=performance.now()});";
export const SHELL_SCRIPT_HASH = "sha256-7mu4H06fwDCjmnxxr/xNHyuQC6pLTHr4M2E4jXw5WZs=";

/**
 * Pages rendered per request (studio, settings, admin, notifications, sign-in, ...): an inline
 * script runs only if it carries this response's nonce (or is React's shell timer, by hash);
 * external scripts only from this site. No 'unsafe-inline' (browsers ignore it next to a nonce
 * anyway), no eval, no inline event handlers.
 *
 * Not 'strict-dynamic': these pages are partially prerendered, and the `<script src>` tags of
 * their static shell (Next's chunks) were written at build time without a nonce; with
 * 'strict-dynamic' the browser ignores 'self' and would block them. docs/security.md §6 has the
 * details and what was tried.
 */
export function noncePolicy(nonce: string, options: PolicyOptions = {}): string {
  return [`script-src 'self' 'nonce-${nonce}' '${SHELL_SCRIPT_HASH}' 'report-sample'${options.dev ? " 'unsafe-eval'" : ""}`, "script-src-attr 'none'", ...baseDirectives(options)].join("; ");
}

/** A fresh nonce: 128 random bits, base64 (the characters Next's nonce parser accepts). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
