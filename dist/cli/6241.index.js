export const id = 6241;
export const ids = [6241,5349];
export const modules = {

/***/ 25349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createChartWorkspace: () => (/* binding */ createChartWorkspace)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58382);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(21827);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(63422);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(74466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(27564);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(27327);
/* harmony import */ var _secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(27242);
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
    const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'Chart.yaml');
    const y = (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_9__/* .parseYaml */ .hN)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file, 'utf8'), display);
    const deps = y.value?.dependencies;
    if (deps === undefined || deps === null)
        return [];
    if (!Array.isArray(deps)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg('`dependencies` in Chart.yaml must be a list', { file: display, ...y.locate(['dependencies']) });
    }
    return deps;
}
/** Convert `values.schema.yaml` into `values.schema.json` inside a workspace chart dir (no-op without one). */
async function convertSchema(dir, display) {
    const yamlFile = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'values.schema.yaml');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(yamlFile))
        return;
    const y = (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_9__/* .parseYaml */ .hN)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(yamlFile, 'utf8'), display);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'values.schema.json'), JSON.stringify(y.value ?? {}, null, 2) + '\n');
}
function localDependencyDir(chartDir, repository) {
    if (!repository?.startsWith('file://'))
        return undefined;
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(chartDir, repository.slice('file://'.length));
}
async function createChartWorkspace(paths, options = {}) {
    const reporter = options.reporter ?? _log_js__WEBPACK_IMPORTED_MODULE_5__/* .silentReporter */ .P$;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(paths.chartsDir)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`charts directory ${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .displayPath */ .Gt)(paths, paths.chartsDir)} does not exist`, {
            hint: 'pass --charts-dir (or the charts-dir input) pointing at the directory holding basehub, daskhub and support',
        });
    }
    // A private temp dir (0700, under RUNNER_TEMP or the OS temp dir) removed on dispose and on every way the process
    // ends: exit, process.exit, uncaught errors, SIGINT/SIGTERM/SIGHUP (secrets/tempdir.ts, exec/shutdown.ts).
    const tmp = await (0,_secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_10__/* .privateTempDir */ .nX)('charts');
    const root = tmp.dir;
    const chartsRoot = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, 'charts');
    try {
        // verbatimSymlinks: a relative symlink (daskhub/values.jsonnet -> ../basehub/values.jsonnet) stays relative, so it
        // resolves inside the copy instead of pointing back into the infra repo.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(paths.chartsDir, chartsRoot, { recursive: true, verbatimSymlinks: true, filter: (src) => node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(src) !== '.git' });
    }
    catch (e) {
        await tmp.dispose();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`could not copy the charts directory ${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .displayPath */ .Gt)(paths, paths.chartsDir)}: ${e.message}`);
    }
    let helmBin;
    const helm = () => (helmBin ??= options.helm ?? (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_8__/* .toolPath */ .O)('helm', options.env ?? process.env));
    const prepared = new Map(); // workspace dir -> ready
    const added = new Map(); // source dir / override key -> workspace dir
    let variants = 0;
    let disposed = false;
    /** How a workspace path is named in messages: the infra repo path it was copied from, where there is one. */
    const sourceName = (wsPath) => {
        const rel = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(chartsRoot, wsPath);
        if (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_3___default().isAbsolute(rel))
            return (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .displayPath */ .Gt)(paths, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(paths.chartsDir, rel));
        return wsPath;
    };
    const ws = {
        root,
        dependencyBuilds: 0,
        chartDir(name) {
            if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
                return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`invalid chart name \`${name}\``, { hint: 'a chart name is a directory name under the charts directory' }));
            }
            return prepare(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(chartsRoot, name), []);
        },
        addChartDir(srcDir) {
            const key = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(srcDir);
            let p = added.get(key);
            if (!p) {
                p = (async () => {
                    const dest = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(chartsRoot, `${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(key)}--copy-${++variants}`);
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
                        const vroot = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, `override-${++variants}`);
                        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(vroot, { recursive: true });
                        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(chartsRoot, 'basehub'), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(vroot, 'basehub'), { recursive: true, verbatimSymlinks: true });
                        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(vroot, 'basehub', 'Chart.yaml'), text);
                        if (chart !== 'basehub') {
                            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.cp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(chartsRoot, chart), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(vroot, chart), { recursive: true, verbatimSymlinks: true });
                        }
                        return prepare(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(vroot, chart), []);
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
            await tmp.dispose();
        },
    };
    function prepare(dir, stack) {
        if (disposed)
            return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg('the chart workspace was already disposed'));
        if (stack.includes(dir)) {
            return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`charts depend on each other in a cycle: ${[...stack, dir].map(sourceName).join(' -> ')}`, {
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
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'Chart.yaml'))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`chart \`${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(dir)}\` not found: ${display} does not exist`, {
                hint: 'check --charts-dir (charts-dir input) and the helm_chart of the hub',
            });
        }
        const deps = await readDependencies(dir, display);
        // Local dependencies first: their schema JSON and their own subcharts must exist before helm packages them.
        await Promise.all(deps.map((d) => {
            const local = localDependencyDir(dir, d.repository);
            return local && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(local, 'Chart.yaml')) && (local.startsWith(root + (node_path__WEBPACK_IMPORTED_MODULE_3___default().sep))) ? prepare(local, stack) : undefined;
        }));
        await convertSchema(dir, `${sourceName(dir)}/values.schema.yaml`);
        if (deps.length === 0)
            return dir;
        reporter.debug(`helm dependency build ${sourceName(dir)}`);
        ws.dependencyBuilds++;
        try {
            await (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_7__/* .runTool */ .qI)(helm(), ['dependency', 'build', dir, '--skip-refresh'], { env: options.env, timeoutMs: options.timeoutMs ?? 5 * 60_000 });
        }
        catch (e) {
            if (e instanceof _exec_run_js__WEBPACK_IMPORTED_MODULE_7__/* .ToolError */ .v4) {
                const out = (e.result.stderr || e.result.stdout).trim().split('\n').slice(-5).join('\n').split(root).join('<charts>');
                const outOfSync = /out of sync/i.test(out);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`\`helm dependency build\` failed for chart ${sourceName(dir)}: ${out || e.message}`, {
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

/***/ 42179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ renderJsonnet),
/* harmony export */   In: () => (/* binding */ jsonnetVars),
/* harmony export */   dx: () => (/* binding */ jsonnetArgs),
/* harmony export */   rD: () => (/* binding */ missingStdFunctionHint),
/* harmony export */   t7: () => (/* binding */ detectJsonnet),
/* harmony export */   zS: () => (/* binding */ jsonnetSource)
/* harmony export */ });
/* unused harmony exports GO_JSONNET_PINNED, parseJsonnetVersion */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58382);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27564);
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
/** The version go-jsonnet the actions install (src/shared/exec/install.ts) and the 2026 charts need. */
const GO_JSONNET_PINNED = '0.20.0';
/** Read `jsonnet --version` output: go-jsonnet says `Jsonnet commandline interpreter (Go implementation) v0.20.0`. */
function parseJsonnetVersion(output) {
    const banner = output.trim().split('\n')[0] ?? '';
    const version = /v(\d+\.\d+\.\d+)/.exec(banner)?.[1] ?? '';
    const implementation = /Go implementation/i.test(banner) ? 'go' : /commandline interpreter/i.test(banner) ? 'cpp' : 'unknown';
    return { implementation, version, banner };
}
const detected = new Map();
/** Detect the implementation and version of a jsonnet binary: `--version` runs once per binary per process. */
function detectJsonnet(bin, env, runner = _exec_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runTool */ .qI) {
    let p = detected.get(bin);
    if (!p) {
        p = runner(bin, ['--version'], { env, timeoutMs: 30_000, allowFailure: true }).then((r) => parseJsonnetVersion(r.stdout || r.stderr), () => ({ implementation: 'unknown', version: '', banner: '' }));
        detected.set(bin, p);
    }
    return p;
}
/**
 * When a render failed because the jsonnet in use lacks a `std` function the file calls (the 2026 charts use
 * `std.splitLimitR` and `std.any`, which C++ jsonnet 0.18 lacks: `RUNTIME ERROR: field does not exist: splitLimitR`),
 * say so and how to fix it; otherwise undefined.
 */
