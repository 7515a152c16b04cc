// spire-console/client-no-server-imports: a "use client" module must not pull server code into the
// browser bundle, directly or through the modules it imports (`@/…` and relative imports are followed).
import { readModuleInfo } from "../module-info.js";
import { displayPath, isNodeBuiltin, matchesPackage, resolveModule, rootDirOf } from "../resolve.js";

const defaultServerPackages = [
  "server-only",
  "@grpc/*",
  "@kubernetes/client-node",
  "protobufjs",
  "pg",
  "openid-client",
];

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: {
      description:
        'Forbid "use client" modules from importing, even transitively, server-only modules, Node built-ins or server-side packages',
    },
    schema: [
      {
        type: "object",
        properties: { serverPackages: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ serverPackages: defaultServerPackages }],
    messages: {
      serverImport:
        "A client module must not import server code: {{chain}}. Import only types (`import type`), or load the data in a server component and pass it down as props.",
    },
  },
  create(context) {
    if (!hasUseClientDirective(context.sourceCode.ast)) return {};
    const self = readModuleInfo(context.filename, context.sourceCode.text);
    const rootDir = rootDirOf(context);
    const [{ serverPackages }] = /** @type {[{ serverPackages: string[] }]} */ (context.options);
    const selfName = displayPath(context.filename, rootDir);
    return {
      "Program:exit"() {
        for (const record of self.imports) {
          if (record.typeOnly) continue;
          const chain = findServerChain(record.specifier, context.filename, rootDir, serverPackages);
          if (!chain) continue;
          context.report({
            loc: {
              start: context.sourceCode.getLocFromIndex(record.start),
              end: context.sourceCode.getLocFromIndex(record.end),
            },
            messageId: "serverImport",
            data: { chain: [selfName, ...chain].join(" → ") },
          });
        }
      },
    };
  },
};

/**
 * True when the directive prologue (the leading string statements) contains "use client".
 * @param {import("eslint").AST.Program} program
 * @returns {boolean}
 */
function hasUseClientDirective(program) {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || !("directive" in statement)) return false;
    if (statement.directive === "use client") return true;
  }
  return false;
}

/**
 * Breadth-first walk from one import; returns the shortest chain (after the importing file) that
 * ends in server code, or null. Modules with a "use server" directive are boundaries: a client
 * imports server actions by reference, not their code.
 * @param {string} specifier
 * @param {string} fromFile
 * @param {string} rootDir
 * @param {readonly string[]} serverPackages
 * @returns {string[] | null}
 */
function findServerChain(specifier, fromFile, rootDir, serverPackages) {
  const direct = describeServerSpecifier(specifier, serverPackages);
  if (direct) return [direct];
  const first = resolveModule(specifier, fromFile, rootDir);
  if (!first) return null;
  /** @type {{ file: string, info: import("../module-info.js").ModuleInfo, chain: string[] }[]} */
  const queue = [{ ...first, chain: [displayPath(first.file, rootDir)] }];
  const seen = new Set([fromFile, first.file]);
  for (let index = 0; index < queue.length; index++) {
    const { file, info, chain } = /** @type {(typeof queue)[number]} */ (queue[index]);
    if (info.serverOnly) return [...chain.slice(0, -1), `${chain.at(-1)} (server-only)`];
    if (info.directives.includes("use server")) continue;
    for (const record of info.imports) {
      if (record.typeOnly) continue;
      const terminal = describeServerSpecifier(record.specifier, serverPackages);
      if (terminal) return [...chain, terminal];
      const next = resolveModule(record.specifier, file, rootDir);
      if (!next || seen.has(next.file)) continue;
      seen.add(next.file);
      queue.push({ ...next, chain: [...chain, displayPath(next.file, rootDir)] });
    }
  }
  return null;
}

/**
 * How a package or built-in specifier appears at the end of a chain, or null when it is allowed.
 * @param {string} specifier
 * @param {readonly string[]} serverPackages
 * @returns {string | null}
 */
function describeServerSpecifier(specifier, serverPackages) {
  if (isNodeBuiltin(specifier)) return `${specifier} (Node built-in)`;
  if (matchesPackage(specifier, serverPackages)) return `${specifier} (server package)`;
  return null;
}

export default rule;
