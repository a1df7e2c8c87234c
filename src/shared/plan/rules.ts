/**
 * Path rules: which changed paths redeploy every hub or the support chart on every cluster. Rules are data (built-in
 * defaults, or a YAML/JSON rules file), matched with Python-fnmatch semantics (see fnmatch.ts), and the same rules
 * produce the `on.paths` list of the workflow trigger, so the trigger and the planner cannot drift apart.
 */
import { readFile } from 'node:fs/promises';
import { DeployerError } from '../errors.js';
import { parseYaml, type YamlFile } from '../yaml/index.js';
import { fnmatchRegExp, translate } from './fnmatch.js';

export interface PathRule {
  /** A changed path matching one of these (and none of `exclude`) fires the rule. */
  include: string[];
  exclude: string[];
}

export interface PlanRules {
  /** Redeploy every hub on every cluster. */
  allHubs: PathRule;
  /** Redeploy the support chart on every cluster that has one. */
  allSupport: PathRule;
}

export const RULE_KEYS = { 'all-hubs': 'allHubs', 'all-support': 'allSupport' } as const;
type RuleKey = keyof typeof RULE_KEYS;

/** Escape a literal path for a fnmatch pattern (`*`, `?`, `[` become one-character classes). */
export function fnmatchEscape(literal: string): string {
  return literal.replace(/[*?[]/g, (c) => `[${c}]`);
}

/**
 * Built-in defaults for the layout of DESIGN.md (`helm-charts/{basehub,daskhub,support}`). Any file of a hub chart
 * redeploys every hub (daskhub vendors basehub, so a basehub change reaches daskhub hubs too); any file of the support
 * chart redeploys every support chart. Excluded: the files that `helm dependency build` and validation generate
 * inside a chart (`charts/` archives, `values.schema.json`), which deploys regenerate anyway. The deployer's own code
 * is not in the infra repo (workflows pin the action version), so no code path is listed; cluster directories need no
 * rule: their values files are matched per hub and per cluster.
 * The charts directory (relative to config-root, POSIX) is `helm-charts` unless charts-dir says otherwise.
 */
export function defaultRules(chartsDir = 'helm-charts'): PlanRules {
  const trimmed = chartsDir.replace(/\/+$/, '').replace(/^\.\/?/, '');
  const d = trimmed ? `${fnmatchEscape(trimmed)}/` : '';
  const hubCharts = ['basehub', 'daskhub', 'binderhub'];
  return {
    allHubs: {
      include: hubCharts.map((c) => `${d}${c}/*`),
      exclude: [...hubCharts.map((c) => `${d}${c}/values.schema.json`), ...hubCharts.map((c) => `${d}${c}/charts/*`)],
    },
    allSupport: {
      include: [`${d}support/*`],
      exclude: [`${d}support/values.schema.json`, `${d}support/charts/*`],
    },
  };
}

/** The default rules for the default charts directory `helm-charts`. */
export const DEFAULT_RULES: PlanRules = defaultRules();

/** Upstream's 2023 rules (reference A.9.1), for users of that layout and for differential tests. */
export const UPSTREAM_2023_RULES: PlanRules = {
  allHubs: {
    include: [
      'deployer/*',
      'requirements.txt',
      '.github/actions/setup-deploy/*',
      'helm-charts/basehub/*',
      'helm-charts/daskhub/*',
      'helm-charts/binderhub/*',
    ],
    exclude: [],
  },
  allSupport: { include: ['helm-charts/support/*'], exclude: [] },
};

/** Upstream's 2026 rules (reference B.3.2), stale `deployer/*` paths and the `deployer.dev.commands/*` typo included. */
export const UPSTREAM_2026_RULES: PlanRules = {
  allHubs: {
    include: ['deployer/*', 'pyproject.toml', 'requirements.txt', 'helm-charts/*'],
    exclude: ['deployer/README.md', 'deployer/health_check_tests/*', 'deployer.dev.commands/*', 'helm-charts/support/*'],
  },
  allSupport: { include: ['helm-charts/support/*'], exclude: [] },
};

/** The first changed path that fires `rule` (includes one, excludes none), or undefined. */
export function firstMatch(rule: PathRule, paths: readonly string[]): string | undefined {
  if (!rule.include.length) return undefined;
  const inc = rule.include.map(fnmatchRegExp);
  const exc = rule.exclude.map(fnmatchRegExp);
  for (const p of paths) {
    if (inc.some((r) => r.test(p)) && !exc.some((r) => r.test(p))) return p;
  }
  return undefined;
}

// ---- the rules file ---------------------------------------------------------------------------------------------

const RULE_FIELDS = ['include', 'exclude'] as const;

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `a ${typeof v}`;
}

