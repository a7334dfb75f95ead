-- AlterEnum
ALTER TYPE "PlanStatus" ADD VALUE 'accepted';

-- AlterTable
ALTER TABLE "FactorySettings" ADD COLUMN     "planningLeaseHolder" TEXT,
ADD COLUMN     "planningLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "schedulerStopRequested" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "schedulerTimeLimitSeconds" INTEGER NOT NULL DEFAULT 10;
