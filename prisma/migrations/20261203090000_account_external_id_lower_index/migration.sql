-- DropIndex
DROP INDEX "Account_externalId_trgm_idx";

-- CreateIndex
CREATE INDEX "Account_externalId_lower_idx" ON "Account" (lower("externalId"));
