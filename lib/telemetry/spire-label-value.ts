/**
 * A label value as SPIRE's telemetry writes it (pkg/common/telemetry/sanitize.go): every run of non-word characters,
 * with one `_` after it, becomes `_`, so `bar.example.com` is `bar_example_com`.
 */
export function spireLabelValue(value: string): string {
  return value.replace(/\W+_?/g, "_");
}
