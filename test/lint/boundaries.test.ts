// The import boundaries in eslint.config.js, checked with the real config through ESLint's Node API.
// Sources are linted under virtual paths in test/lint/fixtures, which stands in for the repository
// root: `@/` resolves there, and its modules are what the virtual files import.
import path from "node:path";

import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

const fixturesRoot = path.join(import.meta.dirname, "fixtures");
const configFile = path.resolve(import.meta.dirname, "../../eslint.config.js");

/** The repository's config with `@/` pointing at the fixtures. Type-aware rules are off: the
 * virtual files are in no tsconfig project, and none of the boundary rules needs types. The fixtures
 * have no app/ directory, which Next's link rule would warn about on every run. */
const options: ESLint.Options = {
  cwd: fixturesRoot,
  overrideConfigFile: configFile,
  overrideConfig: [
    { settings: { "spire-console": { rootDir: fixturesRoot } } },
    { files: ["**/*.{ts,tsx}"], ...tseslint.configs.disableTypeChecked },
    { rules: { "@next/next/no-html-link-for-pages": "off" } },
  ],
};
const eslint = new ESLint(options);

// Loading the config imports every plugin (a few seconds on a busy machine): do it once, with room.
beforeAll(async () => {
  await eslint.calculateConfigForFile(path.join(fixturesRoot, "lib/entries/count-entries.ts"));
}, 60_000);

/** Lints `code` as if it were the file `filePath` under the fixtures root; returns every message. */
async function lintAs(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesRoot, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages;
}

/** The rule ids of `messages`, in order (null marks a parse error). */
function ruleIds(messages: Linter.LintMessage[]): (string | null)[] {
  return messages.map((message) => message.ruleId);
}

const pure = "spire-console/pure-imports-types-only";
const client = "spire-console/client-no-server-imports";
const routes = "spire-console/no-adapter-imports";

describe("adapters own their client libraries", () => {
  it("rejects @grpc/grpc-js in a pure feature file", async () => {
    const messages = await lintAs(
      "lib/entries/bad-grpc.ts",
      'import { credentials } from "@grpc/grpc-js";\n\nexport const insecure = credentials.createInsecure();\n',
    );
    expect(ruleIds(messages)).toEqual(["no-restricted-imports"]);
    expect(messages[0]?.message).toContain("Only lib/spire/** and lib/spiffe/** talk gRPC");
  });

  it("rejects @kubernetes/client-node outside lib/k8s and accepts it inside", async () => {
    const code = 'import { KubeConfig } from "@kubernetes/client-node";\n\nexport const config = new KubeConfig();\n';
    expect(ruleIds(await lintAs("lib/spire/kube.ts", code))).toEqual(["no-restricted-imports"]);
    expect(await lintAs("lib/k8s/kube-config.ts", code)).toEqual([]);
  });
});

describe("pure feature files take only types from adapters", () => {
  it("rejects a value import from @/lib/spire and from a relative path into it", async () => {
    for (const specifier of ["@/lib/spire/client", "../spire/client"]) {
      const messages = await lintAs(
        "lib/entries/list-all.ts",
        `import { listEntries } from "${specifier}";\n\nexport const listAll = listEntries;\n`,
      );
      expect(ruleIds(messages)).toEqual([pure]);
      expect(messages[0]?.message).toContain(`adapter '${specifier}'`);
    }
  });

  it("treats re-exports and dynamic imports as imports, and type re-exports as types", async () => {
    const reExport = await lintAs("lib/entries/index.ts", 'export { listEntries } from "@/lib/spire/client";\n');
    expect(ruleIds(reExport)).toEqual([pure]);

    const dynamic = await lintAs(
      "lib/entries/lazy.ts",
      'export const loadLater = () => import("@/lib/spire/client");\n',
    );
    expect(ruleIds(dynamic)).toEqual([pure]);

    expect(await lintAs("lib/entries/types.ts", 'export type { Entry } from "@/lib/spire/types";\n')).toEqual([]);
  });

  it("accepts a type import from the adapter", async () => {
    const messages = await lintAs(
      "lib/entries/entry-ids.ts",
      'import type { Entry } from "@/lib/spire/types";\n\n' +
        "/** The entry IDs, in order. */\n" +
        "export function listEntryIds(entries: readonly Entry[]): string[] {\n" +
        "  return entries.map((entry) => entry.id);\n" +
        "}\n",
    );
    expect(messages).toEqual([]);
  });

  it("rejects a value import of a server-only feature module and of a Node built-in", async () => {
    const loader = await lintAs(
      "lib/overview/load-all.ts",
      'import { loadEntryPage } from "@/lib/entries/load-entries";\n\nexport const loadAll = loadEntryPage;\n',
    );
    expect(ruleIds(loader)).toEqual([pure]);
    expect(loader[0]?.message).toContain("server-only module lib/entries/load-entries.ts");

    const builtin = await lintAs(
      "lib/entries/read-entries.ts",
      'import { readFile } from "node:fs/promises";\n\nexport const readEntries = readFile;\n',
    );
    expect(ruleIds(builtin)).toEqual([pure]);
    expect(builtin[0]?.message).toContain("Node built-in 'node:fs/promises'");
  });

  it("lets a server-only loader import the adapter", async () => {
    const messages = await lintAs(
      "lib/entries/load-entry-count.ts",
      'import "server-only";\n\n' +
        'import { listEntries } from "@/lib/spire/client";\n\n' +
        "/** Counts the registration entries. */\n" +
        "export async function loadEntryCount(): Promise<number> {\n" +
        "  return (await listEntries()).length;\n" +
        "}\n",
    );
    expect(messages).toEqual([]);
  });
});

