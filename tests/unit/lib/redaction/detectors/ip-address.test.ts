import { describe, expect, it } from "vitest";
import { redactorFor } from "../support";

const ip = redactorFor("ip_address");

describe("ip_address detector", () => {
  it.each([
    ["from 192.168.1.20 via 10.0.0.1", "from [REDACTED:ip_address] via [REDACTED:ip_address]"],
    ["http://203.0.113.7:8080/x", "http://[REDACTED:ip_address]:8080/x"],
    ["v6 2001:db8:85a3::8a2e:370:7334.", "v6 [REDACTED:ip_address]."],
    ["full 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "full [REDACTED:ip_address]"],
    ["mapped ::ffff:192.0.2.1 end", "mapped [REDACTED:ip_address] end"],
    ["link fe80::1ff:fe23:4567:890a", "link [REDACTED:ip_address]"],
  ])("redacts %j", (text, expected) => {
    expect(ip.redactText(text)).toBe(expected);
  });

  it.each([
    "version 1.2.3.4",
    "v1.2.3.4",
    "Chrome/120.0.0.0 Safari/537.36",
    "semver 1.2.3",
    "oid 1.3.6.1.4.1.2021",
    "bad 256.1.1.1 and 01.02.03.04",
    "at 12:30:45",
    "mac 00:1a:2b:3c:4d:5e",
    "std::string and dead::beef",
  ])("leaves %j", (text) => {
    expect(ip.redactText(text)).toBe(text);
  });
});
