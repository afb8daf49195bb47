import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import sharp from "sharp";
import Parser from "rss-parser";
import { db } from "@/lib/db";
import { DEFAULT_BRANDING, getBrandingForEditing, getSiteBranding, updateBranding } from "@/lib/data/branding";
import { uploadImage } from "@/lib/data/media";
import { cachedRssFeed } from "@/lib/cache/feeds";
import { parseBranding, type BrandingInput } from "@/lib/validation/branding";
import { makeUser } from "../helpers/factories";

// Outside Next, cacheLife and cacheTag have no cache to talk to: reads go to the database each call.
vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: () => {} }));

process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "storyhouse-branding-"));

// One database per file, and these tests change one row: they run one after another.
const input = (overrides: Partial<BrandingInput> = {}): BrandingInput => ({
  siteName: "Riverside Stories",
  siteDescription: "Writing from the river towns.",
  logoUrl: "",
  faviconUrl: "",
  accentColor: "#1d4ed8",
  footerText: "A reading room by the water.",
  navLinks: [{ label: "About", href: "/about" }],
  reason: "New name for the launch",
  ...overrides,
});

const png = () =>
  sharp({ create: { width: 400, height: 400, channels: 4, background: { r: 20, g: 60, b: 200, alpha: 1 } } })
    .png()
    .toBuffer()
    .then((b) => new Uint8Array(b));

describe("site branding", () => {
  it("reads the built-in name and words before anyone saved any", async () => {
    await db.siteSettings.deleteMany();
    expect(await getSiteBranding()).toEqual(DEFAULT_BRANDING);
  });

  it("an admin saves it; the change and the reason go in the audit log", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const logo = await uploadImage(admin, await png());
    await updateBranding(admin, input({ logoUrl: logo.url, faviconUrl: logo.url }));
    expect(await getSiteBranding()).toEqual({
      siteName: "Riverside Stories",
      siteDescription: "Writing from the river towns.",
      logoUrl: logo.url,
      faviconUrl: logo.url,
      accentColor: "#1d4ed8",
      footerText: "A reading room by the water.",
      navLinks: [{ label: "About", href: "/about" }],
    });
    expect(await getBrandingForEditing(admin)).toMatchObject({ siteName: "Riverside Stories" });
    const entry = await db.moderationAction.findFirstOrThrow({ where: { actorId: admin.id, action: "SETTINGS_CHANGE" }, orderBy: { createdAt: "desc" } });
    expect(entry).toMatchObject({ targetType: "SETTINGS", targetId: "branding", reason: "New name for the launch" });
    expect(entry.details).toMatchObject({ siteName: { from: expect.any(String), to: "Riverside Stories" }, accentColor: { to: "#1d4ed8" } });
    // Saving the branding leaves the moderation settings in the same row alone.
    expect(await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ trustApprovedStories: 3, uploadsPerHour: 30 });
  });

  it("moderators, readers and visitors may neither read it for editing nor save it", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    await updateBranding(admin, input({ siteName: "Before" }));
    for (const viewer of [await makeUser({ role: "MODERATOR" }), await makeUser()]) {
      await expect(updateBranding(viewer, input({ siteName: "Taken over" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getBrandingForEditing(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(updateBranding(null, input({ siteName: "Taken over" }))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await getSiteBranding()).siteName).toBe("Before");
  });

  it("refuses a logo or icon that isn't an upload on this site", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    await expect(updateBranding(admin, input({ logoUrl: "/media/0123456789abcdef0123456789abcdef-320.webp" }))).rejects.toMatchObject({ code: "INVALID", fieldErrors: { logoUrl: ["Upload the image again"] } });
  });

  it("titles and describes the site feed with the saved name and description", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    await updateBranding(admin, input({ siteName: "Feed Town", siteDescription: "Every story from Feed Town." }));
    const feed = await new Parser().parseString((await cachedRssFeed({ kind: "site" }))!);
    expect(feed).toMatchObject({ title: "Feed Town", description: "Every story from Feed Town." });
  });
});

describe("the Branding form's validation", () => {
  const form = (values: Record<string, string>) =>
    parseBranding({ siteName: "Riverside", siteDescription: "Writing from the river towns.", logoUrl: "", faviconUrl: "", accentColor: "", footerText: "", reason: "Because", ...values });
  const errorsOf = (values: Record<string, string>) => {
    const parsed = form(values);
    return parsed.success ? {} : "fieldErrors" in parsed ? parsed.fieldErrors : {};
  };

  it("refuses an accent colour that fails WCAG AA against white, saying why", () => {
    expect(errorsOf({ accentColor: "#f59e0b" }).accentColor?.[0]).toMatch(/^#f59e0b is too light: against white its contrast is 2\.\d\d:1, and links and buttons need at least 4\.5:1/);
    expect(errorsOf({ accentColor: "#1D4ED8" }).accentColor).toBeUndefined();
    expect(errorsOf({ accentColor: "blue" }).accentColor).toEqual(["Use a colour like #c2410c"]);
    // #767676 is the lightest grey that passes (4.54:1); #777777 fails (4.48:1).
    expect(errorsOf({ accentColor: "#767676" }).accentColor).toBeUndefined();
    expect(errorsOf({ accentColor: "#777777" }).accentColor).toHaveLength(1);
  });

  it("takes links as rows, drops empty ones, and puts each error by its row's input", () => {
    const parsed = form({ "nav-0-label": "About", "nav-0-href": "/about", "nav-1-label": "", "nav-1-href": "", "nav-2-label": "Shop", "nav-2-href": "https://shop.example.com/" });
    expect(parsed.success && parsed.data.navLinks).toEqual([{ label: "About", href: "/about" }, { label: "Shop", href: "https://shop.example.com/" }]);
    expect(errorsOf({ "nav-0-label": "Evil", "nav-0-href": "javascript:alert(1)", "nav-1-label": "", "nav-1-href": "//evil.example" })).toEqual({
      "nav-0-href": ["Use a path on this site like /about, or a full address like https://example.com"],
      "nav-1-label": ["Give the link a label"],
      "nav-1-href": ["Use a path on this site like /about, or a full address like https://example.com"],
    });
  });

  it("allows at most 8 links", () => {
    const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [[`nav-${i}-label`, `Link ${i}`], [`nav-${i}-href`, `/page-${i}`]]).flat());
    expect(errorsOf(nine).navLinks).toEqual(["At most 8 links"]);
  });

  it("refuses a logo URL that isn't an upload's", () => {
    expect(errorsOf({ logoUrl: "https://tracker.example/pixel.gif" }).logoUrl).toEqual(["Upload the logo again"]);
  });
});
