import { defineConfig } from "drizzle-kit";

// drizzle-kit loads src/db/schema through esbuild: keep that folder free of type-graphql.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/sqlite/index.ts",
  out: "./migrations",
});
