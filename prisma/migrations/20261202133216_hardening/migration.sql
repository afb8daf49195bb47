-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "uploadsPerDay" INTEGER NOT NULL DEFAULT 200,
ADD COLUMN     "uploadsPerHour" INTEGER NOT NULL DEFAULT 30;
