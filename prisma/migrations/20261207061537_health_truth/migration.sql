-- AlterEnum
ALTER TYPE "HealthBand" ADD VALUE 'unknown';

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "termStart" DATE;

-- AlterTable
ALTER TABLE "HealthSignal" ADD COLUMN     "clearedFields" INTEGER NOT NULL DEFAULT 0;

