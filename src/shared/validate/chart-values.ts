/**
 * The part hub-config and support-config share: take a chart and the non-secret values files a release gets, check the
 * merged values against the chart's values schema (and the schemas of its local subcharts, e.g. basehub inside
 * daskhub) with every error located in the values file that set it, then render the chart with `helm template` (in
 * the shared chart workspace, bounded by the CPU count) to catch what only rendering shows.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Finding } from '../findings.js';
import { helmTemplate, HelmTemplateError, type TemplateSources } from '../helm/template.js';
import { displayPath, type Cluster, type ValuesFile } from '../repo/index.js';
import { pathToPointer, pointerToPath, type PathSegment } from '../yaml/index.js';
import { checkValuesSchema, chartSchema } from './chart-schema.js';
import { missingFileMessage } from './cluster.js';
import { errorToFinding, type ValidationContext } from './context.js';
import { isJsonnetFile, type JsonnetVars } from './jsonnet.js';
import { chartDefaultsLayer, isPlainObject, loadValuesLayer, locateInLayers, mergeValues, parsedFile, type ValuesLayer } from './values.js';

export interface LocalSubchart {
  /** The key its values sit under in the parent (alias or name). */
  key: string;
  /** Chart directory in the infra repo (absolute). */
  dir: string;
}

export interface ChartMeta {
  /** `name` in Chart.yaml (how helm names the chart in its messages). */
  name: string;
  dir: string;
  display: string;
  subcharts: LocalSubchart[];
}

/** Chart.yaml of a repo chart: its name and its file:// dependencies inside the charts directory. */
export function chartMeta(ctx: ValidationContext, chart: string): Promise<ChartMeta> {
  return ctx.memo(`chart-meta:${chart}`, async () => {
    const dir = path.join(ctx.paths.chartsDir, chart);
    const display = displayPath(ctx.paths, dir);
    if (!existsSync(path.join(dir, 'Chart.yaml'))) {
      throw new DeployerError(`chart \`${chart}\` not found: ${display}/Chart.yaml does not exist`, { hint: 'check --charts-dir (charts-dir input)' });
    }
    const y = await parsedFile(ctx, path.join(dir, 'Chart.yaml'), `${display}/Chart.yaml`);
    const v = (isPlainObject(y.value) ? y.value : {}) as { name?: unknown; dependencies?: unknown };
    const subcharts: LocalSubchart[] = [];
    for (const d of Array.isArray(v.dependencies) ? v.dependencies : []) {
      if (!isPlainObject(d) || typeof d.repository !== 'string' || !d.repository.startsWith('file://')) continue;
      const depDir = path.resolve(dir, d.repository.slice('file://'.length));
      if (!existsSync(path.join(depDir, 'Chart.yaml'))) continue;
      subcharts.push({ key: String(d.alias ?? d.name ?? path.basename(depDir)), dir: depDir });
    }
    return { name: typeof v.name === 'string' ? v.name : chart, dir, display, subcharts };
  });
}

export interface ChartValuesSpec {
  cluster: Cluster;
  /** Chart directory name under the charts dir. */
  chart: string;
  /** chart_override file (absolute), when the hub has one. */
  override?: string;
  release: string;
  namespace: string;
  /** Resolved values files in order; secret ones are skipped. */
  valuesFiles: ValuesFile[];
  vars: JsonnetVars;
  /** `--set` expressions (also applied to the values the schema sees). */
  set: string[];
  /** Where in cluster.yaml to point when a fault has no better place (e.g. the values file list). */
  pointer: PathSegment[];
  /** "hub staging", "the support chart": how messages name it. */
  label: string;
}

/** `a.b.c=v` as a nested object (helm's --set, simple keys only: enough for the dummy token). */
function setToValues(set: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of set) {
    const eq = s.indexOf('=');
    const keys = s.slice(0, eq).split('.');
    let node = out;
    keys.forEach((k, i) => {
      if (i === keys.length - 1) node[k] = s.slice(eq + 1);
      else node = (node[k] = isPlainObject(node[k]) ? node[k] : {}) as Record<string, unknown>;
    });
  }
  return out;
}

