{{- define "dask-gateway.fullname" -}}{{ .Release.Name }}-dask-gateway{{- end }}
{{- define "dask-gateway.apiName" -}}api-{{ include "dask-gateway.fullname" . }}{{- end }}
{{- define "dask-gateway.controllerName" -}}controller-{{ include "dask-gateway.fullname" . }}{{- end }}
{{- define "dask-gateway.traefikName" -}}traefik-{{ include "dask-gateway.fullname" . }}{{- end }}
{{- define "dask-gateway.labels" -}}
app.kubernetes.io/name: dask-gateway
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}
{{- define "dask-gateway.selector" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: dask-gateway
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}
{{/* The JupyterHub API token, required when the gateway authenticates through JupyterHub. */}}
{{- define "dask-gateway.apiToken" -}}
{{- $dg := index .Values "dask-gateway" -}}
{{- if eq $dg.gateway.auth.type "jupyterhub" -}}
{{- required "dask-gateway.gateway.auth.jupyterhub.apiToken is required when dask-gateway.gateway.auth.type is jupyterhub: set it (and basehub.jupyterhub.hub.services.dask-gateway.apiToken, the same value) in the hub's encrypted values file" $dg.gateway.auth.jupyterhub.apiToken -}}
{{- end -}}
{{- end }}
