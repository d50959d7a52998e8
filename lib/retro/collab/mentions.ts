// Mentions of project members in comments. A mention is written into the Markdown as a link with its own
// scheme, `[@Name](mention:<userId>)`: it survives editing as plain text, names the member by id (so a
// renamed member is still found), and the renderer shows it as a highlighted name, never as a link. Pure.

export const MENTION_SCHEME = "mention:";

export type Mentionable = { userId: string; name: string; email: string };

const MENTION = /\]\(mention:([A-Za-z0-9_-]{1,64})\)/g;

/** The Markdown a member's mention is written as; the name loses the characters Markdown links use. */
export function mentionToken(member: Pick<Mentionable, "userId" | "name">): string {
  const name = member.name.replace(/[[\]()\\*_`<>\n\r]/g, " ").trim() || "member";
  return `[@${name}](${MENTION_SCHEME}${member.userId})`;
}

/** The ids of the members a comment mentions, each once, in order of first mention. */
export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1]!))];
}

/** What the stored body must contain for a comment to mention `userId` (for a substring search). */
export const mentionNeedle = (userId: string) => `](${MENTION_SCHEME}${userId})`;

/**
 * The `@query` being typed just before the caret (after a space or at the start of a line), or null:
 * where suggestions should appear and what they replace.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([^\s@[\]()]{0,40})$/.exec(before);
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

/** Members whose name or email starts a word with the query (case-insensitive), at most `limit`. */
export function suggestMembers(members: readonly Mentionable[], query: string, limit = 6): Mentionable[] {
  const q = query.toLowerCase();
  const matches = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s.@_-]+/)
      .some((word) => word.startsWith(q)) || text.toLowerCase().startsWith(q);
  return members.filter((m) => q === "" || matches(m.name) || matches(m.email)).slice(0, limit);
}

/** The text with the `@query` at `start` replaced by the member's mention and a space; the caret after it. */
export function insertMention(text: string, at: { start: number; query: string }, member: Mentionable): { text: string; caret: number } {
  const token = `${mentionToken(member)} `;
  const end = at.start + 1 + at.query.length;
  return { text: text.slice(0, at.start) + token + text.slice(end), caret: at.start + token.length };
}
