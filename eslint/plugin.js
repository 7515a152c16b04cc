// The project's own ESLint rules: the import boundaries between client code, pure feature logic,
// server-only loaders and the adapters. Wired up in eslint.config.js.
import clientNoServerImports from "./rules/client-no-server-imports.js";
import pureImportsTypesOnly from "./rules/pure-imports-types-only.js";

/** @type {import("eslint").ESLint.Plugin} */
const plugin = {
  meta: { name: "spire-console", version: "0.1.0" },
  rules: { "client-no-server-imports": clientNoServerImports, "pure-imports-types-only": pureImportsTypesOnly },
};

export default plugin;
