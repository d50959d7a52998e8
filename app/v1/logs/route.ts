// OTLP/HTTP logs receiver: GenAI log events (prompts, completions) become their span's input/output.
import { ingestOtlp } from "@/lib/receiver/receive-otlp";
import { toOtlpResponse } from "@/lib/receiver/respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return toOtlpResponse(await ingestOtlp(request, { signal: "logs" }));
}
