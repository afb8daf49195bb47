-- AlterEnum
ALTER TYPE "RevisionKind" ADD VALUE 'SUBMIT';
