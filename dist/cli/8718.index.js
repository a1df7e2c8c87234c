export const id = 8718;
export const ids = [8718];
export const modules = {

/***/ 98718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateCommand: () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: ./src/shared/findings.ts
var shared_findings = __webpack_require__(75051);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
// EXTERNAL MODULE: ./src/shared/validate/chart-values.ts + 1 modules
var chart_values = __webpack_require__(93208);
// EXTERNAL MODULE: ./src/shared/validate/cluster.ts + 1 modules
var validate_cluster = __webpack_require__(9365);
// EXTERNAL MODULE: ./src/shared/validate/hub.ts
var validate_hub = __webpack_require__(97427);
// EXTERNAL MODULE: ./src/shared/validate/values.ts
var values = __webpack_require__(62640);
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
    const merged = (0,values/* mergeValues */.D3)(layers.map((l) => l.value));
    const prefixes = hubConfigPrefixes(hub.helmChart);
    const prefix = prefixes.find((p) => (0,values/* getPath */.Yn)(merged, p) !== undefined) ?? prefixes[0];
    const config = (0,values/* getPath */.Yn)(merged, prefix);
    const out = [];
    const at = (p, message) => {
        const full = [...prefix, ...p];
        const loc = (0,values/* locateInLayers */.k0)(layers, full, true);
        out.push({ file: loc?.file ?? '', line: loc?.pos.line ?? 1, col: loc?.pos.col ?? 1, path: (0,yaml/* pathToPointer */.Qb)(full), message, severity: 'error' });
    };
    const where = (p) => {
        const loc = (0,values/* locateInLayers */.k0)(layers, [...prefix, ...p]);
        return loc ? `${loc.file}:${loc.pos.line}` : 'the values';
    };
    const cls = (0,values/* getPath */.Yn)(config, ['JupyterHub', 'authenticator_class']);
    if (isGitHubAuthenticator(cls) && nonEmpty((0,values/* getPath */.Yn)(config, ['GitHubOAuthenticator', 'allowed_organizations']))) {
        for (const section of ['Authenticator', 'GitHubOAuthenticator']) {
            if (nonEmpty((0,values/* getPath */.Yn)(config, [section, 'allowed_users']))) {
                at([section, 'allowed_users'], `hub ${hub.name}: unset \`${section}.allowed_users\`: GitHub organizations/teams decide who may log in ` +
                    `(\`GitHubOAuthenticator.allowed_organizations\` at ${where(['GitHubOAuthenticator', 'allowed_organizations'])}), ` +
                    'and an allowed_users list next to them refuses valid members');
            }
        }
    }
    if (isDummyAuthenticator(cls) && nonEmpty((0,values/* getPath */.Yn)(config, ['Authenticator', 'admin_users']))) {
        at(['Authenticator', 'admin_users'], `hub ${hub.name}: for security reasons, unset \`Authenticator.admin_users\` when the dummy authenticator is used ` +
            `(\`JupyterHub.authenticator_class\` at ${where(['JupyterHub', 'authenticator_class'])}): anyone can log in as an admin with any password`);
    }
    return out.filter((f) => f.file);
}
async function authenticatorConfigFindings(ctx, clusterName, hubName) {
    const loaded = await (0,validate_cluster/* loadClusterForValidation */.n4)(ctx, clusterName);
    if (!loaded.cluster)
        return loaded.findings;
    const cluster = loaded.cluster;
    const results = await Promise.all((0,validate_hub/* selectHubs */.lg)(cluster, hubName).map(async (hub) => {
        const spec = (0,validate_hub/* hubReleaseSpec */.Mi)(cluster, hub);
        if (!('chart' in spec))
            return [spec];
        const { layers, findings } = await (0,chart_values/* releaseLayers */.O8)(ctx, spec);
        return findings.length ? findings : authenticatorFindings(hub, layers);
    }));
    return results.flat();
}

