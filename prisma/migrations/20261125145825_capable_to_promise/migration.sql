-- CreateEnum
CREATE TYPE "PromiseMode" AS ENUM ('capable_to_promise', 'fixed_lead_time');

-- CreateEnum
CREATE TYPE "RevisedDatePolicy" AS ENUM ('planner_confirms', 'automatic');

-- CreateEnum
CREATE TYPE "QuoteReservationStatus" AS ENUM ('held', 'consumed', 'released');

-- AlterTable
ALTER TABLE "FactorySettings" ADD COLUMN     "dispatchCutoffMinute" INTEGER NOT NULL DEFAULT 900,
ADD COLUMN     "fixedLeadTimeDays" INTEGER NOT NULL DEFAULT 21,
ADD COLUMN     "promiseConfidence" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
ADD COLUMN     "promiseMode" "PromiseMode" NOT NULL DEFAULT 'capable_to_promise',
ADD COLUMN     "quoteHoldMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "revisedDatePolicy" "RevisedDatePolicy" NOT NULL DEFAULT 'planner_confirms';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "plannedFinishAt" TIMESTAMP(3),
ADD COLUMN     "revisedPromisedDate" TIMESTAMP(3),
ADD COLUMN     "revisionCause" TEXT;

-- CreateTable
CREATE TABLE "QuoteReservation" (
    "id" TEXT NOT NULL,
    "manufacturerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "holderKey" TEXT NOT NULL,
    "configurationHash" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "QuoteReservationStatus" NOT NULL DEFAULT 'held',
    "slots" JSONB NOT NULL,
    "plannedFinishAt" TIMESTAMP(3) NOT NULL,
    "productionDue" TIMESTAMP(3) NOT NULL,
    "promise" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "orderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "QuoteReservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuoteReservation_manufacturerId_status_expiresAt_idx" ON "QuoteReservation"("manufacturerId", "status", "expiresAt");

-- CreateIndex
CREATE INDEX "QuoteReservation_holderKey_status_idx" ON "QuoteReservation"("holderKey", "status");

-- CreateIndex
CREATE INDEX "QuoteReservation_orderId_idx" ON "QuoteReservation"("orderId");

-- AddForeignKey
ALTER TABLE "QuoteReservation" ADD CONSTRAINT "QuoteReservation_manufacturerId_fkey" FOREIGN KEY ("manufacturerId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteReservation" ADD CONSTRAINT "QuoteReservation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;
