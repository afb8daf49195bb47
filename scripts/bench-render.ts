// `npm run bench:render`: the rendering budget over a generated hostile corpus. Each hostile shape
// is grown to the largest size the structure checks still accept (up to the story limit), then
// rendered through the real path (checks, render pool, word count) three times. Reported per case:
// the render's time in its worker and the whole call's, the worker's heap after it, and the
// request thread's longest event-loop stall (perf_hooks.monitorEventLoopDelay) over the run.
//   BENCH_RENDER_REPEATS=3 npm run bench:render
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { markdownStructureProblem, STORY_STRUCTURE } from "../lib/content/structure";
import { renderInPool } from "../lib/content/render-pool";
import { renderStory } from "../lib/content/markdown";
import { STORY_BODY_MAX } from "../lib/validation/story";

const repeats = Number(process.env.BENCH_RENDER_REPEATS ?? 3);
const BUDGET_MS = 250;
const HEAP_MB = 64;

const prose = "Plain words in a normal paragraph of text, with *some emphasis*, a [link](https://example.com) and `code`.\n\n";
/** Hostile units: each is repeated as often as the checks allow (a function makes the n-fold body itself). */
const shapes: Record<string, string | ((n: number) => string)> = {
  "ordinary prose (reference)": prose,
  "one-line quotes": "> quoted line\n\n",
  "quotes 10 deep": "> > > > > > > > > > deep\n\n",
  "lists 10 deep": Array.from({ length: 10 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n") + "\n\n",
  "mixed > - > -": "> - > - > - > - > - x\n\n",
  "tight list items": "- item\n",
  "emphasis soup *_": "a*_b ",
  "emphasis runs **a": "**a ",
  "strike ~~a": "~~a ",
  "code-span marks": "`a ``b ```c ",
  "open brackets [a": "[a ",
  "nested images": `${"![".repeat(20)}a${"](b)".repeat(20)}\n\n`,
  "links [a](b)": "[a](https://example.com/x) ",
  "angle brackets <!--": "x <!--a <![CDATA[ <a ",
  "autolink literals": "www.example.com https://example.com/a a@b.example ",
  "table 64 columns": `${"|h".repeat(64)}|\n${"|-".repeat(64)}|\n${"|x".repeat(64)}|\n`,
  "table rows": "|a|b|\n|-|-|\n" + "|x|y|\n".repeat(50) + "\n",
  "definitions and uses": "[r]: https://example.com\n\n[r] [r] [r] [r]\n\n",
  // Distinct footnotes, each used twice (markdown-it-footnote gathers them at the end of the document).
  "footnotes, distinct": (n) =>
    Array.from({ length: n }, (_, i) => `Text[^n${i}] and again[^n${i}].`).join("\n\n") + "\n\n" + Array.from({ length: n }, (_, i) => `[^n${i}]: Note ${i}.`).join("\n\n"),
  "headings": "## Heading\n\n",
  "one word per line": "word\n",
  "hard breaks": "a  \n",
  "entities": "&amp; &#x27; &copy; ",
  "rule lines": "- - - - - - - - - - - - - - - - - - - - - - - - - -\n\n",
};

/** The largest body of this shape (up to the story limit) that the checks accept. */
function largestAccepted(shape: string | ((n: number) => string)): string | null {
  const build = typeof shape === "string" ? (n: number) => shape.repeat(n) : shape;
  if (markdownStructureProblem(build(1), STORY_STRUCTURE)) return null;
  let high = 1;
  while (build(high * 2).length <= STORY_BODY_MAX) high *= 2;
  for (let step = high; step >= 1; step = Math.floor(step / 2)) if (build(high + step).length <= STORY_BODY_MAX) high += step;
  let low = 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (markdownStructureProblem(build(mid), STORY_STRUCTURE)) high = mid - 1;
    else low = mid;
  }
  return build(low);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The longest event-loop delay over `ms` with nothing running here: what the machine's load alone causes. */
async function idleStall(ms: number): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  delay.disable();
  return delay.max / 1e6;
}

async function main() {
  await renderInPool("story", "warm *up*"); // starts the first worker (which warms itself up)
  const idle = await idleStall(3_000);
  const rows: { name: string; chars: number; renderMs: number; callMs: number; heapMb: number; stallMs: number }[] = [];
  for (const [name, unit] of Object.entries(shapes)) {
    const body = largestAccepted(unit);
    if (!body) {
      console.log(`${name}: refused even once`);
      continue;
    }
    const renderMs: number[] = [];
    const callMs: number[] = [];
    let heap = 0;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    for (let i = 0; i < repeats; i++) {
      const measured = await renderInPool("story", body, { measure: true });
      if (!measured.ok) {
        console.log(`${name} (${body.length.toLocaleString("en")} chars): the pool refused an accepted input (${measured.reason}): over the budget`);
        break;
      }
      renderMs.push(measured.measured!.ms);
      heap = Math.max(heap, measured.measured!.heapUsed);
      const started = performance.now();
      await renderStory(body); // the real path: checks, pool, word count
      callMs.push(performance.now() - started);
    }
    delay.disable();
    if (!renderMs.length) continue;
    rows.push({ name, chars: body.length, renderMs: median(renderMs), callMs: median(callMs), heapMb: heap / 1e6, stallMs: delay.max / 1e6 });
  }
  const reference = rows[0].renderMs;
  console.log(`\nRendering budget (${repeats} runs each, median; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine)`);
  console.log("| input (largest accepted) | chars | render ms | × prose | whole call ms | worker heap MB | longest stall ms |");
  console.log("|---|--:|--:|--:|--:|--:|--:|");
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.chars.toLocaleString("en")} | ${r.renderMs.toFixed(0)} | ${(r.renderMs / reference).toFixed(2)} | ${r.callMs.toFixed(0)} | ${r.heapMb.toFixed(1)} | ${r.stallMs.toFixed(1)} |`);
  }
  const worst = rows.reduce((a, b) => (b.renderMs > a.renderMs ? b : a));
  const stall = Math.max(...rows.map((r) => r.stallMs));
  const heap = Math.max(...rows.map((r) => r.heapMb));
  console.log(`\nidle: the longest event-loop delay over 3 s with nothing rendering was ${idle.toFixed(1)} ms (the machine's load alone)`);
  console.log(`slowest: ${worst.name}, ${worst.renderMs.toFixed(0)} ms (budget ${BUDGET_MS} ms: ${worst.renderMs < BUDGET_MS ? "met" : "NOT met on this machine now"}); largest heap ${heap.toFixed(1)} MB (limit ${HEAP_MB} MB: ${heap < HEAP_MB ? "met" : "NOT met"}); longest event-loop stall ${stall.toFixed(1)} ms (limit 50 ms: ${stall < 50 ? "met" : "NOT met"})`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
