export const id = 8682;
export const ids = [8682];
export const modules = {

/***/ 48682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v_: () => (/* reexport */ decide_MATRIX_NAMES),
  I2: () => (/* reexport */ commentBody),
  Z4: () => (/* reexport */ rules_defaultRules),
  Xy: () => (/* reexport */ inputs/* parseLabels */.Xy),
  Sf: () => (/* binding */ planDeployments),
  ev: () => (/* reexport */ rules_readRulesFile),
  _C: () => (/* reexport */ inputs/* splitChangedFiles */._C),
  TI: () => (/* reexport */ textTables),
  L3: () => (/* reexport */ triggerPaths),
  _z: () => (/* reexport */ triggerPathsYaml)
});

// UNUSED EXPORTS: DEFAULT_RULES, EMPTY, HUB_HEADER, KNOWN_LABELS, LABELS, MATRIX_LIMIT, PROD_2023_HEADER, REASONS, RULE_KEYS, SUPPORT_HEADER, SUPPORT_STAGING_HEADER, UPSTREAM_2023_RULES, UPSTREAM_2026_RULES, assignStagingJobsForMissingClusters, boxTable, changedFilesFromGit, clusterDirRel, clustersToLoad, commentBody2023, compare, decidePlan, discoverModifiedCommonFiles, firstMatch, fnmatchEscape, fnmatchRegExp, fnmatchcase, fold2023, generateHubJobs, generateSupportJobs, githubFilterSuperset, hasJobs, hasSupport, isLiteralPattern, isStagingHub, labelsFromEventFile, labelsFromEventPayload, markdownCell, markdownTable, matrixOutputs, normaliseChangedPaths, oversizeMatrices, parseRules, planRequestFromInputs, pyJsonDumps, quote, removedHubsMarkdown, rulesFileInside, rulesToDocument, splitStaging, textCell, translate, unknownDeployerLabels, valuesFilePath, writeCommentFile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/repo/read.ts
var read = __webpack_require__(15928);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(27564);
;// CONCATENATED MODULE: ./src/shared/plan/cluster-yaml-diff.ts
/**
 * Precise plans for a changed cluster.yaml (when the base of the change is known): compare the file at the base and
 * at the head and plan only what changed. A hub whose entry changed (or that is new) is planned; the support chart
 * when its section changed; the whole cluster (support and every hub, as without a base) when anything else changed
 * (name, provider, the provider's access settings...). A hub the head no longer lists is reported: its release stays
 * on the cluster until someone removes it. A renamed hub is a removal plus an addition.
 */




/** Plain-data equality (YAML values: maps, lists, scalars), key order ignored. */
function canonical(v) {
    if (Array.isArray(v))
        return `[${v.map(canonical).join(',')}]`;
    if (isMap(v))
        return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
    return JSON.stringify(v) ?? 'undefined';
}
const isDeepStrictEqual = (a, b) => canonical(a) === canonical(b);
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function hubsByName(doc) {
    const hubs = doc.hubs ?? [];
    if (!Array.isArray(hubs))
        return undefined;
    const out = new Map();
    for (const h of hubs) {
        if (!isMap(h) || typeof h.name !== 'string' || out.has(h.name))
            return undefined; // not comparable: plan it all
        out.set(h.name, h);
    }
    return out;
}
/**
 * Compare two parsed cluster.yaml documents. Anything not comparable (not a mapping, hubs not a list of named
 * entries, duplicate names) plans the whole cluster: a precise plan is never less than the safe one when in doubt.
 */
function compareClusterYaml(base, head) {
    const all = { whole: true, support: true, hubs: new Set(), removed: [] };
    if (!isMap(base) || !isMap(head))
        return all;
    const before = hubsByName(base);
    const after = hubsByName(head);
    if (!before || !after)
        return all;
    const keys = new Set([...Object.keys(base), ...Object.keys(head)]);
    keys.delete('hubs');
    keys.delete('support');
    const whole = [...keys].some((k) => !isDeepStrictEqual(base[k], head[k]));
    const hubs = new Set([...after].filter(([name, entry]) => !isDeepStrictEqual(before.get(name), entry)).map(([name]) => name));
    const removed = [...before.keys()].filter((n) => !after.has(n)).sort();
    return { whole, support: whole || !isDeepStrictEqual(base.support, head.support), hubs, removed };
}
/** `git show <base>:<file>` of a config-root-relative path; undefined when the file did not exist at the base. */
async function fileAtRef(configRoot, ref, rel) {
    const git = (0,tools/* toolPath */.O)('git');
    const top = (await (0,run/* runTool */.qI)(git, ['rev-parse', '--show-toplevel'], { cwd: configRoot, timeoutMs: 60_000 })).stdout.trim();
    const inRepo = external_node_path_default().relative(top, external_node_path_default().resolve(configRoot, rel)).split((external_node_path_default()).sep).join('/');
    const r = await (0,run/* runTool */.qI)(git, ['show', `${ref}:${inRepo}`], { cwd: top, timeoutMs: 60_000, allowFailure: true, maxBuffer: 64 * 1024 * 1024 });
    return r.code === 0 ? r.stdout : undefined;
}
/** A reader of the base through git (`git show <ref>:<file>`). */
function gitBaseReader(configRoot, ref) {
    return (rel) => fileAtRef(configRoot, ref, rel);
}
/**
 * The precise diff of a changed cluster.yaml: its base version against the head's parsed value. Undefined when the
 * base cannot be read or parsed (a new cluster, a broken base file, no git): plan the whole cluster.
 */
async function clusterYamlDiff(readBase, rel, head) {
    let text;
    try {
        text = await readBase(rel);
    }
    catch {
        return undefined;
    }
    if (text === undefined)
        return undefined;
    let base;
    try {
        base = (0,dist.parse)(text, { maxAliasCount: 100 });
    }
    catch {
        return undefined;
    }
    return compareClusterYaml(base, head);
}

// EXTERNAL MODULE: ./src/shared/plan/inputs.ts
var inputs = __webpack_require__(37120);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
;// CONCATENATED MODULE: ./src/shared/plan/fnmatch.ts
/**
 * Python's `fnmatch.fnmatchcase(name, pattern)`, exactly: the pattern is translated to a regular expression the way
 * CPython's `fnmatch.translate` does, then matched against the whole name, case-sensitively.
 *
 * This is NOT glob: `*` matches any run of characters *including* `/` and leading dots, `?` matches any one character
 * (also `/`), `[seq]` / `[!seq]` are character classes (`[^seq]` is a class holding `^`), an unclosed `[` is a
 * literal, `\` is an ordinary character, there is no `**` (it is the same as `*`) and no `{a,b}`.
 */
const cache = new Map();
/** Characters that must be escaped outside a class in a `u`-mode RegExp. */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
function escapeLiteral(c) {
    return c.replace(SYNTAX, '\\$&');
}
function classChar(c) {
    return `\\u{${c.codePointAt(0).toString(16)}}`;
}
/**
 * CPython builds the body of a bracket expression as a string `stuff` in Python regex class syntax (escapes for
 * backslash and literal hyphens, bare hyphens for ranges, a leading `^` for negation). This parses that string the way
 * `sre_parse` does and emits an equivalent JavaScript class.
 */