function missingStdFunctionHint(errorText, fileText, info) {
    const m = /field does not exist: ([A-Za-z_][A-Za-z0-9_]*)/i.exec(errorText);
    if (!m)
        return undefined;
    const fn = m[1];
    if (!new RegExp(`\\bstd\\s*\\.\\s*${fn}\\b`).test(fileText))
        return undefined;
    const which = info.implementation === 'go' ? `go-jsonnet ${info.version || '(unknown version)'}` : info.implementation === 'cpp' ? `the C++ jsonnet ${info.version || ''}`.trimEnd() : `this jsonnet (${info.banner || 'version unknown'})`;
    return (`std.${fn} does not exist in ${which}: the charts need go-jsonnet ${GO_JSONNET_PINNED} or newer (as upstream, which refuses any other implementation). ` +
        `The deployer actions install the pinned go-jsonnet ${GO_JSONNET_PINNED}; locally, install go-jsonnet (https://github.com/google/go-jsonnet/releases) ` +
        'and point DEPLOYER_JSONNET at its `jsonnet` binary');
}
/** The file's text, for the missing-function check ('' when it cannot be read). */
function jsonnetSource(abs) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(abs, 'utf8');
    }
    catch {
        return '';
    }
}
/** Render `abs` to a private temp JSON file. A jsonnet error is a DeployerError naming the file. */
async function renderJsonnet(abs, options) {
    const tmp = await (0,_secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__/* .privateTempDir */ .nX)('jsonnet');
    const out = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tmp.dir, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(abs).replace(/\.jsonnet$/, '') + '.json');
    const dispose = () => tmp.dispose();
    const jsonnet = (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .toolPath */ .O)('jsonnet', options.env ?? process.env);
    try {
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
            const text = (e.result.stderr || e.result.stdout).trim();
            const detail = text.split('\n').slice(0, 12).join('\n');
            const missing = missingStdFunctionHint(text, jsonnetSource(abs), await detectJsonnet(jsonnet, options.env, options.runner));
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployerError */ .dg(`could not render jsonnet values file ${options.display}${detail ? `:\n${detail}` : ''}`, {
                file: options.display,
                hint: missing ?? 'fix the jsonnet file; it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME/HUB_NAME/HUB_DOMAIN/PROVIDER/ACCOUNT_ID',
            });
        }
        throw e;
    }
}


