import "server-only";
// Who wrote a comment and who may change it: its author edits and deletes it; a project admin may
// delete anyone's (moderation), but never rewrites another person's words.
import { can, type Caller } from "@/lib/auth/caller";
import type { CommentAuthorRef, StoredComment } from "@/lib/data/collab/comments";
import type { CommentView, TraceComment } from "@/lib/retro/collab/types";

export function authorOf(caller: Caller): CommentAuthorRef {
  return caller.kind === "user"
    ? { type: "user", id: caller.user.id, name: caller.user.name || caller.user.email }
    : { type: "key", id: caller.key.id, name: `${caller.key.name} (API key)` };
}

export const isAuthor = (caller: Caller, comment: StoredComment) => {
  const me = authorOf(caller);
  return comment.authorType === me.type && comment.author.id === me.id;
};

export const mayEdit = (caller: Caller, comment: StoredComment) => can(caller, "write") && isAuthor(caller, comment);
export const mayDelete = (caller: Caller, comment: StoredComment) => mayEdit(caller, comment) || can(caller, "admin");

/** The public shape of a comment (the author's kind stays internal). */
export const publicComment = ({ authorType: _type, ...comment }: StoredComment): TraceComment => comment;

export const commentView = (caller: Caller, comment: StoredComment): CommentView => ({
  ...publicComment(comment),
  canEdit: mayEdit(caller, comment),
  canDelete: mayDelete(caller, comment),
});
