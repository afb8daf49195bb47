// Property-based fuzzing (fast-check), run by fuzz.test.ts and fuzz-data.test.ts: the data-layer
// paths are split between the two files so they run on two cores at once. Two layers:
// 1. Every zod schema exported from lib/validation/*.ts, with arbitrary input (any JSON-ish value,
//    and objects with the schema's own keys holding hostile strings: unicode, control characters,
//    NUL, lone surrogates, huge strings, wrong types): safeParse never throws, and a failure comes
//    with field errors or a form-level issue. Pure and fast: FUZZ_RUNS (default 10,000) each.
// 2. What the server actions do with that input: schema first, then the data-layer function behind
//    it, against the real database: nothing but an AppError is ever thrown (no 500), and a refused
//    call leaves every table as it was (no partial writes), which a write log filled by triggers
//    shows with one query per call (world.ts installWriteLog); a path that only reads must write
//    nothing at all, checked once after its last case. FUZZ_DB_RUNS (default 10,000) each: about
//    3 minutes for the 16 paths on 2 shared cores (docs/security.md).
import { afterAll, describe, expect, it, beforeAll } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf, storableText } from "@/lib/validation/form";
import { idSchema, isId, optionalIdSchema } from "@/lib/validation/ids";
import * as auth from "@/lib/validation/auth";
import * as branding from "@/lib/validation/branding";
import * as comment from "@/lib/validation/comment";
import * as moderation from "@/lib/validation/moderation";
import * as profile from "@/lib/validation/profile";
import * as report from "@/lib/validation/report";
import * as review from "@/lib/validation/review";
import * as search from "@/lib/validation/search";
import * as settings from "@/lib/validation/settings";
import * as story from "@/lib/validation/story";
import * as studio from "@/lib/validation/studio";
import * as ids from "@/lib/validation/ids";
import { RESTRICTION_KINDS, ROLES, type Viewer } from "@/lib/auth/permissions";
import { REPORT_REASONS, REPORT_TARGET_TYPES } from "@/lib/validation/limits";
import { EXPIRY_PRESETS } from "@/lib/validation/moderation";
import { createComment, editComment } from "@/lib/data/comments";
import { createReport } from "@/lib/data/reports";
import { createDraft, updateStory } from "@/lib/data/stories";
import { listMyStories } from "@/lib/data/studio-stories";
import { updateMyProfile } from "@/lib/data/users";
import { createAppeal } from "@/lib/data/appeals";
import { restrictUser } from "@/lib/data/restrictions";
import { updateSiteSettings } from "@/lib/data/settings";
import { searchStories } from "@/lib/data/search";
import { listUsersForStaff } from "@/lib/data/admin-users";
import { listAuditLog } from "@/lib/data/audit-log";
import { getMyCommentsState } from "@/lib/data/comment-moderation";
import { getViewerState } from "@/lib/data/engagement";
import { getPublishedStory, listPublishedStories } from "@/lib/data/public-stories";
import { getCommunity } from "@/lib/data/communities";
import { getTag } from "@/lib/data/tags";
import { findHandleRedirect, getCreatorProfile } from "@/lib/data/users";
import { listTopCreators } from "@/lib/data/discovery";
import { listFeedStories } from "@/lib/data/feeds";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeWriteLog, comment as makeComment, community, installWriteLog, publishedStory, quickUser, tablesWithWriteLog, takeWrites } from "./world";

const SCHEMA_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const DB_RUNS = Number(process.env.FUZZ_DB_RUNS ?? 10_000);