describe("pages and routes call loaders, not adapters", () => {
  const route = (importLine: string, call: string) =>
    `${importLine}\n\n/** GET one entry. */\nexport async function GET() {\n  return Response.json(await ${call});\n}\n`;

  it("rejects a route that imports an adapter, by alias or relative path, and names it", async () => {
    for (const specifier of ["@/lib/spire/client", "../../../lib/spire/client"]) {
      const messages = await lintAs(
        "app/api/entries/route.ts",
        route(`import { listEntries } from "${specifier}";`, "listEntries()"),
      );
      expect(ruleIds(messages)).toEqual([routes]);
      expect(messages[0]?.message).toContain(`'${specifier}' is an adapter`);
    }
  });

  it("rejects a page that imports the Kubernetes or Workload API adapter", async () => {
    for (const specifier of ["@/lib/k8s/pods", "@/lib/spiffe/x509-source"]) {
      const messages = await lintAs(
        "app/(console)/pods/page.tsx",
        `import { listPods } from "${specifier}";\n\nexport default async function Page() {\n` +
          "  return <p>{(await listPods()).length}</p>;\n}\n",
      );
      expect(ruleIds(messages)).toEqual([routes]);
    }
  });

  it("accepts a route that calls a loader, and type imports from an adapter", async () => {
    const messages = await lintAs(
      "app/api/entries/route.ts",
      'import { loadEntryPage } from "@/lib/entries/load-entries";\n' +
        'import type { Entry } from "@/lib/spire/types";\n\n' +
        "/** GET the entries. */\nexport async function GET() {\n" +
        "  const entries: Entry[] = (await loadEntryPage()).entries;\n  return Response.json(entries);\n}\n",
    );
    expect(messages).toEqual([]);
  });
});

describe('"use client" modules never reach server code', () => {
  const component = (importLine: string, use: string) =>
    `"use client";\n\n${importLine}\n\n` +
    `/** Shows one label. */\nexport function EntryLabel({ id }: { id: string }) {\n  return <span>{${use}}</span>;\n}\n`;

  it("rejects a direct import of a server-only module and names it", async () => {
    const messages = await lintAs(
      "components/entries/entry-label.tsx",
      component('import { loadEntryPage } from "@/lib/entries/load-entries";', "loadEntryPage.name + id"),
    );
    expect(ruleIds(messages)).toEqual([client]);
    expect(messages[0]?.message).toContain(
      "components/entries/entry-label.tsx → lib/entries/load-entries.ts (server-only)",
    );
  });

  it("rejects a server-only module reached through a pure-looking module, reporting the chain", async () => {
    const messages = await lintAs(
      "components/entries/entry-label.tsx",
      component('import { labelEntry } from "@/lib/format/entry-label";', "labelEntry(id)"),
    );
    expect(ruleIds(messages)).toEqual([client]);
    expect(messages[0]?.message).toContain(
      "components/entries/entry-label.tsx → lib/format/entry-label.ts → lib/entries/load-entries.ts (server-only)",
    );
    expect(messages[0]?.line).toBe(3);
  });

  it("rejects a Node built-in", async () => {
    const messages = await lintAs(
      "components/entries/entry-label.tsx",
      component('import { basename } from "node:path";', "basename(id)"),
    );
    expect(ruleIds(messages)).toEqual([client]);
    expect(messages[0]?.message).toContain("entry-label.tsx → node:path (Node built-in)");
  });

  it('accepts a server action: a "use server" module is not followed', async () => {
    const messages = await lintAs(
      "components/entries/refresh-button.tsx",
      component('import { refreshEntries } from "@/lib/entries/refresh-entries";', "refreshEntries.name + id"),
    );
    expect(messages).toEqual([]);
  });

  it("accepts type-only imports of server-only modules, and pure modules", async () => {
    const messages = await lintAs(
      "components/entries/entry-count.tsx",
      '"use client";\n\n' +
        'import { countEntries } from "@/lib/entries/count-entries";\n' +
        'import type { EntryPage } from "@/lib/entries/load-entries";\n\n' +
        "/** Shows how many SPIFFE IDs the page holds. */\n" +
        "export function EntryCount({ page }: { page: EntryPage }) {\n" +
        "  return <span>{countEntries(page.entries).size}</span>;\n" +
        "}\n",
    );
    expect(messages).toEqual([]);
  });
});

describe("imports are sorted", () => {
  it("reports unsorted imports and fixes them into the configured groups", async () => {
    const code =
      'import { countEntries } from "./count-entries";\n' +
      'import type { Entry } from "@/lib/spire/types";\n' +
      'import { z } from "zod";\n' +
      'import path from "node:path";\n' +
      'import "server-only";\n\n' +
      "export const check = (entries: Entry[]) => [path.sep, z.string(), countEntries(entries)];\n";
    expect(ruleIds(await lintAs("lib/entries/check.ts", code))).toEqual(["simple-import-sort/imports"]);

    const fixer = new ESLint({ ...options, fix: true });
    const [fixed] = await fixer.lintText(code, { filePath: path.join(fixturesRoot, "lib/entries/check.ts") });
    expect(fixed?.output?.split("\n\n").slice(0, 5)).toEqual([
      'import "server-only";',
      'import path from "node:path";',
      'import { z } from "zod";',
      'import type { Entry } from "@/lib/spire/types";',
      'import { countEntries } from "./count-entries";',
    ]);
  });
});
