-- CreateEnum
CREATE TYPE "ChallengePlacement" AS ENUM ('WINNER', 'RUNNER_UP');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationActionKind" ADD VALUE 'CHALLENGE_CREATE';
ALTER TYPE "ModerationActionKind" ADD VALUE 'CHALLENGE_UPDATE';
ALTER TYPE "ModerationActionKind" ADD VALUE 'CHALLENGE_SCORE';
ALTER TYPE "ModerationActionKind" ADD VALUE 'CHALLENGE_SHORTLIST';
ALTER TYPE "ModerationActionKind" ADD VALUE 'CHALLENGE_ANNOUNCE';

-- AlterEnum
ALTER TYPE "ModerationTarget" ADD VALUE 'CHALLENGE';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'CHALLENGE_RESULT';

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "promptMarkdown" TEXT NOT NULL,
    "promptHtml" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "minWords" INTEGER NOT NULL DEFAULT 0,
    "maxWords" INTEGER NOT NULL DEFAULT 0,
    "entriesPerCreator" INTEGER NOT NULL DEFAULT 1,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "criteria" TEXT[],
    "prizes" JSONB NOT NULL DEFAULT '[]',
    "announcedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeJudge" (
    "challengeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ChallengeJudge_pkey" PRIMARY KEY ("challengeId","userId")
);

-- CreateTable
CREATE TABLE "ChallengeEntry" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "shortlisted" BOOLEAN NOT NULL DEFAULT false,
    "placement" "ChallengePlacement",
    "judgesNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ChallengeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeScore" (
    "entryId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "scores" INTEGER[],
    "note" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChallengeScore_pkey" PRIMARY KEY ("entryId","judgeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Challenge_slug_key" ON "Challenge"("slug");

-- CreateIndex
CREATE INDEX "Challenge_closesAt_idx" ON "Challenge"("closesAt");

-- CreateIndex
CREATE INDEX "ChallengeJudge_userId_idx" ON "ChallengeJudge"("userId");

-- CreateIndex
CREATE INDEX "ChallengeEntry_challengeId_authorId_idx" ON "ChallengeEntry"("challengeId", "authorId");

-- CreateIndex
CREATE INDEX "ChallengeEntry_storyId_idx" ON "ChallengeEntry"("storyId");

-- CreateIndex
CREATE INDEX "ChallengeEntry_authorId_placement_idx" ON "ChallengeEntry"("authorId", "placement");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeEntry_challengeId_storyId_key" ON "ChallengeEntry"("challengeId", "storyId");

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeJudge" ADD CONSTRAINT "ChallengeJudge_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeJudge" ADD CONSTRAINT "ChallengeJudge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeEntry" ADD CONSTRAINT "ChallengeEntry_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeEntry" ADD CONSTRAINT "ChallengeEntry_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeEntry" ADD CONSTRAINT "ChallengeEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeScore" ADD CONSTRAINT "ChallengeScore_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ChallengeEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
