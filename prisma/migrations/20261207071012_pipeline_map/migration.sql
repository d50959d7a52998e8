-- AlterTable
ALTER TABLE "spans" ADD COLUMN "graphHint" TEXT;
ALTER TABLE "spans" ADD COLUMN "mcpServer" TEXT;

