import "server-only";

import { cookies } from "next/headers";

import { parseThemeChoice, THEME_COOKIE, type ThemeChoice } from "./theme-choice";

/** The theme the user chose (cookie), for the server's render of `<html>` and the toggle. */
export async function readThemeChoice(): Promise<ThemeChoice> {
  return parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
}
