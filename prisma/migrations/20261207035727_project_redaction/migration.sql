-- AlterTable
ALTER TABLE "projects" ADD COLUMN "redaction" TEXT;

