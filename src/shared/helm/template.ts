/**
 * `helm template` through the exec runner. A render failure becomes a HelmTemplateError: a DeployerError located at
 * the chart template file and line helm names (mapped from the temporary chart copy back to the infra repo), with
 * helm's message cleaned of its noise ("Error: ", "Use --debug flag ...") and of temporary paths.
 */
import { runTool, ToolError } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';
import { DeployerError, type SourceLocation } from '../errors.js';

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
 * Where a render error points: `basehub/templates/x.yaml:6:15` (template error), `(basehub/templates/x.yaml:3)`
 * (parse error), `YAML parse error on basehub/templates/x.yaml` (no line: the fault is in the rendered output).
 * Returns the file as it lives in the infra repo, when `sources` knows it.
 */
export function locateRenderError(message: string, sources?: TemplateSources): SourceLocation | undefined {
  const m =
    /([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+):(\d+)(?::(\d+))?/.exec(message) ??
    /(?:YAML parse error on )([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/.exec(message);
  if (!m || !sources) return undefined;
  const ref = m[1];
  const parts = ref.split('/');
  const t = parts.lastIndexOf('templates');
  // parts: top [charts sub]* templates rest...
  let dir: string | undefined = sources.top;
  const chain = parts.slice(0, t);
  if (chain.length > 1) {
    // top/charts/sub[/charts/sub2...]: only a direct local subchart maps back to the repo.
    const subs = chain.filter((_, i) => i > 0 && chain[i - 1] === 'charts');
    dir = subs.length === 1 ? sources.subcharts?.[subs[0]] : undefined;
  }
  if (!dir) return undefined;
  return {
    file: `${dir}/${parts.slice(t).join('/')}`,
    line: m[2] ? Number(m[2]) : 1,
    col: m[3] ? Number(m[3]) : 1,
  };
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
      const location = schemaError ? undefined : locateRenderError(detail, options.sources);
      throw new HelmTemplateError(schemaError ? e.result.stderr.trim().replace(/^Error: /, '') : detail, location ?? {}, schemaError);
    }
    throw e;
  }
}
