-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "goalOutcomes" JSONB,
ADD COLUMN     "nextSteps" TEXT,
ADD COLUMN     "risks" TEXT,
ADD COLUMN     "sentiment" "Sentiment",
ADD COLUMN     "touchId" TEXT,
ADD COLUMN     "viewId" TEXT;

-- AlterTable
ALTER TABLE "SuccessPlan" ADD COLUMN     "milestones" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "savedByViewId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Review_viewId_key" ON "Review"("viewId");
