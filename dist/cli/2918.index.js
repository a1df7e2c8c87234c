export const id = 2918;
export const ids = [2918];
export const modules = {

/***/ 52918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   candidatesCommand: () => (/* binding */ candidatesCommand),
/* harmony export */   deployDashboardsCommand: () => (/* binding */ deployDashboardsCommand),
/* harmony export */   newTokenCommand: () => (/* binding */ newTokenCommand),
/* harmony export */   removeDatasourceCommand: () => (/* binding */ removeDatasourceCommand),
/* harmony export */   syncDatasourcesCommand: () => (/* binding */ syncDatasourcesCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _shared_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21827);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76562);
/** `deployer grafana ...`: dashboards, the deployer token, the central Grafana's datasources. Results on stdout. */




const str = (v) => (typeof v === 'string' && v ? v : undefined);
function envToken() {
    return process.env.GRAFANA_TOKEN || undefined;
}
async function deployDashboardsCommand(cluster, opts) {
    const { deployDashboards, DASHBOARD_HEADER, dashboardRows } = await Promise.all(/* import() */[__webpack_require__.e(1302), __webpack_require__.e(7937)]).then(__webpack_require__.bind(__webpack_require__, 87937));
    const { parseDashboardSet } = await __webpack_require__.e(/* import() */ 8812).then(__webpack_require__.bind(__webpack_require__, 98812));
    const dir = str(opts.dashboardsDir);
    if (!dir)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('--dashboards-dir is required', 'check out jupyterhub/grafana-dashboards at a pinned ref and pass its directory');
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(dir);
    const reporter = (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .terminalReporter */ .CO)(opts);
    const result = await deployDashboards({
        paths: (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .pathsFrom */ .lL)(opts),
        reporter,
        clusters: cluster ? [cluster] : [],
        dashboardsRoot: root,
        folderUid: str(opts.folderUid),
        folderName: str(opts.folderName),
        extraSets: (opts.extraDashboards ?? []).map((s) => parseDashboardSet(s, root)),
        grafanaUrl: str(opts.grafanaUrl),
        grafanaUrlTemplate: str(opts.grafanaUrlTemplate),
        token: cluster ? envToken() : undefined,
        dryRun: opts.dryRun === true,
        parallelism: typeof opts.parallelism === 'number' ? Math.max(1, opts.parallelism) : undefined,
    });
    if (opts.json)
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(JSON.stringify({ dryRun: result.dryRun, failed: result.failed, skipped: result.skipped, rows: result.rows }, null, 2));
    else
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)((0,_shared_log_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTextTable */ .D6)(DASHBOARD_HEADER, dashboardRows(result.rows)));
    if (!cluster && envToken())
        reporter.warn('GRAFANA_TOKEN is set but ignored: with no cluster named, each cluster uses its own token file');
    if (result.failed.length) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`dashboards failed on ${result.failed.length} of ${result.clusters.length} cluster(s): ${result.failed.join(', ')}`, { hint: 'the errors above say why; the other clusters were deployed' });
    }
    return 0;
}
async function newTokenCommand(cluster, opts) {
    const { newGrafanaToken } = await Promise.all(/* import() */[__webpack_require__.e(1302), __webpack_require__.e(3123)]).then(__webpack_require__.bind(__webpack_require__, 83123));
    const { storeTokenFile } = await Promise.all(/* import() */[__webpack_require__.e(1302), __webpack_require__.e(6512), __webpack_require__.e(6922)]).then(__webpack_require__.bind(__webpack_require__, 96922));
    const paths = (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .pathsFrom */ .lL)(opts);
    const reporter = (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .terminalReporter */ .CO)(opts);
    const result = await newGrafanaToken({
        paths,
        reporter,
        cluster,
        replace: opts.replace === true,
        grafanaUrl: str(opts.grafanaUrl),
        grafanaUrlTemplate: str(opts.grafanaUrlTemplate),
        store: (c, token) => storeTokenFile({ paths, cluster: c, token, reporter }),
    });
    if (opts.json)
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(JSON.stringify(result, null, 2));
    else {
        const rows = [[result.cluster, result.url, result.action, result.action === 'kept' ? '(unchanged)' : result.tokenFile]];
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)((0,_shared_log_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTextTable */ .D6)(['cluster', 'grafana', 'token', 'file'], rows));
        if (result.changes.length)
            (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(`changed in the working tree (commit it): ${result.changes.map((c) => `${c.path} (${c.action}, encrypted)`).join(', ')}`);
    }
    return 0;
}
function centralOpts(opts) {
    return {
        paths: (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .pathsFrom */ .lL)(opts),
        reporter: (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .terminalReporter */ .CO)(opts),
        centralCluster: str(opts.centralGrafanaCluster),
        grafanaUrl: str(opts.grafanaUrl),
        grafanaUrlTemplate: str(opts.grafanaUrlTemplate),
        token: envToken(),
    };
}
async function syncDatasourcesCommand(clusters, opts) {
    const { syncCentralDatasources, DATASOURCE_HEADER, datasourceRows } = await Promise.all(/* import() */[__webpack_require__.e(1302), __webpack_require__.e(7600)]).then(__webpack_require__.bind(__webpack_require__, 87600));
    const result = await syncCentralDatasources({ ...centralOpts(opts), clusters, datasourceName: str(opts.datasourceName), dryRun: opts.dryRun === true });
    if (opts.json)
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(JSON.stringify(result, null, 2));
    else {
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)((0,_shared_log_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTextTable */ .D6)(DATASOURCE_HEADER, datasourceRows(result.rows)));
        if (result.removeCandidates.length)
            (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(`datasources that name no cluster (remove with \`deployer grafana central-ds remove NAME\`): ${result.removeCandidates.join(', ')}`);
    }
    if (result.failed.length)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`${result.failed.length} cluster(s) could not be made datasources: ${result.failed.join(', ')}`, { hint: 'the errors above say why; the other clusters were done' });
    return 0;
}
async function candidatesCommand(kind, opts) {
    const { centralCandidates } = await Promise.all(/* import() */[__webpack_require__.e(1302), __webpack_require__.e(7600)]).then(__webpack_require__.bind(__webpack_require__, 87600));
    const c = await centralCandidates(centralOpts(opts));
    const list = kind === 'add' ? c.add : c.remove;
    if (opts.json)
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(JSON.stringify(list));
    else if (!list.length)
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)('Everything is up to date.');
    else
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(list.join('\n'));
    return 0;
}
async function removeDatasourceCommand(cluster, opts) {
    const { removeCentralDatasource } = await Promise.all(/* import() */[__webpack_require__.e(1302), __webpack_require__.e(7600)]).then(__webpack_require__.bind(__webpack_require__, 87600));
    const row = await removeCentralDatasource({ ...centralOpts(opts), name: str(opts.datasourceName) ?? cluster, dryRun: opts.dryRun === true });
    if (opts.json)
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(JSON.stringify(row));
    else
        (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .printResult */ .RS)(`${opts.dryRun ? 'would remove' : 'removed'} datasource ${row.datasource}${row.url ? ` (${row.url})` : ''}`);
    return 0;
}


/***/ })

};
