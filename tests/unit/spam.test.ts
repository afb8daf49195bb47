import { describe, expect, it } from "vitest";
import { countLinks, findBlockedWord, isEmailDomainBlocked, parseList } from "@/lib/content/spam";

describe("countLinks", () => {
  it("counts bare URLs, www. addresses and Markdown links", () => {
    expect(countLinks("no links here")).toBe(0);
    expect(countLinks("see https://a.example and http://b.example/x?y=1")).toBe(2);
    expect(countLinks("[click](https://a.example) or www.b.example")).toBe(2);
    expect(countLinks("the same https://a.example twice https://a.example")).toBe(2);
  });

  it("sees through fullwidth letters and invisible characters", () => {
    expect(countLinks("ｈｔｔｐｓ://a.example")).toBe(1);
    expect(countLinks("http\u200Bs://a.example")).toBe(1);
  });
});

describe("findBlockedWord", () => {
  const words = ["casino", "free money"];

  it("finds whole words and phrases in any case", () => {
    expect(findBlockedWord("Best CASINO in town", words)).toBe("casino");
    expect(findBlockedWord("get Free Money now", words)).toBe("free money");
  });

  it("does not flag words that merely contain one", () => {
    expect(findBlockedWord("the casinos of old Monaco", words)).toBeNull();
    expect(findBlockedWord("occasion", ["casio"])).toBeNull();
  });

  it("is not fooled by look-alike or invisible characters", () => {
    expect(findBlockedWord("ｃａｓｉｎｏ night", words)).toBe("casino");
    expect(findBlockedWord("cas\u200Bino night", words)).toBe("casino");
    expect(findBlockedWord("cas\u00ADino", words)).toBe("casino");
  });

  it("treats regular-expression characters in entries literally", () => {
    expect(findBlockedWord("a+b", ["a+b"])).toBe("a+b");
    expect(findBlockedWord("aab", ["a+b"])).toBeNull();
  });

  it("ignores empty entries", () => {
    expect(findBlockedWord("anything", ["", "  "])).toBeNull();
  });
});

describe("isEmailDomainBlocked", () => {
  it("matches the domain and its subdomains, not look-alikes", () => {
    const blocked = ["spam.example", "@junk.test"];
    expect(isEmailDomainBlocked("a@spam.example", blocked)).toBe(true);
    expect(isEmailDomainBlocked("a@mail.spam.example", blocked)).toBe(true);
    expect(isEmailDomainBlocked("a@JUNK.test", blocked)).toBe(true);
    expect(isEmailDomainBlocked("a@notspam.example", blocked)).toBe(false);
    expect(isEmailDomainBlocked("a@example.com", blocked)).toBe(false);
  });
});

describe("parseList", () => {
  it("splits on lines and commas, trims and de-duplicates", () => {
    expect(parseList("a\n b ,c\n\na")).toEqual(["a", "b", "c"]);
  });
});

describe("countLinks counts every form a link can take", () => {
  it.each([
    ["protocol-relative links", "[a](//evil.example) and //evil.example/b", 2],
    ["autolinks", "<https://a.example> <http://b.example>", 2],
    ["reference-style links, once per use", "[one][r] [two][r] [r]\n\n[r]: //evil.example", 3],
    ["a reference definition alone shows nothing", "[r]: //evil.example", 0],
    ["emails and mailto", "a@b.example and [mail](mailto:c@d.example)", 2],
    ["www. inside a URL counts once", "https://www.a.example", 1],
  ])("%s", (_label, text, count) => {
    expect(countLinks(text)).toBe(count);
  });
});
