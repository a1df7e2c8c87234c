/**
 * `helm template` through the exec runner. A render failure becomes a HelmTemplateError: a DeployerError located at
 * the chart template file and line helm names (mapped from the temporary chart copy back to the infra repo), with
 * helm's message cleaned of its noise ("Error: ", "Use --debug flag ...") and of temporary paths.
 */
import { runTool, ToolError } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';
import { DeployerError, type SourceLocation } from '../errors.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../yaml/index.js';

export interface TemplateSources {
  /** Where the rendered chart's templates live, as messages show it (e.g. `helm-charts/daskhub`). */
  top: string;
  /** Subcharts whose source is in the infra repo (file:// dependencies), by chart name -> display dir. */
  subcharts?: Record<string, string>;
}

export interface HelmTemplateOptions {
  chartDir: string;
  release: string;
  namespace: string;
  /** Absolute paths, in order (later files win). */
  valuesFiles: string[];
  /** `--set` expressions (`key=value`), in order. */
  set?: string[];
  env?: NodeJS.ProcessEnv;
  helm?: string;
  /** Pass `--skip-schema-validation` (the caller validated the values itself and wants template errors anyway). */
  skipSchemaValidation?: boolean;
  /** More arguments (e.g. `--kube-version`). */
  extraArgs?: string[];
  timeoutMs?: number;
  /** Maps template paths in helm's messages back to the infra repo. */
  sources?: TemplateSources;
}

export interface HelmTemplateResult {
  manifest: string;
  durationMs: number;
}

export class HelmTemplateError extends DeployerError {
  /** helm's message, cleaned (no `Error:` prefix, no temp paths). */
  readonly detail: string;
  /** True when helm rejected the values against a chart's values schema (rather than a template failing). */
  readonly schemaError: boolean;
  constructor(detail: string, location: SourceLocation, schemaError: boolean) {
    super(schemaError ? `the values do not match the chart's values schema:\n${detail}` : `helm template failed: ${detail}`, {
      ...location,
      hint: schemaError
        ? 'fix the values named above (the chart schema is values.schema.yaml of the chart)'
        : 'the chart could not be rendered with these values: fix the value the template needs, or the template',
    });
    this.name = 'HelmTemplateError';
    this.detail = detail;
    this.schemaError = schemaError;
  }
}

/** Clean helm's stderr into the message a person wants to read. */
export function cleanHelmError(stderr: string, chartDir?: string): string {
  let text = stderr
    .split('\n')
    .filter((l) => !/^Use --debug flag to render out invalid YAML/.test(l.trim()))
    .join('\n')
    .trim()
    .replace(/^Error: /, '');
  if (chartDir) text = text.split(chartDir).join('<chart>');
  // helm 4 splits `file:line:col\n  executing ...:\n    reason` over several lines: join them.
  return text.replace(/\n\s+/g, ' ').trim();
}

/**
 * Where a render error points: `basehub/templates/x.yaml:6:15` (template error; the innermost one of an include chain),
 * `(basehub/templates/x.yaml:3)` (parse error), `YAML parse error on basehub/templates/x.yaml` (no line: the fault is
 * in the rendered output).
 * Returns the file as it lives in the infra repo, when `sources` knows it.
 */
