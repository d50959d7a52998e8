import "server-only";
// Instance-wide settings shared by every server process (written once at start, lib/data/access/bootstrap.ts).
import { getPrisma } from "@/lib/db/prisma";
import { AUTH_SECRET_KEY } from "./bootstrap";

/** The session-signing secret; throws when `npm start` has not created it (the server never starts without it). */
export async function getAuthSecret(): Promise<string> {
  const row = await getPrisma().instanceSetting.findUnique({ where: { key: AUTH_SECRET_KEY } });
  if (!row) throw new Error("the session secret is missing: start the server with `npm start`, which creates it");
  return row.value;
}
