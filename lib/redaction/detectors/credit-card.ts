// Payment card numbers: 13 to 19 digits, optionally grouped by single spaces or hyphens, accepted only
// when card-validator (Braintree's) recognises the brand from its prefix, the length fits that brand
// and the Luhn checksum holds. A 16-digit order id with a wrong checksum stays.
import cardValidator from "card-validator";
import type { Detector, Match } from "../types";

/**
 * A run of digit groups separated by single spaces or hyphens, not inside a longer number or word (hex
 * ids hold digit runs that pass the checksum). A card may share a run with other numbers (`call +1 415
 * 555 2671 4111 1111 1111 1111`), so every window of whole groups in it is tried.
 */
const RUN = /(?<![\w.]|\d-)\d{1,19}(?:[ -]\d{1,19}){0,11}(?!\w|-\d)/g;
const GROUP = /\d+/g;

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
      for (const run of text.matchAll(RUN)) {
        const groups = [...run[0].matchAll(GROUP)].map((g) => ({ start: run.index + g.index, digits: g[0] }));
        for (let first = 0; first < groups.length; first++) {
          let digits = "";
          for (let last = first; last < groups.length && digits.length + groups[last]!.digits.length <= 19; last++) {
            digits += groups[last]!.digits;
            if (digits.length >= 13 && isCardNumber(digits)) {
              out.push({ start: groups[first]!.start, end: groups[last]!.start + groups[last]!.digits.length, name });
            }
          }
        }
      }
    },
  };
}