// EXTERNAL MODULE: ./src/shared/validate/context.ts
var context = __webpack_require__(52883);
// EXTERNAL MODULE: ./src/shared/validate/support.ts
var support = __webpack_require__(79655);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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
    const notClusters = [];
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
            else if (name && name !== 'templates' && path.relative(paths.clustersDir, abs).includes(path.sep)) {
                notClusters.push(f);
            }
        }
    }
    return { clusters: all ? [...known].sort() : [...touched].sort(), all, reasons, notClusters };
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
    const ctx = (0,context/* createValidationContext */.n3)(paths, options);
    const known = (0,repo/* listClusterNames */.je)(paths); // also: a missing clusters directory is one clear error, whatever is named
    const clusters = request.cluster ? [request.cluster] : (request.clusters ?? known);
    const findings = [];
    try {
        ctx.stats.clusters = clusters.length;
        // Bad input inside one cluster is a finding for that cluster and the run goes on; anything else stops the run, but
        // only once every started render has finished (allSettled), so no helm process outlives the run.
        const located = (e) => {
            // a located fault of the repo (file and line); an unknown hub or cluster named by the caller is not one
            if (e instanceof errors/* DeployerError */.dg && e.file && e.line !== undefined && !(e instanceof errors/* UsageError */.eb))
                return [(0,context/* errorToFinding */.xy)(e)];
            throw e;
        };
        const settled = await Promise.allSettled(clusters.map(async (name) => {
            // An unknown named cluster is a usage error (thrown); everything wrong inside a cluster is a finding.
            await (0,validate_cluster/* loadClusterForValidation */.n4)(ctx, name);
            const parts = await Promise.all(checks.map((check) => {
                switch (check) {
                    case 'cluster-config':
                        return (0,validate_cluster/* clusterConfigFindings */.hm)(ctx, name).catch(located);
                    case 'support-config':
                        return (0,support/* supportConfigFindings */.U1)(ctx, name).catch(located);
                    case 'hub-config':
                        return (0,validate_hub/* hubConfigFindings */.a)(ctx, name, request.hub).catch(located);
                    case 'authenticator-config':
                        return authenticatorConfigFindings(ctx, name, request.hub).catch(located);
                }
            }));
            return parts.flat();
        }));
        const failed = settled.find((r) => r.status === 'rejected');
        if (failed)
            throw failed.reason;
        const perCluster = settled.map((r) => r.value);
        findings.push(...perCluster.flat(), ...(0,context/* renderFailureFindings */.XO)(ctx));
    }
    finally {
        await ctx.dispose();
    }
    const all = (0,shared_findings/* sortFindings */.Tc)((0,context/* dedupeFindings */._4)(findings));
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
        nothingValidated: clusters.length ? undefined : `no cluster was validated: ${request.clustersReason ?? 'the list of clusters to validate is empty'}`,
    };
}


// EXTERNAL MODULE: ./src/cli/common.ts + 1 modules
var common = __webpack_require__(76562);
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
        (0,common/* printResult */.RS)(result.findings.map(shared_findings/* formatFinding */.tf).join('\n'));
    const s = result.stats;
    const scope = cluster ? (hub ? `${cluster}/${hub}` : cluster) : plural(result.clusters.length, 'cluster');
    const work = [
        s.renders ? plural(s.renders, 'helm template render') : '',
        s.dependencyBuilds ? plural(s.dependencyBuilds, 'dependency build') : '',
        `${plural(s.helmStarts, 'helm process')}, ${plural(s.jsonnetStarts, 'jsonnet process')}`,
    ].filter(Boolean);
    // With --json the findings are the whole output (stderr stays quiet unless --verbose).
    if (opts.json && !opts.verbose)
        return result.errors > 0 ? 1 : 0;
    if (result.nothingValidated)
        process.stderr.write(`validate ${check}: ${result.nothingValidated}\n`);
    process.stderr.write(`validate ${check} (${scope}): ${result.errors || result.warnings ? `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}` : 'no findings'}` +
        ` [${work.join(', ')}; ${(s.durationMs / 1000).toFixed(2)} s]\n`);
    return result.errors > 0 ? 1 : 0;
}


/***/ })

};
