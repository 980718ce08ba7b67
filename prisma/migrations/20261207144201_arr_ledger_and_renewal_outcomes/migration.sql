-- CreateEnum
CREATE TYPE "RenewalResult" AS ENUM ('renewed', 'downsold', 'upsold', 'churned');

-- AlterTable
ALTER TABLE "Account" ALTER COLUMN "arr" DROP NOT NULL,
ALTER COLUMN "arr" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ArrMovement" ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "RenewalOutcome" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "renewalDate" DATE NOT NULL,
    "result" "RenewalResult" NOT NULL,
    "arrBefore" DECIMAL(14,2),
    "arrAfter" DECIMAL(14,2) NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RenewalOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RenewalOutcome_renewalDate_idx" ON "RenewalOutcome"("renewalDate");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalOutcome_accountId_renewalDate_key" ON "RenewalOutcome"("accountId", "renewalDate");

-- AddForeignKey
ALTER TABLE "RenewalOutcome" ADD CONSTRAINT "RenewalOutcome_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
