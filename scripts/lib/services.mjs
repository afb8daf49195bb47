// The scale-out services for the cluster script and its tests, each a real server started as a
// child process: Redis (Debian's redis-server), Varnish (Debian's varnish + varnish-modules, with
// deploy/varnish/storyhouse.vcl) and an S3-protocol server (the `s3rver` npm package).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { root } from "./app-env.mjs";

/** A TCP port nothing is listening on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on `port`, or rejects after `timeoutMs`. */
export async function waitForPort(port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function requireCommand(command, install) {
  if (spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status !== 0) {
    throw new Error(`${command} is not installed: ${install}`);
  }
}

/** Stops a child process: SIGTERM, then SIGKILL after `graceMs`. */
function stopChild(child, graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => (clearTimeout(timer), resolve()));
    child.kill("SIGTERM");
  });
}

/**
 * A throw-away redis-server on `port` (a free one by default): in memory only, bounded, evicting
 * the least recently used keys when full, as a cache should.
 * @returns {Promise<{ url: string, port: number, child: import("node:child_process").ChildProcess, stop: () => Promise<void> }>}
 */
export async function startRedis({ port, maxMemoryMb = 256 } = {}) {
  requireCommand("redis-server", "apt-get install -y redis-server");
  port ??= await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxmemory", `${maxMemoryMb}mb`, "--maxmemory-policy", "allkeys-lru"], { stdio: ["ignore", "ignore", "inherit"] });
  await waitForPort(port);
  return { url: `redis://127.0.0.1:${port}`, port, child, stop: () => stopChild(child) };
}

/**
 * Varnish on `port` in front of `backends` (host:port each), with deploy/varnish/storyhouse.vcl.
 * The VCL's backend list and purge secret are filled in here (the shipped file is a template).
 * @returns {Promise<{ url: string, port: number, child: import("node:child_process").ChildProcess, stop: () => Promise<void> }>}
 */
export async function startVarnish({ port, backends, purgeSecret, memoryMb = 256 }) {
  requireCommand("varnishd", "apt-get install -y varnish varnish-modules");
  port ??= await freePort();
  const workDir = mkdtempSync(path.join(os.tmpdir(), "storyhouse-varnish-"));
  const vcl = path.join(workDir, "storyhouse.vcl");
  writeFileSync(vcl, varnishVcl({ backends, purgeSecret }));
  // Started as root, varnishd compiles and runs as its own users, which must be able to read these.
  chmodSync(workDir, 0o755);
  chmodSync(vcl, 0o644);
  // -F: stays in the foreground as our child; -n: its own working folder, so several can run.
  const args = ["-F", "-f", vcl, "-a", `127.0.0.1:${port}`, "-s", `malloc,${memoryMb}m`, "-n", workDir, "-T", "none", "-p", "default_ttl=60"];
  // varnishd drops privileges to its own users when started as root; the folder must be theirs to read.
  // Its foreground chatter is kept, and shown only if it fails to start.
  const child = spawn("varnishd", args, { stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(`varnishd exited with code ${code}:\n${output}`)));
  const failed = await Promise.race([waitForPort(port, 20_000).then(() => null, (error) => error.message), exited]);
  if (failed) {
    child.kill("SIGKILL");
    throw new Error(`Varnish did not start: ${failed}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    stop: async () => {
      await stopChild(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** deploy/varnish/storyhouse.vcl with its backend director and purge secret filled in. */
export function varnishVcl({ backends, purgeSecret }) {
  const template = readFileSync(path.join(root, "deploy/varnish/storyhouse.vcl"), "utf8");
  const definitions = backends
    .map((hostPort, i) => {
      const [host, port] = hostPort.split(":");
      return `backend app${i} {\n  .host = "${host}";\n  .port = "${port}";\n  .probe = { .url = "/api/health"; .interval = 1s; .timeout = 2s; .window = 3; .threshold = 2; }\n}`;
    })
    .join("\n");
  const members = backends.map((_, i) => `  apps.add_backend(app${i});`).join("\n");
  return template
    .replace(/# BEGIN BACKENDS[\s\S]*?# END BACKENDS/, `# BEGIN BACKENDS\n${definitions}\n# END BACKENDS`)
    .replace(/# BEGIN DIRECTOR[\s\S]*?# END DIRECTOR/, `# BEGIN DIRECTOR\n${members}\n  # END DIRECTOR`)
    .replaceAll("CHANGE-ME-PURGE-SECRET", purgeSecret.replaceAll('"', ""));
}

/**
 * An S3-protocol server (s3rver, from npm) on `port` with `bucket`, storing under a temporary folder.
 * @returns {Promise<{ endpoint: string, port: number, bucket: string, accessKeyId: string, secretAccessKey: string, stop: () => Promise<void> }>}
 */
export async function startS3({ port, bucket = "storyhouse-media", directory } = {}) {
  const { default: S3rver } = await import("s3rver");
  port ??= await freePort();
  const dir = directory ?? mkdtempSync(path.join(os.tmpdir(), "storyhouse-s3-"));
  mkdirSync(dir, { recursive: true });
  const server = new S3rver({ port, address: "127.0.0.1", directory: dir, silent: true, configureBuckets: [{ name: bucket }] });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket,
    // s3rver's fixed development credentials.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    stop: async () => {
      await server.close();
      if (!directory) rmSync(dir, { recursive: true, force: true });
    },
  };
}
