import { describe, expect, it } from "vitest";
import { oldPathFromSegments, oldPathOf } from "@/lib/content/old-path";

describe("an imported story's old address", () => {
  it("keeps the path of a permalink, without the trailing slash", () => {
    expect(oldPathOf("https://old.example.com/2021/06/by-the-harbor/")).toBe("/2021/06/by-the-harbor");
    expect(oldPathOf("https://old.example.com/my-post")).toBe("/my-post");
    expect(oldPathOf("my-post")).toBe("/my-post");
    expect(oldPathOf("https://old.example.com/caf%C3%A9_2/")).toBeNull(); // é is not slug-like: never asked for as one
  });

  it("has none for the home page, a query permalink, or anything a slug can't be", () => {
    for (const url of ["", null, undefined, "https://old.example.com/", "https://old.example.com/?p=12", "/a b/", "/2019/post.html", "/%00", "/x/" + "y".repeat(121), "/1/2/3/4/5/6/7"]) {
      expect(oldPathOf(url), String(url)).toBeNull();
    }
  });

  it("reads a requested URL's segments the same way", () => {
    expect(oldPathFromSegments(["2019", "05", "03", "my-post"])).toBe("/2019/05/03/my-post");
    expect(oldPathFromSegments([])).toBeNull();
    expect(oldPathFromSegments(["a", "b\u0000"])).toBeNull();
  });
});
