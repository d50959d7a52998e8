// Alert webhooks go to the public internet only: a URL whose host is, or resolves to, a loopback,
// private, link-local, cloud-metadata or otherwise non-public address is refused, when a rule is saved
// and again when a notification is sent (delivery connects only to the address it checked, so a DNS
// answer that changes in between cannot redirect it). HINDSIGHT_WEBHOOK_ALLOW_PRIVATE=1 lifts this for
// tests and on-premises receivers.
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/** Why an address is refused, or null when it is public. */
export function refusedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return "is not an IP address";
  let ip = ipaddr.parse(address);
  // IPv4 inside IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  const reasons: Record<string, string> = {
    loopback: "a loopback address",
    private: "a private address",
    uniqueLocal: "a private (unique local) address",
    linkLocal: "a link-local address (cloud metadata services live there)",
    carrierGradeNat: "a shared (carrier-grade NAT) address, where some clouds serve metadata",
    unspecified: "an unspecified address",
    broadcast: "a broadcast address",
    multicast: "a multicast address",
    reserved: "a reserved address",
    benchmarking: "a reserved address",
    amt: "a reserved address",
    as112: "a reserved address",
    deprecated: "a reserved address",
    orchid2: "a reserved address",
    teredo: "a tunnelling address",
    "6to4": "a tunnelling address",
  };
  return range === "unicast" ? null : (reasons[range] ?? `a non-public address (${range})`);
}

export type UrlCheck = { ok: true; url: URL; addresses: string[] } | { ok: false; reason: string };

export type Lookup = (host: string) => Promise<string[]>;
const systemLookup: Lookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Resolves and checks a webhook URL; `addresses` are the ones delivery may connect to. `resolve` is the system resolver. */
export async function checkWebhookUrl(raw: string, options: { allowPrivate: boolean; resolve?: Lookup }): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "is not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: "must be an http:// or https:// URL" };
  if (url.username || url.password) return { ok: false, reason: "must not carry a user name or password (put secrets in the path or query)" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? systemLookup)(host);
    } catch {
      return { ok: false, reason: `host ${host} does not resolve` };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} does not resolve` };
  if (!options.allowPrivate) {
    for (const address of addresses) {
      const reason = refusedAddressReason(address);
      if (reason)
        return {
          ok: false,
          reason: `${host === address ? host : `${host} resolves to ${address}, which`} is ${reason}; webhooks must reach a public address (HINDSIGHT_WEBHOOK_ALLOW_PRIVATE=1 allows private ones)`,
        };
    }
  }
  return { ok: true, url, addresses };
}
