import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import { SOCKET_ADDRESS_HEADER } from "@/lib/socket-address";

// The client's address, for per-address limits and anonymous read counting (never stored as is).
//
// `next start` does not add the connecting socket's address to X-Forwarded-For: it sets the header
// only when the request has none (`x-forwarded-for ??= socket.remoteAddress`, base-server.js in
// Next 16.4), so a client that sends its own keeps it, and any address it likes was believed. The
// socket's address is the one thing a client cannot choose, so `recordSocketAddresses`
// (lib/socket-address.ts, run from instrumentation.ts when the server starts) writes it into
// SOCKET_ADDRESS_HEADER on every request, replacing whatever the client sent under that name. The
// client is then found by walking the chain "X-Forwarded-For's entries, then the socket" from the
// right, past the proxies TRUST_PROXY names.

/**
 * Which hops to believe. Unset (`{ hops: 0 }`): only the socket, X-Forwarded-For ignored. A
 * number N: N proxies in front of the app, each appending the address it saw, so the client is
 * the Nth address from the right of X-Forwarded-For. A list of addresses and CIDR ranges: the
 * client is the rightmost address in the chain that is not one of these proxies.
 */
export type TrustProxy = { hops: number } | { proxies: BlockList; list: string[] };

/** Parses TRUST_PROXY ("", "2", "10.0.0.0/8, 192.168.1.7, ::1"). Throws with a message naming what is wrong. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (!text) return { hops: 0 };
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const proxies = new BlockList();
  const list = text.split(",").map((entry) => entry.trim()).filter(Boolean);
  for (const entry of list) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range (TRUST_PROXY takes a number of proxies, or addresses and ranges separated by commas)`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) proxies.addAddress(address, type);
    else proxies.addSubnet(address, Number(prefix), type);
  }
  return { proxies, list };
}

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

function isTrustedProxy(address: string, proxies: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client in `chain` (oldest first, the socket's address last) under `trust`. With more hops
 * trusted than the chain has, or every address a trusted proxy, the leftmost address is the best
 * there is.
 */
export function pickClientAddress(chain: string[], trust: TrustProxy): string {
  const hops = chain.map(normalize).filter(Boolean);
  if (!hops.length) return "unknown";
  if ("hops" in trust) return hops[Math.max(0, hops.length - 1 - trust.hops)];
  for (let i = hops.length - 1; i > 0; i--) if (!isTrustedProxy(hops[i], trust.proxies)) return hops[i];
  return hops[0];
}

/** The request's address chain: X-Forwarded-For's entries, then the socket's address. */
export function addressChain(headers: Headers): string[] {
  const forwarded = headers.get("x-forwarded-for")?.split(",") ?? [];
  const socket = headers.get(SOCKET_ADDRESS_HEADER);
  // Without the socket's header (a server started without instrumentation.ts), the last
  // X-Forwarded-For entry is the nearest hop: Next's own, when the client sent none.
  return socket ? [...forwarded, socket] : forwarded;
}

/** The client's address for rate limits, as TRUST_PROXY says to find it (at most 64 characters). */
export function clientIp(headers: Headers, trust: TrustProxy = env().TRUST_PROXY): string {
  return pickClientAddress(addressChain(headers), trust).slice(0, 64);
}