function pythonClassToJs(stuff) {
    const chars = [...stuff];
    let i = 0;
    let negate = false;
    if (chars[0] === '^') {
        negate = true;
        i = 1;
    }
    const next = () => {
        if (chars[i] === '\\' && i + 1 < chars.length) {
            i += 2;
            return chars[i - 1];
        }
        return chars[i++];
    };
    let body = '';
    while (i < chars.length) {
        const lo = next();
        if (i < chars.length && chars[i] === '-') {
            if (i + 1 >= chars.length) {
                // a trailing hyphen is literal
                body += classChar(lo) + classChar('-');
                i++;
                break;
            }
            i++;
            const hi = next();
            body += `${classChar(lo)}-${classChar(hi)}`;
        }
        else {
            body += classChar(lo);
        }
    }
    return `[${negate ? '^' : ''}${body}]`;
}
/** The regular expression source (without anchors) for a fnmatch pattern, following CPython 3.11's `translate`. */
function translate(pattern) {
    const pat = [...pattern];
    const n = pat.length;
    let i = 0;
    const out = [];
    while (i < n) {
        const c = pat[i++];
        if (c === '*') {
            // consecutive stars collapse into one
            if (out[out.length - 1] !== '.*')
                out.push('.*');
        }
        else if (c === '?') {
            out.push('.');
        }
        else if (c === '[') {
            let j = i;
            if (j < n && pat[j] === '!')
                j++;
            if (j < n && pat[j] === ']')
                j++;
            while (j < n && pat[j] !== ']')
                j++;
            if (j >= n) {
                out.push('\\[');
                continue;
            }
            let stuff;
            const raw = pat.slice(i, j).join('');
            if (!raw.includes('-')) {
                stuff = raw.replace(/\\/g, '\\\\');
            }
            else {
                const chunks = [];
                let start = i;
                let k = pat[i] === '!' ? i + 2 : i + 1;
                for (;;) {
                    // find '-' in pat[k:j]
                    let found = -1;
                    for (let m = k; m < j; m++) {
                        if (pat[m] === '-') {
                            found = m;
                            break;
                        }
                    }
                    if (found < 0)
                        break;
                    chunks.push(pat.slice(start, found).join(''));
                    start = found + 1;
                    k = found + 3;
                }
                const chunk = pat.slice(start, j).join('');
                if (chunk)
                    chunks.push(chunk);
                else
                    chunks[chunks.length - 1] += '-';
                // remove empty ranges (invalid in a regex)
                for (let m = chunks.length - 1; m > 0; m--) {
                    const prev = [...chunks[m - 1]];
                    const cur = [...chunks[m]];
                    if (prev.length && cur.length && prev[prev.length - 1].codePointAt(0) > cur[0].codePointAt(0)) {
                        chunks[m - 1] = prev.slice(0, -1).join('') + cur.slice(1).join('');
                        chunks.splice(m, 1);
                    }
                }
                stuff = chunks.map((s) => s.replace(/\\/g, '\\\\').replace(/-/g, '\\-')).join('-');
            }
            // escape set operations (&&, ~~, ||)
            stuff = stuff.replace(/([&~|])/g, '\\$1');
            i = j + 1;
            if (!stuff) {
                out.push('(?!)'); // empty range: never matches
            }
            else if (stuff === '!') {
                out.push('.'); // negated empty range: any character
            }
            else {
                if (stuff[0] === '!')
                    stuff = '^' + stuff.slice(1);
                else if (stuff[0] === '^' || stuff[0] === '[')
                    stuff = '\\' + stuff;
                out.push(pythonClassToJs(stuff));
            }
        }
        else {
            out.push(escapeLiteral(c));
        }
    }
    return out.join('');
}
/** The compiled, anchored RegExp for a pattern (cached). Flags: `s` (`.` matches newlines) and `u` (code points). */
function fnmatchRegExp(pattern) {
    let re = cache.get(pattern);
    if (!re) {
        re = new RegExp(`^(?:${translate(pattern)})$`, 'su');
        cache.set(pattern, re);
    }
    return re;
}
/** `fnmatch.fnmatchcase(name, pattern)`. */
function fnmatchcase(name, pattern) {
    return fnmatchRegExp(pattern).test(name);
}
/** Whether a pattern has any wildcard (`*`, `?`, or a closed `[...]`): a pattern without one matches only itself. */
function isLiteralPattern(pattern) {
    return translate(pattern) === escapeLiteral(pattern);
}

;// CONCATENATED MODULE: ./src/shared/plan/rules.ts
/**
 * Path rules: which changed paths redeploy every hub or the support chart on every cluster. Rules are data (built-in
 * defaults, or a YAML/JSON rules file), matched with Python-fnmatch semantics (see fnmatch.ts), and the same rules
 * produce the `on.paths` list of the workflow trigger, so the trigger and the planner cannot drift apart.
 */




