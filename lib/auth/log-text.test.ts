import { describe, expect, it } from "vitest";

import { logText } from "./log-text";

describe("logText", () => {
  it("keeps a provider's error text on one quoted line", () => {
    const error = Object.assign(new Error("OAuth error"), {
      error: "access_denied",
      error_description: "nope\n[auth] admin signed in\u001b[2J\u2028",
    });
    const line = logText(error);
    for (const raw of ["\n", "\r", "\u001b", "\u2028"]) expect(line).not.toContain(raw);
    expect(line).toContain("\\n[auth] admin signed in\\u001b[2J\\u2028");
    expect(JSON.parse(line)).toMatchObject({ error: "access_denied", message: "OAuth error" });
  });

  it("quotes what is not an Error", () => {
    expect(logText("a\nb")).toBe('"a\\nb"');
  });
});
