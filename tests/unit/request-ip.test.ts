import { describe, expect, it } from "vitest";
import { clientIp, parseTrustProxy } from "@/lib/request-ip";
import { SOCKET_ADDRESS_HEADER } from "@/lib/socket-address";

const request = (forwardedFor: string | null, socket: string | null) => {
  const headers = new Headers();
  if (forwardedFor !== null) headers.set("x-forwarded-for", forwardedFor);
  if (socket !== null) headers.set(SOCKET_ADDRESS_HEADER, socket);
  return headers;
};

describe("the client's address", () => {
  it("with TRUST_PROXY unset is the socket's, whatever X-Forwarded-For says", () => {
    const trust = parseTrustProxy(undefined);
    expect(clientIp(request(null, "203.0.113.9"), trust)).toBe("203.0.113.9");
    // A client rotating X-Forwarded-For stays one address.
    for (let i = 0; i < 5; i++) expect(clientIp(request(`198.51.100.${i}`, "203.0.113.9"), trust)).toBe("203.0.113.9");
    expect(clientIp(request("198.51.100.1, 198.51.100.2", "::ffff:203.0.113.9"), parseTrustProxy(""))).toBe("203.0.113.9");
  });

  it("with N proxies is the Nth address from the right of X-Forwarded-For", () => {
    // A forged first entry, then what the two proxies appended: the client, then the first proxy.
    const headers = request("6.6.6.6, 198.51.100.7, 10.0.0.2", "10.0.0.1");
    expect(clientIp(headers, parseTrustProxy("0"))).toBe("10.0.0.1");
    expect(clientIp(headers, parseTrustProxy("1"))).toBe("10.0.0.2");
    expect(clientIp(headers, parseTrustProxy("2"))).toBe("198.51.100.7");
    // More hops than the chain has: the leftmost is all there is.
    expect(clientIp(request("198.51.100.7", "10.0.0.1"), parseTrustProxy("5"))).toBe("198.51.100.7");
  });

  it("with a list of proxies is the rightmost address that is not one of them", () => {
    const trust = parseTrustProxy("10.0.0.0/8, 192.168.1.7, 2001:db8::/32");
    expect(clientIp(request("6.6.6.6, 198.51.100.7, 10.9.8.7", "192.168.1.7"), trust)).toBe("198.51.100.7");
    expect(clientIp(request("6.6.6.6, 2001:db9::1, 2001:db8::5", "10.0.0.1"), trust)).toBe("2001:db9::1");
    // Straight from the internet, no proxy: the socket, X-Forwarded-For ignored.
    expect(clientIp(request("6.6.6.6", "203.0.113.9"), trust)).toBe("203.0.113.9");
    // Only proxies in the chain: the leftmost.
    expect(clientIp(request("10.1.1.1", "10.0.0.1"), trust)).toBe("10.1.1.1");
  });

  it("without the socket's header (a server started without instrumentation.ts) is the nearest X-Forwarded-For hop", () => {
    expect(clientIp(request("6.6.6.6, 198.51.100.7", null), parseTrustProxy(undefined))).toBe("198.51.100.7");
    expect(clientIp(new Headers(), parseTrustProxy(undefined))).toBe("unknown");
  });

  it("refuses a TRUST_PROXY that is neither a number nor addresses and ranges", () => {
    for (const bad of ["yes", "10.0.0.0/33", "10.0.0.1/8/1", "::1/129", "10.0.0.1, localhost", "-1"]) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/not an IP address or CIDR range/);
    }
  });
});
