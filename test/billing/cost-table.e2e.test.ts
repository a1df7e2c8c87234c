/**
 * The cost table end to end: a real Prometheus (Debian's package) for the shared-tenancy split, local fakes of
 * BigQuery, Cost Explorer and Sheets, an infra repo with every kind of cluster, the core in-process, and the CLI and
 * the action as processes. Secrets (service-account key, AWS secrets, the Prometheus password) must appear nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCostTable } from '../../src/shared/billing/index.js';
import { MEMORY_REQUESTS_QUERY } from '../../src/shared/billing/prometheus.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { clearSecretsForTests } from '../../src/shared/redact.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { GoogleAuthCheck, makeServiceAccountKey, startFakeBigQuery, type FakeBigQuery } from '../harness/bigquery-api.js';
import { startFakeCostExplorer, type FakeCostExplorer } from '../harness/cost-explorer-api.js';
import { runActionSourceAsync, runCliSourceAsync } from '../harness/run-source.js';
import { startFakeSheets, type FakeSheets } from '../harness/sheets-api.js';
import { sopsEnv, testAgeIdentity } from '../harness/sops.js';
import { AWS_COSTS, bigqueryFixture, MEMBER_KEY, PAYER_KEY, PROM_BCRYPT, PROM_PASSWORD, PROM_USER, USAGE, usageTimes, writeBillingRepo } from './fixture-repo.js';
import { memoryRequestsOpenMetrics, startPrometheus, type RunningPrometheus } from './prometheus-server.js';

const SHEET_ID = '1T6BJkAhlLtK4U6YB5pVPQKpVej_TestSheet0';
const SHEET_URL = `https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit#gid=7`;
const RANGE = ['--start-month', '2025-11', '--end-month', '2026-01'];

/** The rows of the three good clusters for 2025-11..2026-01 (sorted by period, cluster, project). */
const EXPECTED: Array<[string, string, string, number]> = [
  ['2025-11', 'aws-billed', 'aws-billed', 10.1],
  ['2025-11', 'gcp-dedicated', 'dedicated-project', 1000],
  ['2025-11', 'gcp-shared', 'hub-a', 200],
  ['2025-11', 'gcp-shared', 'hub-b', 200],
  ['2025-11', 'gcp-shared', 'support_combined', 100],
  ['2025-12', 'aws-billed', 'aws-billed', 20.2],
  ['2025-12', 'gcp-dedicated', 'dedicated-project', 1100.5],
  ['2025-12', 'gcp-shared', '2i2c_costs', 80],
  ['2025-12', 'gcp-shared', 'hub-a', 480],
  ['2025-12', 'gcp-shared', 'hub-b', 160],
  ['2025-12', 'gcp-shared', 'support_combined', 80],
  ['2026-01', 'aws-billed', 'aws-billed', 30.3],
  ['2026-01', 'gcp-dedicated', 'dedicated-project', 1200.25],
  ['2026-01', 'gcp-shared', 'hub-a', 900],
  ['2026-01', 'gcp-shared', 'support_combined', 100],
];

let root: string;
let prom: RunningPrometheus | undefined;
let bq: FakeBigQuery | undefined;
let ce: FakeCostExplorer | undefined;
let sheets: FakeSheets | undefined;
const auth = new GoogleAuthCheck();
const saKey = makeServiceAccountKey();
auth.trustKey(saKey);
const secrets = [PROM_PASSWORD, MEMBER_KEY.secretAccessKey, PAYER_KEY.secretAccessKey, saKey.private_key.split('\n')[1], saKey.private_key_id];