function patternList(y: YamlFile, value: unknown, at: (string | number)[]): string[] {
  const where = at.join('.');
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new DeployerError(`\`${where}\` must be a list of patterns, but it is ${describe(value)}`, {
      file: y.file,
      ...y.locate(at),
      hint: 'write it as a YAML list, e.g. `include: ["helm-charts/basehub/*"]`',
    });
  }
  return value.map((p, i) => {
    if (typeof p !== 'string' || p === '') {
      throw new DeployerError(`\`${where}[${i}]\` must be a non-empty string pattern, but it is ${typeof p === 'string' ? 'empty' : describe(p)}`, {
        file: y.file,
        ...y.locate([...at, i]),
        hint: 'patterns use Python fnmatch syntax: `*` (crosses `/`), `?`, `[seq]`, `[!seq]`',
      });
    }
    return p;
  });
}

/**
 * Parse a rules document (YAML or JSON) into rules. A rule the file names replaces the default rule as a whole (an
 * omitted `include`/`exclude` is empty); a rule it does not name keeps its default. Unknown keys are located errors.
 */
export function parseRules(text: string, file: string, defaults: PlanRules = DEFAULT_RULES): PlanRules {
  let y: YamlFile;
  try {
    y = parseYaml(text, file);
  } catch (e) {
    // never quote the file's content: a rules path pointed at another file must not leak it into a log
    if (e instanceof DeployerError) {
      throw new DeployerError('the rules file is not valid YAML or JSON', { file, line: e.line, col: e.col, hint: 'fix the syntax at this position; a rules file holds `all-hubs` and `all-support` mappings' });
    }
    throw e;
  }
  const doc = y.value;
  if (doc === null || doc === undefined) {
    throw new DeployerError('the rules file is empty', { file, line: 1, col: 1, hint: 'write `all-hubs:` and/or `all-support:` mappings' });
  }
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new DeployerError(`the rules file must be a mapping, but it is ${describe(doc)}`, {
      file,
      ...y.locate([]),
      hint: 'write `all-hubs: {include: [...], exclude: [...]}` and/or `all-support: {...}`',
    });
  }
  const rules: PlanRules = { allHubs: defaults.allHubs, allSupport: defaults.allSupport };
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (!(key in RULE_KEYS)) {
      throw new DeployerError(`unknown key in the rules file (allowed: ${Object.keys(RULE_KEYS).join(', ')})`, {
        file,
        ...y.locateKey([key]),
        hint: 'check the spelling; a rules file holds only `all-hubs` and `all-support`',
      });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DeployerError(`\`${key}\` must be a mapping with \`include\` and \`exclude\` lists, but it is ${describe(value)}`, {
        file,
        ...y.locate([key]),
        hint: `write \`${key}: {include: [...], exclude: [...]}\``,
      });
    }
    for (const field of Object.keys(value)) {
      if (!(RULE_FIELDS as readonly string[]).includes(field)) {
        throw new DeployerError(`unknown key in \`${key}\` (allowed: ${RULE_FIELDS.join(', ')})`, {
          file,
          ...y.locateKey([key, field]),
          hint: 'a rule has only `include` and `exclude` pattern lists',
        });
      }
    }
    const v = value as Record<string, unknown>;
    rules[RULE_KEYS[key as RuleKey]] = { include: patternList(y, v.include, [key, 'include']), exclude: patternList(y, v.exclude, [key, 'exclude']) };
  }
  return rules;
}

/** Read a rules file (`display` is how messages name it); rules it does not name keep `defaults`. */
export async function readRulesFile(abs: string, display = abs, defaults: PlanRules = DEFAULT_RULES): Promise<PlanRules> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DeployerError(code === 'ENOENT' ? 'rules file does not exist' : `cannot read the rules file (${code ?? String(e)})`, {
      file: display,
      hint: 'pass the path of a YAML or JSON rules file (relative to the current directory in the CLI, to config-root in the action)',
    });
  }
  return parseRules(text, display, defaults);
}

