-- The words of the accounts' search names, for /account's spelling correction.
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- Kept as accounts are written, whatever writes them (the import, the demo seed, the app): one
-- statement-level trigger per INSERT or UPDATE statement, however many rows it wrote. Words of renamed
-- or deleted accounts stay until the daily maintenance prunes them; a stale word only costs the
-- search one statement that finds nothing.
CREATE FUNCTION "SearchWord_collect"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchWord" ("word")
  SELECT DISTINCT w.word
  FROM written, unnest(string_to_array(written."searchName", ' ')) AS w(word)
  WHERE w.word <> ''
  ON CONFLICT ("word") DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Account_searchWords_insert" AFTER INSERT ON "Account"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "SearchWord_collect"();

CREATE TRIGGER "Account_searchWords_update" AFTER UPDATE ON "Account"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "SearchWord_collect"();

-- The words of the accounts already there.
INSERT INTO "SearchWord" ("word")
SELECT DISTINCT w.word
FROM "Account" a, unnest(string_to_array(a."searchName", ' ')) AS w(word)
WHERE w.word <> ''
ON CONFLICT ("word") DO NOTHING;
