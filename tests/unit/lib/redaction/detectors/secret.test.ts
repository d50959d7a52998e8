import { rules } from "@secretlint/secretlint-rule-preset-recommend";
import { describe, expect, it } from "vitest";
import { HINTS, SKIPPED_RULES } from "@/lib/redaction/detectors/secretlint-rules";
import { filler, redactorFor } from "../support";

const secret = redactorFor("secret");

const PEM_BODY = `MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC${filler(120)}\n${filler(64)}==`;

/** One credential of each provider the contract names, plus some the preset adds. */
const CREDENTIALS: [string, string][] = [
  ["OpenAI project key", `sk-proj-${filler(74)}T3BlbkFJ${filler(74)}`],
  ["OpenAI legacy key", `sk-${filler(20)}T3BlbkFJ${filler(20)}`],
  ["OpenAI project key of another length", `sk-proj-${filler(48)}T3BlbkFJ${filler(48)}`],
  ["OpenAI service-account key with dashes", `sk-svcacct-${filler(30)}-_x${filler(10)}T3BlbkFJ${filler(30)}_${filler(9)}`],
  ["Anthropic API key", `sk-ant-api03-${filler(93)}AA`],
  ["Anthropic admin key", `sk-ant-admin01-${filler(93)}AA`],
  ["AWS access key id", "AKIAZ7ZLQ5N3PX4TQWER"],
  ["AWS temporary access key id", "ASIAZ7ZLQ5N3PX4TQWER"],
  ["GitHub personal access token", `ghp_${filler(36)}`],
  ["GitHub OAuth token", `gho_${filler(36)}`],
  ["GitHub fine-grained token", `github_pat_${filler(82)}`],
  ["Slack bot token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"],
  ["Slack webhook", `https://hooks.slack.com/services/T0123ABCD/B0123ABCD/${filler(24)}`],
  ["Google API key", `AIza${filler(35)}`],
  ["Google OAuth access token", `ya29.${filler(60)}`],
  ["Google OAuth client secret", `GOCSPX-${filler(28)}`],
  ["JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"],
  ["npm token", `npm_${filler(36)}`],
  ["Hugging Face token", `hf_${filler(34, "aBcDeFgHiJkLmNoPqRsTuVwXyZ")}`],
  ["Stripe live key", `sk_live_${filler(24)}`],
];

describe("secret detector", () => {
  it.each(CREDENTIALS)("redacts a %s", (_label, credential) => {
    expect(secret.redactText(`use ${credential} here`)).toBe("use [REDACTED:secret] here");
    expect(secret.redactText(`KEY="${credential}"\n`)).toBe('KEY="[REDACTED:secret]"\n');
  });

  // The preset reports a URL with credentials up to its host (basic auth) or to its end (databases).
  it.each([
    ["basic auth in a URL", "https://admin:Sup3rS3cretPw@api.example.com/v1", "Sup3rS3cretPw"],
    ["a PostgreSQL URL with a password", "postgres://app:Kx9pLm2Qr7@db.example.com:5432/prod", "Kx9pLm2Qr7"],
    ["a MongoDB URL with a password", "mongodb+srv://app:Kx9pLm2Qr7@cluster0.example.net/prod", "Kx9pLm2Qr7"],
  ])("redacts %s", (_label, url, password) => {
    const redacted = secret.redactText(`connect to ${url} now`);
    expect(redacted).toContain("connect to [REDACTED:secret]");
    expect(redacted).not.toContain(password);
  });

  it("redacts a private key block whole", () => {
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`;
    expect(secret.redactText(`key:\n${pem}\nbye`)).toBe("key:\n[REDACTED:secret]\nbye");
  });

  it("redacts the whole AWS secret access key after its name, not the name and half the key", () => {
    const key = "Zx9Kq2Lm7Np4Rs6Tv8Wy1Ab3Cd5Ef7Gh9Ij0KlMn";
    const redacted = secret.redactText(`aws_secret_access_key = ${key}\n`);
    expect(redacted).not.toContain(key.slice(-12));
    expect(redacted).toContain("[REDACTED:secret]");
  });

  it.each([
    ["a UUID", "550e8400-e29b-41d4-a716-446655440000"],
    ["a git commit", "9fceb02d0ae598e95dc970b74767f19372d61af8"],
    ["a SHA-256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["a hex span id", "00f067aa0ba902b7"],
    ["a tool call id", "call_185213682f507350aff3c83e"],
    ["words with sk- inside", "the task-runner takes a risk-free path"],
    ["a short ghp_ mention", "tokens start with ghp_ on GitHub"],
    ["an AWS account id", "aws_account_id: 1234-5678-9012"],
    ["a URL without credentials", "https://docs.example.com/a:b@c"],
    ["a placeholder private key", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"],
  ])("leaves %s", (_label, text) => {
    expect(secret.redactText(text)).toBe(text);
  });

  it("runs every rule of secretlint's preset except the two it skips on purpose", () => {
    const ids = (rules as unknown as { meta: { id: string } }[]).map((r) => r.meta.id);
    const missing = ids.filter((id) => !SKIPPED_RULES.has(id) && HINTS[id] === undefined);
    expect(missing).toEqual([]);
  });
});
