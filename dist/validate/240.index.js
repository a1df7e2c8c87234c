export const id = 240;
export const ids = [240];
export const modules = {

/***/ 2240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ensureTools: () => (/* binding */ ensureTools)
/* harmony export */ });
/* unused harmony exports TOOL_VERSIONS, ACCEPT, probeInstalled, installedVersion, versionAcceptable, downloadUrl, sha256File, ensureTool */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8382);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4466);
/* harmony import */ var _shutdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4445);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7564);
/**
 * Tool installs for GitHub Actions: helm, kubectl, sops and jsonnet (go-jsonnet) at pinned versions, each download
 * checked against a SHA-256 checksum committed below BEFORE anything is extracted or made executable, then cached
 * with @actions/tool-cache (RUNNER_TOOL_CACHE) so later steps and jobs on the runner reuse it.
 *
 * Order of preference for a tool:
 *   1. `DEPLOYER_<TOOL>` (explicit override, used as is);
 *   2. the tool on PATH, if its version is acceptable (ACCEPT below);
 *   3. in Actions only: the tool cache, else a verified download of the pinned release.
 * Outside Actions (the CLI) nothing is downloaded: a missing tool is a DeployerError naming it and how to get it.
 *
 * `DEPLOYER_TOOL_MIRROR` (a base URL) replaces the download host: `<mirror>/<original host><original path>`, e.g.
 * `https://mirror.example/get.helm.sh/helm-v3.18.4-linux-amd64.tar.gz`. The checksum is the same either way, so a
 * mirror cannot change what gets installed.
 *
 * Where the checksums come from (see the report of the issue that added them): helm's get.helm.sh `.sha256sum`
 * files, kubectl's dl.k8s.io `kubectl.sha256`, sops's `sops-v3.9.4.checksums.txt`, go-jsonnet's `checksums.txt`,
 * each cross-checked in several independent public repositories that pin the same release.
 *
 * This module imports @actions/tool-cache lazily (only when a download is needed), so the CLI never loads it.
 */








