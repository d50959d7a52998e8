"use client";
// `@` in a comment box suggests the project's members; picking one writes the mention into the text.

import { useEffect, useState } from "react";
import { useParams } from "next/navigation";
import { insertMention, mentionQueryAt, suggestMembers, type Mentionable } from "@/lib/retro/collab/mentions";
import { callApi } from "./api-client";

/** Members per project, fetched once per page load on the first `@`. */
const membersOf = new Map<string, Promise<Mentionable[]>>();

function loadMembers(projectSlug: string): Promise<Mentionable[]> {
  let members = membersOf.get(projectSlug);
  if (!members) {
    members = callApi<{ data: Mentionable[] }>(projectSlug, `/api/v1/projects/${encodeURIComponent(projectSlug)}/members`).then((r) =>
      r.ok ? r.data.data.map((m) => ({ userId: m.userId, name: m.name || m.email, email: m.email })) : [],
    );
    membersOf.set(projectSlug, members);
  }
  return members;
}

type Edit = { text: string; caret: number };

/** Suggestions for the `@query` before the caret, and how to apply one (null when none apply). */
export function useMentionPicker(text: string, caret: number) {
  const { project } = useParams<{ project?: string }>();
  const at = caret >= 0 ? mentionQueryAt(text, caret) : null;
  const [members, setMembers] = useState<Mentionable[] | null>(null);
  const [active, setActive] = useState(0);
  const wantsMembers = at !== null && members === null && project !== undefined;
  useEffect(() => {
    if (wantsMembers) void loadMembers(decodeURIComponent(project)).then(setMembers);
  }, [wantsMembers, project]);
  const suggestions = at && members ? suggestMembers(members, at.query) : [];
  const index = Math.min(active, Math.max(0, suggestions.length - 1));
  return {
    suggestions,
    active: index,
    setActive,
    pick: (member: Mentionable): Edit | null => (at ? insertMention(text, at, member) : null),
  };
}

export function MentionList({ suggestions, active, onPick }: { suggestions: Mentionable[]; active: number; onPick: (member: Mentionable) => void }) {
  if (suggestions.length === 0) return null;
  return (
    <ul
      role="listbox"
      aria-label="Mention a member"
      className="flex flex-col rounded border border-line bg-bg text-sm shadow"
      data-testid="mention-suggestions"
    >
      {suggestions.map((member, i) => (
        <li
          key={member.userId}
          role="option"
          aria-selected={i === active}
          className={`cursor-pointer px-2 py-1 ${i === active ? "bg-muted" : ""}`}
          // mousedown, not click: the textarea keeps its focus and caret.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(member);
          }}
        >
          <span className="font-medium">{member.name}</span> <span className="text-xs text-fg-muted">{member.email}</span>
        </li>
      ))}
    </ul>
  );
}
