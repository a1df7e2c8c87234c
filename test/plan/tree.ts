/** Fixture infra repos for the planner tests, written to temp dirs. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoPaths, type RepoPaths } from '../../src/shared/repo/index.js';

export interface HubSpec {
  name: string;
  files?: string[];
}
export interface ClusterSpec {
  provider?: string;
  /** `name:` key (default: the directory name). */
  name?: string;
  /** Support values files; `undefined` = no support key. */
  support?: string[];
  hubs: HubSpec[];
}

export interface Tree {
  root: string;
  paths: RepoPaths;
  write(rel: string, text: string): void;
  cleanup(): void;
}

export function clusterYaml(dir: string, c: ClusterSpec): string {
  const lines = [`name: ${c.name ?? dir}`, `provider: ${c.provider ?? 'gcp'}`];
  if (c.support) lines.push('support:', `  helm_chart_values_files: [${c.support.join(', ')}]`);
  lines.push('hubs:');
  for (const h of c.hubs) {
    lines.push(`  - name: ${h.name}`, `    domain: ${h.name}.example.org`, '    helm_chart: basehub', `    helm_chart_values_files: [${(h.files ?? [`${h.name}.values.yaml`]).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

export function makeTree(clusters: Record<string, ClusterSpec>, extra: Record<string, string> = {}): Tree {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-tree-'));
  const write = (rel: string, text: string) => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  };
  for (const [dir, c] of Object.entries(clusters)) write(`config/clusters/${dir}/cluster.yaml`, clusterYaml(dir, c));
  for (const [rel, text] of Object.entries(extra)) write(rel, text);
  return { root, paths: repoPaths({ configRoot: root }), write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The upstream test fixtures (reference B.3.7): cluster1 (gcp, support), cluster2 (aws), cluster3 (gcp, two staging hubs). */
export const UPSTREAM_FIXTURE: Record<string, ClusterSpec> = {
  cluster1: { provider: 'gcp', support: ['support.values.yaml'], hubs: [{ name: 'staging' }, { name: 'hub1' }, { name: 'hub2' }, { name: 'hub3' }] },
  cluster2: { provider: 'aws', hubs: [{ name: 'hub1' }, { name: 'hub2' }, { name: 'hub3' }] },
  cluster3: { provider: 'gcp', hubs: [{ name: 'staging1' }, { name: 'staging2' }, { name: 'prod' }] },
};
