export const id = 775;
export const ids = [775,894,349,108];
export const modules = {

/***/ 2775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateCommand: () => (/* binding */ validateCommand)
});

;// CONCATENATED MODULE: ./src/shared/findings.ts
function sortFindings(findings) {
    return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
}
function countErrors(findings) {
    return findings.filter((f) => f.severity === 'error').length;
}
function formatFinding(f) {
    return `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message}${f.path ? ` (at ${f.path})` : ''}`;
}

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(4466);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(3422);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts
var yaml = __webpack_require__(2981);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(7564);
;// CONCATENATED MODULE: ./src/shared/helm/template.ts
/**
 * `helm template` through the exec runner. A render failure becomes a HelmTemplateError: a DeployerError located at
 * the chart template file and line helm names (mapped from the temporary chart copy back to the infra repo), with
 * helm's message cleaned of its noise ("Error: ", "Use --debug flag ...") and of temporary paths.
 */



class HelmTemplateError extends errors/* DeployerError */.dg {
    /** helm's message, cleaned (no `Error:` prefix, no temp paths). */
    detail;
    /** True when helm rejected the values against a chart's values schema (rather than a template failing). */
    schemaError;
    constructor(detail, location, schemaError) {
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
function cleanHelmError(stderr, chartDir) {
    let text = stderr
        .split('\n')
        .filter((l) => !/^Use --debug flag to render out invalid YAML/.test(l.trim()))
        .join('\n')
        .trim()
        .replace(/^Error: /, '');
    if (chartDir)
        text = text.split(chartDir).join('<chart>');
    // helm 4 splits `file:line:col\n  executing ...:\n    reason` over several lines: join them.
    return text.replace(/\n\s+/g, ' ').trim();
}
/**
 * Where a render error points: `basehub/templates/x.yaml:6:15` (template error; the innermost one of an include chain),
 * `(basehub/templates/x.yaml:3)` (parse error), `YAML parse error on basehub/templates/x.yaml` (no line: the fault is
 * in the rendered output).
 * Returns the file as it lives in the infra repo, when `sources` knows it.
 */
function locateRenderError(message, sources) {
    // An error inside an `include`d template names the including template first and the faulty one last: take the last.
    const all = [...message.matchAll(/([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+):(\d+)(?::(\d+))?/g)];
    const m = all.length ? all[all.length - 1] : /(?:YAML parse error on )([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/.exec(message);
    if (!m || !sources)
        return undefined;
    const file = templateSourceFile(m[1], sources);
    if (!file)
        return undefined;
    return { file, line: m[2] ? Number(m[2]) : 1, col: m[3] ? Number(m[3]) : 1, matched: m[1] };
}
const TEMPLATE_REF = /([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/g;
/** `daskhub/charts/basehub/templates/x.yaml` -> `helm-charts/basehub/templates/x.yaml` (undefined if not in the repo). */
function templateSourceFile(ref, sources) {
    const parts = ref.split('/');
    const t = parts.lastIndexOf('templates');
    // parts: top [charts sub]* templates rest...
    const chain = parts.slice(0, t);
    let dir = sources.top;
    if (chain.length > 1) {
        // top/charts/sub[/charts/sub2...]: only a direct local subchart maps back to the repo.
        const subs = chain.filter((_, i) => i > 0 && chain[i - 1] === 'charts');
        dir = subs.length === 1 ? sources.subcharts?.[subs[0]] : undefined;
    }
    return dir ? `${dir}/${parts.slice(t).join('/')}` : undefined;
}
/** Every template reference of a message named as it is in the infra repo, where it is there. */
function mapTemplateRefs(message, sources) {
    if (!sources)
        return message;
    return message.replace(TEMPLATE_REF, (ref) => templateSourceFile(ref, sources) ?? ref);
}
async function helmTemplate(options) {
    const helm = options.helm ?? (0,tools/* toolPath */.O)('helm', options.env ?? process.env);
    const args = ['template', options.release, options.chartDir, '--namespace', options.namespace];
    for (const f of options.valuesFiles)
        args.push(`--values=${f}`);
    for (const s of options.set ?? [])
        args.push(`--set=${s}`);
    if (options.skipSchemaValidation)
        args.push('--skip-schema-validation');
    args.push(...(options.extraArgs ?? []));
    try {
        const r = await (0,run/* runTool */.qI)(helm, args, { env: options.env, timeoutMs: options.timeoutMs ?? 2 * 60_000, maxBuffer: 64 * 1024 * 1024 });
        return { manifest: r.stdout, durationMs: r.durationMs };
    }
    catch (e) {
        if (e instanceof run/* ToolError */.v4 && !e.result.timedOut && e.result.code !== null) {
            const detail = cleanHelmError(e.result.stderr || e.result.stdout, options.chartDir);
            const schemaError = /don't meet the specifications of the schema/.test(detail);
            if (schemaError)
                throw new HelmTemplateError(e.result.stderr.trim().replace(/^Error: /, ''), {}, true);
            const found = locateRenderError(detail, options.sources);
            if (!found)
                throw new HelmTemplateError(detail, {}, false);
            // Name the template as it is in the infra repo (not `daskhub/charts/basehub/...` inside the packaged chart).
            const { matched: _m, ...location } = found;
            throw new HelmTemplateError(mapTemplateRefs(detail, options.sources), location, false);
        }
        throw e;
    }
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2019.js
var _2019 = __webpack_require__(878);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(2210);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/shared/helm/jsonnet.ts
var helm_jsonnet = __webpack_require__(2179);
;// CONCATENATED MODULE: ./src/shared/validate/jsonnet.ts
/**
 * Jsonnet values files (2026 upstream) in validation: rendered with go-jsonnet with exactly the arguments deploy uses
 * (`jsonnetArgs` of src/shared/helm/jsonnet.ts: `--ext-str VARS_2I2C_*` from the hub's context), so validation checks
 * the values helm will really get. Unlike deploy, an error here becomes a finding at the jsonnet file's line and column,
 * and the rendered value is kept for the schema and authenticator checks.
 */






function isJsonnetFile(p) {
    return p.endsWith('.jsonnet');
}
/** Where a go-jsonnet error points in `abs`: `STATIC ERROR: f.jsonnet:2:6: ...` or `\tf.jsonnet:4:6-18 ...`. */
function jsonnetErrorLocation(text, abs) {
    const base = external_node_path_default().basename(abs).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = new RegExp(`${base}:(\\d+):(\\d+)`).exec(text);
    const first = text.split('\n')[0].replace(new RegExp(`\\S*${base}:\\d+:\\d+(-\\d+)?:?\\s*`), '').trim();
    return { line: at ? Number(at[1]) : 1, col: at ? Number(at[2]) : 1, reason: first || 'jsonnet failed' };
}
/**
 * Render `abs` to `outFile` (JSON) and return the value. `display` names the file in errors. A jsonnet failure is a
 * DeployerError located at the jsonnet line.
 */
async function renderJsonnetValues(jsonnet, abs, display, vars, outFile, env) {
    try {
        await (0,run/* runTool */.qI)(jsonnet, (0,helm_jsonnet/* jsonnetArgs */.dx)(external_node_path_default().resolve(abs), vars, outFile), { env, timeoutMs: 60_000 });
    }
    catch (e) {
        if (e instanceof run/* ToolError */.v4 && e.result.code !== null && !e.result.timedOut) {
            const loc = jsonnetErrorLocation((e.result.stderr || e.result.stdout).trim(), abs);
            throw new errors/* DeployerError */.dg(`jsonnet could not render this values file: ${loc.reason}`, {
                file: display,
                line: loc.line,
                col: loc.col,
                hint: 'it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME, HUB_NAME, HUB_DOMAIN, PROVIDER and ACCOUNT_ID',
            });
        }
        throw e;
    }
    try {
        return JSON.parse(await (0,promises_.readFile)(outFile, 'utf8'));
    }
    catch {
        throw new errors/* DeployerError */.dg('jsonnet output is not JSON', { file: display, line: 1, col: 1 });
    }
}

;// CONCATENATED MODULE: ./src/shared/validate/values.ts
/**
 * Helm values as layers: each values file (chart defaults first, then the hub's files in order) parsed once per run
 * with positions, merged the way helm merges them (maps deep-merge, anything else is replaced by the later file, a
 * null deletes), and the question validation needs answered: which file set the value at this path, and where.
 */






function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Parse a YAML/JSON file once per run. */
function parsedFile(ctx, abs, display) {
    return ctx.memo(`yaml:${abs}`, () => (0,yaml/* readYamlFile */.kv)(abs, display));
}
function asMapping(y) {
    if (y.value === undefined || y.value === null)
        return {};
    if (!isPlainObject(y.value)) {
        throw new errors/* DeployerError */.dg(`a values file must be a mapping of keys to values, but this one is ${Array.isArray(y.value) ? 'a list' : `a ${typeof y.value}`}`, {
            file: y.file,
            ...y.locate([]),
        });
    }
    return y.value;
}
/** The chart's own values.yaml as the first layer (absent when the chart has none). */
async function chartDefaultsLayer(ctx, chartDir, display) {
    const abs = external_node_path_default().join(chartDir, 'values.yaml');
    if (!(0,external_node_fs_.existsSync)(abs))
        return undefined;
    const y = await parsedFile(ctx, abs, display);
    return { display, value: asMapping(y), yaml: y };
}
/**
 * Load one non-secret values file of a hub or the support chart. YAML and JSON are parsed with positions; `*.jsonnet`
 * is rendered with the hub's context (`vars`). Faults are located DeployerErrors.
 */
async function loadValuesLayer(ctx, vf, vars) {
    if (vf.secret)
        throw new Error(`internal: secret file ${vf.display} must not be loaded by validation`);
    if (isJsonnetFile(vf.abs)) {
        const key = `jsonnet:${vf.abs}:${JSON.stringify(vars)}`;
        return ctx.memo(key, async () => {
            const dir = await ctx.tmpDir();
            const out = external_node_path_default().join(dir, `${ctx.stats.renders + Math.random().toString(36).slice(2)}-${external_node_path_default().basename(vf.abs, '.jsonnet')}.json`);
            const value = await renderJsonnetValues(ctx.jsonnet(), vf.abs, vf.display, vars, out, ctx.options.env);
            if (!isPlainObject(value)) {
                throw new errors/* DeployerError */.dg('the jsonnet values file must evaluate to an object', { file: vf.display, line: 1, col: 1 });
            }
            return { display: vf.display, value, helmFile: out };
        });
    }
    const y = await parsedFile(ctx, vf.abs, vf.display);
    const value = asMapping(y);
    if ('sops' in value && isPlainObject(value.sops)) {
        throw new errors/* DeployerError */.dg('this file is sops-encrypted (it has a top-level `sops` key) but its name does not contain `secret`, so deploy would pass the encrypted text to helm', { file: vf.display, ...y.locateKey(['sops']), hint: `rename it so its basename contains "secret" (e.g. enc-${external_node_path_default().basename(vf.abs)}) and update cluster.yaml` });
    }
    return { display: vf.display, value, yaml: y, helmFile: vf.abs };
}
/** Merge values as helm does: maps deep-merge, other values are replaced, null deletes the key. */
function mergeValues(layers) {
    const merge = (base, over) => {
        if (isPlainObject(base) && isPlainObject(over)) {
            const out = { ...base };
            for (const [k, v] of Object.entries(over)) {
                if (v === null)
                    delete out[k];
                else
                    out[k] = merge(base[k], v);
            }
            return out;
        }
        return over === undefined ? base : over;
    };
    let acc = {};
    for (const l of layers)
        acc = merge(acc, l);
    return isPlainObject(acc) ? acc : {};
}
/** The value at `p` inside `v`, or undefined. */
function getPath(v, p) {
    let node = v;
    for (const seg of p) {
        if (Array.isArray(node) && typeof seg === 'number')
            node = node[seg];
        else if (isPlainObject(node) && Object.hasOwn(node, String(seg)))
            node = node[String(seg)];
        else
            return undefined;
    }
    return node;
}
/** Does `v` hold something at `p`? (null counts: it is set, to null.) */
function hasPath(v, p) {
    let node = v;
    for (const seg of p) {
        if (Array.isArray(node) && typeof seg === 'number' && seg < node.length)
            node = node[seg];
        else if (isPlainObject(node) && Object.hasOwn(node, String(seg)))
            node = node[String(seg)];
        else
            return false;
    }
    return true;
}
/**
 * Which layer the merged value at `p` comes from: the last layer that sets `p` (or that replaces an ancestor of `p`
 * with a non-mapping, e.g. a list); when no layer sets `p` itself (a missing required key, say), the last layer that
 * sets the deepest ancestor.
 */
function ownerOf(layers, p) {
    let best;
    for (const layer of layers) {
        let node = layer.value;
        let depth = 0;
        let replaces = false;
        for (const seg of p) {
            if (isPlainObject(node) && Object.hasOwn(node, String(seg)))
                node = node[String(seg)];
            else if (Array.isArray(node) && typeof seg === 'number' && seg < node.length) {
                // A list is never merged: the layer that holds it owns everything inside it.
                replaces = true;
                node = node[seg];
            }
            else
                break;
            depth++;
        }
        if (depth === 0 && p.length > 0)
            continue;
        // Stopped at a list or a scalar above the path: this layer replaced the subtree that holds the path.
        if (depth < p.length && !isPlainObject(node))
            replaces = true;
        if (depth === p.length || replaces)
            best = { layer, depth };
        else if (!best || depth >= best.depth)
            best = { layer, depth };
    }
    return best;
}
/** Where to point for the value at `p`, in the layer that set it. `atKey`: the key rather than the value. */
function locateInLayers(layers, p, atKey = false) {
    const owner = ownerOf(layers, p);
    if (!owner)
        return undefined;
    const { layer } = owner;
    if (!layer.yaml)
        return { file: layer.display, pos: { line: 1, col: 1 } };
    const m = layer.mount?.length ?? 0;
    const pos = atKey && owner.depth === p.length ? layer.yaml.locateKey(p.slice(m)) : layer.yaml.locate(p.slice(m, owner.depth));
    return { file: layer.display, pos };
}


;// CONCATENATED MODULE: ./src/shared/validate/chart-schema.ts
/**
 * A chart's `values.schema.yaml`, read from the infra repo, converted once and compiled once per run with ajv, and
 * applied to a hub's merged values. Every error becomes a Finding located in the values file that set the offending
 * key (the last file that sets it, as helm merges them), not in the merged document helm would complain about.
 *
 * Formats are not asserted (helm's own schema validation does not fail on them either); the draft is taken from
 * `$schema` (draft-07 by default, 2019-09 and 2020-12 supported).
 */









/** Compile `<chartDir>/values.schema.yaml` (or values.schema.json) once per run; undefined when the chart has none. */
function chartSchema(ctx, chartDir) {
    return ctx.memo(`chart-schema:${chartDir}`, async () => {
        let abs = external_node_path_default().join(chartDir, 'values.schema.yaml');
        if (!(0,external_node_fs_.existsSync)(abs))
            abs = external_node_path_default().join(chartDir, 'values.schema.json');
        if (!(0,external_node_fs_.existsSync)(abs))
            return undefined;
        const display = (0,repo/* displayPath */.Gt)(ctx.paths, abs);
        const y = await parsedFile(ctx, abs, display);
        if (typeof y.value !== 'object' || y.value === null || Array.isArray(y.value)) {
            throw new errors/* DeployerError */.dg('a values schema must be a mapping (a JSON schema object)', { file: display, line: 1, col: 1 });
        }
        const { $schema, ...schema } = y.value;
        const draft = String($schema ?? '');
        const opts = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true, validateFormats: false, validateSchema: false };
        const ajv = draft.includes('2020-12') ? new _2020.Ajv2020(opts) : draft.includes('2019-09') ? new _2019.Ajv2019(opts) : new dist_ajv.Ajv(opts);
        try {
            return { display, validate: ajv.compile(schema) };
        }
        catch (e) {
            throw new errors/* DeployerError */.dg(`the chart's values schema cannot be compiled: ${e.message}`, {
                file: display,
                line: 1,
                col: 1,
                hint: 'fix the JSON schema in this file',
            });
        }
    });
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    const s = JSON.stringify(v) ?? String(v);
    return `a ${typeof v} (${s.length > 60 ? s.slice(0, 57) + '...' : s})`;
}
function dotted(p) {
    return p.length ? p.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${s}`)).join('') : 'the top level';
}
/**
 * Validate `merged` (the values as helm will see them for this chart, already stripped of `prefix`) and locate each
 * error in `layers`, whose values hold this chart's section under `prefix` (e.g. ['basehub'] for daskhub's subchart).
 */
function checkValuesSchema(schema, merged, layers, prefix, chartLabel) {
    if (schema.validate(merged))
        return [];
    const errors = schema.validate.errors ?? [];
    const summarised = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
    const out = [];
    const seen = new Set();
    for (const e of errors) {
        if (e.keyword === 'if')
            continue;
        if (summarised.has(e.instancePath) && e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && /\/(oneOf|anyOf)\//.test(e.schemaPath))
            continue;
        const f = toFinding(e, schema, layers, prefix, chartLabel);
        const k = `${f.file}:${f.line}:${f.col}:${f.message}`;
        if (seen.has(k))
            continue;
        seen.add(k);
        out.push(f);
    }
    return out;
}
function toFinding(e, schema, layers, prefix, chartLabel) {
    const rel = (0,yaml/* pointerToPath */.ox)(e.instancePath);
    const p = e.params;
    const shown = [...prefix, ...rel];
    const where = `\`${dotted(shown)}\``;
    let target = rel;
    let atKey = false;
    let message;
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(p.additionalProperty);
            target = [...rel, key];
            atKey = true;
            const allowed = Object.keys((e.parentSchema ?? {}).properties ?? {});
            message = `unknown key \`${key}\` in ${shown.length ? where : 'the top level'}: the ${chartLabel} chart's schema does not allow it${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`;
            break;
        }
        case 'required':
            message = `missing required key \`${String(p.missingProperty)}\` in ${shown.length ? where : 'the top level'}`;
            break;
        case 'type':
            message = `${where} must be ${String(p.type).replace(/,/g, ' or ')}, but it is ${describe(e.data)}`;
            break;
        case 'enum':
            message = `${where} is ${JSON.stringify(e.data)}, which is not one of: ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
            break;
        case 'const':
            message = `${where} must be ${JSON.stringify(p.allowedValue)}, but it is ${describe(e.data)}`;
            break;
        case 'pattern':
            message = `${where} is ${JSON.stringify(e.data)}, which does not match the pattern ${String(p.pattern)}`;
            break;
        case 'oneOf':
        case 'anyOf':
            message = `${where} is ${describe(e.data)}, which matches none of the forms the schema allows here`;
            break;
        default:
            message = `${where} ${e.message ?? 'is invalid'}`;
    }
    const fullTarget = [...prefix, ...target];
    const loc = locateInLayers(layers, fullTarget, atKey) ?? { file: schema.display, pos: { line: 1, col: 1 } };
    return { file: loc.file, line: loc.pos.line, col: loc.pos.col, path: (0,yaml/* pathToPointer */.Qb)(fullTarget), message, severity: 'error' };
}

// EXTERNAL MODULE: ./src/shared/repo/schema.ts + 1 modules
var schema = __webpack_require__(9894);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/shared/helm/charts.ts
var charts = __webpack_require__(5349);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(1827);
;// CONCATENATED MODULE: ./src/shared/validate/context.ts
/**
 * What one validation run shares between its checks: the repo paths, the reporter, caches (parsed files, compiled
 * chart schemas), the chart workspace (created on first render, disposed at the end) and the render pool bounded by
 * the CPU count.
 */







/** A limiter: at most `n` tasks run at once, in submission order. */
function limiter(n) {
    let active = 0;
    const queue = [];
    const next = () => {
        if (active >= n)
            return;
        const run = queue.shift();
        if (run) {
            active++;
            run();
        }
    };
    return (fn) => new Promise((resolve, reject) => {
        queue.push(() => {
            fn()
                .then(resolve, reject)
                .finally(() => {
                active--;
                next();
            });
        });
        next();
    });
}
function context_createValidationContext(paths, options = {}) {
    const memo = new Map();
    let ws;
    let helmBin;
    let jsonnetBin;
    let tmp;
    const env = options.env ?? process.env;
    const concurrency = Math.max(1, options.concurrency ?? external_node_os_default().availableParallelism());
    const stats = { clusters: 0, hubs: 0, renders: 0, dependencyBuilds: 0 };
    const ctx = {
        paths,
        reporter: options.reporter ?? log/* silentReporter */.P$,
        options,
        render: options.render !== false,
        stats,
        memo(key, make) {
            let p = memo.get(key);
            if (!p) {
                p = make();
                memo.set(key, p);
            }
            return p;
        },
        workspace() {
            ws ??= (0,charts.createChartWorkspace)(paths, { helm: ctx.helm(), reporter: ctx.reporter, env: options.env });
            return ws;
        },
        limit: limiter(concurrency),
        renderFailures: new Map(),
        helm: () => (helmBin ??= options.helm ?? (0,tools/* toolPath */.O)('helm', env)),
        jsonnet: () => (jsonnetBin ??= options.jsonnet ?? (0,tools/* toolPath */.O)('jsonnet', env)),
        tmpDir() {
            tmp ??= (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'deployer-validate-')).then(async (d) => {
                await (0,promises_.chmod)(d, 0o700);
                return d;
            });
            return tmp;
        },
        async dispose() {
            if (tmp) {
                const d = await tmp.catch(() => undefined);
                if (d)
                    await (0,promises_.rm)(d, { recursive: true, force: true });
            }
            if (!ws)
                return;
            const w = await ws.catch(() => undefined);
            if (w) {
                stats.dependencyBuilds = w.dependencyBuilds;
                await w.dispose();
            }
        },
    };
    return ctx;
}
/** A finding. */
function finding(file, pos, path, message, severity = 'error') {
    return { file, line: pos.line, col: pos.col, path, message, severity };
}
/** A located DeployerError as a finding; `fallback` locates errors that carry no file. Anything else is rethrown. */
function errorToFinding(e, fallback, withHint = false) {
    if (e instanceof errors/* DeployerError */.dg && (e.file || fallback)) {
        const file = e.file ?? fallback.file;
        const message = withHint && e.hint ? `${e.message}; ${e.hint}` : e.message;
        return {
            file,
            line: e.file ? (e.line ?? 1) : fallback.line,
            col: e.file ? (e.col ?? 1) : fallback.col,
            path: e.file ? '' : (fallback.path ?? ''),
            message,
            severity: 'error',
        };
    }
    throw e;
}
/** Drop exact duplicates (the same fault found by two checks of `all`). */
function dedupeFindings(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const k = `${f.file}\0${f.line}\0${f.col}\0${f.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
/** One finding per broken template location, naming every release that failed on it. */
function renderFailureFindings(ctx) {
    return [...ctx.renderFailures.values()].map((r) => {
        const releases = [...r.releases].sort();
        const shown = releases.length > 5 ? `${releases.slice(0, 5).join(', ')} and ${releases.length - 5} more` : releases.join(', ');
        const what = releases.length === 1 ? shown : `${releases.length} releases (${shown})`;
        const consequence = r.afterValuesErrors ? ' (this may follow from the values errors reported for it)' : '';
        return { file: r.file, line: r.line, col: r.col, path: '', message: `cannot render ${what}: ${r.detail}${consequence}`, severity: 'error' };
    });
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/shared/validate/secrets.ts
/**
 * The read-only leak check of validation: a file whose basename contains `secret` must be sops-encrypted, i.e. carry
 * sops metadata (a top-level `sops` key in YAML/JSON, `sops_*` entries in dotenv, a `[sops]` section in INI). Nothing
 * is decrypted and no content is ever quoted in a message.
 */



const LEAK_HINT = 'encrypt it (`sops --encrypt --in-place <file>`) before committing; if a plaintext version was ever pushed, treat every credential in it as leaked and rotate it';
function leak(display, what) {
    return {
        file: display,
        line: 1,
        col: 1,
        path: '',
        message: `plaintext secret: ${display} is named as a secret (its name contains "secret") but ${what}, so it is not sops-encrypted; ${LEAK_HINT}`,
        severity: 'error',
    };
}
/** Check one secret-named file. Undefined when it is sops-encrypted. */
async function checkSecretFile(abs, display) {
    let text;
    try {
        text = await (0,promises_.readFile)(abs, 'utf8');
    }
    catch (e) {
        return { file: display, line: 1, col: 1, path: '', message: `cannot read secret file: ${e.code ?? String(e)}`, severity: 'error' };
    }
    const ext = external_node_path_default().extname(abs).toLowerCase();
    if (ext === '.env')
        return /^sops_version=/m.test(text) && /^sops_mac=/m.test(text) ? undefined : leak(display, 'it has no sops_version/sops_mac entries');
    if (ext === '.ini')
        return /^\[sops\]\s*$/m.test(text) ? undefined : leak(display, 'it has no [sops] section');
    let value;
    try {
        value = ext === '.json' ? JSON.parse(text) : (0,dist.parse)(text, { uniqueKeys: false, prettyErrors: false });
    }
    catch {
        // sops binary format is JSON; anything unparsable cannot be sops output.
        return leak(display, 'it cannot be parsed as YAML or JSON (sops output always can)');
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'sops' in value) {
        const sops = value.sops;
        if (typeof sops === 'object' && sops !== null)
            return undefined;
    }
    return leak(display, 'it has no top-level `sops` key');
}
/** Every secret-named file under `dir` (recursively; dot-directories skipped), sorted. */
async function secretFilesUnder(dir) {
    const out = [];
    const walk = async (d) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(d, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries) {
            if (e.name.startsWith('.'))
                continue;
            const p = external_node_path_default().join(d, e.name);
            if (e.isDirectory())
                await walk(p);
            else if (e.isFile() && e.name.includes('secret'))
                out.push(p);
        }
    };
    await walk(dir);
    return out.sort();
}

;// CONCATENATED MODULE: ./src/shared/validate/cluster.ts
/**
 * validate cluster-config: the cluster.yaml schema (every hub), then the cross-checks the schema cannot express:
 * hub names unique, every referenced values/credentials/override file exists and stays inside the cluster directory,
 * the hub's chart exists, the directory name matches `name` (warning), and every secret-named file of the cluster is
 * sops-encrypted (a plaintext secret may already have leaked into git).
 */







/** The same words from cluster-config and hub-config, so `all` reports a missing file once. */
function missingFileMessage(kind, ref, owner, display) {
    return `${kind} \`${ref}\` of ${owner} does not exist (looked for ${display})`;
}
const SUPPORT_LABEL = 'the support chart';
function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * Parse cluster.yaml and check the schema, once per run. An unparsable file is a finding; an unknown cluster (no
 * directory, no cluster.yaml) is thrown (it is a usage error, not a fault in the repo).
 */
function loadClusterForValidation(ctx, name) {
    return ctx.memo(`cluster:${name}`, async () => {
        let y;
        try {
            y = await (0,repo/* readClusterYaml */.ev)(ctx.paths, name);
        }
        catch (e) {
            if (e instanceof errors/* DeployerError */.dg && e.file)
                return { name, findings: [errorToFinding(e)] };
            throw e;
        }
        const findings = (0,schema.checkClusterSchema)(y);
        const cluster = (0,repo/* clusterFromYaml */.AS)(ctx.paths, name, y);
        // Keep only hubs well-formed enough to check further; the schema findings already name the others.
        const rawHubs = Array.isArray(y.value.hubs) ? y.value.hubs : [];
        cluster.hubs = cluster.hubs.filter((h) => {
            const raw = rawHubs[h.index];
            return (isObj(raw) &&
                typeof raw.name === 'string' &&
                typeof raw.helm_chart === 'string' &&
                Array.isArray(raw.helm_chart_values_files) &&
                raw.helm_chart_values_files.every((f) => typeof f === 'string'));
        });
        const support = y.value.support;
        if (cluster.support && !(isObj(support) && Array.isArray(support.helm_chart_values_files) && support.helm_chart_values_files.every((f) => typeof f === 'string'))) {
            cluster.support = { valuesFiles: [] };
        }
        return { name, yaml: y, cluster, findings };
    });
}
/** Every file cluster.yaml refers to, with where it is referred to. */
function referencedFiles(cluster) {
    const spec = cluster.spec;
    const refs = [];
    const add = (ref, pointer, kind, owner) => refs.push({ ref, pointer, kind, owner, resolve: () => (0,repo/* resolveInCluster */.aj)(cluster, ref, pointer) });
    const str = (v) => typeof v === 'string' && v.length > 0;
    for (const provider of ['gcp', 'aws', 'azure']) {
        const block = spec[provider];
        if (isObj(block) && str(block.key))
            add(block.key, [provider, 'key'], `${provider} credentials file`, 'the cluster');
    }
    if (isObj(spec.kubeconfig) && str(spec.kubeconfig.file))
        add(spec.kubeconfig.file, ['kubeconfig', 'file'], 'kubeconfig file', 'the cluster');
    (cluster.support?.valuesFiles ?? []).forEach((ref, i) => {
        if (str(ref))
            add(ref, ['support', 'helm_chart_values_files', i], 'values file', SUPPORT_LABEL);
    });
    for (const hub of cluster.hubs) {
        hub.valuesFiles.forEach((ref, i) => {
            if (str(ref))
                add(ref, ['hubs', hub.index, 'helm_chart_values_files', i], 'values file', `hub ${hub.name}`);
        });
        if (str(hub.domainOverrideFile))
            add(hub.domainOverrideFile, ['hubs', hub.index, 'domain_override_file'], 'domain override file', `hub ${hub.name}`);
        if (str(hub.chartOverride)) {
            // chart_override: a path with `/` is relative to config-root, else to the cluster directory.
            refs.push({ ref: hub.chartOverride, pointer: ['hubs', hub.index, 'chart_override'], kind: 'chart override', owner: `hub ${hub.name}`, resolve: () => (0,repo/* chartOverridePath */.cV)(cluster, hub) });
        }
    }
    return refs;
}
function at(cluster, pointer, message, severity = 'error', key = false) {
    const pos = key ? cluster.yaml.locateKey(pointer) : cluster.yaml.locate(pointer);
    return { file: cluster.displayFile, line: pos.line, col: pos.col, path: (0,yaml/* pathToPointer */.Qb)(pointer), message, severity };
}
/** The cross-checks on a parsed cluster. */
async function clusterCrossChecks(ctx, cluster) {
    const out = [];
    const dirName = external_node_path_default().basename(cluster.dir);
    const name = cluster.spec.name;
    if (typeof name === 'string' && name !== dirName) {
        out.push(at(cluster, ['name'], `cluster name \`${name}\` does not match its directory \`${dirName}\` (commands address the cluster by directory name)`, 'warning'));
    }
    // Hub names are namespaces and release names: unique per cluster.
    const raw = Array.isArray(cluster.spec.hubs) ? cluster.spec.hubs : [];
    const firstSeen = new Map();
    raw.forEach((h, i) => {
        if (!isObj(h) || typeof h.name !== 'string')
            return;
        const first = firstSeen.get(h.name);
        if (first === undefined)
            firstSeen.set(h.name, i);
        else {
            const line = cluster.yaml.locate(['hubs', first, 'name']).line;
            out.push(at(cluster, ['hubs', i, 'name'], `duplicate hub name \`${h.name}\`: hubs[${first}] (line ${line}) already uses it; hub names must be unique, they are the namespace and helm release of the hub`));
        }
    });
    // Referenced files: inside the cluster directory (config root for a chart_override path with `/`), and existing.
    const checkedSecrets = new Set();
    for (const r of referencedFiles(cluster)) {
        let abs;
        try {
            abs = r.resolve();
        }
        catch (e) {
            out.push({ ...errorToFinding(e), path: (0,yaml/* pathToPointer */.Qb)(r.pointer) });
            continue;
        }
        if (!(0,repo/* isFile */.fo)(abs)) {
            out.push(at(cluster, r.pointer, missingFileMessage(r.kind, r.ref, r.owner, (0,repo/* displayPath */.Gt)(ctx.paths, abs))));
            continue;
        }
        if ((0,repo/* isSecretFile */.D0)(abs) && !abs.startsWith(cluster.dir + (external_node_path_default()).sep)) {
            checkedSecrets.add(abs);
            const f = await checkSecretFile(abs, (0,repo/* displayPath */.Gt)(ctx.paths, abs));
            if (f)
                out.push(f);
        }
    }
    // Charts of the hubs exist.
    for (const hub of cluster.hubs) {
        if (!['basehub', 'daskhub', 'binderhub'].includes(hub.helmChart))
            continue; // the schema already reports it
        if (!(0,repo/* isFile */.fo)(external_node_path_default().join(ctx.paths.chartsDir, hub.helmChart, 'Chart.yaml'))) {
            out.push(at(cluster, ['hubs', hub.index, 'helm_chart'], `chart \`${hub.helmChart}\` of hub ${hub.name} not found: ${(0,repo/* displayPath */.Gt)(ctx.paths, external_node_path_default().join(ctx.paths.chartsDir, hub.helmChart))}/Chart.yaml does not exist`));
        }
    }
    // Every secret-named file of the cluster, referenced or not, must be encrypted.
    for (const abs of await secretFilesUnder(cluster.dir)) {
        if (checkedSecrets.has(abs))
            continue;
        const f = await checkSecretFile(abs, (0,repo/* displayPath */.Gt)(ctx.paths, abs));
        if (f)
            out.push(f);
    }
    return out;
}
/** cluster-config for one cluster, within a run. */
async function clusterConfigFindings(ctx, name) {
    const loaded = await loadClusterForValidation(ctx, name);
    if (!loaded.cluster)
        return loaded.findings;
    return [...loaded.findings, ...(await clusterCrossChecks(ctx, loaded.cluster))];
}
/** Findings for one cluster's cluster.yaml (schema and cross-checks), as a standalone call. */
async function validateClusterConfig(paths, clusterName) {
    const ctx = createValidationContext(paths, { render: false });
    try {
        return await clusterConfigFindings(ctx, clusterName);
    }
    finally {
        await ctx.dispose();
    }
}

;// CONCATENATED MODULE: ./src/shared/validate/chart-values.ts
/**
 * The part hub-config and support-config share: take a chart and the non-secret values files a release gets, check the
 * merged values against the chart's values schema (and the schemas of its local subcharts, e.g. basehub inside
 * daskhub) with every error located in the values file that set it, then render the chart with `helm template` (in
 * the shared chart workspace, bounded by the CPU count) to catch what only rendering shows.
 */











/** Chart.yaml of a repo chart: its name and its file:// dependencies inside the charts directory. */
function chartMeta(ctx, chart) {
    return ctx.memo(`chart-meta:${chart}`, async () => {
        const dir = external_node_path_default().join(ctx.paths.chartsDir, chart);
        const display = (0,repo/* displayPath */.Gt)(ctx.paths, dir);
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(dir, 'Chart.yaml'))) {
            throw new errors/* DeployerError */.dg(`chart \`${chart}\` not found: ${display}/Chart.yaml does not exist`, { hint: 'check --charts-dir (charts-dir input)' });
        }
        const y = await parsedFile(ctx, external_node_path_default().join(dir, 'Chart.yaml'), `${display}/Chart.yaml`);
        const v = (isPlainObject(y.value) ? y.value : {});
        const subcharts = [];
        for (const d of Array.isArray(v.dependencies) ? v.dependencies : []) {
            if (!isPlainObject(d) || typeof d.repository !== 'string' || !d.repository.startsWith('file://'))
                continue;
            const depDir = external_node_path_default().resolve(dir, d.repository.slice('file://'.length));
            if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(depDir, 'Chart.yaml')))
                continue;
            subcharts.push({ key: String(d.alias ?? d.name ?? external_node_path_default().basename(depDir)), dir: depDir });
        }
        return { name: typeof v.name === 'string' ? v.name : chart, dir, display, subcharts };
    });
}
/** `a.b.c=v` as a nested object (helm's --set, simple keys only: enough for the dummy token). */
function setToValues(set) {
    const out = {};
    for (const s of set) {
        const eq = s.indexOf('=');
        const keys = s.slice(0, eq).split('.');
        let node = out;
        keys.forEach((k, i) => {
            if (i === keys.length - 1)
                node[k] = s.slice(eq + 1);
            else
                node = (node[k] = isPlainObject(node[k]) ? node[k] : {});
        });
    }
    return out;
}
/**
 * The values layers of a release, lowest first, as helm coalesces them: the defaults of local subcharts (mounted under
 * their key), the chart's values.yaml, the chart's values.jsonnet (2026), then the release's non-secret files.
 */
async function releaseLayers(ctx, spec) {
    const findings = [];
    const layers = [];
    const fallback = { file: spec.cluster.displayFile, ...spec.cluster.yaml.locate(spec.pointer), path: (0,yaml/* pathToPointer */.Qb)(spec.pointer) };
    try {
        const meta = await chartMeta(ctx, spec.chart);
        for (const sub of meta.subcharts) {
            const d = await chartDefaultsLayer(ctx, sub.dir, `${(0,repo/* displayPath */.Gt)(ctx.paths, sub.dir)}/values.yaml`);
            if (d)
                layers.push({ ...d, mount: [sub.key], value: { [sub.key]: d.value } });
        }
        const defaults = await chartDefaultsLayer(ctx, meta.dir, `${meta.display}/values.yaml`);
        if (defaults)
            layers.push(defaults);
        const chartJsonnet = external_node_path_default().join(meta.dir, 'values.jsonnet');
        if ((0,external_node_fs_.existsSync)(chartJsonnet)) {
            layers.push(await loadValuesLayer(ctx, { ref: 'values.jsonnet', abs: chartJsonnet, display: `${meta.display}/values.jsonnet`, secret: false, pointer: spec.pointer }, spec.vars));
        }
    }
    catch (e) {
        findings.push(errorToFinding(e, fallback));
        return { layers, findings };
    }
    const loaded = await Promise.all(spec.valuesFiles
        .filter((vf) => !vf.secret)
        .map(async (vf) => {
        try {
            if (!(0,external_node_fs_.existsSync)(vf.abs)) {
                const pos = spec.cluster.yaml.locate(vf.pointer);
                throw new errors/* DeployerError */.dg(missingFileMessage('values file', vf.ref, spec.label, vf.display), { file: spec.cluster.displayFile, ...pos });
            }
            return await loadValuesLayer(ctx, vf, spec.vars);
        }
        catch (e) {
            const f = errorToFinding(e, fallback);
            if (f.file === spec.cluster.displayFile)
                f.path = (0,yaml/* pathToPointer */.Qb)(vf.pointer);
            findings.push(f);
            return undefined;
        }
    }));
    for (const l of loaded)
        if (l)
            layers.push(l);
    return { layers, findings };
}
/** Parse helm's own schema error list into findings located in the values files. */
function helmSchemaFindings(detail, meta, layers, spec, fallback) {
    const out = [];
    let chartPrefix = [];
    let chartName = meta.name;
    for (const line of detail.split('\n')) {
        const header = /^([\w.-]+):\s*$/.exec(line.trim());
        if (header) {
            chartName = header[1];
            chartPrefix = chartName === meta.name ? [] : [chartName];
            continue;
        }
        const item = /^- (?:at '([^']*)'|([^:]+)): (.*)$/.exec(line.trim());
        if (!item)
            continue;
        const rel = item[1] !== undefined ? (0,yaml/* pointerToPath */.ox)(item[1]) : item[2] === '(root)' ? [] : item[2].split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        const full = [...chartPrefix, ...rel];
        const loc = locateInLayers(layers, full);
        out.push({
            file: loc?.file ?? fallback.file,
            line: loc?.pos.line ?? fallback.line,
            col: loc?.pos.col ?? fallback.col,
            path: (0,yaml/* pathToPointer */.Qb)(full),
            message: `the ${chartName} chart's values schema rejects ${full.length ? `\`${full.join('.')}\`` : 'the values'} of ${spec.label}: ${item[3]}`,
            severity: 'error',
        });
    }
    return out.length ? out : [{ ...fallback, message: `helm rejected the values of ${spec.label}: ${detail}` }];
}
/** Schema check plus render for one release. */
async function checkChartValues(ctx, spec) {
    const { layers, findings } = await releaseLayers(ctx, spec);
    if (findings.length)
        return findings; // a file is missing or unreadable: nothing more can be said reliably
    const fallback = {
        file: spec.cluster.displayFile,
        ...spec.cluster.yaml.locate(spec.pointer),
        path: (0,yaml/* pathToPointer */.Qb)(spec.pointer),
        message: '',
        severity: 'error',
    };
    let meta;
    try {
        meta = await chartMeta(ctx, spec.chart);
    }
    catch (e) {
        return [errorToFinding(e, fallback)];
    }
    // 1. The values schemas, errors located in the values files.
    const merged = mergeValues([...layers.map((l) => l.value), setToValues(spec.set)]);
    const schemaFindings = [];
    try {
        const top = await chartSchema(ctx, meta.dir);
        if (top)
            schemaFindings.push(...checkValuesSchema(top, merged, layers, [], spec.chart));
        for (const sub of meta.subcharts) {
            const schema = await chartSchema(ctx, sub.dir);
            if (!schema)
                continue;
            // helm hands a subchart its section plus `global` (the parent's, merged over the subchart's own).
            const section = isPlainObject(merged[sub.key]) ? merged[sub.key] : {};
            const global = mergeValues([isPlainObject(section.global) ? section.global : {}, isPlainObject(merged.global) ? merged.global : {}]);
            schemaFindings.push(...checkValuesSchema(schema, { ...section, global }, layers, [sub.key], external_node_path_default().basename(sub.dir)));
        }
    }
    catch (e) {
        schemaFindings.push(errorToFinding(e, fallback));
    }
    if (!ctx.render)
        return schemaFindings;
    // 2. helm template, in the shared workspace, bounded by the CPU count.
    const out = [...schemaFindings];
    const sources = {
        top: meta.display,
        subcharts: Object.fromEntries(meta.subcharts.map((s) => [external_node_path_default().basename(s.dir), (0,repo/* displayPath */.Gt)(ctx.paths, s.dir)])),
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
                valuesFiles: layers.filter((l) => l.helmFile).map((l) => l.helmFile),
                set: spec.set,
                env: ctx.options.env,
                helm: ctx.helm(),
                // Our own schema check already reported (and located) the schema errors: render anyway for template errors.
                skipSchemaValidation: schemaFindings.length > 0,
                sources,
            });
        }
        catch (e) {
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
                    }
                    else {
                        ctx.renderFailures.set(key, { file: e.file, line: e.line ?? 1, col: e.col ?? 1, detail: e.detail, releases: [release], afterValuesErrors: schemaFindings.length > 0 });
                    }
                    return;
                }
                const consequence = schemaFindings.length ? ' (this may follow from the values errors reported above)' : '';
                out.push({ ...fallback, message: `cannot render ${spec.label} of cluster ${spec.cluster.name}: ${e.detail}${consequence}` });
                return;
            }
            if (e instanceof errors/* DeployerError */.dg && e.file) {
                out.push(errorToFinding(e));
                return;
            }
            throw e;
        }
    });
    return out;
}


;// CONCATENATED MODULE: ./src/shared/validate/hub.ts






const DASK_GATEWAY_DUMMY_TOKEN = 'dask-gateway.gateway.auth.jupyterhub.apiToken=dummy';
/** The charts a hub can name (binderhub only in 2023 repos). */
const KNOWN_CHARTS = new Set(['basehub', 'daskhub', 'binderhub']);
/** The release spec of a hub, or a finding saying why it cannot be built (a bad path in cluster.yaml). */
function hubReleaseSpec(cluster, hub) {
    try {
        const override = (0,repo/* chartOverridePath */.cV)(cluster, hub);
        return {
            cluster,
            chart: hub.helmChart,
            override,
            release: hub.name,
            namespace: hub.name,
            valuesFiles: (0,repo/* hubValuesFiles */.XL)(cluster, hub),
            vars: (0,helm_jsonnet/* jsonnetVars */.In)(cluster, hub),
            set: hub.helmChart === 'daskhub' || hub.helmChart === 'binderhub' ? [DASK_GATEWAY_DUMMY_TOKEN] : [],
            pointer: ['hubs', hub.index, 'helm_chart_values_files'],
            label: `hub ${hub.name}`,
        };
    }
    catch (e) {
        return errorToFinding(e, { file: cluster.displayFile, ...cluster.yaml.locate(['hubs', hub.index]), path: (0,yaml/* pathToPointer */.Qb)(['hubs', hub.index]) });
    }
}
/** Hubs selected by name (all when none named). An unknown hub name is an error listing the hubs (thrown). */
function selectHubs(cluster, hubName) {
    if (!hubName)
        return cluster.hubs;
    return [(0,repo.findHub)(cluster, hubName)];
}
async function hubConfigFindings(ctx, clusterName, hubName) {
    const loaded = await loadClusterForValidation(ctx, clusterName);
    if (!loaded.cluster)
        return loaded.findings;
    const cluster = loaded.cluster;
    const hubs = selectHubs(cluster, hubName);
    ctx.stats.hubs += hubs.length;
    const results = await Promise.all(hubs.map(async (hub) => {
        if (!KNOWN_CHARTS.has(hub.helmChart))
            return []; // the schema reports the bad helm_chart
        const spec = hubReleaseSpec(cluster, hub);
        if (!('chart' in spec))
            return [spec];
        return checkChartValues(ctx, spec);
    }));
    return results.flat();
}

;// CONCATENATED MODULE: ./src/shared/validate/authenticator.ts





/** Where `hub.config` of JupyterHub sits in the values of each chart (the first that exists wins). */
function hubConfigPrefixes(chart) {
    if (chart === 'daskhub')
        return [['basehub', 'jupyterhub', 'hub', 'config']];
    if (chart === 'binderhub')
        return [['binderhub', 'jupyterhub', 'hub', 'config'], ['basehub', 'jupyterhub', 'hub', 'config']];
    return [['jupyterhub', 'hub', 'config']];
}
function nonEmpty(v) {
    if (v === undefined || v === null || v === false || v === '')
        return false;
    if (Array.isArray(v))
        return v.length > 0;
    if (typeof v === 'object')
        return Object.keys(v).length > 0;
    return true;
}
function isGitHubAuthenticator(cls) {
    return typeof cls === 'string' && (cls === 'github' || /(^|\.)GitHubOAuthenticator$/.test(cls) || cls === 'oauthenticator.github');
}
function isDummyAuthenticator(cls) {
    return typeof cls === 'string' && (cls === 'dummy' || /(^|\.)DummyAuthenticator$/.test(cls));
}
/** The authenticator findings of one hub from its layers. */
function authenticatorFindings(hub, layers) {
    const merged = mergeValues(layers.map((l) => l.value));
    const prefixes = hubConfigPrefixes(hub.helmChart);
    const prefix = prefixes.find((p) => getPath(merged, p) !== undefined) ?? prefixes[0];
    const config = getPath(merged, prefix);
    const out = [];
    const at = (p, message) => {
        const full = [...prefix, ...p];
        const loc = locateInLayers(layers, full, true);
        out.push({ file: loc?.file ?? '', line: loc?.pos.line ?? 1, col: loc?.pos.col ?? 1, path: (0,yaml/* pathToPointer */.Qb)(full), message, severity: 'error' });
    };
    const where = (p) => {
        const loc = locateInLayers(layers, [...prefix, ...p]);
        return loc ? `${loc.file}:${loc.pos.line}` : 'the values';
    };
    const cls = getPath(config, ['JupyterHub', 'authenticator_class']);
    if (isGitHubAuthenticator(cls) && nonEmpty(getPath(config, ['GitHubOAuthenticator', 'allowed_organizations']))) {
        for (const section of ['Authenticator', 'GitHubOAuthenticator']) {
            if (nonEmpty(getPath(config, [section, 'allowed_users']))) {
                at([section, 'allowed_users'], `hub ${hub.name}: unset \`${section}.allowed_users\`: GitHub organizations/teams decide who may log in ` +
                    `(\`GitHubOAuthenticator.allowed_organizations\` at ${where(['GitHubOAuthenticator', 'allowed_organizations'])}), ` +
                    'and an allowed_users list next to them refuses valid members');
            }
        }
    }
    if (isDummyAuthenticator(cls) && nonEmpty(getPath(config, ['Authenticator', 'admin_users']))) {
        at(['Authenticator', 'admin_users'], `hub ${hub.name}: for security reasons, unset \`Authenticator.admin_users\` when the dummy authenticator is used ` +
            `(\`JupyterHub.authenticator_class\` at ${where(['JupyterHub', 'authenticator_class'])}): anyone can log in as an admin with any password`);
    }
    return out.filter((f) => f.file);
}
async function authenticatorConfigFindings(ctx, clusterName, hubName) {
    const loaded = await loadClusterForValidation(ctx, clusterName);
    if (!loaded.cluster)
        return loaded.findings;
    const cluster = loaded.cluster;
    const results = await Promise.all(selectHubs(cluster, hubName).map(async (hub) => {
        const spec = hubReleaseSpec(cluster, hub);
        if (!('chart' in spec))
            return [spec];
        const { layers, findings } = await releaseLayers(ctx, spec);
        return findings.length ? findings : authenticatorFindings(hub, layers);
    }));
    return results.flat();
}

;// CONCATENATED MODULE: ./src/shared/validate/support.ts
/**
 * validate support-config: the support chart's non-secret values files against its values schema, then one
 * `helm template` (upstream 2023 rendered once per values file: not reproduced). No support section: nothing to check.
 */







const SUPPORT_CHART = 'support';
const SUPPORT_NAMESPACE = 'support';
async function supportConfigFindings(ctx, clusterName) {
    const loaded = await loadClusterForValidation(ctx, clusterName);
    if (!loaded.cluster)
        return loaded.findings;
    const cluster = loaded.cluster;
    if (!cluster.support) {
        ctx.reporter.debug(`No support defined for ${cluster.name}. Nothing to validate!`);
        return [];
    }
    const pointer = ['support', 'helm_chart_values_files'];
    if (!(0,repo/* isFile */.fo)(external_node_path_default().join(ctx.paths.chartsDir, SUPPORT_CHART, 'Chart.yaml'))) {
        return [
            {
                file: cluster.displayFile,
                ...cluster.yaml.locate(['support']),
                path: '/support',
                message: `the support chart is not in the charts directory (${(0,repo/* displayPath */.Gt)(ctx.paths, external_node_path_default().join(ctx.paths.chartsDir, SUPPORT_CHART))}/Chart.yaml does not exist)`,
                severity: 'error',
            },
        ];
    }
    let valuesFiles;
    try {
        valuesFiles = (0,repo/* supportValuesFiles */.PV)(cluster);
    }
    catch (e) {
        return [errorToFinding(e, { file: cluster.displayFile, ...cluster.yaml.locate(pointer), path: (0,yaml/* pathToPointer */.Qb)(pointer) })];
    }
    return checkChartValues(ctx, {
        cluster,
        chart: SUPPORT_CHART,
        release: SUPPORT_CHART,
        namespace: SUPPORT_NAMESPACE,
        valuesFiles,
        vars: (0,helm_jsonnet/* jsonnetVars */.In)(cluster),
        set: [],
        pointer,
        label: SUPPORT_LABEL,
    });
}

;// CONCATENATED MODULE: ./src/shared/validate/changed.ts
/**
 * Which clusters a set of changed files touches, so a PR check validates only those: a file inside
 * `<clusters-dir>/<name>/` touches cluster <name>; a file under the charts directory touches every cluster (every
 * hub and support release renders from those charts). Other files touch nothing.
 */


/** `files`: paths relative to config-root (or absolute), as `git diff --name-only` prints them. */
function clustersTouchedBy(paths, files) {
    const known = new Set(listClusterNames(paths));
    const inside = (abs, dir) => abs === dir || abs.startsWith(dir + path.sep);
    const touched = new Set();
    const reasons = [];
    let all = false;
    for (const f of files) {
        const abs = path.resolve(paths.configRoot, f);
        if (inside(abs, paths.chartsDir)) {
            all = true;
            reasons.push(`${f} -> every cluster (chart changed)`);
        }
        else if (inside(abs, paths.clustersDir)) {
            const name = path.relative(paths.clustersDir, abs).split(path.sep)[0];
            if (name && known.has(name)) {
                touched.add(name);
                reasons.push(`${f} -> ${name}`);
            }
        }
    }
    return { clusters: all ? [...known].sort() : [...touched].sort(), all, reasons };
}

;// CONCATENATED MODULE: ./src/shared/validate/index.ts
/**
 * `validate`: the five checks of the seed over one cluster or the whole fleet, in one process. Every check returns
 * findings (file, line, col, path, message, severity) rather than stopping at the first; clusters are checked
 * concurrently, renders share one chart workspace (one dependency build per chart) and a pool bounded by the CPU count.
 */









const CHECKS = ['cluster-config', 'support-config', 'hub-config', 'authenticator-config'];
/** Tool processes started so far whose name matches (helm, helm4...). */
function starts(name) {
    let n = 0;
    for (const [k, v] of run/* toolStarts */.wS)
        if (name.test(k))
            n += v;
    return n;
}
/** Parse a check name or a comma list of them ('all' = every check). */
function parseChecks(input) {
    const items = (Array.isArray(input) ? input : (input ?? 'all').split(',')).map((s) => s.trim()).filter(Boolean);
    if (!items.length || items.includes('all'))
        return [...CHECKS];
    for (const c of items) {
        if (!CHECKS.includes(c)) {
            throw new errors/* UsageError */.eb(`unknown check \`${c}\``, `checks are: all, ${CHECKS.join(', ')}`);
        }
    }
    return CHECKS.filter((c) => items.includes(c));
}
async function runValidation(paths, request = {}, options = {}) {
    const started = Date.now();
    const helmBefore = starts(/^helm/);
    const jsonnetBefore = starts(/^jsonnet/);
    const checks = request.checks ?? [...CHECKS];
    if (request.hub && !request.cluster)
        throw new errors/* UsageError */.eb('a hub can only be named together with its cluster');
    const ctx = context_createValidationContext(paths, options);
    const known = (0,repo/* listClusterNames */.je)(paths); // also: a missing clusters directory is one clear error, whatever is named
    const clusters = request.cluster ? [request.cluster] : (request.clusters ?? known);
    const findings = [];
    try {
        ctx.stats.clusters = clusters.length;
        const perCluster = await Promise.all(clusters.map(async (name) => {
            // An unknown named cluster is a usage error (thrown); everything wrong inside a cluster is a finding.
            await loadClusterForValidation(ctx, name);
            const parts = await Promise.all(checks.map((check) => {
                switch (check) {
                    case 'cluster-config':
                        return clusterConfigFindings(ctx, name);
                    case 'support-config':
                        return supportConfigFindings(ctx, name);
                    case 'hub-config':
                        return hubConfigFindings(ctx, name, request.hub);
                    case 'authenticator-config':
                        return authenticatorConfigFindings(ctx, name, request.hub);
                }
            }));
            return parts.flat();
        }));
        findings.push(...perCluster.flat(), ...renderFailureFindings(ctx));
    }
    finally {
        await ctx.dispose();
    }
    const all = sortFindings(dedupeFindings(findings));
    return {
        findings: all,
        errors: all.filter((f) => f.severity === 'error').length,
        warnings: all.filter((f) => f.severity === 'warning').length,
        clusters,
        stats: {
            ...ctx.stats,
            helmStarts: starts(/^helm/) - helmBefore,
            jsonnetStarts: starts(/^jsonnet/) - jsonnetBefore,
            durationMs: Date.now() - started,
        },
    };
}


// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/cli/validate.ts
/**
 * `deployer validate all|cluster-config|hub-config|support-config|authenticator-config [CLUSTER] [HUB]`
 * Findings are the result: one `file:line:col: severity: message` line each on stdout (or a JSON list with --json);
 * the summary goes to stderr (with --json only under --verbose). Exit 0 when there is no error (warnings allowed), 1 with errors, 2 on usage errors.
 */



function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
}
async function validateCommand(check, cluster, hub, opts) {
    const paths = (0,common/* pathsFrom */.lL)(opts);
    const reporter = (0,common/* terminalReporter */.CO)(opts);
    const result = await runValidation(paths, { checks: parseChecks(check), cluster, hub }, { reporter, render: opts.render !== false });
    if (opts.json)
        (0,common/* printResult */.RS)(JSON.stringify(result.findings, null, 2));
    else if (result.findings.length)
        (0,common/* printResult */.RS)(result.findings.map(formatFinding).join('\n'));
    const s = result.stats;
    const scope = cluster ? (hub ? `${cluster}/${hub}` : cluster) : plural(result.clusters.length, 'cluster');
    const work = [
        s.renders ? plural(s.renders, 'helm template render') : '',
        s.dependencyBuilds ? plural(s.dependencyBuilds, 'dependency build') : '',
        plural(s.helmStarts, 'helm process') + (s.jsonnetStarts ? `, ${plural(s.jsonnetStarts, 'jsonnet process')}` : ''),
    ].filter(Boolean);
    // With --json the findings are the whole output (stderr stays quiet unless --verbose).
    if (opts.json && !opts.verbose)
        return result.errors > 0 ? 1 : 0;
    process.stderr.write(`validate ${check} (${scope}): ${result.errors || result.warnings ? `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}` : 'no findings'}` +
        ` [${work.join(', ')}; ${(s.durationMs / 1000).toFixed(2)} s]\n`);
    return result.errors > 0 ? 1 : 0;
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


