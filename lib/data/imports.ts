import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import type { ImportFormat, ImportStatus } from "@/lib/generated/prisma/enums";
import { addJob } from "@/lib/data/job-queue";
import { findViewer, freeHandle } from "@/lib/data/users";
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
import { hashKey, ImportFileError, markdownImageRefs, replaceMarkdownImageRefs, type ImportItem, type ImportPerson, type ImportSource, type ItemError } from "@/lib/porting/import-source";
import { renderComment } from "@/lib/content/markdown";
import { commentInputSchema } from "@/lib/validation/comment";
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
export type PlannedItem = {
  entry: string;
  title: string;
  outcome: "published" | "submitted" | "draft" | "skipped";
  /** A site import's: the story's author here, whether a member now or to be created (unconfirmed). */
  author?: { name: string; email: string | null; isNew: boolean };
  /** A site import's: how many comments would come with it, and the members their authors would create. */
  comments?: number;
  newMembers?: { name: string; email: string | null }[];
};

export type ImportView = {
  id: string;
  format: ImportFormat;
  fileName: string;
  community: { slug: string; name: string };
  dryRun: boolean;
  /** An admin's import of another platform's whole site. */
  site: boolean;
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
  site: true,
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

export type StartImportInput = { format: ImportFormat; community: string; dryRun: boolean; fileName: string; bytes: Uint8Array; site?: boolean };

/** The formats an admin's site import reads: the ones whose exports name each post's author. */
export const SITE_IMPORT_FORMATS: readonly ImportFormat[] = ["GHOST", "WORDPRESS"];

/**
 * Any creator (story:write), into a community that takes new stories: keeps the upload and queues
 * the import. The file is read once now, so one that isn't the format chosen is refused at once,
 * beside the file input. `site`: an admin's import of another platform's whole site ("site:import"):
 * each post goes to its own author (matched by email, or created unconfirmed), comments come along.
 */
export async function startImport(viewer: Viewer | null, input: StartImportInput): Promise<{ id: string }> {
  const me = requirePermission(viewer, input.site ? "site:import" : "story:write");
  if (input.site && !SITE_IMPORT_FORMATS.includes(input.format)) throw new AppError("INVALID", "A site import reads Ghost or WordPress exports.", { format: ["Choose Ghost or WordPress"] });
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
        data: { ownerId: me.id, format: input.format, fileName: input.fileName.slice(0, 200), fileKey, communityId: community.id, dryRun: input.dryRun, site: input.site === true },
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

/** The signed-in member's recent imports (`site`: their site imports), newest first. */
export async function listMyImports(viewer: Viewer | null, { limit = 10, site = false } = {}): Promise<ImportView[]> {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const rows = await db.importJob.findMany({ where: { ownerId: viewer.id, site }, select: importSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
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
    viewer = requirePermission(owner, job.site ? "site:import" : "story:write");
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
  // A site import publishes what the old site published (the admin's decision), within the community's rules.
  const trusted = job.site || (await isTrusted(db, viewer.id));
  const stories: { id: string; href: string | null }[] = [];
  const authors = new Set<string>([viewer.id]);
  const creators = async () => (await db.user.findMany({ where: { id: { in: [...authors] } }, select: { id: true, handle: true } })).map((u) => ({ ...u, stories: [], commentedStoryIds: [] }));
  const context: ItemContext = { viewer, trusted, community, jobId: job.id, source, dryRun: job.dryRun, site: job.site };

  const started = Date.now();
  for (let index = job.processed; index < steps.length; index++) {
    // A long import goes on in a new job (the same resume path a crash takes), so no one request runs for long.
    if (index > job.processed && Date.now() - started >= sliceMs) {
      await db.$transaction((tx) => addJob(tx, "import-stories", { importId: job.id }, { maxAttempts: 5 }));
      return { stories, creators: await creators() };
    }
    const step = steps[index];
    const entry = step.kind === "error" ? step.error.entry : step.item.entry;
    await db.importJob.update({ where: { id: job.id }, data: { currentItem: entry } });
    if (step.kind === "error") {
      await recordOutcome(job.id, { failed: step.error });
      continue;
    }
    const outcome = await importItem(context, step.item);
    if (outcome.kind === "created") {
      stories.push(outcome.story);
      authors.add(outcome.authorId);
    }
  }
  await db.importJob.update({ where: { id: job.id }, data: { status: "DONE", currentItem: null, finishedAt: new Date(), fileKey: null } });
  if (job.fileKey) await getStorage().delete(job.fileKey);
  return { stories, creators: await creators() };
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
  site: boolean;
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

type ItemOutcome = { kind: "created"; story: { id: string; href: string | null }; authorId: string } | { kind: "other" };

/** Where a story's images point while it is checked: as long as a real upload's URL, never stored. */
const PLACEHOLDER_IMAGE = `/media/${"0".repeat(32)}-1600.webp`;

async function importItem(ctx: ItemContext, item: ImportItem): Promise<ItemOutcome> {
  const { viewer, community, jobId, source } = ctx;
  const fail = async (reason: string): Promise<ItemOutcome> => {
    await recordOutcome(jobId, { failed: { entry: item.entry, reason } });
    return { kind: "other" };
  };
  const keyOwner = ctx.site ? SITE_KEY_OWNER : viewer.id;
  const already =
    (await db.importedItem.findUnique({ where: { ownerId_sourceKey: { ownerId: keyOwner, sourceKey: item.sourceKey } }, select: { storyId: true } })) ??
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
  // A site import: the post's author and its commenters as members here (found now, created with the story).
  const people = ctx.site ? await sitePeople(item, viewer) : null;
  if (people && "problem" in people) return fail(people.problem);
  if (ctx.dryRun) {
    const extra = people ? { author: { name: people.author.name, email: people.author.email, isNew: !people.author.id }, comments: people.comments.length, newMembers: people.newMembers.map(({ name, email }) => ({ name, email })) } : {};
    await recordOutcome(jobId, { planned: { entry: item.entry, title: checked.data.title, outcome: wanted, ...extra } });
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
  const comments = people ? await Promise.all(people.comments.map(async (c) => ({ ...c, bodyHtml: await renderComment(c.body) }))) : [];
  const date = item.date && item.date.getTime() <= Date.now() ? item.date : new Date();
  const slug = outcome === "published" ? await freeSlug(community.id, item.slug || input.title) : null;
  try {
    const story = await db.$transaction(async (tx) => {
      // A site import's new members (unconfirmed, no password) and the images handed to the story's author.
      const members = people ? await createMembers(tx, people) : null;
      const authorId = members ? members.get(personKey(people!.author))! : viewer.id;
      if (authorId !== viewer.id && stored.size > 0) await tx.media.updateMany({ where: { id: { in: [...stored.values()].map((m) => m.id) } }, data: { ownerId: authorId } });
      const created = await tx.story.create({
        data: { ...content, authorId, communityId: community.id, createdAt: date, updatedAt: item.updated && item.updated >= date ? item.updated : date },
        select: { id: true },
      });
      await setStoryTags(tx, created.id, input.tags, { isNew: true });
      await tx.importedItem.create({ data: { ownerId: keyOwner, sourceKey: item.sourceKey, storyId: created.id, jobId } });
      // Its old address leads here once it is public (the first story to claim a path keeps it).
      if (item.oldPath) await tx.storyRedirect.createMany({ data: [{ path: item.oldPath, storyId: created.id }], skipDuplicates: true });
      if (members && comments.length > 0) await writeComments(tx, created.id, date, comments, members);
      if (outcome !== "draft") {
        const name = outcome === "published" ? "publish" : "submit";
        const { count } = await tx.story.updateMany({
          where: transitionWhere(name, outcome === "published" ? "trustedAuthor" : "author", created.id, { authorId }),
          data: transitionData(name, outcome === "published" ? { slug, publishedAt: date } : { submittedAt: new Date() }),
        });
        if (count !== 1) throw new Error("an imported story could not take its status");
        if (outcome === "published") {
          await tx.storyRevision.create({ data: { storyId: created.id, kind: "PUBLISH", title: content.title, subtitle: content.subtitle, bodyMarkdown: content.bodyMarkdown, tags: input.tags.map((t) => t.name).join(", ") } });
        }
      }
      await recordOutcome(jobId, { created: true }, tx);
      return { ...created, authorId };
    });
    await refreshSearchVector(story.id);
    return { kind: "created", story: { id: story.id, href: slug ? storyHref(community.slug, slug) : null }, authorId: story.authorId };
  } catch (error) {
    await forget(stored);
    // Another run of this import got there first: the item is there, once.
    if (isUniqueViolation(error) && (await db.importedItem.findUnique({ where: { ownerId_sourceKey: { ownerId: keyOwner, sourceKey: item.sourceKey } }, select: { storyId: true } }))) {
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

/**
 * The owner of a site import's "already imported" keys: the site itself, so the same file imported
 * again (by any admin) creates nothing twice.
 */
const SITE_KEY_OWNER = "site";

/** A person of a site import as a member here: `id` null until created (unconfirmed, no password). `key`: the address they are matched by. */
type SitePerson = { key: string; name: string; email: string | null; id: string | null };
type SiteComment = { id: string; parentId: string | null; authorKey: string; date?: Date; body: string };
type SitePeople = { author: SitePerson; comments: SiteComment[]; members: SitePerson[]; newMembers: SitePerson[] };

/**
 * A commenter who left no address is a guest member under an address made from their name on the
 * reserved `.invalid` domain (RFC 2606): no mail is ever sent to it and no one can claim it.
 */
const guestAddress = (name: string) => `guest-${hashKey("guest", name.trim().toLowerCase())}@imported.invalid`;
const personKey = (person: ImportPerson) => person.email ?? guestAddress(person.name);

/**
 * Who a site import's post belongs to and who wrote its comments, matched by email to members here.
 * A post with no author address in the export is the importing admin's. A comment the comment form
 * would refuse (empty, too long, too deeply structured) is left out.
 */
async function sitePeople(item: ImportItem, viewer: Viewer): Promise<SitePeople | { problem: string }> {
  const comments = (item.comments ?? []).flatMap((c) => {
    const parsed = commentInputSchema.safeParse({ body: c.body });
    return parsed.success ? [{ id: c.id, parentId: c.parentId, author: c.author, date: c.date, body: parsed.data.body }] : [];
  });
  const authorPerson = item.author?.email ? item.author : null;
  const persons = [...(authorPerson ? [authorPerson] : []), ...comments.map((c) => c.author)];
  const found = await db.user.findMany({ where: { email: { in: [...new Set(persons.map(personKey))] } }, select: { id: true, email: true, status: true } });
  const byEmail = new Map(found.map((u) => [u.email, u]));
  if (authorPerson) {
    const member = byEmail.get(personKey(authorPerson));
    if (member?.status === "SUSPENDED") return { problem: `its author ${authorPerson.email} is a member here whose account is suspended` };
  }
  const members = new Map<string, SitePerson>();
  for (const person of persons) {
    const key = personKey(person);
    if (!members.has(key)) members.set(key, { key, name: person.name.replace(/\s+/g, " ").trim().slice(0, 80) || "Member", email: person.email, id: byEmail.get(key)?.id ?? null });
  }
  const author = authorPerson ? members.get(personKey(authorPerson))! : { key: `member:${viewer.id}`, name: viewer.name, email: null, id: viewer.id };
  members.set(author.key, author);
  return {
    author,
    comments: comments.map((c) => ({ id: c.id, parentId: c.parentId, authorKey: personKey(c.author), date: c.date, body: c.body })),
    members: [...members.values()],
    newMembers: [...members.values()].filter((m) => !m.id),
  };
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Creates a site import's new members (unconfirmed, no password: they claim the account with "Forgot your password?"); every person's member id by key. */
async function createMembers(tx: Tx, people: SitePeople): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const handles: string[] = [];
  for (const person of people.members) {
    if (person.id) {
      ids.set(person.key, person.id);
      continue;
    }
    const handle = await freeHandle(person.name, tx, handles);
    handles.push(handle);
    const created = await tx.user.create({
      data: {
        email: person.key,
        name: person.name,
        handle,
        // No password matches an empty hash (lib/auth/password.ts); resetting one confirms the address.
        passwordHash: "",
        ...(person.email ? {} : { emailStoppedAt: new Date(), emailStoppedReason: "An imported commenter who left no address" }),
      },
      select: { id: true },
    });
    ids.set(person.key, created.id);
  }
  return ids;
}

/**
 * A site import's comments on a new story, oldest first, with their threads: as the comment form
 * does, a reply to a reply joins its thread's first comment (the Comment model threads one level).
 */
async function writeComments(tx: Tx, storyId: string, storyDate: Date, comments: (SiteComment & { bodyHtml: string })[], members: Map<string, string>) {
  // Ids made here (cuid-like: the id schema's characters) so the threads and replies go in as two inserts, whatever the thread's size.
  const ids = new Map(comments.map((c) => [c.id, `c${randomBytes(12).toString("hex")}`]));
  const threadOf = new Map<string, string>();
  const rows = comments.map((c) => {
    const parentId = c.parentId ? (threadOf.get(c.parentId) ?? null) : null;
    const id = ids.get(c.id)!;
    threadOf.set(c.id, parentId ?? id);
    return { id, storyId, authorId: members.get(c.authorKey)!, parentId, body: c.body, bodyHtml: c.bodyHtml, createdAt: c.date && c.date.getTime() <= Date.now() ? c.date : storyDate };
  });
  await tx.comment.createMany({ data: rows.filter((r) => !r.parentId) });
  await tx.comment.createMany({ data: rows.filter((r) => r.parentId) });
  await tx.story.update({ where: { id: storyId }, data: { commentCount: { increment: comments.length } } });
}
