-- AlterTable
ALTER TABLE "User" ADD COLUMN     "followerCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "commentsEnabled" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Heart" (
    "userId" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Heart_pkey" PRIMARY KEY ("userId","storyId")
);

-- CreateTable
CREATE TABLE "Bookmark" (
    "userId" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bookmark_pkey" PRIMARY KEY ("userId","storyId")
);

-- CreateTable
CREATE TABLE "Follow" (
    "followerId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("followerId","creatorId")
);

-- CreateTable
CREATE TABLE "StoryRead" (
    "storyId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "readerKey" TEXT NOT NULL,

    CONSTRAINT "StoryRead_pkey" PRIMARY KEY ("storyId","day","readerKey")
);

-- CreateTable
CREATE TABLE "FeaturedStory" (
    "storyId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "featuredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeaturedStory_pkey" PRIMARY KEY ("storyId")
);

-- CreateIndex
CREATE INDEX "Heart_storyId_createdAt_idx" ON "Heart"("storyId", "createdAt");

-- CreateIndex
CREATE INDEX "Heart_createdAt_idx" ON "Heart"("createdAt");

-- CreateIndex
CREATE INDEX "Bookmark_userId_createdAt_idx" ON "Bookmark"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Follow_creatorId_idx" ON "Follow"("creatorId");

-- CreateIndex
CREATE INDEX "StoryRead_day_idx" ON "StoryRead"("day");

-- CreateIndex
CREATE INDEX "FeaturedStory_createdAt_idx" ON "FeaturedStory"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Story_status_heartCount_idx" ON "Story"("status", "heartCount" DESC);

-- AddForeignKey
ALTER TABLE "Heart" ADD CONSTRAINT "Heart_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Heart" ADD CONSTRAINT "Heart_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bookmark" ADD CONSTRAINT "Bookmark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bookmark" ADD CONSTRAINT "Bookmark_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_followerId_fkey" FOREIGN KEY ("followerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryRead" ADD CONSTRAINT "StoryRead_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeaturedStory" ADD CONSTRAINT "FeaturedStory_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeaturedStory" ADD CONSTRAINT "FeaturedStory_featuredById_fkey" FOREIGN KEY ("featuredById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over title (A), subtitle (B), tags and creator name (C) and body (D).
-- Maintained by lib/data/search.ts on every save (Prisma does not model this column).
ALTER TABLE "Story" ADD COLUMN "searchVector" tsvector;
CREATE INDEX "Story_searchVector_idx" ON "Story" USING GIN ("searchVector");

-- Trigram index on titles: "did you mean" suggestions for misspelled searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Story_title_trgm_idx" ON "Story" USING GIN ("title" gin_trgm_ops);
