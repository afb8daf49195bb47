import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { STORY_BODY_MAX, storyInputSchema, storyIntentSchema } from "@/lib/validation/story";
import { commentEditSchema, commentInputSchema } from "@/lib/validation/comment";
import { profileInputSchema } from "@/lib/validation/profile";
import { fieldErrorsOf } from "@/lib/validation/form";

const story = { title: "T", subtitle: "", community: "journal", body: "Hello" };

describe("storyInputSchema", () => {
  it("accepts a complete story and trims the title", () => {
    expect(storyInputSchema.parse({ ...story, title: "  Title  " }).title).toBe("Title");
  });

  it("names each bad field", () => {
    const result = storyInputSchema.safeParse({ title: "   ", community: "", body: "x".repeat(STORY_BODY_MAX + 1) });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors.title).toEqual(["Give your story a title"]);
    expect(errors.community).toEqual(["Choose a community"]);
    expect(errors.body?.[0]).toMatch(/at most 100,000 characters/);
  });

  it("rejects a 10 MB body", () => {
    expect(storyInputSchema.safeParse({ ...story, body: "a".repeat(10 * 1024 * 1024) }).success).toBe(false);
  });

  it("turns a comma list into at most five distinct tags", () => {
    expect(storyInputSchema.parse({ ...story, tags: " Poetry, poetry ,New  York,, " }).tags).toEqual([
      { slug: "poetry", name: "Poetry" },
      { slug: "new-york", name: "New York" },
    ]);
    expect(fieldErrorsOf(storyInputSchema.safeParse({ ...story, tags: "a,b,c,d,e,f" }).error!).tags).toEqual(["Use at most 5 tags"]);
    expect(fieldErrorsOf(storyInputSchema.safeParse({ ...story, tags: "日本" }).error!).tags?.[0]).toMatch(/letter or number/);
  });

  it("treats an unknown intent as a save", () => {
    expect(storyIntentSchema.parse("publish")).toBe("publish");
    expect(storyIntentSchema.parse("delete-everything")).toBe("save");
  });

  it("takes only same-site or https hero image URLs (a draft may lack the description until publishing)", () => {
    expect(storyInputSchema.parse({ ...story, heroImageUrl: "/media/a.webp", heroImageAlt: " " }).heroImageAlt).toBe("");
    expect(storyInputSchema.parse({ ...story, heroImageUrl: "/media/a.webp", heroImageAlt: "A lake" })).toMatchObject({ heroImageUrl: "/media/a.webp", heroImageAlt: "A lake" });
    expect(storyInputSchema.safeParse({ ...story, heroImageUrl: "javascript:alert(1)", heroImageAlt: "x" }).success).toBe(false);
    expect(storyInputSchema.safeParse({ ...story, heroImageUrl: "http://example.com/a.png", heroImageAlt: "x" }).success).toBe(false);
  });

  it("reads the AI disclosure from a checkbox or a boolean, off by default", () => {
    expect(storyInputSchema.parse(story).aiAssisted).toBe(false);
    expect(storyInputSchema.parse({ ...story, aiAssisted: "true" }).aiAssisted).toBe(true);
    expect(storyInputSchema.parse({ ...story, aiAssisted: "on" }).aiAssisted).toBe(true);
    expect(storyInputSchema.parse({ ...story, aiAssisted: "false" }).aiAssisted).toBe(false);
  });
});

describe("auth schemas", () => {
  it("lower-cases and trims emails", () => {
    expect(signUpSchema.parse({ name: "A", email: " Ada@Example.COM ", password: "12345678" }).email).toBe("ada@example.com");
  });

  it("requires a real email, a name and an 8-character password", () => {
    const result = signUpSchema.safeParse({ name: "", email: "not-an-email", password: "short" });
    const errors = fieldErrorsOf(result.error!);
    expect(Object.keys(errors).sort()).toEqual(["email", "name", "password"]);
  });

  it("sign-in needs both fields", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
  });
});

describe("comment and profile schemas", () => {
  it("rejects empty and over-long comments", () => {
    expect(commentInputSchema.safeParse({ body: "   " }).success).toBe(false);
    expect(commentInputSchema.safeParse({ body: "x".repeat(2001) }).success).toBe(false);
    expect(commentInputSchema.parse({ body: " ok " }).body).toBe("ok");
  });

  it("keeps a comment as PostgreSQL will store it: no NULs, a lone surrogate as U+FFFD", () => {
    expect(commentInputSchema.parse({ body: "a\u0000b\udfffc" }).body).toBe("ab\ufffdc");
    expect(commentInputSchema.parse({ body: "ok 🙂" }).body).toBe("ok 🙂");
  });

  it("treats an empty parentId as a top-level comment, and edits as text only", () => {
    expect(commentInputSchema.parse({ body: "ok", parentId: "" })).toEqual({ body: "ok" });
    expect(commentInputSchema.parse({ body: "ok", parentId: "c1" })).toEqual({ body: "ok", parentId: "c1" });
    expect(commentEditSchema.parse({ body: "ok", parentId: "c1" })).toEqual({ body: "ok" });
    expect(commentEditSchema.safeParse({ body: "x".repeat(2001) }).success).toBe(false);
  });

  it("limits the bio to 500 characters", () => {
    expect(profileInputSchema.safeParse({ name: "A", bio: "x".repeat(501) }).success).toBe(false);
    expect(profileInputSchema.parse({ name: "A" }).bio).toBe("");
  });
});
