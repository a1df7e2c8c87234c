/** The GCP side against the local BigQuery fake: query text, named parameters, paging, guards, errors, credentials. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { billingTable, costQuery, gcpMonthTotals, serviceFilter } from '../../src/shared/billing/bigquery.js';
import { BIGQUERY_SCOPE, googleAuthClient, type ServiceAccountKey } from '../../src/shared/billing/google-auth.js';
import { expectedQuery, GoogleAuthCheck, makeServiceAccountKey, startFakeBigQuery, type FakeBigQuery } from '../harness/bigquery-api.js';

const BQ = { project: 'billing-proj', dataset: 'cloud_costs', billingId: '0157F7-E3EA8C-25AC3C' };
const TABLE = 'billing-proj.cloud_costs.gcp_billing_export_resource_v1_0157F7_E3EA8C_25AC3C';

describe('guards: text from cluster.yaml never becomes SQL', () => {
  it('builds the export table name from project, dataset and billing id', () => {
    expect(billingTable(BQ)).toBe(TABLE);
  });

  it.each([
    ['dataset', { ...BQ, dataset: 'x` WHERE 1=1; DROP TABLE y; --' }],
    ['project', { ...BQ, project: '$%!?' }],
    ['billing id', { ...BQ, billingId: 'ABCDEF-123456-7890AB`)' }],
    ['a newline', { ...BQ, dataset: 'a\nb' }],
  ])('an injection attempt in the table name (%s) is refused, naming the location', (_what, bq) => {
    expect(() => billingTable(bq, { file: 'config/clusters/x/cluster.yaml', line: 7 })).toThrow(/refusing to query BigQuery table/);
    try {
      billingTable(bq, { file: 'config/clusters/x/cluster.yaml', line: 7 });
    } catch (e) {
      expect((e as { file?: string; line?: number }).file).toBe('config/clusters/x/cluster.yaml');
      expect((e as { line?: number }).line).toBe(7);
    }
  });

  it('a service id must be XXXX-XXXX-XXXX hex; an injection attempt is refused', () => {
    expect(serviceFilter(undefined)).toBe('');
    expect(serviceFilter('6F81-5844-456A')).toBe('AND service.id = "6F81-5844-456A"');
    expect(serviceFilter('6f81-5844-456a')).toBe('AND service.id = "6f81-5844-456a"');
    for (const bad of ['6F81-5844-456A" OR "1"="1', 'ZZZZ-5844-456A', '6F81-5844', '6F81-5844-456A\n']) {
      expect(() => serviceFilter(bad)).toThrow(/refusing service id/);
    }
  });

  it('the query text is the reference text', () => {
    expect(costQuery(TABLE).replace(/\s+/g, ' ').trim()).toBe(expectedQuery(TABLE));
    expect(costQuery(TABLE)).toContain('FROM `billing-proj.cloud_costs.gcp_billing_export_resource_v1_0157F7_E3EA8C_25AC3C`');
  });
});

describe('jobs.query / getQueryResults against the fake', () => {
  const auth = new GoogleAuthCheck();
  const key = makeServiceAccountKey();
  auth.trustKey(key);
  const sa = key as unknown as ServiceAccountKey;
  const rows = [
    { month: '202510', project: 'the-project', total: '1.00' },
    { month: '202511', project: 'the-project', total: '100.125' },
    { month: '202512', project: 'the-project', total: '200.5' },
    { month: '202601', project: 'the-project', total: '-3.25' },
    { month: '202601', project: 'other-project', total: '999' },
    { month: '202602', project: 'the-project', total: '7' },
  ];
  let bq: FakeBigQuery;
  let tmp: string;
  beforeAll(async () => {
    bq = await startFakeBigQuery({ auth, tables: { [TABLE]: rows }, pageSize: 2 });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bq-test-'));
  });
  afterAll(async () => {
    await bq.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const call = async (over: Partial<Parameters<typeof gcpMonthTotals>[0]> = {}) =>
    gcpMonthTotals({ cluster: 'c1', jobProject: BQ.project, table: TABLE, project: 'the-project', range: { start: '2025-11', end: '2026-01' }, authClient: await googleAuthClient([BIGQUERY_SCOPE], sa), apiEndpoint: bq.url, timeoutMs: 30_000, ...over });

  it('sends the reference query with STRING parameters and reads every page (December to January)', async () => {
    const before = { ...bq.calls };
    const totals = await call();
    expect(totals).toEqual([
      { period: '2025-11', project: 'the-project', cost: 100.125 },
      { period: '2025-12', project: 'the-project', cost: 200.5 },
      { period: '2026-01', project: 'the-project', cost: -3.25 },
    ]);
    const q = bq.queries.at(-1)!;
    expect(q.params).toEqual({ start_month: '202511', end_month: '202601', project: 'the-project' });
    expect(q.jobProject).toBe('billing-proj');
    // 3 rows, 2 per page: one jobs.query, then one getQueryResults for the second page
    expect(bq.calls.query - before.query).toBe(1);
    expect(bq.calls.getQueryResults - before.getQueryResults).toBe(1);
  });

  it('a single month asks for that month only', async () => {
    expect(await call({ range: { start: '2025-12', end: '2025-12' } })).toEqual([{ period: '2025-12', project: 'the-project', cost: 200.5 }]);
    expect(bq.queries.at(-1)!.params).toMatchObject({ start_month: '202512', end_month: '202512' });
  });

  it('adds the service filter to the SQL when asked', async () => {
    await call({ serviceId: '6F81-5844-456A' });
    expect(bq.queries.at(-1)!.query).toContain('AND service.id = "6F81-5844-456A"');
  });

  it('waits for a job that is not complete at once (getQueryResults)', async () => {
    const slow = await startFakeBigQuery({ auth, tables: { [TABLE]: rows }, incompleteFirst: true });
    try {
      expect(await call({ apiEndpoint: slow.url })).toHaveLength(3);
      expect(slow.calls.getQueryResults).toBeGreaterThanOrEqual(1);
    } finally {
      await slow.stop();
    }
  });

  it('an API error names the cluster, the API and the status', async () => {
    const failing = await startFakeBigQuery({ auth, tables: { [TABLE]: rows } });
    failing.failTable(TABLE, 403, 'accessDenied', 'Access Denied: Table billing-proj:cloud_costs: User does not have permission to query table');
    try {
      await expect(call({ cluster: 'leaky', apiEndpoint: failing.url })).rejects.toThrow(/^cluster leaky: BigQuery jobs\.query failed \(HTTP 403\): accessDenied: Access Denied/);
    } finally {
      await failing.stop();
    }
  });

  it('an unknown table is a 404 naming the cluster', async () => {
    await expect(call({ table: 'billing-proj.cloud_costs.gcp_billing_export_resource_v1_000000_000000_000000' })).rejects.toThrow(/cluster c1: BigQuery jobs\.query failed \(HTTP 404\)/);
  });

  it('a key the service does not know is refused (401), and the private key never appears in the error', async () => {
    const stranger = makeServiceAccountKey('stranger@elsewhere.iam.gserviceaccount.com');
    let message = '';
    try {
      await call({ authClient: await googleAuthClient([BIGQUERY_SCOPE], stranger as unknown as ServiceAccountKey) });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/HTTP 401/);
    expect(message).not.toContain('PRIVATE KEY');
  });

  it('Application Default Credentials: an external_account (workload identity federation) credential exchanges the job token at STS', async () => {
    auth.sts = { audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gh/providers/gh', subjectToken: 'oidc-token-of-the-job' };
    const tokenFile = path.join(tmp, 'oidc-token');
    writeFileSync(tokenFile, 'oidc-token-of-the-job');
    const credFile = path.join(tmp, 'gha-creds.json');
    writeFileSync(
      credFile,
      JSON.stringify({
        type: 'external_account',
        audience: auth.sts.audience,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${bq.url}/v1/token`,
        credential_source: { file: tokenFile },
      }),
    );
    const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = credFile;
    try {
      const before = bq.calls.token;
      expect(await call({ authClient: await googleAuthClient([BIGQUERY_SCOPE]) })).toHaveLength(3);
      expect(bq.calls.token).toBeGreaterThan(before);
    } finally {
      if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
    }
  });
});
