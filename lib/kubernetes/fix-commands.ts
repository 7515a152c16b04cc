/** The commands a fix's text names. */
const COMMAND = /\b(?:kubectl|spire-server|helm) [^;,()]*?(?=\s*(?:;|,|\(|\.\s|\.$|$))/g;
/** Words that make a match prose about a command ("kubectl apply its manifest"), not a command to paste. */
const PROSE = /\b(?:its|the|a|an|with|or|and)\b/;

/**
 * The shell commands in a problem's fix text (`kubectl …`, `spire-server …`, `helm …`), each up to the end of
 * its clause, for copyable command blocks; prose that merely names a tool is left out.
 */
export function findFixCommands(fix: string): string[] {
  return [...fix.matchAll(COMMAND)].map((m) => m[0].trim()).filter((c) => !PROSE.test(c) && c.split(" ").length > 2);
}
