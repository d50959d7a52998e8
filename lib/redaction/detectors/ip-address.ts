// IPv4 and IPv6 addresses, validated by node:net (which refuses octets over 255 and leading zeros).
// Version numbers stay: a dotted quad right after `v`, `version ` or a product name and slash
// (`Chrome/120.0.0.0`), or inside a longer dotted run (`1.3.6.1.4.1`), is not taken for an address.
import { isIPv4, isIPv6 } from "node:net";
import type { Detector, Match } from "../types";

const IPV4 = /(?<![\w.]|[Vv]ersion ?|[A-Za-z]\/)(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
/** Hex groups and colons (two colons at least), with an optional dotted IPv4 tail (`::ffff:192.0.2.1`). */
const IPV6 = /(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}(?![\w:]|\.\d)/g;

export function ipAddressDetector(name = "ip_address"): Detector {
  return {
    name,
    hint: "\\.\\d{1,3}\\.\\d{1,3}\\.\\d|:[0-9A-Fa-f]{0,4}:",
    find(text: string, out: Match[]) {
      for (const m of text.matchAll(IPV4)) if (isIPv4(m[0])) out.push({ start: m.index, end: m.index + m[0].length, name });
      if (text.indexOf(":") === -1) return;
      for (const m of text.matchAll(IPV6)) {
        // `::` alone and hex words around colons (`dead::beef`) are valid addresses but rarely meant as one.
        if (/\d/.test(m[0]) && isIPv6(m[0])) out.push({ start: m.index, end: m.index + m[0].length, name });
      }
    },
  };
}
