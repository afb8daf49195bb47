import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import type { ImportFormat, ImportStatus } from "@/lib/generated/prisma/enums";
import { addJob } from "@/lib/data/job-queue";
import { findViewer } from "@/lib/data/users";
import { consumeRateLimit, type RateRule } from "@/lib/data/rate-limits";
import { storeImage } from "@/lib/data/media";
import { setStoryTags } from "@/lib/data/tags";
import { isTrusted } from "@/lib/data/trust";
import { refreshSearchVector } from "@/lib/data/search-vectors";
import { transitionData, transitionWhere } from "@/lib/data/story-lifecycle";
import { isUniqueViolation } from "@/lib/data/prisma-errors";
import { storyHref } from "@/lib/data/story-shapes";
import type { Changes } from "@/lib/cache/tags";
import { getStorage } from "@/lib/storage/storage";
import { sniffImageType } from "@/lib/media/images";
import { contentFields } from "@/lib/data/stories";
import { slugify, withNumericSuffix } from "@/lib/content/slug";
import { storyInputSchema } from "@/lib/validation/story";
import { fieldErrorsOf } from "@/lib/validation/form";
import { archivedProblem, hasProblems, publishProblems } from "@/lib/domain/publishing-rules";
import { ImportFileError, markdownImageRefs, replaceMarkdownImageRefs, type ImportItem, type ImportSource, type ItemError } from "@/lib/porting/import-source";
import { readImportFile } from "@/lib/porting/formats";

// A creator's import of their own stories (docs/porting.md). The upload is kept in storage and a
// job on the queue ("import-stories") works through it item by item: each story is written with
// its tags, its place in the import and the import's counters in one transaction, so a crash
// leaves no half-written story, and the retried job resumes after the last item written. An item
// imported before (same owner, same source key) is skipped, so the same file twice creates
// nothing twice. Text goes through the editor's schema (the hostile-input limits) and renderer
// (the sanitizer); images through the upload pipeline (sniffed, re-encoded, stored).

/** Imports are heavy (every image is decoded): a few an hour per member. */
export const IMPORT_RATE_RULE: RateRule = { limit: 10, windowSeconds: 60 * 60, message: "You've started several imports in the last hour. Please wait a while before the next." };

export type ImportError = ItemError;

/** How long one run of the job works before it hands the rest to a new run. */
const IMPORT_SLICE_MS = 60_000;
export type PlannedItem = { entry: string; title: string; outcome: "published" | "submitted" | "draft" | "skipped" };

