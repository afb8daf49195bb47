// A TCP proxy between the app and PostgreSQL that can hold every chunk back by `delayMs`
// (both directions, order kept): a database that has become slow, as the app sees it.
import net from "node:net";
import { freePort } from "../helpers/free-port";

export type SlowProxy = { port: number; delayMs: number; close: () => Promise<void> };

export async function startSlowProxy(targetPort: number): Promise<SlowProxy> {
  const sockets = new Set<net.Socket>();
  const proxy: SlowProxy = { port: await freePort(), delayMs: 0, close: async () => {} };
  const forward = (from: net.Socket, to: net.Socket) => {
    let releaseAt = 0;
    from.on("data", (chunk) => {
      releaseAt = Math.max(releaseAt, Date.now() + proxy.delayMs);
      const wait = releaseAt - Date.now();
      if (wait <= 0) to.write(chunk);
      else setTimeout(() => to.writable && to.write(chunk), wait);
    });
    from.on("close", () => setTimeout(() => to.destroy(), Math.max(0, releaseAt - Date.now())));
    from.on("error", () => {});
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(proxy.port, "127.0.0.1", resolve));
  proxy.close = () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
