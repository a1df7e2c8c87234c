/**
 * The cluster.yaml schema against fixture clusters: one per provider and shape (2023, 2024-25, 2026; paid and unpaid
 * billing) that must pass, and one per rule where ours is stricter than upstream (or where upstream's own rule must
 * keep failing), each with its located finding. src/shared/repo/README.md lists every such rule by fixture name; the
 * last test keeps the list and the fixtures in step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkClusterSchema } from '../../src/shared/repo/schema.js';
import { parseYaml } from '../../src/shared/yaml/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const readme = readFileSync(path.join(here, '../../src/shared/repo/README.md'), 'utf8');

function findings(kind: 'valid' | 'invalid', name: string) {
  const file = `${kind}/${name}/cluster.yaml`;
  const y = parseYaml(readFileSync(path.join(fixtures, file), 'utf8'), file);
  return checkClusterSchema(y).map((f) => `${f.file}:${f.line}:${f.col}: ${f.message}`);
}

describe('every provider and shape of cluster.yaml passes', () => {
  const valid = readdirSync(path.join(fixtures, 'valid')).sort();
  it('covers gcp, aws, azure and kubeconfig in the 2023 and 2026 shapes, paid and unpaid', () => {
    expect(valid).toEqual([
      'aws-2023',
      'aws-2025-paid',
      'aws-2026-paid',
      'aws-2026-unpaid',
      'azure-2023',
      'azure-2026',
      'gcp-2023-paid',
      'gcp-2023-unpaid',
      'gcp-2026-paid',
      'gcp-2026-unpaid',
      'kubeconfig-2023',
      'kubeconfig-2026',
    ]);
  });
  it.each(valid)('%s', (name) => {
    expect(findings('valid', name)).toEqual([]);
  });
  it('an AWS cluster paid by us needs no bigquery block (issue 16: a quarter of a 2026 fleet failed on it)', () => {
    const y = parseYaml('name: a\nprovider: aws\naws:\n  clusterType: eks\n  clusterName: a\n  region: r\n  account: 123456789012\n  billing:\n    paid_by_us: true\n', 'a/cluster.yaml');
    expect(checkClusterSchema(y)).toEqual([]);
  });
});

/** Each failing fixture: its one finding, located. */
const EXPECTED: Record<string, string> = {
  'root-name-required': '1:1: missing required key `name` in the top level',
  'name-pattern': '1:7: name is "my cluster", which does not match the pattern',
  'provider-block-required': '1:1: missing required key `gcp` in the top level',
  'every-hub-checked': '16:5: unknown key `helm_chart_value_files` in hubs[1]',
  'hub-name-dns-label': '6:11: hubs[0].name is "Prod_Hub", which does not match the pattern',
  'hub-name-length': '6:11: hubs[0].name is longer than 53 characters',
  'values-files-empty': '9:30: hubs[0].helm_chart_values_files must list at least 1 item(s)',
  'values-file-not-string': '11:9: hubs[0].helm_chart_values_files[1] must be string, but it is a number (42)',
  'support-values-required': '5:10: missing required key `helm_chart_values_files` in support',
  'empty-provider-field': '4:12: gcp.project must not be empty',
  'empty-file-reference': '11:27: hubs[0].domain_override_file must not be empty',
  'aws-account-negative': '7:12: aws.account is a number (-1), which is not a valid value here',
  'aws-account-string': '7:12: aws.account is a string ("1234"), which is not a valid value here',
  'billing-id-pattern': '12:19: gcp.billing.bigquery.billing_id is "0157f7-e3ea8c-25ac3c", which does not match the pattern',
  'bigquery-empty-dataset': '11:16: gcp.billing.bigquery.dataset must not be empty',
  'gcp-paid-needs-bigquery': '8:5: missing required key `bigquery` in gcp.billing',
  'aws-billing-needs-paid-by-us': '8:5: missing required key `paid_by_us` in aws.billing',
  'aws-billing-no-bigquery': '9:5: unknown key `bigquery` in aws.billing',
};

describe('each rule stricter than upstream fails its fixture with one located finding', () => {
  const invalid = readdirSync(path.join(fixtures, 'invalid')).sort();
  it('every fixture has an expectation', () => {
    expect(invalid).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(invalid)('%s', (name) => {
    const got = findings('invalid', name);
    expect(got).toHaveLength(1);
    expect(got[0].startsWith(`invalid/${name}/cluster.yaml:${EXPECTED[name]}`)).toBe(true);
  });
  it('src/shared/repo/README.md names every failing fixture, and no fixture that does not exist', () => {
    const named = [...readme.matchAll(/`invalid\/([a-z0-9-]+)`/g)].map((m) => m[1]);
    expect([...new Set(named)].sort()).toEqual(invalid);
  });
});
