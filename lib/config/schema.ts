import { z } from "zod";

import { trustDomainSchema } from "@/lib/schemas/spiffe-id";

const unixAddress = /^unix:\/\/\/.+/;
const tcpAddress = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/;

const tlsSchema = z.strictObject({
  certFile: z.string().min(1, "certFile is required"),
  keyFile: z.string().min(1, "keyFile is required"),
  bundleFile: z.string().min(1, "bundleFile is required"),
});

/** One SPIRE server the console administers. */
export const serverConfigSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "name must be lowercase letters, digits and '-', at most 63 characters"),
    address: z
      .string()
      .refine((a) => unixAddress.test(a) || tcpAddress.test(a), {
        message: "address must be unix:///path/to/api.sock or host:port",
      }),
    trustDomain: trustDomainSchema.optional(),
    tls: tlsSchema.optional(),
    /** Deadline for each call to this server, in milliseconds. */
    timeoutMs: z.number().int().min(100).max(120_000).default(5_000),
  })
  .superRefine((server, ctx) => {
    if (!unixAddress.test(server.address) && !server.tls) {
      ctx.addIssue({
        code: "custom",
        path: ["tls"],
        message: "a host:port address needs tls { certFile, keyFile, bundleFile } for the admin X509-SVID",
      });
    }
  });

export const consoleConfigSchema = z
  .strictObject({
    servers: z.array(serverConfigSchema).min(1, "configure at least one server"),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.servers.forEach((server, index) => {
      if (seen.has(server.name)) {
        ctx.addIssue({ code: "custom", path: ["servers", index, "name"], message: `duplicate server name '${server.name}'` });
      }
      seen.add(server.name);
    });
  });

export type ServerConfig = z.output<typeof serverConfigSchema>;
export type ConsoleConfig = z.output<typeof consoleConfigSchema>;
