-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationActionKind" ADD VALUE 'COMMUNITY_CREATE';
ALTER TYPE "ModerationActionKind" ADD VALUE 'COMMUNITY_UPDATE';
ALTER TYPE "ModerationActionKind" ADD VALUE 'COMMUNITY_ARCHIVE';
ALTER TYPE "ModerationActionKind" ADD VALUE 'COMMUNITY_RESTORE';

-- AlterEnum
ALTER TYPE "ModerationTarget" ADD VALUE 'COMMUNITY';

-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "accentColor" TEXT,
ADD COLUMN     "allowAiAssisted" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "coverImageAlt" TEXT,
ADD COLUMN     "coverImageUrl" TEXT,
ADD COLUMN     "guidelines" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "CommunityRedirect" (
    "oldSlug" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityRedirect_pkey" PRIMARY KEY ("oldSlug")
);

-- CreateIndex
CREATE INDEX "CommunityRedirect_communityId_idx" ON "CommunityRedirect"("communityId");

-- AddForeignKey
ALTER TABLE "CommunityRedirect" ADD CONSTRAINT "CommunityRedirect_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
