// Redaction of JSON text: what ingest stores is mostly JSON (attributes, events, messages as JSON
// inside JSON strings), and it must stay valid JSON with only string contents changed.
import { describe, expect, it } from "vitest";
import { ALL, filler } from "./support";

const TOKEN = `ghp_${filler(36)}`;

describe("redactJsonText", () => {
  it("replaces a secret inside a string value and keeps the JSON valid", () => {
    const json = JSON.stringify({ "http.request.header.authorization": `Bearer ${TOKEN}`, n: 4111111111111111, ok: true });
    const out = ALL.redactJsonText(json);
    expect(JSON.parse(out)).toEqual({ "http.request.header.authorization": "Bearer [REDACTED:secret]", n: 4111111111111111, ok: true });
  });

  it("leaves numbers alone, even ones that look like a card number", () => {
    const json = '{"a":4111111111111111,"b":[1.5e300,-0.25]}';
    expect(ALL.redactJsonText(json)).toBe(json);
  });

  it("returns the very same text when nothing matches", () => {
    const json = JSON.stringify({ "gen_ai.input.messages": JSON.stringify([{ role: "user", content: "hello" }]) });
    expect(ALL.redactJsonText(json)).toBe(json);
  });

  it("finds matches in JSON inside JSON strings, right after an escaped newline, and keeps both levels valid", () => {
    const messages = JSON.stringify([{ role: "user", parts: [{ type: "text", content: `my key:\n${TOKEN}\nmail maya@example.com` }] }]);
    const out = ALL.redactJsonText(JSON.stringify({ "gen_ai.input.messages": messages }));
    const inner = JSON.parse((JSON.parse(out) as Record<string, string>)["gen_ai.input.messages"]!) as { parts: { content: string }[] }[];
    expect(inner[0]!.parts[0]!.content).toBe("my key:\n[REDACTED:secret]\nmail [REDACTED:email]");
  });

  it("keeps the sender's own formatting and number digits in JSON text it did not write", () => {
    const raw = '[ {"role": "user",  "content": "mail maya@example.com", "n": 12345678901234567890} ]';
    expect(ALL.redactStoredText(raw)).toBe('[ {"role": "user",  "content": "mail [REDACTED:email]", "n": 12345678901234567890} ]');
  });

  it("sees through \\u escapes of plain characters", () => {
    const json = '{"note":"maya\\u0040example.com"}';
    expect(JSON.parse(ALL.redactJsonText(json))).toEqual({ note: "[REDACTED:email]" });
  });

  it("redacts keys as well as values", () => {
    expect(JSON.parse(ALL.redactJsonText('{"maya@example.com":{"role":"admin"}}'))).toEqual({ "[REDACTED:email]": { role: "admin" } });
  });

  it("keeps the values of the keys it is told to skip", () => {
    const events = '[{"name":"x","timeNs":"4111111111111111","attributes":{"card":"4111111111111111"}}]';
    expect(ALL.redactJsonText(events, new Set(["timeNs"]))).toBe('[{"name":"x","timeNs":"4111111111111111","attributes":{"card":"[REDACTED:credit_card]"}}]');
  });

  it("treats text that only looks like JSON as plain text", () => {
    expect(ALL.redactStoredText('{"broken": maya@example.com')).toBe('{"broken": [REDACTED:email]');
  });
});
