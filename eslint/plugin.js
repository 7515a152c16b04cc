// The project's own ESLint rules: the import boundaries between client code, pure feature logic,
// server-only loaders and the adapters, and pages and routes that call loaders, not adapters.
// Wired up in eslint.config.js.
import clientNoServerImports from "./rules/client-no-server-imports.js";
import noAdapterImports from "./rules/no-adapter-imports.js";
import pureImportsTypesOnly from "./rules/pure-imports-types-only.js";

/** @type {import("eslint").ESLint.Plugin} */
const plugin = {
  meta: { name: "spire-console", version: "0.1.0" },
  rules: {
    "client-no-server-imports": clientNoServerImports,
    "no-adapter-imports": noAdapterImports,
    "pure-imports-types-only": pureImportsTypesOnly,
  },
};

export default plugin;