/***/ }),

/***/ 20630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ chartTemplateSources),
/* harmony export */   JV: () => (/* binding */ HelmTemplateError),
/* harmony export */   Zp: () => (/* binding */ helmTemplate),
/* harmony export */   zt: () => (/* binding */ renderFailure)
/* harmony export */ });
/* unused harmony exports cleanHelmError, locateRenderError, templateSourceFile, mapTemplateRefs */
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27564);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27327);
/**
 * `helm template` through the exec runner. A render failure becomes a HelmTemplateError: a DeployerError located at
 * the chart template file and line helm names (mapped from the temporary chart copy back to the infra repo), with
 * helm's message cleaned of its noise ("Error: ", "Use --debug flag ...") and of temporary paths.
 */






class HelmTemplateError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg {
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
/**
 * Where a chart's templates live in the infra repo, for locating render errors: the chart's own directory, and its
 * `file://` dependencies (daskhub's basehub) by name.
 */
function chartTemplateSources(chartSrcDir, display) {
    const subcharts = {};
    try {
        const deps = (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_5__/* .parseYaml */ .hN)((0,node_fs__WEBPACK_IMPORTED_MODULE_3__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(chartSrcDir, 'Chart.yaml'), 'utf8'), 'Chart.yaml').value?.dependencies;
        for (const d of Array.isArray(deps) ? deps : []) {
            if (typeof d?.name === 'string' && typeof d.repository === 'string' && d.repository.startsWith('file://')) {
                subcharts[d.name] = display(node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(chartSrcDir, d.repository.slice('file://'.length)));
            }
        }
    }
    catch {
        /* no dependencies known: errors in subcharts stay unlocated */
    }
    return { top: display(chartSrcDir), subcharts };
}
/**
 * A failed `helm template` / `helm upgrade` whose message names a chart template (or the values schema), as the
 * located HelmTemplateError validate reports; undefined when the failure is about something else.
 */
function renderFailure(stderr, chartDir, sources) {
    const detail = cleanHelmError(stderr, chartDir).replace(/^(UPGRADE|INSTALLATION) FAILED: /, '');
    if (/don't meet the specifications of the schema/.test(detail))
        return new HelmTemplateError(stderr.trim().replace(/^Error: /, '').split(chartDir).join('<chart>'), {}, true);
    const found = locateRenderError(detail, sources);
    if (!found)
        return undefined;
    const { matched: _m, ...location } = found;
    return new HelmTemplateError(mapTemplateRefs(detail, sources), location, false);
}
async function helmTemplate(options) {
    const helm = options.helm ?? (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_1__/* .toolPath */ .O)('helm', options.env ?? process.env);
    const args = ['template', options.release, options.chartDir, '--namespace', options.namespace];
    for (const f of options.valuesFiles)
        args.push(`--values=${f}`);
    for (const s of options.set ?? [])
        args.push(`--set=${s}`);
    if (options.skipSchemaValidation)
        args.push('--skip-schema-validation');
    args.push(...(options.extraArgs ?? []));
    try {
        const r = await (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runTool */ .qI)(helm, args, { env: options.env, timeoutMs: options.timeoutMs ?? 2 * 60_000, maxBuffer: 64 * 1024 * 1024 });
        return { manifest: r.stdout, durationMs: r.durationMs };
    }
    catch (e) {
        if (e instanceof _exec_run_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolError */ .v4 && !e.result.timedOut && e.result.code !== null) {
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


/***/ }),

/***/ 15928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G3: () => (/* binding */ chartsDirRel),
/* harmony export */   VE: () => (/* binding */ nameMismatchMessage),
/* harmony export */   kA: () => (/* binding */ loadClustersForPlan),
/* harmony export */   q8: () => (/* binding */ clustersDirRel)
/* harmony export */ });
/* unused harmony exports checkClusterShape, loadClusterForPlan */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63422);
/**
 * The light reading of cluster.yaml that planning needs, beside the full schema check that validation and deploys use
 * (schema.ts): the same reader (`readClusterYaml`: fast parse, positions only to locate an error), then only the keys
 * the planner reads are checked. An unrelated schema issue never blocks a plan (`validate` reports it), but anything
 * the plan depends on is a located error naming the file: a plan that guessed would silently skip or add deploys.
 */




