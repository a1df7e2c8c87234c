export const id = 853;
export const ids = [853];
export const modules = {

/***/ 9853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DATASOURCE_HEADER: () => (/* binding */ DATASOURCE_HEADER),
  datasourceRows: () => (/* binding */ datasourceRows),
  syncCentralDatasources: () => (/* binding */ syncCentralDatasources)
});

// UNUSED EXPORTS: DEFAULT_CENTRAL_CLUSTER, centralCandidates, centralClient, removeCentralDatasource

;// CONCATENATED MODULE: ./src/shared/pool.ts
/** Bounded concurrency for the capabilities (deploy, grafana, billing): a foundation piece, so no capability imports another for it. */
/** Run `fn` over `items` with at most `limit` at once; results keep the items' order. `fn` must not throw. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const width = Math.max(1, Math.min(limit, items.length));
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: width }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(8932);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(3422);
// EXTERNAL MODULE: ./src/shared/grafana/client.ts
var client = __webpack_require__(3279);
// EXTERNAL MODULE: ./src/shared/grafana/config.ts
var config = __webpack_require__(1302);
;// CONCATENATED MODULE: ./src/shared/grafana/datasources.ts
/**
 * The central Grafana's Prometheus datasources, one per cluster (upstream `update-central-datasources` and the 2026
 * `grafana central-ds add|remove|get-add-candidates|get-rm-candidates`):
 * - `syncCentralDatasources`: for every cluster (or the named ones) whose support values expose Prometheus, a
 *   datasource named after the cluster is created, or updated when its URL or basic-auth user changed (upstream only
 *   added); a cluster without a Prometheus ingress is skipped; a cluster that fails is recorded and never stops the
 *   others;
 * - candidates: clusters without a datasource (add) and Prometheus datasources naming no cluster (remove);
 * - `removeCentralDatasource`: deletes one datasource by name, only when asked.
 * The central Grafana is reached with its cluster's deployer token (Bearer), or GRAFANA_TOKEN.
 */






