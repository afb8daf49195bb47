import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "@/lib/porting/html-to-markdown";

describe("htmlToMarkdown (imports from Ghost, WordPress, Medium)", () => {
  it("writes Markdown as the editor does: # headings, fenced code, '-' and numbered lists, captions under images", () => {
    expect(htmlToMarkdown('<h2>Part one</h2><p>A <strong>bold</strong>, <em>soft</em> <a href="https://x.test/a">link</a> and <del>gone</del>.</p>')).toBe(
      "## Part one\n\nA **bold**, *soft* [link](https://x.test/a) and ~~gone~~.",
    );
    expect(htmlToMarkdown("<ul><li>One</li><li>Two<ul><li>Inner</li></ul></li></ul><ol start=\"3\"><li>Three</li><li>Four</li></ol>")).toBe("- One\n- Two\n  - Inner\n\n3. Three\n4. Four");
    expect(htmlToMarkdown('<pre><code class="language-js">const a = "&lt;b&gt;";\n</code></pre>')).toBe('```js\nconst a = "<b>";\n```');
    expect(htmlToMarkdown('<figure><img src="/content/images/a.png" alt="A cat"><figcaption>My cat</figcaption></figure><blockquote><p>Quoted</p></blockquote><hr>')).toBe(
      "![A cat](/content/images/a.png)\n\n*My cat*\n\n> Quoted\n\n---",
    );
  });

  it("drops what is not content: scripts, styles, frames, forms", () => {
    const markdown = htmlToMarkdown('<p>Keep</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil.test"></iframe><form><input value="x"><button>Go</button></form><noscript>js off</noscript>');
    expect(markdown).toBe("Keep");
  });
});