/**
 * The values layers of a release, lowest first, as helm coalesces them: the defaults of local subcharts (mounted under
 * their key), the chart's values.yaml, the chart's values.jsonnet (2026), then the release's non-secret files.
 */
export async function releaseLayers(ctx: ValidationContext, spec: ChartValuesSpec): Promise<{ layers: ValuesLayer[]; findings: Finding[] }> {
  const findings: Finding[] = [];
  const layers: ValuesLayer[] = [];
  const fallback = { file: spec.cluster.displayFile, ...spec.cluster.yaml.locate(spec.pointer), path: pathToPointer(spec.pointer) };
  try {
    const meta = await chartMeta(ctx, spec.chart);
    for (const sub of meta.subcharts) {
      const d = await chartDefaultsLayer(ctx, sub.dir, `${displayPath(ctx.paths, sub.dir)}/values.yaml`);
      if (d) layers.push({ ...d, mount: [sub.key], value: { [sub.key]: d.value } });
    }
    const defaults = await chartDefaultsLayer(ctx, meta.dir, `${meta.display}/values.yaml`);
    if (defaults) layers.push(defaults);
    const chartJsonnet = path.join(meta.dir, 'values.jsonnet');
    if (existsSync(chartJsonnet)) {
      layers.push(
        await loadValuesLayer(ctx, { ref: 'values.jsonnet', abs: chartJsonnet, display: `${meta.display}/values.jsonnet`, secret: false, pointer: spec.pointer }, spec.vars),
      );
    }
  } catch (e) {
    findings.push(errorToFinding(e, fallback));
    return { layers, findings };
  }
  const loaded = await Promise.all(
    spec.valuesFiles
      .filter((vf) => !vf.secret)
      .map(async (vf) => {
        try {
          if (!existsSync(vf.abs)) {
            const pos = spec.cluster.yaml.locate(vf.pointer);
            throw new DeployerError(missingFileMessage('values file', vf.ref, spec.label, vf.display), { file: spec.cluster.displayFile, ...pos });
          }
          return await loadValuesLayer(ctx, vf, spec.vars);
        } catch (e) {
          const f = errorToFinding(e, fallback);
          if (f.file === spec.cluster.displayFile) f.path = pathToPointer(vf.pointer);
          findings.push(f);
          return undefined;
        }
      }),
  );
  for (const l of loaded) if (l) layers.push(l);
  return { layers, findings };
}

