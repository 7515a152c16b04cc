// `node scripts/k8s/cli.ts up|down|status`: the Kubernetes part of the stack on its own
// (stack:up/down/status run it too, through scripts/stack/k8s-hooks.ts).
import { say, StackError } from "../stack/log.ts";
import { getStackPaths } from "../stack/paths.ts";
import { kubernetesStatus, stopKubernetes } from "./down.ts";
import { ensureKubernetes } from "./up.ts";

const commands: Record<string, () => Promise<unknown>> = {
  up: () => ensureKubernetes(getStackPaths()),
  down: async () => {
    for (const s of await stopKubernetes(getStackPaths())) say(`stopped ${s.label} (pid ${s.pid})`);
  },
  status: async () => {
    for (const s of kubernetesStatus(getStackPaths()))
      console.log(
        `${s.label.padEnd(15)} ${String(s.pid ?? "-").padEnd(8)} ${s.pid ? "running" : "stopped"}  ${s.endpoint}`,
      );
  },
};

const name = process.argv[2] ?? "";
const command = commands[name];
if (!command) {
  console.error(`usage: node scripts/k8s/cli.ts ${Object.keys(commands).join("|")}`);
  process.exitCode = 2;
} else {
  try {
    await command();
  } catch (error) {
    if (error instanceof StackError && error.details) console.error(error.details);
    console.error(
      `[stack] k8s ${name} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
    process.exitCode = 1;
  }
}
