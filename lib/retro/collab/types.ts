// Shapes of the retro collaboration API (comments, tags, share links), shared by the data layer, the
// route handlers and the components.

export type CommentAuthor = { id: string; name: string };

export type TraceComment = {
  id: string;
  traceId: string;
  spanId: string | null;
  author: CommentAuthor;
  body: string;
  createdAt: string;
  updatedAt: string;
};

/** A comment as the client sees it, with what this caller may do to it. */
export type CommentView = TraceComment & { canEdit: boolean; canDelete: boolean };

export type TagCount = { tag: string; traces: number };
