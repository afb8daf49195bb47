import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { ViewerProvider } from "@/components/viewer/viewer-provider";
import { RestrictionBanner } from "@/components/viewer/restriction-banner";
import { EmailConfirmationBanner } from "@/components/viewer/email-confirmation-banner";
import { siteUrl } from "@/lib/env";
import { siteLinks } from "@/components/site-links";
import { FeedLink } from "@/components/feed-link";
import "./globals.css";

export const metadata: Metadata = {
  // Makes canonical, feed and social links absolute, on the public origin.
  metadataBase: new URL(siteUrl()),
  title: { default: "Storyhouse", template: "%s · Storyhouse" },
  description: "Stories from creators, in communities you care about.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // public/theme.js sets data-theme on <html> before React hydrates: expected, not a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Blocking on purpose: the theme is set before the first paint, so a dark page never flashes light. */}
        <script src="/theme.js" />
      </head>
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-20 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <ViewerProvider>
          <SiteHeader />
          <RestrictionBanner />
          <EmailConfirmationBanner />
          <main id="main" className="flex-1">
            {children}
          </main>
        </ViewerProvider>
        <footer className="border-t border-stone-200 px-4 py-8 text-center text-sm text-stone-600">
          <nav aria-label="Footer" className="mb-3">
            <ul className="flex flex-wrap justify-center gap-x-5 gap-y-2">
              {[...siteLinks, { href: "/search", label: "Search" }].map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="font-medium text-stone-700 hover:text-ink">
                    {link.label}
                  </Link>
                </li>
              ))}
              <li>
                <FeedLink href="/feed.xml" label="RSS feed of the latest stories" />
              </li>
            </ul>
          </nav>
          <Link href="/" className="font-serif font-semibold text-stone-700">
            Storyhouse
          </Link>{" "}
          · open-source stories, self-hosted.
        </footer>
      </body>
    </html>
  );
}
