import { describe, expect, it } from "vitest";
import { isAllowedDomain, signInErrorMessage, SSO_REFUSED } from "@/lib/access/sso-policy";

describe("isAllowedDomain", () => {
  it("allows every domain when the list is empty", () => {
    expect(isAllowedDomain("someone@anywhere.example", [])).toBe(true);
  });

  it("compares the whole domain after the last @, in lower case", () => {
    const allowed = ["example.com"];
    expect(isAllowedDomain("Ada@Example.COM", allowed)).toBe(true);
    expect(isAllowedDomain("ada@sub.example.com", allowed)).toBe(false);
    expect(isAllowedDomain("ada@example.com.evil.test", allowed)).toBe(false);
    expect(isAllowedDomain("ada@evilexample.com", allowed)).toBe(false);
    expect(isAllowedDomain("example.com@evil.test", allowed)).toBe(false);
    expect(isAllowedDomain('"a@example.com"@evil.test', allowed)).toBe(false);
    expect(isAllowedDomain("no-at-sign", allowed)).toBe(false);
  });
});

describe("signInErrorMessage", () => {
  it("says nothing without an error", () => {
    expect(signInErrorMessage([])).toBeNull();
  });

  it("names the most specific reason Better Auth appended after error=sso", () => {
    expect(signInErrorMessage(["sso", SSO_REFUSED.domainNotAllowed])).toContain("email domain is not allowed");
    expect(signInErrorMessage(["sso", "access_denied"])).toContain("cancelled");
  });

  it("falls back to a general message for unknown or missing reasons", () => {
    expect(signInErrorMessage(["sso"])).toContain("Single sign-on did not complete");
    expect(signInErrorMessage(["sso", "<script>"])).toContain("Single sign-on did not complete");
  });
});
