// Payment card numbers: 13 to 19 digits, optionally grouped by single spaces or hyphens, accepted only
// when card-validator (Braintree's) recognises the brand from its prefix, the length fits that brand
// and the Luhn checksum holds. A 16-digit order id with a wrong checksum stays.
import cardValidator from "card-validator";
import type { Detector, Match } from "../types";

/** Not inside a longer number or word (hex ids hold digit runs that pass the checksum), nor continuing one across a hyphen. */
const CANDIDATE = /(?<![\w.]|\d-)\d{4}(?:[ -]?\d){9,15}(?!\w|-\d)/g;

/** The Luhn checksum, checked first: nine candidates in ten fail it, and card-validator costs far more. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function isCardNumber(digits: string): boolean {
  return luhn(digits) && cardValidator.number(digits, { maxLength: 19 }).isValid;
}

export function creditCardDetector(name = "credit_card"): Detector {
  return {
    name,
    // How every card number written whole, in groups of four or as Amex's 4-6-5 starts (twelve or ten
    // digits); digits typed with separators between all of them are not looked for.
    // Digits right after a letter or digit are skipped early (hex ids hold long digit runs), unless that
    // letter ends a JSON escape such as `\n`.
    hint: "\\d{4}(?<!(?<!\\\\)[A-Za-z0-9_]\\d{4})[ -]?\\d{4}(?:\\d\\d|[ -]?\\d{4})",
    find(text: string, out: Match[]) {
      for (const m of text.matchAll(CANDIDATE)) {
        const digits = m[0].replace(/[ -]/g, "");
        if (isCardNumber(digits)) out.push({ start: m.index, end: m.index + m[0].length, name });
      }
    },
  };
}
