import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LinkifiedText } from "@/components/linkified-text";

const render = (text: string) => renderToStaticMarkup(createElement(LinkifiedText, { text }));

describe("LinkifiedText (bios)", () => {
  it("links http(s) addresses, leaving sentence punctuation outside the link", () => {
    const html = render("Essays at https://example.com/essays. Also (https://example.org)!");
    expect(html).toContain('<a href="https://example.com/essays" rel="nofollow noopener ugc"');
    expect(html).toContain(">example.com/essays</a>.");
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain("</a>)!");
  });

  it("keeps everything else as text: markup is escaped and other schemes are not links", () => {
    const html = render('<script>alert(1)</script> javascript:alert(1) <a href="x">hi</a>');
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<a ");
    expect(html).toContain("&lt;script&gt;");
  });
});