/** The rules as a rules-file document (for printing the effective rules). */
export function rulesToDocument(rules: PlanRules): Record<RuleKey, PathRule> {
  return { 'all-hubs': rules.allHubs, 'all-support': rules.allSupport };
}

// ---- the workflow trigger ---------------------------------------------------------------------------------------

/**
 * Translate a fnmatch pattern into a GitHub Actions path filter that matches at least every path the pattern matches:
 * each wildcard (`*`, `?`, a class) becomes `**` (GitHub: "zero or more of any character"), and GitHub's own special
 * characters in literal text are escaped with `\`.
 */
export function githubFilterSuperset(pattern: string): string {
  let out = '';
  const pat = [...pattern];
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '*' || c === '?') {
      if (!out.endsWith('**')) out += '**';
    } else if (c === '[') {
      // a closed class is one character: a wildcard; an unclosed `[` is a literal
      const single = translate(pat.slice(i).join('')).startsWith('\\[') === false;
      if (single) {
        let j = i + 1;
        if (pat[j] === '!') j++;
        if (pat[j] === ']') j++;
        while (j < pat.length && pat[j] !== ']') j++;
        if (!out.endsWith('**')) out += '**';
        i = j;
      } else out += '\\[';
    } else if ('+]\\!'.includes(c)) {
      out += (c === '!' && out !== '' ? '' : '\\') + c;
    } else out += c;
  }
  return out;
}

/**
 * Whether `githubFilterSuperset(pattern)` matches exactly the same paths: only `*` wildcards, and none standing as a
 * whole path segment (GitHub's `a/**\/b` also matches `a/b`, fnmatch's `a/*\/b` does not).
 */
function githubFilterIsExact(pattern: string): boolean {
  if (/[?[]/.test(pattern)) return false;
  const segments = pattern.split('/');
  return !segments.slice(0, -1).some((s) => /^\*+$/.test(s));
}

/** The literal text before the first wildcard (the directory prefix every match starts with). */
function literalPrefix(pattern: string): string {
  const m = /[*?[]/.exec(pattern);
  return m ? pattern.slice(0, m.index) : pattern;
}

/** Sound disjointness test: two patterns whose literal prefixes diverge can never match the same path. */
function disjoint(a: string, b: string): boolean {
  const pa = literalPrefix(a);
  const pb = literalPrefix(b);
  return !(pa.startsWith(pb) || pb.startsWith(pa));
}

/**
 * The `on.push.paths` / `on.pull_request.paths` list for the deploy workflow: every path the planner can act on
 * triggers the workflow. Positive entries: the clusters directory and each rule's includes (as supersets). Negative
 * entries (`!...`) only where that is provably safe: an exclude whose GitHub form is exact, which every rule either
 * excludes too or cannot include, and which lies outside the clusters directory. Over-triggering is harmless (the plan
 * is empty); under-triggering would skip a deploy, so anything doubtful stays triggering.
 */
export function triggerPaths(rules: PlanRules, clustersDir = 'config/clusters'): string[] {
  const all = [rules.allHubs, rules.allSupport];
  const clusterPattern = `${clustersDir.replace(/\/+$/, '')}/*`;
  const positives = [clusterPattern, ...all.flatMap((r) => r.include)];
  const out: string[] = [];
  for (const p of positives) {
    const g = githubFilterSuperset(p);
    if (!out.includes(g)) out.push(g);
  }
  const negatives: string[] = [];
  for (const ex of all.flatMap((r) => r.exclude)) {
    if (!githubFilterIsExact(ex) || !disjoint(ex, clusterPattern)) continue;
    const safe = all.every((r) => r.exclude.includes(ex) || r.include.every((inc) => disjoint(ex, inc)));
    const g = '!' + githubFilterSuperset(ex);
    if (safe && !negatives.includes(g)) negatives.push(g);
  }
  return [...out, ...negatives];
}

/** The trigger list as YAML lines to paste under `paths:` (each item single-quoted). */
export function triggerPathsYaml(paths: string[], indent = ''): string {
  return paths.map((p) => `${indent}- '${p.replace(/'/g, "''")}'`).join('\n');
}
