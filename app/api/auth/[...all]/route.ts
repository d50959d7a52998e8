// Better Auth's endpoints (/api/auth/*): email sign-in (throttled), sign-out, sessions and the OpenID
// Connect redirect and callback. Authentication happens inside them; sign-up is closed.
import { errorResponse } from "@/lib/api/with-api";
import { getAuth } from "@/lib/auth/better-auth";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  try {
    return await (await getAuth()).handler(request);
  } catch (error) {
    return errorResponse(error);
  }
}

export const GET = handle;
export const POST = handle;
