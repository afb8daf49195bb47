-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "accentColor" TEXT,
ADD COLUMN     "faviconUrl" TEXT,
ADD COLUMN     "footerText" TEXT NOT NULL DEFAULT 'open-source stories, self-hosted.',
ADD COLUMN     "logoUrl" TEXT,
ADD COLUMN     "navLinks" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "siteDescription" TEXT NOT NULL DEFAULT 'Stories from creators, in communities you care about.',
ADD COLUMN     "siteName" TEXT NOT NULL DEFAULT 'Storyhouse';
