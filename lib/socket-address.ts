// Loaded by instrumentation.ts outside the React server layer: no import here may be server-only.

/** Set by the server on every request to the connecting socket's address (lib/request-ip.ts reads it). */
export const SOCKET_ADDRESS_HEADER = "x-storyhouse-socket-address";

type RequestLike = { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };

/**
 * Server start (instrumentation.ts, Node.js runtime only): from now on every HTTP request this
 * process serves carries its socket's address in SOCKET_ADDRESS_HEADER, set before Next reads the
 * headers. Patches the servers' `emit`, the one place a request passes before any listener.
 */
export async function recordSocketAddresses(): Promise<void> {
  const [http, https] = await Promise.all([import("node:http"), import("node:https")]);
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as { emit: (event: string, ...args: unknown[]) => boolean; __storyhouseSocketAddress?: true };
    if (proto.__storyhouseSocketAddress) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as RequestLike;
        req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "unknown";
      }
      return emit.call(this, event, ...args);
    };
    proto.__storyhouseSocketAddress = true;
  }
}