export type ImportView = {
  id: string;
  format: ImportFormat;
  fileName: string;
  community: { slug: string; name: string };
  dryRun: boolean;
  status: ImportStatus;
  total: number;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
  currentItem: string | null;
  errors: ImportError[];
  planned: PlannedItem[];
  failure: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

const importSelect = {
  id: true,
  format: true,
  fileName: true,
  communityId: true,
  dryRun: true,
  status: true,
  total: true,
  processed: true,
  created: true,
  skipped: true,
  failed: true,
  currentItem: true,
  errors: true,
  planned: true,
  failure: true,
  createdAt: true,
  finishedAt: true,
} as const;

type ImportRow = { communityId: string; errors: unknown; planned: unknown } & Omit<ImportView, "community" | "errors" | "planned">;

async function toView(row: ImportRow): Promise<ImportView> {
  const { communityId, ...rest } = row;
  const community = await db.community.findUnique({ where: { id: communityId }, select: { slug: true, name: true } });
  return { ...rest, community: community ?? { slug: "", name: "(a community since removed)" }, errors: row.errors as ImportError[], planned: row.planned as PlannedItem[] };
}

export type StartImportInput = { format: ImportFormat; community: string; dryRun: boolean; fileName: string; bytes: Uint8Array };

/**
 * Any creator (story:write), into a community that takes new stories: keeps the upload and queues
 * the import. The file is read once now, so one that isn't the format chosen is refused at once,
 * beside the file input.
 */
export async function startImport(viewer: Viewer | null, input: StartImportInput): Promise<{ id: string }> {
  const me = requirePermission(viewer, "story:write");
  const community = await db.community.findUnique({ where: { slug: input.community }, select: { id: true, name: true, archivedAt: true } });
  if (!community) throw new AppError("INVALID", "Choose a community from the list.", { community: ["Choose a community from the list"] });
  if (community.archivedAt) throw new AppError("INVALID", "Choose another community.", { community: [archivedProblem(community.name)] });
  try {
    readImportFile(input.format, input.bytes);
  } catch (error) {
    if (error instanceof ImportFileError) throw new AppError("INVALID", error.message, { file: [error.message] });
    throw error;
  }
  await consumeRateLimit(`import:${me.id}`, IMPORT_RATE_RULE);
  const fileKey = `import-${randomBytes(16).toString("hex")}.${input.format === "WORDPRESS" && !isZip(input.bytes) ? "xml" : input.format === "GHOST" && !isZip(input.bytes) ? "json" : "zip"}`;
  await getStorage().put(fileKey, input.bytes, "application/octet-stream");
  try {
    return await db.$transaction(async (tx) => {
      const job = await tx.importJob.create({
        data: { ownerId: me.id, format: input.format, fileName: input.fileName.slice(0, 200), fileKey, communityId: community.id, dryRun: input.dryRun },
        select: { id: true },
      });
      await addJob(tx, "import-stories", { importId: job.id }, { jobKey: `import:${job.id}`, maxAttempts: 5 });
      return job;
    });
  } catch (error) {
    await getStorage().delete(fileKey);
    throw error;
  }
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** The owner only; another member's import is NOT_FOUND. */
export async function getMyImport(viewer: Viewer | null, importId: string): Promise<ImportView> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const row = await db.importJob.findFirst({ where: { id: importId, ownerId: viewer.id }, select: importSelect });
  if (!row) throw new AppError("NOT_FOUND", "We couldn't find that import.");
  return toView(row);
}

/** The signed-in member's recent imports, newest first. */
export async function listMyImports(viewer: Viewer | null, limit = 10): Promise<ImportView[]> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const rows = await db.importJob.findMany({ where: { ownerId: viewer.id }, select: importSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  return Promise.all(rows.map(toView));
}

/**
 * Internal (the queue's "import-stories" job, lib/jobs/tasks.ts): works through an import as its
 * owner, re-checking their permission now. Returns what changed on the site, for cache expiry. An
 * unreadable file ends the import FAILED (no retry helps); anything else throws, and the queue
 * retries the job, which resumes where it stopped. After `sliceMs` it queues the rest as a new job.
 */
export async function runImport(importId: string, { sliceMs = IMPORT_SLICE_MS } = {}): Promise<Changes> {
  const job = await db.importJob.findUnique({ where: { id: importId }, select: { ...importSelect, ownerId: true, fileKey: true } });
  const none: Changes = { stories: [], threads: [], creators: [] };
  if (!job || job.status === "DONE" || job.status === "FAILED") return none;
  const fail = async (failure: string) => {
    await endFailed(job, failure);
    return none;
  };
  const owner = await findViewer(job.ownerId);
  let viewer: Viewer;
  try {
    viewer = requirePermission(owner, "story:write");
  } catch (error) {
    return fail(error instanceof AppError ? error.message : "Your account can't import stories now.");
  }
  const community = await db.community.findUnique({ where: { id: job.communityId }, select: { id: true, slug: true, name: true, requireSubtitle: true, requireHero: true, minWords: true, allowAiAssisted: true, archivedAt: true } });
  if (!community || community.archivedAt) return fail("The community you chose no longer takes new stories. Start the import again with another.");
  const bytes = job.fileKey ? await getStorage().getBytes(job.fileKey) : null;
  if (!bytes) return fail("The uploaded file is no longer there. Please upload it again.");
  let source: ImportSource;
  try {
    source = readImportFile(job.format, bytes);
  } catch (error) {
    if (error instanceof ImportFileError) return fail(error.message);
    throw error;
  }
  // Unreadable entries first, then the items, always in the same order: `processed` says where to resume.
  const steps: ({ kind: "error"; error: ItemError } | { kind: "item"; item: ImportItem })[] = [...source.errors.map((error) => ({ kind: "error" as const, error })), ...source.items.map((item) => ({ kind: "item" as const, item }))];
  await db.importJob.update({ where: { id: job.id }, data: { status: "RUNNING", total: steps.length, startedAt: job.processed === 0 ? new Date() : undefined } });
  const trusted = await isTrusted(db, viewer.id);
  const stories: { id: string; href: string | null }[] = [];
  const context: ItemContext = { viewer, trusted, community, jobId: job.id, source, dryRun: job.dryRun };

  const started = Date.now();
  for (let index = job.processed; index < steps.length; index++) {
    // A long import goes on in a new job (the same resume path a crash takes), so no one request runs for long.
    if (index > job.processed && Date.now() - started >= sliceMs) {
      await db.$transaction((tx) => addJob(tx, "import-stories", { importId: job.id }, { maxAttempts: 5 }));
      return { stories, creators: [{ id: viewer.id, handle: viewer.handle, stories: [], commentedStoryIds: [] }] };
    }
    const step = steps[index];
    const entry = step.kind === "error" ? step.error.entry : step.item.entry;
    await db.importJob.update({ where: { id: job.id }, data: { currentItem: entry } });
    if (step.kind === "error") {
      await recordOutcome(job.id, { failed: step.error });
      continue;
    }
    const outcome = await importItem(context, step.item);
    if (outcome.kind === "created") stories.push(outcome.story);
  }
  await db.importJob.update({ where: { id: job.id }, data: { status: "DONE", currentItem: null, finishedAt: new Date(), fileKey: null } });
  if (job.fileKey) await getStorage().delete(job.fileKey);
  return { stories, creators: [{ id: viewer.id, handle: viewer.handle, stories: [], commentedStoryIds: [] }] };
}

/** Ends an import FAILED with the reason its page shows, and lets go of the uploaded file. */
async function endFailed(job: { id: string; fileKey: string | null }, failure: string) {
  await db.importJob.update({ where: { id: job.id }, data: { status: "FAILED", failure, currentItem: null, finishedAt: new Date(), fileKey: null } });
  if (job.fileKey) await getStorage().delete(job.fileKey);
}

/**
 * Internal (the queue's "import-stories" job, after its last try failed): an import that kept
 * failing for a reason on the site's side ends FAILED and says so, instead of reading "Importing"
 * for ever. What it imported stays (each story is written whole or not at all); the same file
 * again skips those and brings in the rest. The error itself goes to the log, not to the page.
 */
export async function stopImport(importId: string): Promise<void> {
  const job = await db.importJob.findUnique({ where: { id: importId }, select: { id: true, status: true, fileKey: true } });
  if (!job || job.status === "DONE" || job.status === "FAILED") return;
  await endFailed(job, "something went wrong on our side several times, so we stopped trying. The stories already imported stay; upload the same file again to bring in the rest (nothing is imported twice).");
}

type ItemContext = {
  viewer: Viewer;
  trusted: boolean;
  community: { id: string; slug: string; name: string; requireSubtitle: boolean; requireHero: boolean; minWords: number; allowAiAssisted: boolean };
  jobId: string;
  source: ImportSource;
  dryRun: boolean;
};

/** Moves the counters on by one item (in `tx` when the item wrote a story). */
async function recordOutcome(jobId: string, outcome: { failed: ItemError } | { skipped: true } | { planned: PlannedItem } | { created: true }, tx: Pick<typeof db, "importJob" | "$executeRaw"> = db) {
  if ("failed" in outcome) {
    // Appends to the JSON list in the same statement as the count, so nothing is read and lost.
    await tx.$executeRaw`update "ImportJob" set processed = processed + 1, failed = failed + 1, errors = errors || ${JSON.stringify([outcome.failed])}::jsonb where id = ${jobId}`;
  } else if ("planned" in outcome) {
    await tx.$executeRaw`update "ImportJob" set processed = processed + 1, skipped = skipped + ${outcome.planned.outcome === "skipped" ? 1 : 0}, created = created + ${outcome.planned.outcome === "skipped" ? 0 : 1}, planned = planned || ${JSON.stringify([outcome.planned])}::jsonb where id = ${jobId}`;
  } else {
    await tx.importJob.update({ where: { id: jobId }, data: { processed: { increment: 1 }, ...("skipped" in outcome ? { skipped: { increment: 1 } } : { created: { increment: 1 } }) } });
  }
}

type ItemOutcome = { kind: "created"; story: { id: string; href: string | null } } | { kind: "other" };

/** Where a story's images point while it is checked: as long as a real upload's URL, never stored. */
const PLACEHOLDER_IMAGE = `/media/${"0".repeat(32)}-1600.webp`;

async function importItem(ctx: ItemContext, item: ImportItem): Promise<ItemOutcome> {
  const { viewer, community, jobId, source } = ctx;
  const fail = async (reason: string): Promise<ItemOutcome> => {
    await recordOutcome(jobId, { failed: { entry: item.entry, reason } });
    return { kind: "other" };
  };
  const already =
    (await db.importedItem.findUnique({ where: { ownerId_sourceKey: { ownerId: viewer.id, sourceKey: item.sourceKey } }, select: { storyId: true } })) ??
    (item.storyhouseId ? await db.story.findFirst({ where: { id: item.storyhouseId, authorId: viewer.id, deletedAt: null }, select: { id: true } }) : null);
  if (already) {
    if (ctx.dryRun) await recordOutcome(jobId, { planned: { entry: item.entry, title: item.title, outcome: "skipped" } });
    else await recordOutcome(jobId, { skipped: true });
    return { kind: "other" };
  }

  // Images: each reference into the upload must be there and be an image; URLs stay as they are.
  const refs = [...new Set([...(item.heroImage ? [item.heroImage] : []), ...markdownImageRefs(item.body)])];
  const images = new Map<string, Uint8Array>();
  for (const ref of refs) {
    const bytes = source.imageBytes(item.entry, ref);
    // An image on the web that the upload doesn't hold stays a link to it.
    if (!bytes && /^https:\/\//i.test(ref)) continue;
    if (!bytes) return fail(`the image ${ref} isn't in the upload`);
    if (!sniffImageType(bytes)) return fail(`${ref} isn't a JPEG, PNG, WebP or GIF image`);
    images.set(ref, bytes);
  }
  const fields = (url: (ref: string) => string | undefined) => ({
    title: item.title,
    subtitle: item.subtitle,
    community: community.slug,
    body: replaceMarkdownImageRefs(item.body, url),
    tags: item.tags.join(", "),
    heroImageUrl: item.heroImage ? (url(item.heroImage) ?? item.heroImage) : "",
    heroImageAlt: item.heroImageAlt,
    aiAssisted: item.aiAssisted,
  });
  // The editor's checks, before any image is stored.
  const checked = storyInputSchema.safeParse(fields((ref) => (images.has(ref) ? PLACEHOLDER_IMAGE : undefined)));
  if (!checked.success) {
    const [field, messages] = Object.entries(fieldErrorsOf(checked.error)).find(([, m]) => m?.length) ?? ["", ["can't be read"]];
    return fail(`${field}: ${messages?.[0]}`);
  }
  const wanted = item.published ? (ctx.trusted && !hasProblems(publishProblems({ ...checked.data, heroImageUrl: checked.data.heroImageUrl || null, wordCount: Number.MAX_SAFE_INTEGER }, community)) ? "published" : "submitted") : "draft";
  if (ctx.dryRun) {
    await recordOutcome(jobId, { planned: { entry: item.entry, title: checked.data.title, outcome: wanted } });
    return { kind: "other" };
  }

  const stored = new Map<string, { id: string; url: string }>();
  try {
    for (const [ref, bytes] of images) stored.set(ref, await storeImage(viewer.id, bytes));
  } catch (error) {
    await forget(stored);
    if (error instanceof AppError) return fail(`an image: ${error.message}`);
    throw error;
  }
  const input = storyInputSchema.parse(fields((ref) => stored.get(ref)?.url));
  let content: Awaited<ReturnType<typeof contentFields>> & { commentsEnabled: boolean };
  try {
    content = { ...(await contentFields(input)), commentsEnabled: item.commentsEnabled };
  } catch (error) {
    await forget(stored);
    if (error instanceof AppError && error.code === "INVALID") return fail(`body: ${error.message}`);
    throw error;
  }
  const outcome = wanted === "published" && hasProblems(publishProblems(content, community)) ? "submitted" : wanted;
  const date = item.date && item.date.getTime() <= Date.now() ? item.date : new Date();
  const slug = outcome === "published" ? await freeSlug(community.id, item.slug || input.title) : null;
  try {
    const story = await db.$transaction(async (tx) => {
      const created = await tx.story.create({
        data: { ...content, authorId: viewer.id, communityId: community.id, createdAt: date, updatedAt: item.updated && item.updated >= date ? item.updated : date },
        select: { id: true },
      });
      await setStoryTags(tx, created.id, input.tags);
      await tx.importedItem.create({ data: { ownerId: viewer.id, sourceKey: item.sourceKey, storyId: created.id, jobId } });
      // Its old address leads here once it is public (the first story to claim a path keeps it).
      if (item.oldPath) await tx.storyRedirect.createMany({ data: [{ path: item.oldPath, storyId: created.id }], skipDuplicates: true });
      if (outcome !== "draft") {
        const name = outcome === "published" ? "publish" : "submit";
        const { count } = await tx.story.updateMany({
          where: transitionWhere(name, outcome === "published" ? "trustedAuthor" : "author", created.id, { authorId: viewer.id }),
          data: transitionData(name, outcome === "published" ? { slug, publishedAt: date } : { submittedAt: new Date() }),
        });
        if (count !== 1) throw new Error("an imported story could not take its status");
        if (outcome === "published") {
          await tx.storyRevision.create({ data: { storyId: created.id, kind: "PUBLISH", title: content.title, subtitle: content.subtitle, bodyMarkdown: content.bodyMarkdown, tags: input.tags.map((t) => t.name).join(", ") } });
        }
      }
      await recordOutcome(jobId, { created: true }, tx);
      return created;
    });
    await refreshSearchVector(story.id);
    return { kind: "created", story: { id: story.id, href: slug ? storyHref(community.slug, slug) : null } };
  } catch (error) {
    await forget(stored);
    // Another run of this import got there first: the item is there, once.
    if (isUniqueViolation(error) && (await db.importedItem.findUnique({ where: { ownerId_sourceKey: { ownerId: viewer.id, sourceKey: item.sourceKey } }, select: { storyId: true } }))) {
      await recordOutcome(jobId, { skipped: true });
      return { kind: "other" };
    }
    throw error;
  }
}

/** Removes images stored for an item that was not written after all. */
async function forget(stored: Map<string, { id: string }>) {
  if (stored.size === 0) return;
  const media = await db.media.findMany({ where: { id: { in: [...stored.values()].map((m) => m.id) } }, select: { id: true, key: true, widths: true } });
  await db.media.deleteMany({ where: { id: { in: media.map((m) => m.id) } } });
  const storage = getStorage();
  await Promise.allSettled(media.flatMap((m) => m.widths.map((w) => storage.delete(`${m.key}-${w}.webp`))));
}

/** `preferred` as a slug, or with a number after it when a story in the community has it. */
async function freeSlug(communityId: string, preferred: string): Promise<string> {
  const base = slugify(preferred) || "story";
  const taken = await db.story.findMany({ where: { communityId, slug: { startsWith: base } }, select: { slug: true } });
  return withNumericSuffix(base, new Set(taken.map((s) => s.slug ?? "")));
}
