import { describe, expect, it } from "vitest";

import { describeChangedFields } from "./field-labels";

describe("describeChangedFields", () => {
  it("names changed fields with the form's labels", () => {
    expect(describeChangedFields(["x509SvidTtl"])).toBe("X.509-SVID TTL");
    expect(describeChangedFields(["parentId", "hint", "dnsNames"])).toBe("Parent ID, Hint and DNS names");
  });
});
