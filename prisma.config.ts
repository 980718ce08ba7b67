// Prisma CLI configuration (Prisma 7). The app itself never reads this file:
// it connects through a driver adapter built in src/db/client.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/csm" },
});
