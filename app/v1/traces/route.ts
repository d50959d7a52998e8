// OTLP/HTTP trace receiver: OTEL_EXPORTER_OTLP_ENDPOINT=http://host:3000 works unchanged.
import { ingestOtlp } from "@/lib/receiver/receive-otlp";
import { toOtlpResponse } from "@/lib/receiver/respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return toOtlpResponse(await ingestOtlp(request, { signal: "traces" }));
}