/***/ }),

/***/ 5349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createChartWorkspace: () => (/* binding */ createChartWorkspace)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8382);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1827);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3422);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7564);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2981);
/**
 * Chart preparation shared by validate and deploy: a private temporary copy of the charts directory in which
 * `values.schema.yaml` is converted to the `values.schema.json` helm reads and `helm dependency build` runs at most
 * once per chart per run (concurrent callers share one promise). The infra repo's working tree is never written to:
 * no generated values.schema.json, charts/*.tgz or Chart.lock is left behind in it.
 *
 * `file://../<chart>` dependencies resolve inside the copy (the whole charts directory is copied, symlinks kept
 * verbatim), and a chart that depends on another chart of the workspace (daskhub on basehub) gets that chart prepared
 * first, so the packaged dependency carries its own schema and subcharts.
 */











/** Read a chart's Chart.yaml (in the workspace) and return its dependencies. */
async function readDependencies(dir, display) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, 'Chart.yaml');
    const y = (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_10__/* .parseYaml */ .hN)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file, 'utf8'), display);
    const deps = y.value?.dependencies;
    if (deps === undefined || deps === null)
        return [];
    if (!Array.isArray(deps)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg('`dependencies` in Chart.yaml must be a list', { file: display, ...y.locate(['dependencies']) });
    }
    return deps;
}
/** Convert `values.schema.yaml` into `values.schema.json` inside a workspace chart dir (no-op without one). */
async function convertSchema(dir, display) {
    const yamlFile = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, 'values.schema.yaml');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(yamlFile))
        return;
    const y = (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_10__/* .parseYaml */ .hN)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(yamlFile, 'utf8'), display);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, 'values.schema.json'), JSON.stringify(y.value ?? {}, null, 2) + '\n');
}
function localDependencyDir(chartDir, repository) {
    if (!repository?.startsWith('file://'))
        return undefined;
    return node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(chartDir, repository.slice('file://'.length));
}
async function createChartWorkspace(paths, options = {}) {
    const reporter = options.reporter ?? _log_js__WEBPACK_IMPORTED_MODULE_6__/* .silentReporter */ .P$;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(paths.chartsDir)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`charts directory ${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__/* .displayPath */ .Gt)(paths, paths.chartsDir)} does not exist`, {
            hint: 'pass --charts-dir (or the charts-dir input) pointing at the directory holding basehub, daskhub and support',
        });
    }
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(node_os__WEBPACK_IMPORTED_MODULE_3___default().tmpdir(), 'deployer-charts-'));
    const chartsRoot = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(root, 'charts');
    try {
        // verbatimSymlinks: a relative symlink (daskhub/values.jsonnet -> ../basehub/values.jsonnet) stays relative, so it
        // resolves inside the copy instead of pointing back into the infra repo.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(paths.chartsDir, chartsRoot, { recursive: true, verbatimSymlinks: true, filter: (src) => node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(src) !== '.git' });
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(root, { recursive: true, force: true });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`could not copy the charts directory ${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__/* .displayPath */ .Gt)(paths, paths.chartsDir)}: ${e.message}`);
    }
    // Also removed if the process exits without dispose() (process.exit on a fatal error).
    const onExit = () => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(root, { recursive: true, force: true });
    process.once('exit', onExit);
    let helmBin;
    const helm = () => (helmBin ??= options.helm ?? (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_9__/* .toolPath */ .O)('helm', options.env ?? process.env));
    const prepared = new Map(); // workspace dir -> ready
    const added = new Map(); // source dir / override key -> workspace dir
    let variants = 0;
    let disposed = false;
    /** How a workspace path is named in messages: the infra repo path it was copied from, where there is one. */
    const sourceName = (wsPath) => {
        const rel = node_path__WEBPACK_IMPORTED_MODULE_4___default().relative(chartsRoot, wsPath);
        if (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_4___default().isAbsolute(rel))
            return (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__/* .displayPath */ .Gt)(paths, node_path__WEBPACK_IMPORTED_MODULE_4___default().join(paths.chartsDir, rel));
        return wsPath;
    };
    const ws = {
        root,
        dependencyBuilds: 0,
        chartDir(name) {
            if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
                return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`invalid chart name \`${name}\``, { hint: 'a chart name is a directory name under the charts directory' }));
            }
            return prepare(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(chartsRoot, name), []);
        },
        addChartDir(srcDir) {
            const key = node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(srcDir);
            let p = added.get(key);
            if (!p) {
                p = (async () => {
                    const dest = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(chartsRoot, `${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(key)}--copy-${++variants}`);
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(key, dest, { recursive: true, verbatimSymlinks: true });
                    return prepare(dest, []);
                })();
                added.set(key, p);
            }
            return p;
        },
        overrideChartDir(chart, overrideFile) {
            return (async () => {
                const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(overrideFile);
                const key = `override:${chart}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex')}`;
                let p = added.get(key);
                if (!p) {
                    p = (async () => {
                        // A variant directory of its own: basehub with the override Chart.yaml, and (legacy daskhub) the chart
                        // beside it, so its `file://../basehub` resolves to the overridden basehub, as upstream deploys it.
                        const vroot = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(root, `override-${++variants}`);
                        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(vroot, { recursive: true });
                        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(chartsRoot, 'basehub'), node_path__WEBPACK_IMPORTED_MODULE_4___default().join(vroot, 'basehub'), { recursive: true, verbatimSymlinks: true });
                        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(vroot, 'basehub', 'Chart.yaml'), text);
                        if (chart !== 'basehub') {
                            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(chartsRoot, chart), node_path__WEBPACK_IMPORTED_MODULE_4___default().join(vroot, chart), { recursive: true, verbatimSymlinks: true });
                        }
                        return prepare(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(vroot, chart), []);
                    })();
                    added.set(key, p);
                }
                return p;
            })();
        },
        async dispose() {
            if (disposed)
                return;
            disposed = true;
            // Let running builds settle before removing their directory.
            await Promise.allSettled([...prepared.values(), ...added.values()]);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(root, { recursive: true, force: true });
            process.removeListener('exit', onExit);
        },
    };
    function prepare(dir, stack) {
        if (disposed)
            return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg('the chart workspace was already disposed'));
        if (stack.includes(dir)) {
            return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`charts depend on each other in a cycle: ${[...stack, dir].map(sourceName).join(' -> ')}`, {
                hint: 'remove the circular file:// dependency from one of the Chart.yaml files',
            }));
        }
        let p = prepared.get(dir);
        if (!p) {
            p = build(dir, [...stack, dir]);
            prepared.set(dir, p);
        }
        return p;
    }
    async function build(dir, stack) {
        const display = `${sourceName(dir)}/Chart.yaml`;
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, 'Chart.yaml'))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`chart \`${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(dir)}\` not found: ${display} does not exist`, {
                hint: 'check --charts-dir (charts-dir input) and the helm_chart of the hub',
            });
        }
        const deps = await readDependencies(dir, display);
        // Local dependencies first: their schema JSON and their own subcharts must exist before helm packages them.
        await Promise.all(deps.map((d) => {
            const local = localDependencyDir(dir, d.repository);
            return local && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(local, 'Chart.yaml')) && (local.startsWith(root + (node_path__WEBPACK_IMPORTED_MODULE_4___default().sep))) ? prepare(local, stack) : undefined;
        }));
        await convertSchema(dir, `${sourceName(dir)}/values.schema.yaml`);
        if (deps.length === 0)
            return dir;
        reporter.debug(`helm dependency build ${sourceName(dir)}`);
        ws.dependencyBuilds++;
        try {
            await (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_8__/* .runTool */ .qI)(helm(), ['dependency', 'build', dir, '--skip-refresh'], { env: options.env, timeoutMs: options.timeoutMs ?? 5 * 60_000 });
        }
        catch (e) {
            if (e instanceof _exec_run_js__WEBPACK_IMPORTED_MODULE_8__/* .ToolError */ .v4) {
                const out = (e.result.stderr || e.result.stdout).trim().split('\n').slice(-5).join('\n').split(root).join('<charts>');
                const outOfSync = /out of sync/i.test(out);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`\`helm dependency build\` failed for chart ${sourceName(dir)}: ${out || e.message}`, {
                    file: display,
                    line: 1,
                    col: 1,
                    hint: outOfSync
                        ? 'Chart.lock does not match the dependencies in Chart.yaml: run `helm dependency update` on the chart and commit the new Chart.lock'
                        : 'check the dependencies of this Chart.yaml (a remote chart repository needs network access, or vendor the chart under charts/)',
                });
            }
            throw e;
        }
        return dir;
    }
    return ws;
}


