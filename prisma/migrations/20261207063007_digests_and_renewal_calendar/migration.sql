-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('sending', 'sent', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "RenewalCommit" AS ENUM ('committed', 'at_risk', 'unknown');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "renewalCommit" "RenewalCommit",
ADD COLUMN     "renewalCommitAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestDays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "digestPausedUntil" DATE,
ADD COLUMN     "digestTime" TEXT,
ADD COLUMN     "timeZoneCheckedAt" TIMESTAMP(3),
ADD COLUMN     "timeZoneOverride" TEXT;

-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'csm',
    "localDate" DATE NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'sending',
    "channel" TEXT,
    "ts" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalStep" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "renewalDate" DATE NOT NULL,
    "step" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'sending',
    "playId" TEXT,
    "channel" TEXT,
    "ts" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "RenewalStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Digest_status_claimedAt_idx" ON "Digest"("status", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Digest_userId_kind_localDate_key" ON "Digest"("userId", "kind", "localDate");

-- CreateIndex
CREATE INDEX "RenewalStep_status_claimedAt_idx" ON "RenewalStep"("status", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalStep_accountId_renewalDate_step_key" ON "RenewalStep"("accountId", "renewalDate", "step");

-- AddForeignKey
ALTER TABLE "Digest" ADD CONSTRAINT "Digest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalStep" ADD CONSTRAINT "RenewalStep_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
