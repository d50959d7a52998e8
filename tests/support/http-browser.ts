// What a browser does for a sign-in across two sites, over plain fetch: keeps cookies (tough-cookie: the
// RFC 6265 rules for paths, expiry and deletion), and follows redirects one at a time so a test sees
// every hop of an OAuth round trip.
import { CookieJar } from "tough-cookie";

export type Hop = { url: string; status: number; location: string | null };
export type Landing = { url: string; response: Response; hops: Hop[] };

const MAX_REDIRECTS = 20;

export class HttpBrowser {
  readonly jar = new CookieJar();

  /** One request with this browser's cookies; stores the cookies the answer sets. No redirect followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = await this.jar.getCookieString(url);
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const setCookie of response.headers.getSetCookie()) await this.jar.setCookie(setCookie, url, { ignoreError: true });
    return response;
  }

  /** Requests `url` and follows redirects (as GETs, like a browser after 302/303) until a page answers. */
  async follow(url: string, init: RequestInit = {}): Promise<Landing> {
    const hops: Hop[] = [];
    let current = url;
    let response = await this.request(current, init);
    while (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      hops.push({ url: current, status: response.status, location });
      if (!location) break;
      if (hops.length > MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}: ${hops.map((h) => h.url).join(" → ")}`);
      await response.body?.cancel();
      current = new URL(location, current).toString();
      response = await this.request(current);
    }
    return { url: current, response, hops };
  }

  /** The Cookie header this browser sends to `url` (e.g. the session for API calls). */
  cookieFor(url: string): Promise<string> {
    return this.jar.getCookieString(url);
  }
}
