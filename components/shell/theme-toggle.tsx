"use client";

import { useState } from "react";
import { getNextTheme, getThemeClass, THEME_COOKIE, type ThemePreference } from "@/lib/format/theme";

const LABELS: Record<ThemePreference, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const GLYPHS: Record<ThemePreference, string> = { system: "◐", light: "☀", dark: "☾" };

/** Cycles system → light → dark; the choice lives in a cookie so the server renders it without a flash. */
export function ThemeToggle({ initialTheme }: { initialTheme: ThemePreference }) {
  const [theme, setTheme] = useState(initialTheme);

  function toggle() {
    const next = getNextTheme(theme);
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    const className = getThemeClass(next);
    if (className) root.classList.add(className);
    root.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    setTheme(next);
  }

  return (
    <button
      type="button"
      onClick={toggle}
      className="flex items-center gap-2 rounded px-2 py-1 text-xs text-fg-muted hover:bg-muted hover:text-fg"
      title={`${LABELS[theme]} (click to change)`}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{GLYPHS[theme]}</span>
      {LABELS[theme]}
    </button>
  );
}
