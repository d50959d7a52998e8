// Theme preference, kept in a cookie so the server renders the right class on <html> (no flash).

export const THEME_COOKIE = "hs-theme";
export type ThemePreference = "light" | "dark" | "system";

/** Reads the cookie value; anything unknown means "follow the system". */
export function parseThemePreference(value: string | undefined | null): ThemePreference {
  return value === "light" || value === "dark" ? value : "system";
}

/** The class for <html>: "light", "dark", or none (CSS follows prefers-color-scheme). */
export function getThemeClass(theme: ThemePreference): string | undefined {
  return theme === "system" ? undefined : theme;
}

/** The next preference when the toggle is pressed: system → light → dark → system. */
export function getNextTheme(theme: ThemePreference): ThemePreference {
  return theme === "system" ? "light" : theme === "light" ? "dark" : "system";
}