/***/ }),

/***/ 2179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ renderJsonnet),
/* harmony export */   In: () => (/* binding */ jsonnetVars),
/* harmony export */   dx: () => (/* binding */ jsonnetArgs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8382);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7564);
/**
 * Render a `*.jsonnet` helm values file to a private temporary JSON file (2026 upstream, B.6):
 *   jsonnet --jpath <dir of file> --ext-str VARS_2I2C_CLUSTER_NAME=... [--ext-str VARS_2I2C_HUB_NAME=...]
 *           [--ext-str VARS_2I2C_HUB_DOMAIN=...] --ext-str VARS_2I2C_PROVIDER=... --ext-str VARS_2I2C_ACCOUNT_ID=...
 *           <abs file> --output-file <tmp>.json
 * The file is given by its absolute path (charts rely on std.thisFile). The temp directory is 0700, the file 0600,
 * and `dispose()` removes both.
 */






/** The VARS_2I2C_* values for a cluster (and hub): AWS uses aws.clusterName and aws.account, GCP gcp.project. */
function jsonnetVars(cluster, hub) {
    const aws = (cluster.spec.aws ?? {});
    const gcp = (cluster.spec.gcp ?? {});
    const clusterName = cluster.provider === 'aws' && typeof aws.clusterName === 'string' ? aws.clusterName : cluster.name;
    let accountId = 'None';
    if (cluster.provider === 'aws' && aws.account !== undefined)
        accountId = String(aws.account);
    else if (cluster.provider === 'gcp' && gcp.project !== undefined)
        accountId = String(gcp.project);
    return { clusterName, hubName: hub?.name, hubDomain: hub?.domain, provider: cluster.provider, accountId };
}
function jsonnetArgs(file, vars, output) {
    const args = ['--jpath', node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), '--ext-str', `VARS_2I2C_CLUSTER_NAME=${vars.clusterName}`];
    if (vars.hubName !== undefined)
        args.push('--ext-str', `VARS_2I2C_HUB_NAME=${vars.hubName}`);
    if (vars.hubDomain !== undefined)
        args.push('--ext-str', `VARS_2I2C_HUB_DOMAIN=${vars.hubDomain}`);
    args.push('--ext-str', `VARS_2I2C_PROVIDER=${vars.provider}`, '--ext-str', `VARS_2I2C_ACCOUNT_ID=${vars.accountId}`);
    args.push(file, '--output-file', output);
    return args;
}
/** Render `abs` to a private temp JSON file. A jsonnet error is a DeployerError naming the file. */
async function renderJsonnet(abs, options) {
    const tmp = await (0,_secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__/* .privateTempDir */ .nX)('jsonnet');
    const out = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tmp.dir, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(abs).replace(/\.jsonnet$/, '') + '.json');
    const dispose = () => tmp.dispose();
    try {
        const jsonnet = (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .toolPath */ .O)('jsonnet', options.env ?? process.env);
        await (options.runner ?? _exec_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runTool */ .qI)(jsonnet, jsonnetArgs(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(abs), options.vars, out), {
            env: options.env,
            timeoutMs: options.timeoutMs ?? 120_000,
        });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(out, 0o600);
        return { path: out, dispose };
    }
    catch (e) {
        await dispose();
        if (e instanceof _exec_run_js__WEBPACK_IMPORTED_MODULE_4__/* .ToolError */ .v4) {
            const detail = (e.result.stderr || e.result.stdout).trim().split('\n').slice(0, 12).join('\n');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployerError */ .dg(`could not render jsonnet values file ${options.display}${detail ? `:\n${detail}` : ''}`, {
                file: options.display,
                hint: 'fix the jsonnet file; it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME/HUB_NAME/HUB_DOMAIN/PROVIDER/ACCOUNT_ID',
            });
        }
        throw e;
    }
}


