// GET /api/v1/tags: the project's tag vocabulary, each tag with how many traces carry it, most used first.
import { withApi } from "@/lib/api/with-api";
import { listTagVocabulary } from "@/lib/data/collab/tags";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (_request, { caller }) => Response.json({ data: await listTagVocabulary(caller.scope) }));
