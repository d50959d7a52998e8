import { describe, expect, it } from "vitest";
import { getNextTheme, getThemeClass, parseThemePreference } from "@/lib/format/theme";

describe("theme preference", () => {
  it.each([
    ["light", "light", "light", "dark"],
    ["dark", "dark", "dark", "system"],
    [undefined, "system", undefined, "light"],
    ["<script>", "system", undefined, "light"],
  ] as const)("cookie %s → %s, class %s, next %s", (cookie, preference, className, next) => {
    const parsed = parseThemePreference(cookie);
    expect(parsed).toBe(preference);
    expect(getThemeClass(parsed)).toBe(className);
    expect(getNextTheme(parsed)).toBe(next);
  });
});
