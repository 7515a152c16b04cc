// Lets Node run the console's lib/ modules directly (scripts such as `npm run audit:verify`):
// resolves the `@/` alias to the repository root and extensionless imports to their .ts file,
// as the bundler does. Load with: node --conditions=react-server --import ./scripts/lib/resolve-lib.mjs
import { statSync } from "node:fs";
import { registerHooks } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** True when `file` is a regular file (a directory such as protobufjs' `src/rpc/` is not a module). */
function isFile(file) {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function candidates(file) {
  return [file, `${file}.ts`, `${file}.tsx`, path.join(file, "index.ts")];
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    let base = null;
    if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
    else if (
      specifier.startsWith(".") &&
      context.parentURL?.startsWith("file:") &&
      !context.parentURL.includes("/node_modules/")
    ) {
      base = path.resolve(path.dirname(fileURLToPath(context.parentURL)), specifier);
    }
    if (base && !/\.(ts|tsx|js|mjs|json)$/.test(base)) {
      const found = candidates(base).find(isFile);
      if (found) return nextResolve(pathToFileURL(found).href, context);
    }
    if (base && specifier.startsWith("@/")) return nextResolve(pathToFileURL(base).href, context);
    return nextResolve(specifier, context);
  },
});
