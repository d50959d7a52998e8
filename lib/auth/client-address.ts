// The client's address for throttling and the audit log: the last X-Forwarded-For entry, which is what
// the nearest reverse proxy appended (Next.js fills the header from the socket when it is absent).
export function clientAddress(headers: Headers | undefined): string {
  const forwarded = headers?.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || "unknown";
}
