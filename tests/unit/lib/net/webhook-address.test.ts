// Webhook URLs reach public addresses only: literal addresses, and hostnames by what they resolve to.
import { describe, expect, it } from "vitest";
import { maskWebhookUrl } from "@/lib/alerts/webhook-mask";
import { checkWebhookUrl, refusedAddressReason, type Lookup } from "@/lib/net/webhook-address";

const resolvesTo =
  (...addresses: string[]): Lookup =>
  async () =>
    addresses;

describe("refusedAddressReason", () => {
  it.each([
    ["127.0.0.1", /loopback/],
    ["::1", /loopback/],
    ["10.1.2.3", /private/],
    ["172.16.0.9", /private/],
    ["192.168.1.1", /private/],
    ["fd00:ec2::254", /unique local/],
    ["169.254.169.254", /link-local.*metadata/],
    ["fe80::1", /link-local/],
    ["100.100.100.200", /carrier-grade NAT/],
    ["0.0.0.0", /unspecified/],
    ["224.0.0.1", /multicast/],
    ["::ffff:10.0.0.1", /private/],
    ["::ffff:127.0.0.1", /loopback/],
  ])("refuses %s", (address, reason) => {
    expect(refusedAddressReason(address)).toMatch(reason);
  });
  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "93.184.215.14"])("allows %s", (address) => {
    expect(refusedAddressReason(address)).toBeNull();
  });
});

describe("checkWebhookUrl", () => {
  const check = (url: string, resolve: Lookup = resolvesTo("93.184.215.14")) => checkWebhookUrl(url, { allowPrivate: false, resolve });

  it("allows a public host and says where delivery may connect", async () => {
    expect(await check("https://hooks.example.com/x?y=1")).toMatchObject({ ok: true, addresses: ["93.184.215.14"] });
  });
  it.each([
    ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is a link-local address/],
    ["http://127.0.0.1:8080/hook", /127\.0\.0\.1 is a loopback address/],
    ["http://[::1]/hook", /::1 is a loopback address/],
    ["ftp://hooks.example.com/", /http:\/\/ or https:\/\//],
    ["https://user:pw@hooks.example.com/", /user name or password/],
    ["not a url", /not a valid URL/],
  ])("refuses %s", async (url, reason) => {
    const result = await check(url);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
  it("refuses a hostname that resolves to a private address, naming both", async () => {
    const result = await check("https://internal.example.com/hook", resolvesTo("10.0.0.5"));
    expect(!result.ok && result.reason).toMatch(/internal\.example\.com resolves to 10\.0\.0\.5, which is a private address/);
  });
  it("refuses when any of the addresses is private (a round-robin answer cannot smuggle one in)", async () => {
    expect((await check("https://mixed.example.com/", resolvesTo("93.184.215.14", "192.168.0.2"))).ok).toBe(false);
  });
  it("refuses a host that does not resolve", async () => {
    const failing: Lookup = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await check("https://nowhere.invalid/", failing)).toEqual({ ok: false, reason: "host nowhere.invalid does not resolve" });
  });
  it("allows private addresses when HINDSIGHT_WEBHOOK_ALLOW_PRIVATE says so", async () => {
    expect((await checkWebhookUrl("http://127.0.0.1:9/hook", { allowPrivate: true })).ok).toBe(true);
  });
});

describe("maskWebhookUrl", () => {
  it.each([
    ["https://hooks.slack.com/services/T000/B000/XXXX", "https://hooks.slack.com/…"],
    ["https://example.com/hook?token=secret", "https://example.com/…"],
    ["https://example.com/", "https://example.com/"],
    ["garbage", "…"],
  ])("%s → %s", (url, masked) => {
    expect(maskWebhookUrl(url)).toBe(masked);
  });
});
