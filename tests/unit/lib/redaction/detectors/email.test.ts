import { describe, expect, it } from "vitest";
import { redactorFor } from "../support";

const email = redactorFor("email");

describe("email detector", () => {
  it.each([
    ["write to maya@example.com today", "write to [REDACTED:email] today"],
    ["<first.last+tag@mail.example.co.uk>", "<[REDACTED:email]>"],
    ["a@b.io,c_d%e@sub-domain.example.org.", "[REDACTED:email],[REDACTED:email]."],
    ["line one\nmaya@example.com\n", "line one\n[REDACTED:email]\n"],
  ])("redacts %j", (text, expected) => {
    expect(email.redactText(text)).toBe(expected);
  });

  it.each([
    "npm i @opentelemetry/api",
    "react@19.0.0 and node@20",
    "@Component decorator",
    "user@localhost",
    "trailing.@example.com",
    "price @ 5.00",
    "a".repeat(80) + "@example.com", // longer than any local part
  ])("leaves %j", (text) => {
    expect(email.redactText(text)).toBe(text);
  });

  it("stays linear on a long run of letters with no domain after the @", () => {
    const text = "x".repeat(200_000) + "@";
    expect(email.redactText(text)).toBe(text);
  });
});
