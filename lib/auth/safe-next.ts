// Where to go after signing in: only a path on this site (never "//evil.example" or an absolute URL, which
// would make the sign-in page an open redirect). Pure.
export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
