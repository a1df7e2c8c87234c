export const id = 816;
export const ids = [816];
export const modules = {

/***/ 8816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planCommand: () => (/* binding */ planCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(4466);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(7564);
;// CONCATENATED MODULE: ./src/shared/plan/inputs.ts
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
function inputs_splitChangedFiles(text) {
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
            throw new errors/* UsageError */.eb(`${source}: path ${quote(raw)} contains a NUL byte`);
        if (raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw)) {
            throw new errors/* UsageError */.eb(`${source}: path ${quote(raw)} is absolute`, 'changed paths are relative to the config root, e.g. config/clusters/c1/hub.values.yaml');
        }
        const segments = raw.split('/');
        if (segments.includes('..')) {
            throw new errors/* UsageError */.eb(`${source}: path ${quote(raw)} contains a \`..\` segment`, 'pass paths relative to the config root without `..` (as `git diff --name-only` prints them)');
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
function inputs_parseLabels(text, source = '--labels') {
    if (text === undefined || text.trim() === '')
        return [];
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* UsageError */.eb(`${source} is not valid JSON (${e.message})`, `pass a JSON list of label names, e.g. '["deployer:skip-deploy"]'`);
    }
    if (!Array.isArray(value)) {
        throw new errors/* UsageError */.eb(`${source} must be a JSON list of strings, but it is ${value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}`, `e.g. '["deployer:deploy-hubs"]'`);
    }
    value.forEach((v, i) => {
        if (typeof v !== 'string') {
            throw new errors/* UsageError */.eb(`${source} must be a JSON list of strings, but item ${i} is ${v === null ? 'null' : typeof v === 'object' ? 'an object or list' : `a ${typeof v}`}`, `e.g. '["deployer:deploy-hubs"]'`);
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
function inputs_labelsFromEventFile(file) {
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
async function inputs_changedFilesFromGit(configRoot, baseRef, headRef) {
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

// EXTERNAL MODULE: ./src/shared/yaml/index.ts
var yaml = __webpack_require__(2981);
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
/**
 * Built-in defaults for the layout of DESIGN.md (`helm-charts/{basehub,daskhub,support}`). Any file of a hub chart
 * redeploys every hub (daskhub vendors basehub, so a basehub change reaches daskhub hubs too); any file of the support
 * chart redeploys every support chart. Excluded: the files that `helm dependency build` and validation generate
 * inside a chart (`charts/` archives, `values.schema.json`), which deploys regenerate anyway. The deployer's own code
 * is not in the infra repo (workflows pin the action version), so no code path is listed; cluster directories need no
 * rule: their values files are matched per hub and per cluster.
 */
const rules_DEFAULT_RULES = {
    allHubs: {
        include: ['helm-charts/basehub/*', 'helm-charts/daskhub/*', 'helm-charts/binderhub/*'],
        exclude: [
            'helm-charts/basehub/values.schema.json',
            'helm-charts/daskhub/values.schema.json',
            'helm-charts/binderhub/values.schema.json',
            'helm-charts/basehub/charts/*',
            'helm-charts/daskhub/charts/*',
            'helm-charts/binderhub/charts/*',
        ],
    },
    allSupport: {
        include: ['helm-charts/support/*'],
        exclude: ['helm-charts/support/values.schema.json', 'helm-charts/support/charts/*'],
    },
};
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
function rules_parseRules(text, file, defaults = rules_DEFAULT_RULES) {
    const y = (0,yaml/* parseYaml */.hN)(text, file);
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
            throw new errors/* DeployerError */.dg(`unknown key \`${key}\` in the rules file (allowed: ${Object.keys(RULE_KEYS).join(', ')})`, {
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
                throw new errors/* DeployerError */.dg(`unknown key \`${field}\` in \`${key}\` (allowed: ${RULE_FIELDS.join(', ')})`, {
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
/** Read a rules file (`display` is how messages name it). */
async function rules_readRulesFile(abs, display = abs) {
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
    return rules_parseRules(text, display);
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
/**
 * The deployment-plan decisions, as pure functions over strings and loaded clusters (no file system, no logging).
 * Each building block mirrors an upstream function (reference A.9 / B.3.2) so the upstream test cases map onto them;
 * `decidePlan` composes them. Our decisions (DESIGN.md section 4, src/shared/plan/README.md): a changed cluster.yaml
 * fires; rows are sorted by cluster then hub; file and hub lists inside reasons are sorted; both output shapes.
 */




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
    if (flags.labels.includes(LABELS.skipDeploy) || flags.labels.includes(LABELS.skipDeployHubs))
        return { staging: [], prod: [] };
    const dirRel = clusterDirRel(cluster);
    const jobs = [];
    for (const hub of cluster.hubs) {
        let reason;
        // computed for every hub, so a bad reference is reported whatever fired
        const files = changedValues(cluster, dirRel, hub.valuesFiles, ['hubs', hub.index, 'helm_chart_values_files'], changed);
        if (flags.allClusters)
            reason = flags.labels.includes(LABELS.deployHubs) ? REASONS.deployHubsLabel : REASONS.coreInfra;
        else if (flags.thisCluster)
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
    if (flags.labels.includes(LABELS.skipDeploy))
        return [];
    if (!hasSupport(cluster))
        return [];
    const dirRel = clusterDirRel(cluster);
    const files = changedValues(cluster, dirRel, cluster.support?.valuesFiles ?? [], ['support', 'helm_chart_values_files'], changed);
    let reason;
    if (flags.allClusters)
        reason = flags.labels.includes(LABELS.deploySupport) ? REASONS.deploySupportLabel : REASONS.supportChart;
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
    const skipDeploy = labels.includes(LABELS.skipDeploy);
    const skipDeployHubs = labels.includes(LABELS.skipDeployHubs);
    const allSupport = labels.includes(LABELS.deploySupport) ? `label ${LABELS.deploySupport}` : common.allSupport;
    const allHubs = labels.includes(LABELS.deployHubs) ? `label ${LABELS.deployHubs}` : common.allHubs;
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
        const hubs = generateHubJobs(cluster, changed, { thisCluster, allClusters: !!allHubs, labels });
        support.push(...generateSupportJobs(cluster, changed, { thisCluster, allClusters: !!allSupport, labels }));
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
    if (labels.includes(LABELS.skipDeploy))
        return new Set();
    const common = discoverModifiedCommonFiles(changed, rules);
    const hubsAll = !labels.includes(LABELS.skipDeployHubs) && (labels.includes(LABELS.deployHubs) || !!common.allHubs);
    const supportAll = labels.includes(LABELS.deploySupport) || !!common.allSupport;
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

// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(3422);
;// CONCATENATED MODULE: ./src/shared/plan/load.ts
/**
 * Loading clusters for the plan: fast and forgiving where it may be, strict where the plan depends on it.
 *
 * - Only the clusters the plan can touch are read (see `clustersToLoad`): a change inside one cluster's directory
 *   reads one cluster.yaml, not all of them.
 * - No JSON-schema check (ajv is not even loaded): the plan must not fail on an unrelated schema issue, which
 *   `validate` reports. The keys the plan itself reads are checked: a cluster.yaml that does not parse, `provider`
 *   that is not a string, `hubs` that is not a list of mappings with a string `name`, a values-file list that is not
 *   a list of strings, a duplicate hub name. Each is a located error naming the file: a plan that guessed would
 *   silently skip or add deploys.
 */





/** The clusters directory relative to config-root (POSIX). It must be inside config-root: changed paths are relative to it. */
function clustersDirRel(paths) {
    const rel = external_node_path_default().relative(paths.configRoot, paths.clustersDir);
    if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel)) {
        throw new errors/* UsageError */.eb(`the clusters directory ${paths.clustersDir} is outside the config root ${paths.configRoot}`, 'changed paths are relative to the config root, so the clusters directory must be inside it (set config-root to the repository root)');
    }
    return rel.split((external_node_path_default()).sep).join('/');
}
function fail(y, at, message, hint) {
    throw new errors/* DeployerError */.dg(message, { file: y.file, ...y.locate(at), hint: `${hint} (\`deployer validate cluster-config\` checks the whole file)` });
}
function kind(v) {
    if (v === null || v === undefined)
        return 'empty';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}
function checkFileList(y, v, at) {
    if (v === undefined || v === null)
        return;
    const where = at.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1);
    if (!Array.isArray(v))
        fail(y, at, `${where} must be a list of file names, but it is ${kind(v)}`, 'write one values file per list item');
    v.forEach((f, i) => {
        if (typeof f !== 'string' || f === '')
            fail(y, [...at, i], `${where}[${i}] must be a file name, but it is ${typeof f === 'string' ? 'empty' : kind(f)}`, 'write the file name as a string');
    });
}
/** Check the keys the planner reads. Throws a located DeployerError on the first problem. */
function checkPlanShape(y) {
    const doc = y.value;
    if (typeof doc.provider !== 'string' || doc.provider === '') {
        fail(y, doc.provider === undefined ? [] : ['provider'], doc.provider === undefined ? 'cluster.yaml has no `provider`' : `provider must be a string, but it is ${kind(doc.provider)}`, 'set `provider:` to gcp, aws, azure or kubeconfig');
    }
    if (doc.name !== undefined && typeof doc.name !== 'string')
        fail(y, ['name'], `name must be a string, but it is ${kind(doc.name)}`, 'set `name:` to the cluster name');
    if (doc.support !== undefined && doc.support !== null) {
        if (typeof doc.support !== 'object' || Array.isArray(doc.support))
            fail(y, ['support'], `support must be a mapping, but it is ${kind(doc.support)}`, 'write `support: {helm_chart_values_files: [...]}`');
        checkFileList(y, doc.support.helm_chart_values_files, ['support', 'helm_chart_values_files']);
    }
    if (doc.hubs === undefined || doc.hubs === null)
        return;
    if (!Array.isArray(doc.hubs))
        fail(y, ['hubs'], `hubs must be a list, but it is ${kind(doc.hubs)}`, 'write one `- name: ...` item per hub');
    const seen = new Map();
    doc.hubs.forEach((h, i) => {
        if (!h || typeof h !== 'object' || Array.isArray(h))
            fail(y, ['hubs', i], `hubs[${i}] must be a mapping, but it is ${kind(h)}`, 'each hub is a mapping with name, domain, helm_chart and helm_chart_values_files');
        const hub = h;
        if (typeof hub.name !== 'string' || hub.name === '') {
            fail(y, hub.name === undefined ? ['hubs', i] : ['hubs', i, 'name'], hub.name === undefined ? `hubs[${i}] has no \`name\`` : `hubs[${i}].name must be a string, but it is ${kind(hub.name)}`, 'give every hub a name');
        }
        const first = seen.get(hub.name);
        if (first !== undefined)
            fail(y, ['hubs', i, 'name'], `hub name \`${hub.name}\` is used twice (hubs[${first}] and hubs[${i}])`, 'hub names must be unique within a cluster');
        seen.set(hub.name, i);
        checkFileList(y, hub.helm_chart_values_files, ['hubs', i, 'helm_chart_values_files']);
    });
}
/** Load one cluster for planning (parse, check the keys the plan reads, no schema). */
async function loadPlanCluster(paths, name) {
    const y = await (0,repo/* readClusterYaml */.ev)(paths, name);
    checkPlanShape(y);
    return (0,repo/* clusterFromYaml */.AS)(paths, name, positionsOnDemand(y));
}
/**
 * The same YamlFile without its parsed document: positions are only needed for an error message, so the document
 * (the bulk of the memory of a plan over thousands of clusters) is dropped and re-parsed if ever asked for.
 */
function positionsOnDemand(y) {
    let full;
    const again = () => (full ??= (0,yaml/* parseYaml */.hN)(y.text, y.file));
    return {
        file: y.file,
        text: y.text,
        value: y.value,
        locate: (p) => again().locate(p),
        locateKey: (p) => again().locateKey(p),
    };
}
/** Load the clusters named by `which` ('all', or directory names; names that are not clusters are skipped). */
async function loadPlanClusters(paths, which) {
    // a wrong config-root must fail, not plan nothing
    if (!(0,external_node_fs_.existsSync)(paths.clustersDir))
        (0,repo/* listClusterNames */.je)(paths);
    if (which !== 'all' && which.size === 0)
        return [];
    const names = which === 'all'
        ? (0,repo/* listClusterNames */.je)(paths)
        : [...which].filter((n) => n !== 'templates' && (0,external_node_fs_.existsSync)(external_node_path_default().join(paths.clustersDir, n, repo/* CLUSTER_FILE */.ym))).sort();
    return Promise.all(names.map((n) => loadPlanCluster(paths, n)));
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
    const changed = normaliseChangedPaths(req.changed, req.source);
    const labels = [...(req.labels ?? [])];
    const rules = req.rules ?? rules_DEFAULT_RULES;
    const dirRel = clustersDirRel(req.paths);
    const which = clustersToLoad(changed, labels, rules, dirRel);
    const clusters = await loadPlanClusters(req.paths, which);
    const plan = decidePlan({ changed, labels, rules, clusters });
    const warnings = [];
    for (const l of unknownDeployerLabels(labels)) {
        warnings.push(`label ${quote(l)} is not a deployer label (known: deployer:skip-deploy, deployer:skip-deploy-hubs, deployer:deploy-support, deployer:deploy-hubs); it has no effect`);
    }
    if (changed.length === 0)
        warnings.push('no changed files were given: the plan reflects the labels only');
    warnings.push(...oversizeMatrices(plan.matrices));
    const notes = [];
    const t = plan.triggers;
    if (t.skipDeploy)
        notes.push('label deployer:skip-deploy: nothing is deployed');
    else {
        if (t.skipDeployHubs)
            notes.push('label deployer:skip-deploy-hubs: no hub is deployed');
        if (t.allHubs && !t.skipDeployHubs)
            notes.push(`every hub on every cluster is upgraded: ${t.allHubs.startsWith('label ') ? t.allHubs : `changed file ${quote(t.allHubs)} matches the all-hubs rule`}`);
        if (t.allSupport)
            notes.push(`the support chart of every cluster is upgraded: ${t.allSupport.startsWith('label ') ? t.allSupport : `changed file ${quote(t.allSupport)} matches the all-support rule`}`);
        for (const c of t.clusterYaml)
            notes.push(`cluster.yaml of ${quote(c)} changed: all its hubs and its support chart are upgraded`);
    }
    notes.push(`${changed.length} changed file(s), ${clusters.length} cluster.yaml file(s) read`);
    return { ...plan, changed, clustersRead: clusters.length, warnings, notes };
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
    let rules = DEFAULT_RULES;
    const r = raw.rules.trim();
    if (r) {
        rules = r.includes('\n') || r.startsWith('{') ? parseRules(r, 'input `rules`') : await readRulesFile(path.resolve(raw.paths.configRoot, r), r);
    }
    return { paths: raw.paths, changed, labels, rules, source: raw.baseRef ? 'git diff' : 'input `changed-files`', labelsSource };
}
/** Write the PR comment file whole (temp file + rename: never half-written). */
async function writeCommentFile(file, body) {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, file);
}

// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/cli/plan.ts
/**
 * `deployer generate helm-upgrade-jobs FILES [--labels JSON] [--rules FILE] [--json | --markdown]`: the deployment
 * plan for a list of changed files (relative to the config root). Tables (or JSON, or the PR comment) on stdout,
 * notes and warnings on stderr. `--trigger-paths` prints the workflow `on.paths` list the rules imply.
 */




async function planCommand(files, opts) {
    const flags = opts;
    const reporter = (0,common/* terminalReporter */.CO)(flags);
    const paths = (0,common/* pathsFrom */.lL)(flags);
    const rules = flags.rules ? await rules_readRulesFile(external_node_path_default().resolve(flags.rules), flags.rules) : rules_DEFAULT_RULES;
    if (flags.json && flags.markdown)
        throw new errors/* UsageError */.eb('--json and --markdown cannot be combined', 'choose one output format');
    if (flags.triggerPaths) {
        if (files !== undefined)
            throw new errors/* UsageError */.eb('--trigger-paths takes no FILES argument', 'run `deployer generate helm-upgrade-jobs --trigger-paths [--rules FILE]`');
        const list = triggerPaths(rules, clustersDirRel(paths));
        (0,common/* printResult */.RS)(flags.json ? JSON.stringify(list) : triggerPathsYaml(list));
        return 0;
    }
    if (files === undefined) {
        throw new errors/* UsageError */.eb('missing argument FILES', 'pass the changed files, comma- or newline-separated (an empty string "" for none), or use --trigger-paths');
    }
    const labels = inputs_parseLabels(flags.labels, '--labels');
    const result = await planDeployments({ paths, changed: inputs_splitChangedFiles(files), labels, rules, source: 'FILES' });
    for (const n of result.notes)
        reporter.info(n);
    for (const w of result.warnings)
        reporter.warn(w);
    if (flags.json) {
        (0,common/* printResult */.RS)(JSON.stringify(Object.fromEntries(decide_MATRIX_NAMES.map((n) => [n, result.matrices[n]])), null, 2));
    }
    else if (flags.markdown) {
        (0,common/* printResult */.RS)(commentBody(result.matrices));
    }
    else {
        (0,common/* printResult */.RS)(textTables(result.matrices));
    }
    return 0;
}


/***/ }),

/***/ 4466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fE: () => (/* binding */ formatCommand),
/* harmony export */   qI: () => (/* binding */ runTool),
/* harmony export */   v4: () => (/* binding */ ToolError),
/* harmony export */   wS: () => (/* binding */ toolStarts),
/* harmony export */   zk: () => (/* binding */ baseEnv)
/* harmony export */ });
/* unused harmony export runToolRaw */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8932);
/**
 * Run an external tool: argument array (never a shell string), a timeout, captured output, an environment built
 * for the call (never process.env mutated), registered secrets redacted from everything it returns or throws, and
 * an error that names the command.
 */




class ToolError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg {
    result;
    constructor(message, result, hint) {
        super(message, { hint });
        this.name = 'ToolError';
        this.result = result;
    }
}
/** Counts tool starts per tool name, for benchmarks ("helm processes started"). */
const toolStarts = new Map();
/** The environment a tool gets by default: the parent's, minus what must never leak between clusters. */
function baseEnv() {
    const env = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (k === 'KUBECONFIG' || k.startsWith('AWS_') || k === 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE' || k === 'GOOGLE_APPLICATION_CREDENTIALS')
            continue;
        env[k] = v;
    }
    return env;
}
/** A printable command line (arguments quoted where needed), redacted. */
function formatCommand(command, args) {
    const q = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)([node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(command), ...args].map(q).join(' '));
}
function tail(text, lines = 20) {
    const all = text.trimEnd().split('\n');
    return all.slice(-lines).join('\n');
}
async function runToolRaw(command, args, options = {}) {
    const started = Date.now();
    const env = { ...(options.env ?? baseEnv()), ...(options.extraEnv ?? {}) };
    const timeoutMs = options.timeoutMs ?? 10 * 60_000;
    const maxBuffer = options.maxBuffer ?? 16 * 1024 * 1024;
    const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(command);
    toolStarts.set(name, (toolStarts.get(name) ?? 0) + 1);
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
        let out = '';
        let err = '';
        let timedOut = false;
        let killTimer;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
            killTimer.unref();
        }, timeoutMs);
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stdout.on('data', (d) => {
            if (out.length < maxBuffer)
                out += d;
            options.onOutput?.((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(d), 'stdout');
        });
        child.stderr.on('data', (d) => {
            if (err.length < maxBuffer)
                err += d;
            options.onOutput?.((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(d), 'stderr');
        });
        child.on('error', (e) => {
            clearTimeout(timer);
            const result = { command, args, stdout: '', stderr: '', code: null, signal: null, durationMs: Date.now() - started, timedOut };
            if (e.code === 'ENOENT') {
                reject(new ToolError(`\`${name}\` was not found (tried to run ${formatCommand(command, args)})`, result, `install ${name} and make sure it is on PATH`));
            }
            else if (e.name === 'AbortError') {
                reject(new ToolError(`${formatCommand(command, args)} was cancelled`, result));
            }
            else {
                reject(new ToolError(`could not start ${formatCommand(command, args)}: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(e.message)}`, result));
            }
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            const result = {
                command,
                args,
                stdout: (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(out),
                stderr: (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(err),
                rawStdout: out,
                code,
                signal,
                durationMs: Date.now() - started,
                timedOut,
            };
            if (timedOut) {
                reject(new ToolError(`${formatCommand(command, args)} timed out after ${Math.round(timeoutMs / 1000)} s`, result, 'raise the timeout, or look at why the tool hangs'));
            }
            else if (code !== 0 && !options.allowFailure) {
                const detail = tail(result.stderr || result.stdout);
                reject(new ToolError(`${formatCommand(command, args)} failed with ${code === null ? `signal ${signal}` : `exit code ${code}`}${detail ? `:\n${detail}` : ''}`, result));
            }
            else
                resolve(result);
        });
        if (options.input !== undefined)
            child.stdin.end(options.input);
        else
            child.stdin.end();
    });
}
/** Run a tool; output and errors are redacted. Throws ToolError on failure unless `allowFailure`. */
async function runTool(command, args, options = {}) {
    const { rawStdout: _raw, ...result } = await runToolRaw(command, args, options);
    return result;
}


/***/ }),

/***/ 7564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ toolPath)
/* harmony export */ });
/* unused harmony export TOOL_HINTS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
/**
 * Where the external tools are. `DEPLOYER_<TOOL>` (e.g. DEPLOYER_HELM=/opt/helm4/helm) wins, then PATH.
 * A missing tool is a DeployerError naming the tool and how to get it.
 */



