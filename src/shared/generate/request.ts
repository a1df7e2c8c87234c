/**
 * What `generate dedicated-cluster` is asked for, and the checks every value passes before anything is written.
 * Every fault is collected (one run tells the engineer everything that is wrong), then thrown as one UsageError.
 * The rules come from what the names become: a directory, DNS labels (`grafana.<cluster>.<dns-zone>`), a GKE or EKS
 * cluster name, bucket names (`<cluster>-scratch-<hub>`, at most 63 characters), Kubernetes namespaces (hubs).
 */
import { UsageError } from '../errors.js';

export type CloudProvider = 'gcp' | 'aws';
export type HubType = 'basehub' | 'daskhub';

/** Raw values, as flags or action inputs give them (strings, unchecked). */
export interface GenerateInput {
  provider: string;
  clusterName?: string;
  region?: string;
  /** gcp: the zone of the nodes (default `<region>-b`). */
  zone?: string;
  /** gcp: the project id. */
  projectId?: string;
  /** aws: the 12-digit account id. */
  accountId?: string;
  /** Hubs the cluster will host (commented entries in cluster.yaml, buckets and permissions in the tfvars). */
  hubs?: string[];
  hubType?: string;
  /** Dask worker node pools (implied by hubType daskhub). */
  daskNodes?: boolean;
  paidByUs?: boolean;
  /** gcp, paid by us: the billing account id and the BigQuery export it goes to. */
  billingId?: string;
  billingProject?: string;
  billingDataset?: string;
  hubspotDealId?: string;
  /** DNS zone the cluster's names live under: `grafana.<cluster>.<dnsZone>`. */
  dnsZone?: string;
  /** GitHub organisation allowed into Grafana. */
  grafanaGithubOrg?: string;
  /** aws: the EKS Kubernetes version. */
  eksVersion?: string;
}

/** Checked and completed values. */
export interface GenerateRequest {
  provider: CloudProvider;
  clusterName: string;
  region: string;
  zone: string;
  projectId?: string;
  accountId?: string;
  hubs: string[];
  hubType: HubType;
  daskNodes: boolean;
  paidByUs: boolean;
  billing?: { id: string; project: string; dataset: string };
  hubspotDealId?: number;
  dnsZone: string;
  grafanaGithubOrg: string;
  eksVersion: string;
}

export const DEFAULTS = {
  gcpRegion: 'us-central1',
  hubs: ['staging', 'prod'],
  dnsZone: '2i2c.cloud',
  grafanaGithubOrg: '2i2c-org',
  billingDataset: 'cloud_costs',
  eksVersion: '1.32',
} as const;

/** Cluster names that cannot be a cluster directory (`templates` holds upstream's templates and is skipped). */
const RESERVED_CLUSTER_NAMES = new Set(['templates']);

/** Namespaces a hub cannot take: the support chart's, cert-manager's, Kubernetes' own and the AWS network operator's. */
const RESERVED_HUB_NAMES = new Set(['support', 'cert-manager', 'default', 'kube-system', 'kube-public', 'kube-node-lease', 'tigera-operator', 'calico-system']);