const RULE_KEYS = { 'all-hubs': 'allHubs', 'all-support': 'allSupport' };
/** Escape a literal path for a fnmatch pattern (`*`, `?`, `[` become one-character classes). */
function fnmatchEscape(literal) {
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
function rules_defaultRules(chartsDir = 'helm-charts') {
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
const DEFAULT_RULES = rules_defaultRules();
/** Upstream's 2023 rules (reference A.9.1), for users of that layout and for differential tests. */
const UPSTREAM_2023_RULES = {
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
const UPSTREAM_2026_RULES = {
    allHubs: {
        include: ['deployer/*', 'pyproject.toml', 'requirements.txt', 'helm-charts/*'],
        exclude: ['deployer/README.md', 'deployer/health_check_tests/*', 'deployer.dev.commands/*', 'helm-charts/support/*'],
    },
    allSupport: { include: ['helm-charts/support/*'], exclude: [] },
};
/** The first changed path that fires `rule` (includes one, excludes none), or undefined. */
function firstMatch(rule, paths) {
    if (!rule.include.length)
        return undefined;
    const inc = rule.include.map(fnmatchRegExp);
    const exc = rule.exclude.map(fnmatchRegExp);
    for (const p of paths) {
        if (inc.some((r) => r.test(p)) && !exc.some((r) => r.test(p)))
            return p;
    }
    return undefined;
}
// ---- the rules file ---------------------------------------------------------------------------------------------
const RULE_FIELDS = ['include', 'exclude'];
function describe(v) {
    if (v === null || v === undefined)
        return 'empty';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `a ${typeof v}`;
}
function patternList(y, value, at) {
    const where = at.join('.');
    if (value === null || value === undefined)
        return [];
    if (!Array.isArray(value)) {
        throw new errors/* DeployerError */.dg(`\`${where}\` must be a list of patterns, but it is ${describe(value)}`, {
            file: y.file,
            ...y.locate(at),
            hint: 'write it as a YAML list, e.g. `include: ["helm-charts/basehub/*"]`',
        });
    }
    return value.map((p, i) => {
        if (typeof p !== 'string' || p === '') {
            throw new errors/* DeployerError */.dg(`\`${where}[${i}]\` must be a non-empty string pattern, but it is ${typeof p === 'string' ? 'empty' : describe(p)}`, {
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
function rules_parseRules(text, file, defaults = DEFAULT_RULES) {
    let y;
    try {
        y = (0,yaml/* parseYaml */.hN)(text, file);
    }
    catch (e) {
        // never quote the file's content: a rules path pointed at another file must not leak it into a log
        if (e instanceof errors/* DeployerError */.dg) {
            throw new errors/* DeployerError */.dg('the rules file is not valid YAML or JSON', { file, line: e.line, col: e.col, hint: 'fix the syntax at this position; a rules file holds `all-hubs` and `all-support` mappings' });
        }
        throw e;
    }
    const doc = y.value;
    if (doc === null || doc === undefined) {
        throw new errors/* DeployerError */.dg('the rules file is empty', { file, line: 1, col: 1, hint: 'write `all-hubs:` and/or `all-support:` mappings' });
    }
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new errors/* DeployerError */.dg(`the rules file must be a mapping, but it is ${describe(doc)}`, {
            file,
            ...y.locate([]),
            hint: 'write `all-hubs: {include: [...], exclude: [...]}` and/or `all-support: {...}`',
        });
    }
    const rules = { allHubs: defaults.allHubs, allSupport: defaults.allSupport };
    for (const [key, value] of Object.entries(doc)) {
        if (!(key in RULE_KEYS)) {
            throw new errors/* DeployerError */.dg(`unknown key in the rules file (allowed: ${Object.keys(RULE_KEYS).join(', ')})`, {
                file,
                ...y.locateKey([key]),
                hint: 'check the spelling; a rules file holds only `all-hubs` and `all-support`',
            });
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new errors/* DeployerError */.dg(`\`${key}\` must be a mapping with \`include\` and \`exclude\` lists, but it is ${describe(value)}`, {
                file,
                ...y.locate([key]),
                hint: `write \`${key}: {include: [...], exclude: [...]}\``,
            });
        }
        for (const field of Object.keys(value)) {
            if (!RULE_FIELDS.includes(field)) {
                throw new errors/* DeployerError */.dg(`unknown key in \`${key}\` (allowed: ${RULE_FIELDS.join(', ')})`, {
                    file,
                    ...y.locateKey([key, field]),
                    hint: 'a rule has only `include` and `exclude` pattern lists',
                });
            }
        }
        const v = value;
        rules[RULE_KEYS[key]] = { include: patternList(y, v.include, [key, 'include']), exclude: patternList(y, v.exclude, [key, 'exclude']) };
    }
    return rules;
}
/** Read a rules file (`display` is how messages name it); rules it does not name keep `defaults`. */
async function rules_readRulesFile(abs, display = abs, defaults = DEFAULT_RULES) {
    let text;
    try {
        text = await (0,promises_.readFile)(abs, 'utf8');
    }
    catch (e) {
        const code = e.code;
        throw new errors/* DeployerError */.dg(code === 'ENOENT' ? 'rules file does not exist' : `cannot read the rules file (${code ?? String(e)})`, {
            file: display,
            hint: 'pass the path of a YAML or JSON rules file (relative to the current directory in the CLI, to config-root in the action)',
        });
    }
    return rules_parseRules(text, display, defaults);
}
/** The rules as a rules-file document (for printing the effective rules). */
function rulesToDocument(rules) {
    return { 'all-hubs': rules.allHubs, 'all-support': rules.allSupport };
}
// ---- the workflow trigger ---------------------------------------------------------------------------------------
/**
 * Translate a fnmatch pattern into a GitHub Actions path filter that matches at least every path the pattern matches:
 * each wildcard (`*`, `?`, a class) becomes `**` (GitHub: "zero or more of any character"), and GitHub's own special
 * characters in literal text are escaped with `\`.
 */
function githubFilterSuperset(pattern) {
    let out = '';
    const pat = [...pattern];
    for (let i = 0; i < pat.length; i++) {
        const c = pat[i];
        if (c === '*' || c === '?') {
            if (!out.endsWith('**'))
                out += '**';
        }
        else if (c === '[') {
            // a closed class is one character: a wildcard; an unclosed `[` is a literal
            const single = translate(pat.slice(i).join('')).startsWith('\\[') === false;
            if (single) {
                let j = i + 1;
                if (pat[j] === '!')
                    j++;
                if (pat[j] === ']')
                    j++;
                while (j < pat.length && pat[j] !== ']')
                    j++;
                if (!out.endsWith('**'))
                    out += '**';
                i = j;
            }
            else
                out += '\\[';
        }
        else if ('+]\\!'.includes(c)) {
            out += (c === '!' && out !== '' ? '' : '\\') + c;
        }
        else
            out += c;
    }
    return out;
}
/**
 * Whether `githubFilterSuperset(pattern)` matches exactly the same paths: only `*` wildcards, and none standing as a
 * whole path segment (GitHub's `a/**\/b` also matches `a/b`, fnmatch's `a/*\/b` does not).
 */
function githubFilterIsExact(pattern) {
    if (/[?[]/.test(pattern))
        return false;
    const segments = pattern.split('/');
    return !segments.slice(0, -1).some((s) => /^\*+$/.test(s));
}
/** The literal text before the first wildcard (the directory prefix every match starts with). */
function literalPrefix(pattern) {
    const m = /[*?[]/.exec(pattern);
    return m ? pattern.slice(0, m.index) : pattern;
}
/** Sound disjointness test: two patterns whose literal prefixes diverge can never match the same path. */
function disjoint(a, b) {
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
function triggerPaths(rules, clustersDir = 'config/clusters') {
    const all = [rules.allHubs, rules.allSupport];
    const clusterPattern = `${clustersDir.replace(/\/+$/, '')}/*`;
    const positives = [clusterPattern, ...all.flatMap((r) => r.include)];
    const out = [];
    for (const p of positives) {
        const g = githubFilterSuperset(p);
        if (!out.includes(g))
            out.push(g);
    }
    const negatives = [];
    for (const ex of all.flatMap((r) => r.exclude)) {
        if (!githubFilterIsExact(ex) || !disjoint(ex, clusterPattern))
            continue;
        const safe = all.every((r) => r.exclude.includes(ex) || r.include.every((inc) => disjoint(ex, inc)));
        const g = '!' + githubFilterSuperset(ex);
        if (safe && !negatives.includes(g))
            negatives.push(g);
    }
    return [...out, ...negatives];
}
/** The trigger list as YAML lines to paste under `paths:` (each item single-quoted). */
function triggerPathsYaml(paths, indent = '') {
    return paths.map((p) => `${indent}- '${p.replace(/'/g, "''")}'`).join('\n');
}

;// CONCATENATED MODULE: ./src/shared/plan/decide.ts




const REASONS = {
    coreInfra: 'Core infrastructure has been modified',
    clusterYaml: 'cluster.yaml file was modified',
    supportChart: 'Support helm chart has been modified',
    deployHubsLabel: 'deployer:deploy-hubs label detected',
    deploySupportLabel: 'deployer:deploy-support label detected',
    valuesFiles: 'Following helm chart values files were modified: ',
    prodHubs: 'Following prod hubs require redeploy: ',
};
const decide_MATRIX_NAMES = ['support-and-staging-matrix-jobs', 'prod-hub-matrix-jobs', 'support-jobs', 'staging-jobs', 'prod-jobs'];
// ---- building blocks ------------------------------------------------------------------------------------------
/** Upstream's `discover_modified_common_files`: the first path firing each global rule (or undefined). */
function discoverModifiedCommonFiles(paths, rules) {
    return { allSupport: firstMatch(rules.allSupport, paths), allHubs: firstMatch(rules.allHubs, paths) };
}
/** A staging hub is one whose name contains `staging` (upstream's substring rule: `dask-staging`, `r-staging`...). */
function isStagingHub(name) {
    return name.includes('staging');
}
/** The cluster directory relative to config-root, POSIX separators. */
function clusterDirRel(cluster) {
    return external_node_path_default().relative(cluster.paths.configRoot, cluster.dir).split((external_node_path_default()).sep).join('/');
}
/**
 * A values-file reference of cluster.yaml as a config-root-relative path (normalised). Absolute references and
 * references escaping the cluster directory are located errors: they could never be deployed.
 */
function valuesFilePath(cluster, dirRel, ref, pointer) {
    const loc = () => ({ file: cluster.displayFile, ...cluster.yaml.locate(pointer) });
    // fast path: a plain file name (the common case) needs no normalisation
    if (!ref.includes('/') && ref !== '.' && ref !== '..')
        return `${dirRel}/${ref}`;
    if (external_node_path_default().posix.isAbsolute(ref)) {
        throw new errors/* DeployerError */.dg(`values file \`${ref}\` is absolute; files referenced from cluster.yaml must be relative to the cluster directory`, {
            ...loc(),
            hint: `write it relative to ${dirRel}`,
        });
    }
    const joined = external_node_path_default().posix.normalize(`${dirRel}/${ref}`);
    if (!joined.startsWith(dirRel + '/')) {
        throw new errors/* DeployerError */.dg(`values file \`${ref}\` escapes the cluster directory (${dirRel})`, {
            ...loc(),
            hint: 'every file a cluster refers to must live inside its directory',
        });
    }
    return joined;
}
/** Whether a cluster has a support chart: a non-empty `support` mapping (upstream: `cfg.get("support", {})` truthy). */
function hasSupport(cluster) {
    const s = cluster.spec.support;
    return !!s && typeof s === 'object' && Object.keys(s).length > 0;
}
function valuesReason(files) {
    return REASONS.valuesFiles + files.map((f) => external_node_path_default().posix.basename(f)).sort(compare).join(', ');
}
/** The changed values files among `refs` (sorted, deduplicated), as config-root-relative paths. */
function changedValues(cluster, dirRel, refs, pointer, changed) {
    const hits = new Set();
    refs.forEach((ref, i) => {
        const p = valuesFilePath(cluster, dirRel, ref, [...pointer, i]);
        if (changed.has(p))
            hits.add(p);
    });
    return [...hits];
}
/**
 * Upstream's `generate_hub_matrix_jobs` (2026): the hub jobs of one cluster, split into staging and prod, in
 * cluster.yaml order. All-clusters beats this-cluster beats values files; skip labels give nothing.
 */
function generateHubJobs(cluster, changed, flags) {
    if (flags.labels.includes(inputs/* LABELS */.kg.skipDeploy) || flags.labels.includes(inputs/* LABELS */.kg.skipDeployHubs))
        return { staging: [], prod: [] };
    const dirRel = clusterDirRel(cluster);
    const jobs = [];
    for (const hub of cluster.hubs) {
        let reason;
        // computed for every hub, so a bad reference is reported whatever fired
        const files = changedValues(cluster, dirRel, hub.valuesFiles, ['hubs', hub.index, 'helm_chart_values_files'], changed);
        if (flags.allClusters)
            reason = flags.labels.includes(inputs/* LABELS */.kg.deployHubs) ? REASONS.deployHubsLabel : REASONS.coreInfra;
        else if (flags.thisCluster && (!flags.clusterYamlHubs || flags.clusterYamlHubs.has(hub.name)))
            reason = REASONS.clusterYaml;
        else if (files.length)
            reason = valuesReason(files);
        if (reason !== undefined)
            jobs.push({ cluster_name: cluster.name, provider: cluster.provider, choice_reason: reason, hub_name: hub.name });
    }
    return splitStaging(jobs);
}
/** Upstream's `generate_support_matrix_jobs` (2026): at most one support job for the cluster. */
function generateSupportJobs(cluster, changed, flags) {
    if (flags.labels.includes(inputs/* LABELS */.kg.skipDeploy))
        return [];
    if (!hasSupport(cluster))
        return [];
    const dirRel = clusterDirRel(cluster);
    const files = changedValues(cluster, dirRel, cluster.support?.valuesFiles ?? [], ['support', 'helm_chart_values_files'], changed);
    let reason;
    if (flags.allClusters)
        reason = flags.labels.includes(inputs/* LABELS */.kg.deploySupport) ? REASONS.deploySupportLabel : REASONS.supportChart;
    else if (flags.thisCluster)
        reason = REASONS.clusterYaml;
    else if (files.length)
        reason = valuesReason(files);
    return reason === undefined ? [] : [{ cluster_name: cluster.name, provider: cluster.provider, choice_reason: reason }];
}
/** Upstream's `filter_out_staging_hubs`. */
function splitStaging(jobs) {
    return { staging: jobs.filter((j) => isStagingHub(j.hub_name)), prod: jobs.filter((j) => !isStagingHub(j.hub_name)) };
}
function prodReason(prod) {
    return REASONS.prodHubs + prod.map((j) => j.hub_name).sort(compare).join(', ');
}
/**
 * Upstream's `assign_staging_jobs_for_missing_clusters` (2026): a cluster with prod jobs but no staging job gets one
 * staging job per staging-named hub (none when it has no such hub), so staging is always tried before prod.
 */
function assignStagingJobsForMissingClusters(staging, prod, clusters) {
    const out = [...staging];
    const withStaging = new Set(staging.map((j) => j.cluster_name));
    const prodByCluster = groupBy(prod, (j) => j.cluster_name);
    const byName = new Map(clusters.map((c) => [c.name, c]));
    for (const [name, jobs] of prodByCluster) {
        if (withStaging.has(name))
            continue;
        const cluster = byName.get(name);
        if (!cluster)
            continue;
        for (const hub of cluster.hubs.filter((h) => isStagingHub(h.name))) {
            out.push({ cluster_name: name, provider: jobs[0].provider, choice_reason: prodReason(jobs), hub_name: hub.name });
        }
    }
    return out;
}
/**
 * The seed's 2023 shape: one support/staging row per cluster, prod rows apart. A staging job sets `upgrade_staging`
 * (the reason of the cluster's last staging hub in cluster.yaml order wins, as upstream); a cluster with prod jobs
 * and no staging job gets `upgrade_staging: true` with a "Following prod hubs require redeploy" reason, but only
 * when it has a staging-named hub to deploy: a cluster without one gets a row with both flags false (upstream asked
 * for a `staging` hub that does not exist), so a per-cluster gate still sees it.
 */
function fold2023(clusters, support, hubJobsByCluster) {
    const rows = new Map();
    const row = (name, provider) => {
        let r = rows.get(name);
        if (!r) {
            r = { cluster_name: name, provider, upgrade_support: false, reason_for_support_redeploy: '', upgrade_staging: false, reason_for_staging_redeploy: '' };
            rows.set(name, r);
        }
        return r;
    };
    for (const s of support) {
        const r = row(s.cluster_name, s.provider);
        r.upgrade_support = true;
        r.reason_for_support_redeploy = s.choice_reason;
    }
    const prodHubs = [];
    const byName = new Map(clusters.map((c) => [c.name, c]));
    for (const [name, { staging, prod }] of hubJobsByCluster) {
        for (const p of prod)
            prodHubs.push({ cluster_name: p.cluster_name, provider: p.provider, reason_for_redeploy: p.choice_reason, hub_name: p.hub_name });
        if (staging.length) {
            const r = row(name, staging[0].provider);
            r.upgrade_staging = true;
            r.reason_for_staging_redeploy = staging[staging.length - 1].choice_reason;
        }
        else if (prod.length) {
            const r = row(name, prod[0].provider);
            const cluster = byName.get(name);
            if (cluster?.hubs.some((h) => isStagingHub(h.name))) {
                r.upgrade_staging = true;
                r.reason_for_staging_redeploy = prodReason(prod);
            }
        }
    }
    return { supportAndStaging: [...rows.values()].sort(byCluster), prodHubs: prodHubs.sort(byClusterHub) };
}
/** Decide the plan. Pure: same input, same output, rows sorted. */
function decidePlan(input) {
    const labels = input.labels;
    const common = discoverModifiedCommonFiles(input.changed, input.rules);
    const skipDeploy = labels.includes(inputs/* LABELS */.kg.skipDeploy);
    const skipDeployHubs = labels.includes(inputs/* LABELS */.kg.skipDeployHubs);
    const allSupport = labels.includes(inputs/* LABELS */.kg.deploySupport) ? `label ${inputs/* LABELS */.kg.deploySupport}` : common.allSupport;
    const allHubs = labels.includes(inputs/* LABELS */.kg.deployHubs) ? `label ${inputs/* LABELS */.kg.deployHubs}` : common.allHubs;
    const changed = new Set(input.changed);
    const clusters = [...input.clusters].sort((a, b) => compare(a.name, b.name));
    const support = [];
    const hubJobsByCluster = new Map();
    const clusterYaml = [];
    for (const cluster of clusters) {
        const dirRel = clusterDirRel(cluster);
        const thisCluster = changed.has(`${dirRel}/cluster.yaml`);
        if (thisCluster)
            clusterYaml.push(cluster.name);
        const precise = thisCluster ? input.clusterYamlDiffs?.get(cluster.name) : undefined;
        const exact = precise && !precise.whole ? precise : undefined;
        const hubs = generateHubJobs(cluster, changed, { thisCluster, clusterYamlHubs: exact?.hubs, allClusters: !!allHubs, labels });
        support.push(...generateSupportJobs(cluster, changed, { thisCluster: thisCluster && (!exact || exact.support), allClusters: !!allSupport, labels }));
        if (hubs.staging.length || hubs.prod.length) {
            const prev = hubJobsByCluster.get(cluster.name);
            if (prev) {
                prev.staging.push(...hubs.staging);
                prev.prod.push(...hubs.prod);
            }
            else
                hubJobsByCluster.set(cluster.name, hubs);
        }
    }
    const staging = [...hubJobsByCluster.values()].flatMap((h) => h.staging);
    const prod = [...hubJobsByCluster.values()].flatMap((h) => h.prod);
    const staging2026 = assignStagingJobsForMissingClusters(staging, prod, clusters);
    const v2023 = fold2023(clusters, support, hubJobsByCluster);
    return {
        matrices: {
            'support-and-staging-matrix-jobs': v2023.supportAndStaging,
            'prod-hub-matrix-jobs': v2023.prodHubs,
            'support-jobs': support.sort(byCluster),
            'staging-jobs': staging2026.sort(byClusterHub),
            'prod-jobs': prod.sort(byClusterHub),
        },
        triggers: { allHubs: allHubs || undefined, allSupport: allSupport || undefined, skipDeploy, skipDeployHubs, clusterYaml },
    };
}
/**
 * Which cluster directories the plan can touch, given the changed paths and labels: every cluster when a global rule
 * or label fires, else only those with a changed file inside their directory. Any other cluster gets no job whatever
 * its cluster.yaml says (a cluster's values files must live inside its directory), so it need not be read at all.
 * Returns 'all' or a set of directory names under the clusters directory.
 */
function clustersToLoad(changed, labels, rules, clustersDirRel) {
    if (labels.includes(inputs/* LABELS */.kg.skipDeploy))
        return new Set();
    const common = discoverModifiedCommonFiles(changed, rules);
    const hubsAll = !labels.includes(inputs/* LABELS */.kg.skipDeployHubs) && (labels.includes(inputs/* LABELS */.kg.deployHubs) || !!common.allHubs);
    const supportAll = labels.includes(inputs/* LABELS */.kg.deploySupport) || !!common.allSupport;
    if (hubsAll || supportAll)
        return 'all';
    const dirs = new Set();
    const prefix = clustersDirRel === '' ? '' : clustersDirRel + '/';
    for (const p of changed) {
        if (!p.startsWith(prefix))
            continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash > 0)
            dirs.add(rest.slice(0, slash));
    }
    return dirs;
}
// ---- helpers ------------------------------------------------------------------------------------------------------
/** Code-point order (Python's string order), not locale order. */
const SURROGATE = /[\uD800-\uDFFF]/;
function compare(a, b) {
    if (a === b)
        return 0;
    // UTF-16 order equals code-point order unless a surrogate pair is involved
    if (!SURROGATE.test(a) && !SURROGATE.test(b))
        return a < b ? -1 : 1;
    const A = [...a];
    const B = [...b];
    for (let i = 0; i < Math.min(A.length, B.length); i++) {
        if (A[i] !== B[i])
            return A[i].codePointAt(0) - B[i].codePointAt(0);
    }
    return A.length - B.length;
}
function byCluster(a, b) {
    return compare(a.cluster_name, b.cluster_name);
}
function byClusterHub(a, b) {
    return compare(a.cluster_name, b.cluster_name) || compare(a.hub_name, b.hub_name);
}
function groupBy(items, key) {
    const m = new Map();
    for (const it of items) {
        const k = key(it);
        const list = m.get(k);
        if (list)
            list.push(it);
        else
            m.set(k, [it]);
    }
    return m;
}

;// CONCATENATED MODULE: ./src/shared/plan/render.ts

/** GitHub Actions refuses a matrix of more than 256 jobs. */
const MATRIX_LIMIT = 256;
/** Python's `json.dumps(value)` with default arguments: `", "` / `": "` separators, non-ASCII escaped as `\uXXXX`. */
function pyJsonDumps(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'number')
        return JSON.stringify(value);
    if (typeof value === 'string')
        return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (Array.isArray(value))
        return `[${value.map(pyJsonDumps).join(', ')}]`;
    if (typeof value === 'object') {
        return `{${Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${pyJsonDumps(k)}: ${pyJsonDumps(v)}`)
            .join(', ')}}`;
    }
    throw new TypeError(`cannot serialise ${typeof value}`);
}
/** The five matrix outputs, each as its JSON text. */
function matrixOutputs(m) {
    const out = {};
    for (const name of MATRIX_NAMES)
        out[name] = pyJsonDumps(m[name]);
    return out;
}
function hasJobs(m) {
    return MATRIX_NAMES.some((n) => m[n].length > 0);
}
/** Matrices over GitHub's 256-job limit, as messages. */
function oversizeMatrices(m) {
    return decide_MATRIX_NAMES.filter((n) => m[n].length > MATRIX_LIMIT).map((n) => `matrix \`${n}\` has ${m[n].length} jobs, more than the ${MATRIX_LIMIT} GitHub Actions allows in one matrix: the job using it will fail to start; split the deploy (e.g. per provider) or deploy in batches`);
}
// ---- markdown (the PR comment) ------------------------------------------------------------------------------------
const len = (s) => [...s].length;
/** A markdown table cell: no line breaks, no table or HTML syntax from the content. */
function markdownCell(s) {
    return s
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|');
}
/**
 * py-markdown-table 0.4/1.3 with `row_sep="markdown", quote=False` (padding 0, "centerleft"): each cell centred in
 * its column width, the odd space on the left, no spaces around pipes, no trailing newline.
 */
function markdownTable(header, rows) {
    const h = header.map(markdownCell);
    const body = rows.map((r) => r.map(markdownCell));
    const widths = h.map((x, i) => Math.max(len(x), ...body.map((r) => len(r[i] ?? ''))));
    const center = (s, w) => {
        const spare = w - len(s);
        const right = Math.floor(spare / 2);
        return ' '.repeat(spare - right) + s + ' '.repeat(right);
    };
    const line = (cells) => `|${cells.map((c, i) => center(c, widths[i])).join('|')}|`;
    return [line(h), `|${widths.map((w) => '-'.repeat(w)).join('|')}|`, ...body.map(line)].join('\n');
}
const SUPPORT_HEADER = ['Cloud Provider', 'Cluster Name', 'Reason for Redeploy'];
const HUB_HEADER = ['Cloud Provider', 'Cluster Name', 'Hub Name', 'Reason for Redeploy'];
const SUPPORT_STAGING_HEADER = (/* unused pure expression or super */ null && (['Cloud Provider', 'Cluster Name', 'Upgrade Support?', 'Reason for Support Redeploy', 'Upgrade Staging?', 'Reason for Staging Redeploy']));
const PROD_2023_HEADER = (/* unused pure expression or super */ null && (['Cloud Provider', 'Cluster Name', 'Hub Name', 'Reason for Redeploy']));
const supportRows = (jobs) => jobs.map((j) => [j.provider, j.cluster_name, j.choice_reason]);
const hubRows = (jobs) => jobs.map((j) => [j.provider, j.cluster_name, j.hub_name, j.choice_reason]);
const yesNo = (b) => (b ? 'Yes' : 'No');
const EMPTY = {
    support: 'No support upgrades will be triggered',
    staging: 'No staging hub upgrades will be triggered',
    prod: 'No production hub upgrades will be triggered',
    supportAndStaging2023: 'No support or staging upgrades will be triggered',
};
/** The PR comment (upstream 2026 `comment-body.txt`): marker, three sections, a single trailing newline. */
function commentBody(m) {
    const section = (title, table, empty) => `### ${title}\n\n${table ?? empty}\n`;
    const support = m['support-jobs'].length ? markdownTable(SUPPORT_HEADER, supportRows(m['support-jobs'])) : undefined;
    const staging = m['staging-jobs'].length ? markdownTable(HUB_HEADER, hubRows(m['staging-jobs'])) : undefined;
    const prod = m['prod-jobs'].length ? markdownTable(HUB_HEADER, hubRows(m['prod-jobs'])) : undefined;
    return [
        '<!-- deployment-plan -->\nMerging this PR will trigger the following deployment actions.\n',
        section('Support deployments', support, EMPTY.support),
        section('Staging deployments', staging, EMPTY.staging),
        section('Production deployments', prod, EMPTY.prod),
    ].join('\n');
}
/** A note under the plan for hubs a changed cluster.yaml no longer lists (their releases stay on the cluster). */
function removedHubsMarkdown(removed) {
    if (!removed.length)
        return '';
    const rows = removed.map(({ cluster, hub }) => `- \`${markdownCell(cluster)}/${markdownCell(hub)}\`: removed from cluster.yaml; its release stays on the cluster until removed (\`deployer use-cluster-credentials ${markdownCell(cluster)} helm uninstall ${markdownCell(hub)} --namespace ${markdownCell(hub)}\`)`);
    return `\n### Hubs removed from the configuration\n\n${rows.join('\n')}\n`;
}
/** The 2023 comment (reference A.9.8): two sections over the seed's matrices. */
function commentBody2023(m) {
    const ss = m['support-and-staging-matrix-jobs'];
    const prod = m['prod-hub-matrix-jobs'];
    const t1 = ss.length
        ? markdownTable(SUPPORT_STAGING_HEADER, ss.map((j) => [j.provider, j.cluster_name, yesNo(j.upgrade_support), j.reason_for_support_redeploy, yesNo(j.upgrade_staging), j.reason_for_staging_redeploy]))
        : EMPTY.supportAndStaging2023;
    const t2 = prod.length ? markdownTable(PROD_2023_HEADER, prod.map((j) => [j.provider, j.cluster_name, j.hub_name, j.reason_for_redeploy])) : EMPTY.prod;
    return `<!-- deployment-plan -->\nMerging this PR will trigger the following deployment actions.\n\n### Support and Staging deployments\n\n${t1}\n\n### Production deployments\n\n${t2}\n`;
}
// ---- text tables (terminal and log) ---------------------------------------------------------------------------------
/** A text cell: control characters (line breaks, escape sequences) shown escaped, never acted on. */
function textCell(s) {
    return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        if (c === '\t')
            return '\\t';
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
}
/** A box-drawn table; every line starts with a box character. */
function boxTable(header, rows) {
    const h = header.map(textCell);
    const body = rows.map((r) => r.map(textCell));
    const widths = h.map((x, i) => Math.max(len(x), ...body.map((r) => len(r[i] ?? ''))));
    const pad = (s, w) => s + ' '.repeat(w - len(s));
    const rule = (l, m, r) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
    const line = (cells) => `│ ${cells.map((c, i) => pad(c, widths[i])).join(' │ ')} │`;
    return [rule('┌', '┬', '┐'), line(h), rule('├', '┼', '┤'), ...body.map(line), rule('└', '┴', '┘')].join('\n');
}
/** The three tables of the 2026 shape, titled as upstream's rich tables, with "No ... will be triggered" when empty. */
function textTables(m) {
    const block = (title, header, rows, empty) => `${title}\n${rows.length ? boxTable(header, rows) : `└ ${empty}`}`;
    return [
        block('Support chart upgrades', SUPPORT_HEADER, supportRows(m['support-jobs']), EMPTY.support),
        block('Staging hub upgrades', HUB_HEADER, hubRows(m['staging-jobs']), EMPTY.staging),
        block('Prod hub upgrades', HUB_HEADER, hubRows(m['prod-jobs']), EMPTY.prod),
    ].join('\n\n');
}

;// CONCATENATED MODULE: ./src/shared/plan/index.ts
/**
 * helm-upgrade-jobs: from the files a change added or modified (and the PR labels), decide which support charts and
 * hubs to upgrade, and render the GitHub Actions matrices, the PR comment and tables. `planDeployments` is the one
 * entry point the CLI and the action call; the pieces are exported for tests and other capabilities.
 */















/** Make the plan: check the inputs, read the clusters it needs, decide. */
async function planDeployments(req) {
    const changed = (0,inputs/* normaliseChangedPaths */.XV)(req.changed, req.source);
    const labels = [...(req.labels ?? [])];
    const chartsRel = (0,read/* chartsDirRel */.G3)(req.paths);
    const rules = req.rules ?? rules_defaultRules(chartsRel);
    const dirRel = (0,read/* clustersDirRel */.q8)(req.paths);
    const which = clustersToLoad(changed, labels, rules, dirRel);
    const { clusters, notClusters } = await (0,read/* loadClustersForPlan */.kA)(req.paths, which);
    const diffs = new Map();
    const readBase = req.readBase ?? (req.baseRef ? gitBaseReader(req.paths.configRoot, req.baseRef) : undefined);
    if (readBase) {
        for (const c of clusters) {
            const rel = `${dirRel ? dirRel + '/' : ''}${external_node_path_default().basename(c.dir)}/cluster.yaml`;
            if (!changed.includes(rel))
                continue;
            const d = await clusterYamlDiff(readBase, rel, c.spec);
            if (d)
                diffs.set(c.name, d);
        }
    }
    const plan = decidePlan({ changed, labels, rules, clusters, clusterYamlDiffs: diffs });
    const removedHubs = [...diffs].flatMap(([cluster, d]) => d.removed.map((hub) => ({ cluster, hub })));
    const warnings = [];
    for (const l of (0,inputs/* unknownDeployerLabels */.kM)(labels)) {
        warnings.push(`label ${(0,inputs/* quote */.hD)(l)} is not a deployer label (known: deployer:skip-deploy, deployer:skip-deploy-hubs, deployer:deploy-support, deployer:deploy-hubs); it has no effect`);
    }
    if (changed.length === 0)
        warnings.push('no changed files were given: the plan reflects the labels only');
    for (const dir of notClusters) {
        const files = changed.filter((f) => f.startsWith(dir + '/'));
        warnings.push(`${files.length === 1 ? `changed file ${(0,inputs/* quote */.hD)(files[0])} is` : `${files.length} changed files are`} under ${(0,inputs/* quote */.hD)(dir)}, which is not a cluster (it has no cluster.yaml): nothing is planned for ${files.length === 1 ? 'it' : 'them'}; check the directory name`);
    }
    for (const { cluster, hub } of removedHubs) {
        warnings.push(`hub ${(0,inputs/* quote */.hD)(hub)} was removed from the cluster.yaml of ${(0,inputs/* quote */.hD)(cluster)}: its release stays on the cluster until someone removes it (\`deployer use-cluster-credentials ${cluster} helm uninstall ${hub} --namespace ${hub}\`, then delete the namespace) once nothing needs it`);
    }
    warnings.push(...oversizeMatrices(plan.matrices));
    if (req.rules) {
        // custom rules that name nothing under the charts directory: a chart change would deploy nothing
        const probe = [`${chartsRel ? chartsRel + '/' : ''}basehub/Chart.yaml`, `${chartsRel ? chartsRel + '/' : ''}support/Chart.yaml`];
        if (!firstMatch(rules.allHubs, probe) && !firstMatch(rules.allSupport, probe)) {
            warnings.push(`the rules match nothing under the charts directory ${(0,inputs/* quote */.hD)(chartsRel || '.')}: a chart change redeploys nothing (check charts-dir and the rules' patterns)`);
        }
    }
    const notes = [];
    const t = plan.triggers;
    if (t.skipDeploy)
        notes.push('label deployer:skip-deploy: nothing is deployed');
    else {
        if (t.skipDeployHubs)
            notes.push('label deployer:skip-deploy-hubs: no hub is deployed');
        if (t.allHubs && !t.skipDeployHubs)
            notes.push(`every hub on every cluster is upgraded: ${t.allHubs.startsWith('label ') ? t.allHubs : `changed file ${(0,inputs/* quote */.hD)(t.allHubs)} matches the all-hubs rule`}`);
        if (t.allSupport)
            notes.push(`the support chart of every cluster is upgraded: ${t.allSupport.startsWith('label ') ? t.allSupport : `changed file ${(0,inputs/* quote */.hD)(t.allSupport)} matches the all-support rule`}`);
        for (const c of t.clusterYaml) {
            const d = diffs.get(c);
            if (!d || d.whole)
                notes.push(`cluster.yaml of ${(0,inputs/* quote */.hD)(c)} changed${d ? ' outside its hubs and support sections' : ''}: all its hubs and its support chart are upgraded`);
            else {
                const what = [...(d.hubs.size ? [`the hub(s) whose entry changed (${[...d.hubs].sort().join(', ')})`] : []), ...(d.support ? ['its support chart'] : [])];
                notes.push(`cluster.yaml of ${(0,inputs/* quote */.hD)(c)} changed: compared with the base, ${what.length ? `only ${what.join(' and ')} are upgraded` : 'nothing that deploys changed'}`);
            }
        }
    }
    notes.push(`${changed.length} changed file(s), ${clusters.length} cluster.yaml file(s) read`);
    return { ...plan, changed, clustersRead: clusters.length, warnings, notes, removedHubs };
}
/** Resolve the action's raw inputs into a plan request: changed files from the list or from git, labels, rules. */
async function planRequestFromInputs(raw) {
    if (raw.baseRef && raw.changedFiles.trim()) {
        throw new UsageError('set either changed-files or base-ref, not both', 'with base-ref the action asks git for the changed files itself');
    }
    const changed = raw.baseRef ? await changedFilesFromGit(raw.paths.configRoot, raw.baseRef, raw.headRef || 'HEAD') : splitChangedFiles(raw.changedFiles);
    let labels = [];
    let labelsSource = 'none';
    if (raw.labels.trim()) {
        labels = parseLabels(raw.labels, 'input `labels`');
        labelsSource = 'input labels';
    }
    else if ((raw.eventName === 'pull_request' || raw.eventName === 'pull_request_target') && raw.eventPath) {
        labels = labelsFromEventFile(raw.eventPath) ?? [];
        labelsSource = 'pull request event';
    }
    const defaults = defaultRules(chartsDirRel(raw.paths));
    let rules = defaults;
    const r = raw.rules.trim();
    if (r) {
        rules = r.includes('\n') || r.startsWith('{') ? parseRules(r, 'input `rules`', defaults) : await readRulesFile(rulesFileInside(raw.paths.configRoot, r), r, defaults);
    }
    return { paths: raw.paths, changed, labels, rules, source: raw.baseRef ? 'git diff' : 'input `changed-files`', labelsSource, baseRef: raw.baseRef || undefined };
}
/**
 * The `rules` input names a file inside config-root: an absolute path, a `..` escape or a symlink leading outside is
 * refused (the input must not read arbitrary files of the runner into a log).
 */
function rulesFileInside(configRoot, rel) {
    const root = path.resolve(configRoot);
    const abs = path.resolve(root, rel);
    const inside = (p, base) => p === base || p.startsWith(base + path.sep);
    const refuse = (why) => new UsageError(`input \`rules\`: the rules file ${why}`, 'give a path relative to config-root of a file inside the repository (or the rules document itself)');
    if (path.isAbsolute(rel) || !inside(abs, root))
        throw refuse('must be inside config-root');
    if (existsSync(abs) && !inside(realpathSync(abs), realpathSync(root)))
        throw refuse('is a symlink leading outside config-root');
    return abs;
}
/** Write the PR comment file whole (temp file + rename: never half-written). */
async function writeCommentFile(file, body) {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, file);
}


/***/ }),

/***/ 37120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XV: () => (/* binding */ normaliseChangedPaths),
/* harmony export */   Xy: () => (/* binding */ parseLabels),
/* harmony export */   _C: () => (/* binding */ splitChangedFiles),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   kM: () => (/* binding */ unknownDeployerLabels),
/* harmony export */   kg: () => (/* binding */ LABELS)
/* harmony export */ });
/* unused harmony exports KNOWN_LABELS, labelsFromEventPayload, labelsFromEventFile, changedFilesFromGit */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27564);
/**
 * The planner's inputs from the outside world: the changed-file list (text, or `git diff` between two refs), the PR
 * labels (JSON text, or a pull_request event payload). Everything is checked here, so the decision code only sees
 * clean relative POSIX paths and a list of label strings.
 */





