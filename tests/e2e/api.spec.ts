import { expect, test } from "./test";
import { insertPublishedStories, sameSite, signUp } from "./helpers";

test("the comment API posts as the signed-in user and refuses everyone else", async ({ page, playwright }) => {
  const account = await signUp(page, "Api Writer", { land: false });
  const [{ id: storyId, url }] = await insertPublishedStories(account.email, [`API story ${Date.now()}`]);

  const posted = await page.request.post(`/api/stories/${storyId}/comments`, { data: { body: "Posted through the *API*." }, headers: sameSite });
  expect(posted.status()).toBe(201);
  // The route refreshes the thread stale-while-revalidate: the next load may still be the cached
  // page (while a fresh one renders); a load after it shows the comment.
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByRole("region", { name: /^Comments/ })).toContainText("Posted through the API.", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  const invalid = await page.request.post(`/api/stories/${storyId}/comments`, { data: { body: "" }, headers: sameSite });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).fieldErrors.body).toBeTruthy();

  const formEncoded = await page.request.post(`/api/stories/${storyId}/comments`, { form: { body: "sneaky" }, headers: sameSite });
  expect(formEncoded.status()).toBe(422);

  const anonymous = await playwright.request.newContext({ baseURL: new URL(url).origin });
  const refused = await anonymous.post(`/api/stories/${storyId}/comments`, { data: { body: "Who am I?" }, headers: sameSite });
  expect(refused.status()).toBe(401);
  const missing = await page.request.post(`/api/stories/no-such-story/comments`, { data: { body: "Hello" }, headers: sameSite });
  expect(missing.status()).toBe(404);
});

test("the reader's own lists page on by cursor and refuse signed-out visitors", async ({ page, playwright }) => {
  await signUp(page, "List Reader");
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  for (const path of ["/api/me/bookmarks", "/api/me/following"]) {
    expect((await anonymous.get(path)).status()).toBe(401);
    const mine = await page.request.get(path);
    expect(mine.status()).toBe(200);
    expect(await mine.json()).toEqual({ items: [], nextCursor: null });
  }
});

