// Browser mutations must come from our own pages: a cross-site form post or fetch carries another
// site's Origin (or none from old browsers' forms), and is refused before it changes anything. Pure.

/** True when the request's Origin (or, without one, Referer) names the host it was sent to. */
export function isSameOrigin(headers: Headers): boolean {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const source = headers.get("origin") ?? headers.get("referer");
  if (!host || !source || source === "null") return false;
  try {
    return new URL(source).host === host.split(",")[0]!.trim();
  } catch {
    return false;
  }
}
