{{/*
Names, labels and image references shared by every template.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "weft.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The object name prefix: fullnameOverride, or <release>-<name> unless the release name already holds the name. */}}
{{- define "weft.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of one component's objects: (dict "ctx" $ "component" "gateway"). Truncated so that suffixes fit. */}}
{{- define "weft.componentName" -}}
{{- printf "%s-%s" (include "weft.fullname" .ctx | trunc 50 | trimSuffix "-") .component -}}
{{- end -}}

{{/* chart-version label value. */}}
{{- define "weft.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries: (dict "ctx" $ "component" "gateway"). */}}
{{- define "weft.labels" -}}
helm.sh/chart: {{ include "weft.chart" .ctx }}
{{ include "weft.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: weft
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels a component's Service and workload select on: (dict "ctx" $ "component" "gateway"). */}}
{{- define "weft.selectorLabels" -}}
app.kubernetes.io/name: {{ include "weft.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/*
An image reference: (dict "ctx" $ "image" .Values.gateway.image). The registry falls back to global.imageRegistry,
the tag to the chart's appVersion; a digest wins over the tag.
*/}}
{{- define "weft.image" -}}
{{- $registry := .image.registry | default .ctx.Values.global.imageRegistry -}}
{{- $repository := .image.repository -}}
{{- if $registry -}}
{{- $repository = printf "%s/%s" $registry .image.repository -}}
{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (.image.tag | default .ctx.Chart.AppVersion | toString) -}}
{{- end -}}
{{- end -}}

{{/* The namespace of the Fabric nodes: network.namespace or the release namespace. */}}
{{- define "weft.networkNamespace" -}}
{{- .Values.network.namespace | default .Release.Namespace -}}
{{- end -}}

{{/* The Kafka bootstrap servers the services use. */}}
{{- define "weft.kafkaBootstrapServers" -}}
{{- if eq .Values.kafka.mode "bundled" -}}
{{- printf "%s.%s.svc:9092" (include "weft.componentName" (dict "ctx" . "component" "kafka")) .Release.Namespace -}}
{{- else -}}
{{- required "kafka.external.bootstrapServers is required with kafka.mode=external" .Values.kafka.external.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* application.properties lines for the Kafka client, shared by the three services. */}}
{{- define "weft.kafkaProperties" -}}
kafka.bootstrap.servers={{ include "weft.kafkaBootstrapServers" . }}
{{- if eq .Values.kafka.mode "external" }}
kafka.security.protocol={{ .Values.kafka.external.securityProtocol }}
{{- if hasPrefix "SASL" .Values.kafka.external.securityProtocol }}
kafka.sasl.mechanism={{ .Values.kafka.external.sasl.mechanism }}
{{- end }}
{{- if .Values.kafka.external.tls.caSecret }}
kafka.ssl.truststore.type=PEM
kafka.ssl.truststore.location=/etc/weft/kafka-tls/ca.crt
{{- end }}
{{- end }}
{{- end -}}

{{/* Environment of a service container for Kafka secrets (the SASL JAAS line never goes into a ConfigMap). */}}
{{- define "weft.kafkaEnv" -}}
{{- if and (eq .Values.kafka.mode "external") (hasPrefix "SASL" .Values.kafka.external.securityProtocol) }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.external.sasl.existingSecret is required with a SASL securityProtocol" .Values.kafka.external.sasl.existingSecret }}
      key: sasl.jaas.config
{{- end }}
{{- end -}}

{{/* Volume mounts every service container has: the config file, /tmp, and the Kafka CA when one is given. */}}
{{- define "weft.commonVolumeMounts" -}}
- name: config
  mountPath: /deployments/config
  readOnly: true
{{- if .Values.auth.enabled }}
- name: api-keys
  mountPath: /etc/weft/api-keys
  readOnly: true
{{- end }}
- name: tmp
  mountPath: /tmp
{{- if and (eq .Values.kafka.mode "external") .Values.kafka.external.tls.caSecret }}
- name: kafka-tls
  mountPath: /etc/weft/kafka-tls
  readOnly: true
{{- end }}
{{- end -}}

{{/* Volumes matching weft.commonVolumeMounts: (dict "ctx" $ "component" "gateway"). */}}
{{- define "weft.commonVolumes" -}}
- name: config
  configMap:
    name: {{ include "weft.componentName" . }}
{{- if .ctx.Values.auth.enabled }}
# A projected key, not a subPath: the kubelet then refreshes the file when the Secret changes, and the services
# re-read it, so keys are added and revoked without a restart. Only `api-keys` (hashes) is mounted, never the
# chart's `admin-api-key`. Optional: without it no API key is accepted.
- name: api-keys
  secret:
    secretName: {{ include "weft.apiKeysSecret" .ctx }}
    optional: true
    items:
      - key: api-keys
        path: api-keys
{{- end }}
- name: tmp
  emptyDir: {}
{{- if and (eq .ctx.Values.kafka.mode "external") .ctx.Values.kafka.external.tls.caSecret }}
- name: kafka-tls
  secret:
    secretName: {{ .ctx.Values.kafka.external.tls.caSecret }}
    items:
      - key: ca.crt
        path: ca.crt
{{- end }}
{{- end -}}

{{/* Probes of a Quarkus service on its http port. */}}
{{- define "weft.probes" -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: 10
  failureThreshold: 3
{{- end -}}

{{/* Pull secrets of every pod. */}}
{{- define "weft.imagePullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The NetworkSpec the network section describes, as a dict (empty fields left out so the provisioner's defaults apply). */}}
{{- define "weft.networkSpec" -}}
{{- $n := .Values.network -}}
{{- $spec := dict "name" $n.name "namespace" (include "weft.networkNamespace" .) "createNamespace" $n.createNamespace -}}
{{- $_ := set $spec "ordererOrg" $n.ordererOrg -}}
{{- $_ = set $spec "peerOrgs" $n.peerOrgs -}}
{{- $_ = set $spec "channels" $n.channels -}}
{{- $_ = set $spec "stateDatabase" $n.stateDatabase -}}
{{- $_ = set $spec "tls" $n.tls -}}
{{- $_ = set $spec "fabricVersion" ($n.fabricVersion | toString) -}}
{{- $images := dict -}}
{{- range $k, $v := $n.images }}{{ if $v }}{{ $_ := set $images $k $v }}{{ end }}{{ end -}}
{{- if $images }}{{ $_ = set $spec "images" $images }}{{ end -}}
{{- $storage := dict "size" $n.storage.size -}}
{{- if $n.storage.storageClass }}{{ $_ = set $storage "storageClass" $n.storage.storageClass }}{{ end -}}
{{- $_ = set $spec "storage" $storage -}}
{{- if $n.resources }}{{ $_ = set $spec "resources" $n.resources }}{{ end -}}
{{- toJson $spec -}}
{{- end -}}

{{/* The Fabric CA the gateway enrolls caller identities with (gateway.fabric.callerIdentities). */}}
{{- define "weft.callerCaUrl" -}}
{{- if .Values.gateway.fabric.callerIdentities.caUrl -}}
{{- .Values.gateway.fabric.callerIdentities.caUrl -}}
{{- else -}}
{{- printf "%s://%s-ca.%s.svc.cluster.local:7054" (ternary "https" "http" .Values.network.tls) .Values.gateway.fabric.org (include "weft.networkNamespace" .) -}}
{{- end -}}
{{- end -}}

{{/* The gateway's peer endpoints: gateway.fabric.peers, or the gateway org's peers from the network section. */}}
{{- define "weft.gatewayPeers" -}}
{{- if .Values.gateway.fabric.peers -}}
{{- toJson .Values.gateway.fabric.peers -}}
{{- else -}}
{{- $ns := include "weft.networkNamespace" . -}}
{{- $peers := list -}}
{{- range .Values.network.peerOrgs -}}
{{- if eq .name $.Values.gateway.fabric.org -}}
{{- range $i, $_ := until (int .peers) -}}
{{- $peers = append $peers (printf "%s-peer%d.%s.svc.cluster.local:7051" $.Values.gateway.fabric.org $i $ns) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $peers -}}
{{- end -}}
{{- end -}}

{{/* The gateway org's MSP id, from the network section. */}}
{{- define "weft.gatewayMspId" -}}
{{- $msp := "" -}}
{{- range .Values.network.peerOrgs -}}
{{- if eq .name $.Values.gateway.fabric.org }}{{ $msp = .mspId }}{{ end -}}
{{- end -}}
{{- required (printf "gateway.fabric.org %q is not one of network.peerOrgs" .Values.gateway.fabric.org) $msp -}}
{{- end -}}

{{/* Whether the provisioner's claim is shared with the other services. */}}
{{- define "weft.sharesWorkFolder" -}}
{{- if and .Values.provisioner.persistence.enabled .Values.provisioner.persistence.shareWithServices }}true{{ end -}}
{{- end -}}

{{/* The provisioner's work folder, where its claim is mounted in every pod that shares it. */}}
{{- define "weft.provisionerWorkDir" -}}
/var/lib/weft/networks
{{- end -}}

{{/* Read-only mount of the provisioner's work folder, for pods that share it. */}}
{{- define "weft.sharedWorkMount" -}}
- name: provisioner-work
  mountPath: {{ include "weft.provisionerWorkDir" . }}
  readOnly: true
{{- end -}}

{{/* The volume behind weft.sharedWorkMount. */}}
{{- define "weft.sharedWorkVolume" -}}
- name: provisioner-work
  persistentVolumeClaim:
    claimName: {{ include "weft.componentName" (dict "ctx" . "component" "provisioner") }}
    readOnly: true
{{- end -}}

{{/*
Affinity of a pod: the values' own, else, when the pod mounts the provisioner's ReadWriteOnce claim, the provisioner's
node. (dict "ctx" $ "affinity" .Values.gateway.affinity "shares" true)
*/}}
{{- define "weft.affinity" -}}
{{- if .affinity }}
affinity:
  {{- toYaml .affinity | nindent 2 }}
{{- else if .shares }}
affinity:
  # The provisioner's claim is ReadWriteOnce: pods that mount it must run on the provisioner's node.
  podAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "weft.selectorLabels" (dict "ctx" .ctx "component" "provisioner") | nindent 12 }}
{{- end }}
{{- end -}}

{{/* The gateway's signing identity files: the org admin's in the provisioner's folder, or a mounted Secret's. */}}
{{- define "weft.gatewayIdentityPaths" -}}
{{- if eq .Values.gateway.fabric.identityFrom "provisioner" -}}
{{- if not (include "weft.sharesWorkFolder" .) -}}
{{- fail "gateway.fabric.identityFrom=provisioner needs provisioner.persistence.enabled and provisioner.persistence.shareWithServices; otherwise use identityFrom=secret" -}}
{{- end -}}
{{- $domain := printf "%s.%s" .Values.gateway.fabric.org (include "weft.networkNamespace" .) -}}
{{- $msp := printf "%s/%s/crypto/peerOrganizations/%s/users/Admin@%s/msp" (include "weft.provisionerWorkDir" .) .Values.network.name $domain $domain -}}
{{- dict "cert" (printf "%s/signcerts/Admin@%s-cert.pem" $msp $domain) "key" (printf "%s/keystore/priv_sk" $msp) | toJson -}}
{{- else -}}
{{- dict "cert" "/etc/weft/fabric/identity/cert.pem" "key" "/etc/weft/fabric/identity/key.pem" | toJson -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding the API keys file (`api-keys`, hashes only). */}}
{{- define "weft.apiKeysSecret" -}}
{{- .Values.auth.apiKeys.secret | default (printf "%s-api-keys" (include "weft.fullname" .)) -}}
{{- end -}}

{{/* The weft.security.* lines of every service's application.properties (see service-common SecurityConfig). */}}
{{- define "weft.securityProperties" -}}
weft.security.enabled={{ .Values.auth.enabled }}
{{- if .Values.auth.enabled }}
weft.security.api-keys.file=/etc/weft/api-keys/api-keys
{{- with .Values.auth.jwt.issuer }}
weft.security.jwt.issuer={{ . }}
{{- end }}
{{- with .Values.auth.jwt.audience }}
weft.security.jwt.audience={{ . }}
{{- end }}
{{- with .Values.auth.jwt.jwksLocation }}
weft.security.jwt.jwks-location={{ . }}
{{- end }}
weft.security.jwt.roles-claim={{ .Values.auth.jwt.rolesClaim }}
{{- end }}
{{- end -}}
