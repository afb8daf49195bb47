import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { ViewerProvider } from "@/components/viewer/viewer-provider";
import { RestrictionBanner } from "@/components/viewer/restriction-banner";
import { EmailConfirmationBanner } from "@/components/viewer/email-confirmation-banner";
import { siteUrl } from "@/lib/env";
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
    <html lang="en">
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
        <footer className="border-t border-stone-200 py-8 text-center text-sm text-stone-500">
          <Link href="/" className="font-serif font-semibold text-stone-700">
            Storyhouse
          </Link>{" "}
          · open-source stories, self-hosted.
        </footer>
      </body>
    </html>
  );
}