/***/ }),

/***/ 9894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkClusterSchema: () => (/* binding */ checkClusterSchema)
});

// UNUSED EXPORTS: clusterSchema

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts
var yaml = __webpack_require__(2981);
;// CONCATENATED MODULE: ./src/shared/repo/cluster.schema.json
const cluster_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://deployer.local/cluster.schema.json","title":"cluster.yaml","description":"One cluster of the infra repo. Accepts the 2023 and the 2026 shapes of upstream\'s cluster.yaml, and validates every hub (upstream validated only hubs[0]).","type":"object","additionalProperties":false,"required":["name","provider"],"properties":{"name":{"type":"string","description":"The cluster name; must equal the name of the directory holding cluster.yaml.","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"metadata":{"type":"object","description":"Free-form metadata (2026 shape). When the `2i2c` block is present it must hold an integer hubspot_deal_id.","properties":{"2i2c":{"type":"object","required":["hubspot_deal_id"],"properties":{"hubspot_deal_id":{"type":"integer"}}}}},"provider_url":{"type":"string","description":"Link to the provider\'s console for this cluster."},"provider":{"type":"string","enum":["gcp","kubeconfig","aws","azure"]},"tenancy":{"type":"string","enum":["dedicated","shared"]},"account":{"type":"string","description":"2023 shape: the account used for the provider console."},"support":{"type":"object","additionalProperties":false,"required":["helm_chart_values_files"],"properties":{"helm_chart_values_files":{"$ref":"#/definitions/valuesFiles"}}},"kubeconfig":{"type":"object","additionalProperties":false,"properties":{"file":{"$ref":"#/definitions/relativeFile","description":"sops-encrypted kubeconfig, relative to the cluster directory."}}},"gcp":{"type":"object","additionalProperties":false,"required":["project","cluster","zone"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"sops-encrypted service-account key (omit when using ambient credentials)."},"project":{"type":"string","minLength":1},"cluster":{"type":"string","minLength":1},"zone":{"type":"string","minLength":1,"description":"Zone, or region for regional clusters."},"billing":{"$ref":"#/definitions/billing"}}},"aws":{"type":"object","additionalProperties":false,"required":["clusterType","clusterName","region"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"sops-encrypted access key JSON (omit when using ambient credentials)."},"clusterType":{"type":"string","enum":["eks"]},"clusterName":{"type":"string","minLength":1},"region":{"type":"string","minLength":1},"account":{"description":"AWS account ID (2026 shape). A string keeps leading zeros.","oneOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^[0-9]{12}$"}]},"billing":{"$ref":"#/definitions/billing"}}},"azure":{"type":"object","additionalProperties":false,"required":["resource_group","cluster"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"sops-encrypted service principal JSON (omit when using ambient credentials)."},"resource_group":{"type":"string","minLength":1},"cluster":{"type":"string","minLength":1}}},"hubs":{"type":"array","items":{"$ref":"#/definitions/hub"}}},"allOf":[{"if":{"properties":{"provider":{"const":"gcp"}},"required":["provider"]},"then":{"required":["gcp"]}},{"if":{"properties":{"provider":{"const":"aws"}},"required":["provider"]},"then":{"required":["aws"]}},{"if":{"properties":{"provider":{"const":"azure"}},"required":["provider"]},"then":{"required":["azure"]}},{"if":{"properties":{"provider":{"const":"kubeconfig"}},"required":["provider"]},"then":{"required":["kubeconfig"]}}],"definitions":{"relativeFile":{"type":"string","minLength":1},"valuesFiles":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/relativeFile"}},"billing":{"type":"object","additionalProperties":false,"required":["paid_by_us"],"properties":{"paid_by_us":{"type":"boolean"},"bigquery":{"type":"object","additionalProperties":false,"required":["project","dataset","billing_id"],"properties":{"project":{"type":"string"},"dataset":{"type":"string"},"billing_id":{"type":"string","pattern":"^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$"}}}},"if":{"properties":{"paid_by_us":{"const":true}},"required":["paid_by_us"]},"then":{"required":["bigquery"]}},"hub":{"type":"object","additionalProperties":false,"required":["name","domain","helm_chart","helm_chart_values_files"],"properties":{"name":{"type":"string","description":"Hub name: also the Kubernetes namespace and the helm release name.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":53},"display_name":{"type":"string"},"uptime_check":{"type":"object","additionalProperties":false,"properties":{"expected_status":{"type":["string","integer"]}}},"domain":{"type":"string","minLength":1},"domain_override_file":{"$ref":"#/definitions/relativeFile"},"helm_chart":{"type":"string","enum":["basehub","daskhub","binderhub"]},"chart_override":{"$ref":"#/definitions/relativeFile"},"helm_chart_values_files":{"$ref":"#/definitions/valuesFiles"}}}}}');
;// CONCATENATED MODULE: ./src/shared/repo/schema.ts
/**
 * The cluster.yaml schema check: ajv compiled once per process, every error translated into a Finding located in the
 * YAML file (line and column of the offending key or value) with a readable message.
 */



