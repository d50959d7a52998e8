"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { CommentView } from "@/lib/retro/collab/types";
import { callApi, type ApiResult } from "./api-client";

type CommentsState = {
  comments: CommentView[];
  canComment: boolean;
  add: (body: string, spanId: string | null) => Promise<ApiResult<unknown>>;
  edit: (id: string, body: string) => Promise<ApiResult<unknown>>;
  remove: (id: string) => Promise<ApiResult<unknown>>;
};

const CommentsContext = createContext<CommentsState | null>(null);

/** The trace's comments, for the thread and for the span panel alike (null outside a trace page). */
export const useComments = () => useContext(CommentsContext);

type Props = { projectSlug: string; traceId: string; initial: CommentView[]; canComment: boolean; children: ReactNode };

/** Holds the thread; after each change it reloads it from the API, so what is shown is what is stored. */
export function CommentsProvider({ projectSlug, traceId, initial, canComment, children }: Props) {
  const [comments, setComments] = useState(initial);
  const reload = useCallback(async () => {
    const result = await callApi<{ data: CommentView[] }>(projectSlug, `/api/v1/traces/${traceId}/comments`);
    if (result.ok) setComments(result.data.data);
  }, [projectSlug, traceId]);

  const value = useMemo<CommentsState>(() => {
    const thenReload = async (result: ApiResult<unknown>) => {
      if (result.ok) await reload();
      return result;
    };
    return {
      comments,
      canComment,
      add: async (body, spanId) =>
        thenReload(await callApi(projectSlug, `/api/v1/traces/${traceId}/comments`, { method: "POST", body: spanId ? { body, spanId } : { body } })),
      edit: async (id, body) => thenReload(await callApi(projectSlug, `/api/v1/comments/${encodeURIComponent(id)}`, { method: "PATCH", body: { body } })),
      remove: async (id) => thenReload(await callApi(projectSlug, `/api/v1/comments/${encodeURIComponent(id)}`, { method: "DELETE" })),
    };
  }, [comments, canComment, projectSlug, traceId, reload]);

  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
