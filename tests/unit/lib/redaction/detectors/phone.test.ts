import { describe, expect, it } from "vitest";
import { redactorFor } from "../support";

const phone = redactorFor("phone");

describe("phone detector", () => {
  it.each([
    ["call +1 415 555 2671 now", "call [REDACTED:phone] now"],
    ["uk +44 20 7946 0958.", "uk [REDACTED:phone]."],
    ["fr +33 1 42 68 53 00", "fr [REDACTED:phone]"],
    ["e164 +14155552671", "e164 [REDACTED:phone]"],
    ["(415) 555-2671 or 415-555-2671 or 415.555.2671", "[REDACTED:phone] or [REDACTED:phone] or [REDACTED:phone]"],
    ["+44 20 7946 0958 12 items", "[REDACTED:phone] 12 items"],
  ])("redacts %j", (text, expected) => {
    expect(phone.redactText(text)).toBe(expected);
  });

  it.each([
    "order 4155552671 shipped", // bare digits: an id as often as a number
    "released 2024-08-06 at 12:30:45",
    "version 1.2.3.4",
    "pi is 3.14159265358979",
    "+1 555 0100 is too short",
    "(123) 456-7890", // area codes never start with 1
    "tokens: 1234567 in, 89 out",
    "ISBN 978-3-16-148410-0",
  ])("leaves %j", (text) => {
    expect(phone.redactText(text)).toBe(text);
  });
});
