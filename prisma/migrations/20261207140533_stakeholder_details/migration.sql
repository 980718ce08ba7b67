-- AlterTable
ALTER TABLE "Stakeholder" ADD COLUMN     "createdByViewId" TEXT,
ADD COLUMN     "leftOn" DATE,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "otherRoles" "StakeholderRole"[] DEFAULT ARRAY[]::"StakeholderRole"[],
ADD COLUMN     "slackUserId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Stakeholder_createdByViewId_key" ON "Stakeholder"("createdByViewId");
