-- CreateTable
CREATE TABLE "StoryPendingEdit" (
    "storyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL,
    "bodyMarkdown" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "heroImageUrl" TEXT,
    "heroImageAlt" TEXT,
    "aiAssisted" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL,
    "submitted" BOOLEAN NOT NULL DEFAULT false,
    "reviewReason" TEXT,
    "reviewNotes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoryPendingEdit_pkey" PRIMARY KEY ("storyId")
);

-- CreateIndex
CREATE INDEX "StoryPendingEdit_submitted_idx" ON "StoryPendingEdit"("submitted");

-- AddForeignKey
ALTER TABLE "StoryPendingEdit" ADD CONSTRAINT "StoryPendingEdit_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Staff decisions stick (lib/domain/story-status.ts, takeDown): a story a moderator unpublished is
-- now REMOVED, which its creator can't publish again. Stories still off the site after such a
-- decision (and not brought back by an overturned appeal) move to it.
UPDATE "Story" AS s SET "status" = 'REMOVED'
WHERE s."status" = 'UNPUBLISHED' AND EXISTS (
  SELECT 1 FROM "ModerationAction" a
  WHERE a."targetType" = 'STORY' AND a."targetId" = s."id" AND a."action" = 'STORY_UNPUBLISH'
    AND NOT EXISTS (SELECT 1 FROM "Appeal" ap WHERE ap."actionId" = a."id" AND ap."status" = 'OVERTURNED')
);

-- A live story is in the review queue exactly when its submittedAt is set (a submitted held
-- edit): approvals used to leave the original submission time behind.
UPDATE "Story" SET "submittedAt" = NULL WHERE "status" = 'PUBLISHED';
