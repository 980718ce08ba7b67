-- DropIndex
DROP INDEX "Account_searchName_idx";

-- CreateIndex
CREATE INDEX "Account_searchName_prefix_idx" ON "Account"("searchName" text_pattern_ops, "arr", "name", "id");
