// Reads prisma/migrations in Prisma's layout (<timestamp>_<name>/migration.sql + migration_lock.toml).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's prisma/ directory, found upwards from this module: from src/db/ and from dist/ alike. */
function findPrismaDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "prisma");
    if (existsSync(path.join(candidate, "schema.prisma"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("prisma/schema.prisma not found above the application's code");
    dir = parent;
  }
}

export const prismaDir = findPrismaDir();
export const migrationsDir = path.join(prismaDir, "migrations");
export const schemaPath = path.join(prismaDir, "schema.prisma");

export function readSchema(): string {
  return readFileSync(schemaPath, "utf8");
}

/** The migration directories' names, oldest first. */
export function migrationNames(): string[] {
  return existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
}

export function migrationList() {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = migrationNames();
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  };
}
