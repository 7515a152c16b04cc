import { describe, expect, it } from "vitest";

import { formatAxisTick, formatPanelValue } from "./format-value";

describe("formatPanelValue", () => {
  it("formats by unit and shows a dash for no value", () => {
    expect(formatPanelValue(5, "count")).toBe("5");
    expect(formatPanelValue(0.3333, "per-second")).toBe("0.33/s");
    expect(formatPanelValue(12.54, "milliseconds")).toBe("12.5 ms");
    expect(formatPanelValue(0.004, "per-second")).toBe("0.0040/s");
    expect(formatPanelValue(1_797_184_872, "timestamp")).toBe("2026-12-13 18:01:12 UTC");
    expect(formatPanelValue(NaN, "count")).toBe("–");
  });

  it("shortens timestamps on a chart axis", () => {
    expect(formatAxisTick(1_797_184_872, "timestamp")).toBe("12-13 18:01");
    expect(formatAxisTick(3, "count")).toBe("3");
  });
});
