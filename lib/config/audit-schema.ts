import { z } from "zod";

/** The fewest days `audit.retentionDays` may keep: a shorter log could hide an incident before anyone looks. */
export const MIN_RETENTION_DAYS = 30;

/** A syslog collector: `udp://host:port`, `tcp://host:port` or `unix:///path` (a stream socket). */
const syslogAddress = z
  .string()
  .regex(
    /^(udp|tcp):\/\/([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):\d{1,5}$|^unix:\/\/\/.+/,
    "address must be udp://host:port, tcp://host:port or unix:///path/to/socket",
  );

/** Where each audit record is also written, as one JSON line with its hash (the copy outside the database). */
export const auditSinkSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("stdout") }),
  z.strictObject({ type: z.literal("file"), path: z.string().min(1, "path is required for a file sink") }),
  z.strictObject({
    type: z.literal("syslog"),
    address: syslogAddress,
    /** APP-NAME of the RFC 5424 messages (default spire-console). */
    appName: z
      .string()
      .regex(/^[!-~]{1,48}$/, "appName must be 1-48 printable ASCII characters without spaces")
      .default("spire-console"),
  }),
]);

/** The Ed25519 key that signs the chain head; it lives in a file (or a mounted Secret), never in the database. */
export const auditSigningSchema = z.strictObject({
  /** PKCS#8 PEM private key (the console signs with it). */
  keyFile: z.string().min(1).optional(),
  /** SPKI PEM public key (audit:verify checks with it; absent: derived from keyFile). */
  publicKeyFile: z.string().min(1).optional(),
  /** Sign the head at least this often while it moves (and on shutdown); default 5. */
  intervalMinutes: z
    .number()
    .int()
    .min(1, "intervalMinutes must be 1-60")
    .max(60, "intervalMinutes must be 1-60")
    .default(5),
});

/** `audit`: retention, the independent copy (sink) and the signing key of the chain head. */
export const auditConfigSchema = z.strictObject({
  retentionDays: z
    .number()
    .int()
    .min(
      MIN_RETENTION_DAYS,
      `retentionDays must be at least ${MIN_RETENTION_DAYS}: a shorter audit log can lose an incident before it is looked at`,
    )
    .max(36_500)
    .default(365),
  sink: auditSinkSchema.optional(),
  signing: auditSigningSchema.optional(),
});

export type AuditConfig = z.output<typeof auditConfigSchema>;
export type AuditSinkConfig = z.output<typeof auditSinkSchema>;
export type AuditSigningConfig = z.output<typeof auditSigningSchema>;
