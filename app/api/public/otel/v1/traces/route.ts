// Langfuse-compatible OTLP endpoint: a Langfuse OTel SDK switches to Hindsight by changing its host.
// Langfuse authenticates with HTTP Basic (public key : secret key); the password is the API key.
import { ingestOtlp } from "@/lib/receiver/receive-otlp";
import { toOtlpResponse } from "@/lib/receiver/respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return toOtlpResponse(await ingestOtlp(request, { signal: "traces", allowBasicAuth: true }));
}
