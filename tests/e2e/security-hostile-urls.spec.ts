import { expect, test } from "./test";
import { signIn, staff } from "./helpers";

// Hostile path segments and query parameters (NUL, control characters, overlong, markup) must get
// an answer below 500 from every public and staff page and API: the fuzz tests' findings, end to end.
const hostile = ["%00", "a%00b", "%1b%5b31m", "%E2%80%AE", "%3Cscript%3E", "x".repeat(300), "%F0%9F%98%80", "..%2F..%2Fetc%2Fpasswd"];

test("hostile ids, slugs and queries never cause a server error", async ({ page, request }) => {
  test.setTimeout(180_000);
  const failures: string[] = [];
  const probe = async (get: (url: string) => Promise<{ status(): number }>, url: string) => {
    const status = (await get(url)).status();
    if (status >= 500) failures.push(`${url} → ${status}`);
  };
  for (const bad of hostile) {
    for (const url of [
      `/journal/${bad}`,
      `/${bad}/${bad}`,
      `/${bad}`,
      `/authors/${bad}`,
      `/authors/${bad}/feed.xml`,
      `/tags/${bad}`,
      `/tags/${bad}/feed.xml`,
      `/journal/feed.xml?x=${bad}`,
      `/search?q=${bad}`,
      `/api/search?q=${bad}`,
      `/api/search?q=river&community=${bad}&tag=${bad}&cursor=${bad}`,
      `/api/stories?cursor=${bad}&community=${bad}&author=${bad}&tag=${bad}`,
      `/api/stories/${bad}/comments`,
      `/api/viewer-state?story=${bad}&creator=${bad}`,
      `/media/${bad}`,
    ]) {
      await probe((u) => request.get(u), url);
    }
    await probe((u) => request.post(u), `/api/stories/${bad}/read`);
  }

  await signIn(page, staff.moderator);
  const staffGet = (u: string) => page.request.get(u);
  for (const bad of hostile) {
    for (const url of [
      `/admin/users?q=${bad}&role=${bad}&status=${bad}&cursor=${bad}`,
      `/admin/users/${bad}`,
      `/admin/log?action=${bad}&target=${bad}&actor=${bad}&subject=${bad}&cursor=${bad}`,
      `/admin/reports?cursor=${bad}`,
      `/admin/reviews/${bad}`,
      `/studio?q=${bad}&status=${bad}`,
      `/studio/stories/${bad}/edit`,
      `/studio/stories/${bad}/preview`,
      `/studio/stories/${bad}/revisions`,
      `/moderation/${bad}`,
      `/api/me/notifications?cursor=${bad}`,
      `/api/me/bookmarks?cursor=${bad}`,
      `/api/me/following?cursor=${bad}`,
    ]) {
      await probe(staffGet, url);
    }
  }
  expect(failures).toEqual([]);
});