const DEFAULT_CENTRAL_CLUSTER = '2i2c';
async function centralClient(options) {
    const name = options.centralCluster || DEFAULT_CENTRAL_CLUSTER;
    if (options.token)
        (0,redact/* registerSecret */.cl)(options.token);
    const cluster = await (0,repo/* loadCluster */.vj)(options.paths, name);
    const sv = options.grafanaUrl ? undefined : await (0,config/* loadSupportValues */["in"])(cluster);
    const url = options.grafanaUrl ?? (options.grafanaUrlTemplate ? (0,config/* applyUrlTemplate */.IO)(options.grafanaUrlTemplate, name, sv) : (0,config/* grafanaUrlOf */.Xz)(sv));
    const token = options.token ?? (await (0,config/* grafanaToken */.eg)(cluster, { reporter: options.reporter, env: options.env }));
    return new client/* GrafanaClient */.e({ url, auth: { kind: 'bearer', token }, label: `central Grafana of ${name}`, ...options.client });
}
const DATASOURCE_HEADER = ['cluster', 'datasource', 'action', 'url', 'detail'];
function datasourceRows(rows) {
    return rows.map((r) => [r.cluster, r.datasource, r.action, r.url, r.detail ?? '']);
}
function payload(name, url, user, password) {
    return { name, type: 'prometheus', access: 'proxy', url, basicAuth: true, basicAuthUser: user, secureJsonData: { basicAuthPassword: password } };
}
async function syncCentralDatasources(options) {
    const { reporter } = options;
    const client = await centralClient(options);
    const existing = await client.listDatasources();
    const byName = new Map(existing.map((d) => [d.name, d]));
    const all = (0,repo/* listClusterNames */.je)(options.paths);
    const names = options.clusters?.length ? [...new Set(options.clusters)] : all;
    if (options.datasourceName && names.length !== 1)
        throw new errors/* DeployerError */.dg('--datasource-name applies to one cluster');
    const rows = await mapLimit(names, options.parallelism ?? 8, async (name) => {
        const dsName = options.datasourceName || name;
        try {
            const sv = await (0,config/* loadSupportValues */["in"])(await (0,repo/* loadCluster */.vj)(options.paths, name));
            if (!(0,config/* hasPrometheusIngress */.uD)(sv))
                return { cluster: name, datasource: dsName, action: 'skipped', url: '', detail: 'no Prometheus ingress in the support values' };
            const prom = await (0,config/* prometheusAccess */.Xw)(sv, { reporter, env: options.env });
            const body = payload(dsName, prom.url, prom.username, prom.password);
            const current = byName.get(dsName);
            if (!current) {
                if (!options.dryRun)
                    await client.createDatasource(body);
                return { cluster: name, datasource: dsName, action: 'created', url: prom.url };
            }
            const changes = [];
            if (current.url !== prom.url)
                changes.push(`url ${current.url ?? '(none)'} -> ${prom.url}`);
            if (current.basicAuthUser !== prom.username || current.basicAuth !== true)
                changes.push('basic-auth user');
            if (current.type !== 'prometheus')
                changes.push(`type ${current.type} -> prometheus`);
            if (!changes.length)
                return { cluster: name, datasource: dsName, action: 'unchanged', url: prom.url };
            if (!current.uid)
                throw new errors/* DeployerError */.dg(`datasource ${dsName} has no uid in the answer of GET /api/datasources (Grafana older than 8?)`);
            if (!options.dryRun)
                await client.updateDatasource(current.uid, { ...body, uid: current.uid, ...(current.isDefault !== undefined ? { isDefault: current.isDefault } : {}) });
            return { cluster: name, datasource: dsName, action: 'updated', url: prom.url, detail: changes.join('; ') };
        }
        catch (e) {
            const msg = (0,errors/* describeError */.Uc)(e);
            reporter.error(`${name}: ${msg}`, e instanceof errors/* DeployerError */.dg && e.file ? { file: e.file, line: e.line, col: e.col } : undefined);
            return { cluster: name, datasource: dsName, action: 'failed', url: '', detail: msg.split('\n')[0] };
        }
    });
    const clusterSet = new Set(all);
    const removeCandidates = existing.filter((d) => d.type === 'prometheus' && !clusterSet.has(d.name)).map((d) => d.name).sort();
    return { rows, failed: rows.filter((r) => r.action === 'failed').map((r) => r.cluster), removeCandidates, requests: client.requests, writes: client.writes };
}
async function centralCandidates(options) {
    const client = await centralClient(options);
    const existing = await client.listDatasources();
    const names = new Set(existing.map((d) => d.name));
    const clusters = listClusterNames(options.paths);
    const add = [];
    for (const c of clusters) {
        if (names.has(c))
            continue;
        try {
            if (hasPrometheusIngress(await loadSupportValues(await loadCluster(options.paths, c))))
                add.push(c);
        }
        catch {
            add.push(c); // a cluster that cannot be read is still a candidate; `add` reports why it fails
        }
    }
    const set = new Set(clusters);
    return { add, remove: existing.filter((d) => d.type === 'prometheus' && !set.has(d.name)).map((d) => d.name).sort() };
}
/** Delete the datasource `name` (default: the cluster's name) from the central Grafana. */
async function removeCentralDatasource(options) {
    const client = await centralClient(options);
    const existing = await client.listDatasources();
    const ds = existing.find((d) => d.name === options.name);
    if (!ds)
        throw new DeployerError(`the central Grafana has no datasource named \`${options.name}\``, { hint: 'list them with `deployer grafana central-ds get-rm-candidates`' });
    if (!options.dryRun)
        await client.deleteDatasourceByName(options.name);
    return { cluster: options.name, datasource: options.name, action: 'removed', url: ds.url ?? '' };
}


/***/ })

};
