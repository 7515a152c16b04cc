// Prints how to sign in to the demo console: the URL, the demo users of the stack's OpenID
// provider with their passwords and roles, and the bootstrap token for scripts.
import { readFileSync } from "node:fs";

import type { IdpInfo } from "../idp/start.ts";
import { readStackState } from "../stack/state.ts";

const [url, tokenFile] = process.argv.slice(2);
const state = readStackState();
const info = JSON.parse(readFileSync(state.idp.infoFile, "utf8")) as IdpInfo;
const roles: Record<string, string> = {
  admin: "admin: everything, including API tokens",
  editor: "editor: entries under spiffe://foo.example.com/team-a/ on foo only",
  viewer: "viewer: reads every server",
};

const lines = [
  "",
  `SPIRE Console: ${url}`,
  "",
  `Sign in through the demo OpenID provider (${info.issuer}) as one of:`,
  ...info.users.map((u) => `  ${u.username.padEnd(7)} password ${u.password}   ${u.name} — ${roles[u.username] ?? ""}`),
  "",
  `Scripts and the API can use the bootstrap admin token in ${tokenFile}:`,
  `  curl -H "Authorization: Bearer $(cat ${tokenFile})" ${url}/api/me`,
  "",
];
console.log(lines.join("\n"));
