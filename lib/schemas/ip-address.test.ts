import { describe, expect, it } from "vitest";

import { ipFamily } from "./ip-address";

describe("ipFamily", () => {
  it.each([
    ["127.0.0.1", 4],
    ["10.0.0.0", 4],
    ["255.255.255.255", 4],
    ["::1", 6],
    ["fd00::1:2", 6],
    ["::ffff:10.0.0.1", 6],
    ["256.1.1.1", 0],
    ["10.0.0", 0],
    ["01.2.3.4", 0],
    ["localhost", 0],
    ["1::2::3", 0],
    ["[::1]", 0],
    ["", 0],
  ])("%s → %i", (text, family) => {
    expect(ipFamily(text)).toBe(family);
  });
});
