/** The entry form's labels for the API's field names, for messages a user reads ("Saved: X.509-SVID TTL"). */
export const entryFieldLabels: Record<string, string> = {
  spiffeId: "SPIFFE ID",
  parentId: "Parent ID",
  selectors: "Selectors",
  x509SvidTtl: "X.509-SVID TTL",
  jwtSvidTtl: "JWT-SVID TTL",
  dnsNames: "DNS names",
  federatesWith: "Federates with",
  hint: "Hint",
  expiresAt: "Entry expiry",
  admin: "Admin",
  downstream: "Downstream",
  storeSvid: "Store SVID",
};

/** "X.509-SVID TTL and Parent ID" — the changed fields as the form names them. */
export function describeChangedFields(fields: readonly string[]): string {
  const labels = fields.map((f) => entryFieldLabels[f] ?? f);
  if (labels.length <= 1) return labels[0] ?? "nothing";
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