/** `::add-mask::` lines are how an action registers a secret with the runner (never shown in the log): skipped. */
function expectNoSecret(...texts: string[]): void {
  for (const t of texts) {
    const shown = t.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const s of secrets) expect(shown).not.toContain(s);
  }
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cost-table-e2e-'));
  await writeBillingRepo(root, saKey);
  const namespaces = [...new Set(Object.values(USAGE).flatMap((m) => Object.keys(m)))];
  const om = memoryRequestsOpenMetrics(namespaces, (ns, t) => USAGE[new Date(t * 1000).toISOString().slice(0, 7)]?.[ns], usageTimes());
  prom = await startPrometheus(om, { username: PROM_USER, password: PROM_PASSWORD, bcryptHash: PROM_BCRYPT });
  const tables = bigqueryFixture();
  bq = await startFakeBigQuery({ auth, tables, pageSize: 2 });
  bq.failTable('denied-proj.cloud_costs.gcp_billing_export_resource_v1_0157F7_E3EA8C_25AC3C', 403, 'accessDenied', 'Access Denied: Project denied-proj: User does not have bigquery.jobs.create permission');
  ce = await startFakeCostExplorer({ keys: [PAYER_KEY, MEMBER_KEY], costs: AWS_COSTS });
  sheets = await startFakeSheets({ auth, spreadsheets: { [SHEET_ID]: [{ sheetId: 0, title: 'Other' }, { sheetId: 7, title: "Costs '25", cells: [['stale'], ['stale', 'row', 1]] }] } });
}, 240_000);