const modules = { auth, branding, comment, ids, moderation, profile, report, review, search, settings, story, studio };
const schemas = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => value instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${module}.${name}`, schema: schema as z.ZodType })),
);

/** The keys an object schema (possibly behind transforms and pipes) reads. */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown>; in?: z.ZodType } } })._zod.def;
  if (def.shape) return Object.keys(def.shape);
  if (def.in) return keysOf(def.in);
  return [];
}

const huge = ["a".repeat(300_000), "<".repeat(100_001), "\u0000".repeat(5000), "😀".repeat(60_000), "x".repeat(2001), " ".repeat(10_000)];
/** Strings people type, and strings nobody should. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\u0001", "\u001b", "\u200b", "\u202e", "\ufeff", "\ud800", "\udfff", "<", ">", "\"", "'", "&", "\\", "%", "\n", "\t", "a", "é", "@", ":", "/", ".") }),
  fc.constantFrom(...huge, "", " ", "null", "undefined", "NaN", "-1", "0", "1e309", "2026-13-45T99:99", "javascript:alert(1)", "https://", "https://bsky.app/profile/x", "__proto__", "constructor"),
);
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(hostileString, { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const fieldValue = fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType });
const inputFor = (schema: z.ZodType) => {
  const keys = keysOf(schema);
  const shaped = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue])), { requiredKeys: [] }) : fieldValue;
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything() });
};

/** The schemas under fuzzing (fuzz.test.ts). */
export function describeSchemaFuzz() {
describe("schemas under fuzzing", () => {
  it("covers every schema exported from lib/validation", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(30);
  });

  for (const { name, schema } of schemas) {
    it(`${name}: never throws; a refusal carries issues and field errors`, () => {
      fc.assert(
        fc.property(inputFor(schema), (input) => {
          const result = schema.safeParse(input);
          if (!result.success) {
            expect(result.error.issues.length).toBeGreaterThan(0);
            expect(typeof fieldErrorsOf(result.error)).toBe("object");
          }
        }),
        { numRuns: SCHEMA_RUNS },
      );
    });
  }
});

}

// ---- the data layer behind the actions ----

type Cast = {
  author: Viewer;
  /** Commenters: an established member (spam checks, 60 comments / 5 min) and a new account (also 2 links, 10 / hour). */
  reader: Viewer;
  newcomer: Viewer;
  drafter: Viewer;
  admin: Viewer;
  moderator: Viewer;
  target: Viewer;
  community: string;
  storyId: string;
  storySlug: string;
  tag: string;
  draft: { id: string; version: number };
  commentId: string;
  actionId: string;
};
let cast: Cast;

async function setUpCast() {
  const [author, drafter, admin, moderator, target, reader, newcomer, c] = await Promise.all([
    quickUser(),
    quickUser(),
    quickUser({ role: "ADMIN" }),
    quickUser({ role: "MODERATOR" }),
    quickUser(),
    quickUser(),
    quickUser({ createdAt: new Date(), trusted: null }),
    community(),
  ]);
  // Blocked words with regular-expression characters and non-ASCII, for the comment spam check.
  await updateSiteSettings(admin, { trustApprovedStories: 3, trustCleanDays: 30, blockedWords: ["spam", "c++", "(x)", "a.b", "ñandú", "😀", "\\"], blockedEmailDomains: [], uploadsPerHour: 30, uploadsPerDay: 200 }, "Fuzz set-up");
  const published = await publishedStory(author, c.slug, { tags: [{ slug: "fuzz-tag", name: "Fuzz tag" }] });
  await publishedStory(reader, c.slug); // a live story and a month's age: established, not new
  const draft = await createDraft(author, { title: "Fuzz draft", subtitle: "", community: c.slug, body: "Body", tags: [], heroImageUrl: "", heroImageAlt: "", aiAssisted: false });
  const { id: commentId } = await makeComment(admin, published.id);
  const { actionId } = await restrictUser(moderator, author.id, { kind: "WARNING", reason: "For the fuzz appeal", expiresAt: null });
  const storySlug = published.href.split("/").pop()!;
  cast = { author, reader, newcomer, drafter, admin, moderator, target, community: c.slug, storyId: published.id, storySlug, tag: "fuzz-tag", draft, commentId, actionId };
}

/**
 * Real ids and slugs, named before they exist: an arbitrary yields "@story", and `real` swaps in
 * the fixture's id when the case runs. Without them almost every hostile id is simply not found,
 * and the paths behind a found row would never see hostile text.
 */
const REFS = {
  "@story": (c: Cast) => c.storyId,
  "@draft": (c: Cast) => c.draft.id,
  "@comment": (c: Cast) => c.commentId,
  "@action": (c: Cast) => c.actionId,
  "@author": (c: Cast) => c.author.id,
  "@admin": (c: Cast) => c.admin.id,
  "@moderator": (c: Cast) => c.moderator.id,
  "@target": (c: Cast) => c.target.id,
  "@author-handle": (c: Cast) => c.author.handle,
  "@community": (c: Cast) => c.community,
  "@story-slug": (c: Cast) => c.storySlug,
  "@tag": (c: Cast) => c.tag,
} as const;
type Ref = keyof typeof REFS;
const ref = (...names: Ref[]) => fc.constantFrom(...names);
/** The value with every "@name" (also inside records, arrays and tuples) replaced by the fixture's id. */
function real<T>(value: T, c: Cast): T {
  if (typeof value === "string") return (Object.hasOwn(REFS, value) ? REFS[value as Ref](c) : value) as T;
  if (Array.isArray(value)) return value.map((v) => real(v, c)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, real(v, c)])) as T;
  return value;
}

/** Text a field accepts (a prefix meets any minimum length) followed by hostile text: both ways in. */
const textWith = (prefix: string) => hostileString.map((s) => `${prefix}${s}`);
const plainWords = fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,60}$/);

/**
 * What postCommentAction and friends do: a record of form strings (NULs dropped, as formValues
 * does). A field listed in `plausible` holds a value the schema accepts, or now and then a hostile
 * string (one field in n+1, n the number of such fields: about a third of the records are
 * plausible throughout), so most cases get past the schema and the data layer sees the hostile
 * text in the other fields. Three records in four have every key; the rest leave keys out.
 */
const formOf = (keys: string[], plausible: Record<string, fc.Arbitrary<string>> = {}) => {
  const weight = Math.max(3, Object.keys(plausible).length);
  const fields = Object.fromEntries(
    keys.map((k) => [k, (plausible[k] ? fc.oneof({ weight, arbitrary: plausible[k] }, { weight: 1, arbitrary: hostileString }) : hostileString).map(storableText)]),
  );
  return fc.oneof({ weight: 3, arbitrary: fc.record(fields) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) });
};
/** URL search parameters as a page or route reads them: nothing stripped. */
const paramsOf = (keys: string[], plausible: Record<string, fc.Arbitrary<string>> = {}) =>
  fc.record(
    Object.fromEntries(keys.map((k) => [k, fc.oneof(...(plausible[k] ? [plausible[k]] : []), hostileString, fc.array(hostileString, { maxLength: 2 }))])),
    { requiredKeys: [] },
  );
/** An id from a URL or a bound argument: whatever the client sends, at most 64 characters as the actions allow. */
const anyId = hostileString.map((s) => s.slice(0, 64));
/** A real id or a hostile one. */
const idOr = (...names: Ref[]) => fc.oneof(ref(...names), anyId);

const futureIso = fc.integer({ min: -86_400_000, max: 400 * 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString().slice(0, 16));

type DbCase = {
  name: string;
  input: fc.Arbitrary<unknown>;
  call: (input: any, c: Cast) => Promise<unknown> | null;
  /** Removes what the path piled up, so the paths after it run against the same small world. */
  cleanUp?: (c: Cast) => Promise<unknown>;
  /**
   * A path that only reads: its cases must write nothing at all, refused or not, so the write log
   * is read once after all of them (a stronger check, and a database round trip fewer per case).
   */
  readOnly?: true;
};

const DB_CASES: DbCase[] = [
  {
    name: "postCommentAction: commentInputSchema → createComment",
    input: fc.tuple(
      formOf(["body", "parentId"], {
        body: fc.oneof(textWith("Comment: "), fc.constantFrom("spam!", "I like C++.", "(x) marks", "ÑANDÚ", "😀😀", "see https://a.example www.b.example https://c.example")),
        parentId: fc.oneof(ref("@comment"), fc.constant("")),
      }),
      // Staff skip the spam checks and limits, so most cases are theirs and reach the insert.
      fc.constantFrom("admin", "admin", "reader", "newcomer"),
    ),
    call: ([input, who]: [unknown, "admin" | "reader" | "newcomer"], c) => {
      const parsed = comment.commentInputSchema.safeParse(real(input, c));
      return parsed.success ? createComment(c[who], c.storyId, parsed.data) : null;
    },
  },
  {
    name: "editCommentAction: commentEditSchema → editComment (any comment id)",
    input: fc.tuple(formOf(["body"], { body: textWith("Edited: ") }), idOr("@comment", "@story")),
    call: ([input, id], c) => {
      const parsed = comment.commentEditSchema.safeParse(input);
      const commentId = real(id, c);
      return parsed.success && isId(commentId) ? editComment(c.admin, commentId, parsed.data) : null;
    },
  },
  {
    name: "createReportAction: reportInputSchema → createReport",
    input: formOf(["targetType", "targetId", "reason", "details"], {
      targetType: fc.constantFrom(...REPORT_TARGET_TYPES),
      targetId: idOr("@story", "@comment", "@author", "@admin", "@target", "@draft"),
      reason: fc.constantFrom(...REPORT_REASONS.map((r) => r.value)),
    }),
    call: (input, c) => {
      const parsed = report.reportInputSchema.safeParse(real(input, c));
      return parsed.success ? createReport(c.target, parsed.data) : null;
    },
  },
  {
    name: "saveStoryAction: storyInputSchema → createDraft",
    input: formOf(["title", "subtitle", "community", "body", "tags", "heroImageUrl", "heroImageAlt", "aiAssisted"], {
      title: textWith("A title "),
      subtitle: plainWords,
      community: fc.oneof(ref("@community"), plainWords),
      body: textWith("Once upon a time "),
      tags: fc.oneof(plainWords, fc.constant("")),
      heroImageUrl: fc.constantFrom("", "/uploads/x.webp", "https://example.com/a.jpg"),
      heroImageAlt: plainWords,
      aiAssisted: fc.constantFrom("on", "true", ""),
    }),
    call: (input, c) => {
      const parsed = story.storyInputSchema.safeParse({ community: c.community, ...real(input, c) });
      return parsed.success ? createDraft(c.drafter, parsed.data) : null;
    },
    // Thousands of drafts, under their own author: they would slow search and the public lookups.
    cleanUp: (c) => db.story.deleteMany({ where: { authorId: c.drafter.id } }),
  },
  {
    name: "saveStoryAction: storyInputSchema → updateStory (any version)",
    input: fc.tuple(
      formOf(["title", "subtitle", "body", "tags", "heroImageUrl", "heroImageAlt"], { title: textWith("A title "), body: textWith("Body "), tags: plainWords, heroImageUrl: fc.constant("") }),
      fc.oneof(hostileString, fc.integer({ min: 0, max: 5 }).map(String)),
    ),
    call: ([input, version], c) => {
      const parsed = story.storyInputSchema.safeParse({ community: c.community, ...input });
      return parsed.success ? updateStory(c.author, c.draft.id, parsed.data, { expectedVersion: story.storyVersionSchema.parse(version) }) : null;
    },
  },
  {
    name: "updateProfileAction: profileInputSchema → updateMyProfile",
    input: formOf(["name", "handle", "bio", "link-website", "link-bluesky", "link-github"], {
      name: textWith("Ann "),
      handle: fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{2,20}$/) }, { weight: 1, arbitrary: ref("@author-handle") }, { weight: 1, arbitrary: fc.constant("admin") }),
      bio: textWith("About me: "),
      "link-website": fc.constantFrom("", "https://example.com/me", "https://user:pw@example.com"),
      "link-bluesky": fc.constantFrom("", "https://bsky.app/profile/x"),
      "link-github": fc.constantFrom("", "https://github.com/x"),
    }),
    call: (input, c) => {
      const parsed = profile.profileInputSchema.safeParse(real(input, c));
      return parsed.success ? updateMyProfile(c.target, parsed.data) : null;
    },
  },
  {
    name: "createAppealAction: appealSchema → createAppeal (any action id)",
    input: fc.tuple(formOf(["text"], { text: textWith("Please look again: ") }), idOr("@action", "@story")),
    call: ([input, id], c) => {
      const parsed = moderation.appealSchema.safeParse(input);
      const actionId = idSchema.safeParse(real(id, c));
      return parsed.success && actionId.success ? createAppeal(c.author, actionId.data, parsed.data.text) : null;
    },
  },
  {
    name: "restrictUserAction: restrictFormSchema → restrictUser (any user id)",
    input: fc.tuple(
      formOf(["kind", "reason", "expiry", "expiresAtCustom"], {
        kind: fc.constantFrom(...RESTRICTION_KINDS),
        reason: textWith("Because "),
        expiry: fc.constantFrom(...EXPIRY_PRESETS.map((p) => p.value)),
        expiresAtCustom: futureIso,
      }),
      idOr("@target", "@admin", "@moderator"),
    ),
    call: ([input, id], c) => {
      const parsed = moderation.restrictFormSchema.safeParse(input);
      const userId = idSchema.safeParse(real(id, c));
      return parsed.success && userId.success ? restrictUser(c.admin, userId.data, parsed.data) : null;
    },
  },
  {
    name: "updateSiteSettingsAction: siteSettingsSchema → updateSiteSettings",
    input: formOf(["trustApprovedStories", "trustCleanDays", "blockedWords", "blockedEmailDomains", "uploadsPerHour", "uploadsPerDay", "reason"], {
      trustApprovedStories: fc.integer({ min: -1, max: 101 }).map(String),
      trustCleanDays: fc.integer({ min: -1, max: 4000 }).map(String),
      uploadsPerHour: fc.integer({ min: -1, max: 10_001 }).map(String),
      uploadsPerDay: fc.integer({ min: -1, max: 100_001 }).map(String),
      blockedWords: fc.oneof(plainWords, fc.constant("")),
      blockedEmailDomains: fc.constantFrom("", "spam.example", "@Spam.Example, junk.test", "not a domain"),
      reason: textWith("Why: "),
    }),
    call: (input, c) => {
      const parsed = settings.siteSettingsSchema.safeParse(input);
      if (!parsed.success) return null;
      const { reason, ...rest } = parsed.data;
      return updateSiteSettings(c.admin, rest, reason);
    },
  },
  {
    name: "GET /api/search: searchParamsSchema → searchStories",
    readOnly: true,
    input: paramsOf(["q", "community", "tag", "cursor"], { q: fc.oneof(plainWords, fc.constant("story")), community: ref("@community"), tag: ref("@tag") }),
    call: (input, c) => {
      const parsed = search.searchParamsSchema.safeParse(real(input, c));
      return parsed.success && parsed.data.q ? searchStories(parsed.data) : null;
    },
  },
  {
    name: "/admin/users: userListFilterSchema → listUsersForStaff",
    readOnly: true,
    input: paramsOf(["q", "role", "status", "cursor"], { q: plainWords, role: fc.constantFrom(...ROLES), status: fc.constantFrom("ACTIVE", "SUSPENDED"), cursor: ref("@author", "@target") }),
    call: (input, c) => listUsersForStaff(c.admin, moderation.userListFilterSchema.parse(real(input, c))),
  },
  {
    name: "/admin/log: auditLogFilterSchema → listAuditLog",
    readOnly: true,
    input: paramsOf(["action", "target", "actor", "subject", "cursor"], {
      action: fc.constantFrom(...moderation.AUDIT_ACTIONS),
      target: fc.constantFrom(...moderation.AUDIT_TARGETS),
      actor: ref("@author-handle"),
      subject: ref("@author-handle"),
      cursor: ref("@action"),
    }),
    call: (input, c) => listAuditLog(c.admin, moderation.auditLogFilterSchema.parse(real(input, c))),
  },
  {
    name: "/studio: studioFilterSchema → listMyStories",
    readOnly: true,
    input: paramsOf(["status", "q"], { status: fc.constantFrom(...(Object.keys(studio.STUDIO_STATUSES) as string[])), q: plainWords }),
    call: (input, c) => {
      const filter = studio.studioFilterSchema.parse(input);
      return listMyStories(c.author, { query: filter.q, status: filter.status && studio.STUDIO_STATUSES[filter.status].status });
    },
  },
  {
    // Public pages and feeds look these up straight from the URL's (decoded) segments.
    name: "public pages and feeds: lookups by community, story slug, handle, tag (any string)",
    readOnly: true,
    input: fc.tuple(fc.oneof(hostileString, ref("@community", "@author-handle", "@tag")), fc.oneof(hostileString, ref("@story-slug", "@author-handle"))),
    call: async (input, c) => {
      const [a, b] = real(input, c);
      await Promise.all([getPublishedStory(a, b), getCommunity(a), getTag(a), getCreatorProfile(a), findHandleRedirect(a), listTopCreators(a)]);
      await listPublishedStories({ communitySlug: a, authorHandle: b, tagSlug: a, cursor: b });
      await listFeedStories({ communitySlug: a });
    },
  },
  // Route handlers check ids with lib/validation/ids.ts first (404 / 400), as here.
  {
    name: "GET /api/stories/[id]/comments: getMyCommentsState (any id)",
    readOnly: true,
    input: idOr("@story", "@draft", "@comment"),
    call: (id, c) => (isId(real(id, c)) ? getMyCommentsState(c.author, real(id, c)) : null),
  },
  {
    name: "GET /api/viewer-state: getViewerState (any ids)",
    readOnly: true,
    input: fc.tuple(idOr("@story", "@draft"), idOr("@author", "@target")),
    call: (input, c) => {
      const [story, creator] = real(input, c);
      const ids = z.object({ story: optionalIdSchema, creator: optionalIdSchema }).safeParse({ story, creator });
      return ids.success ? getViewerState(c.author, { storyId: ids.data.story, creatorId: ids.data.creator }) : null;
    },
  },
];

/** Tables a refused call may still write: an attempt counts against a rate limit even when refused (the throttle working). */
const MAY_WRITE_WHEN_REFUSED = ["RateLimit"];

type Outcome = "schema" | "done" | "refused";

/**
 * One fuzz case: runs the call (null: the schema refused the input, so the action returns field
 * errors and nothing reaches the database). Throws — failing the property — if anything but an
 * AppError comes out (a 500), or if the call was refused but committed a write (a partial write).
 */
async function checkCase(run: () => Promise<unknown> | null, describeInput: () => string, { readOnly = false } = {}): Promise<Outcome> {
  try {
    const pending = run();
    if (!pending) return "schema";
    await pending;
    // Allowed writes: cleared, so the next case starts from an empty log. A read-only path's log
    // is checked once, after its last case.
    if (!readOnly) await takeWrites();
    return "done";
  } catch (error) {
    const written = (await takeWrites()).filter((t) => !MAY_WRITE_WHEN_REFUSED.includes(t));
    if (!isAppError(error)) throw new Error(`not an AppError: ${describeInput()} → ${error instanceof Error ? error.message.slice(-300) : String(error)}`, { cause: error });
    if (written.length) throw new Error(`refused with ${error.code} but wrote ${written.join(", ")}: ${describeInput()}`);
    return "refused";
  }
}

/** At least this share of each path's cases must get past the schema, or the path fuzzes only the schema. */
const MIN_REACHED = 0.2;

/**
 * The data-layer paths under fuzzing: part `part` of `of` (every `of`-th path from `part`), the
 * write log's canaries with part 0.
 */
export function describeDataLayerFuzz(part: number, of: number) {
describe(`the data layer behind the actions, under fuzzing (part ${part + 1} of ${of})`, () => {
  let tables: string[];
  beforeAll(async () => {
    await setUpCast();
    tables = await installWriteLog();
  });
  afterAll(closeWriteLog);

  if (part === 0) it("the write log covers every table, and catches what it must (canaries)", async () => {
    expect(tables.length).toBeGreaterThanOrEqual(20);
    expect(await tablesWithWriteLog()).toEqual(tables);
    const note = (message: string) => ({ userId: cast.target.id, kind: "REPLY" as const, message });
    const noted = (message: string) => db.notification.count({ where: { message } });

    // Writes, commits, then refuses: a partial write, and the check fails.
    const partial = async () => {
      await db.notification.create({ data: note("canary: committed") });
      throw new AppError("INVALID", "Refused after writing.");
    };
    await expect(checkCase(partial, () => "canary")).rejects.toThrow("refused with INVALID but wrote Notification");
    expect(await noted("canary: committed")).toBe(1);

    // The same write in a transaction that the refusal rolls back: nothing was written, and it passes.
    const rolledBack = () =>
      db.$transaction(async (tx) => {
        await tx.notification.create({ data: note("canary: rolled back") });
        throw new AppError("INVALID", "Refused inside the transaction.");
      });
    await expect(checkCase(rolledBack, () => "canary")).resolves.toBe("refused");
    expect(await noted("canary: rolled back")).toBe(0);

    // An update and a delete are writes too; an allowed write is not held against the next case.
    const updated = async () => {
      await db.notification.updateMany({ where: { message: "canary: committed" }, data: { readAt: new Date() } });
      throw new AppError("NOT_FOUND", "Refused after updating.");
    };
    await expect(checkCase(updated, () => "canary")).rejects.toThrow("refused with NOT_FOUND but wrote Notification");
    await expect(checkCase(() => db.notification.deleteMany({ where: { message: "canary: committed" } }), () => "canary")).resolves.toBe("done");
    await expect(checkCase(() => Promise.reject(new AppError("FORBIDDEN", "Refused, nothing written.")), () => "canary")).resolves.toBe("refused");
    // A TRUNCATE deletes rows without row triggers; its own trigger logs it.
    const truncated = async () => {
      await db.$executeRawUnsafe(`TRUNCATE "Notification"`);
      throw new AppError("INVALID", "Refused after truncating.");
    };
    await expect(checkCase(truncated, () => "canary")).rejects.toThrow("refused with INVALID but wrote Notification");
    await expect(checkCase(() => null, () => "canary")).resolves.toBe("schema");

    // The one allowance, and a 500.
    const throttled = async () => {
      await db.rateLimit.create({ data: { key: `canary-${Date.now()}`, windowStart: new Date(), count: 1 } });
      throw new AppError("RATE_LIMITED", "Throttled.");
    };
    await expect(checkCase(throttled, () => "canary")).resolves.toBe("refused");
    await expect(checkCase(() => Promise.reject(new TypeError("boom")), () => "canary")).rejects.toThrow("not an AppError: canary → boom");

    // A read-only path's cases leave the log alone, so the check after its last case sees a write.
    await expect(checkCase(() => db.notification.create({ data: note("canary: read-only") }), () => "canary", { readOnly: true })).resolves.toBe("done");
    expect(await takeWrites()).toEqual(["Notification"]);

    // And through fast-check, as the paths below run it.
    const property = fc.asyncProperty(fc.string(), async (s) => void (await checkCase(partial, () => s)));
    const failure = await fc.assert(property, { numRuns: 5 }).then(() => null, (error: Error) => error);
    expect(failure?.message).toContain("Property failed after 1 tests");
    expect(String((failure?.cause as Error | undefined)?.message)).toContain("refused with INVALID but wrote Notification");
  });

  for (const { name, input, call, cleanUp, readOnly } of DB_CASES.filter((_, i) => i % of === part)) {
    it(`${name}: only AppErrors, and nothing written when refused`, async () => {
      const tally: Record<Outcome, number> = { schema: 0, done: 0, refused: 0 };
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          tally[await checkCase(() => call(value, cast), () => JSON.stringify(value)?.slice(0, 200) ?? String(value), { readOnly })]++;
          const cases = tally.schema + tally.done + tally.refused;
          if (process.env.FUZZ_VERBOSE && cases % 2000 === 0) console.log(`${name}: ${cases} cases at ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }),
        { numRuns: DB_RUNS, endOnFailure: true },
      );
      if (readOnly) expect(await takeWrites(), "tables a read-only path wrote").toEqual([]);
      if (cleanUp) {
        await cleanUp(cast);
        await takeWrites(); // the clean-up's own writes are nobody's case
      }
      if (process.env.FUZZ_VERBOSE) console.log(`${name}: ${JSON.stringify(tally)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(tally.done + tally.refused, "cases that reached the data layer").toBeGreaterThanOrEqual(MIN_REACHED * DB_RUNS);
    });
  }
});
}
