-- AlterTable
ALTER TABLE "Touch" ADD COLUMN     "nextStepDueOn" DATE,
ADD COLUMN     "nextStepOwnerId" TEXT,
ADD COLUMN     "permalink" TEXT,
ADD COLUMN     "sentiment" "Sentiment",
ADD COLUMN     "viewId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Touch_viewId_key" ON "Touch"("viewId");

-- CreateIndex
CREATE INDEX "Touch_authorId_createdAt_idx" ON "Touch"("authorId", "createdAt");

-- AddForeignKey
ALTER TABLE "Touch" ADD CONSTRAINT "Touch_nextStepOwnerId_fkey" FOREIGN KEY ("nextStepOwnerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
