import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo/site";

const privateAreas = ["/studio", "/settings", "/api", "/following", "/bookmarks"];

export default function robots(): MetadataRoute.Robots {
  return {
    // Rules match path prefixes: a bare "/studio" would also hide a community like /studio-life.
    rules: { userAgent: "*", allow: "/", disallow: privateAreas.flatMap((path) => [`${path}$`, `${path}/`]) },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
