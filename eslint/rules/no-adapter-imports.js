// spire-console/no-adapter-imports: pages and routes (app/**) call loaders, never the adapters
// (lib/spire, lib/spiffe, lib/k8s). A loader authorizes and composes; an adapter only talks to
// SPIRE or Kubernetes, so a route that calls one skips the loader's check. Type-only imports pass.
import path from "node:path";

import { readModuleInfo } from "../module-info.js";
import { projectPathOf, rootDirOf } from "../resolve.js";

const defaults = { adapters: ["lib/spire", "lib/spiffe", "lib/k8s"] };

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "Pages and routes import no value from the adapters (lib/spire, lib/spiffe, lib/k8s)" },
    schema: [
      {
        type: "object",
        properties: { adapters: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [defaults],
    messages: {
      adapter:
        "Pages and routes call loaders, not adapters: {{target}} is an adapter. " +
        "Call (or add) a loader in lib/<feature>/ that authorizes and calls it; `import type` is fine.",
    },
  },
  create(context) {
    const rootDir = rootDirOf(context);
    const [options] = /** @type {[typeof defaults]} */ (context.options);
    const adapterDirs = options.adapters.map((dir) => path.join(rootDir, dir));
    const self = readModuleInfo(context.filename, context.sourceCode.text);
    return {
      "Program:exit"() {
        for (const record of self.imports) {
          if (record.typeOnly) continue;
          const base = projectPathOf(record.specifier, context.filename, rootDir);
          if (base === null || !adapterDirs.some((dir) => base === dir || base.startsWith(dir + path.sep))) continue;
          context.report({
            loc: {
              start: context.sourceCode.getLocFromIndex(record.start),
              end: context.sourceCode.getLocFromIndex(record.end),
            },
            messageId: "adapter",
            data: { target: `'${record.specifier}'` },
          });
        }
      },
    };
  },
};

export default rule;
