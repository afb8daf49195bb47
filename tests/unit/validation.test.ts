import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { STORY_BODY_MAX, storyInputSchema, storyIntentSchema } from "@/lib/validation/story";
import { commentInputSchema } from "@/lib/validation/comment";
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

  it("treats an unknown intent as a save", () => {
    expect(storyIntentSchema.parse("publish")).toBe("publish");
    expect(storyIntentSchema.parse("delete-everything")).toBe("save");
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

  it("limits the bio to 500 characters", () => {
    expect(profileInputSchema.safeParse({ name: "A", bio: "x".repeat(501) }).success).toBe(false);
    expect(profileInputSchema.parse({ name: "A" }).bio).toBe("");
  });
});
