import { describe, expect, it } from "vitest";

// @ts-expect-error: a plain JavaScript module (the CLI runs on Node without a build step)
import { formatPlan, main, parseArgs } from "./spire-console.mjs";

describe("the spire-console CLI", () => {
  it("reads flags, values and files", () => {
    expect(parseArgs(["plan", "--server", "main", "set.yaml", "--detailed-exitcode", "--source-revision=abc"])).toEqual(
      {
        command: "plan",
        positional: ["set.yaml"],
        options: { server: "main", "detailed-exitcode": true, "source-revision": "abc" },
      },
    );
  });

  it("prints a plan with its field changes, risks and guard", () => {
    const text = formatPlan({
      id: "P1",
      server: "main",
      summaryLine: "0 to add, 1 to change, 0 to delete",
      changes: [
        {
          action: "update",
          spiffeId: "spiffe://x/a",
          entryId: "a",
          fields: [{ field: "hint", before: "", after: "web" }],
        },
      ],
      unmanaged: [],
      risks: [{ kind: "admin-set", spiffeId: "spiffe://x/a", message: "Makes this identity admin." }],
      guard: { tripped: false },
    }) as string;
    expect(text.split("\n")).toEqual([
      "Plan P1 for server main: 0 to add, 1 to change, 0 to delete",
      "  ~ spiffe://x/a (a)",
      "      hint:  -> web",
      "  ! admin-set: spiffe://x/a: Makes this identity admin.",
    ]);
  });

  it("prints the federation relationships a plan changes and the ones it leaves unmanaged", () => {
    const text = formatPlan({
      id: "P2",
      server: "main",
      summaryLine: "1 to add, 1 to change, 0 to delete",
      changes: [],
      federation: {
        changes: [
          { action: "create", trustDomain: "bar.example.com", fields: [] },
          {
            action: "update",
            trustDomain: "baz.example.com",
            fields: [{ field: "bundleEndpointUrl", before: "https://old:8443", after: "https://new:8443" }],
          },
        ],
        unchanged: 0,
        unmanaged: ["qux.example.com"],
        pinned: {},
      },
      unmanaged: [],
      risks: [],
      guard: { tripped: false },
    }) as string;
    expect(text.split("\n")).toEqual([
      "Plan P2 for server main: 1 to add, 1 to change, 0 to delete",
      "  + federation with bar.example.com",
      "  ~ federation with baz.example.com",
      "      bundleEndpointUrl: https://old:8443 -> https://new:8443",
      "  ? unmanaged federation with qux.example.com",
    ]);
  });

  it("exits 1 on an unknown command or a missing URL", async () => {
    const saved = process.env.SPIRE_CONSOLE_URL;
    delete process.env.SPIRE_CONSOLE_URL;
    expect(await main(["nope"])).toBe(1);
    expect(await main(["drift"])).toBe(1);
    if (saved !== undefined) process.env.SPIRE_CONSOLE_URL = saved;
  });

  it("exits 0 when asked for help, as a command or a flag", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(await main(["plan", "--help"])).toBe(0);
  });
});