export function locateRenderError(message: string, sources?: TemplateSources): (SourceLocation & { matched: string }) | undefined {
  // An error inside an `include`d template names the including template first and the faulty one last: take the last.
  const all = [...message.matchAll(/([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+):(\d+)(?::(\d+))?/g)];
  const m = all.length ? all[all.length - 1] : /(?:YAML parse error on )([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/.exec(message);
  if (!m || !sources) return undefined;
  const file = templateSourceFile(m[1], sources);
  if (!file) return undefined;
  return { file, line: m[2] ? Number(m[2]) : 1, col: m[3] ? Number(m[3]) : 1, matched: m[1] };
}

const TEMPLATE_REF = /([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/g;

/** `daskhub/charts/basehub/templates/x.yaml` -> `helm-charts/basehub/templates/x.yaml` (undefined if not in the repo). */
export function templateSourceFile(ref: string, sources: TemplateSources): string | undefined {
  const parts = ref.split('/');
  const t = parts.lastIndexOf('templates');
  // parts: top [charts sub]* templates rest...
  const chain = parts.slice(0, t);
  let dir: string | undefined = sources.top;
  if (chain.length > 1) {
    // top/charts/sub[/charts/sub2...]: only a direct local subchart maps back to the repo.
    const subs = chain.filter((_, i) => i > 0 && chain[i - 1] === 'charts');
    dir = subs.length === 1 ? sources.subcharts?.[subs[0]] : undefined;
  }
  return dir ? `${dir}/${parts.slice(t).join('/')}` : undefined;
}

/** Every template reference of a message named as it is in the infra repo, where it is there. */
export function mapTemplateRefs(message: string, sources?: TemplateSources): string {
  if (!sources) return message;
  return message.replace(TEMPLATE_REF, (ref) => templateSourceFile(ref, sources) ?? ref);
}

/**
 * Where a chart's templates live in the infra repo, for locating render errors: the chart's own directory, and its
 * `file://` dependencies (daskhub's basehub) by name.
 */
export function chartTemplateSources(chartSrcDir: string, display: (abs: string) => string): TemplateSources {
  const subcharts: Record<string, string> = {};
  try {
    const deps = (parseYaml(readFileSync(path.join(chartSrcDir, 'Chart.yaml'), 'utf8'), 'Chart.yaml').value as { dependencies?: Array<{ name?: unknown; repository?: unknown }> } | null)?.dependencies;
    for (const d of Array.isArray(deps) ? deps : []) {
      if (typeof d?.name === 'string' && typeof d.repository === 'string' && d.repository.startsWith('file://')) {
        subcharts[d.name] = display(path.resolve(chartSrcDir, d.repository.slice('file://'.length)));
      }
    }
  } catch {
    /* no dependencies known: errors in subcharts stay unlocated */
  }
  return { top: display(chartSrcDir), subcharts };
}

/**
 * A failed `helm template` / `helm upgrade` whose message names a chart template (or the values schema), as the
 * located HelmTemplateError validate reports; undefined when the failure is about something else.
 */
export function renderFailure(stderr: string, chartDir: string, sources?: TemplateSources): HelmTemplateError | undefined {
  const detail = cleanHelmError(stderr, chartDir).replace(/^(UPGRADE|INSTALLATION) FAILED: /, '');
  if (/don't meet the specifications of the schema/.test(detail)) return new HelmTemplateError(stderr.trim().replace(/^Error: /, '').split(chartDir).join('<chart>'), {}, true);
  const found = locateRenderError(detail, sources);
  if (!found) return undefined;
  const { matched: _m, ...location } = found;
  return new HelmTemplateError(mapTemplateRefs(detail, sources), location, false);
}

export async function helmTemplate(options: HelmTemplateOptions): Promise<HelmTemplateResult> {
  const helm = options.helm ?? toolPath('helm', options.env ?? process.env);
  const args = ['template', options.release, options.chartDir, '--namespace', options.namespace];
  for (const f of options.valuesFiles) args.push(`--values=${f}`);
  for (const s of options.set ?? []) args.push(`--set=${s}`);
  if (options.skipSchemaValidation) args.push('--skip-schema-validation');
  args.push(...(options.extraArgs ?? []));
  try {
    const r = await runTool(helm, args, { env: options.env, timeoutMs: options.timeoutMs ?? 2 * 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { manifest: r.stdout, durationMs: r.durationMs };
  } catch (e) {
    if (e instanceof ToolError && !e.result.timedOut && e.result.code !== null) {
      const detail = cleanHelmError(e.result.stderr || e.result.stdout, options.chartDir);
      const schemaError = /don't meet the specifications of the schema/.test(detail);
      if (schemaError) throw new HelmTemplateError(e.result.stderr.trim().replace(/^Error: /, ''), {}, true);
      const found = locateRenderError(detail, options.sources);
      if (!found) throw new HelmTemplateError(detail, {}, false);
      // Name the template as it is in the infra repo (not `daskhub/charts/basehub/...` inside the packaged chart).
      const { matched: _m, ...location } = found;
      throw new HelmTemplateError(mapTemplateRefs(detail, options.sources), location, false);
    }
    throw e;
  }
}
