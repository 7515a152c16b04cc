// spire-console/pure-imports-types-only: a feature module without `import "server-only"` is pure
// logic. It may take only types from the adapters (lib/spire, lib/spiffe, lib/k8s), and must not
// import server-only modules, Node built-ins or server-side packages. Type-only imports always pass.
import path from "node:path";

import { readModuleInfo } from "../module-info.js";
import { displayPath, isNodeBuiltin, matchesPackage, projectPathOf, resolveModule, rootDirOf } from "../resolve.js";

const defaults = {
  adapters: ["lib/spire", "lib/spiffe", "lib/k8s"],
  allowBuiltins: /** @type {string[]} */ ([]),
  serverPackages: ["pg", "openid-client"],
};

const hint = 'Import only types (`import type`), or make this file a loader with `import "server-only"`.';

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: {
      description:
        'Allow pure feature modules (no `import "server-only"`) only type imports from adapters, and no server-only modules, Node built-ins or server packages',
    },
    schema: [
      {
        type: "object",
        properties: {
          adapters: { type: "array", items: { type: "string" } },
          allowBuiltins: { type: "array", items: { type: "string" } },
          serverPackages: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [defaults],
    messages: {
      adapterValue: `Pure module imports a value from the adapter {{target}}. ${hint}`,
      serverOnly: `Pure module imports the server-only module {{target}}. ${hint}`,
      builtin: `Pure module imports the Node built-in '{{target}}'. ${hint}`,
      serverPackage: `Pure module imports the server package '{{target}}'. ${hint}`,
    },
  },
  create(context) {
    const self = readModuleInfo(context.filename, context.sourceCode.text);
    if (self.serverOnly) return {};
    const rootDir = rootDirOf(context);
    const [options] = /** @type {[typeof defaults]} */ (context.options);
    const adapterDirs = options.adapters.map((dir) => path.join(rootDir, dir));
    return {
      "Program:exit"() {
        for (const record of self.imports) {
          if (record.typeOnly) continue;
          const problem = classify(record.specifier);
          if (!problem) continue;
          context.report({
            loc: {
              start: context.sourceCode.getLocFromIndex(record.start),
              end: context.sourceCode.getLocFromIndex(record.end),
            },
            messageId: problem.messageId,
            data: { target: problem.target },
          });
        }
      },
    };

    /**
     * @param {string} specifier
     * @returns {{ messageId: string, target: string } | null}
     */
    function classify(specifier) {
      if (isNodeBuiltin(specifier)) {
        return options.allowBuiltins.includes(specifier) ? null : { messageId: "builtin", target: specifier };
      }
      if (matchesPackage(specifier, options.serverPackages)) return { messageId: "serverPackage", target: specifier };
      const base = projectPathOf(specifier, context.filename, rootDir);
      if (base === null) return null;
      if (adapterDirs.some((dir) => base === dir || base.startsWith(dir + path.sep))) {
        return { messageId: "adapterValue", target: `'${specifier}'` };
      }
      const resolved = resolveModule(specifier, context.filename, rootDir);
      if (resolved?.info.serverOnly) return { messageId: "serverOnly", target: displayPath(resolved.file, rootDir) };
      return null;
    }
  },
};

export default rule;
