-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('csm', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "Segment" AS ENUM ('enterprise', 'mid_market', 'smb');

-- CreateEnum
CREATE TYPE "LifecycleStage" AS ENUM ('onboarding', 'adoption', 'value_realization', 'expansion', 'renewal');

-- CreateEnum
CREATE TYPE "Maturity" AS ENUM ('reactive', 'proactive', 'optimizing', 'transformative');

-- CreateEnum
CREATE TYPE "ArrMovementKind" AS ENUM ('new', 'expansion', 'contraction', 'churn', 'reactivation');

-- CreateEnum
CREATE TYPE "ChurnType" AS ENUM ('voluntary', 'involuntary');

-- CreateEnum
CREATE TYPE "ArrMovementSource" AS ENUM ('accounts_import', 'ledger_import', 'manual');

-- CreateEnum
CREATE TYPE "StakeholderRole" AS ENUM ('economic_buyer', 'champion', 'executive_sponsor', 'power_user', 'end_user', 'blocker');

-- CreateEnum
CREATE TYPE "Sentiment" AS ENUM ('positive', 'neutral', 'negative', 'unknown');

-- CreateEnum
CREATE TYPE "TouchKind" AS ENUM ('call', 'meeting', 'email', 'slack', 'qbr', 'ebr', 'in_person');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('on_track', 'at_risk', 'achieved', 'missed');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('qbr', 'ebr');

-- CreateEnum
CREATE TYPE "HealthBand" AS ENUM ('green', 'yellow', 'red');

-- CreateEnum
CREATE TYPE "PlayStatus" AS ENUM ('open', 'claimed', 'snoozed', 'closed');

-- CreateEnum
CREATE TYPE "PlayOutcome" AS ENUM ('done', 'no_change_needed', 'escalated', 'customer_unresponsive', 'signal_cleared');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "slackTeamId" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "workspaceId" TEXT,
    "email" TEXT,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'csm',
    "timeZone" TEXT,
    "digestChannelId" TEXT,
    "managerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "ownerId" TEXT,
    "segment" "Segment",
    "arr" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "contractStart" DATE,
    "renewalDate" DATE,
    "stage" "LifecycleStage",
    "maturity" "Maturity",
    "plan" TEXT,
    "seatsPurchased" INTEGER,
    "churnedAt" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrMovement" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "ArrMovementKind" NOT NULL,
    "churnType" "ChurnType",
    "amount" DECIMAL(14,2) NOT NULL,
    "arrAfter" DECIMAL(14,2) NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "source" "ArrMovementSource" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArrMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stakeholder" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "title" TEXT,
    "role" "StakeholderRole" NOT NULL,
    "sentiment" "Sentiment" NOT NULL DEFAULT 'unknown',
    "lastContactOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Stakeholder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Touch" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" "TouchKind" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "nextStep" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Touch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuccessPlan" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "objective" TEXT NOT NULL,
    "reviewedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SuccessPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuccessGoal" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "kpi" TEXT NOT NULL,
    "baseline" TEXT,
    "target" TEXT NOT NULL,
    "current" TEXT,
    "dueOn" DATE,
    "status" "GoalStatus" NOT NULL DEFAULT 'on_track',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SuccessGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "leadId" TEXT,
    "outcomeSummary" TEXT NOT NULL,
    "valueVerified" BOOLEAN NOT NULL DEFAULT false,
    "expansionAsked" BOOLEAN NOT NULL DEFAULT false,
    "expansionNotes" TEXT,
    "nextReviewOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthSignal" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "featuresUsed" INTEGER,
    "featuresInPlan" INTEGER,
    "adoptionPct" DECIMAL(5,2),
    "powerUserLogins" INTEGER,
    "sponsorLastResponse" DATE,
    "tickets30d" INTEGER,
    "p1P2Tickets30d" INTEGER,
    "invoiceDaysOverdue" INTEGER,
    "seatsActive" INTEGER,
    "seatsPurchased" INTEGER,
    "nps" INTEGER,
    "csat" DECIMAL(4,2),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthSignal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthScore" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "score" INTEGER NOT NULL,
    "band" "HealthBand" NOT NULL,
    "subScores" JSONB NOT NULL,
    "reasons" TEXT[],
    "missingSignals" TEXT[],
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Play" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "trigger" JSONB,
    "ownerId" TEXT,
    "claimedById" TEXT,
    "status" "PlayStatus" NOT NULL DEFAULT 'open',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "snoozedUntil" TIMESTAMP(3),
    "outcome" "PlayOutcome",
    "outcomeNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Play_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "changes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_StakeholderToTouch" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_StakeholderToTouch_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slackTeamId_key" ON "Workspace"("slackTeamId");

-- CreateIndex
CREATE UNIQUE INDEX "User_slackUserId_key" ON "User"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Account_externalId_key" ON "Account"("externalId");

-- CreateIndex
CREATE INDEX "Account_ownerId_idx" ON "Account"("ownerId");

-- CreateIndex
CREATE INDEX "Account_renewalDate_idx" ON "Account"("renewalDate");

-- CreateIndex
CREATE INDEX "Account_searchName_trgm_idx" ON "Account" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ArrMovement_accountId_effectiveDate_idx" ON "ArrMovement"("accountId", "effectiveDate");

-- CreateIndex
CREATE INDEX "ArrMovement_effectiveDate_idx" ON "ArrMovement"("effectiveDate");

-- CreateIndex
CREATE INDEX "Stakeholder_accountId_idx" ON "Stakeholder"("accountId");

-- CreateIndex
CREATE INDEX "Touch_accountId_occurredAt_idx" ON "Touch"("accountId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SuccessPlan_accountId_key" ON "SuccessPlan"("accountId");

-- CreateIndex
CREATE INDEX "SuccessGoal_planId_idx" ON "SuccessGoal"("planId");

-- CreateIndex
CREATE INDEX "Review_accountId_heldOn_idx" ON "Review"("accountId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "HealthSignal_accountId_date_key" ON "HealthSignal"("accountId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "HealthScore_accountId_date_key" ON "HealthScore"("accountId", "date");

-- CreateIndex
CREATE INDEX "Play_accountId_kind_status_idx" ON "Play"("accountId", "kind", "status");

-- CreateIndex
CREATE INDEX "Play_ownerId_status_idx" ON "Play"("ownerId", "status");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "_StakeholderToTouch_B_index" ON "_StakeholderToTouch"("B");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrMovement" ADD CONSTRAINT "ArrMovement_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touch" ADD CONSTRAINT "Touch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touch" ADD CONSTRAINT "Touch_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessPlan" ADD CONSTRAINT "SuccessPlan_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessGoal" ADD CONSTRAINT "SuccessGoal_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SuccessPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthSignal" ADD CONSTRAINT "HealthSignal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthScore" ADD CONSTRAINT "HealthScore_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Play" ADD CONSTRAINT "Play_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Play" ADD CONSTRAINT "Play_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Play" ADD CONSTRAINT "Play_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Play" ADD CONSTRAINT "Play_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_StakeholderToTouch" ADD CONSTRAINT "_StakeholderToTouch_A_fkey" FOREIGN KEY ("A") REFERENCES "Stakeholder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_StakeholderToTouch" ADD CONSTRAINT "_StakeholderToTouch_B_fkey" FOREIGN KEY ("B") REFERENCES "Touch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
