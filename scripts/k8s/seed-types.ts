// One object of the seeded world: its manifest, and optionally a status written through
// the /status subresource afterwards (there is no kubelet or controller to write it).

export interface SeedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  status?: Record<string, unknown>;
  [key: string]: unknown;
}
