export const id = 1283;
export const ids = [1283,2955];
export const modules = {

/***/ 20290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generateClusterCommand: () => (/* binding */ generateClusterCommand)
});

// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/changes/index.ts + 6 modules
var changes = __webpack_require__(96512);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/findings.ts
var shared_findings = __webpack_require__(75051);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
// EXTERNAL MODULE: ./src/shared/repo/schema.ts + 1 modules
var schema = __webpack_require__(29894);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
;// CONCATENATED MODULE: ./src/shared/generate/credentials.ts
/**
 * Generated credentials: drawn from the operating system's CSPRNG (`crypto.randomInt`, which rejects out-of-range
 * draws, so every character is equally likely) and registered as secrets before anyone can print them.
 */


const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 64 characters of 62 symbols: about 381 bits, as upstream's `secrets.choice` over [A-Za-z0-9]. */
const TOKEN_LENGTH = 64;
/** A random token of `[A-Za-z0-9]`, masked in every log from the moment it exists. */
function randomToken(length = TOKEN_LENGTH) {
    let s = '';
    for (let i = 0; i < length; i++)
        s += TOKEN_ALPHABET[(0,external_node_crypto_.randomInt)(TOKEN_ALPHABET.length)];
    (0,redact/* registerSecret */.cl)(s);
    return s;
}
/** The support chart's basic-auth credentials for the Prometheus ingress. */
function prometheusCredentials() {
    return { username: randomToken(), password: randomToken() };
}

