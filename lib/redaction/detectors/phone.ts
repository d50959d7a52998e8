// Phone numbers, validated with libphonenumber-js (a port of Google's libphonenumber, with its full
// metadata). International numbers (`+` and a country code) of every country are found; without a
// country code only the North American format with separators is, as in `(415) 555-2671` or
// `415.555.2671`: bare digit runs are ids, counts and times far more often than phone numbers.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Detector, Match } from "../types";

// Separators are single spaces, dots or hyphens (no newlines: a hint must also match JSON text).
const INTERNATIONAL = /(?<![\w+])\+\d(?:[ .-]?(?:\(\d{1,4}\)|\d)){6,16}(?![\w]|[.-]\d)/g;
const NORTH_AMERICAN = /(?<![\w+(]|\d[ .-])(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w]|[.-]\d)/g;

function isValid(candidate: string, region?: "US"): boolean {
  return parsePhoneNumberFromString(candidate, region)?.isValid() ?? false;
}

/** North American area codes and exchanges start with 2-9: a cheap test before libphonenumber's. */
const NANP_SHAPE = /^\(?[2-9]\d\d\)?[ .-]?[2-9]/;

/** The longest valid prefix, cut at a separator: `+44 20 7946 0958 12` may be a number and a count. */
function validLength(candidate: string): number {
  for (let end = candidate.length; end > 8; end = candidate.slice(0, end).search(/[ .-](?=[^ .-]*$)/)) {
    if (isValid(candidate.slice(0, end))) return end;
  }
  return 0;
}

export function phoneDetector(name = "phone"): Detector {
  return {
    name,
    hint: "\\+|\\d{3}\\)? ?[ .-]?\\d{3}[ .-]\\d{4}",
    find(text: string, out: Match[]) {
      for (const m of text.matchAll(INTERNATIONAL)) {
        const length = validLength(m[0]);
        if (length) out.push({ start: m.index, end: m.index + length, name });
      }
      for (const m of text.matchAll(NORTH_AMERICAN)) {
        if (NANP_SHAPE.test(m[0]) && isValid(m[0], "US")) out.push({ start: m.index, end: m.index + m[0].length, name });
      }
    },
  };
}
