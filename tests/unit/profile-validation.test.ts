import { describe, expect, it } from "vitest";
import { handleSchema, profileInputSchema, readProfileLinks } from "@/lib/validation/profile";

describe("handleSchema", () => {
  it("accepts lower-case letters, digits and single hyphens, 3 to 30 characters, lower-casing what is typed", () => {
    expect(handleSchema.parse("maya-okafor")).toBe("maya-okafor");
    expect(handleSchema.parse(" Maya2 ")).toBe("maya2");
    expect(handleSchema.safeParse("a".repeat(30)).success).toBe(true);
  });

  it.each(["ab", "a".repeat(31), "maya_okafor", "maya okafor", "-maya", "maya-", "ma--ya", "mayá", "studio", "admin", "settings", "api"])("refuses %j", (handle) => {
    expect(handleSchema.safeParse(handle).success).toBe(false);
  });
});

describe("profile links", () => {
  const parse = (values: Record<string, string>) => profileInputSchema.safeParse({ name: "Pat", ...values });

  it("keeps https links in a fixed order and drops empty ones", () => {
    const result = parse({ "link-github": "https://github.com/pat", "link-website": "https://pat.example.org", "link-x": "  " });
    expect(result.success && result.data.links).toEqual([
      { kind: "website", url: "https://pat.example.org/" },
      { kind: "github", url: "https://github.com/pat" },
    ]);
  });

  it("accepts a network's www and mobile hosts", () => {
    expect(parse({ "link-x": "https://twitter.com/pat", "link-instagram": "https://www.instagram.com/pat", "link-linkedin": "https://www.linkedin.com/in/pat" }).success).toBe(true);
  });

  it.each([
    ["link-website", "http://pat.example.org"],
    ["link-website", "javascript:alert(1)"],
    ["link-website", "pat.example.org"],
    ["link-website", "https://user:pass@example.org"],
    ["link-github", "https://gitlab.com/pat"],
    ["link-instagram", "https://evil.example/instagram.com"],
  ])("refuses %s = %j with a message on that field", (field, url) => {
    const result = parse({ [field]: url });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([field]);
  });

  it("leaves links out (unchanged) when the form sends none", () => {
    expect(profileInputSchema.parse({ name: "Pat" }).links).toBeUndefined();
  });

  it("reads only known kinds with https URLs back from storage", () => {
    expect(readProfileLinks([{ kind: "github", url: "https://github.com/pat" }, { kind: "myspace", url: "https://myspace.com" }, { kind: "website", url: "javascript:alert(1)" }, null])).toEqual([{ kind: "github", url: "https://github.com/pat" }]);
    expect(readProfileLinks("nonsense")).toEqual([]);
  });
});
