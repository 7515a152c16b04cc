import { describe, expect, it } from "vitest";

import { splitIdForTruncation } from "./split-id";

describe("splitIdForTruncation", () => {
  it("keeps a short last segment whole as the tail", () => {
    expect(splitIdForTruncation("spiffe://foo.example.com/node/fleet")).toEqual({
      head: "spiffe://foo.example.com/node/",
      tail: "fleet",
    });
  });

  it("keeps the last 10 characters of a long segment such as an agent's hash", () => {
    const id = "spiffe://foo.example.com/spire/agent/x509pop/98afa18b51f8151cf781a46b32dfaa4a33cbfd4e";
    const { head, tail } = splitIdForTruncation(id);
    expect(tail).toBe("4a33cbfd4e");
    expect(head + tail).toBe(id);
  });

  it("does not split short values", () => {
    expect(splitIdForTruncation("spiffe://a.org")).toEqual({ head: "spiffe://a.org", tail: "" });
    expect(splitIdForTruncation("abc-123")).toEqual({ head: "abc-123", tail: "" });
  });
});
