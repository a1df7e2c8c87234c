export const id = 349;
export const ids = [349];
export const modules = {

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
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8382);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1827);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3422);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7564);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7327);
/* harmony import */ var _secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7242);
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


/***/ })

};
