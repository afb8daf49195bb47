import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { SiteFooter } from "@/components/site-footer";
import { AccentStyle } from "@/components/accent-style";
import { cachedBranding } from "@/lib/cache/public";
import { ViewerProvider } from "@/components/viewer/viewer-provider";
import { RestrictionBanner } from "@/components/viewer/restriction-banner";
import { EmailConfirmationBanner } from "@/components/viewer/email-confirmation-banner";
import { siteUrl } from "@/lib/env";
import { smallestVariantUrl } from "@/lib/media/widths";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { siteName, siteDescription, faviconUrl } = await cachedBranding();
  return {
    // Makes canonical, feed and social links absolute, on the public origin.
    metadataBase: new URL(siteUrl()),
    title: { default: siteName, template: `%s · ${siteName}` },
    description: siteDescription,
    // The icon uploaded in the site settings (a square WebP), or the built-in one in public/.
    icons: faviconUrl
      ? { icon: [{ url: smallestVariantUrl(faviconUrl), type: "image/webp" }], apple: [{ url: smallestVariantUrl(faviconUrl) }] }
      : { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: [{ url: "/apple-icon.png", sizes: "180x180" }] },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const branding = await cachedBranding();
  return (
    // public/theme.js sets data-theme on <html> before React hydrates: expected, not a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Blocking on purpose: the theme is set before the first paint, so a dark page never flashes light. */}
        <script src="/theme.js" />
        <AccentStyle colour={branding.accentColor} />
      </head>
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-20 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <ViewerProvider>
          <SiteHeader branding={branding} />
          <RestrictionBanner />
          <EmailConfirmationBanner />
          <main id="main" className="flex-1">
            {children}
          </main>
        </ViewerProvider>
        <SiteFooter branding={branding} />
      </body>
    </html>
  );
}
