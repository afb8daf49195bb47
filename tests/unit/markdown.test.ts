import { beforeAll, describe, expect, it } from "vitest";
import { countWords, readingMinutes, renderComment, renderStory } from "@/lib/content/markdown";

// Rendering runs in worker threads; the first one loads the Markdown toolchain, which on a busy
// machine takes longer than a test's default time.
beforeAll(async () => void (await renderComment("warm up")), 60_000);

describe("renderStory", () => {
  it("renders sections as h2 with stable ids, and demotes a body h1 (the title is the page's h1)", async () => {
    const { html } = await renderStory("# Big\n\n## The first part\n\nText.\n\n### Detail\n\nMore.");
    expect(html).toContain('<h2 id="big">Big</h2>');
    expect(html).toContain('<h2 id="the-first-part">The first part</h2>');
    expect(html).toContain('<h3 id="detail">Detail</h3>');
    expect(html).not.toContain("<h1");
  });

  it("keeps links, lists, quotes, emphasis and GFM tables", async () => {
    const { html } = await renderStory("**bold** *it* [site](https://example.org)\n\n- a\n- b\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener noreferrer">site</a>');
    expect(html).toMatch(/<ul>\s*<li>a<\/li>/);
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<table>");
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["an inline event handler", '<img src="x" onerror="alert(1)">'],
    ["a javascript: link", "[click me](javascript:alert(1))"],
    ["an encoded javascript: link", "[click me](jav&#x61;script:alert(1))"],
    ["a data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["an svg with onload", '<svg onload="alert(1)"></svg>'],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a style tag", "<style>body{display:none}</style>"],
    ["a user-supplied id that could clobber globals", '<a id="__next" name="x">x</a>'],
  ])("strips %s", async (_label, source) => {
    const { html } = await renderStory(`Before\n\n${source}\n\nAfter`);
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|data:image|<iframe|<style|<svg|id="__next"/i);
    expect(html).toContain("<p>Before</p>");
    expect(html).toContain("<p>After</p>");
  });

  it("counts words and reading time from the rendered text, not the markup", async () => {
    const body = `## Heading\n\n${"word ".repeat(476)}`;
    const rendered = await renderStory(body);
    expect(rendered.wordCount).toBe(477);
    expect(rendered.readingMinutes).toBe(2);
  });
});

describe("renderComment", () => {
  it("allows links and emphasis but no headings, images or scripts", async () => {
    const html = await renderComment("# Shout\n\n*nice* [link](https://example.org) ![img](https://example.org/x.png) <script>x</script>");
    expect(html).not.toMatch(/<h1|<img|<script/);
    expect(html).toContain("<em>nice</em>");
    expect(html).toContain('href="https://example.org"');
  });
});

describe("reading time", () => {
  it("is at least one minute and rounds at 238 words a minute", async () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(238)).toBe(1);
    expect(readingMinutes(238 * 7)).toBe(7);
  });

  it("counts words in any script, with apostrophes and hyphens inside words", async () => {
    expect(countWords("It's a well-known café — naïve résumé 42")).toBe(7);
    expect(countWords("")).toBe(0);
  });
});

describe("link cards", () => {
  it("turns a paragraph that is only a URL into a card with the site's name", async () => {
    const { html } = await renderStory("Before\n\n[https://www.example.com/a/b](https://www.example.com/a/b)\n\nA [link](https://example.com) in text stays a link.");
    expect(html).toContain('<p class="link-card"><a href="https://www.example.com/a/b"');
    expect(html).toContain('<span class="link-card-host">example.com</span><span class="link-card-url">https://www.example.com/a/b</span>');
    expect(html).toMatch(/<p>A <a href="https:\/\/example.com"[^>]*>link<\/a> in text stays a link.<\/p>/);
  });

  it("leaves a lone link with other text, or a non-web URL, as it is", async () => {
    expect((await renderStory("[Read this](https://example.com)")).html).not.toContain("link-card");
    expect((await renderStory("[mailto:a@b.c](mailto:a@b.c)")).html).not.toContain("link-card");
  });
});

describe("links from readers and writers", () => {
  it.each([
    ["a protocol-relative link", "[x](//evil.example)"],
    ["a bare protocol-relative address in an autolink", "<https://evil.example>"],
    ["a relative link", "[x](/somewhere)"],
    ["a reference-style link", "[x][r]\n\n[r]: //evil.example"],
    ["a www. address", "see www.evil.example now"],
  ])("every link carries nofollow ugc: %s", async (_label, source) => {
    for (const html of [(await renderStory(source)).html, await renderComment(source)]) {
      const anchors = html.match(/<a [^>]*>/g) ?? [];
      expect(anchors.length).toBeGreaterThan(0);
      for (const a of anchors) expect(a).toContain('rel="nofollow ugc noopener noreferrer"');
    }
  });

  it("a bare link that URL can't parse stays a plain link instead of failing the save", async () => {
    // `new URL` throws on these; the link card step used to throw with them, failing the save.
    for (const href of ["http://[oops", "https://exa mple.com", "http://%zz", "https://a:b:c@/"]) {
      const { html } = await renderStory(`[${href}](${href})`);
      expect(html).not.toContain("link-card");
    }
    expect((await renderStory("https://[::1")).html).toContain("<p>");
  });
});
