-- CreateTable
CREATE TABLE "StoryRedirect" (
    "path" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryRedirect_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "StoryRedirect_storyId_idx" ON "StoryRedirect"("storyId");

-- AddForeignKey
ALTER TABLE "StoryRedirect" ADD CONSTRAINT "StoryRedirect_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;
