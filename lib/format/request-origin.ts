// The origin users should send traces to, as seen by the browser that asked.

/**
 * Builds "http://host:port" from request headers (Host / X-Forwarded-*). Falls back to
 * `http://localhost:<port>` when the host header is missing or does not look like a host name.
 */
export function getRequestOrigin(headers: { get(name: string): string | null }, fallbackPort = 3000): string {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]!.trim();
  const proto = (headers.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  const isSafeHost = /^[A-Za-z0-9.\-[\]:]+$/.test(host);
  const scheme = proto === "https" ? "https" : "http";
  return isSafeHost && host ? `${scheme}://${host}` : `http://localhost:${fallbackPort}`;
}