/** A directory of `paths` relative to config-root (POSIX). It must be inside config-root: changed paths are relative to it. */
function dirRel(paths, abs, what, input) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(paths.configRoot, abs);
    if (rel.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`the ${what} ${abs} is outside the config root ${paths.configRoot}`, `changed paths are relative to the config root, so the ${what} must be inside it (set config-root to the repository root, ${input} relative to it)`);
    }
    return rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
/** The clusters directory relative to config-root (POSIX). */
function clustersDirRel(paths) {
    return dirRel(paths, paths.clustersDir, 'clusters directory', 'clusters-dir');
}
/** The charts directory relative to config-root (POSIX). */
function chartsDirRel(paths) {
    return dirRel(paths, paths.chartsDir, 'charts directory', 'charts-dir');
}
function fail(y, at, message, hint) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(message, { file: y.file, ...y.locate(at), hint: `${hint} (\`deployer validate cluster-config\` checks the whole file)` });
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
/** The message for a `name:` that differs from the directory (the same words in validate and the planner). */
function nameMismatchMessage(name, dirName) {
    return `cluster name \`${name}\` does not match its directory \`${dirName}\`: deploys address a cluster by its directory, so a plan would deploy the wrong cluster`;
}
/**
 * Check the keys the planner reads, for the cluster in directory `dirName`. Throws a located DeployerError on the
 * first problem: no provider, `name` not a string or not the directory's name, hubs not a list of mappings with
 * unique string names, values-file lists that are not lists of file names.
 */
function checkClusterShape(y, dirName) {
    const doc = y.value;
    if (typeof doc.provider !== 'string' || doc.provider === '') {
        fail(y, doc.provider === undefined ? [] : ['provider'], doc.provider === undefined ? 'cluster.yaml has no `provider`' : `provider must be a string, but it is ${kind(doc.provider)}`, 'set `provider:` to gcp, aws, azure or kubeconfig');
    }
    if (doc.name !== undefined && typeof doc.name !== 'string')
        fail(y, ['name'], `name must be a string, but it is ${kind(doc.name)}`, 'set `name:` to the cluster name');
    if (typeof doc.name === 'string' && doc.name !== dirName) {
        fail(y, ['name'], nameMismatchMessage(doc.name, dirName), `set \`name: ${dirName}\`, or rename the directory`);
    }
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
/** Load one cluster for planning: the shared reader, the light shape check, typed. */
async function loadClusterForPlan(paths, name) {
    const y = await (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readClusterYaml */ .ev)(paths, name);
    checkClusterShape(y, name);
    return (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .clusterFromYaml */ .AS)(paths, name, y);
}
/**
 * Load the clusters named by `which` ('all', or directory names) for planning. A missing or empty clusters directory
 * is an error (a wrong config-root must fail, never plan nothing); named directories that are not clusters are
 * returned in `notClusters` so the caller can say so.
 */
async function loadClustersForPlan(paths, which) {
    if (which === 'all')
        return { clusters: await Promise.all((0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .listClusterNames */ .je)(paths).map((n) => loadClusterForPlan(paths, n))), notClusters: [] };
    const names = [...which].sort();
    const isCluster = (n) => n !== 'templates' && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(paths.clustersDir, n, _index_js__WEBPACK_IMPORTED_MODULE_3__/* .CLUSTER_FILE */ .ym));
    // one named cluster that exists proves the directory is there and not empty; else let the listing say what is wrong
    if (!names.some(isCluster))
        (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .listClusterNames */ .je)(paths);
    const clusters = await Promise.all(names.filter(isCluster).map((n) => loadClusterForPlan(paths, n)));
    const notClusters = names.filter((n) => n !== 'templates' && !isCluster(n)).map((n) => (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(paths, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(paths.clustersDir, n)));
    return { clusters, notClusters };
}


/***/ }),

/***/ 93208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ae: () => (/* binding */ chartMeta),
  HM: () => (/* binding */ checkChartValues),
  O8: () => (/* binding */ releaseLayers)
});

// UNUSED EXPORTS: isJsonnetFile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/helm/template.ts
var template = __webpack_require__(20630);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2019.js
var _2019 = __webpack_require__(60878);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
// EXTERNAL MODULE: ./src/shared/validate/values.ts
var values = __webpack_require__(62640);
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
        const y = await (0,values/* parsedFile */.UI)(ctx, abs, display);
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
    const loc = (0,values/* locateInLayers */.k0)(layers, fullTarget, atKey) ?? { file: schema.display, pos: { line: 1, col: 1 } };
    return { file: loc.file, line: loc.pos.line, col: loc.pos.col, path: (0,yaml/* pathToPointer */.Qb)(fullTarget), message, severity: 'error' };
}

