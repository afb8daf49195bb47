// Property-based fuzzing (fast-check). Two layers:
// 1. Every zod schema exported from lib/validation/*.ts, with arbitrary input (any JSON-ish value,
//    and objects with the schema's own keys holding hostile strings: unicode, control characters,
//    NUL, lone surrogates, huge strings, wrong types): safeParse never throws, and a failure comes
//    with field errors or a form-level issue. Pure and fast: FUZZ_RUNS (default 10,000) each.
// 2. What the server actions do with that input: schema first, then the data-layer function behind
//    it, against the real database: nothing but an AppError is ever thrown (no 500), and a refused
//    call leaves every table as it was (no partial writes). FUZZ_DB_RUNS (default 300) each: 10,000
//    runs take about 2.5 minutes per path here, 40 minutes for all (docs/security.md).
import { describe, expect, it, beforeAll } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf, storableText } from "@/lib/validation/form";
import { idSchema, isId, optionalIdSchema } from "@/lib/validation/ids";
import * as auth from "@/lib/validation/auth";
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
import type { Viewer } from "@/lib/auth/permissions";
import { createComment, editComment } from "@/lib/data/comments";
import { createReport } from "@/lib/data/reports";
import { createDraft, listMyStories, updateStory } from "@/lib/data/stories";
import { updateMyProfile } from "@/lib/data/users";
import { createAppeal } from "@/lib/data/appeals";
import { restrictUser } from "@/lib/data/restrictions";
import { updateSiteSettings } from "@/lib/data/settings";
import { searchStories } from "@/lib/data/search";
import { listUsersForStaff } from "@/lib/data/admin-users";
import { listAuditLog } from "@/lib/data/audit-log";
import { getMyCommentsState } from "@/lib/data/comment-moderation";
import { getViewerState } from "@/lib/data/engagement";
import { getPublishedStory, listPublishedStories } from "@/lib/data/stories";
import { getCommunity } from "@/lib/data/communities";
import { getTag } from "@/lib/data/tags";
import { findHandleRedirect, getCreatorProfile } from "@/lib/data/users";
import { listTopCreators } from "@/lib/data/discovery";
import { isDeletedStoryUrl } from "@/lib/data/deleted-stories";
import { listFeedStories } from "@/lib/data/feeds";
import { changedTables, comment as makeComment, community, fingerprint, publishedStory, quickUser } from "./world";

const SCHEMA_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const DB_RUNS = Number(process.env.FUZZ_DB_RUNS ?? 300);

const modules = { auth, comment, ids, moderation, profile, report, review, search, settings, story, studio };
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

// ---- the data layer behind the actions ----

type Cast = { author: Viewer; admin: Viewer; moderator: Viewer; target: Viewer; community: string; storyId: string; draft: { id: string; version: number }; commentId: string; actionId: string };
let cast: Cast;

beforeAll(async () => {
  const [author, admin, moderator, target, c] = await Promise.all([quickUser(), quickUser({ role: "ADMIN" }), quickUser({ role: "MODERATOR" }), quickUser(), community()]);
  const storyId = (await publishedStory(author, c.slug)).id;
  const draft = await createDraft(author, { title: "Fuzz draft", subtitle: "", community: c.slug, body: "Body", tags: [], heroImageUrl: "", heroImageAlt: "", aiAssisted: false });
  const { id: commentId } = await makeComment(admin, storyId);
  const { actionId } = await restrictUser(moderator, author.id, { kind: "WARNING", reason: "For the fuzz appeal", expiresAt: null });
  cast = { author, admin, moderator, target, community: c.slug, storyId, draft, commentId, actionId };
});

/** What postCommentAction and friends do: a record of form strings (NULs dropped, as formValues does). */
const formOf = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, hostileString.map(storableText)])), { requiredKeys: [] });
/** URL search parameters as a page or route reads them: nothing stripped. */
const paramsOf = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(hostileString, fc.array(hostileString, { maxLength: 2 }))])), { requiredKeys: [] });
/** An id from a URL or a bound argument: whatever the client sends, at most 64 characters as the actions allow. */
const anyId = hostileString.map((s) => s.slice(0, 64));

