/**
 * The checks every value of `generate dedicated-cluster` passes before anything is written: what the names become
 * (directory, DNS label, GKE/EKS name, bucket names, namespaces) decides what is allowed; every fault is reported at
 * once, naming the flag (CLI) or the input (action) to fix; defaults are completed.
 */
import { describe, expect, test } from '@jest/globals';
import { UsageError } from '../../src/shared/errors.js';
import { actionInput, checkRequest, type GenerateInput } from '../../src/shared/generate/index.js';

const gcp: GenerateInput = { provider: 'gcp', clusterName: 'lab', projectId: 'lab-project' };
const aws: GenerateInput = { provider: 'aws', clusterName: 'ocean', region: 'us-west-2', accountId: '123456789012' };

function refused(input: GenerateInput, flag?: (f: string) => string): UsageError {
  try {
    checkRequest(input, flag);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).exitCode).toBe(2);
    expect((e as UsageError).hint).toMatch(/nothing was written/);
    return e as UsageError;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

describe('accepted values and defaults', () => {
  test('gcp: region us-central1, zone <region>-b, hubs staging and prod, basehub, not paid by us', () => {
    expect(checkRequest(gcp)).toMatchObject({
      provider: 'gcp',
      clusterName: 'lab',
      region: 'us-central1',
      zone: 'us-central1-b',
      projectId: 'lab-project',
      hubs: ['staging', 'prod'],
      hubType: 'basehub',
      daskNodes: false,
      paidByUs: false,
      dnsZone: '2i2c.cloud',
      grafanaGithubOrg: '2i2c-org',
    });
  });
  test('aws: the node zone is <region>a; daskhub implies dask nodes; a trailing dot of the DNS zone is dropped', () => {
    expect(checkRequest({ ...aws, hubType: 'daskhub', dnsZone: 'hubs.example.org.', hubs: ['a', 'b', 'c'] })).toMatchObject({
      region: 'us-west-2',
      zone: 'us-west-2a',
      accountId: '123456789012',
      hubType: 'daskhub',
      daskNodes: true,
      dnsZone: 'hubs.example.org',
      hubs: ['a', 'b', 'c'],
      eksVersion: '1.32',
    });
  });
  test.each([
    ['europe-west4', 'europe-west4-a'],
    ['northamerica-northeast2', 'northamerica-northeast2-c'],
    ['me-central2', 'me-central2-b'],
  ])('gcp region %s with zone %s', (region, zone) => {
    expect(checkRequest({ ...gcp, region, zone })).toMatchObject({ region, zone });
  });
  test.each(['us-gov-west-1', 'ap-southeast-1', 'eu-central-2', 'il-central-1'])('aws region %s', (region) => {
    expect(checkRequest({ ...aws, region }).region).toBe(region);
  });
  test('gcp paid by us: the billing export defaults to the project and cloud_costs', () => {
    expect(checkRequest({ ...gcp, paidByUs: true, billingId: '0157F7-E3EA8C-25AC3C' }).billing).toEqual({ id: '0157F7-E3EA8C-25AC3C', project: 'lab-project', dataset: 'cloud_costs' });
  });
  test('the longest names that fit: 32 characters on gcp (GKE `<name>-cluster` has 40), 40 on aws', () => {
    expect(checkRequest({ ...gcp, clusterName: 'a'.repeat(32), hubs: ['s'] }).clusterName).toHaveLength(32);
    expect(checkRequest({ ...aws, clusterName: 'a'.repeat(40), hubs: ['s'] }).clusterName).toHaveLength(40);
  });
});

