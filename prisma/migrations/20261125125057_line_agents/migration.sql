-- CreateEnum
CREATE TYPE "LineCommandKind" AS ENUM ('start', 'pause', 'resume', 'abort', 'resync');

-- CreateEnum
CREATE TYPE "LineCommandStatus" AS ENUM ('sent', 'accepted', 'rejected', 'done', 'timed_out');

-- AlterTable
ALTER TABLE "Line" ADD COLUMN     "agentFeatures" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "agentTimeScale" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "connectedAt" TIMESTAMP(3),
ADD COLUMN     "lastEventAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ProductionJob" ADD COLUMN     "interruptCause" TEXT,
ADD COLUMN     "interruptedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LineCommand" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "kind" "LineCommandKind" NOT NULL,
    "jobId" TEXT,
    "status" "LineCommandStatus" NOT NULL DEFAULT 'sent',
    "reason" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "LineCommand_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LineCommand_lineId_createdAt_idx" ON "LineCommand"("lineId", "createdAt");

-- AddForeignKey
ALTER TABLE "LineCommand" ADD CONSTRAINT "LineCommand_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineCommand" ADD CONSTRAINT "LineCommand_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
