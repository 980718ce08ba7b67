-- CreateIndex
CREATE INDEX "Account_externalId_trgm_idx" ON "Account" USING GIN ("externalId" gin_trgm_ops);
