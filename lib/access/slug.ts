// Project slugs: lower-case letters, digits and dashes, as they appear in URLs. Pure.

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

/** A slug made from a project name ("Support Bot (EU)" → "support-bot-eu"); "" when nothing usable remains. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
}
