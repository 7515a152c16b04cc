// TCP ports of the servers: chosen free on the first `up`, then remembered in
// .stack/ports.json, because federation relationships store the bundle endpoint URL.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";

export interface ServerPorts {
  bindPort: number;
  bundleEndpointPort: number;
}

export type PortMap = Record<string, ServerPorts>;

/** Asks the kernel for a currently free TCP port on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Returns a picker of free ports that never hands out one in `taken` (and records each pick). */
export function freePortPicker(taken: Set<number> = new Set()): () => Promise<number> {
  return async () => {
    for (;;) {
      const port = await findFreePort();
      if (!taken.has(port)) {
        taken.add(port);
        return port;
      }
    }
  };
}

/** Loads remembered ports, choosing (and saving) new ones for servers that have none. */
export async function loadOrChoosePorts(portsPath: string, serverNames: readonly string[]): Promise<PortMap> {
  const ports: PortMap = existsSync(portsPath) ? JSON.parse(readFileSync(portsPath, "utf8")) : {};
  const pick = freePortPicker(new Set(Object.values(ports).flatMap((p) => [p.bindPort, p.bundleEndpointPort])));
  let changed = false;
  for (const name of serverNames) {
    if (ports[name]) continue;
    ports[name] = { bindPort: await pick(), bundleEndpointPort: await pick() };
    changed = true;
  }
  if (changed) writeFileSync(portsPath, JSON.stringify(ports, null, 2) + "\n");
  return ports;
}

/** True if nothing listens on 127.0.0.1:port right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
