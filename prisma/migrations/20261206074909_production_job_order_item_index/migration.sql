-- CreateIndex
CREATE INDEX "ProductionJob_orderItemId_idx" ON "ProductionJob"("orderItemId");