function pinned(version, platforms) {
    const x64 = platforms['linux-x64'];
    return { version, url: x64.url, sha256: x64.sha256, platforms };
}
const TOOL_VERSIONS = {
    helm: pinned('3.18.4', {
        'linux-x64': {
            url: 'https://get.helm.sh/helm-v3.18.4-linux-amd64.tar.gz',
            sha256: 'f8180838c23d7c7d797b208861fecb591d9ce1690d8704ed1e4cb8e2add966c1',
            kind: 'tar.gz',
            entry: 'linux-amd64/helm',
        },
        'linux-arm64': {
            url: 'https://get.helm.sh/helm-v3.18.4-linux-arm64.tar.gz',
            sha256: 'c0a45e67eef0c7416a8a8c9e9d5d2d30d70e4f4d3f7bea5de28241fffa8f3b89',
            kind: 'tar.gz',
            entry: 'linux-arm64/helm',
        },
    }),
    kubectl: pinned('1.33.1', {
        'linux-x64': {
            url: 'https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl',
            sha256: '5de4e9f2266738fd112b721265a0c1cd7f4e5208b670f811861f699474a100a3',
            kind: 'binary',
        },
        'linux-arm64': {
            url: 'https://dl.k8s.io/release/v1.33.1/bin/linux/arm64/kubectl',
            sha256: 'd595d1a26b7444e0beb122e25750ee4524e74414bbde070b672b423139295ce6',
            kind: 'binary',
        },
    }),
    sops: pinned('3.9.4', {
        'linux-x64': {
            url: 'https://github.com/getsops/sops/releases/download/v3.9.4/sops-v3.9.4.linux.amd64',
            sha256: '5488e32bc471de7982ad895dd054bbab3ab91c417a118426134551e9626e4e85',
            kind: 'binary',
        },
        'linux-arm64': {
            url: 'https://github.com/getsops/sops/releases/download/v3.9.4/sops-v3.9.4.linux.arm64',
            sha256: '16564c6b181d88505d9e0dfef62771894293d85cde5884d9b1a843859eee174b',
            kind: 'binary',
        },
    }),
    jsonnet: pinned('0.20.0', {
        'linux-x64': {
            url: 'https://github.com/google/go-jsonnet/releases/download/v0.20.0/go-jsonnet_0.20.0_Linux_x86_64.tar.gz',
            sha256: 'a137c5e969609c3995c4d05817a247cfef8a92760c5306c3ad7df0355dd62970',
            kind: 'tar.gz',
            entry: 'jsonnet',
        },
        'linux-arm64': {
            url: 'https://github.com/google/go-jsonnet/releases/download/v0.20.0/go-jsonnet_0.20.0_Linux_arm64.tar.gz',
            sha256: '49fbc99c91dcd2be53fa856307de3b8708c91dc5c74740714fdf9317957322e0',
            kind: 'tar.gz',
            entry: 'jsonnet',
        },
    }),
};
/** Versions of a tool already on PATH that are used as they are. */
const ACCEPT = {
    // helm 3.14+ and helm 4 (both are supported by the helm client).
    helm: { args: ['version', '--short'], pattern: /v?(\d+)\.(\d+)\.(\d+)/, min: [3, 14, 0], belowMajor: 5 },
    kubectl: { args: ['version', '--client', '-o', 'json'], pattern: /"gitVersion":\s*"v(\d+)\.(\d+)\.(\d+)/, min: [1, 28, 0], belowMajor: 2 },
    // sops 3.8+ (age support, stable --input-type/--output-type).
    sops: { args: ['--version'], pattern: /(\d+)\.(\d+)\.(\d+)/, min: [3, 8, 0], belowMajor: 4 },
    // go-jsonnet, or C++ jsonnet 0.18+ (enough for 2023 charts and dashboards). The 2026 charts' values.jsonnet use
    // std.splitLimitR and std.any, which Debian/Ubuntu's C++ jsonnet 0.18 lacks: a C++ jsonnet found on the runner's PATH
    // is used, and the log says so and how to get the pinned go-jsonnet instead (where no jsonnet is on PATH, the
    // pinned go-jsonnet is what gets installed).
    jsonnet: {
        args: ['--version'],
        pattern: /v(\d+)\.(\d+)\.(\d+)/,
        min: [0, 18, 0],
        belowMajor: 1,
        prefers: { pattern: /Go implementation/, why: 'the 2026 charts\' values.jsonnet need go-jsonnet >= 0.20 (std.splitLimitR, std.any)' },
    },
};
function platformKey() {
    return `${process.platform}-${process.arch}`;
}
function compare(a, b) {
    for (let i = 0; i < 3; i++)
        if (a[i] !== b[i])
            return a[i] - b[i];
    return 0;
}
/** The version of an installed tool (undefined when it cannot be told) and its whole version output. */
async function probeInstalled(tool, bin) {
    const probe = ACCEPT[tool];
    try {
        const r = await (0,_run_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .qI)(bin, probe.args, { timeoutMs: 20_000, allowFailure: true });
        const output = `${r.stdout}\n${r.stderr}`;
        const m = probe.pattern.exec(output);
        return { version: m ? `${m[1]}.${m[2]}.${m[3]}` : undefined, output };
    }
    catch {
        return { output: '' };
    }
}
/** The version of an installed tool, or undefined when it cannot be told. */
async function installedVersion(tool, bin) {
    return (await probeInstalled(tool, bin)).version;
}
function versionAcceptable(tool, version) {
    const probe = ACCEPT[tool];
    const v = version.split('.').map(Number);
    if (compare(v, probe.min) < 0)
        return false;
    if (probe.belowMajor !== undefined && v[0] >= probe.belowMajor)
        return false;
    return true;
}
/** The download URL after the mirror rewrite. */
function downloadUrl(url, env = process.env) {
    const mirror = env.DEPLOYER_TOOL_MIRROR;
    if (!mirror)
        return url;
    const u = new URL(url);
    return `${mirror.replace(/\/+$/, '')}/${u.host}${u.pathname}`;
}
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
const inFlight = new Map();
/**
 * The path of a usable `name` binary: override, PATH (acceptable version), tool cache, or (in Actions) a verified
 * download. The binary's directory is what callers put first on PATH (`toolEnv`).
 */
async function ensureTool(name, opts) {
    const env = opts.env ?? process.env;
    const override = env[`DEPLOYER_${name.toUpperCase()}`];
    if (override)
        return (0,_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .toolPath */ .O)(name, env);
    let found;
    try {
        found = (0,_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .toolPath */ .O)(name, env);
    }
    catch {
        found = undefined;
    }
    let reason = 'not found on PATH';
    if (found) {
        const { version, output } = await probeInstalled(name, found);
        if (version && versionAcceptable(name, version)) {
            const prefers = ACCEPT[name].prefers;
            if (prefers && !prefers.pattern.test(output)) {
                const pin = (opts.table ?? TOOL_VERSIONS)[name];
                opts.reporter.info(`using ${name} ${version} at ${found}, which is not go-jsonnet: ${prefers.why}. To use the pinned go-jsonnet ${pin.version}, ` +
                    `set DEPLOYER_JSONNET to a go-jsonnet binary, or take ${found} off PATH and the action installs it (checksum-verified)`);
            }
            else
                opts.reporter.debug(`using ${name} ${version} at ${found}`);
            return found;
        }
        reason = version ? `${found} is version ${version}, which is not supported` : `could not tell the version of ${found}`;
    }
    const pin = (opts.table ?? TOOL_VERSIONS)[name];
    if (!opts.inActions) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`\`${name}\` is needed: ${reason}`, { hint: `${_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .TOOL_HINTS */ .y[name]} (deployer is tested with ${name} ${pin.version})` });
    }
    const key = `${name}@${pin.version}`;
    let p = inFlight.get(key);
    if (!p) {
        p = install(name, opts, env, reason).finally(() => inFlight.delete(key));
        inFlight.set(key, p);
    }
    return p;
}
async function install(name, opts, env, reason) {
    const pin = (opts.table ?? TOOL_VERSIONS)[name];
    const asset = pin.platforms[platformKey()];
    if (!asset) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`\`${name}\` is needed (${reason}), and deployer has no pinned checksum for ${name} on ${platformKey()}`, {
            hint: `install ${name} on PATH before this step (${_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .TOOL_HINTS */ .y[name]})`,
        });
    }
    const tc = await __webpack_require__.e(/* import() */ 805).then(__webpack_require__.bind(__webpack_require__, 9805));
    const arch = process.arch;
    const binName = node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(asset.entry ?? name);
    const cached = tc.find(name, pin.version, arch);
    if (cached && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cached, name))) {
        opts.reporter.debug(`using cached ${name} ${pin.version} from ${cached}`);
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cached, name);
    }
    const url = downloadUrl(asset.url, env);
    opts.reporter.info(`installing ${name} ${pin.version} (${reason}) from ${url}`);
    let downloaded;
    try {
        downloaded = await tc.downloadTool(url);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`could not download ${name} ${pin.version} from ${url}: ${e.message}`, {
            hint: `check the network or DEPLOYER_TOOL_MIRROR, or install ${name} on PATH before this step`,
        });
    }
    const work = [downloaded];
    // The download and its extraction are removed on every path, a stop signal included (exec/shutdown.ts).
    const off = (0,_shutdown_js__WEBPACK_IMPORTED_MODULE_6__/* .onShutdown */ .Ob)(() => {
        for (const p of work)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(p, { recursive: true, force: true });
    });
    try {
        const actual = await sha256File(downloaded);
        if (actual !== asset.sha256) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`checksum mismatch for ${name} ${pin.version} downloaded from ${url}: expected sha256 ${asset.sha256}, got ${actual}. Nothing was installed`, {
                hint: 'the download was corrupted or tampered with; retry, and if it persists, check the mirror (DEPLOYER_TOOL_MIRROR) or report it',
            });
        }
        let dir;
        if (asset.kind === 'binary') {
            dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.RUNNER_TEMP || node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(downloaded), `deployer-${name}-`));
            work.push(dir);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(downloaded, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name));
        }
        else {
            const extracted = await tc.extractTar(downloaded);
            work.push(extracted);
            const entry = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(extracted, asset.entry ?? name);
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(entry)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`the ${name} ${pin.version} archive from ${url} has no ${asset.entry}`, { hint: 'the pinned entry path is wrong; report it' });
            }
            dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(entry);
            if (binName !== name)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(entry, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name));
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name), 0o755);
        const cachedDir = await tc.cacheDir(dir, name, pin.version, arch);
        opts.reporter.info(`installed ${name} ${pin.version} (sha256 ${asset.sha256.slice(0, 12)}... verified) into ${cachedDir}`);
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cachedDir, name);
    }
    finally {
        off();
        for (const p of work)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(p, { recursive: true, force: true }).catch(() => undefined);
    }
}
/** ensureTool for several tools; returns their paths and an environment that finds them first. */
async function ensureTools(names, opts) {
    const env = opts.env ?? process.env;
    const paths = {};
    for (const n of names)
        paths[n] = await ensureTool(n, opts);
    const binDirs = [...new Set(Object.values(paths).map((p) => node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(p)))];
    const PATH = [...binDirs, ...(env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)).filter(Boolean)].join((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter));
    return { paths, binDirs, env: { ...env, PATH } };
}


/***/ })

};
