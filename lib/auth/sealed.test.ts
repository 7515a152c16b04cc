import { describe, expect, it } from "vitest";

import { deriveKey, seal, unseal } from "./sealed";

const key = deriveKey("client-secret", "login-state");

describe("seal / unseal", () => {
  it("round-trips a value before it expires", () => {
    const sealed = seal({ state: "s", verifier: "v" }, key, 60_000, "login", 1_000);
    expect(unseal(sealed, key, "login", 2_000)).toEqual({ state: "s", verifier: "v" });
  });

  it("refuses an expired value", () => {
    expect(unseal(seal({ a: 1 }, key, 1_000, "login", 0), key, "login", 1_000)).toBeNull();
  });

  it("refuses another key, another purpose and any tampering", () => {
    const sealed = seal({ a: 1 }, key, 60_000, "login");
    expect(unseal(sealed, deriveKey("other-secret", "login-state"), "login")).toBeNull();
    expect(unseal(sealed, key, "other-cookie")).toBeNull();
    const bytes = Buffer.from(sealed, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    expect(unseal(bytes.toString("base64url"), key, "login")).toBeNull();
    expect(unseal("not-base64!!", key, "login")).toBeNull();
    expect(unseal("", key, "login")).toBeNull();
  });

  it("never seals two values the same way", () => {
    expect(seal({ a: 1 }, key, 60_000, "login")).not.toBe(seal({ a: 1 }, key, 60_000, "login"));
  });
});
