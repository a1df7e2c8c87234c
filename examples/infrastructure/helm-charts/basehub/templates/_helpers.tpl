{{/* Common labels of every object of the chart. */}}
{{- define "basehub.labels" -}}
app: jupyterhub
release: {{ .Release.Name }}
chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
heritage: {{ .Release.Service }}
{{- end }}

{{/* Selector labels of a component: include "basehub.selector" (list . "hub") */}}
{{- define "basehub.selector" -}}
{{- $root := index . 0 -}}
app: jupyterhub
component: {{ index . 1 }}
release: {{ $root.Release.Name }}
{{- end }}

{{/* The cluster name from global.cluster.name (common.values.yaml), or "" */}}
{{- define "basehub.clusterName" -}}
{{- dig "cluster" "name" "" (.Values.global | default dict) -}}
{{- end }}

{{/*
A value of Secret `hub` that is not set in the values: keep the one already in the cluster (lookup, as z2jh does),
else generate one. Usage: include "basehub.existingOrRandom" (list $ "hub.config.JupyterHub.cookie_secret" 64)
*/}}
{{- define "basehub.existingOrRandom" -}}
{{- $root := index . 0 -}}
{{- $key := index . 1 -}}
{{- $existing := lookup "v1" "Secret" $root.Release.Namespace "hub" -}}
{{- if and $existing (hasKey ($existing.data | default dict) $key) -}}
{{- index $existing.data $key | b64dec -}}
{{- else -}}
{{- randAlphaNum (index . 2) | lower -}}
{{- end -}}
{{- end }}

{{/* Checks that make the render fail with a clear message. Included by the hub Deployment. */}}
{{- define "basehub.validate" -}}
{{- $jh := .Values.jupyterhub -}}
{{- $auth := dig "hub" "config" "JupyterHub" "authenticator_class" "" $jh -}}
{{- if not $auth -}}
{{- fail "jupyterhub.hub.config.JupyterHub.authenticator_class is required: set it in the hub's values file (for example github, cilogon or dummy)" -}}
{{- end -}}
{{- $_ := required "jupyterhub.singleuser.image.name is required: the image users' servers run" (dig "singleuser" "image" "name" "" $jh) -}}
{{- $_ := required "jupyterhub.singleuser.image.tag is required: pin the user image to a tag" (dig "singleuser" "image" "tag" "" $jh) -}}
{{- if and $jh.ingress.enabled (not $jh.ingress.hosts) -}}
{{- fail "jupyterhub.ingress.enabled is true but jupyterhub.ingress.hosts is empty: list the hub's domain there" -}}
{{- end -}}
{{- if eq $auth "github" -}}
{{- if and (dig "hub" "config" "GitHubOAuthenticator" "allowed_organizations" list $jh) (dig "hub" "config" "Authenticator" "allowed_users" list $jh) -}}
{{- fail "jupyterhub.hub.config.Authenticator.allowed_users must be unset when GitHubOAuthenticator.allowed_organizations is used: members of the organizations would be refused" -}}
{{- end -}}
{{- end -}}
{{- end }}
