// A minimal Kubernetes REST client on node:https for the stack scripts (which use Node
// built-ins only): GET, POST, DELETE and server-side apply, with a deadline on every call.
import { request } from "node:https";

export interface KubeTarget {
  server: string;
  ca: string | Buffer;
  token: string;
}

export class KubeHttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = "KubeHttpError";
    this.status = status;
  }
}

const FIELD_MANAGER = "spire-console-stack";

/** Sends one request; resolves with the parsed JSON body, rejects with KubeHttpError on >= 300. */
export function kubeRequest<T = unknown>(
  target: KubeTarget,
  method: string,
  path: string,
  body?: unknown,
  contentType = "application/json",
  timeoutMs = 15_000,
): Promise<T> {
  const url = new URL(path, target.server);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      ca: target.ca,
      headers: {
        authorization: `Bearer ${target.token}`,
        accept: "application/json",
        ...(payload ? { "content-type": contentType, "content-length": Buffer.byteLength(payload) } : {}),
      },
      timeout: timeoutMs,
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${url.pathname} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (d: string) => (text += d));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : {};
        } catch {
          // keep the text
        }
        if (status >= 300) {
          const message =
            typeof parsed === "object" && parsed && "message" in parsed
              ? String((parsed as { message: unknown }).message)
              : text.slice(0, 300);
          reject(new KubeHttpError(status, `${method} ${url.pathname}: ${status} ${message}`));
        } else resolve(parsed as T);
      });
    });
    req.end(payload);
  });
}

/** Server-side apply of `object` at `path` (the object's own URL, or its /status). */
export function applyAt<T = unknown>(target: KubeTarget, path: string, object: unknown): Promise<T> {
  const separator = path.includes("?") ? "&" : "?";
  return kubeRequest<T>(
    target,
    "PATCH",
    `${path}${separator}fieldManager=${FIELD_MANAGER}&force=true`,
    object,
    "application/apply-patch+yaml",
  );
}

/** The REST path of a named object, e.g. objectPath("apps/v1", "daemonsets", "spire", "spire-agent"). */
export function objectPath(apiVersion: string, resource: string, namespace: string | null, name: string): string {
  const base = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return `${base}${namespace ? `/namespaces/${namespace}` : ""}/${resource}/${encodeURIComponent(name)}`;
}
