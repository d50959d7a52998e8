-- AlterTable
ALTER TABLE "spans" ADD COLUMN     "graphHint" TEXT,
ADD COLUMN     "mcpServer" TEXT;

