import { describe, expect, it } from "vitest";

import { auditQuerySchema } from "./audit";

describe("auditQuerySchema", () => {
  it("treats the empty fields of a submitted filter form as absent", () => {
    const parsed = auditQuerySchema.parse({ actor: "", outcome: "", from: "", to: "", server: "" });
    expect(parsed).toEqual({ limit: 50, format: "json" });
  });

  it("names a bad time or outcome", () => {
    const result = auditQuerySchema.safeParse({ from: "yesterday", outcome: "maybe" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["outcome", "from"]);
  });
});
