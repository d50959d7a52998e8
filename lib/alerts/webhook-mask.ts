// What members who are not project admins see of a webhook URL: its scheme and host. The path and query
// often hold the receiver's own secret (Slack and most chat webhooks work that way). Pure.

/** A webhook URL as members who are not project admins see it: scheme and host, path and query hidden. */
export function maskWebhookUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return url.pathname === "/" && !url.search ? `${url.origin}/` : `${url.origin}/…`;
  } catch {
    return "…";
  }
}
