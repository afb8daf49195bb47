-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailStoppedAt" TIMESTAMP(3),
ADD COLUMN     "emailStoppedReason" TEXT;
