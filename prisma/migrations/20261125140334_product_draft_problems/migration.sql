-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "draftProblems" JSONB;
