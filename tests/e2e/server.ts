// One browser-test server: a throw-away database (migrated, with two communities, two staff
// accounts and nothing else), then `next start` on a copy of the tests' one build (built first if
// the sources changed; scripts/lib/app-env.mjs testBuildCopy). Playwright starts one per worker
// (playwright.config.ts), each on its own port and database.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { createWriteStream, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { SMTPServer } from "smtp-server";
import { startTestCluster, TEMPLATE_DB } from "../helpers/test-database";
import { createDatabaseFromTemplate, databaseUrl } from "../../scripts/lib/postgres.mjs";
import { root, runBin, serverNodeOptions, testBuildCopy } from "../../scripts/lib/app-env.mjs";
import { E2E_AUTH_SECRET } from "./e2e-secret";

const port = Number(process.env.E2E_PORT ?? 3100);
const STAFF_PASSWORD = "e2e staff password";
const cluster = await startTestCluster("e2e");
await createDatabaseFromTemplate(cluster.adminUrl, "e2e", TEMPLATE_DB);
const url = databaseUrl(cluster.port, "e2e");

const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(`insert into "Community" (id, slug, name, description) values
  ('c-journal', 'journal', 'Journal', 'Personal essays.'),
  ('c-swamp', 'the-swamp', 'The Swamp', 'Politics and civic life.')`);
// Staff accounts for the moderation specs (tests/e2e/helpers.ts signs in as them).
const staffHash = await hash(STAFF_PASSWORD);
await client.query(`insert into "User" (id, email, name, handle, "passwordHash", role, "updatedAt", "emailVerifiedAt") values
  ('u-admin', 'admin@e2e.test', 'Ada Admin', 'ada-admin', $1, 'ADMIN', now(), now()),
  ('u-moderator', 'moderator@e2e.test', 'Mo Moderator', 'mo-moderator', $1, 'MODERATOR', now(), now())`, [staffHash]);
await client.end();
// The specs read the database address to set up what the UI cannot (trust, a short expiry).
mkdirSync(path.join(root, "test-results"), { recursive: true });
writeFileSync(path.join(root, "test-results", `e2e-database-url-${port}`), url);

// A real SMTP server for the app's mail (smtp-server): each message it receives is written to
// test-results/e2e-mail-<port>/, where the specs read it (tests/e2e/helpers.ts receivedEmail).
const mailDir = path.join(root, "test-results", `e2e-mail-${port}`);
rmSync(mailDir, { recursive: true, force: true });
mkdirSync(mailDir, { recursive: true });
let received = 0;
const smtp = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      writeFileSync(path.join(mailDir, `${Date.now()}-${String(++received).padStart(6, "0")}.eml`), Buffer.concat(chunks));
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;

// Uploads go to a throw-away folder, like the database.
const uploadsDir = mkdtempSync(path.join(tmpdir(), "storyhouse-e2e-uploads-"));
const env = { ...process.env, UPLOADS_DIR: uploadsDir, DATABASE_URL: url, AUTH_SECRET: E2E_AUTH_SECRET, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), SMTP_URL: smtpUrl, SWEEP_INTERVAL_SECONDS: "2", SIGNUPS_PER_IP_PER_HOUR: "100000" };
// Named as tests/e2e/helpers.ts e2eDistDir() expects.
const distDir = await testBuildCopy(env, `e2e-${port}`, (m) => console.log(`[e2e] ${m}`));
const server = spawn(runBin("next"), ["start", "-p", String(port)], { cwd: root, env: { ...env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions(env) }, stdio: ["ignore", "pipe", "pipe"] });
// The server's output goes to Playwright as before and to a file, so a spec can check that what it
// did logged nothing (security-unknown-urls.spec.ts).
const serverLog = createWriteStream(path.join(root, "test-results", `e2e-server-${port}.log`));
server.stdout.on("data", (chunk: Buffer) => (process.stdout.write(chunk), serverLog.write(chunk)));
server.stderr.on("data", (chunk: Buffer) => (process.stderr.write(chunk), serverLog.write(chunk)));

let stopping = false;
async function stop() {
  stopping = true;
  // The app first (its sweep timer still talks to the database), then the database.
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  smtp.close();
  await cluster.stop();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", async (code) => {
  if (stopping) return;
  await cluster.stop();
  process.exit(code ?? 1);
});
