-- CreateIndex
CREATE INDEX "Play_claimedById_idx" ON "Play"("claimedById");
