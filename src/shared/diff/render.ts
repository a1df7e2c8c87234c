/**
 * Render one release (a hub, or a cluster's support chart) of one ref with `helm template`, without decrypting
 * anything: the release's values files in their order, each secret file replaced by its placeholder twin (same keys,
 * fixed values), in the ref's own chart workspace (one dependency build per chart per ref). The validation room
 * already knows how a release's values are layered (chart defaults, values.jsonnet, files) and shares its run
 * context: the diff reuses it rather than keeping a second copy.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { DeployerError, formatLocation } from '../errors.js';
import { formatFinding } from '../findings.js';
import { helmTemplate, HelmTemplateError, type TemplateSources } from '../helm/template.js';
import { displayPath, findHub, loadCluster, supportValuesFiles, type Cluster } from '../repo/index.js';
import { chartMeta, releaseLayers, type ChartValuesSpec } from '../validate/chart-values.js';
import type { ValidationContext } from '../validate/context.js';
import { hubReleaseSpec } from '../validate/hub.js';
import { jsonnetVars } from '../validate/jsonnet.js';
import { SUPPORT_CHART, SUPPORT_NAMESPACE } from '../validate/support.js';
import { placeholderTree, readEncrypted } from './placeholders.js';

export const SUPPORT_RELEASE = 'support';

export interface ReleaseId {
  cluster: string;
  /** Hub name, or `support` for the support chart. */
  release: string;
}

export type RenderOutcome = { ok: true; manifest: string; namespace: string; secretFiles: string[] } | { ok: false; absent: true; why: string } | { ok: false; absent?: false; error: string };

function located(e: unknown): string {
  if (e instanceof DeployerError) {
    const where = formatLocation(e);
    return where ? `${where}: ${e.message}` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/** The release spec of a hub or of the support chart, or `absent` when the ref does not have it. */
async function releaseSpec(ctx: ValidationContext, id: ReleaseId): Promise<ChartValuesSpec | { absent: string }> {
  let cluster: Cluster;
  try {
    cluster = await ctx.memo(`diff-cluster:${id.cluster}`, () => loadCluster(ctx.paths, id.cluster));
  } catch (e) {
    if (e instanceof DeployerError && /does not exist|not found|no such cluster/i.test(e.message) && !e.line) return { absent: `cluster ${id.cluster} does not exist` };
    throw e;
  }
  if (id.release === SUPPORT_RELEASE) {
    if (!cluster.support) return { absent: `cluster ${id.cluster} has no support chart` };
    return {
      cluster,
      chart: SUPPORT_CHART,
      release: SUPPORT_CHART,
      namespace: SUPPORT_NAMESPACE,
      valuesFiles: supportValuesFiles(cluster),
      vars: jsonnetVars(cluster),
      set: [],
      pointer: ['support', 'helm_chart_values_files'],
      label: 'the support chart',
    };
  }
  if (!cluster.hubs.some((h) => h.name === id.release)) return { absent: `hub ${id.release} is not in ${cluster.displayFile}` };
  const spec = hubReleaseSpec(cluster, findHub(cluster, id.release));
  if (!('chart' in spec)) throw new DeployerError(spec.message, { file: spec.file, line: spec.line, col: spec.col });
  return spec;
}

/** Render a release at the ref `ctx.paths` points at. Failures are returned (located), never thrown. */
export async function renderRelease(ctx: ValidationContext, id: ReleaseId): Promise<RenderOutcome> {
  try {
    const spec = await releaseSpec(ctx, id);
    if ('absent' in spec) return { ok: false, absent: true, why: spec.absent };
    const { layers, findings } = await releaseLayers(ctx, spec);
    if (findings.length) return { ok: false, error: formatFinding(findings[0]) };
    const byDisplay = new Map(layers.filter((l) => l.helmFile).map((l) => [l.display, l.helmFile!]));
    const meta = await chartMeta(ctx, spec.chart);
    // Chart-level files (values.jsonnet) first, then the release's files in cluster.yaml's order.
    const files: string[] = layers.filter((l) => l.helmFile && !spec.valuesFiles.some((vf) => vf.display === l.display)).map((l) => l.helmFile!);
    for (const vf of spec.valuesFiles) {
      if (!vf.secret) {
        const f = byDisplay.get(vf.display);
        if (f) files.push(f);
        continue;
      }
      const tree = await readEncrypted(vf.abs, vf.display);
      if (!tree) throw new DeployerError(`secret values file ${vf.display} of ${spec.label} does not exist`, { file: spec.cluster.displayFile, ...spec.cluster.yaml.locate(vf.pointer) });
      const out = path.join(await ctx.tmpDir(), `placeholder-${ctx.stats.renders}-${Math.random().toString(36).slice(2)}-${path.basename(vf.abs).replace(/\.json$/i, '.yaml')}`);
      await writeFile(out, stringify(placeholderTree(tree), { lineWidth: 0 }), { mode: 0o600 });
      files.push(out);
    }
    const sources: TemplateSources = {
      top: meta.display,
      subcharts: Object.fromEntries(meta.subcharts.map((s) => [path.basename(s.dir), displayPath(ctx.paths, s.dir)])),
    };
    return await ctx.limit(async () => {
      const ws = await ctx.workspace();
      const chartDir = spec.override ? await ws.overrideChartDir(spec.chart, spec.override) : await ws.chartDir(spec.chart);
      ctx.stats.renders++;
      const r = await helmTemplate({ chartDir, release: spec.release, namespace: spec.namespace, valuesFiles: files, set: spec.set, env: ctx.options.env, helm: ctx.helm(), sources });
      return { ok: true as const, manifest: r.manifest, namespace: spec.namespace, secretFiles: spec.valuesFiles.filter((vf) => vf.secret).map((vf) => vf.display) };
    });
  } catch (e) {
    if (e instanceof HelmTemplateError || e instanceof DeployerError) return { ok: false, error: located(e) };
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