/** Parse helm's own schema error list into findings located in the values files. */
function helmSchemaFindings(detail: string, meta: ChartMeta, layers: ValuesLayer[], spec: ChartValuesSpec, fallback: Finding): Finding[] {
  const out: Finding[] = [];
  let chartPrefix: PathSegment[] = [];
  let chartName = meta.name;
  for (const line of detail.split('\n')) {
    const header = /^([\w.-]+):\s*$/.exec(line.trim());
    if (header) {
      chartName = header[1];
      chartPrefix = chartName === meta.name ? [] : [chartName];
      continue;
    }
    const item = /^- (?:at '([^']*)'|([^:]+)): (.*)$/.exec(line.trim());
    if (!item) continue;
    const rel = item[1] !== undefined ? pointerToPath(item[1]) : item[2] === '(root)' ? [] : item[2].split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const full = [...chartPrefix, ...rel];
    const loc = locateInLayers(layers, full);
    out.push({
      file: loc?.file ?? fallback.file,
      line: loc?.pos.line ?? fallback.line,
      col: loc?.pos.col ?? fallback.col,
      path: pathToPointer(full),
      message: `the ${chartName} chart's values schema rejects ${full.length ? `\`${full.join('.')}\`` : 'the values'} of ${spec.label}: ${item[3]}`,
      severity: 'error',
    });
  }
  return out.length ? out : [{ ...fallback, message: `helm rejected the values of ${spec.label}: ${detail}` }];
}

/** Schema check plus render for one release. */
export async function checkChartValues(ctx: ValidationContext, spec: ChartValuesSpec): Promise<Finding[]> {
  const { layers, findings } = await releaseLayers(ctx, spec);
  if (findings.length) return findings; // a file is missing or unreadable: nothing more can be said reliably
  const fallback: Finding = {
    file: spec.cluster.displayFile,
    ...spec.cluster.yaml.locate(spec.pointer),
    path: pathToPointer(spec.pointer),
    message: '',
    severity: 'error',
  };
  let meta: ChartMeta;
  try {
    meta = await chartMeta(ctx, spec.chart);
  } catch (e) {
    return [errorToFinding(e, fallback)];
  }

  // 1. The values schemas, errors located in the values files.
  const merged = mergeValues([...layers.map((l) => l.value), setToValues(spec.set)]);
  const schemaFindings: Finding[] = [];
  try {
    const top = await chartSchema(ctx, meta.dir);
    if (top) schemaFindings.push(...checkValuesSchema(top, merged, layers, [], spec.chart));
    for (const sub of meta.subcharts) {
      const schema = await chartSchema(ctx, sub.dir);
      if (!schema) continue;
      // helm hands a subchart its section plus `global` (the parent's, merged over the subchart's own).
      const section = isPlainObject(merged[sub.key]) ? (merged[sub.key] as Record<string, unknown>) : {};
      const global = mergeValues([isPlainObject(section.global) ? section.global : {}, isPlainObject(merged.global) ? merged.global : {}]);
      schemaFindings.push(...checkValuesSchema(schema, { ...section, global }, layers, [sub.key], path.basename(sub.dir)));
    }
  } catch (e) {
    schemaFindings.push(errorToFinding(e, fallback));
  }
  if (!ctx.render) return schemaFindings;

  // 2. helm template, in the shared workspace, bounded by the CPU count.
  const out = [...schemaFindings];
  const sources: TemplateSources = {
    top: meta.display,
    subcharts: Object.fromEntries(meta.subcharts.map((s) => [path.basename(s.dir), displayPath(ctx.paths, s.dir)])),
  };
  await ctx.limit(async () => {
    try {
      const ws = await ctx.workspace();
      const chartDir = spec.override ? await ws.overrideChartDir(spec.chart, spec.override) : await ws.chartDir(spec.chart);
      ctx.stats.renders++;
      ctx.reporter.debug(`helm template ${spec.label} (${spec.cluster.name})`);
      await helmTemplate({
        chartDir,
        release: spec.release,
        namespace: spec.namespace,
        valuesFiles: layers.filter((l) => l.helmFile).map((l) => l.helmFile!),
        set: spec.set,
        env: ctx.options.env,
        helm: ctx.helm(),
        // Our own schema check already reported (and located) the schema errors: render anyway for template errors.
        skipSchemaValidation: schemaFindings.length > 0,
        sources,
      });
    } catch (e) {
      if (e instanceof HelmTemplateError) {
        if (e.schemaError) {
          out.push(...helmSchemaFindings(e.detail, meta, layers, spec, fallback));
          return;
        }
        const release = spec.label.startsWith('hub ') ? `${spec.cluster.name}/${spec.release}` : `${spec.cluster.name} ${spec.label.replace(/^the /, '')}`;
        if (e.file) {
          const key = `${e.file}:${e.line}:${e.col}:${e.detail}`;
          const known = ctx.renderFailures.get(key);
          if (known) {
            known.releases.push(release);
            known.afterValuesErrors ||= schemaFindings.length > 0;
          } else {
            ctx.renderFailures.set(key, { file: e.file, line: e.line ?? 1, col: e.col ?? 1, detail: e.detail, releases: [release], afterValuesErrors: schemaFindings.length > 0 });
          }
          return;
        }
        const consequence = schemaFindings.length ? ' (this may follow from the values errors reported above)' : '';
        out.push({ ...fallback, message: `cannot render ${spec.label} of cluster ${spec.cluster.name}: ${e.detail}${consequence}` });
        return;
      }
      if (e instanceof DeployerError && e.file) {
        out.push(errorToFinding(e));
        return;
      }
      throw e;
    }
  });
  return out;
}

export { isJsonnetFile };
