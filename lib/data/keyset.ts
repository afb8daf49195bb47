import "server-only";

/**
 * Keyset pagination for lists sorted by `keys` (all in one direction, the last key unique, like
 * the id): the rows that come after `cursorRow`. Written as `k1 <= v1 AND (k1 < v1 OR (k1 = v1 AND
 * k2 < v2) OR ...)` (or >= and > for ascending lists), which the planner answers with a range scan
 * of the list's index. (Prisma's own `cursor` option compares through sub-selects that make
 * PostgreSQL scan the whole table.)
 */
export function afterKeyset<K extends string>(keys: readonly K[], cursorRow: Record<K, unknown>, direction: "asc" | "desc" = "desc") {
  const [first] = keys;
  const [beyond, beyondOrEqual] = direction === "desc" ? (["lt", "lte"] as const) : (["gt", "gte"] as const);
  const OR = keys.map((key, i) => ({
    ...Object.fromEntries(keys.slice(0, i).map((k) => [k, cursorRow[k]])),
    [key]: { [beyond]: cursorRow[key] },
  }));
  return { [first]: { [beyondOrEqual]: cursorRow[first] }, OR } as Record<string, unknown>;
}
