import { describe, expect, it } from "vitest";

import { occurrenceCounter } from "./cli-entry-show.ts";

describe("occurrenceCounter", () => {
  it("counts a needle split across chunks once, and never twice", () => {
    const text = '{"entries":[{"id":"a","parent_id":{}},{"id":"b","parent_id":{}},{"parent_id":{}}]}';
    for (let size = 1; size <= text.length; size++) {
      const counter = occurrenceCounter('"parent_id":');
      for (let at = 0; at < text.length; at += size) counter.feed(text.slice(at, at + size));
      expect(counter.count(), `chunks of ${size}`).toBe(3);
    }
  });

  it("counts nothing in output without the needle", () => {
    const counter = occurrenceCounter('"parent_id":');
    counter.feed('{"entries":[]}');
    expect(counter.count()).toBe(0);
  });
});
