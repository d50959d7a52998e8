// postinstall: generates the two Prisma clients (SQLite and PostgreSQL) from their schemas.
// Both use engineType "client" (no native query engine), so this never downloads anything.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const prismaBin = "node_modules/prisma/build/index.js";
if (!existsSync(prismaBin)) process.exit(0); // production install without dev tooling: nothing to do
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  execFileSync(process.execPath, [prismaBin, "generate", "--no-hints", "--schema", schema], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", DATABASE_URL: "" },
  });
}
