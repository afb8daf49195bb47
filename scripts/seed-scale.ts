// `npm run seed:scale -- --stories 100000 --comments 1000000 --creators 10000`
// Adds generated content (scripts/lib/scale-content.ts) to the database in DATABASE_URL, or to the
// embedded one `npm start` uses when DATABASE_URL is unset, with a progress bar.
import path from "node:path";
import { parseArgs } from "node:util";
import { seedScale } from "./lib/scale-content";
import { startEmbeddedPostgres } from "./lib/postgres.mjs";
import { migrate } from "./lib/migrate-engine.mjs";
import { dataDir, root } from "./lib/app-env.mjs";

const { values } = parseArgs({
  options: { stories: { type: "string", default: "100000" }, comments: { type: "string" }, creators: { type: "string" }, seed: { type: "string", default: "20261129" } },
});
const stories = Number(values.stories);
const comments = Number(values.comments ?? stories * 10);
const creators = Number(values.creators ?? Math.max(10, Math.round(stories / 10)));
if (![stories, comments, creators].every((n) => Number.isInteger(n) && n >= 0) || creators < 1) {
  console.error("Usage: npm run seed:scale -- --stories N [--comments N] [--creators N] (whole numbers; at least one creator)");
  process.exit(1);
}

const started = performance.now();
function bar(phase: string, done: number, total: number) {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const elapsed = ((performance.now() - started) / 1000).toFixed(0);
  const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${phase.padEnd(12)} ${done.toLocaleString("en")}/${total.toLocaleString("en")}  ${elapsed} s`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  if (done >= total && process.stderr.isTTY) process.stderr.write("\n");
}

let database: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
try {
  let url = process.env.DATABASE_URL;
  if (!url) {
    database = await startEmbeddedPostgres({ databaseDir: path.join(dataDir, "postgres"), port: Number(process.env.STORYHOUSE_DB_PORT ?? 54329) });
    url = database.url;
    await migrate({ root, url });
  }
  console.log(`[seed:scale] adding ${stories.toLocaleString("en")} stories, ${comments.toLocaleString("en")} comments, ${creators.toLocaleString("en")} creators`);
  const result = await seedScale(url, { stories, comments, creators, seed: Number(values.seed), onProgress: bar });
  console.log(
    `[seed:scale] done in ${result.seconds.toFixed(1)} s: ${result.creators} creators, ${result.stories} stories (${result.published} published), ${result.comments} comments, ${result.hearts} hearts, ${result.tags} tags`,
  );
} finally {
  await database?.stop();
}
