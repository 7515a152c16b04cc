import { describe, expect, it } from "vitest";

import { ulid } from "./ulid";

describe("ulid", () => {
  it("is 26 Crockford base32 characters", () => {
    expect(ulid()).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it("sorts by time and differs within one millisecond", () => {
    const ids = [ulid(1_000), ulid(2_000), ulid(1_700_000_000_000), ulid(1_700_000_000_001)];
    expect([...ids].sort()).toEqual(ids);
    expect(ulid(5)).not.toBe(ulid(5));
  });
});
