import { describe, expect, it } from "vitest";

import { nextThemeChoice, parseThemeChoice, themeClass } from "./theme-choice";

describe("theme choice", () => {
  it("reads only the three known values from the cookie", () => {
    expect(parseThemeChoice("dark")).toBe("dark");
    expect(parseThemeChoice("light")).toBe("light");
    expect(parseThemeChoice("DARK")).toBe("system");
    expect(parseThemeChoice(undefined)).toBe("system");
  });

  it("sets a class only for an explicit choice and cycles through all three", () => {
    expect(themeClass("system")).toBeUndefined();
    expect(themeClass("dark")).toBe("dark");
    expect([nextThemeChoice("system"), nextThemeChoice("light"), nextThemeChoice("dark")]).toEqual([
      "light",
      "dark",
      "system",
    ]);
  });
});