// EXTERNAL MODULE: ./src/shared/validate/cluster.ts + 1 modules
var cluster = __webpack_require__(9365);
// EXTERNAL MODULE: ./src/shared/validate/context.ts
var context = __webpack_require__(52883);
// EXTERNAL MODULE: ./src/shared/validate/jsonnet.ts
var jsonnet = __webpack_require__(83669);
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
        const y = await (0,values/* parsedFile */.UI)(ctx, external_node_path_default().join(dir, 'Chart.yaml'), `${display}/Chart.yaml`);
        const v = ((0,values/* isPlainObject */.Qd)(y.value) ? y.value : {});
        const subcharts = [];
        for (const d of Array.isArray(v.dependencies) ? v.dependencies : []) {
            if (!(0,values/* isPlainObject */.Qd)(d) || typeof d.repository !== 'string' || !d.repository.startsWith('file://'))
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
                node = (node[k] = (0,values/* isPlainObject */.Qd)(node[k]) ? node[k] : {});
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
            const d = await (0,values/* chartDefaultsLayer */._b)(ctx, sub.dir, `${(0,repo/* displayPath */.Gt)(ctx.paths, sub.dir)}/values.yaml`);
            if (d)
                layers.push({ ...d, mount: [sub.key], value: { [sub.key]: d.value } });
        }
        const defaults = await (0,values/* chartDefaultsLayer */._b)(ctx, meta.dir, `${meta.display}/values.yaml`);
        if (defaults)
            layers.push(defaults);
        const chartJsonnet = external_node_path_default().join(meta.dir, 'values.jsonnet');
        if ((0,external_node_fs_.existsSync)(chartJsonnet)) {
            layers.push(await (0,values/* loadValuesLayer */.gN)(ctx, { ref: 'values.jsonnet', abs: chartJsonnet, display: `${meta.display}/values.jsonnet`, secret: false, pointer: spec.pointer }, spec.vars));
        }
    }
    catch (e) {
        findings.push((0,context/* errorToFinding */.xy)(e, fallback));
        return { layers, findings };
    }
    const loaded = await Promise.all(spec.valuesFiles
        .filter((vf) => !vf.secret)
        .map(async (vf) => {
        try {
            if (!(0,external_node_fs_.existsSync)(vf.abs)) {
                const pos = spec.cluster.yaml.locate(vf.pointer);
                throw new errors/* DeployerError */.dg((0,cluster/* missingFileMessage */._I)('values file', vf.ref, spec.label, vf.display), { file: spec.cluster.displayFile, ...pos });
            }
            return await (0,values/* loadValuesLayer */.gN)(ctx, vf, spec.vars);
        }
        catch (e) {
            const f = (0,context/* errorToFinding */.xy)(e, fallback);
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
        const loc = (0,values/* locateInLayers */.k0)(layers, full);
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
        return [(0,context/* errorToFinding */.xy)(e, fallback)];
    }
    // 1. The values schemas, errors located in the values files.
    const merged = (0,values/* mergeValues */.D3)([...layers.map((l) => l.value), setToValues(spec.set)]);
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
            const section = (0,values/* isPlainObject */.Qd)(merged[sub.key]) ? merged[sub.key] : {};
            const global = (0,values/* mergeValues */.D3)([(0,values/* isPlainObject */.Qd)(section.global) ? section.global : {}, (0,values/* isPlainObject */.Qd)(merged.global) ? merged.global : {}]);
            schemaFindings.push(...checkValuesSchema(schema, { ...section, global }, layers, [sub.key], external_node_path_default().basename(sub.dir)));
        }
    }
    catch (e) {
        schemaFindings.push((0,context/* errorToFinding */.xy)(e, fallback));
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
            await (0,template/* helmTemplate */.Zp)({
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
            if (e instanceof template/* HelmTemplateError */.JV) {
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
                out.push((0,context/* errorToFinding */.xy)(e));
                return;
            }
            throw e;
        }
    });
    return out;
}



/***/ }),

/***/ 9365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pe: () => (/* binding */ SUPPORT_LABEL),
  hm: () => (/* binding */ clusterConfigFindings),
  n4: () => (/* binding */ loadClusterForValidation),
  _I: () => (/* binding */ missingFileMessage)
});

// UNUSED EXPORTS: clusterCrossChecks, validateClusterConfig

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
// EXTERNAL MODULE: ./src/shared/repo/read.ts
var read = __webpack_require__(15928);
// EXTERNAL MODULE: ./src/shared/repo/schema.ts + 1 modules
var schema = __webpack_require__(29894);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
// EXTERNAL MODULE: ./src/shared/validate/context.ts
var context = __webpack_require__(52883);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
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
 * the hub's chart exists, the directory name matches `name` (an error: deploys address clusters by directory), and every secret-named file of the cluster is
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
                return { name, findings: [(0,context/* errorToFinding */.xy)(e)] };
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
        // an error (upstream: a warning): deploys address clusters by directory, and the planner refuses such a cluster
        out.push(at(cluster, ['name'], (0,read/* nameMismatchMessage */.VE)(name, dirName)));
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
            out.push({ ...(0,context/* errorToFinding */.xy)(e), path: (0,yaml/* pathToPointer */.Qb)(r.pointer) });
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


