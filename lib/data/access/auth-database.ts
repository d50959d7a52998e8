import "server-only";
// Better Auth reads and writes users, sessions, accounts and verifications through our Prisma client,
// so sessions live in the same database on SQLite and PostgreSQL alike.
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getDatabaseKind, getPrisma } from "@/lib/db/prisma";

export const authDatabase = () => prismaAdapter(getPrisma(), { provider: getDatabaseKind() === "postgres" ? "postgresql" : "sqlite" });
