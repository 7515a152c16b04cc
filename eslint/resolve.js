// Resolves the project's own module specifiers (`@/…` from the repository root, `./…`, `../…`)
// the way the bundler does for this repository, and matches package specifiers against lists.
import { isBuiltin } from "node:module";
import path from "node:path";

import { loadModuleInfo } from "./module-info.js";

const candidateSuffixes = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];
const sourceExtension = /\.(?:[cm]?[jt]sx?)$/;

/**
 * The path a project-local specifier points at, before extensions are tried; null for packages.
 * @param {string} specifier
 * @param {string} fromFile Absolute path of the importing file.
 * @param {string} rootDir  Absolute path `@/` maps to.
 * @returns {string | null}
 */
export function projectPathOf(specifier, fromFile, rootDir) {
  if (specifier.startsWith("@/")) return path.join(rootDir, specifier.slice(2));
  if (specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../")) {
    return path.resolve(path.dirname(fromFile), specifier);
  }
  return null;
}

/**
 * The source file a project-local specifier resolves to (trying .ts, .tsx, index.ts, index.tsx), or null.
 * @param {string} specifier
 * @param {string} fromFile
 * @param {string} rootDir
 * @returns {{ file: string, info: import("./module-info.js").ModuleInfo } | null}
 */
export function resolveModule(specifier, fromFile, rootDir) {
  const base = projectPathOf(specifier, fromFile, rootDir);
  if (base === null) return null;
  for (const suffix of candidateSuffixes) {
    const file = base + suffix;
    if (suffix === "" && !sourceExtension.test(file)) continue;
    const info = loadModuleInfo(file);
    if (info) return { file, info };
  }
  return null;
}

/**
 * True for Node built-ins, with or without the `node:` prefix (`node:fs`, `fs/promises`).
 * @param {string} specifier
 * @returns {boolean}
 */
export function isNodeBuiltin(specifier) {
  return specifier.startsWith("node:") || isBuiltin(specifier);
}

/**
 * True when `specifier` is one of `packages` or a subpath of one; an entry ending in `/*` matches a scope.
 * @param {string} specifier
 * @param {readonly string[]} packages
 * @returns {boolean}
 */
export function matchesPackage(specifier, packages) {
  return packages.some((name) =>
    name.endsWith("/*")
      ? specifier.startsWith(name.slice(0, -1))
      : specifier === name || specifier.startsWith(`${name}/`),
  );
}

/**
 * `file` relative to `rootDir`, with forward slashes, for messages.
 * @param {string} file
 * @param {string} rootDir
 * @returns {string}
 */
export function displayPath(file, rootDir) {
  return path.relative(rootDir, file).split(path.sep).join("/");
}

/**
 * The directory `@/` maps to: the `rootDir` shared setting, else ESLint's working directory.
 * @param {import("eslint").Rule.RuleContext} context
 * @returns {string}
 */
export function rootDirOf(context) {
  const settings = /** @type {{ rootDir?: string } | undefined} */ (context.settings["spire-console"]);
  return path.resolve(context.cwd, settings?.rootDir ?? ".");
}
