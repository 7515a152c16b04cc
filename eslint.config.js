// ESLint flat config. The import boundaries of the architecture are the point of the last blocks:
//   adapters      lib/spire, lib/spiffe (gRPC, protobufjs) and lib/k8s (@kubernetes/client-node);
//   feature code  lib/<feature>: pure files take only types from adapters, loaders are `import "server-only"`;
//   client code   "use client" modules never reach server code, even transitively;
//   app/          pages and routes import no value from an adapter: they call loaders.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

import spireConsole from "./eslint/plugin.js";

const adapterOnly = {
  grpc: {
    group: ["@grpc/*", "protobufjs", "protobufjs/*"],
    message: "Only lib/spire/** and lib/spiffe/** talk gRPC; import their plain types and functions instead.",
  },
  k8s: {
    group: ["@kubernetes/client-node", "@kubernetes/client-node/*"],
    message: "Only lib/k8s/** talks to the Kubernetes API; import its plain types and functions instead.",
  },
};

export default defineConfig([
  globalIgnores([
    "**/node_modules/",
    ".next/",
    ".next-*/",
    ".cache/",
    ".stack/",
    ".bench/",
    ".data/",
    "test-results/",
    "coverage/",
    "next-env.d.ts",
    // Deliberately broken modules that test/lint/boundaries.test.ts lints with its own root.
    "test/lint/fixtures/",
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  // Hooks and React Compiler rules only where React code lives (the compiler pass is the slowest rule).
  { files: ["app/**", "components/**", "lib/**"], ...reactHooks.configs.flat.recommended },
  nextPlugin.configs.recommended,
  nextPlugin.configs["core-web-vitals"],

  {
    name: "spire-console/base",
    plugins: { "simple-import-sort": simpleImportSort, "spire-console": spireConsole },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    settings: { "spire-console": { rootDir: import.meta.dirname } },
    rules: {
      "simple-import-sort/imports": [
        "error",
        // Side-effect imports ("server-only", CSS) first, then node: built-ins, packages, @/ aliases, relative.
        { groups: [["^\\u0000"], ["^node:"], ["^@?\\w"], ["^@/"], ["^"], ["^\\."]] },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "inline-type-imports" },
      ],
      // With the rule above: `import { a, type B }` when mixed, `import type { B }` when every name is a type.
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "no-console": ["error", { allow: ["warn", "error"] }],
      "spire-console/client-no-server-imports": "error",
    },
  },

  {
    // Roughly doubles the run time (one TypeScript program for the tree); measured well under 45 s on 2 cores.
    name: "spire-console/type-aware",
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { "@typescript-eslint/no-floating-promises": "error", "@typescript-eslint/no-misused-promises": "error" },
  },

  {
    name: "spire-console/app-globals",
    files: ["app/**", "components/**", "lib/**", "*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    name: "spire-console/node-globals",
    files: ["scripts/**", "test/**", "eslint/**", "server/**", "*.config.{js,mjs,ts}"],
    languageOptions: { globals: globals.node },
  },
  {
    // STYLE.md: "Files median 40-80 lines; split past ~300". Blank lines and comments are skipped so that
    // TSDoc and spacing are never the reason to split: the limit counts code, and code is what grows too big.
    name: "spire-console/max-lines",
    files: ["**/*.{ts,tsx,mjs}"],
    rules: { "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  { name: "spire-console/console-allowed", files: ["scripts/**", "test/**"], rules: { "no-console": "off" } },
  {
    name: "spire-console/scripts-run-by-node",
    files: ["scripts/**/*.ts"],
    rules: {
      // Node's type stripping resolves files literally: relative imports need their .ts extension.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.{1,2}/(?!.*\\.(?:ts|js|mjs|json)$)",
              message: "Scripts run under Node: add the .ts extension.",
            },
          ],
        },
      ],
    },
  },

  {
    name: "spire-console/adapters-only",
    files: ["app/**", "components/**", "lib/**", "*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [adapterOnly.grpc, adapterOnly.k8s] }] },
  },
  {
    name: "spire-console/adapters-grpc",
    files: ["lib/spire/**", "lib/spiffe/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [adapterOnly.k8s] }] },
  },
  {
    name: "spire-console/adapters-k8s",
    files: ["lib/k8s/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [adapterOnly.grpc] }] },
  },
  {
    name: "spire-console/pure-features",
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/spire/**", "lib/spiffe/**", "lib/k8s/**", "**/*.test.{ts,tsx}"],
    rules: { "spire-console/pure-imports-types-only": "error" },
  },
  {
    name: "spire-console/pages-and-routes-call-loaders",
    files: ["app/**/*.{ts,tsx}"],
    rules: { "spire-console/no-adapter-imports": "error" },
  },
]);
