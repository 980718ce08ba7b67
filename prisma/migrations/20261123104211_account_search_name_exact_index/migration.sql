-- CreateIndex
CREATE INDEX "Account_searchName_idx" ON "Account"("searchName");
