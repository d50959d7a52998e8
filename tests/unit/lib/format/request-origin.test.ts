import { describe, expect, it } from "vitest";
import { getRequestOrigin } from "@/lib/format/request-origin";

const headersOf = (record: Record<string, string>) => ({ get: (name: string) => record[name] ?? null });

describe("getRequestOrigin", () => {
  it.each([
    [{ host: "localhost:3000" }, "http://localhost:3000"],
    [{ host: "hindsight.internal:8080", "x-forwarded-proto": "https" }, "https://hindsight.internal:8080"],
    [{ host: "a", "x-forwarded-host": "proxy.example, other" }, "http://proxy.example"],
    [{ host: "[::1]:3000" }, "http://[::1]:3000"],
    [{}, "http://localhost:3000"],
    [{ host: "evil.com/<script>" }, "http://localhost:3000"],
  ])("%j → %s", (headers, expected) => {
    expect(getRequestOrigin(headersOf(headers))).toBe(expected);
  });
});