const LABELS = {
    skipDeploy: 'deployer:skip-deploy',
    skipDeployHubs: 'deployer:skip-deploy-hubs',
    deploySupport: 'deployer:deploy-support',
    deployHubs: 'deployer:deploy-hubs',
};
const KNOWN_LABELS = Object.values(LABELS);
/** Show a user-supplied string safely in one line of a message (JSON quoting escapes newlines and controls). */
function quote(s) {
    return JSON.stringify(s);
}
/** Split a changed-files text on commas and newlines (upstream passes a comma-separated list); blanks are dropped. */
function splitChangedFiles(text) {
    return text
        .split(/[,\r\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/**
 * Check and normalise changed paths (relative to config-root): `./a//b` becomes `a/b`; an absolute path, a path with a
 * `..` segment, or one with a NUL byte is refused (the planner compares strings; such a path could never match, and
 * silently ignoring it could skip a deploy). Duplicates are dropped; the order of first appearance is kept.
 */
function normaliseChangedPaths(paths, source = 'changed files') {
    const seen = new Set();
    const out = [];
    for (const raw of paths) {
        if (raw.includes('\0'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${source}: path ${quote(raw)} contains a NUL byte`);
        if (raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${source}: path ${quote(raw)} is absolute`, 'changed paths are relative to the config root, e.g. config/clusters/c1/hub.values.yaml');
        }
        const segments = raw.split('/');
        if (segments.includes('..')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${source}: path ${quote(raw)} contains a \`..\` segment`, 'pass paths relative to the config root without `..` (as `git diff --name-only` prints them)');
        }
        const norm = segments.filter((s) => s !== '' && s !== '.').join('/');
        if (norm === '')
            continue; // "." or "./": names the root itself, matches nothing
        if (!seen.has(norm)) {
            seen.add(norm);
            out.push(norm);
        }
    }
    return out;
}
/**
 * Parse labels: a JSON list of strings. Anything else is a UsageError saying what was given. `source` names the flag
 * or input in messages.
 */
function parseLabels(text, source = '--labels') {
    if (text === undefined || text.trim() === '')
        return [];
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${source} is not valid JSON (${e.message})`, `pass a JSON list of label names, e.g. '["deployer:skip-deploy"]'`);
    }
    if (!Array.isArray(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${source} must be a JSON list of strings, but it is ${value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}`, `e.g. '["deployer:deploy-hubs"]'`);
    }
    value.forEach((v, i) => {
        if (typeof v !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${source} must be a JSON list of strings, but item ${i} is ${v === null ? 'null' : typeof v === 'object' ? 'an object or list' : `a ${typeof v}`}`, `e.g. '["deployer:deploy-hubs"]'`);
        }
    });
    return value;
}
/** Labels that look like deployer labels but are not known ones (probably typos: worth a warning). */
function unknownDeployerLabels(labels) {
    return labels.filter((l) => l.startsWith('deployer:') && !KNOWN_LABELS.includes(l));
}
/**
 * The PR labels of a pull_request / pull_request_target event payload (the file at GITHUB_EVENT_PATH), or undefined
 * when the payload has no pull request.
 */
function labelsFromEventPayload(payload) {
    const pr = payload?.pull_request;
    if (!pr || typeof pr !== 'object')
        return undefined;
    const labels = pr.labels;
    if (!Array.isArray(labels))
        return [];
    return labels.map((l) => (typeof l === 'string' ? l : l?.name)).filter((n) => typeof n === 'string');
}
/** Read the event payload file and return its PR labels (undefined when there is no pull request in it). */
function labelsFromEventFile(file) {
    let payload;
    try {
        payload = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (e) {
        throw new DeployerError(`cannot read the event payload (${e.message})`, { file });
    }
    return labelsFromEventPayload(payload);
}
/**
 * The files added or modified between two refs, relative to `configRoot` (which may be a subdirectory of the git
 * work tree): `git diff --name-only --no-renames --diff-filter=AMT -z base...head` (the new path of a renamed file
 * counts as added; deleted files are not deployed). NUL-separated output keeps any file name intact
 * (newlines, quotes, non-ASCII). Files outside config-root are left out.
 */
async function changedFilesFromGit(configRoot, baseRef, headRef) {
    for (const [name, ref] of [
        ['base-ref', baseRef],
        ['head-ref', headRef],
    ]) {
        if (!ref || ref.startsWith('-') || /[\s\0]/.test(ref) || ref.includes('..')) {
            throw new UsageError(`${name} ${quote(ref)} is not a usable git ref`, 'pass a branch, tag or commit SHA (e.g. github.event.pull_request.base.sha)');
        }
    }
    const git = toolPath('git');
    const top = await runTool(git, ['rev-parse', '--show-toplevel'], { cwd: configRoot, timeoutMs: 60_000 });
    const toplevel = top.stdout.trim();
    // --no-renames: a renamed file counts as deleted + added, so its new path is seen (upstream's paths-filter dropped
    // renames entirely); T: a file that became a symlink (or back) changed content.
    const r = await runTool(git, ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '--diff-filter=AMT', '-z', `${baseRef}...${headRef}`, '--'], {
        cwd: configRoot,
        timeoutMs: 120_000,
        allowFailure: true,
    });
    if (r.code !== 0) {
        throw new DeployerError(`git diff ${baseRef}...${headRef} failed: ${r.stderr.trim().split('\n')[0] || `exit code ${r.code}`}`, {
            hint: 'both refs must be in the clone: check out with `fetch-depth: 0` (actions/checkout) or fetch the base ref first',
        });
    }
    const rootRel = path.relative(realpathSync(toplevel), realpathSync(configRoot)).split(path.sep).join('/');
    const prefix = rootRel ? rootRel + '/' : '';
    return r.stdout
        .split('\0')
        .filter((f) => f !== '')
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length));
}


/***/ })

};
