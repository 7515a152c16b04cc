// Pins Alertmanager v0.35.0 for the alert tests (scripts/alertmanager/build.ts). Its module zip lacks the web UI's
// built assets that ui/web.go embeds, so build.ts downloads the module through this one (checked against go.sum),
// copies it into the cache with a placeholder page for the UI and builds cmd/alertmanager there, with the module's
// own go.sum pinning its dependencies.
module spire-console.local/alertmanager-build

go 1.26.0

require github.com/prometheus/alertmanager v0.35.0
