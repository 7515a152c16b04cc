// Writes docs/entry-set.schema.json from the zod schema of the EntrySet document.
// Run: node --conditions=react-server --import ./scripts/lib/resolve-lib.mjs scripts/entries-as-code/write-schema.ts
import { writeFileSync } from "node:fs";
import path from "node:path";

import { entrySetJsonSchema } from "../../lib/entries-as-code/entry-set-schema.ts";

const file = path.join(import.meta.dirname, "../../docs/entry-set.schema.json");
writeFileSync(file, `${JSON.stringify(entrySetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
