// One bad request to the entry mutation API and what it must get back; the case tables beside this file
// are run by test/integration/entry-bad-inputs.test.ts against the real stack.

export const td = "spiffe://foo.example.com";
/** A create body SPIRE would accept; each case spoils one thing in it. */
export const good = {
  spiffeId: `${td}/it-bad/never-created`,
  parentId: `${td}/spire/server`,
  selectors: [{ type: "unix", value: "uid:7777" }],
};
export const with_ = (patch: Record<string, unknown>) => ({ ...good, ...patch });
export const without = (key: keyof typeof good) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));

export type Case = {
  name: string;
  method?: "POST" | "PATCH" | "DELETE";
  /** Path under /api/servers/foo/entries; `{seeded}` is replaced with a seeded entry's ID. */
  path?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  code: string;
  message: RegExp;
  /** The field path the 400 must name in `details`. */
  field?: string;
};