const TOOL_HINTS = {
    helm: 'install helm 3.x or 4.x (https://helm.sh/docs/intro/install/), or in Actions let the action install it',
    kubectl: 'install kubectl (https://kubernetes.io/docs/tasks/tools/)',
    sops: 'install sops 3.x (https://github.com/getsops/sops/releases)',
    jsonnet: 'install go-jsonnet (`apt-get install jsonnet` or https://github.com/google/go-jsonnet/releases)',
    gcloud: 'install the Google Cloud CLI with the gke-gcloud-auth-plugin component',
    aws: 'install the AWS CLI v2',
    az: 'install the Azure CLI',
    age: 'install age (`apt-get install age`)',
    git: 'install git',
};
function envName(tool) {
    return `DEPLOYER_${tool.toUpperCase()}`;
}
function executable(p) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(p, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Find a tool on PATH (or the override). Throws a DeployerError naming the tool when it is nowhere. */
function toolPath(tool, env = process.env) {
    const override = env[envName(tool)];
    if (override) {
        if (executable(override))
            return override;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`${envName(tool)} is set to ${override}, which is not an executable file`, { hint: TOOL_HINTS[tool] });
    }
    for (const dir of (env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter))) {
        if (!dir)
            continue;
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, tool);
        if (executable(candidate))
            return candidate;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`\`${tool}\` is not installed (not found on PATH)`, { hint: TOOL_HINTS[tool] });
}


/***/ })

};
