// Reads what the boundary rules need from a TypeScript module: its directives, whether it is
// server-only, and its import/export-from/dynamic-import specifiers (each marked type-only or not).
// Parsed with the TypeScript compiler's parser alone (no type checker), cached per file.
import { readFileSync, statSync } from "node:fs";

import ts from "typescript";

/**
 * @typedef {object} ImportRecord
 * @property {string} specifier  The module specifier as written.
 * @property {boolean} typeOnly  True when the import vanishes at compile time
 *   (`import type`, or only `type` specifiers).
 * @property {number} start      Offset of the statement (or `import(...)` call) in the text.
 * @property {number} end        End offset of the statement (or call).
 */

/**
 * @typedef {object} ModuleInfo
 * @property {boolean} serverOnly  Has a top-level side-effect `import "server-only"`.
 * @property {string[]} directives The directive prologue, e.g. `["use client"]`.
 * @property {ImportRecord[]} imports
 */

/** @type {Map<string, { mtimeMs: number, size: number, info: ModuleInfo }>} */
const cache = new Map();

/**
 * Parses module text into the facts the boundary rules use.
 * @param {string} fileName Used only to choose TS or TSX parsing.
 * @param {string} text
 * @returns {ModuleInfo}
 */
export function readModuleInfo(fileName, text) {
  const kind = /\.[cm]?[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  /** @type {ImportRecord[]} */
  const imports = [];
  const directives = readDirectives(source);
  let serverOnly = false;
  for (const statement of source.statements) {
    const record = readStatement(statement, source);
    if (!record) continue;
    imports.push(record);
    if (record.specifier === "server-only" && ts.isImportDeclaration(statement) && !statement.importClause) {
      serverOnly = true;
    }
  }
  if (/\bimport\s*\(/.test(text)) collectDynamicImports(source, source, imports);
  return { serverOnly, directives, imports };
}

/**
 * The module facts of a file on disk, or null when `file` is not a readable file.
 * Cached by path and revalidated by mtime and size, so long-lived processes (editors) stay correct.
 * @param {string} file Absolute path.
 * @returns {ModuleInfo | null}
 */
export function loadModuleInfo(file) {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) return null;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stats.mtimeMs && hit.size === stats.size) return hit.info;
  const info = readModuleInfo(file, readFileSync(file, "utf8"));
  cache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, info });
  return info;
}

/**
 * @param {ts.SourceFile} source
 * @returns {string[]}
 */
function readDirectives(source) {
  const directives = [];
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    directives.push(statement.expression.text);
  }
  return directives;
}

/**
 * @param {ts.Statement} statement
 * @param {ts.SourceFile} source
 * @returns {ImportRecord | null}
 */
function readStatement(statement, source) {
  const at = { start: statement.getStart(source), end: statement.getEnd() };
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.importClause;
    const typeOnly =
      clause !== undefined &&
      (isTypeOnlyClause(clause) ||
        (!clause.name &&
          allTypeOnly(
            clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined,
          )));
    return { specifier: statement.moduleSpecifier.text, typeOnly, ...at };
  }
  if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.exportClause;
    const typeOnly =
      statement.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && allTypeOnly(clause.elements));
    return { specifier: statement.moduleSpecifier.text, typeOnly, ...at };
  }
  if (
    ts.isImportEqualsDeclaration(statement) &&
    ts.isExternalModuleReference(statement.moduleReference) &&
    ts.isStringLiteral(statement.moduleReference.expression)
  ) {
    return { specifier: statement.moduleReference.expression.text, typeOnly: statement.isTypeOnly, ...at };
  }
  return null;
}

/**
 * `import type X` / `import type { X }`; TS 5 marks it with isTypeOnly, later versions with a phase modifier.
 * @param {ts.ImportClause} clause
 * @returns {boolean}
 */
function isTypeOnlyClause(clause) {
  const anyClause = /** @type {ts.ImportClause & { phaseModifier?: ts.SyntaxKind }} */ (clause);
  return Boolean(anyClause.isTypeOnly) || anyClause.phaseModifier === ts.SyntaxKind.TypeKeyword;
}

/**
 * True when there is at least one specifier and every one carries an inline `type` modifier.
 * @param {ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier> | undefined} elements
 * @returns {boolean}
 */
function allTypeOnly(elements) {
  return elements !== undefined && elements.length > 0 && elements.every((element) => element.isTypeOnly);
}

/**
 * Adds every `import("literal")` call (bundlers include these modules too).
 * @param {ts.Node} node
 * @param {ts.SourceFile} source
 * @param {ImportRecord[]} imports
 */
function collectDynamicImports(node, source, imports) {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const [argument] = node.arguments;
    if (argument && ts.isStringLiteralLike(argument)) {
      imports.push({ specifier: argument.text, typeOnly: false, start: node.getStart(source), end: node.getEnd() });
    }
  }
  ts.forEachChild(node, (child) => collectDynamicImports(child, source, imports));
}
