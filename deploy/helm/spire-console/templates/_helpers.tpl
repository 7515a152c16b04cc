{{/* Names and labels. */}}
{{- define "spire-console.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "spire-console.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "spire-console.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "spire-console.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "spire-console.selectorLabels" -}}
app.kubernetes.io/name: {{ include "spire-console.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "spire-console.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "spire-console.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: spire-console
{{- end }}

{{- define "spire-console.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "spire-console.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "spire-console.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The pods the Service sends traffic to: the console's own, or the spire-server pods it runs in. */}}
{{- define "spire-console.podSelector" -}}
{{- if eq .Values.mode "sidecar" }}
{{- toYaml .Values.sidecar.serverPodLabels }}
{{- else }}
{{- include "spire-console.selectorLabels" . }}
{{- end }}
{{- end }}

{{- define "spire-console.publicHost" -}}
{{- with .Values.config.publicOrigin }}{{ (urlParse .).hostname }}{{ end }}
{{- end }}

{{- define "spire-console.metricsOwnPort" -}}
{{- if and .Values.metrics.enabled (gt (int .Values.metrics.port) 0) }}true{{ end }}
{{- end }}

{{/* The SPIRE namespaces the console reads (config.kubernetes.namespace and serverNamespace). */}}
{{- define "spire-console.spireNamespaces" -}}
{{- $k := .Values.config.kubernetes | default dict }}
{{- $ns := default "spire" $k.namespace }}
{{- $server := default $ns $k.serverNamespace }}
{{- uniq (list $ns $server) | toJson }}
{{- end }}

{{/*
Refuses values that would deploy a console that cannot work, naming the value to change.
Included by every shape's ConfigMap, so `helm template` and `helm install` fail alike.
*/}}
{{- define "spire-console.validate" -}}
{{- if and (eq .Values.mode "standalone") (gt (int .Values.replicas) 1) (not .Values.secrets.databaseUrl.name) }}
{{- fail (printf "replicas: %d needs PostgreSQL: set secrets.databaseUrl.name to a Secret holding a postgres:// URL (SQLite in one pod's data dir cannot be shared between replicas)" (int .Values.replicas)) }}
{{- end }}
{{- if and .Values.persistence.enabled (gt (int .Values.replicas) 1) }}
{{- fail "persistence.enabled keeps SQLite on one volume: use it with replicas: 1, or PostgreSQL (secrets.databaseUrl) for more replicas" }}
{{- end }}
{{- if and (eq .Values.mode "standalone") (not .Values.persistence.enabled) (not .Values.secrets.databaseUrl.name) (not .Values.audit.ephemeral) }}
{{- fail "the audit log would live in an emptyDir and vanish with the pod: set persistence.enabled (SQLite on a volume) or secrets.databaseUrl.name (PostgreSQL), or audit.ephemeral: true to accept losing it" }}
{{- end }}
{{- if not .Values.config.publicOrigin }}
{{- fail "config.publicOrigin is required: the URL users reach the console at (e.g. https://spire-console.example.com)" }}
{{- end }}
{{- if eq (len .Values.config.servers) 0 }}
{{- fail "config.servers must list at least one SPIRE server" }}
{{- end }}
{{- if and (eq .Values.mode "sidecar") .Values.clusterSPIFFEID.enabled }}
{{- fail "clusterSPIFFEID.enabled applies to mode: standalone; a sidecar uses the server's admin socket and needs no identity" }}
{{- end }}
{{- if and .Values.config.auth.oidc (not .Values.secrets.oidcClientSecret.name) (not .Values.config.auth.oidc.clientSecretFile) }}
{{- fail "config.auth.oidc needs its client secret: set secrets.oidcClientSecret.name to a Secret holding it" }}
{{- end }}
{{- if and (or .Values.ingress.enabled .Values.httpRoute.enabled) (not .Values.config.trustedProxies) }}
{{- fail "ingress/httpRoute needs config.trustedProxies: the ingress controller's (or gateway's) pod addresses, else every client looks like the ingress (audit, per-address rate limits)" }}
{{- end }}
{{- with .Values.config.auth.trustedProxy }}
{{- if not (or .secretFile .idToken $.Values.secrets.proxySecret.name) }}
{{- fail "config.auth.trustedProxy needs proof beyond a source address: set secrets.proxySecret.name (a shared secret header) or config.auth.trustedProxy.idToken (the ID token the proxy forwards)" }}
{{- end }}
{{- if and (eq $.Values.mode "standalone") (not $.Values.networkPolicy.enabled) }}
{{- fail "config.auth.trustedProxy needs networkPolicy.enabled: only the proxy may reach the console's UI port" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The UI port's allowed peers: networkPolicy.uiFrom, else in trusted-proxy mode only the proxy's addresses. */}}
{{- define "spire-console.uiFrom" -}}
{{- $np := .Values.networkPolicy }}
{{- if $np.uiFrom }}
{{- toYaml $np.uiFrom }}
{{- else if .Values.config.auth.trustedProxy }}
{{- range .Values.config.auth.trustedProxy.addresses }}
{{- $cidr := ternary . (printf "%s/%s" . (ternary "128" "32" (contains ":" .))) (contains "/" .) }}
- ipBlock: { cidr: {{ $cidr | quote }} }
{{- end }}
{{- end }}
{{- end }}

{{/* Where the console finds its secrets and data inside the container. */}}
{{- define "spire-console.secretsDir" -}}/etc/spire-console/secrets{{- end }}
{{- define "spire-console.dataDir" -}}/data{{- end }}

{{/* The console's config.yaml: config plus what the chart decides (data dir, metrics port, Workload API socket). */}}
{{- define "spire-console.configFile" -}}
{{- $c := dict }}
{{- range $key, $value := .Values.config }}
{{- if $value }}{{ $_ := set $c $key $value }}{{ end }}
{{- end }}
{{- $_ := set $c "dataDir" (include "spire-console.dataDir" .) }}
{{- if .Values.secrets.auditSigningKey.name }}
{{- $a := deepCopy (.Values.config.audit | default dict) }}
{{- $signing := deepCopy ($a.signing | default dict) }}
{{- $_ := set $signing "keyFile" (printf "%s/audit-signing-key" (include "spire-console.secretsDir" .)) }}
{{- $_ := set $a "signing" $signing }}
{{- $_ := set $c "audit" $a }}
{{- end }}
{{- if and .Values.secrets.proxySecret.name .Values.config.auth.trustedProxy }}
{{- $auth := deepCopy .Values.config.auth }}
{{- $_ := set $auth.trustedProxy "secretFile" (printf "%s/proxy-secret" (include "spire-console.secretsDir" .)) }}
{{- $_ := set $c "auth" $auth }}
{{- end }}
{{- with .Values.entrySets }}
{{- $sets := list }}
{{- range . }}
{{- $set := dict "name" .name "server" .server "path" (.path | default (printf "/etc/spire-console/entry-sets/%s" .name)) }}
{{- if .interval }}{{ $_ := set $set "interval" (int .interval) }}{{ end }}
{{- if .autoApply }}{{ $_ := set $set "autoApply" true }}{{ end }}
{{- $sets = append $sets $set }}
{{- end }}
{{- $_ := set $c "entrySets" $sets }}
{{- end }}
{{- if include "spire-console.metricsOwnPort" . }}
{{- $_ := set $c "metrics" (dict "port" (int .Values.metrics.port) "host" "0.0.0.0") }}
{{- end }}
{{- if and (eq .Values.mode "standalone") .Values.spiffeCsi.enabled }}
{{- $w := deepCopy (.Values.config.workloadApi | default dict) }}
{{- if not $w.socket }}
{{- $_ := set $w "socket" (printf "unix://%s/%s" .Values.spiffeCsi.mountPath .Values.spiffeCsi.socketName) }}
{{- end }}
{{- $_ := set $c "workloadApi" $w }}
{{- end }}
{{- toYaml $c }}
{{- end }}

{{/* Environment of the console container (both shapes): config path, data dir, secrets as files. */}}
{{- define "spire-console.env" -}}
- name: SPIRE_CONSOLE_CONFIG
  value: /etc/spire-console/config/config.yaml
- name: SPIRE_CONSOLE_DATA_DIR
  value: {{ include "spire-console.dataDir" . }}
- name: PORT
  value: {{ .Values.containerPort | quote }}
- name: HOSTNAME
  value: "0.0.0.0"
{{- if eq .Values.mode "standalone" }}
- name: SPIRE_CONSOLE_REPLICAS
  value: {{ .Values.replicas | quote }}
{{- end }}
{{- with .Values.secrets.oidcClientSecret.name }}
- name: SPIRE_CONSOLE_OIDC_CLIENT_SECRET_FILE
  value: {{ include "spire-console.secretsDir" $ }}/oidc-client-secret
{{- end }}
{{- with .Values.secrets.databaseUrl.name }}
- name: SPIRE_CONSOLE_DATABASE_URL_FILE
  value: {{ include "spire-console.secretsDir" $ }}/database-url
{{- end }}
{{- with .Values.secrets.bootstrapToken.name }}
- name: SPIRE_CONSOLE_BOOTSTRAP_TOKEN_FILE
  value: {{ include "spire-console.secretsDir" $ }}/bootstrap-token
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The projected volume of every referenced Secret, or nothing when none is referenced. */}}
{{- define "spire-console.secretSources" -}}
{{- $s := .Values.secrets }}
{{- if $s.oidcClientSecret.name }}
- secret:
    name: {{ $s.oidcClientSecret.name }}
    items: [{ key: {{ $s.oidcClientSecret.key | quote }}, path: oidc-client-secret }]
{{- end }}
{{- if $s.databaseUrl.name }}
- secret:
    name: {{ $s.databaseUrl.name }}
    items: [{ key: {{ $s.databaseUrl.key | quote }}, path: database-url }]
{{- end }}
{{- if $s.auditSigningKey.name }}
- secret:
    name: {{ $s.auditSigningKey.name }}
    items: [{ key: {{ $s.auditSigningKey.key | quote }}, path: audit-signing-key }]
{{- end }}
{{- if $s.bootstrapToken.name }}
- secret:
    name: {{ $s.bootstrapToken.name }}
    items: [{ key: {{ $s.bootstrapToken.key | quote }}, path: bootstrap-token }]
{{- end }}
{{- if $s.proxySecret.name }}
- secret:
    name: {{ $s.proxySecret.name }}
    items: [{ key: {{ $s.proxySecret.key | quote }}, path: proxy-secret }]
{{- end }}
{{- end }}