/***/ }),

/***/ 52883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XO: () => (/* binding */ renderFailureFindings),
/* harmony export */   _4: () => (/* binding */ dedupeFindings),
/* harmony export */   n3: () => (/* binding */ createValidationContext),
/* harmony export */   xy: () => (/* binding */ errorToFinding)
/* harmony export */ });
/* unused harmony exports limiter, finding */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _helm_charts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25349);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21827);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27564);
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
function createValidationContext(paths, options = {}) {
    const memo = new Map();
    let ws;
    let helmBin;
    let jsonnetBin;
    let tmp;
    const env = options.env ?? process.env;
    const concurrency = Math.max(1, options.concurrency ?? node_os__WEBPACK_IMPORTED_MODULE_0___default().availableParallelism());
    const stats = { clusters: 0, hubs: 0, renders: 0, dependencyBuilds: 0 };
    const ctx = {
        paths,
        reporter: options.reporter ?? _log_js__WEBPACK_IMPORTED_MODULE_4__/* .silentReporter */ .P$,
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
            ws ??= (0,_helm_charts_js__WEBPACK_IMPORTED_MODULE_3__.createChartWorkspace)(paths, { helm: ctx.helm(), reporter: ctx.reporter, env: options.env });
            return ws;
        },
        limit: limiter(concurrency),
        renderFailures: new Map(),
        helm: () => (helmBin ??= options.helm ?? (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .toolPath */ .O)('helm', env)),
        jsonnet: () => (jsonnetBin ??= options.jsonnet ?? (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .toolPath */ .O)('jsonnet', env)),
        tmpDir() {
            // A private (0700) dir removed on dispose and on every way the process ends, signals included.
            tmp ??= (0,_secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__/* .privateTempDir */ .nX)('validate');
            return tmp.then((t) => t.dir);
        },
        async dispose() {
            if (tmp) {
                const t = await tmp.catch(() => undefined);
                if (t)
                    await t.dispose();
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
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg && (e.file || fallback)) {
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


/***/ }),

/***/ 97427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mi: () => (/* binding */ hubReleaseSpec),
/* harmony export */   a: () => (/* binding */ hubConfigFindings),
/* harmony export */   lg: () => (/* binding */ selectHubs)
/* harmony export */ });
/* unused harmony export DASK_GATEWAY_DUMMY_TOKEN */
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63422);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27327);
/* harmony import */ var _chart_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93208);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52883);
/* harmony import */ var _cluster_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9365);
/* harmony import */ var _jsonnet_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83669);






const DASK_GATEWAY_DUMMY_TOKEN = 'dask-gateway.gateway.auth.jupyterhub.apiToken=dummy';
/** The charts a hub can name (binderhub only in 2023 repos). */
const KNOWN_CHARTS = new Set(['basehub', 'daskhub', 'binderhub']);
/** The release spec of a hub, or a finding saying why it cannot be built (a bad path in cluster.yaml). */
function hubReleaseSpec(cluster, hub) {
    try {
        const override = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_0__/* .chartOverridePath */ .cV)(cluster, hub);
        return {
            cluster,
            chart: hub.helmChart,
            override,
            release: hub.name,
            namespace: hub.name,
            valuesFiles: (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_0__/* .hubValuesFiles */ .XL)(cluster, hub),
            vars: (0,_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__/* .jsonnetVars */ .In)(cluster, hub),
            set: hub.helmChart === 'daskhub' || hub.helmChart === 'binderhub' ? [DASK_GATEWAY_DUMMY_TOKEN] : [],
            pointer: ['hubs', hub.index, 'helm_chart_values_files'],
            label: `hub ${hub.name}`,
        };
    }
    catch (e) {
        return (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .errorToFinding */ .xy)(e, { file: cluster.displayFile, ...cluster.yaml.locate(['hubs', hub.index]), path: (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_1__/* .pathToPointer */ .Qb)(['hubs', hub.index]) });
    }
}
/** Hubs selected by name (all when none named). An unknown hub name is an error listing the hubs (thrown). */
function selectHubs(cluster, hubName) {
    if (!hubName)
        return cluster.hubs;
    return [(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_0__.findHub)(cluster, hubName)];
}
async function hubConfigFindings(ctx, clusterName, hubName) {
    const loaded = await (0,_cluster_js__WEBPACK_IMPORTED_MODULE_4__/* .loadClusterForValidation */ .n4)(ctx, clusterName);
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
        return (0,_chart_values_js__WEBPACK_IMPORTED_MODULE_2__/* .checkChartValues */ .HM)(ctx, spec);
    }));
    return results.flat();
}