describe('refused values (exit code 2, naming the flag)', () => {
  test.each([
    [{ clusterName: 'Lab' }, /--cluster-name: `Lab` is not a valid cluster name/],
    [{ clusterName: 'lab_1' }, /--cluster-name: `lab_1` is not a valid cluster name/],
    [{ clusterName: '1lab' }, /not a valid cluster name/],
    [{ clusterName: 'lab-' }, /not a valid cluster name/],
    [{ clusterName: '../etc' }, /`..\/etc` is not a valid cluster name/],
    [{ clusterName: 'a'.repeat(33) }, /--cluster-name: .* is 33 characters long; at most 32 are allowed on gcp/],
    [{ clusterName: 'templates' }, /`templates` is reserved/],
    [{ clusterName: undefined }, /--cluster-name: is required/],
    [{ clusterName: '   ' }, /--cluster-name: is required/],
    [{ region: 'us-central1-a' }, /--cluster-region: `us-central1-a` is not a GCP region .*that looks like a zone/],
    [{ region: 'US-CENTRAL1' }, /is not a GCP region/],
    [{ zone: 'europe-west1-b' }, /--cluster-zone: `europe-west1-b` is not a zone of region us-central1/],
    [{ projectId: 'Lab' }, /--project-id: `Lab` is not a GCP project id/],
    [{ projectId: 'short' }, /--project-id: `short` is not a GCP project id/],
    [{ projectId: undefined }, /--project-id: is required for gcp/],
    [{ accountId: '123456789012' }, /--account-id: is for aws only/],
    [{ hubs: ['Staging'] }, /--hubs: hub name `Staging` is not valid/],
    [{ hubs: ['-x'] }, /hub name `-x` is not valid/],
    [{ hubs: ['a'.repeat(54)] }, /is not valid/],
    [{ hubs: ['prod', 'prod'] }, /--hubs: hub `prod` is listed twice/],
    [{ hubs: ['staging', 'support'] }, /--hubs: hub name `support` is taken: .* used by the support chart/],
    [{ hubs: ['kube-system'] }, /hub name `kube-system` is taken/],
    [{ clusterName: 'a'.repeat(32), hubs: ['a'.repeat(30)] }, /the scratch bucket of hub a+, .* would be 71 characters; buckets have at most 63/],
    [{ hubType: 'binderhub' }, /--hub-type: `binderhub` is not a hub type/],
    [{ paidByUs: true }, /--billing-id: is required when the cluster is paid by us on gcp/],
    [{ paidByUs: true, billingId: '0157f7-e3ea8c-25ac3c' }, /--billing-id: `0157f7-e3ea8c-25ac3c` is not a billing account id/],
    [{ billingId: '0157F7-E3EA8C-25AC3C' }, /--billing-id: only applies with the paid-by-us flag/],
    [{ hubspotDealId: '12a' }, /--hubspot-deal-id: `12a` is not a HubSpot deal id/],
    [{ dnsZone: 'example' }, /--dns-zone: `example` is not a DNS zone/],
    [{ dnsZone: 'exa mple.org' }, /is not a DNS zone/],
    [{ grafanaGithubOrg: 'bad org' }, /--grafana-github-org: `bad org` is not a GitHub organisation name/],
    [{ eksVersion: '1.32' }, /--eks-version: is for aws only/],
  ])('gcp %j', (change, message) => {
    expect(refused({ ...gcp, ...(change as Partial<GenerateInput>) }).message).toMatch(message);
  });

  test.each([
    [{ region: undefined }, /--cluster-region: is required for aws/],
    [{ region: 'us-west-2a' }, /`us-west-2a` is not an AWS region .*availability zone/],
    [{ region: 'uswest2' }, /is not an AWS region/],
    [{ zone: 'us-west-2b' }, /--cluster-zone: is for gcp only/],
    [{ accountId: undefined }, /--account-id: is required for aws/],
    [{ accountId: '12345678901' }, /--account-id: `12345678901` is not an AWS account id/],
    [{ accountId: '12345678901x' }, /is not an AWS account id/],
    [{ projectId: 'lab-project' }, /--project-id: is for gcp only/],
    [{ clusterName: 'a'.repeat(41) }, /is 41 characters long; at most 40 are allowed on aws/],
    [{ paidByUs: true, billingId: '0157F7-E3EA8C-25AC3C' }, /--billing-id: is for gcp only/],
    [{ eksVersion: 'latest' }, /--eks-version: `latest` is not a Kubernetes minor version/],
  ])('aws %j', (change, message) => {
    expect(refused({ ...aws, ...(change as Partial<GenerateInput>) }).message).toMatch(message);
  });

  test('every fault is reported at once', () => {
    const e = refused({ provider: 'gcp', clusterName: 'Bad_Name', projectId: 'X', hubs: ['ok', 'Not-Ok'], dnsZone: 'nodot' });
    expect(e.message).toMatch(/^cannot generate the cluster: 4 problems:/);
    for (const flag of ['--cluster-name', '--project-id', '--hubs', '--dns-zone']) expect(e.message).toContain(`- ${flag}:`);
  });

  test('the action names its inputs instead of flags', () => {
    expect(refused({ ...aws, accountId: 'abc' }, actionInput).message).toMatch(/^cannot generate cluster ocean: input `account-id`: `abc` is not an AWS account id/);
  });

  test('an unknown provider', () => {
    expect(() => checkRequest({ provider: 'azure', clusterName: 'x' })).toThrow(/unknown provider `azure`/);
  });

  test('untrusted text is shown quoted and escaped, never raw (no new lines, no workflow commands)', () => {
    const e = refused({ ...gcp, clusterName: 'x\n::error::pwned' });
    expect(e.message).toContain('`x\\n::error::pwned`');
    expect(e.message).not.toMatch(/\n::error::/);
  });
});
