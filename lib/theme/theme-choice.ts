/** The cookie that keeps the user's theme; read on the server so the first paint has it (no flash). */
export const THEME_COOKIE = "spire-console-theme";

/** "system" follows the operating system's light or dark setting. */
export type ThemeChoice = "system" | "light" | "dark";

const choices: readonly ThemeChoice[] = ["system", "light", "dark"];

/** The theme a cookie value names; anything else is "system". */
export function parseThemeChoice(value: string | undefined | null): ThemeChoice {
  return choices.find((c) => c === value) ?? "system";
}

/** The class set on `<html>` for a choice ("system" sets none and lets `prefers-color-scheme` decide). */
export function themeClass(choice: ThemeChoice): string | undefined {
  return choice === "system" ? undefined : choice;
}

/** The choice after `current` when the toggle is pressed: system → light → dark → system. */
export function nextThemeChoice(current: ThemeChoice): ThemeChoice {
  return choices[(choices.indexOf(current) + 1) % choices.length]!;
}
