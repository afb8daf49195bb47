-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "site" BOOLEAN NOT NULL DEFAULT false;
