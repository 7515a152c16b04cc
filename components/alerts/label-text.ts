/** An alert's labels (or a silence's matchers) as `name=value` pairs, without the internal `rule_id`. */
export const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .filter(([name]) => name !== "rule_id")
    .map(([name, value]) => `${name}=${value}`)
    .join(" ");
