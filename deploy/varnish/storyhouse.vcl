# Storyhouse behind Varnish (Debian: varnish + varnish-modules, for xkey). docs/deploy.md explains it.
#
# What is cached: anonymous GET/HEAD requests for public pages, under the surrogate keys the app
# sends (`Surrogate-Key`: the page's cache tags). When a tag expires in the app, every app process
# sends `PURGE` with the tags in `xkey-purge` and the shared secret (EDGE_PURGE_URLS,
# EDGE_PURGE_SECRET), and every page filed under one of them is dropped here at once.
# What is never cached: signed-in requests (a session cookie), private pages, anything that sets a
# cookie, and any response without surrogate keys (it could not be purged).
#
# Before use: list the app processes between BEGIN/END BACKENDS and BEGIN/END DIRECTOR, and replace
# CHANGE-ME-PURGE-SECRET (`npm run start:cluster` fills both in; scripts/lib/services.mjs).
vcl 4.1;

import directors;
import std;
import xkey;

# BEGIN BACKENDS
backend app0 {
  .host = "127.0.0.1";
  .port = "3000";
  .probe = { .url = "/api/health"; .interval = 1s; .timeout = 2s; .window = 3; .threshold = 2; }
}
# END BACKENDS

sub vcl_init {
  new apps = directors.round_robin();
  # BEGIN DIRECTOR
  apps.add_backend(app0);
  # END DIRECTOR
}

sub vcl_recv {
  set req.backend_hint = apps.backend();

  if (req.method == "PURGE") {
    if (req.http.X-Purge-Secret != "CHANGE-ME-PURGE-SECRET") {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "The xkey-purge header names the keys to purge"));
    }
    # A hard purge: the pages are gone, not kept to be served stale.
    set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.X-Purged));
  }
  unset req.http.X-Purge-Secret;

  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Signed in: everything per viewer goes straight to the app, never stored.
  if (req.http.Cookie ~ "(^|;\s*)(__Secure-)?authjs\.session-token=") {
    return (pass);
  }
  # Private pages and per-viewer APIs, whoever asks.
  if (req.url ~ "^/(studio|settings|following|bookmarks|admin|notifications|moderation|signin|signup|register|reset-password|verify-email|unsubscribe)(/|\?|$)" ||
      req.url ~ "^/api/(auth|me|viewer-state|uploads|jobs|sweep|health|email-events)(/|\?|$)") {
    return (pass);
  }
  # Anonymous readers all see the same public page: their cookies (analytics, consent, a CSRF
  # cookie from an earlier visit to the sign-in page) change nothing and are not passed on.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_backend_fetch {
  # A retry goes to the next process in the round (see vcl_backend_error).
  set bereq.backend = apps.backend();
}

sub vcl_backend_response {
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }
  # Only what can be purged is stored; nothing that sets a cookie is ever stored.
  if (bereq.uncacheable || beresp.http.Set-Cookie || !beresp.http.xkey || beresp.status != 200) {
    set beresp.uncacheable = true;
    set beresp.ttl = 1s;
    return (deliver);
  }
  # Purges keep pages fresh; the TTL is only a bound for a purge that never arrived.
  if (beresp.ttl > 1h || beresp.ttl <= 0s) {
    set beresp.ttl = 1h;
  }
  # While every app process is down, readers still get the last good page for a day.
  set beresp.grace = 24h;
  # The browser must not keep the page: it would miss the purge.
  set beresp.http.Cache-Control = "public, max-age=0, must-revalidate";
  return (deliver);
}

sub vcl_backend_error {
  # A process that died (a refused or reset connection) is not an error for the reader: the
  # request goes to another one, until the health probes take the dead one out of the round.
  if (bereq.retries < 3) {
    return (retry);
  }
}

sub vcl_deliver {
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  unset resp.http.Via;
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