/** A DNS label (RFC 1123) that also starts with a letter: cluster names become GKE/EKS names and host names. */
const LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** Kubernetes namespace / helm release: the cluster.yaml schema's hub name rule. */
const HUB = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** GCP regions: `us-central1`, `europe-west4`, `northamerica-northeast2`, `me-central2`. */
const GCP_REGION = /^[a-z]+-[a-z]+[0-9]+$/;
/** AWS regions: `us-west-2`, `ap-southeast-1`, `us-gov-west-1`, `eu-central-2`. */
const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$/;
/** GCP project ids: 6-30 characters, lowercase letters, digits and hyphens, starting with a letter. */
const GCP_PROJECT = /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/;
const BILLING_ID = /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;
/** BigQuery dataset ids: letters, digits, underscores, at most 1024. */
const DATASET = /^[A-Za-z0-9_]{1,1024}$/;
const DNS_ZONE = /^(?=.{1,200}$)([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** GitHub organisation logins: alphanumerics and single hyphens, at most 39. */
const GITHUB_ORG = /^(?=.{1,39}$)[A-Za-z0-9](-?[A-Za-z0-9])*$/;
const EKS_VERSION = /^1\.[0-9]{2}$/;

/** GKE names are at most 40 characters and ours is `<cluster>-cluster`. */
const GCP_CLUSTER_MAX = 40 - '-cluster'.length;
/** EKS allows 100, but the cluster name is also a DNS label under the zone and a bucket name prefix. */
const AWS_CLUSTER_MAX = 40;
/** Bucket names (GCS and S3) are at most 63 characters: `<cluster>-scratch-<hub>`. */
const BUCKET_MAX = 63;

export function bucketName(clusterName: string, hub: string): string {
  return `${clusterName}-${scratchBucket(hub)}`;
}

export function scratchBucket(hub: string): string {
  return `scratch-${hub}`;
}

/** `'x'` for messages: the value quoted, control characters escaped, long values cut (it is untrusted text). */
function shown(v: string): string {
  const s = JSON.stringify(v.length > 80 ? v.slice(0, 80) + '...' : v);
  return '`' + s.slice(1, -1) + '`';
}

/**
 * Check every value; return the completed request, or throw one UsageError naming every fault (exit code 2) with
 * the flag to fix. `flag` maps a field to what the user typed it as (`--cluster-name` or the `cluster-name` input).
 */
export function checkRequest(input: GenerateInput, flag: (field: string) => string = cliFlag): GenerateRequest {
  const problems: string[] = [];
  const bad = (field: string, message: string) => problems.push(`${flag(field)}: ${message}`);
  const trim = (v: string | undefined) => (v === undefined ? undefined : v.trim() || undefined);

  const provider = trim(input.provider);
  if (provider !== 'gcp' && provider !== 'aws') {
    throw new UsageError(`unknown provider ${shown(provider ?? '')}`, 'generate dedicated-cluster knows `gcp` and `aws`');
  }

  // --- the cluster name
  const clusterName = trim(input.clusterName);
  if (!clusterName) bad('clusterName', 'is required');
  else {
    const max = provider === 'gcp' ? GCP_CLUSTER_MAX : AWS_CLUSTER_MAX;
    if (!LABEL.test(clusterName)) {
      bad('clusterName', `${shown(clusterName)} is not a valid cluster name: use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (it becomes a directory, a DNS label and the ${provider === 'gcp' ? 'GKE' : 'EKS'} cluster name)`);
    } else if (clusterName.length > max) {
      bad('clusterName', `${shown(clusterName)} is ${clusterName.length} characters long; at most ${max} are allowed on ${provider}${provider === 'gcp' ? ' (the GKE cluster `<name>-cluster` may have 40)' : ''}`);
    } else if (RESERVED_CLUSTER_NAMES.has(clusterName)) {
      bad('clusterName', `${shown(clusterName)} is reserved (the clusters directory uses it for templates and skips it)`);
    }
  }

  // --- region and zone
  let region = trim(input.region);
  if (!region && provider === 'gcp') region = DEFAULTS.gcpRegion;
  if (!region) bad('region', 'is required for aws (e.g. us-west-2)');
  else if (provider === 'gcp' && !GCP_REGION.test(region)) {
    bad('region', `${shown(region)} is not a GCP region (like us-central1 or europe-west4)${/-[a-z]$/.test(region) ? '; that looks like a zone: give its region, and the zone with the zone flag' : ''}`);
  } else if (provider === 'aws' && !AWS_REGION.test(region)) {
    bad('region', `${shown(region)} is not an AWS region (like us-west-2 or eu-central-1)${/-[0-9]+[a-z]$/.test(region) ? '; that looks like an availability zone: give its region' : ''}`);
  }
  let zone = trim(input.zone);
  if (provider === 'aws') {
    if (zone) bad('zone', 'is for gcp only (the aws nodes go to the first availability zone of the region, `<region>a`)');
    zone = region ? `${region}a` : '';
  } else {
    zone ??= region ? `${region}-b` : '';
    if (region && GCP_REGION.test(region) && !new RegExp(`^${region}-[a-z]$`).test(zone)) {
      bad('zone', `${shown(zone)} is not a zone of region ${region} (like ${region}-b)`);
    }
  }

  // --- project (gcp) and account (aws)
  const projectId = trim(input.projectId);
  const accountId = trim(input.accountId);
  if (provider === 'gcp') {
    if (!projectId) bad('projectId', 'is required for gcp (the id of the GCP project the cluster lives in)');
    else if (!GCP_PROJECT.test(projectId)) {
      bad('projectId', `${shown(projectId)} is not a GCP project id: 6 to 30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen`);
    }
    if (accountId) bad('accountId', 'is for aws only');
  } else {
    if (!accountId) bad('accountId', 'is required for aws (the 12-digit AWS account id)');
    else if (!/^[0-9]{12}$/.test(accountId)) bad('accountId', `${shown(accountId)} is not an AWS account id (12 digits)`);
    if (projectId) bad('projectId', 'is for gcp only');
  }

  // --- hubs
  const hubs = (input.hubs && input.hubs.length ? input.hubs : [...DEFAULTS.hubs]).map((h) => h.trim()).filter(Boolean);
  const seen = new Set<string>();
  for (const hub of hubs) {
    if (!HUB.test(hub) || hub.length > 53) {
      bad('hubs', `hub name ${shown(hub)} is not valid: lowercase letters, digits and hyphens, at most 53, not starting or ending with a hyphen (it becomes a namespace and a helm release)`);
      continue;
    }
    if (RESERVED_HUB_NAMES.has(hub)) {
      bad('hubs', `hub name ${shown(hub)} is taken: a hub is deployed into the namespace of its name, and ${hub} is used by ${hub === 'support' ? 'the support chart' : 'the cluster itself'}`);
      continue;
    }
    if (seen.has(hub)) bad('hubs', `hub ${shown(hub)} is listed twice`);
    seen.add(hub);
    if (clusterName && LABEL.test(clusterName) && bucketName(clusterName, hub).length > BUCKET_MAX) {
      bad('hubs', `the scratch bucket of hub ${hub}, ${bucketName(clusterName, hub)}, would be ${bucketName(clusterName, hub).length} characters; buckets have at most ${BUCKET_MAX}: shorten the cluster or hub name`);
    }
  }

  const hubTypeRaw = trim(input.hubType) ?? 'basehub';
  if (hubTypeRaw !== 'basehub' && hubTypeRaw !== 'daskhub') bad('hubType', `${shown(hubTypeRaw)} is not a hub type: use basehub or daskhub`);
  const hubType: HubType = hubTypeRaw === 'daskhub' ? 'daskhub' : 'basehub';

  // --- billing
  const paidByUs = input.paidByUs === true;
  const billingId = trim(input.billingId);
  let billing: GenerateRequest['billing'];
  if (provider === 'gcp' && paidByUs) {
    if (!billingId) bad('billingId', 'is required when the cluster is paid by us on gcp (cluster.yaml needs gcp.billing.bigquery.billing_id, like 0157F7-E3EA8C-25AC3C)');
    else if (!BILLING_ID.test(billingId)) bad('billingId', `${shown(billingId)} is not a billing account id (XXXXXX-XXXXXX-XXXXXX, uppercase hex)`);
    const project = trim(input.billingProject) ?? projectId ?? '';
    if (trim(input.billingProject) && !GCP_PROJECT.test(project)) bad('billingProject', `${shown(project)} is not a GCP project id`);
    const dataset = trim(input.billingDataset) ?? DEFAULTS.billingDataset;
    if (!DATASET.test(dataset)) bad('billingDataset', `${shown(dataset)} is not a BigQuery dataset id (letters, digits, underscores)`);
    billing = { id: billingId ?? '', project, dataset };
  } else {
    const stray = (['billingId', 'billingProject', 'billingDataset'] as const).filter((k) => trim(input[k]));
    for (const k of stray) bad(k, provider === 'aws' ? 'is for gcp only (AWS costs come from Cost Explorer)' : 'only applies with the paid-by-us flag');
  }

  // --- the rest
  const deal = trim(input.hubspotDealId);
  let hubspotDealId: number | undefined;
  if (deal !== undefined) {
    if (!/^[0-9]{1,15}$/.test(deal)) bad('hubspotDealId', `${shown(deal)} is not a HubSpot deal id (a whole number)`);
    else hubspotDealId = Number(deal);
  }
  const dnsZone = (trim(input.dnsZone) ?? DEFAULTS.dnsZone).replace(/\.$/, '');
  if (!DNS_ZONE.test(dnsZone)) bad('dnsZone', `${shown(dnsZone)} is not a DNS zone (like 2i2c.cloud or hubs.example.org)`);
  else if (clusterName && `grafana.${clusterName}.${dnsZone}`.length > 253) bad('dnsZone', 'makes host names longer than 253 characters');
  const grafanaGithubOrg = trim(input.grafanaGithubOrg) ?? DEFAULTS.grafanaGithubOrg;
  if (!GITHUB_ORG.test(grafanaGithubOrg)) bad('grafanaGithubOrg', `${shown(grafanaGithubOrg)} is not a GitHub organisation name`);
  const eksVersion = trim(input.eksVersion) ?? DEFAULTS.eksVersion;
  if (provider === 'aws' && !EKS_VERSION.test(eksVersion)) bad('eksVersion', `${shown(eksVersion)} is not a Kubernetes minor version (like ${DEFAULTS.eksVersion})`);
  if (provider === 'gcp' && trim(input.eksVersion)) bad('eksVersion', 'is for aws only');

  if (problems.length) {
    const who = clusterName && LABEL.test(clusterName) ? `cluster ${clusterName}` : 'the cluster';
    const what = problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`;
    throw new UsageError(`cannot generate ${who}: ${what}`, 'nothing was written; fix the values above and run the command again');
  }
  return {
    provider,
    clusterName: clusterName!,
    region: region!,
    zone: zone!,
    projectId: provider === 'gcp' ? projectId : undefined,
    accountId: provider === 'aws' ? accountId : undefined,
    hubs,
    hubType,
    daskNodes: input.daskNodes === true || hubType === 'daskhub',
    paidByUs,
    billing,
    hubspotDealId,
    dnsZone,
    grafanaGithubOrg,
    eksVersion,
  };
}

const CLI_FLAGS: Record<string, string> = {
  clusterName: '--cluster-name',
  region: '--cluster-region',
  zone: '--cluster-zone',
  projectId: '--project-id',
  accountId: '--account-id',
  hubs: '--hubs',
  hubType: '--hub-type',
  billingId: '--billing-id',
  billingProject: '--billing-project',
  billingDataset: '--billing-dataset',
  hubspotDealId: '--hubspot-deal-id',
  dnsZone: '--dns-zone',
  grafanaGithubOrg: '--grafana-github-org',
  eksVersion: '--eks-version',
};

/** How the CLI names a field. */
export function cliFlag(field: string): string {
  return CLI_FLAGS[field] ?? field;
}

/** How the action names a field (its input). */
export function actionInput(field: string): string {
  return `input \`${CLI_FLAGS[field]?.replace(/^--/, '') ?? field}\``;
}
