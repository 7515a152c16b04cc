// `stack:down`: stops exactly the processes recorded in our pid files (agents first, then
// servers, then kube-apiserver and etcd, then the OpenID provider), SIGTERM then SIGKILL
// after ~10 s. Data, ports, certificates and the IdP's keys and passwords are kept.
import { stopIdp } from "../idp/start.ts";
import { listComponents } from "./components.ts";
import { stopK8s } from "./k8s-hooks.ts";
import { say, stopwatch } from "./log.ts";
import { getStackPaths } from "./paths.ts";
import { stopProcess } from "./process.ts";

/** Stops every running stack process; returns how many were stopped. */
export async function down(): Promise<number> {
  const elapsed = stopwatch();
  const components = listComponents(getStackPaths());
  const agents = components.filter((c) => c.kind === "agent");
  const servers = components.filter((c) => c.kind === "server");
  let stopped = 0;
  for (const group of [agents, servers]) {
    const pids = await Promise.all(group.map((c) => stopProcess(c.spec)));
    group.forEach((c, i) => {
      const pid = pids[i];
      if (pid !== null && pid !== undefined) {
        stopped++;
        say(`stopped ${c.name} (pid ${pid})`);
      }
    });
  }
  stopped += await stopK8s(getStackPaths());
  const idpPid = await stopIdp(getStackPaths());
  if (idpPid !== null) {
    stopped++;
    say(`stopped the OpenID provider (pid ${idpPid})`);
  }
  say(stopped === 0 ? "nothing was running" : `stopped ${stopped} processes in ${elapsed()}`);
  return stopped;
}
