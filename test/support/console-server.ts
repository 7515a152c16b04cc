// The tests start the built console through the same launcher as the benchmark.
export { repoRoot, type RunningConsole, startConsole } from "../../scripts/lib/console-server.ts";