afterAll(async () => {
  await Promise.allSettled([prom?.stop(), bq?.stop(), ce?.stop(), sheets?.stop()]);
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('shared tenancy against a real Prometheus', () => {
  it('splits each month of the cluster\'s cost by memory requests (support+kube-system and the internal namespaces combined), through basic auth', async () => {
    const reporter = new MemoryReporter();
    const table = await buildCostTable({
      paths: repoPaths({ configRoot: root }),
      reporter,
      range: { start: '2025-11', end: '2026-01' },
      clusters: ['gcp-shared'],
      env: sopsEnv(),
      gcp: { keyFile: path.join(root, 'shared/enc-billing-key.secret.json'), apiEndpoint: bq!.url },
      prometheus: { urls: { 'gcp-shared': prom!.url } },
    });
    expect(table.failed).toEqual([]);
    expect(table.rows.map((r) => [r.period, r.cluster, r.project, Math.round(r.cost * 100) / 100])).toEqual(EXPECTED.filter((e) => e[1] === 'gcp-shared'));
    const dec = table.rows.filter((r) => r.period === '2025-12');
    expect(dec.map((r) => [r.project, Number(r.share!.toFixed(9))])).toEqual([['2i2c_costs', 0.1], ['hub-a', 0.6], ['hub-b', 0.2], ['support_combined', 0.1]]);
    expect(dec.reduce((a, r) => a + r.cost, 0)).toBeCloseTo(800, 6);
    expect(MEMORY_REQUESTS_QUERY).toBe('sum(kube_pod_container_resource_requests{resource="memory",unit="byte"}) by (namespace)');
    expectNoSecret(reporter.text());
  });

  it('a month Prometheus has no data for keeps its whole cost on the project line, with a warning', async () => {
    const reporter = new MemoryReporter();
    const table = await buildCostTable({
      paths: repoPaths({ configRoot: root }),
      reporter,
      range: { start: '2025-10', end: '2025-11' },
      clusters: ['gcp-shared', 'gcp-dedicated'],
      env: sopsEnv(),
      gcp: { keyFile: path.join(root, 'shared/enc-billing-key.secret.json'), apiEndpoint: bq!.url },
      prometheus: { urls: { 'gcp-shared': prom!.url } },
    });
    // Prometheus holds no October data: shared-project's October cost stays whole, on its project line
    expect(table.rows.filter((r) => r.period === '2025-10').map((r) => [r.cluster, r.project, r.cost, r.share])).toEqual([
      ['gcp-dedicated', 'dedicated-project', 900, undefined],
      ['gcp-shared', 'shared-project', 300, undefined],
    ]);
    expect(table.rows.filter((r) => r.cluster === 'gcp-shared' && r.period === '2025-11').map((r) => r.project)).toEqual(['hub-a', 'hub-b', 'support_combined']);
    expect(reporter.text()).toMatch(/warning: config\/clusters\/gcp-shared\/cluster\.yaml: cluster gcp-shared: Prometheus has no memory requests for 2025-10, so the cost of that month stays on one line \(project shared-project\)/);
  });

  it('a wrong Prometheus password is a 401 naming the cluster and the API; the other clusters are still reported', async () => {
    clearSecretsForTests();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cost-table-badpw-'));
    try {
      const bad = path.join(dir, 'repo');
      await writeBillingRepo(bad, saKey);
      const { writeSopsFile } = await import('../harness/sops.js');
      await writeSopsFile(path.join(bad, 'config/clusters/gcp-shared/enc-support.secret.values.yaml'), { prometheusIngressAuthSecret: { username: PROM_USER, password: 'wrong-password-1234' } });
      const reporter = new MemoryReporter();
      const table = await buildCostTable({
        paths: repoPaths({ configRoot: bad }),
        reporter,
        range: { start: '2025-11', end: '2026-01' },
        clusters: ['gcp-shared', 'gcp-dedicated'],
        env: sopsEnv(),
        gcp: { keyFile: path.join(bad, 'shared/enc-billing-key.secret.json'), apiEndpoint: bq!.url },
        prometheus: { urls: { 'gcp-shared': prom!.url } },
      });
      expect(table.failed).toEqual([{ cluster: 'gcp-shared', error: expect.stringMatching(/^cluster gcp-shared: Prometheus query_range failed \(HTTP 401\)/) }]);
      expect(table.rows.map((r) => r.cluster)).toEqual(['gcp-dedicated', 'gcp-dedicated', 'gcp-dedicated']);
      expect(reporter.text()).not.toContain('wrong-password-1234');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deployer generate cost-table', () => {
  const env = () => ({
    ...sopsEnv(),
    AWS_ACCESS_KEY_ID: PAYER_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: PAYER_KEY.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(root, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'no-aws-credentials'),
  });
  const endpoints = () => ['--bigquery-endpoint', bq!.url, '--cost-explorer-endpoint', ce!.url, '--sheets-endpoint', sheets!.url, '--prometheus-url', `gcp-shared=${prom!.url}`];
  const good = ['--cluster', 'gcp-dedicated', '--cluster', 'gcp-shared', '--cluster', 'aws-billed'];

  it('prints the table (Period, Project, Cost (after credits)), a rule between months, and writes CSV and the Sheet', async () => {
    const csv = path.join(root, 'out/costs.csv');
    const r = await runCliSourceAsync(['generate', 'cost-table', ...RANGE, ...good, ...endpoints(), '--google-key-file', 'shared/enc-billing-key.secret.json', '--csv', csv, '--output', 'google-sheet', '--google-sheet-url', SHEET_URL], root, env());
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Project Costs');
    expect(lines[1]).toMatch(/^ *Period {2}Project +Cost \(after credits\)$/);
    expect(lines.some((l) => /^2025-12 {2}2i2c_costs {2,}80\.00$/.test(l))).toBe(true);
    expect(lines.filter((l) => /^-+ {2}-+ {2}-+$/.test(l))).toHaveLength(3); // under the header, then between months
    expect(r.stdout).toMatch(/2026-01 {2}dedicated-project {5,}1200\.25/);
    // CSV: every row, cents
    const csvText = readFileSync(csv, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('Period,Cluster,Provider,Project,Cost (after credits)');
    expect(csvText).toContain('2025-12,gcp-shared,gcp,hub-a,480.00\r\n');
    expect(csvText).toContain('2026-01,aws-billed,aws,aws-billed,30.30\r\n');
    expect(csvText.trimEnd().split('\r\n')).toHaveLength(EXPECTED.length + 1);
    // the Sheet: the worksheet of the URL's gid, cleared, then warning, update time, header, data rows
    const cells = sheets!.cells(SHEET_ID, "Costs '25");
    expect(cells[0]).toEqual(['WARNING: Do not manually modify, this sheet is autogenerated by the generate-cost-table subcommand of the deployer']);
    expect(cells[1][0]).toMatch(/^Last Updated: \d{4}-\d{2}-\d{2}T/);
    expect(cells[2]).toEqual(['Period', 'Project', 'Cost (after Credits)']);
    expect(cells.slice(3)).toEqual(EXPECTED.map(([p, , project, cost]) => [p, project, cost]));
    expect(sheets!.cells(SHEET_ID, 'Other')).toEqual([]);
    expect(sheets!.calls.slice(-3)).toEqual(['spreadsheets.get', "values.clear Costs '25", "values.update Costs '25 RAW"]);
    // AWS: the job's (payer) credentials, filtered to the cluster's account
    expect(ce!.requests.at(-1)).toMatchObject({ accessKeyId: PAYER_KEY.accessKeyId, body: { Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: ['111122223333'] } } } });
    expectNoSecret(r.stdout, r.stderr, csvText, JSON.stringify(cells));
  });

  it('every cluster: skipped ones with the reason, a failing API and an injection attempt fail alone, exit 1 naming them; no query for the injected table', async () => {
    const before = bq!.queries.length;
    const sheetCalls = sheets!.calls.length;
    const r = await runCliSourceAsync(['generate', 'cost-table', ...RANGE, ...endpoints(), '--google-key-file', 'shared/enc-billing-key.secret.json', '--json', '--google-sheet-url', SHEET_URL], root, env());
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { range: unknown; rows: Array<{ period: string; cluster: string; project: string; cost: number }>; skipped: Array<{ cluster: string; reason: string }>; failed: Array<{ cluster: string; error: string }> };
    expect(out.range).toEqual({ start: '2025-11', end: '2026-01' });
    expect(out.rows.map((x) => [x.period, x.cluster, x.project, x.cost])).toEqual(EXPECTED);
    expect(out.skipped).toEqual([
      { cluster: 'aws-community', reason: 'aws.billing.paid_by_us is false (not billed to the operator)' },
      { cluster: 'gcp-nobilling', reason: 'no gcp.billing in cluster.yaml' },
      { cluster: 'kube-only', reason: expect.stringMatching(/^provider kubeconfig: no billing source/) },
    ]);
    expect(out.failed.map((f) => f.cluster)).toEqual(['gcp-denied', 'gcp-evil']);
    expect(out.failed[0].error).toMatch(/^cluster gcp-denied: BigQuery jobs\.query failed \(HTTP 403\): accessDenied: Access Denied/);
    expect(out.failed[1].error).toMatch(/^config\/clusters\/gcp-evil\/cluster\.yaml:\d+:\d+: refusing to query BigQuery table `billing-proj\.cloud_costs` WHERE 1=1 --\.gcp_billing_export/);
    expect(bq!.queries.slice(before).map((q) => q.table)).not.toContainEqual(expect.stringContaining('WHERE'));
    expect(bq!.queries.slice(before).some((q) => q.query.includes('1=1'))).toBe(false);
    expect(r.stderr).toMatch(/error: 2 cluster\(s\) failed: gcp-denied, gcp-evil/);
    expect(r.stderr).toMatch(/not writing the Google Sheet/);
    expect(sheets!.calls.length).toBe(sheetCalls);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expectNoSecret(r.stdout, r.stderr);
  });

  it.each([
    [['--start-month', '2026-02', '--end-month', '2026-01'], /--start-month 2026-02 is after --end-month 2026-01/],
    [['--start-month', '2026-13'], /--start-month must be a month written YYYY-MM/],
    [['--end-month', '2026/01'], /--end-month must be a month written YYYY-MM/],
    [['--output', 'google-sheet'], /--output google-sheet needs --google-sheet-url/],
    [['--service-id', '6F81-5844-456A" OR "1"="1'], /refusing service id/],
  ])('%j is refused before any API is asked', async (args, message) => {
    const queries = bq!.queries.length;
    const r = await runCliSourceAsync(['generate', 'cost-table', ...args, ...endpoints()], root, env());
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(bq!.queries.length).toBe(queries);
  });
});

describe('actions/cost-table', () => {
  it('ADC through workload identity for BigQuery and the Sheet, each AWS cluster\'s own key: outputs, summary, CSV; no secret anywhere', async () => {
    auth.sts = { audience: '//iam.googleapis.com/projects/42/locations/global/workloadIdentityPools/github/providers/github', subjectToken: 'the-job-oidc-token' };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cost-table-action-'));
    try {
      writeFileSync(path.join(dir, 'oidc'), 'the-job-oidc-token');
      writeFileSync(
        path.join(dir, 'gha-creds.json'),
        JSON.stringify({ type: 'external_account', audience: auth.sts.audience, subject_token_type: 'urn:ietf:params:oauth:token-type:jwt', token_url: `${bq!.url}/v1/token`, credential_source: { file: path.join(dir, 'oidc') } }),
      );
      const base = sopsEnv();
      delete base.SOPS_AGE_KEY_FILE; // the key comes through the input
      const r = await runActionSourceAsync(
        'cost-table',
        root,
        {
          'start-month': '2025-11',
          'end-month': '2026-01',
          clusters: 'gcp-dedicated, gcp-shared\naws-billed',
          'csv-file': 'reports/costs.csv',
          'google-sheet-url': SHEET_URL,
          'aws-credentials': 'cluster-key',
          'sops-age-key': testAgeIdentity(),
          'prometheus-urls': `gcp-shared=${prom!.url}`,
          'bigquery-endpoint': bq!.url,
          'cost-explorer-endpoint': ce!.url,
          'sheets-endpoint': sheets!.url,
        },
        { ...base, GOOGLE_APPLICATION_CREDENTIALS: path.join(dir, 'gha-creds.json'), AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
      );
      expect(r.stdout).not.toMatch(/::error::/);
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.outputs.rows) as Array<{ period: string; cluster: string; project: string; cost: number; provider: string }>;
      expect(rows.map((x) => [x.period, x.cluster, x.project, x.cost])).toEqual(EXPECTED);
      expect(JSON.parse(r.outputs.table)).toMatchObject({ range: { start: '2025-11', end: '2026-01' }, skipped: [], failed: [] });
      expect(JSON.parse(r.outputs['failed-clusters'])).toEqual([]);
      expect(r.outputs['csv-file']).toBe(path.join(root, 'reports/costs.csv'));
      expect(readFileSync(r.outputs['csv-file'], 'utf8')).toContain('2025-11,gcp-shared,gcp,support_combined,100.00');
      expect(r.outputs['sheet-url']).toBe(SHEET_URL);
      expect(r.summary).toContain('### Cloud costs 2025-11 to 2026-01');
      expect(r.summary).toContain('| 2025-12 | gcp-shared | hub-a | 480.00 |');
      expect(r.summary).toMatch(/Totals: 2025-11 \*\*1510\.10\*\*/);
      // AWS through the cluster's own key (no filter needed, but the account is named, so it is filtered)
      expect(ce!.requests.at(-1)!.accessKeyId).toBe(MEMBER_KEY.accessKeyId);
      expectNoSecret(r.stdout, r.stderr, r.rawOutputs, r.summary);
      expect(r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n') + r.rawOutputs + r.summary).not.toContain('AGE-SECRET-KEY-1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a failing cluster fails the step naming it, with the others in the outputs', async () => {
    const r = await runActionSourceAsync('cost-table', root, {
      'start-month': '2025-12',
      'end-month': '2025-12',
      clusters: 'gcp-dedicated,gcp-denied',
      'google-key-file': 'shared/enc-billing-key.secret.json',
      'sops-age-key': testAgeIdentity(),
      'bigquery-endpoint': bq!.url,
    }, { ...sopsEnv(), SOPS_AGE_KEY_FILE: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::cost-table: 1 cluster\(s\) failed: gcp-denied/);
    expect(JSON.parse(r.outputs.rows)).toEqual([{ period: '2025-12', cluster: 'gcp-dedicated', provider: 'gcp', project: 'dedicated-project', cost: 1100.5 }]);
    expect(JSON.parse(r.outputs['failed-clusters'])).toEqual(['gcp-denied']);
    expect(r.summary).toMatch(/1 cluster\(s\) failed/);
    expect(r.summary).toMatch(/gcp-denied\*\*: cluster gcp-denied: BigQuery jobs\.query failed \(HTTP 403\)/);
  });
});
