import { describe, expect, it } from "vitest";
import { extractExceptions, hasContent, pickModelParameters, stringifyValue, truncateText } from "@/lib/trace/span-content";

describe("extractExceptions", () => {
  it.each([
    {
      name: "exception event",
      span: {
        status: "error" as const,
        statusMessage: "boom",
        events: [
          {
            name: "exception",
            time: "t",
            attributes: { "exception.type": "TypeError", "exception.message": "x is undefined", "exception.stacktrace": "at f (a.js:1)" },
          },
        ],
      },
      expected: [{ type: "TypeError", message: "x is undefined", stacktrace: "at f (a.js:1)", time: "t" }],
    },
    {
      name: "error status only",
      span: { status: "error" as const, statusMessage: "timeout", events: [] },
      expected: [{ type: null, message: "timeout", stacktrace: null, time: null }],
    },
    {
      name: "ok span without events",
      span: { status: "ok" as const, statusMessage: null, events: [{ name: "log", time: "t", attributes: {} }] },
      expected: [],
    },
  ])("$name", ({ span, expected }) => {
    expect(extractExceptions(span)).toEqual(expected);
  });
});

describe("pickModelParameters", () => {
  it.each([
    {
      name: "GenAI semconv",
      attrs: { "gen_ai.request.model": "gpt-4o", "gen_ai.request.temperature": 0.2, "gen_ai.request.max_tokens": 100, other: 1 },
      expected: [
        ["max_tokens", 100],
        ["temperature", 0.2],
      ],
    },
    { name: "Vercel settings", attrs: { "ai.settings.maxRetries": 2 }, expected: [["maxRetries", 2]] },
    { name: "OpenInference JSON", attrs: { "llm.invocation_parameters": '{"temperature":0,"model":"x"}' }, expected: [["temperature", 0]] },
    { name: "bad JSON ignored", attrs: { "llm.invocation_parameters": "{" }, expected: [] },
  ])("$name", ({ attrs, expected }) => {
    expect(pickModelParameters(attrs)).toEqual(expected);
  });
});

describe("stringifyValue", () => {
  it.each([
    [undefined, ""],
    ["<b>hi</b>", "<b>hi</b>"],
    [null, "null"],
    [{ a: [1] }, '{\n  "a": [\n    1\n  ]\n}'],
    [12n, '"12"'],
  ])("%s → %j", (value, expected) => {
    expect(stringifyValue(value)).toBe(expected);
  });
});

describe("truncateText", () => {
  it.each([
    ["short", 10, { text: "short", isTruncated: false, hiddenChars: 0 }],
    ["abcdef", 3, { text: "abc", isTruncated: true, hiddenChars: 3 }],
    ["a😀b", 2, { text: "a", isTruncated: true, hiddenChars: 3 }],
  ])("%j at %i", (text, max, expected) => {
    expect(truncateText(text, max)).toEqual(expected);
  });
});

describe("hasContent", () => {
  it.each([
    [null, false],
    [undefined, false],
    ["", false],
    [[], false],
    [{}, false],
    ["x", true],
    [0, true],
    [{ a: 1 }, true],
  ])("%j → %s", (value, expected) => {
    expect(hasContent(value)).toBe(expected);
  });
});
