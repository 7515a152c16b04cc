import { describe, expect, it } from "vitest";

import { IndexBuildingError, retryIndexed, retryIndexedDelay } from "./fetch-indexed";
import { ApiClientError } from "./fetch-json";

const building = new IndexBuildingError({ server: "foo", indexed: 5_000, expected: 100_000, elapsedMs: 4_000 });

describe("retryIndexed", () => {
  it("keeps retrying while the index is built, every 1.5 s", () => {
    expect(retryIndexed(50, building)).toBe(true);
    expect(retryIndexed(599, building)).toBe(true);
    expect(retryIndexed(600, building)).toBe(false);
    expect(retryIndexedDelay(50, building)).toBe(1_500);
  });

  it("retries other server errors twice and client errors never", () => {
    const down = new ApiClientError(503, "unavailable", "SPIRE server 'foo' is unavailable");
    expect(retryIndexed(1, down)).toBe(true);
    expect(retryIndexed(2, down)).toBe(false);
    expect(retryIndexed(0, new ApiClientError(403, "permission_denied", "no"))).toBe(false);
    expect(retryIndexedDelay(3, down)).toBe(8_000);
  });

  it("carries the progress and says it as its message", () => {
    expect(building.status).toBe(503);
    expect(building.message).toBe("Indexed 5,000 of about 100,000 entries (5%) in 4 s.");
  });
});