let compiled;
function clusterSchema() {
    return schema;
}
function validator() {
    if (!compiled) {
        const ajv = new dist_ajv.Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
        compiled = ajv.compile(cluster_schema_namespaceObject);
    }
    return compiled;
}
function describeType(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `a ${typeof v} (${JSON.stringify(v)})`;
}
function humanPath(path) {
    return path.length ? path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : 'the top level';
}
/** Translate one ajv error into a Finding. Returns undefined for errors that only restate others (if/then, oneOf). */
function valueAt(root, path) {
    let v = root;
    for (const seg of path) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[seg];
    }
    return v;
}
function toFinding(err, y) {
    const path = (0,yaml/* pointerToPath */.ox)(err.instancePath);
    const data = valueAt(y.value, path);
    const where = humanPath(path);
    const p = err.params;
    let message;
    let locPath = path;
    let atKey = false;
    switch (err.keyword) {
        case 'required':
            message = `missing required key \`${String(p.missingProperty)}\` in ${where}`;
            break;
        case 'additionalProperties': {
            const key = String(p.additionalProperty);
            locPath = [...path, key];
            atKey = true;
            const parent = (err.parentSchema ?? {});
            const allowed = Object.keys(parent.properties ?? {}).join(', ');
            message = `unknown key \`${key}\` in ${where}${allowed ? ` (allowed: ${allowed})` : ''}`;
            break;
        }
        case 'enum':
            message = `${where} is ${JSON.stringify(data)}, which is not one of: ${p.allowedValues.join(', ')}`;
            break;
        case 'type':
            message = `${where} must be ${String(p.type).replace(/,/g, ' or ')}, but it is ${describeType(data)}`;
            break;
        case 'pattern':
            message = `${where} is ${JSON.stringify(data)}, which does not match the pattern ${String(p.pattern)}`;
            break;
        case 'minItems':
            message = `${where} must list at least ${String(p.limit)} item(s)`;
            break;
        case 'minLength':
            message = `${where} must not be empty`;
            break;
        case 'maxLength':
            message = `${where} is longer than ${String(p.limit)} characters`;
            break;
        case 'oneOf':
            message = `${where} is ${describeType(data)}, which is not a valid value here`;
            break;
        case 'if':
            return undefined;
        default:
            message = `${where} ${err.message ?? 'is invalid'}`;
    }
    const pos = atKey ? y.locateKey(locPath) : y.locate(locPath);
    return { file: y.file, line: pos.line, col: pos.col, path: (0,yaml/* pathToPointer */.Qb)(locPath), message, severity: 'error' };
}
/** Validate a parsed cluster.yaml against the schema. Every error is reported, in file order. */
function checkClusterSchema(y) {
    const validate = validator();
    if (validate(y.value))
        return [];
    const errors = validate.errors ?? [];
    // A oneOf failure also reports each branch's failure; keep only the oneOf summary for that path.
    const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    const seen = new Set();
    const findings = [];
    for (const e of errors) {
        if (oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf' && e.schemaPath.includes('/oneOf/'))
            continue;
        const f = toFinding(e, y);
        if (!f)
            continue;
        const key = `${f.line}:${f.col}:${f.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        findings.push(f);
    }
    return findings.sort((a, b) => a.line - b.line || a.col - b.col);
}


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fQ: () => (/* binding */ tempRoot),
/* harmony export */   nX: () => (/* binding */ privateTempDir),
/* harmony export */   pU: () => (/* binding */ liveTempDirs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * Private temporary directories for decrypted secrets and per-cluster credentials.
 *
 * - 0700, created under `RUNNER_TEMP` when set (GitHub Actions wipes it after the job), else the OS temp dir;
 * - every live directory is removed on `dispose()`, on process exit (also `process.exit()` and uncaught errors),
 *   and on SIGINT/SIGTERM/SIGHUP: the handlers remove the directories, then re-raise the signal so the process dies
 *   the way it would have (exit status 130/143 in a shell), unless another part of the program handles the signal.
 */




const live = new Set();
let installed = false;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function removeAllSync() {
    for (const dir of live) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true, maxRetries: 2 });
        }
        catch {
            /* best effort: nothing more can be done while the process dies */
        }
        live.delete(dir);
    }
}
function onSignal(signal) {
    removeAllSync();
    process.removeListener(signal, handlers[signal]);
    // If nobody else handles this signal, die of it as the default handler would have.
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
const handlers = Object.fromEntries(SIGNALS.map((s) => [s, () => onSignal(s)]));
function installHandlers() {
    if (installed)
        return;
    installed = true;
    process.on('exit', removeAllSync);
    for (const s of SIGNALS)
        process.on(s, handlers[s]);
}
/** Where private temp dirs go: `RUNNER_TEMP` in Actions, else the OS temp dir. */
function tempRoot(env = process.env) {
    return env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir();
}
/** A fresh 0700 directory `deployer-<prefix>-XXXXXX`, removed on dispose and on every way the process can end. */
async function privateTempDir(prefix) {
    installHandlers();
    const safe = prefix.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40);
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tempRoot(), `deployer-${safe}-`));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
    live.add(dir);
    let disposed = false;
    return {
        dir,
        async dispose() {
            if (disposed)
                return;
            disposed = true;
            live.delete(dir);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true, maxRetries: 2 });
        },
    };
}
/** Directories not yet disposed (for tests and diagnostics). */
function liveTempDirs() {
    return [...live];
}


/***/ })

};
