-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationActionKind" ADD VALUE 'EMAIL_CHANGE';
ALTER TYPE "ModerationActionKind" ADD VALUE 'EMAIL_STOP_CLEAR';
ALTER TYPE "ModerationActionKind" ADD VALUE 'ACCOUNT_DELETION_REQUEST';
ALTER TYPE "ModerationActionKind" ADD VALUE 'ACCOUNT_DELETION_CANCEL';
ALTER TYPE "ModerationActionKind" ADD VALUE 'ACCOUNT_DELETE';

-- AlterEnum
ALTER TYPE "AuthTokenKind" ADD VALUE 'CHANGE_EMAIL';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletionDueAt" TIMESTAMP(3),
ADD COLUMN     "deletionKeepStories" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deletionRequestedAt" TIMESTAMP(3),
ADD COLUMN     "pendingEmail" TEXT;

-- AlterTable
ALTER TABLE "AuthToken" ADD COLUMN     "email" TEXT;
