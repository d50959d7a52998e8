// The alert variables of getEnv: defaults, given values, and errors naming the variable.
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";

const env = (vars: Record<string, string>) => getEnv(vars as NodeJS.ProcessEnv);

describe("alert environment", () => {
  it("defaults to a 60 s scheduler, 1 s first retry and no public URL (links use the origin or localhost:PORT)", () => {
    expect(env({})).toMatchObject({ HINDSIGHT_ALERT_INTERVAL_SECONDS: 60, HINDSIGHT_ALERT_RETRY_BASE_MS: 1000 });
    expect(env({}).HINDSIGHT_PUBLIC_URL).toBeUndefined();
  });

  it("reads given values; 0 turns the scheduler off", () => {
    expect(
      env({ HINDSIGHT_ALERT_INTERVAL_SECONDS: "0", HINDSIGHT_ALERT_RETRY_BASE_MS: "50", HINDSIGHT_PUBLIC_URL: " https://hindsight.example.com/base " }),
    ).toMatchObject({
      HINDSIGHT_ALERT_INTERVAL_SECONDS: 0,
      HINDSIGHT_ALERT_RETRY_BASE_MS: 50,
      HINDSIGHT_PUBLIC_URL: "https://hindsight.example.com/base",
    });
  });

  it.each([
    [{ HINDSIGHT_ALERT_INTERVAL_SECONDS: "-1" }, "HINDSIGHT_ALERT_INTERVAL_SECONDS"],
    [{ HINDSIGHT_ALERT_INTERVAL_SECONDS: "1.5" }, "HINDSIGHT_ALERT_INTERVAL_SECONDS"],
    [{ HINDSIGHT_ALERT_INTERVAL_SECONDS: "every minute" }, "HINDSIGHT_ALERT_INTERVAL_SECONDS"],
    [{ HINDSIGHT_ALERT_RETRY_BASE_MS: "-5" }, "HINDSIGHT_ALERT_RETRY_BASE_MS"],
    [{ HINDSIGHT_PUBLIC_URL: "hindsight.example.com" }, "HINDSIGHT_PUBLIC_URL"],
    [{ HINDSIGHT_PUBLIC_URL: "ftp://hindsight.example.com" }, "HINDSIGHT_PUBLIC_URL"],
  ])("refuses %o", (vars, variable) => {
    expect(() => env(vars)).toThrow(new RegExp(`\\n  ${variable}: `));
  });
});
