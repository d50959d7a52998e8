"use server";
// Sign-out: Better Auth deletes the session row (so the cookie is worthless everywhere at once) and
// clears the cookie; the browser then lands on /login.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/better-auth";
import { isSameOrigin } from "@/lib/auth/same-origin";

export async function signOut(): Promise<void> {
  const requestHeaders = await headers();
  if (isSameOrigin(requestHeaders)) await (await getAuth()).api.signOut({ headers: requestHeaders });
  redirect("/login");
}