/***/ }),

/***/ 83669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ED: () => (/* binding */ renderJsonnetValues),
/* harmony export */   In: () => (/* reexport safe */ _helm_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__.In),
/* harmony export */   Re: () => (/* binding */ jsonnetRenderKey),
/* harmony export */   e6: () => (/* binding */ isJsonnetFile)
/* harmony export */ });
/* unused harmony export jsonnetErrorLocation */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58382);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74466);
/* harmony import */ var _helm_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(42179);
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
    const base = node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(abs).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = new RegExp(`${base}:(\\d+):(\\d+)`).exec(text);
    const first = text.split('\n')[0].replace(new RegExp(`\\S*${base}:\\d+:\\d+(-\\d+)?:?\\s*`), '').trim();
    return { line: at ? Number(at[1]) : 1, col: at ? Number(at[2]) : 1, reason: first || 'jsonnet failed' };
}
/**
 * The cache key of a render: the file (path and content) and the ext vars it can read. A file that imports nothing and
 * reads every ext var by a literal name (`std.extVar('VARS_2I2C_PROVIDER')`) depends only on those vars, so hubs that
 * share them share one render (e.g. a support or chart file that reads only the cluster's vars).
 */
function jsonnetRenderKey(abs, text, vars) {
    const all = {
        VARS_2I2C_CLUSTER_NAME: vars.clusterName,
        VARS_2I2C_HUB_NAME: vars.hubName,
        VARS_2I2C_HUB_DOMAIN: vars.hubDomain,
        VARS_2I2C_PROVIDER: vars.provider,
        VARS_2I2C_ACCOUNT_ID: vars.accountId,
    };
    const calls = text.match(/\bextVar\s*\(/g)?.length ?? 0;
    const literal = [...text.matchAll(/\bextVar\s*\(\s*(['"])(VARS_2I2C_[A-Z_]+)\1\s*\)/g)].map((m) => m[2]);
    const exact = !/\bimport(?:str|bin)?\b/.test(text) && calls === literal.length;
    const used = exact ? Object.fromEntries(Object.entries(all).filter(([k]) => literal.includes(k))) : all;
    return `jsonnet:${abs}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex')}:${JSON.stringify(used)}`;
}
/**
 * Render `abs` to `outFile` (JSON) and return the value. `display` names the file in errors. A jsonnet failure is a
 * DeployerError located at the jsonnet line.
 */
async function renderJsonnetValues(jsonnet, abs, display, vars, outFile, env) {
    try {
        await (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runTool */ .qI)(jsonnet, (0,_helm_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__/* .jsonnetArgs */ .dx)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(abs), vars, outFile), { env, timeoutMs: 60_000 });
    }
    catch (e) {
        if (e instanceof _exec_run_js__WEBPACK_IMPORTED_MODULE_4__/* .ToolError */ .v4 && e.result.code !== null && !e.result.timedOut) {
            const text = (e.result.stderr || e.result.stdout).trim();
            const loc = jsonnetErrorLocation(text, abs);
            // a std function the installed jsonnet lacks (C++ 0.18 vs the 2026 charts): say which jsonnet and how to fix it
            const missing = (0,_helm_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__/* .missingStdFunctionHint */ .rD)(text, (0,_helm_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__/* .jsonnetSource */ .zS)(abs), await (0,_helm_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__/* .detectJsonnet */ .t7)(jsonnet, env));
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployerError */ .dg(`jsonnet could not render this values file: ${loc.reason}${missing ? `; ${missing}` : ''}`, {
                file: display,
                line: loc.line,
                col: loc.col,
                hint: missing ? 'install go-jsonnet or set DEPLOYER_JSONNET' : 'it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME, HUB_NAME, HUB_DOMAIN, PROVIDER and ACCOUNT_ID',
            });
        }
        throw e;
    }
    try {
        return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(outFile, 'utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployerError */ .dg('jsonnet output is not JSON', { file: display, line: 1, col: 1 });
    }
}


/***/ }),

/***/ 79655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bb: () => (/* binding */ SUPPORT_CHART),
/* harmony export */   U1: () => (/* binding */ supportConfigFindings),
/* harmony export */   wF: () => (/* binding */ SUPPORT_NAMESPACE)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63422);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27327);
/* harmony import */ var _chart_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93208);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(52883);
/* harmony import */ var _cluster_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9365);
/* harmony import */ var _jsonnet_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83669);
/**
 * validate support-config: the support chart's non-secret values files against its values schema, then one
 * `helm template` (upstream 2023 rendered once per values file: not reproduced). No support section: nothing to check.
 */