type DbCase = { name: string; input: fc.Arbitrary<unknown>; call: (input: any, c: Cast) => Promise<unknown> | null };

const DB_CASES: DbCase[] = [
  {
    name: "postCommentAction: commentInputSchema → createComment",
    input: formOf(["body", "parentId"]),
    call: (input, c) => {
      const parsed = comment.commentInputSchema.safeParse(input);
      return parsed.success ? createComment(c.admin, c.storyId, parsed.data) : null;
    },
  },
  {
    name: "editCommentAction: commentEditSchema → editComment (any comment id)",
    input: fc.tuple(formOf(["body"]), fc.oneof(anyId, fc.constant("OWN"))),
    call: ([input, id], c) => {
      const parsed = comment.commentEditSchema.safeParse(input);
      const commentId = id === "OWN" ? c.commentId : id;
      return parsed.success && isId(commentId) ? editComment(c.admin, commentId, parsed.data) : null;
    },
  },
  {
    name: "createReportAction: reportInputSchema → createReport",
    input: formOf(["targetType", "targetId", "reason", "details"]),
    call: (input, c) => {
      const parsed = report.reportInputSchema.safeParse(input);
      return parsed.success ? createReport(c.target, parsed.data) : null;
    },
  },
  {
    name: "saveStoryAction: storyInputSchema → createDraft",
    input: formOf(["title", "subtitle", "community", "body", "tags", "heroImageUrl", "heroImageAlt", "aiAssisted"]),
    call: (input, c) => {
      const parsed = story.storyInputSchema.safeParse({ community: c.community, ...input });
      return parsed.success ? createDraft(c.author, parsed.data) : null;
    },
  },
  {
    name: "saveStoryAction: storyInputSchema → updateStory (any version)",
    input: fc.tuple(formOf(["title", "subtitle", "body", "tags", "heroImageUrl", "heroImageAlt"]), hostileString),
    call: ([input, version], c) => {
      const parsed = story.storyInputSchema.safeParse({ community: c.community, ...input });
      return parsed.success ? updateStory(c.author, c.draft.id, parsed.data, { expectedVersion: story.storyVersionSchema.parse(version) }) : null;
    },
  },
  {
    name: "updateProfileAction: profileInputSchema → updateMyProfile",
    input: formOf(["name", "handle", "bio", "link-website", "link-bluesky", "link-github"]),
    call: (input, c) => {
      const parsed = profile.profileInputSchema.safeParse(input);
      return parsed.success ? updateMyProfile(c.target, parsed.data) : null;
    },
  },
  {
    name: "createAppealAction: appealSchema → createAppeal (any action id)",
    input: fc.tuple(formOf(["text"]), fc.oneof(anyId, fc.constant("OWN"))),
    call: ([input, id], c) => {
      const parsed = moderation.appealSchema.safeParse(input);
      const actionId = idSchema.safeParse(id === "OWN" ? c.actionId : id);
      return parsed.success && actionId.success ? createAppeal(c.author, actionId.data, parsed.data.text) : null;
    },
  },
  {
    name: "restrictUserAction: restrictFormSchema → restrictUser (any user id)",
    input: fc.tuple(formOf(["kind", "reason", "expiry", "expiresAtCustom"]), fc.oneof(anyId, fc.constant("TARGET"))),
    call: ([input, id], c) => {
      const parsed = moderation.restrictFormSchema.safeParse(input);
      const userId = idSchema.safeParse(id === "TARGET" ? c.target.id : id);
      return parsed.success && userId.success ? restrictUser(c.admin, userId.data, parsed.data) : null;
    },
  },
  {
    name: "updateSiteSettingsAction: siteSettingsSchema → updateSiteSettings",
    input: formOf(["trustApprovedStories", "trustCleanDays", "blockedWords", "blockedEmailDomains", "reason"]),
    call: (input, c) => {
      const parsed = settings.siteSettingsSchema.safeParse(input);
      if (!parsed.success) return null;
      const { reason, ...rest } = parsed.data;
      return updateSiteSettings(c.admin, rest, reason);
    },
  },
  {
    name: "GET /api/search: searchParamsSchema → searchStories",
    input: paramsOf(["q", "community", "tag", "cursor"]),
    call: (input) => {
      const parsed = search.searchParamsSchema.safeParse(input);
      return parsed.success && parsed.data.q ? searchStories(parsed.data) : null;
    },
  },
  {
    name: "/admin/users: userListFilterSchema → listUsersForStaff",
    input: paramsOf(["q", "role", "status", "cursor"]),
    call: (input, c) => listUsersForStaff(c.admin, moderation.userListFilterSchema.parse(input)),
  },
  {
    name: "/admin/log: auditLogFilterSchema → listAuditLog",
    input: paramsOf(["action", "target", "actor", "subject", "cursor"]),
    call: (input, c) => listAuditLog(c.admin, moderation.auditLogFilterSchema.parse(input)),
  },
  {
    name: "/studio: studioFilterSchema → listMyStories",
    input: paramsOf(["status", "q"]),
    call: (input, c) => {
      const filter = studio.studioFilterSchema.parse(input);
      return listMyStories(c.author, { query: filter.q, status: filter.status && studio.STUDIO_STATUSES[filter.status].status });
    },
  },
  {
    // Public pages and feeds look these up straight from the URL's (decoded) segments.
    name: "public pages and feeds: lookups by community, story slug, handle, tag (any string)",
    input: fc.tuple(hostileString, hostileString),
    call: async ([a, b]) => {
      await Promise.all([getPublishedStory(a, b), getCommunity(a), getTag(a), getCreatorProfile(a), findHandleRedirect(a), listTopCreators(a), isDeletedStoryUrl(a, b)]);
      await listPublishedStories({ communitySlug: a, authorHandle: b, tagSlug: a, cursor: b });
      await listFeedStories({ communitySlug: a });
    },
  },
  // Route handlers check ids with lib/validation/ids.ts first (404 / 400), as here.
  { name: "GET /api/stories/[id]/comments: getMyCommentsState (any id)", input: anyId, call: (id, c) => (isId(id) ? getMyCommentsState(c.author, id) : null) },
  {
    name: "GET /api/viewer-state: getViewerState (any ids)",
    input: fc.tuple(anyId, anyId),
    call: ([story, creator], c) => {
      const ids = z.object({ story: optionalIdSchema, creator: optionalIdSchema }).safeParse({ story, creator });
      return ids.success ? getViewerState(c.author, { storyId: ids.data.story, creatorId: ids.data.creator }) : null;
    },
  },
];

describe("the data layer behind the actions, under fuzzing", () => {
  for (const { name, input, call } of DB_CASES) {
    it(`${name}: only AppErrors, and nothing written when refused`, async () => {
      const unexpected: string[] = [];
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const before = await fingerprint();
          try {
            const pending = call(value, cast);
            if (!pending) return; // the schema refused it: the action returns field errors
            await pending;
          } catch (error) {
            if (!isAppError(error)) {
              unexpected.push(`${JSON.stringify(value).slice(0, 200)} → ${error instanceof Error ? error.message.slice(-300) : String(error)}`);
              throw error;
            }
            expect(changedTables(before, await fingerprint()).filter((t) => t !== "RateLimit"), `refused with ${error.code} but wrote`).toEqual([]);
          }
        }),
        { numRuns: DB_RUNS, endOnFailure: true },
      );
      expect(unexpected).toEqual([]);
    });
  }
});
