// What prisma/schema.prisma has that the committed migrations do not: the SQL of the next migration,
// as Prisma's engine computes it (what `prisma migrate dev --create-only` would write), less two
// quirks of its diff. Used by `npm run db:new-migration` and by the test that keeps schema and
// migrations in step.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { runScriptsWhole } from "../src/db/client.ts";
import { migrationList, readSchema, schemaPath } from "../src/db/migrations-dir.ts";
import { openSchemaEngine } from "../src/db/schema-engine.ts";

/**
 * An in-memory PGlite in this thread, through Prisma's PGlite adapter, for the engine's diff: the diff
 * describes the database through catalog queries whose "char" columns @prisma/adapter-pg does not read.
 * Its shadow database is another in-memory PGlite, with pg_trgm, as the migrations need.
 */
async function inMemoryPGlite(): Promise<{
  factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}> {
  const lite = await PGlite.create({ extensions: { pg_trgm } });
  const adapter = new PrismaPGlite(lite);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: async () => runScriptsWhole(await adapter.connect(), (script) => lite.exec(script)),
    async connectToShadowDb() {
      const shadow = await inMemoryPGlite();
      const connection = await shadow.factory.connect();
      const dispose = connection.dispose.bind(connection);
      connection.dispose = async () => {
        await dispose();
        await shadow.close();
      };
      return connection;
    },
  };
  return { factory, close: () => lite.close() };
}

/** The SQL that would bring the migrations to the schema; empty when they match. */
export async function pendingMigrationSql(): Promise<string> {
  // The committed migrations are replayed on an in-memory PGlite (the engine's shadow database).
  const db = await inMemoryPGlite();
  const { engine, explain } = await openSchemaEngine(readSchema(), db.factory);
  try {
    const list = migrationList();
    const result = await engine.diff({
      from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readSchema() }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = withoutUnchangedIndexes(
      withoutKnownExtensions(result.stdout ?? "", list.migrationDirectories),
      list.migrationDirectories,
    );
    return !sql.trim() || /^-- This is an empty migration/.test(sql.trim()) ? "" : sql;
  } catch (error) {
    throw explain(error);
  } finally {
    engine.free();
    await db.close();
  }
}

/** The engine re-emits CREATE EXTENSION for extensions earlier migrations already create; drop those. */
function withoutKnownExtensions(
  sql: string,
  earlier: { migrationFile: { content: { value: string } } }[],
): string {
  const known = earlier.map((dir) => dir.migrationFile.content.value).join("\n");
  return sql.replace(/-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS "(\w+)";\n*/g, (statement, ext) =>
    known.includes(`CREATE EXTENSION IF NOT EXISTS "${ext}"`) ? "" : statement,
  );
}

/**
 * The engine cannot compare an index whose columns carry raw operator classes
 * (Account_searchName_prefix_idx) and drops and re-creates it in every new migration. Drop such a pair
 * when the CREATE is the index's last definition in the committed migrations, word for word: the index
 * has not changed.
 */
function withoutUnchangedIndexes(
  sql: string,
  earlier: { migrationFile: { content: { value: string } } }[],
): string {
  const lastDefinition = new Map<string, string>();
  for (const dir of earlier)
    for (const [statement, name] of dir.migrationFile.content.value.matchAll(
      /CREATE INDEX "(\w+)" ON [^;]+;/g,
    ))
      lastDefinition.set(name as string, statement);
  let out = sql;
  for (const [drop, name] of sql.matchAll(/-- DropIndex\nDROP INDEX "(\w+)";\n+/g)) {
    const create = `-- CreateIndex\n${lastDefinition.get(name as string)}`;
    if (!lastDefinition.has(name as string) || !out.includes(create)) continue;
    out = out.replace(drop, "").replace(new RegExp(`${escapeRegExp(create)}\n*`), "");
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
