import { z } from "@/lib/zod";

/**
 * A record id (or slug) as it arrives from a URL or a bound action argument. Ids are cuids and
 * slugs are `[a-z0-9-]`, so anything else (a NUL, which PostgreSQL refuses with a database error,
 * or any other control character) cannot name a row: it is refused before the database sees it.
 */
export const idSchema = z.string().trim().min(1).max(64).regex(/^[\w-]+$/, "Unknown id");

/** Same, for an optional query parameter. */
export const optionalIdSchema = z.string().max(64).regex(/^[\w-]*$/, "Unknown id").optional();

/** True if `value` could be an id (see idSchema). */
export const isId = (value: unknown): value is string => idSchema.safeParse(value).success;

/**
 * True if `value` could be a slug or handle from a URL (`[a-z0-9-]`, up to 200 characters). Public
 * lookups answer "not found" for anything else without asking the database.
 */
export const isSlug = (value: unknown): value is string => typeof value === "string" && /^[\w-]{1,200}$/.test(value);
