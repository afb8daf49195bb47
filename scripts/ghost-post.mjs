// For the Ghost comparison in docs/performance.md (not part of the app): creates a fresh Ghost's
// owner account and publishes one post from an HTML file; prints the post's URL.
//   node scripts/ghost-post.mjs http://127.0.0.1:2368 story.html "Title"
import { readFileSync } from "node:fs";
const [base, file, title] = process.argv.slice(2);
const api = `${base}/ghost/api/admin`;
const headers = { "content-type": "application/json", origin: base, "accept-version": "v6.0" };
const owner = { name: "Bench Owner", email: "owner@example.com", password: "Quartz-Harbor-Lantern-8842!", blogTitle: "Ghost bench" };
let r = await fetch(`${api}/authentication/setup/`, { method: "POST", headers, body: JSON.stringify({ setup: [owner] }) });
console.error("setup", r.status, (await r.text()).slice(0, 200));
r = await fetch(`${api}/session/`, { method: "POST", headers, body: JSON.stringify({ username: owner.email, password: owner.password }) });
console.error("session", r.status);
const cookie = r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const html = readFileSync(file, "utf8");
r = await fetch(`${api}/posts/?source=html`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify({ posts: [{ title, html, status: "published" }] }) });
const body = await r.json();
console.error("post", r.status, JSON.stringify(body).slice(0, 200));
console.log(body.posts[0].url);
