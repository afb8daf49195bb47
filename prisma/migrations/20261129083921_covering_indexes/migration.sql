-- DropIndex
DROP INDEX "Comment_createdAt_idx";

-- DropIndex
DROP INDEX "Heart_createdAt_idx";

-- CreateIndex
CREATE INDEX "Story_communityId_status_authorId_heartCount_idx" ON "Story"("communityId", "status", "authorId", "heartCount");

-- CreateIndex
CREATE INDEX "Comment_createdAt_storyId_status_idx" ON "Comment"("createdAt", "storyId", "status");

-- CreateIndex
CREATE INDEX "Heart_createdAt_storyId_idx" ON "Heart"("createdAt", "storyId");