;// CONCATENATED MODULE: ./src/shared/generate/templates/cluster-yaml.ts
/** Hub entries, commented out: `hubs: []` stays valid until someone uncomments them. */
function commentedHubs(req) {
    const lines = [
        '  # Uncomment the entries below once the support chart is deployed (deployer deploy-support ' + req.clusterName + '),',
        '  # replace `hubs: []` by `hubs:`, and write each hub\'s values files (common.values.yaml, <hub>.values.yaml and the',
        '  # sops-encrypted enc-<hub>.secret.values.yaml).',
    ];
    for (const hub of req.hubs) {
        lines.push('  #', `  # - name: ${hub}`, `  #   display_name: ${JSON.stringify(`${req.clusterName} - ${hub}`)}`, `  #   domain: ${hub}.${req.clusterName}.${req.dnsZone}`, `  #   helm_chart: ${req.hubType}`, '  #   helm_chart_values_files:', '  #     - common.values.yaml', `  #     - ${hub}.values.yaml`, `  #     - enc-${hub}.secret.values.yaml`);
    }
    return lines.join('\n');
}
function metadata(req) {
    if (req.hubspotDealId !== undefined)
        return `metadata:\n  2i2c:\n    hubspot_deal_id: ${req.hubspotDealId}`;
    return ['# metadata:', '#   2i2c:', '#     hubspot_deal_id: <the HubSpot deal of this community>'].join('\n');
}
const KEY_COMMENT = [
    '  # Uncomment once the sops-encrypted credentials of the deployer are committed next to this file (terraform',
    '  # outputs them). Until then the deployer uses the credentials of the environment it runs in.',
    '  # key: enc-deployer-credentials.secret.json',
].join('\n');
const SUPPORT = ['support:', '  helm_chart_values_files:', '    - support.values.yaml', '    - enc-support.secret.values.yaml'].join('\n');
function gcpProviderUrl(req) {
    return `https://console.cloud.google.com/kubernetes/clusters/details/${req.region}/${req.clusterName}-cluster/observability?project=${req.projectId}`;
}
function awsProviderUrl(req) {
    return `https://${req.region}.console.aws.amazon.com/eks/home?region=${req.region}#/clusters/${req.clusterName}`;
}
function gcpClusterYaml(req) {
    const billing = req.paidByUs
        ? [
            '  billing:',
            '    paid_by_us: true',
            '    bigquery:',
            '      # Where the billing export of the account that pays lives (for the cost table).',
            `      project: ${req.billing.project}`,
            `      dataset: ${req.billing.dataset}`,
            `      billing_id: ${req.billing.id}`,
        ]
        : ['  billing:', '    # true when the cluster is billed to our own billing account (then give `bigquery` too).', '    paid_by_us: false'];
    return [
        `# The GKE cluster ${req.clusterName}, generated by \`deployer generate dedicated-cluster gcp\`.`,
        `name: ${req.clusterName}`,
        'provider: gcp',
        metadata(req),
        `provider_url: ${JSON.stringify(gcpProviderUrl(req))}`,
        'gcp:',
        KEY_COMMENT,
        `  project: ${req.projectId}`,
        `  cluster: ${req.clusterName}-cluster`,
        '  # A regional cluster: its location is the region.',
        `  zone: ${req.region}`,
        ...billing,
        SUPPORT,
        'hubs: []',
        commentedHubs(req),
        '',
    ].join('\n');
}
function awsClusterYaml(req) {
    return [
        `# The EKS cluster ${req.clusterName}, generated by \`deployer generate dedicated-cluster aws\`.`,
        `name: ${req.clusterName}`,
        'provider: aws',
        metadata(req),
        `provider_url: ${JSON.stringify(awsProviderUrl(req))}`,
        'aws:',
        KEY_COMMENT,
        '  clusterType: eks',
        `  clusterName: ${req.clusterName}`,
        `  region: ${req.region}`,
        // An account id with a leading zero stays a string (an integer would lose it).
        `  account: ${req.accountId.startsWith('0') ? JSON.stringify(req.accountId) : req.accountId}`,
        '  billing:',
        '    # true when the AWS account is paid for by us.',
        `    paid_by_us: ${req.paidByUs}`,
        SUPPORT,
        'hubs: []',
        commentedHubs(req),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/shared/generate/templates/eksctl.ts
const NOTEBOOK_INSTANCE_TYPES = ['r5.xlarge', 'r5.4xlarge', 'r5.16xlarge'];
const DASK_INSTANCE_TYPES = ['r5.4xlarge'];
function eksctlJsonnet(req) {
    const s = (v) => JSON.stringify(v); // a JSON string is a jsonnet string
    const list = (items) => `[${items.map((i) => `{ instanceType: ${s(i)} }`).join(', ')}]`;
    return `// eksctl ClusterConfig of the EKS cluster ${req.clusterName}, generated by \`deployer generate dedicated-cluster aws\`.
// Render and create:  jsonnet eksctl/${req.clusterName}.jsonnet > eksctl/${req.clusterName}.eksctl.json
//                     eksctl create cluster --config-file=eksctl/${req.clusterName}.eksctl.json
// Schema: https://eksctl.io/usage/schema/

local clusterName = ${s(req.clusterName)};
local clusterRegion = ${s(req.region)};
local masterAzs = [clusterRegion + "a", clusterRegion + "b", clusterRegion + "c"];
local nodeAz = clusterRegion + "a";

// Defaults of every node group. The cluster-autoscaler reads the node-template tags to know the labels and taints a
// group's nodes will have, so it can scale a group up from zero.
local nodegroup = {
  availabilityZones: [nodeAz],
  minSize: 0,
  volumeSize: 80,
  labels: {},
  taints: [],
  iam: {
    withAddonPolicies: {
      autoScaler: true,
      ebs: true,
      efs: true,
    },
  },
  tags: {
    ["k8s.io/cluster-autoscaler/node-template/label/" + k]: $.labels[k]
    for k in std.objectFields($.labels)
  } + {
    ["k8s.io/cluster-autoscaler/node-template/taint/" + t.key]: t.value + ":" + t.effect
    for t in $.taints
  },
};

// Notebook nodes: pods pick one with a node.kubernetes.io/instance-type nodeSelector.
local notebookNodes = ${list(NOTEBOOK_INSTANCE_TYPES)};

// Dask worker nodes (spot instances).
local daskNodes = ${req.daskNodes ? list(DASK_INSTANCE_TYPES) : '[]'};

{
  apiVersion: "eksctl.io/v1alpha5",
  kind: "ClusterConfig",
  metadata: {
    name: clusterName,
    region: clusterRegion,
    version: ${s(req.eksVersion)},
  },
  availabilityZones: masterAzs,
  iam: {
    withOIDC: true,
  },
  addons: [
    {
      // Binds PVCs to EBS volumes; without it, pods that mount a PVC never schedule.
      name: "aws-ebs-csi-driver",
      wellKnownPolicies: {
        ebsCSIController: true,
      },
    },
  ],
  nodeGroups: [
    nodegroup {
      name: "core-a",
      instanceType: "r5.xlarge",
      minSize: 1,
      maxSize: 6,
      labels+: {
        "hub.jupyter.org/node-purpose": "core",
        "k8s.dask.org/node-purpose": "core",
      },
    },
  ] + [
    nodegroup {
      // Node group names cannot hold a '.', instance types always do.
      name: "nb-%s" % std.strReplace(n.instanceType, ".", "-"),
      instanceType: n.instanceType,
      maxSize: 500,
      labels+: {
        "hub.jupyter.org/node-purpose": "user",
        "k8s.dask.org/node-purpose": "scheduler",
      },
      taints+: [
        { key: "hub.jupyter.org/dedicated", value: "user", effect: "NoSchedule" },
      ],
    }
    for n in notebookNodes
  ] + [
    nodegroup {
      name: "dask-%s" % std.strReplace(n.instanceType, ".", "-"),
      maxSize: 500,
      labels+: {
        "k8s.dask.org/node-purpose": "worker",
      },
      taints+: [
        { key: "k8s.dask.org/dedicated", value: "worker", effect: "NoSchedule" },
      ],
      instancesDistribution: {
        instanceTypes: [n.instanceType],
        onDemandBaseCapacity: 0,
        onDemandPercentageAboveBaseCapacity: 0,
        spotAllocationStrategy: "capacity-optimized",
      },
    }
    for n in daskNodes
  ],
}
`;
}

;// CONCATENATED MODULE: ./src/shared/generate/templates/support.ts
function supportValuesYaml(req) {
    const host = (service) => `${service}.${req.clusterName}.${req.dnsZone}`;
    return [
        `# Values of the support chart (Prometheus, Grafana) on ${req.clusterName}, generated by \`deployer generate dedicated-cluster ${req.provider}\`.`,
        '# The Prometheus basic-auth credentials are in enc-support.secret.values.yaml (sops-encrypted).',
        'prometheusIngressAuthSecret:',
        '  enabled: true',
        'prometheus:',
        '  server:',
        '    ingress:',
        '      enabled: true',
        '      hosts:',
        `        - ${host('prometheus')}`,
        '      tls:',
        '        - secretName: prometheus-tls',
        '          hosts:',
        `            - ${host('prometheus')}`,
        'grafana:',
        '  grafana.ini:',
        '    server:',
        `      root_url: https://${host('grafana')}/`,
        '    auth.github:',
        '      enabled: true',
        `      allowed_organizations: ${req.grafanaGithubOrg}`,
        '  ingress:',
        '    enabled: true',
        '    hosts:',
        `      - ${host('grafana')}`,
        '    tls:',
        '      - secretName: grafana-tls',
        '        hosts:',
        `          - ${host('grafana')}`,
        '',
    ].join('\n');
}
/** The plaintext of enc-support.secret.values.yaml (it only ever exists encrypted in the repo). */
function supportSecretValues(credentials) {
    return { prometheusIngressAuthSecret: { username: credentials.username, password: credentials.password } };
}

;// CONCATENATED MODULE: ./src/shared/generate/request.ts
/**
 * What `generate dedicated-cluster` is asked for, and the checks every value passes before anything is written.
 * Every fault is collected (one run tells the engineer everything that is wrong), then thrown as one UsageError.
 * The rules come from what the names become: a directory, DNS labels (`grafana.<cluster>.<dns-zone>`), a GKE or EKS
 * cluster name, bucket names (`<cluster>-scratch-<hub>`, at most 63 characters), Kubernetes namespaces (hubs).
 */

const DEFAULTS = {
    gcpRegion: 'us-central1',
    hubs: ['staging', 'prod'],
    dnsZone: '2i2c.cloud',
    grafanaGithubOrg: '2i2c-org',
    billingDataset: 'cloud_costs',
    eksVersion: '1.32',
};
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
function bucketName(clusterName, hub) {
    return `${clusterName}-${scratchBucket(hub)}`;
}
function scratchBucket(hub) {
    return `scratch-${hub}`;
}
/** `'x'` for messages: the value quoted, control characters escaped, long values cut (it is untrusted text). */
function shown(v) {
    const s = JSON.stringify(v.length > 80 ? v.slice(0, 80) + '...' : v);
    return '`' + s.slice(1, -1) + '`';
}
/**
 * Check every value; return the completed request, or throw one UsageError naming every fault (exit code 2) with
 * the flag to fix. `flag` maps a field to what the user typed it as (`--cluster-name` or the `cluster-name` input).
 */
function checkRequest(input, flag = cliFlag) {
    const problems = [];
    const bad = (field, message) => problems.push(`${flag(field)}: ${message}`);
    const trim = (v) => (v === undefined ? undefined : v.trim() || undefined);
    const provider = trim(input.provider);
    if (provider !== 'gcp' && provider !== 'aws') {
        throw new errors/* UsageError */.eb(`unknown provider ${shown(provider ?? '')}`, 'generate dedicated-cluster knows `gcp` and `aws`');
    }
    // --- the cluster name
    const clusterName = trim(input.clusterName);
    if (!clusterName)
        bad('clusterName', 'is required');
    else {
        const max = provider === 'gcp' ? GCP_CLUSTER_MAX : AWS_CLUSTER_MAX;
        if (!LABEL.test(clusterName)) {
            bad('clusterName', `${shown(clusterName)} is not a valid cluster name: use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (it becomes a directory, a DNS label and the ${provider === 'gcp' ? 'GKE' : 'EKS'} cluster name)`);
        }
        else if (clusterName.length > max) {
            bad('clusterName', `${shown(clusterName)} is ${clusterName.length} characters long; at most ${max} are allowed on ${provider}${provider === 'gcp' ? ' (the GKE cluster `<name>-cluster` may have 40)' : ''}`);
        }
        else if (RESERVED_CLUSTER_NAMES.has(clusterName)) {
            bad('clusterName', `${shown(clusterName)} is reserved (the clusters directory uses it for templates and skips it)`);
        }
    }
    // --- region and zone
    let region = trim(input.region);
    if (!region && provider === 'gcp')
        region = DEFAULTS.gcpRegion;
    if (!region)
        bad('region', 'is required for aws (e.g. us-west-2)');
    else if (provider === 'gcp' && !GCP_REGION.test(region)) {
        bad('region', `${shown(region)} is not a GCP region (like us-central1 or europe-west4)${/-[a-z]$/.test(region) ? '; that looks like a zone: give its region, and the zone with the zone flag' : ''}`);
    }
    else if (provider === 'aws' && !AWS_REGION.test(region)) {
        bad('region', `${shown(region)} is not an AWS region (like us-west-2 or eu-central-1)${/-[0-9]+[a-z]$/.test(region) ? '; that looks like an availability zone: give its region' : ''}`);
    }
    let zone = trim(input.zone);
    if (provider === 'aws') {
        if (zone)
            bad('zone', 'is for gcp only (the aws nodes go to the first availability zone of the region, `<region>a`)');
        zone = region ? `${region}a` : '';
    }
    else {
        zone ??= region ? `${region}-b` : '';
        if (region && GCP_REGION.test(region) && !new RegExp(`^${region}-[a-z]$`).test(zone)) {
            bad('zone', `${shown(zone)} is not a zone of region ${region} (like ${region}-b)`);
        }
    }
    // --- project (gcp) and account (aws)
    const projectId = trim(input.projectId);
    const accountId = trim(input.accountId);
    if (provider === 'gcp') {
        if (!projectId)
            bad('projectId', 'is required for gcp (the id of the GCP project the cluster lives in)');
        else if (!GCP_PROJECT.test(projectId)) {
            bad('projectId', `${shown(projectId)} is not a GCP project id: 6 to 30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen`);
        }
        if (accountId)
            bad('accountId', 'is for aws only');
    }
    else {
        if (!accountId)
            bad('accountId', 'is required for aws (the 12-digit AWS account id)');
        else if (!/^[0-9]{12}$/.test(accountId))
            bad('accountId', `${shown(accountId)} is not an AWS account id (12 digits)`);
        if (projectId)
            bad('projectId', 'is for gcp only');
    }
    // --- hubs
    const hubs = (input.hubs && input.hubs.length ? input.hubs : [...DEFAULTS.hubs]).map((h) => h.trim()).filter(Boolean);
    const seen = new Set();
    for (const hub of hubs) {
        if (!HUB.test(hub) || hub.length > 53) {
            bad('hubs', `hub name ${shown(hub)} is not valid: lowercase letters, digits and hyphens, at most 53, not starting or ending with a hyphen (it becomes a namespace and a helm release)`);
            continue;
        }
        if (RESERVED_HUB_NAMES.has(hub)) {
            bad('hubs', `hub name ${shown(hub)} is taken: a hub is deployed into the namespace of its name, and ${hub} is used by ${hub === 'support' ? 'the support chart' : 'the cluster itself'}`);
            continue;
        }
        if (seen.has(hub))
            bad('hubs', `hub ${shown(hub)} is listed twice`);
        seen.add(hub);
        if (clusterName && LABEL.test(clusterName) && bucketName(clusterName, hub).length > BUCKET_MAX) {
            bad('hubs', `the scratch bucket of hub ${hub}, ${bucketName(clusterName, hub)}, would be ${bucketName(clusterName, hub).length} characters; buckets have at most ${BUCKET_MAX}: shorten the cluster or hub name`);
        }
    }
    const hubTypeRaw = trim(input.hubType) ?? 'basehub';
    if (hubTypeRaw !== 'basehub' && hubTypeRaw !== 'daskhub')
        bad('hubType', `${shown(hubTypeRaw)} is not a hub type: use basehub or daskhub`);
    const hubType = hubTypeRaw === 'daskhub' ? 'daskhub' : 'basehub';
    // --- billing
    const paidByUs = input.paidByUs === true;
    const billingId = trim(input.billingId);
    let billing;
    if (provider === 'gcp' && paidByUs) {
        if (!billingId)
            bad('billingId', 'is required when the cluster is paid by us on gcp (cluster.yaml needs gcp.billing.bigquery.billing_id, like 0157F7-E3EA8C-25AC3C)');
        else if (!BILLING_ID.test(billingId))
            bad('billingId', `${shown(billingId)} is not a billing account id (XXXXXX-XXXXXX-XXXXXX, uppercase hex)`);
        const project = trim(input.billingProject) ?? projectId ?? '';
        if (trim(input.billingProject) && !GCP_PROJECT.test(project))
            bad('billingProject', `${shown(project)} is not a GCP project id`);
        const dataset = trim(input.billingDataset) ?? DEFAULTS.billingDataset;
        if (!DATASET.test(dataset))
            bad('billingDataset', `${shown(dataset)} is not a BigQuery dataset id (letters, digits, underscores)`);
        billing = { id: billingId ?? '', project, dataset };
    }
    else {
        const stray = ['billingId', 'billingProject', 'billingDataset'].filter((k) => trim(input[k]));
        for (const k of stray)
            bad(k, provider === 'aws' ? 'is for gcp only (AWS costs come from Cost Explorer)' : 'only applies with the paid-by-us flag');
    }
    // --- the rest
    const deal = trim(input.hubspotDealId);
    let hubspotDealId;
    if (deal !== undefined) {
        if (!/^[0-9]{1,15}$/.test(deal))
            bad('hubspotDealId', `${shown(deal)} is not a HubSpot deal id (a whole number)`);
        else
            hubspotDealId = Number(deal);
    }
    const dnsZone = (trim(input.dnsZone) ?? DEFAULTS.dnsZone).replace(/\.$/, '');
    if (!DNS_ZONE.test(dnsZone))
        bad('dnsZone', `${shown(dnsZone)} is not a DNS zone (like 2i2c.cloud or hubs.example.org)`);
    else if (clusterName && `grafana.${clusterName}.${dnsZone}`.length > 253)
        bad('dnsZone', 'makes host names longer than 253 characters');
    const grafanaGithubOrg = trim(input.grafanaGithubOrg) ?? DEFAULTS.grafanaGithubOrg;
    if (!GITHUB_ORG.test(grafanaGithubOrg))
        bad('grafanaGithubOrg', `${shown(grafanaGithubOrg)} is not a GitHub organisation name`);
    const eksVersion = trim(input.eksVersion) ?? DEFAULTS.eksVersion;
    if (provider === 'aws' && !EKS_VERSION.test(eksVersion))
        bad('eksVersion', `${shown(eksVersion)} is not a Kubernetes minor version (like ${DEFAULTS.eksVersion})`);
    if (provider === 'gcp' && trim(input.eksVersion))
        bad('eksVersion', 'is for aws only');
    if (problems.length) {
        const who = clusterName && LABEL.test(clusterName) ? `cluster ${clusterName}` : 'the cluster';
        const what = problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`;
        throw new errors/* UsageError */.eb(`cannot generate ${who}: ${what}`, 'nothing was written; fix the values above and run the command again');
    }
    return {
        provider,
        clusterName: clusterName,
        region: region,
        zone: zone,
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
const CLI_FLAGS = {
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
function cliFlag(field) {
    return CLI_FLAGS[field] ?? field;
}
/** How the action names a field (its input). */
function actionInput(field) {
    return `input \`${CLI_FLAGS[field]?.replace(/^--/, '') ?? field}\``;
}

;// CONCATENATED MODULE: ./src/shared/generate/templates/tfvars.ts
/**
 * The terraform variables of a new cluster: `terraform/gcp/projects/<cluster>.tfvars` (GKE: a regional cluster, core
 * and notebook node pools, filestore, optional dask worker pools, a scratch bucket and cloud permissions per hub) and
 * `terraform/aws/projects/<cluster>.tfvars` (region, node location, a scratch bucket and permissions per hub).
 * Variable names follow upstream's terraform modules (reference A.11).
 */

/** An HCL string literal: escapes `\`, `"`, control characters and the template sequences `${` and `%{`. */
function hclString(s) {
    const body = s
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t')
        .replace(/\$\{/g, '$${')
        .replace(/%\{/g, '%%{');
    return `"${body}"`;
}
/** `name = value` lines with the `=` aligned, as `terraform fmt` writes them. */
function assignments(pairs) {
    const w = Math.max(...pairs.map(([k]) => k.length));
    return pairs.map(([k, v]) => `${k.padEnd(w)} = ${v}`).join('\n');
}
function nodePools(pools) {
    if (!pools.length)
        return '{}';
    const body = pools.map((p) => `  ${hclString(p.name)} : {\n    min : ${p.min},\n    max : ${p.max},\n    machine_type : ${hclString(p.machineType)},\n  },`).join('\n');
    return `{\n${body}\n}`;
}
function buckets(req) {
    if (!req.hubs.length)
        return '{}';
    return `{\n${req.hubs.map((h) => `  ${hclString(scratchBucket(h))} : {\n    "delete_after" : 7,\n  },`).join('\n')}\n}`;
}
const GCP_NOTEBOOK_MACHINES = ['n2-highmem-4', 'n2-highmem-16', 'n2-highmem-64'];
const GCP_DASK_MACHINE = 'n2-highmem-16';
function gcpTfvars(req) {
    const permissions = req.hubs.length
        ? `{\n${req.hubs
            .map((h) => `  ${hclString(h)} : {\n    allow_access_to_external_requester_pays_buckets : true,\n    bucket_admin_access : [${hclString(scratchBucket(h))}],\n    hub_namespace : ${hclString(h)},\n  },`)
            .join('\n')}\n}`
        : '{}';
    return [
        `# Terraform variables of the GKE cluster ${req.clusterName}, generated by \`deployer generate dedicated-cluster gcp\`.`,
        `# Apply: cd terraform/gcp && terraform workspace new ${req.clusterName} && terraform apply -var-file=projects/${req.clusterName}.tfvars`,
        assignments([
            ['prefix', hclString(req.clusterName)],
            ['project_id', hclString(req.projectId)],
            ['zone', hclString(req.zone)],
            ['region', hclString(req.region)],
            ['regional_cluster', 'true'],
            ['core_node_machine_type', hclString('n2-highmem-2')],
            ['enable_network_policy', 'true'],
        ]),
        '',
        assignments([
            ['enable_filestore', 'true'],
            ['filestore_capacity_gb', '1024'],
        ]),
        '',
        `notebook_nodes = ${nodePools(GCP_NOTEBOOK_MACHINES.map((m) => ({ name: m, min: 0, max: 100, machineType: m })))}`,
        '',
        `dask_nodes = ${nodePools(req.daskNodes ? [{ name: 'worker', min: 0, max: 200, machineType: GCP_DASK_MACHINE }] : [])}`,
        '',
        `user_buckets = ${buckets(req)}`,
        '',
        `hub_cloud_permissions = ${permissions}`,
        '',
    ].join('\n');
}
function awsTfvars(req) {
    const permissions = req.hubs.length
        ? `{\n${req.hubs
            .map((h) => `  ${hclString(h)} : {\n    requestor_pays : true,\n    bucket_admin_access : [${hclString(scratchBucket(h))}],\n    extra_iam_policy : "",\n  },`)
            .join('\n')}\n}`
        : '{}';
    return [
        `# Terraform variables of the EKS cluster ${req.clusterName}, generated by \`deployer generate dedicated-cluster aws\`.`,
        `# Apply after eksctl has created the cluster: cd terraform/aws && terraform workspace new ${req.clusterName} && terraform apply -var-file=projects/${req.clusterName}.tfvars`,
        assignments([
            ['region', hclString(req.region)],
            ['cluster_name', hclString(req.clusterName)],
            ['cluster_nodes_location', hclString(req.zone)],
        ]),
        '',
        `user_buckets = ${buckets(req)}`,
        '',
        `hub_cloud_permissions = ${permissions}`,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/shared/generate/files.ts
/**
 * Which files a new cluster gets (reference A.11), rendered in memory from the suite's own templates:
 * - gcp: terraform/gcp/projects/<c>.tfvars, <clusters-dir>/<c>/{cluster.yaml, support.values.yaml,
 *   enc-support.secret.values.yaml}
 * - aws: eksctl/<c>.jsonnet, terraform/aws/projects/<c>.tfvars, and the same three cluster files.
 * Paths are relative to the infra repo root, with POSIX separators.
 */





const SUPPORT_SECRET_FILE = 'enc-support.secret.values.yaml';
function rel(paths, abs) {
    return external_node_path_default().relative(paths.configRoot, abs).split((external_node_path_default()).sep).join('/');
}
/** The cluster directory, relative to the repo root. */
function clusterDirOf(paths, clusterName) {
    return rel(paths, external_node_path_default().join(paths.clustersDir, clusterName));
}
/** Every file outside the cluster directory that generation writes (they must not exist either, without --force). */
function infraFilesOf(req) {
    const tfvars = `terraform/${req.provider}/projects/${req.clusterName}.tfvars`;
    return req.provider === 'aws' ? [`eksctl/${req.clusterName}.jsonnet`, tfvars] : [tfvars];
}
/** Render every file. `credentials` undefined: the encrypted support secret is left out (kept as it is). */
function planFiles(paths, req, credentials) {
    const dir = clusterDirOf(paths, req.clusterName);
    const files = [];
    if (req.provider === 'aws') {
        files.push({ path: `eksctl/${req.clusterName}.jsonnet`, encrypted: false, text: eksctlJsonnet(req), what: 'eksctl cluster config (jsonnet)' });
        files.push({ path: `terraform/aws/projects/${req.clusterName}.tfvars`, encrypted: false, text: awsTfvars(req), what: 'terraform variables' });
    }
    else {
        files.push({ path: `terraform/gcp/projects/${req.clusterName}.tfvars`, encrypted: false, text: gcpTfvars(req), what: 'terraform variables' });
    }
    files.push({ path: `${dir}/cluster.yaml`, encrypted: false, text: req.provider === 'aws' ? awsClusterYaml(req) : gcpClusterYaml(req), what: 'cluster.yaml' });
    files.push({ path: `${dir}/support.values.yaml`, encrypted: false, text: supportValuesYaml(req), what: 'support chart values' });
    if (credentials) {
        files.push({ path: `${dir}/${SUPPORT_SECRET_FILE}`, encrypted: true, data: supportSecretValues(credentials), what: 'support chart secrets (Prometheus basic auth, generated)' });
    }
    return files;
}

;// CONCATENATED MODULE: ./src/shared/generate/index.ts
/**
 * `generate dedicated-cluster gcp|aws`: the files of a new dedicated cluster (reference A.11, 2026 shapes), with
 * upstream's faults closed:
 * - every value comes from a flag or an input (no prompts) and is checked before anything is written (request.ts);
 * - an existing cluster directory, tfvars or eksctl file is never touched without `force`; with `force`, the existing
 *   encrypted support secret is kept (its credentials are in use) unless `rotateCredentials`;
 * - the generated credentials come from the CSPRNG and are masked at once (credentials.ts); their plaintext never
 *   exists inside the repo: the encrypted file is written through the infra-repo change set (src/shared/changes),
 *   which encrypts from a private temp dir with the repo's .sops.yaml rules and writes every file or none;
 * - the rendered cluster.yaml passes the cluster.yaml schema before it is written.
 */












/** The rendered cluster.yaml must pass the schema: a failure here is a bug in the templates, never the user's. */
function selfCheck(file) {
    if (file.encrypted || !file.path.endsWith('/cluster.yaml'))
        return;
    const findings = (0,schema.checkClusterSchema)((0,yaml/* parseYaml */.hN)(file.text, file.path)).filter((f) => f.severity === 'error');
    if (findings.length) {
        throw new errors/* DeployerError */.dg(`the generated cluster.yaml does not pass the cluster.yaml schema: ${findings.map(shared_findings/* formatFinding */.tf).join('; ')}`, {
            hint: 'this is a bug in deployer\'s templates; nothing was written',
        });
    }
}
function nextSteps(req, clusterDir) {
    const c = req.clusterName;
    const steps = req.provider === 'aws'
        ? [
            `jsonnet eksctl/${c}.jsonnet > eksctl/${c}.eksctl.json && eksctl create cluster --config-file=eksctl/${c}.eksctl.json`,
            `cd terraform/aws && terraform workspace new ${c} && terraform apply -var-file=projects/${c}.tfvars`,
        ]
        : [`cd terraform/gcp && terraform workspace new ${c} && terraform apply -var-file=projects/${c}.tfvars`];
    return [
        ...steps,
        `commit the deployer's credentials from terraform's output as ${clusterDir}/enc-deployer-credentials.secret.json (sops-encrypted), then uncomment \`${req.provider}.key\` in ${clusterDir}/cluster.yaml`,
        `deployer validate cluster-config ${c} && deployer deploy-support ${c}`,
        `add the hubs: uncomment their entries in ${clusterDir}/cluster.yaml and write their values files`,
    ];
}
async function generateCluster(o) {
    const req = checkRequest(o.input, o.flag ?? cliFlag);
    const { paths, reporter } = o;
    const force = o.force === true;
    // Where: an existing infra repo, and nothing of this cluster in it (unless force).
    if (!(0,external_node_fs_.existsSync)(paths.clustersDir) || !(0,external_node_fs_.statSync)(paths.clustersDir).isDirectory()) {
        throw new errors/* DeployerError */.dg(`clusters directory ${(0,repo/* displayPath */.Gt)(paths, paths.clustersDir)} does not exist`, {
            hint: 'run from the root of the infra repo, or pass --config-root (the config-root input) and --clusters-dir; nothing was written',
        });
    }
    const clusterDir = clusterDirOf(paths, req.clusterName);
    const clusterDirAbs = external_node_path_default().join(paths.configRoot, clusterDir);
    if ((0,external_node_fs_.existsSync)(clusterDirAbs) && !(0,external_node_fs_.statSync)(clusterDirAbs).isDirectory()) {
        throw new errors/* DeployerError */.dg(`${clusterDir} exists and is not a directory`, { hint: 'remove or rename it; nothing was written' });
    }
    const existing = [clusterDir, ...infraFilesOf(req)].filter((p) => (0,external_node_fs_.existsSync)(external_node_path_default().join(paths.configRoot, p)));
    if (existing.length && !force) {
        throw new errors/* DeployerError */.dg(`cluster ${req.clusterName} already has files here: ${existing.join(', ')}`, {
            hint: 'nothing was written; pick another cluster name, or pass --force (input `force: true`) to replace the generated files (other files are left alone, and the encrypted support secret is kept unless --rotate-credentials)',
        });
    }
    const secretRel = `${clusterDir}/${SUPPORT_SECRET_FILE}`;
    const keepSecret = (0,external_node_fs_.existsSync)(external_node_path_default().join(paths.configRoot, secretRel)) && !o.rotateCredentials;
    if (keepSecret)
        reporter.info(`keeping ${secretRel} (its credentials may be in use; pass --rotate-credentials to replace them)`);
    const credentials = keepSecret ? undefined : prometheusCredentials();
    if (credentials) {
        reporter.mask(credentials.username);
        reporter.mask(credentials.password);
    }
    const planned = planFiles(paths, req, credentials);
    planned.forEach(selfCheck);
    const files = planned.map((f) => ({
        path: f.path,
        action: (0,external_node_fs_.existsSync)(external_node_path_default().join(paths.configRoot, f.path)) ? 'replace' : 'create',
        encrypted: f.encrypted,
        what: f.what,
    }));
    if (keepSecret)
        files.push({ path: secretRel, action: 'keep', encrypted: true, what: 'support chart secrets (kept)' });
    const result = { cluster: req.clusterName, provider: req.provider, clusterDir, files, changes: [], dryRun: o.dryRun === true, nextSteps: nextSteps(req, clusterDir) };
    if (o.dryRun)
        return result;
    const cs = new changes/* ChangeSet */.VR({ root: paths.configRoot, reporter, sopsEnv: o.sopsEnv });
    try {
        for (const f of planned) {
            if (f.encrypted)
                await cs.writeEncrypted(f.path, f.data, { overwrite: force });
            else
                await cs.writeFile(f.path, f.text, { overwrite: force });
        }
        result.changes = await reporter.group(`writing ${planned.length} file(s) of cluster ${req.clusterName}`, () => cs.apply());
    }
    catch (e) {
        cs.discard();
        throw e;
    }
    const written = new Set(result.changes.map((c) => c.path));
    for (const f of result.files)
        if (f.action !== 'keep' && !written.has(f.path))
            f.action = 'unchanged';
    return result;
}
/** Rows for people: file, action, encrypted, what it is. */
function filesTable(result) {
    const verb = result.dryRun
        ? { create: 'would create', replace: 'would replace', keep: 'kept', unchanged: 'unchanged' }
        : { create: 'created', replace: 'replaced', keep: 'kept', unchanged: 'unchanged' };
    return {
        header: ['file', 'action', 'encrypted', 'what'],
        rows: result.files.map((f) => [f.path, verb[f.action], f.encrypted ? 'yes (sops)' : 'no', f.what]),
    };
}

// EXTERNAL MODULE: ./src/cli/common.ts + 1 modules
var common = __webpack_require__(76562);
;// CONCATENATED MODULE: ./src/cli/generate-cluster.ts
/**
 * `deployer generate dedicated-cluster gcp|aws --cluster-name ... [--force] [--dry-run] [--json]`
 * Writes the new cluster's files into the working tree (secrets sops-encrypted, never plaintext in the tree), prints
 * which files it wrote (a table, or JSON with --json) and what to do next. Exit 0 written, 1 refused or failed,
 * 2 bad values (nothing written either way).
 */



const str = (v) => (typeof v === 'string' ? v : undefined);
async function generateClusterCommand(provider, opts) {
    const reporter = (0,common/* terminalReporter */.CO)(opts);
    const hubs = [...(opts.hubs ?? []), ...(opts.hubName ?? [])];
    const result = await generateCluster({
        paths: (0,common/* pathsFrom */.lL)(opts),
        reporter,
        force: opts.force === true,
        rotateCredentials: opts.rotateCredentials === true,
        dryRun: opts.dryRun === true,
        input: {
            provider,
            clusterName: str(opts.clusterName),
            region: str(opts.clusterRegion),
            zone: str(opts.clusterZone),
            projectId: str(opts.projectId),
            accountId: str(opts.accountId),
            hubs,
            hubType: str(opts.hubType),
            daskNodes: opts.daskNodes === true,
            paidByUs: opts.paidByUs === true,
            billingId: str(opts.billingId),
            billingProject: str(opts.billingProject),
            billingDataset: str(opts.billingDataset),
            hubspotDealId: str(opts.hubspotDealId),
            dnsZone: str(opts.dnsZone),
            grafanaGithubOrg: str(opts.grafanaGithubOrg),
            eksVersion: str(opts.eksVersion),
        },
    });
    if (opts.json) {
        (0,common/* printResult */.RS)(JSON.stringify({ cluster: result.cluster, provider: result.provider, clusterDir: result.clusterDir, dryRun: result.dryRun, files: result.files, nextSteps: result.nextSteps }, null, 2));
        return 0;
    }
    const t = filesTable(result);
    (0,common/* printResult */.RS)((0,log/* formatTextTable */.D6)(t.header, t.rows));
    if (result.dryRun) {
        reporter.info(`dry run: nothing was written for cluster ${result.cluster}`);
        return 0;
    }
    reporter.info(`cluster ${result.cluster}: ${result.changes.length} file(s) written in the working tree (review, commit and open a pull request). Next:`);
    result.nextSteps.forEach((s, i) => reporter.info(`  ${i + 1}. ${s}`));
    return 0;
}


/***/ }),

/***/ 45336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SopsError: () => (/* binding */ SopsError),
  assertSopsEncrypted: () => (/* binding */ assertSopsEncrypted),
  decryptFile: () => (/* binding */ decryptFile),
  liveTempDirs: () => (/* reexport */ tempdir/* liveTempDirs */.pU),
  maskLeaves: () => (/* reexport */ maskLeaves),
  maskValue: () => (/* reexport */ maskValue),
  privateTempDir: () => (/* reexport */ tempdir/* privateTempDir */.nX),
  readDecrypted: () => (/* binding */ readDecrypted),
  sopsFormatOf: () => (/* binding */ sopsFormatOf),
  tempRoot: () => (/* reexport */ tempdir/* tempRoot */.fQ),
  withDecryptedFile: () => (/* binding */ withDecryptedFile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(27564);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
;// CONCATENATED MODULE: ./src/shared/secrets/mask.ts
/**
 * Which decrypted values get masked, and in which forms.
 *
 * Every leaf of a decrypted document is masked the moment it is read, with these rules:
 * - strings: masked whole and line by line (registerSecret skips pieces shorter than 4 characters and lines made only
 *   of punctuation such as `{`), plus their JSON-escaped form (how helm and kubectl print them in JSON) and their
 *   base64 form (how a Kubernetes Secret carries them) when 8 characters or longer;
 * - numbers: masked when they are 6 characters or longer (account numbers, PINs, IDs); shorter numbers (ports, replica
 *   counts, uids) would garble every log line that mentions them and protect nothing;
 * - booleans, null, and the strings `true`/`false`/`null`/`yes`/`no`/`on`/`off`: never (they are not secrets);
 * - the values of `apiVersion` and `kind` (Kubernetes/kubeconfig structure, e.g. `Config`): never;
 * - in a kubeconfig, the names that tie it together (`name`, `namespace`, `cluster`, `user`, `current-context`,
 *   `command` string values): never, or every log line saying `namespace/default` would read `namespace/***`; its
 *   server, certificates, keys, tokens, passwords and exec arguments are masked;
 * - in a Google service-account key, the public constants and identifiers (`type`, `project_id`, `client_email`,
 *   `client_id`, `auth_uri`, `token_uri`, `auth_provider_x509_cert_url`, `client_x509_cert_url`, `universe_domain`):
 *   never (`project_id` is in cluster.yaml anyway); `private_key` and `private_key_id` are masked;
 * - in an AWS access key (`aws iam create-access-key` output), `UserName`, `Status` and `CreateDate`: never (a
 *   user named `deployer` would otherwise turn every `deployer` in the logs into `***`); both key parts are masked.
 * Keys are not masked: they are structure, not secrets.
 */

const NOT_SECRET_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'none', '~']);
const STRUCTURAL_KEYS = new Set(['apiVersion', 'kind']);
const KUBECONFIG_NAME_KEYS = new Set([...STRUCTURAL_KEYS, 'name', 'namespace', 'cluster', 'user', 'current-context', 'command']);
const GCP_KEY_CONSTANTS = new Set([
    ...STRUCTURAL_KEYS,
    'type',
    'project_id',
    'client_email',
    'client_id',
    'auth_uri',
    'token_uri',
    'auth_provider_x509_cert_url',
    'client_x509_cert_url',
    'universe_domain',
]);
const AWS_KEY_PUBLIC = new Set([...STRUCTURAL_KEYS, 'UserName', 'Status', 'CreateDate']);
/** Which keys' string values are structure rather than secrets, for this document. */
function exemptKeysFor(doc) {
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
        const d = doc;
        if (d.kind === 'Config' || (Array.isArray(d.clusters) && (Array.isArray(d.contexts) || Array.isArray(d.users))))
            return KUBECONFIG_NAME_KEYS;
        if (d.type === 'service_account' && typeof d.private_key === 'string')
            return GCP_KEY_CONSTANTS;
        if (d.AccessKey && typeof d.AccessKey === 'object' && 'SecretAccessKey' in d.AccessKey)
            return AWS_KEY_PUBLIC;
    }
    return STRUCTURAL_KEYS;
}
const MIN_SECRET_NUMBER_LENGTH = 6;
/** Mask one value (and its JSON and base64 forms) through the reporter and the process-wide register. */
function maskValue(value, reporter) {
    const forms = new Set([value]);
    const json = JSON.stringify(value).slice(1, -1);
    if (json !== value)
        forms.add(json);
    if (value.length >= 8)
        forms.add(Buffer.from(value, 'utf8').toString('base64'));
    for (const f of forms) {
        (0,redact/* registerSecret */.cl)(f);
        reporter.mask(f);
    }
}
/** Mask every leaf of a parsed document. Returns how many leaves were masked. */
function maskLeaves(doc, reporter) {
    return walk(doc, reporter, undefined, exemptKeysFor(doc));
}
function walk(node, reporter, key, exempt) {
    if (Array.isArray(node))
        return node.reduce((n, item) => n + walk(item, reporter, key, exempt), 0);
    if (node !== null && typeof node === 'object') {
        let n = 0;
        for (const [k, v] of Object.entries(node))
            n += walk(v, reporter, k, exempt);
        return n;
    }
    if (key !== undefined && exempt.has(key))
        return 0;
    if (typeof node === 'string') {
        if (NOT_SECRET_WORDS.has(node.trim().toLowerCase()))
            return 0;
        maskValue(node, reporter);
        return 1;
    }
    if (typeof node === 'number' || typeof node === 'bigint') {
        const text = String(node);
        if (text.length < MIN_SECRET_NUMBER_LENGTH)
            return 0;
        maskValue(text, reporter);
        return 1;
    }
    return 0;
}
/** Mask every non-trivial line of a text that could not be parsed (a binary secret, a broken document). */
function maskText(text, reporter) {
    (0,redact/* registerSecret */.cl)(text);
    reporter.mask(text);
}

;// CONCATENATED MODULE: ./src/shared/secrets/sops-errors.ts
const GENERIC_HINT = "check that this job has the file's key (SOPS_AGE_KEY_FILE / SOPS_AGE_KEY or the sops-age-key input for age, cloud credentials for KMS) and that the file was not edited by hand";
/** Parse sops's `Group 0: FAILED / <recipient>: FAILED / - | <reason>` report into recipient -> reason. */
function recipientFailures(text) {
    const out = [];
    let current;
    for (const line of text.split('\n')) {
        const r = /^\s{2,}(\S+): FAILED\s*$/.exec(line);
        if (r && !/^Group$/.test(r[1])) {
            current = { recipient: r[1], reason: '' };
            out.push(current);
            continue;
        }
        const cont = /^\s+(?:- )?\|\s?(.*)$/.exec(line);
        if (cont && current)
            current.reason = `${current.reason} ${cont[1].trim()}`.trim();
    }
    return out;
}
function explainSopsFailure(stderr, code, timedOut) {
    const text = stderr.trim();
    if (timedOut) {
        return { reason: 'sops timed out (a KMS call that never answered?)', hint: 'check the network path to the KMS, or raise the timeout', recipients: [] };
    }
    const failures = recipientFailures(text);
    if (/Failed to get the data key/i.test(text) || code === 128) {
        const recipients = failures.map((f) => f.recipient);
        const tried = failures.map((f) => `${f.recipient}: ${f.reason || 'failed'}`).join('; ');
        const age = recipients.filter((r) => r.startsWith('age1'));
        const kms = recipients.filter((r) => !r.startsWith('age1'));
        const hint = age.length
            ? `the file is encrypted for ${age.join(', ')}${kms.length ? ` (and ${kms.join(', ')})` : ''}: give this job the matching age private key (the sops-age-key input, SOPS_AGE_KEY_FILE or SOPS_AGE_KEY), ` +
                'or add your key\'s recipient to .sops.yaml and run `sops updatekeys <file>` with a key that can decrypt it'
            : kms.length
                ? `the file is encrypted with ${kms.join(', ')}: this job's cloud credentials must be allowed to decrypt with that key (check the workflow's cloud login and its IAM permission)`
                : GENERIC_HINT;
        return { reason: `no key available to this job could open its data key${tried ? ` (${tried})` : ''}`, hint, recipients };
    }
    if (/MAC mismatch/i.test(text) || code === 51) {
        return {
            reason: 'its MAC does not match its content: the file was changed without sops (edited by hand, or a git merge)',
            hint: 'restore the file from history, or decrypt it with `sops --decrypt --ignore-mac`, fix it and encrypt it again',
            recipients: [],
        };
    }
    if (/Error decrypting tree|Input string .* does not match sops' data format/i.test(text) || code === 25) {
        return { reason: `a value in it is damaged (${lastLine(text)})`, hint: 'restore the file from history, or re-create the value with `sops <file>`', recipients: [] };
    }
    if (/sops metadata not found|Error unmarshalling input/i.test(text)) {
        return { reason: lastLine(text), hint: 'the file is not a valid sops file: re-encrypt it with `sops --encrypt`', recipients: [] };
    }
    return { reason: lastLine(text) || `sops exit code ${code}`, hint: GENERIC_HINT, recipients: [] };
}
function lastLine(text) {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.at(-1) ?? '';
}

// EXTERNAL MODULE: ./src/shared/secrets/tempdir.ts
var tempdir = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/shared/secrets/index.ts
/**
 * sops decryption that never leaks:
 * - the leak guard: a file handed to decryption (and any file whose basename contains `secret`) must carry sops
 *   metadata, else a located DeployerError says it may have leaked and must be rotated;
 * - `sops --decrypt --output <private temp file>`: the plaintext lives only in a 0700 directory (0600 file) inside
 *   RUNNER_TEMP (Actions) or the OS temp dir, removed on dispose, on a thrown error, and on exit/SIGINT/SIGTERM;
 * - every decrypted leaf value is masked the moment it is decrypted (before any caller can print or pass it on),
 *   so no log line, tool output, error, summary, annotation or output can carry it.
 *
 * sops runs with the caller's environment (default: this process's, minus KUBECONFIG), because sops needs the
 * workflow's KMS credentials (GOOGLE_APPLICATION_CREDENTIALS, AWS_*, SOPS_AGE_KEY_FILE...) to open the data key.
 */














/** The format sops would pick from the extension; extensionless files are told apart by content. */
function sopsFormatOf(absPath, text) {
    const name = external_node_path_default().basename(absPath).toLowerCase();
    if (/\.ya?ml$/.test(name))
        return 'yaml';
    if (name.endsWith('.json'))
        return 'json';
    if (name.endsWith('.env'))
        return 'dotenv';
    if (name.endsWith('.ini'))
        return 'ini';
    const t = (text ?? '').trimStart();
    if (t.startsWith('{')) {
        try {
            const doc = JSON.parse(t);
            const keys = Object.keys(doc ?? {}).sort();
            if (keys.length === 2 && keys[0] === 'data' && keys[1] === 'sops')
                return 'binary';
            return 'json';
        }
        catch {
            return 'binary';
        }
    }
    if (/^sops:\s*$/m.test(t))
        return 'yaml';
    return 'binary';
}
function leakError(display, why, line = 1, col = 1) {
    return new errors/* DeployerError */.dg(`${display} ${why}: it is not sops-encrypted. If this file was ever committed or pushed, its contents have leaked`, {
        file: display,
        line,
        col,
        hint: 'rotate every credential in it now, then encrypt the new values with `sops --encrypt --in-place <file>` before committing',
    });
}
/**
 * The leak guard: refuse a file that should be encrypted but carries no sops metadata (a top-level `sops` key for
 * YAML/JSON/binary files, `sops_*` entries for dotenv, a `[sops]` section for ini). Throws a located DeployerError.
 */
function assertSopsEncrypted(absPath, display = absPath) {
    if (!(0,external_node_fs_.existsSync)(absPath) || !(0,external_node_fs_.statSync)(absPath).isFile()) {
        throw new errors/* DeployerError */.dg(`secret file ${display} not found`, { file: display, hint: 'check the path in cluster.yaml (relative to the cluster directory)' });
    }
    const text = (0,external_node_fs_.readFileSync)(absPath, 'utf8');
    const format = sopsFormatOf(absPath, text);
    if (format === 'dotenv') {
        if (!/^sops_(mac|lastmodified|version)=/m.test(text))
            throw leakError(display, 'has no sops metadata (no `sops_mac=` line)');
        return;
    }
    if (format === 'ini') {
        if (!/^\[sops\]\s*$/m.test(text))
            throw leakError(display, 'has no `[sops]` section');
        return;
    }
    if (format === 'binary') {
        // sops's binary store is JSON: {"data": "ENC[...]", "sops": {...}}.
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            doc = undefined;
        }
        if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
            const meta = doc.sops;
            if (meta && typeof meta === 'object')
                return;
        }
        throw leakError(display, 'is neither YAML nor JSON with a top-level `sops` key');
    }
    let value;
    try {
        // parseYaml reads JSON too; its errors carry a position but never the offending text.
        value = (0,yaml/* parseYaml */.hN)(text, display).value;
    }
    catch (e) {
        if (e instanceof errors/* DeployerError */.dg) {
            throw new errors/* DeployerError */.dg(`${display} is not valid ${format === 'json' ? 'JSON' : 'YAML'}, so it cannot be a sops-encrypted file: ${e.message}`, {
                file: display,
                line: e.line,
                col: e.col,
                hint: 'sops-encrypted files are YAML or JSON with a top-level `sops` key; re-encrypt the file with sops',
            });
        }
        throw e;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !('sops' in value)) {
        throw leakError(display, 'has no top-level `sops` key');
    }
    const meta = value.sops;
    if (meta === null || typeof meta !== 'object')
        throw leakError(display, 'has a `sops` key that is not sops metadata');
}
function sopsEnv(env) {
    const out = { ...(env ?? process.env) };
    // sops never needs a cluster, and a KUBECONFIG in its environment is one more place a credential could travel.
    delete out.KUBECONFIG;
    return out;
}
function parsePlaintext(text, format) {
    switch (format) {
        case 'json':
            return JSON.parse(text);
        case 'yaml':
            return dist.parse(text, { maxAliasCount: 1000 });
        case 'dotenv': {
            const out = {};
            for (const line of text.split(/\r?\n/)) {
                const m = /^([^#=][^=]*)=(.*)$/.exec(line);
                if (m)
                    out[m[1].trim()] = m[2];
            }
            return out;
        }
        case 'ini': {
            const out = {};
            for (const line of text.split(/\r?\n/)) {
                const m = /^\s*([^;#[][^=]*)=(.*)$/.exec(line);
                if (m)
                    out[m[1].trim()] = m[2].trim();
            }
            return out;
        }
        default:
            return text;
    }
}
/**
 * Decrypt `absPath` with sops into a private temp file and mask every value in it. The caller must `dispose()`
 * (or use `withDecryptedFile`); the process-exit and signal handlers are the safety net, not the plan.
 */
async function decryptFile(absPath, opts) {
    const display = opts.display ?? absPath;
    assertSopsEncrypted(absPath, display);
    const format = sopsFormatOf(absPath, (0,external_node_fs_.readFileSync)(absPath, 'utf8'));
    const env = sopsEnv(opts.env);
    registerAgeKeys(env);
    const sops = (0,tools/* toolPath */.O)('sops', env);
    const tmp = await (0,tempdir/* privateTempDir */.nX)('sops');
    const out = external_node_path_default().join(tmp.dir, external_node_path_default().basename(absPath));
    try {
        // Create the output 0600 before sops writes into it (sops keeps an existing file's mode).
        (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(out, 'w', 0o600));
        const result = await (0,run/* runTool */.qI)(sops, ['--decrypt', '--input-type', format, '--output-type', format, '--output', out, absPath], {
            env,
            timeoutMs: opts.timeoutMs ?? 120_000,
            allowFailure: true,
        });
        if (result.code !== 0) {
            const why = explainSopsFailure(result.stderr || result.stdout, result.code, result.timedOut);
            throw new SopsError(display, why.reason, why.hint);
        }
        await (0,promises_.chmod)(out, 0o600);
        const text = await (0,promises_.readFile)(out, 'utf8');
        let parsed;
        try {
            parsed = parsePlaintext(text, format);
        }
        catch {
            parsed = undefined;
        }
        // Mask before anything else can see the values; an unparsable plaintext is masked line by line.
        if (parsed === undefined || typeof parsed === 'string')
            maskText(text, opts.reporter);
        else
            maskLeaves(parsed, opts.reporter);
        opts.reporter.debug(`decrypted ${display} into a private temporary file`);
        return { path: out, dispose: tmp.dispose };
    }
    catch (e) {
        await tmp.dispose();
        throw e;
    }
}
/** A file sops could not decrypt: `sops could not decrypt <file>: <why, in one line>`, and what to do (the hint). */
class SopsError extends errors/* DeployerError */.dg {
    display;
    reason;
    constructor(display, reason, hint) {
        super(`sops could not decrypt ${display}: ${reason}`, { file: display, hint });
        this.display = display;
        this.reason = reason;
        this.name = 'SopsError';
    }
}
/**
 * Register the age identities sops will be given (SOPS_AGE_KEY, SOPS_AGE_KEY_FILE) as secrets before it runs: sops
 * quotes a malformed key in its error ("Invalid checksum in AGE-SECRET-KEY-1...").
 */
function registerAgeKeys(env) {
    let text = env.SOPS_AGE_KEY ?? '';
    if (env.SOPS_AGE_KEY_FILE) {
        try {
            text += '\n' + (0,external_node_fs_.readFileSync)(env.SOPS_AGE_KEY_FILE, 'utf8');
        }
        catch {
            /* sops will say it cannot read it */
        }
    }
    for (const id of text.match(/AGE-SECRET-KEY-[0-9A-Z-]+/g) ?? [])
        (0,redact/* registerSecret */.cl)(id);
}
/** Decrypt, run `fn` with the plaintext path, and remove the plaintext whatever happens. */
async function withDecryptedFile(absPath, opts, fn) {
    const file = await decryptFile(absPath, opts);
    try {
        return await fn(file.path);
    }
    finally {
        await file.dispose();
    }
}
/**
 * Decrypt and parse (YAML/JSON; dotenv and ini as flat objects; binary as a string). The plaintext file is removed
 * before this returns; every leaf is already masked.
 */
async function readDecrypted(absPath, opts) {
    return withDecryptedFile(absPath, opts, async (plain) => {
        const text = await (0,promises_.readFile)(plain, 'utf8');
        const format = sopsFormatOf(absPath, (0,external_node_fs_.readFileSync)(absPath, 'utf8'));
        try {
            return parsePlaintext(text, format);
        }
        catch {
            // Never quote the parser's message: it may contain a piece of the plaintext.
            (0,redact/* registerSecret */.cl)(text);
            throw new errors/* DeployerError */.dg(`the decrypted content of ${opts.display ?? absPath} is not valid ${format === 'json' ? 'JSON' : 'YAML'}`, {
                file: opts.display ?? absPath,
                hint: 'decrypt it locally with `sops --decrypt` and fix the document, then re-encrypt it',
            });
        }
    });
}


/***/ })

};
