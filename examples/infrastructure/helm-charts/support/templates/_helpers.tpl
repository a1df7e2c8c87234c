{{- define "support.labels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}
{{- define "support.selector" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end }}
{{/* An Ingress: include "support.ingress" (list $ "name" $ingressValues "service" port) */}}
{{- define "support.ingress" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $ing := index . 2 -}}
{{- if $ing.enabled }}
{{- if not $ing.hosts }}
{{- $path := ternary "prometheus.server" $name (eq $name "prometheus") }}
{{- fail (printf "%s.ingress.enabled is true but %s.ingress.hosts is empty: list the host names it serves" $path $path) }}
{{- end }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ $root.Release.Name }}-{{ $name }}
  labels:
    {{- include "support.labels" $root | nindent 4 }}
  annotations:
    {{- with $ing.annotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- if and (eq $name "prometheus") $root.Values.prometheusIngressAuthSecret.enabled }}
    nginx.ingress.kubernetes.io/auth-type: basic
    nginx.ingress.kubernetes.io/auth-secret: prometheus-ingress-auth-basic
    {{- end }}
spec:
  {{- with $ing.ingressClassName }}
  ingressClassName: {{ . }}
  {{- end }}
  rules:
    {{- range $ing.hosts }}
    - host: {{ . | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ index $ 3 }}
                port:
                  number: {{ index $ 4 }}
    {{- end }}
  {{- with $ing.tls }}
  tls:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end }}