const SUPPORT_CHART = 'support';
const SUPPORT_NAMESPACE = 'support';
async function supportConfigFindings(ctx, clusterName) {
    const loaded = await (0,_cluster_js__WEBPACK_IMPORTED_MODULE_5__/* .loadClusterForValidation */ .n4)(ctx, clusterName);
    if (!loaded.cluster)
        return loaded.findings;
    const cluster = loaded.cluster;
    if (!cluster.support) {
        ctx.reporter.debug(`No support defined for ${cluster.name}. Nothing to validate!`);
        return [];
    }
    const pointer = ['support', 'helm_chart_values_files'];
    if (!(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isFile */ .fo)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(ctx.paths.chartsDir, SUPPORT_CHART, 'Chart.yaml'))) {
        return [
            {
                file: cluster.displayFile,
                ...cluster.yaml.locate(['support']),
                path: '/support',
                message: `the support chart is not in the charts directory (${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(ctx.paths, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(ctx.paths.chartsDir, SUPPORT_CHART))}/Chart.yaml does not exist)`,
                severity: 'error',
            },
        ];
    }
    let valuesFiles;
    try {
        valuesFiles = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_1__/* .supportValuesFiles */ .PV)(cluster);
    }
    catch (e) {
        return [(0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .errorToFinding */ .xy)(e, { file: cluster.displayFile, ...cluster.yaml.locate(pointer), path: (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_2__/* .pathToPointer */ .Qb)(pointer) })];
    }
    return (0,_chart_values_js__WEBPACK_IMPORTED_MODULE_3__/* .checkChartValues */ .HM)(ctx, {
        cluster,
        chart: SUPPORT_CHART,
        release: SUPPORT_CHART,
        namespace: SUPPORT_NAMESPACE,
        valuesFiles,
        vars: (0,_jsonnet_js__WEBPACK_IMPORTED_MODULE_6__/* .jsonnetVars */ .In)(cluster),
        set: [],
        pointer,
        label: _cluster_js__WEBPACK_IMPORTED_MODULE_5__/* .SUPPORT_LABEL */ .pe,
    });
}


/***/ }),

/***/ 62640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ mergeValues),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   UI: () => (/* binding */ parsedFile),
/* harmony export */   Yn: () => (/* binding */ getPath),
/* harmony export */   _b: () => (/* binding */ chartDefaultsLayer),
/* harmony export */   gN: () => (/* binding */ loadValuesLayer),
/* harmony export */   k0: () => (/* binding */ locateInLayers)
/* harmony export */ });
/* unused harmony exports hasPath, ownerOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63422);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27327);
/* harmony import */ var _helm_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(42179);
/* harmony import */ var _jsonnet_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83669);
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
    return ctx.memo(`yaml:${abs}`, () => (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_4__/* .readYamlFile */ .kv)(abs, display));
}
function asMapping(y) {
    if (y.value === undefined || y.value === null)
        return {};
    if (!isPlainObject(y.value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`a values file must be a mapping of keys to values, but this one is ${Array.isArray(y.value) ? 'a list' : `a ${typeof y.value}`}`, {
            file: y.file,
            ...y.locate([]),
        });
    }
    return y.value;
}
/** The chart's own values.yaml as the first layer (absent when the chart has none). */
async function chartDefaultsLayer(ctx, chartDir, display) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(chartDir, 'values.yaml');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs))
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
    if ((0,_jsonnet_js__WEBPACK_IMPORTED_MODULE_6__/* .isJsonnetFile */ .e6)(vf.abs)) {
        // once per run per file content and the ext vars it reads
        const key = (0,_jsonnet_js__WEBPACK_IMPORTED_MODULE_6__/* .jsonnetRenderKey */ .Re)(vf.abs, (0,_helm_jsonnet_js__WEBPACK_IMPORTED_MODULE_5__/* .jsonnetSource */ .zS)(vf.abs), vars);
        return ctx.memo(key, async () => {
            const dir = await ctx.tmpDir();
            const out = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `${ctx.stats.renders + Math.random().toString(36).slice(2)}-${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(vf.abs, '.jsonnet')}.json`);
            const value = await (0,_jsonnet_js__WEBPACK_IMPORTED_MODULE_6__/* .renderJsonnetValues */ .ED)(ctx.jsonnet(), vf.abs, vf.display, vars, out, ctx.options.env);
            if (!isPlainObject(value)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg('the jsonnet values file must evaluate to an object', { file: vf.display, line: 1, col: 1 });
            }
            return { display: vf.display, value, helmFile: out };
        });
    }
    const y = await parsedFile(ctx, vf.abs, vf.display);
    const value = asMapping(y);
    if ('sops' in value && isPlainObject(value.sops)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg('this file is sops-encrypted (it has a top-level `sops` key) but its name does not contain `secret`, so deploy would pass the encrypted text to helm', { file: vf.display, ...y.locateKey(['sops']), hint: `rename it so its basename contains "secret" (e.g. enc-${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(vf.abs)}) and update cluster.yaml` });
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



/***/ })

};
