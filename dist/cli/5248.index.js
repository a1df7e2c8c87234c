export const id = 5248;
export const ids = [5248,2955,5336,108];
export const modules = {

/***/ 65248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  costTableCommand: () => (/* binding */ costTableCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/shared/pool.ts
var pool = __webpack_require__(15135);
// EXTERNAL MODULE: ./src/shared/secrets/index.ts + 2 modules
var secrets = __webpack_require__(45336);
// EXTERNAL MODULE: ./src/shared/billing/query.ts
var query = __webpack_require__(39849);
// EXTERNAL MODULE: ./src/shared/billing/months.ts
var months = __webpack_require__(4202);
// EXTERNAL MODULE: ./src/shared/billing/render.ts
var render = __webpack_require__(57789);
;// CONCATENATED MODULE: ./src/shared/billing/select.ts
/**
 * Which clusters are billed to the operator, read from cluster.yaml: `gcp.billing.paid_by_us` (BigQuery export) and
 * `aws.billing.paid_by_us` (Cost Explorer). Every other cluster is listed as skipped with the reason (upstream crashed
 * with a KeyError on a gcp cluster without billing); a cluster whose billing block is unusable is a failure of that
 * cluster only, located in its cluster.yaml.
 */



const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
function at(cluster, pointer) {
    return { file: cluster.displayFile, ...cluster.yaml.locate(pointer) };
}
/** The billing of one cluster: billed, or the reason it is skipped. Throws a located DeployerError for bad config. */
function billingOf(cluster) {
    const spec = cluster.spec;
    const shared = spec.tenancy === 'shared';
    const provider = cluster.provider;
    if (provider !== 'gcp' && provider !== 'aws') {
        return { skip: `provider ${String(provider)}: no billing source for it (the table reads GCP billing exports and AWS Cost Explorer)` };
    }
    const block = obj(spec[provider]);
    const billing = obj(block?.billing);
    if (!billing)
        return { skip: `no ${provider}.billing in cluster.yaml` };
    if (billing.paid_by_us !== true)
        return { skip: `${provider}.billing.paid_by_us is ${billing.paid_by_us === false ? 'false' : 'not set'} (not billed to the operator)` };
    if (provider === 'gcp') {
        const bq = obj(billing.bigquery);
        const project = block?.project;
        if (!bq || typeof bq.project !== 'string' || typeof bq.dataset !== 'string' || typeof bq.billing_id !== 'string') {
            throw new errors/* DeployerError */.dg(`cluster ${cluster.name}: gcp.billing.paid_by_us is true but gcp.billing.bigquery {project, dataset, billing_id} is missing or incomplete`, {
                ...at(cluster, ['gcp', 'billing']),
                hint: 'name the BigQuery billing export: its project, dataset and billing account id (XXXXXX-XXXXXX-XXXXXX)',
            });
        }
        if (typeof project !== 'string' || !project) {
            throw new errors/* DeployerError */.dg(`cluster ${cluster.name}: gcp.project is required for its costs`, { ...at(cluster, ['gcp']), hint: 'set gcp.project in cluster.yaml' });
        }
        const bigquery = { project: bq.project, dataset: bq.dataset, billingId: bq.billing_id };
        (0,query/* billingTable */.Mh)(bigquery, at(cluster, ['gcp', 'billing', 'bigquery'])); // the injection guard, located
        return { name: cluster.name, provider: 'gcp', shared, file: cluster.displayFile, project, bigquery };
    }
    const rawAccount = block?.account;
    let account;
    if (typeof rawAccount === 'number' || typeof rawAccount === 'string') {
        account = String(rawAccount).padStart(12, '0');
        if (!/^\d{12}$/.test(account)) {
            throw new errors/* DeployerError */.dg(`cluster ${cluster.name}: aws.account \`${String(rawAccount)}\` is not a 12-digit AWS account id`, { ...at(cluster, ['aws', 'account']), hint: 'write the account id as a quoted string to keep leading zeros' });
        }
    }
    let keyFile;
    let keyDisplay;
    if (typeof block?.key === 'string' && block.key) {
        keyFile = (0,repo/* resolveInCluster */.aj)(cluster, block.key, ['aws', 'key']);
        keyDisplay = `${cluster.displayFile.replace(/cluster\.yaml$/, '')}${block.key}`;
    }
    return { name: cluster.name, provider: 'aws', shared, file: cluster.displayFile, account, keyFile, keyDisplay };
}
async function selectClusters(paths, only) {
    const names = only?.length ? [...new Set(only)].sort() : (0,repo/* listClusterNames */.je)(paths);
    const out = { billed: [], skipped: [], failed: [] };
    for (const name of names) {
        try {
            const cluster = (0,repo/* clusterFromYaml */.AS)(paths, name, await (0,repo/* readClusterYaml */.ev)(paths, name));
            const b = billingOf(cluster);
            if ('skip' in b)
                out.skipped.push({ cluster: name, reason: b.skip });
            else
                out.billed.push({ cluster, billing: b });
        }
        catch (e) {
            out.failed.push({ cluster: name, error: (0,errors/* describeError */.Uc)(e) });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/shared/billing/tenancy.ts

/** The namespaces upstream counts as the operator's own (its demo, staging and controller namespaces). */
const DEFAULT_INTERNAL_NAMESPACES = ['utexas-demo', 'staging', 'demo', 'dask-staging', 'configconnector-operator-system', 'cnrm-system', 'binder-staging'];
const DEFAULT_INTERNAL_LINE = '2i2c_costs';
const SUPPORT_LINE = 'support_combined';
const SUPPORT_NAMESPACES = ['support', 'kube-system'];
/** Sum the samples of each namespace per UTC month. NaN and unparsable samples count 0 (upstream's fillna(0)). */
function monthlySums(series) {
    const out = new Map();
    for (const s of series) {
        for (const [ts, raw] of s.values) {
            const month = (0,months/* monthOfInstant */.j3)(new Date(ts * 1000));
            const v = Number(raw);
            const row = out.get(month) ?? new Map();
            out.set(month, row);
            row.set(s.namespace, (row.get(s.namespace) ?? 0) + (Number.isFinite(v) ? v : 0));
        }
    }
    return out;
}
/** Each month's values as fractions of its total. A month whose total is 0 has no usage to split by: dropped. */
function normalise(table) {
    const out = new Map();
    for (const [month, row] of table) {
        const total = [...row.values()].reduce((a, b) => a + b, 0);
        if (!(total > 0))
            continue;
        out.set(month, new Map([...row].map(([k, v]) => [k, v / total])));
    }
    return out;
}
/** Combine support + kube-system into `support_combined` and the internal namespaces into one line, per month. */
function combineLines(table, options = {}) {
    const internal = options.internalNamespaces ?? DEFAULT_INTERNAL_NAMESPACES;
    const internalLine = options.internalLine ?? DEFAULT_INTERNAL_LINE;
    const out = new Map();
    for (const [month, row] of table) {
        const next = new Map();
        let support = 0;
        let ops = 0;
        let hasOps = false;
        for (const [ns, v] of row) {
            if (SUPPORT_NAMESPACES.includes(ns))
                support += v;
            else if (internal.includes(ns)) {
                ops += v;
                hasOps = true;
            }
            else
                next.set(ns, (next.get(ns) ?? 0) + v);
        }
        next.set(SUPPORT_LINE, (next.get(SUPPORT_LINE) ?? 0) + support);
        if (hasOps)
            next.set(internalLine, (next.get(internalLine) ?? 0) + ops);
        out.set(month, next);
    }
    return out;
}
/** Steps 1-3: the fraction of each line per month. */
function utilisation(series, options = {}) {
    return combineLines(normalise(monthlySums(series)), options);
}
/**
 * Step 4: each month's cost times each line's fraction. Unlike upstream's left join (which silently dropped a month
 * Prometheus had no data for), a month without usage keeps its whole cost on the cluster's own line and is reported.
 */
function splitCosts(cluster, provider, totals, fractions) {
    const rows = [];
    const unsplit = [];
    for (const t of totals) {
        const f = fractions.get(t.period);
        if (!f) {
            unsplit.push(t.period);
            rows.push({ period: t.period, cluster, provider, project: t.project, cost: t.cost, ...(t.currency ? { currency: t.currency } : {}) });
            continue;
        }
        for (const [line, share] of [...f].sort(([a], [b]) => a.localeCompare(b))) {
            rows.push({ period: t.period, cluster, provider, project: line, cost: t.cost * share, share, ...(t.currency ? { currency: t.currency } : {}) });
        }
    }
    return { rows, unsplit };
}

;// CONCATENATED MODULE: ./src/shared/billing/index.ts
/**
 * The cost table (issue 13, upstream A.16 and beyond): the monthly cost after credits of every cluster billed to the
 * operator (GCP through the BigQuery billing export, AWS through Cost Explorer), shared clusters split across their
 * hubs by memory requests from their Prometheus. Clusters are asked concurrently (bounded); one cluster's failure is
 * recorded and the others go on; the caller exits 1 naming the failed ones.
 */












const DEFAULT_CONCURRENCY = 8;
/** Lazily made, shared by every GCP cluster of the run: one decryption, one auth client. */
function googleAuthOnce(opts, projectId) {
    let p;
    return () => (p ??= (async () => {
        const { googleAuthClient, readServiceAccountKey, BIGQUERY_SCOPE } = await Promise.all(/* import() */[__webpack_require__.e(6704), __webpack_require__.e(492), __webpack_require__.e(1769)]).then(__webpack_require__.bind(__webpack_require__, 41769));
        const key = opts.gcp?.keyFile ? await readServiceAccountKey(opts.gcp.keyFile, opts.gcp.keyDisplay ?? opts.gcp.keyFile, opts.reporter, opts.env) : undefined;
        return googleAuthClient([BIGQUERY_SCOPE], key, projectId);
    })());
}
async function awsClusterKey(b, opts) {
    if (!b.keyFile) {
        throw new errors/* DeployerError */.dg(`cluster ${b.name}: aws-credentials is cluster-key but cluster.yaml has no aws.key`, {
            file: b.file,
            hint: 'name the sops-encrypted access key in aws.key, or use the job\'s credentials (aws-credentials: ambient)',
        });
    }
    const doc = (await (0,secrets.readDecrypted)(b.keyFile, { reporter: opts.reporter, display: b.keyDisplay, env: opts.env }));
    const id = doc?.AccessKey?.AccessKeyId;
    const secret = doc?.AccessKey?.SecretAccessKey;
    if (typeof id !== 'string' || typeof secret !== 'string') {
        throw new errors/* DeployerError */.dg(`the decrypted ${b.keyDisplay} has no AccessKey.AccessKeyId and AccessKey.SecretAccessKey`, { file: b.keyDisplay });
    }
    return { accessKeyId: id, secretAccessKey: secret };
}
/** One BigQuery client per export project for the whole run (one auth set-up, one connection pool). */
const bigqueryClients = new WeakMap();
async function monthTotals(b, opts, google) {
    const timeoutMs = opts.timeoutMs ?? 120_000;
    if (b.provider === 'gcp') {
        const { billingTable, bigqueryClient, gcpMonthTotals } = await Promise.all(/* import() */[__webpack_require__.e(2830), __webpack_require__.e(6704), __webpack_require__.e(3669), __webpack_require__.e(5087), __webpack_require__.e(2095)]).then(__webpack_require__.bind(__webpack_require__, 2095));
        const authClient = await google();
        const perAuth = bigqueryClients.get(authClient) ?? new Map();
        bigqueryClients.set(authClient, perAuth);
        const key = `${b.bigquery.project}\n${opts.gcp?.apiEndpoint ?? ''}`;
        if (!perAuth.has(key))
            perAuth.set(key, bigqueryClient(b.bigquery.project, authClient, opts.gcp?.apiEndpoint));
        return gcpMonthTotals({
            client: perAuth.get(key),
            cluster: b.name,
            jobProject: b.bigquery.project,
            table: billingTable(b.bigquery, { file: b.file }),
            project: b.project,
            range: opts.range,
            serviceId: opts.serviceId,
            authClient,
            apiEndpoint: opts.gcp?.apiEndpoint,
            timeoutMs,
        });
    }
    const mode = opts.aws?.credentials ?? 'ambient';
    if (mode === 'ambient' && !b.account) {
        throw new errors/* DeployerError */.dg(`cluster ${b.name}: aws.account is needed to pick the cluster's account out of the costs the job's credentials can see`, {
            file: b.file,
            hint: 'set aws.account (the 12-digit account id) in cluster.yaml, or use aws-credentials: cluster-key',
        });
    }
    const credentials = mode === 'cluster-key' ? await awsClusterKey(b, opts) : undefined;
    const { awsMonthTotals } = await Promise.all(/* import() */[__webpack_require__.e(2994), __webpack_require__.e(386)]).then(__webpack_require__.bind(__webpack_require__, 60386));
    return awsMonthTotals({ cluster: b.name, project: b.name, account: b.account, range: opts.range, credentials, endpoint: opts.aws?.endpoint, timeoutMs });
}
async function sharedSplit(cluster, b, totals, opts) {
    const { locatePrometheus, memoryRequests } = await __webpack_require__.e(/* import() */ 1957).then(__webpack_require__.bind(__webpack_require__, 21957));
    const target = await locatePrometheus(cluster, { reporter: opts.reporter, env: opts.env, overrideUrl: opts.prometheus?.urls?.[b.name] });
    const { start, endExclusive } = (0,months/* rangeInstants */.sH)(opts.range);
    const series = await memoryRequests(b.name, target, start.getTime() / 1000, endExclusive.getTime() / 1000 - 1, opts.timeoutMs ?? 120_000);
    const fractions = utilisation(series, { internalNamespaces: opts.prometheus?.internalNamespaces, internalLine: opts.prometheus?.internalLine });
    const split = splitCosts(b.name, b.provider, totals, fractions);
    if (split.unsplit.length) {
        opts.reporter.warn(`cluster ${b.name}: Prometheus has no memory requests for ${split.unsplit.join(', ')}, so the cost of ${split.unsplit.length === 1 ? 'that month stays' : 'those months stays'} on one line (project ${totals[0]?.project}) instead of being split across hubs`, { file: b.file });
    }
    return split.rows;
}
/** Build the table. Bad options throw (usage errors); a cluster's failure is recorded in `failed`. */
async function buildCostTable(opts) {
    const reporter = opts.reporter;
    (0,query/* serviceFilter */.si)(opts.serviceId); // the service-id guard, before anything is asked
    const selection = await selectClusters(opts.paths, opts.clusters);
    for (const s of selection.skipped)
        reporter.info(`skipped ${s.cluster}: ${s.reason}`);
    const firstGcp = selection.billed.map((b) => b.billing).find((b) => b.provider === 'gcp');
    const google = googleAuthOnce(opts, firstGcp?.provider === 'gcp' ? firstGcp.bigquery.project : undefined);
    const n = selection.billed.length;
    let done = 0;
    reporter.info(`costs ${opts.range.start} to ${opts.range.end} for ${n} billed cluster(s), ${Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY, Math.max(n, 1))} at a time`);
    const results = await (0,pool/* mapLimit */.s)(selection.billed, Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY), async ({ cluster, billing }) => {
        try {
            const totals = await monthTotals(billing, opts, google);
            const rows = billing.shared
                ? await sharedSplit(cluster, billing, totals, opts)
                : totals.map((t) => ({ period: t.period, cluster: billing.name, provider: billing.provider, project: t.project, cost: t.cost, ...(t.currency ? { currency: t.currency } : {}) }));
            reporter.info(`[${++done}/${n}] ${billing.name} (${billing.provider}${billing.shared ? ', shared' : ''}): ${rows.length} row(s)`);
            return { rows };
        }
        catch (e) {
            const described = (0,errors/* describeError */.Uc)(e);
            // Every failure names its cluster (a shared failure such as missing credentials does not on its own).
            const error = described.includes(`cluster ${billing.name}`) || described.includes(`/${billing.name}/`) ? described : `cluster ${billing.name}: ${described}`;
            reporter.error(`[${++done}/${n}] ${error}`);
            return { rows: [], failed: { cluster: billing.name, error } };
        }
    });
    return {
        range: { start: opts.range.start, end: opts.range.end },
        rows: (0,render/* sortRows */.sN)(results.flatMap((r) => r.rows)),
        skipped: selection.skipped,
        failed: [...selection.failed, ...results.flatMap((r) => (r.failed ? [r.failed] : []))].sort((a, b) => a.cluster.localeCompare(b.cluster)),
    };
}
/** Write the table to a Google Sheet (cleared, then header and data rows). */
async function writeCostSheet(table, opts) {
    const { googleAuthClient, readServiceAccountKey, SHEETS_SCOPE } = await Promise.all(/* import() */[__webpack_require__.e(6704), __webpack_require__.e(492), __webpack_require__.e(1769)]).then(__webpack_require__.bind(__webpack_require__, 41769));
    const { writeSheet } = await __webpack_require__.e(/* import() */ 406).then(__webpack_require__.bind(__webpack_require__, 80406));
    const { sheetRows } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 57789));
    const key = opts.keyFile ? await readServiceAccountKey(opts.keyFile, opts.keyDisplay ?? opts.keyFile, opts.reporter, opts.env) : undefined;
    const title = await writeSheet({ url: opts.url, rows: sheetRows(table.rows, opts.now), authClient: await googleAuthClient([SHEETS_SCOPE], key), endpoint: opts.endpoint });
    opts.reporter.info(`wrote ${table.rows.length} row(s) to worksheet "${title}" of ${opts.url}`);
    return title;
}
/** One line naming the failed clusters (for the exit-1 error). */
function failureMessage(table) {
    return `${table.failed.length} cluster(s) failed: ${table.failed.map((f) => f.cluster).join(', ')}`;
}
/** Write the CSV whole (temp file + rename: never half-written). */
async function writeCsvFile(file, table) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    await (0,promises_.writeFile)(tmp, (0,render/* csvText */.kD)(table.rows));
    await (0,promises_.rename)(tmp, file);
}
/** `cluster=url` entries (CLI repeatable option, action input lines) into a map; malformed ones are usage errors. */
function parsePrometheusUrls(entries, what) {
    const out = {};
    for (const e of entries) {
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(https?:\/\/\S+)$/.exec(e.trim());
        if (!m)
            throw new errors/* UsageError */.eb(`${what}: expected <cluster>=<http(s) URL>, got \`${e}\``, 'e.g. 2i2c=http://127.0.0.1:9090 (a port-forward to the cluster\'s Prometheus)');
        out[m[1]] = m[2];
    }
    return out;
}
/** The Sheet output needs a URL; a URL alone means the Sheet too. */
function checkSheetOptions(output, url) {
    if (output !== undefined && output !== 'terminal' && output !== 'google-sheet')
        throw new errors/* UsageError */.eb(`--output must be terminal or google-sheet, got \`${output}\``);
    if (output === 'google-sheet' && !url)
        throw new errors/* UsageError */.eb('--output google-sheet needs --google-sheet-url', 'give the URL of the sheet to overwrite (it is cleared first)');
    if (url) {
        parseSheetUrlLazy(url);
        return url;
    }
    return undefined;
}
function parseSheetUrlLazy(url) {
    if (!/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[A-Za-z0-9_-]+/.test(url.trim())) {
        throw new errors/* UsageError */.eb(`not a Google Sheets URL: \`${url}\``, 'use the address of the sheet, https://docs.google.com/spreadsheets/d/<id>/edit#gid=<n>');
    }
}

// EXTERNAL MODULE: ./src/cli/common.ts + 1 modules
var common = __webpack_require__(76562);
;// CONCATENATED MODULE: ./src/cli/cost-table.ts
/**
 * `deployer generate cost-table`: the monthly cloud cost table (after credits) of every cluster billed to the
 * operator. The table (or JSON) on stdout, progress on stderr; `--csv FILE` and the Google Sheet as well when asked.
 * Exit 1 naming the clusters whose costs could not be fetched (the others are still in the table).
 */





async function costTableCommand(opts) {
    const flags = opts;
    const reporter = (0,common/* terminalReporter */.CO)(flags);
    const paths = (0,common/* pathsFrom */.lL)(flags);
    const range = (0,months/* resolveRange */.Ss)({ startMonth: flags.startMonth, endMonth: flags.endMonth });
    const sheetUrl = checkSheetOptions(flags.output, flags.googleSheetUrl);
    const file = (f) => (f ? { abs: external_node_path_default().resolve(f), display: (0,repo/* displayPath */.Gt)(paths, external_node_path_default().resolve(f)) } : undefined);
    const googleKey = file(flags.googleKeyFile);
    const sheetKey = file(flags.sheetKeyFile) ?? googleKey;
    if (flags.csv !== undefined && !flags.csv)
        throw new errors/* UsageError */.eb('--csv needs a file name');
    const table = await buildCostTable({
        paths,
        reporter,
        range,
        clusters: flags.cluster,
        concurrency: flags.concurrency,
        serviceId: flags.serviceId,
        gcp: { keyFile: googleKey?.abs, keyDisplay: googleKey?.display, apiEndpoint: flags.bigqueryEndpoint },
        aws: { credentials: flags.awsCredentials, endpoint: flags.costExplorerEndpoint },
        prometheus: {
            urls: parsePrometheusUrls(flags.prometheusUrl ?? [], '--prometheus-url'),
            internalNamespaces: flags.internalNamespaces ? flags.internalNamespaces.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
        },
    });
    if (flags.json)
        (0,common/* printResult */.RS)(JSON.stringify({ range: table.range, rows: (0,render/* jsonRows */.GN)(table.rows), skipped: table.skipped, failed: table.failed }, null, 2));
    else
        (0,common/* printResult */.RS)((0,render/* terminalTable */.RX)(table.rows));
    if (flags.csv) {
        await writeCsvFile(external_node_path_default().resolve(flags.csv), table);
        reporter.info(`wrote ${table.rows.length} row(s) to ${flags.csv}`);
    }
    if (sheetUrl) {
        if (table.failed.length) {
            reporter.warn(`not writing the Google Sheet: ${failureMessage(table)}; an incomplete table would replace the complete one there`);
        }
        else {
            await writeCostSheet(table, { url: sheetUrl, reporter, keyFile: sheetKey?.abs, keyDisplay: sheetKey?.display, endpoint: flags.sheetsEndpoint });
        }
    }
    if (table.failed.length) {
        throw new errors/* DeployerError */.dg(failureMessage(table), { hint: 'the table above holds every other cluster; fix the named ones (see the errors above) and run again' });
    }
    return 0;
}


/***/ }),

/***/ 4202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MM: () => (/* binding */ invoiceMonth),
/* harmony export */   Ss: () => (/* binding */ resolveRange),
/* harmony export */   j3: () => (/* binding */ monthOfInstant),
/* harmony export */   kh: () => (/* binding */ isoDay),
/* harmony export */   sH: () => (/* binding */ rangeInstants)
/* harmony export */ });
/* unused harmony exports parseMonth, formatMonth, addMonths, defaultRange, monthsOf */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/**
 * Month arithmetic, all in UTC. A range is whole invoice months, first to last inclusive, written `YYYY-MM`.
 * Defaults as upstream: from the first day of the month three months before now to the end of last month.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** `YYYY-MM` -> [year, month 1..12], or a usage error naming the option. */
function parseMonth(text, option) {
    const m = MONTH.exec(text.trim());
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${option} must be a month written YYYY-MM (e.g. 2024-01), got \`${text}\``);
    return [Number(m[1]), Number(m[2])];
}
function formatMonth(year, month) {
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
/** The month `delta` months after `year-month` (negative goes back), across year ends. */
function addMonths(year, month, delta) {
    const index = year * 12 + (month - 1) + delta;
    return [Math.floor(index / 12), (index % 12) + 1];
}
/** The default range at `now`: three months back to last month (upstream's defaults). */
function defaultRange(now = new Date()) {
    const y = now.getUTCFullYear();
    const m = now.getUTCMonth() + 1;
    return { start: formatMonth(...addMonths(y, m, -3)), end: formatMonth(...addMonths(y, m, -1)) };
}
/** The range from the options (each may be missing: its default applies). Start after end is a usage error. */
function resolveRange(options) {
    const d = defaultRange(options.now);
    const start = options.startMonth ? formatMonth(...parseMonth(options.startMonth, '--start-month')) : d.start;
    const end = options.endMonth ? formatMonth(...parseMonth(options.endMonth, '--end-month')) : d.end;
    if (start > end) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--start-month ${start} is after --end-month ${end}`, 'the start month must be the same as or before the end month');
    }
    return { start, end };
}
/** Every month of the range, in order. */
function monthsOf(range) {
    let [y, m] = parseMonth(range.start, 'start month');
    const out = [];
    for (;;) {
        const s = formatMonth(y, m);
        if (s > range.end)
            return out;
        out.push(s);
        [y, m] = addMonths(y, m, 1);
    }
}
/** `YYYY-MM` -> `YYYYMM` (BigQuery's invoice.month). */
const invoiceMonth = (month) => month.replace('-', '');
/** The first instant of the range and the first instant after it (exclusive), as Dates (UTC). */
function rangeInstants(range) {
    const [sy, sm] = parseMonth(range.start, 'start month');
    const [ey, em] = addMonths(...parseMonth(range.end, 'end month'), 1);
    return { start: new Date(Date.UTC(sy, sm - 1, 1)), endExclusive: new Date(Date.UTC(ey, em - 1, 1)) };
}
/** `YYYY-MM-DD` of a Date (UTC). */
const isoDay = (d) => d.toISOString().slice(0, 10);
/** The `YYYY-MM` a UTC instant falls in. */
const monthOfInstant = (d) => d.toISOString().slice(0, 7);


/***/ }),

/***/ 39849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mh: () => (/* binding */ billingTable),
/* harmony export */   _4: () => (/* binding */ costQuery),
/* harmony export */   fX: () => (/* binding */ queryParams),
/* harmony export */   si: () => (/* binding */ serviceFilter)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _months_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4202);
/**
 * The GCP billing-export query (upstream A.16): the reference text, its named STRING parameters, and the two guards
 * that keep text from cluster.yaml and the command line out of the SQL. The table name and the optional service id
 * are the only pieces not passed as parameters; anything outside their alphabets is refused before a query is built.
 * No client here: selection and option checks load this without the BigQuery library.
 */


const TABLE_NAME = /^[a-zA-Z0-9._-]+$/;
const SERVICE_ID = /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/i;
/** `<project>.<dataset>.gcp_billing_export_resource_v1_<billing id with - as _>`, refused unless [a-zA-Z0-9._-]. */
function billingTable(bq, where) {
    const table = `${bq.project}.${bq.dataset}.gcp_billing_export_resource_v1_${bq.billingId.replace(/-/g, '_')}`;
    if (!TABLE_NAME.test(table)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`refusing to query BigQuery table \`${table}\`: a table name may hold only letters, digits, \`.\`, \`_\` and \`-\` (it is written into the SQL, so anything else could change the query)`, {
            ...where,
            hint: 'check gcp.billing.bigquery.project, dataset and billing_id in cluster.yaml',
        });
    }
    return table;
}
/** Upstream's optional service filter: `AND service.id = "<id>"`, only for an id shaped `XXXX-XXXX-XXXX` (hex). */
function serviceFilter(serviceId) {
    if (serviceId === undefined || serviceId === '')
        return '';
    if (!SERVICE_ID.test(serviceId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`refusing service id \`${serviceId}\`: a GCP service id is three groups of four hex digits (e.g. 6F81-5844-456A); it is written into the SQL, so nothing else is accepted`, 'find the id in the billing export (service.id) or the Cloud Billing catalog');
    }
    return `AND service.id = "${serviceId}"`;
}
/** The reference query text, for one table and optional service filter. */
function costQuery(table, byService = '') {
    return `SELECT
invoice.month as month,
project.id as project,
(SUM(CAST(cost AS NUMERIC))
    + SUM(IFNULL((SELECT SUM(CAST(c.amount AS NUMERIC))
                FROM UNNEST(credits) AS c), 0)))
    AS total_with_credits
FROM \`${table}\`
WHERE invoice.month >= @start_month
    AND invoice.month <= @end_month
    AND project.id = @project
    ${byService}
GROUP BY 1, 2
ORDER BY invoice.month ASC
;`;
}
/** The named parameters (all STRING): the months as `YYYYMM` and the cluster's own project. */
function queryParams(range, project) {
    return { start_month: (0,_months_js__WEBPACK_IMPORTED_MODULE_1__/* .invoiceMonth */ .MM)(range.start), end_month: (0,_months_js__WEBPACK_IMPORTED_MODULE_1__/* .invoiceMonth */ .MM)(range.end), project };
}


/***/ }),

/***/ 57789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GN: () => (/* binding */ jsonRows),
/* harmony export */   RX: () => (/* binding */ terminalTable),
/* harmony export */   kD: () => (/* binding */ csvText),
/* harmony export */   sN: () => (/* binding */ sortRows),
/* harmony export */   sheetRows: () => (/* binding */ sheetRows)
/* harmony export */ });
/* unused harmony exports TERMINAL_HEADER, CSV_HEADER, round2, money, markdownSummary, SHEET_WARNING, SHEET_HEADER */
const TERMINAL_HEADER = ['Period', 'Project', 'Cost (after credits)'];
const CSV_HEADER = ['Period', 'Cluster', 'Provider', 'Project', 'Cost (after credits)'];
/** Half away from zero to cents; never `-0`. */
function round2(x) {
    const r = Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9) / 100;
    return r === 0 ? 0 : r;
}
const money = (x) => round2(x).toFixed(2);
/** Sorted by period, then cluster, then project: the order of every output. */
function sortRows(rows) {
    return [...rows].sort((a, b) => a.period.localeCompare(b.period) || a.cluster.localeCompare(b.cluster) || a.project.localeCompare(b.project));
}
/** "Project Costs": Period and Cost right-aligned, a rule between months (upstream's section breaks). */
function terminalTable(rows) {
    const cells = rows.map((r) => [r.period, r.project, money(r.cost)]);
    const w = TERMINAL_HEADER.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c) => `${c[0].padStart(w[0])}  ${c[1].padEnd(w[1])}  ${c[2].padStart(w[2])}`.trimEnd();
    const rule = w.map((n) => '-'.repeat(n)).join('  ');
    const out = ['Project Costs', line(TERMINAL_HEADER), rule];
    cells.forEach((c, i) => {
        if (i > 0 && c[0] !== cells[i - 1][0])
            out.push(rule);
        out.push(line(c));
    });
    if (!rows.length)
        out.push('(no costs in this range)');
    return out.join('\n');
}
/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with `'`. */
function csvCell(v) {
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s))
        s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csvText(rows) {
    const lines = [CSV_HEADER.map(csvCell).join(',')];
    for (const r of rows)
        lines.push([csvCell(r.period), csvCell(r.cluster), csvCell(r.provider), csvCell(r.project), money(r.cost)].join(','));
    return lines.join('\r\n') + '\r\n';
}
/** The machine form of the rows: cost rounded to cents for the table, plus the share on shared clusters. */
function jsonRows(rows) {
    return rows.map((r) => ({
        period: r.period,
        cluster: r.cluster,
        provider: r.provider,
        project: r.project,
        cost: round2(r.cost),
        ...(r.share !== undefined ? { share: r.share } : {}),
        ...(r.currency ? { currency: r.currency } : {}),
    }));
}
const md = (s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
/** The job summary: the table, each month's total, then what was skipped and what failed. */
function markdownSummary(table) {
    const out = [`### Cloud costs ${table.range.start} to ${table.range.end}`, ''];
    if (table.rows.length) {
        out.push('| Period | Cluster | Project | Cost (after credits) |', '| ---: | --- | --- | ---: |');
        for (const r of table.rows)
            out.push(`| ${r.period} | ${md(r.cluster)} | ${md(r.project)} | ${money(r.cost)} |`);
        const totals = new Map();
        for (const r of table.rows)
            totals.set(r.period, (totals.get(r.period) ?? 0) + r.cost);
        out.push('', `Totals: ${[...totals].map(([p, c]) => `${p} **${money(c)}**`).join(', ')}`);
    }
    else
        out.push('_No costs in this range._');
    if (table.failed.length) {
        out.push('', `#### ${table.failed.length} cluster(s) failed`, '');
        for (const f of table.failed)
            out.push(`- **${md(f.cluster)}**: ${md(f.error)}`);
    }
    if (table.skipped.length) {
        out.push('', `<details><summary>${table.skipped.length} cluster(s) skipped</summary>`, '');
        for (const s of table.skipped)
            out.push(`- ${md(s.cluster)}: ${md(s.reason)}`);
        out.push('', '</details>');
    }
    return out.join('\n') + '\n';
}
const SHEET_WARNING = 'WARNING: Do not manually modify, this sheet is autogenerated by the generate-cost-table subcommand of the deployer';
const SHEET_HEADER = ['Period', 'Project', 'Cost (after Credits)'];
/** The Sheet's rows (upstream's layout): the warning, the update time, the header, then the data rows. */
function sheetRows(rows, now = new Date()) {
    return [[SHEET_WARNING], [`Last Updated: ${now.toISOString()}`], SHEET_HEADER, ...rows.map((r) => [r.period, r.project, round2(r.cost)])];
}


/***/ }),

/***/ 74466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fE: () => (/* binding */ formatCommand),
/* harmony export */   kw: () => (/* binding */ runToolRaw),
/* harmony export */   qI: () => (/* binding */ runTool),
/* harmony export */   v4: () => (/* binding */ ToolError),
/* harmony export */   wS: () => (/* binding */ toolStarts),
/* harmony export */   zk: () => (/* binding */ baseEnv)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48932);
/* harmony import */ var _shutdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84445);
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
        // A stop signal to this process is passed on to the tool (exec/shutdown.ts), never leaving it orphaned.
        (0,_shutdown_js__WEBPACK_IMPORTED_MODULE_4__/* .trackChild */ .yH)(child);
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

/***/ 84445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ob: () => (/* binding */ onShutdown),
/* harmony export */   yH: () => (/* binding */ trackChild)
/* harmony export */ });
/* unused harmony export GRACE_MS */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How long running tools get to end after the signal is passed on. */
const GRACE_MS = 20_000;
const cleanups = new Set();
const children = new Set();
let installed = false;
let stopping;
function runCleanups() {
    for (const fn of [...cleanups]) {
        try {
            fn();
        }
        catch {
            /* best effort: nothing more can be done while the process dies */
        }
    }
}
function die(signal) {
    runCleanups();
    for (const s of SIGNALS)
        process.removeListener(s, handlers[s]);
    // If nobody else handles this signal, die of it as the default handler would have.
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
function onSignal(signal) {
    if (stopping) {
        // Second signal: no more waiting.
        for (const c of children)
            c.kill('SIGKILL');
        die(signal);
        return;
    }
    stopping = signal;
    runCleanups();
    const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
    if (!running.length) {
        die(signal);
        return;
    }
    process.stderr.write(`deployer: ${signal} received: temporary files removed; stopping ${running.map((c) => c.spawnfile.split('/').pop()).join(', ')} (waiting up to ${GRACE_MS / 1000} s)\n`);
    let left = running.length;
    const timer = setTimeout(() => {
        for (const c of running)
            if (c.exitCode === null && c.signalCode === null)
                c.kill('SIGKILL');
        die(signal);
    }, GRACE_MS);
    for (const c of running) {
        c.once('exit', () => {
            if (--left === 0) {
                clearTimeout(timer);
                die(signal);
            }
        });
        try {
            c.kill(signal);
        }
        catch {
            /* already gone */
        }
    }
}
const handlers = Object.fromEntries(SIGNALS.map((s) => [s, () => onSignal(s)]));
function install() {
    if (installed)
        return;
    installed = true;
    process.on('exit', runCleanups);
    for (const s of SIGNALS)
        process.on(s, handlers[s]);
}
/** Run `fn` (synchronous, idempotent) on every way the process ends. Returns the function that unregisters it. */
function onShutdown(fn) {
    install();
    cleanups.add(fn);
    return () => void cleanups.delete(fn);
}
/** Pass stop signals on to `child` while it runs (run.ts registers every tool it starts). */
function trackChild(child) {
    children.add(child);
    child.once('close', () => children.delete(child));
    child.once('error', () => children.delete(child));
}


/***/ }),

/***/ 27564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ toolPath)
/* harmony export */ });
/* unused harmony export TOOL_HINTS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
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

/***/ 15135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
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


/***/ }),

/***/ 45336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SopsError: () => (/* binding */ SopsError),
  assertSopsEncrypted: () => (/* binding */ assertSopsEncrypted),
  decryptFile: () => (/* binding */ decryptFile),
  liveTempDirs: () => (/* reexport */ tempdir/* liveTempDirs */.pU),
  maskLeaves: () => (/* reexport */ maskLeaves),
  maskValue: () => (/* reexport */ maskValue),
  privateTempDir: () => (/* reexport */ tempdir/* privateTempDir */.nX),
  readDecrypted: () => (/* binding */ readDecrypted),
  sopsFormatOf: () => (/* binding */ sopsFormatOf),
  tempRoot: () => (/* reexport */ tempdir/* tempRoot */.fQ),
  withDecryptedFile: () => (/* binding */ withDecryptedFile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(27564);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
;// CONCATENATED MODULE: ./src/shared/secrets/mask.ts
/**
 * Which decrypted values get masked, and in which forms.
 *
 * Every leaf of a decrypted document is masked the moment it is read, with these rules:
 * - strings: masked whole and line by line (registerSecret skips pieces shorter than 4 characters and lines made only
 *   of punctuation such as `{`), plus their JSON-escaped form (how helm and kubectl print them in JSON) and their
 *   base64 form (how a Kubernetes Secret carries them) when 8 characters or longer;
 * - numbers: masked when they are 6 characters or longer (account numbers, PINs, IDs); shorter numbers (ports, replica
 *   counts, uids) would garble every log line that mentions them and protect nothing;
 * - booleans, null, and the strings `true`/`false`/`null`/`yes`/`no`/`on`/`off`: never (they are not secrets);
 * - the values of `apiVersion` and `kind` (Kubernetes/kubeconfig structure, e.g. `Config`): never;
 * - in a kubeconfig, the names that tie it together (`name`, `namespace`, `cluster`, `user`, `current-context`,
 *   `command` string values): never, or every log line saying `namespace/default` would read `namespace/***`; its
 *   server, certificates, keys, tokens, passwords and exec arguments are masked;
 * - in a Google service-account key, the public constants and identifiers (`type`, `project_id`, `client_email`,
 *   `client_id`, `auth_uri`, `token_uri`, `auth_provider_x509_cert_url`, `client_x509_cert_url`, `universe_domain`):
 *   never (`project_id` is in cluster.yaml anyway); `private_key` and `private_key_id` are masked;
 * - in an AWS access key (`aws iam create-access-key` output), `UserName`, `Status` and `CreateDate`: never (a
 *   user named `deployer` would otherwise turn every `deployer` in the logs into `***`); both key parts are masked.
 * Keys are not masked: they are structure, not secrets.
 */

const NOT_SECRET_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'none', '~']);
const STRUCTURAL_KEYS = new Set(['apiVersion', 'kind']);
const KUBECONFIG_NAME_KEYS = new Set([...STRUCTURAL_KEYS, 'name', 'namespace', 'cluster', 'user', 'current-context', 'command']);
const GCP_KEY_CONSTANTS = new Set([
    ...STRUCTURAL_KEYS,
    'type',
    'project_id',
    'client_email',
    'client_id',
    'auth_uri',
    'token_uri',
    'auth_provider_x509_cert_url',
    'client_x509_cert_url',
    'universe_domain',
]);
const AWS_KEY_PUBLIC = new Set([...STRUCTURAL_KEYS, 'UserName', 'Status', 'CreateDate']);
/** Which keys' string values are structure rather than secrets, for this document. */
function exemptKeysFor(doc) {
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
        const d = doc;
        if (d.kind === 'Config' || (Array.isArray(d.clusters) && (Array.isArray(d.contexts) || Array.isArray(d.users))))
            return KUBECONFIG_NAME_KEYS;
        if (d.type === 'service_account' && typeof d.private_key === 'string')
            return GCP_KEY_CONSTANTS;
        if (d.AccessKey && typeof d.AccessKey === 'object' && 'SecretAccessKey' in d.AccessKey)
            return AWS_KEY_PUBLIC;
    }
    return STRUCTURAL_KEYS;
}
const MIN_SECRET_NUMBER_LENGTH = 6;
/** Mask one value (and its JSON and base64 forms) through the reporter and the process-wide register. */
function maskValue(value, reporter) {
    const forms = new Set([value]);
    const json = JSON.stringify(value).slice(1, -1);
    if (json !== value)
        forms.add(json);
    if (value.length >= 8)
        forms.add(Buffer.from(value, 'utf8').toString('base64'));
    for (const f of forms) {
        (0,redact/* registerSecret */.cl)(f);
        reporter.mask(f);
    }
}
/** Mask every leaf of a parsed document. Returns how many leaves were masked. */
function maskLeaves(doc, reporter) {
    return walk(doc, reporter, undefined, exemptKeysFor(doc));
}
function walk(node, reporter, key, exempt) {
    if (Array.isArray(node))
        return node.reduce((n, item) => n + walk(item, reporter, key, exempt), 0);
    if (node !== null && typeof node === 'object') {
        let n = 0;
        for (const [k, v] of Object.entries(node))
            n += walk(v, reporter, k, exempt);
        return n;
    }
    if (key !== undefined && exempt.has(key))
        return 0;
    if (typeof node === 'string') {
        if (NOT_SECRET_WORDS.has(node.trim().toLowerCase()))
            return 0;
        maskValue(node, reporter);
        return 1;
    }
    if (typeof node === 'number' || typeof node === 'bigint') {
        const text = String(node);
        if (text.length < MIN_SECRET_NUMBER_LENGTH)
            return 0;
        maskValue(text, reporter);
        return 1;
    }
    return 0;
}
/** Mask every non-trivial line of a text that could not be parsed (a binary secret, a broken document). */
function maskText(text, reporter) {
    (0,redact/* registerSecret */.cl)(text);
    reporter.mask(text);
}

;// CONCATENATED MODULE: ./src/shared/secrets/sops-errors.ts
const GENERIC_HINT = "check that this job has the file's key (SOPS_AGE_KEY_FILE / SOPS_AGE_KEY or the sops-age-key input for age, cloud credentials for KMS) and that the file was not edited by hand";
/** Parse sops's `Group 0: FAILED / <recipient>: FAILED / - | <reason>` report into recipient -> reason. */
function recipientFailures(text) {
    const out = [];
    let current;
    for (const line of text.split('\n')) {
        const r = /^\s{2,}(\S+): FAILED\s*$/.exec(line);
        if (r && !/^Group$/.test(r[1])) {
            current = { recipient: r[1], reason: '' };
            out.push(current);
            continue;
        }
        const cont = /^\s+(?:- )?\|\s?(.*)$/.exec(line);
        if (cont && current)
            current.reason = `${current.reason} ${cont[1].trim()}`.trim();
    }
    return out;
}
function explainSopsFailure(stderr, code, timedOut) {
    const text = stderr.trim();
    if (timedOut) {
        return { reason: 'sops timed out (a KMS call that never answered?)', hint: 'check the network path to the KMS, or raise the timeout', recipients: [] };
    }
    const failures = recipientFailures(text);
    if (/Failed to get the data key/i.test(text) || code === 128) {
        const recipients = failures.map((f) => f.recipient);
        const tried = failures.map((f) => `${f.recipient}: ${f.reason || 'failed'}`).join('; ');
        const age = recipients.filter((r) => r.startsWith('age1'));
        const kms = recipients.filter((r) => !r.startsWith('age1'));
        const hint = age.length
            ? `the file is encrypted for ${age.join(', ')}${kms.length ? ` (and ${kms.join(', ')})` : ''}: give this job the matching age private key (the sops-age-key input, SOPS_AGE_KEY_FILE or SOPS_AGE_KEY), ` +
                'or add your key\'s recipient to .sops.yaml and run `sops updatekeys <file>` with a key that can decrypt it'
            : kms.length
                ? `the file is encrypted with ${kms.join(', ')}: this job's cloud credentials must be allowed to decrypt with that key (check the workflow's cloud login and its IAM permission)`
                : GENERIC_HINT;
        return { reason: `no key available to this job could open its data key${tried ? ` (${tried})` : ''}`, hint, recipients };
    }
    if (/MAC mismatch/i.test(text) || code === 51) {
        return {
            reason: 'its MAC does not match its content: the file was changed without sops (edited by hand, or a git merge)',
            hint: 'restore the file from history, or decrypt it with `sops --decrypt --ignore-mac`, fix it and encrypt it again',
            recipients: [],
        };
    }
    if (/Error decrypting tree|Input string .* does not match sops' data format/i.test(text) || code === 25) {
        return { reason: `a value in it is damaged (${lastLine(text)})`, hint: 'restore the file from history, or re-create the value with `sops <file>`', recipients: [] };
    }
    if (/sops metadata not found|Error unmarshalling input/i.test(text)) {
        return { reason: lastLine(text), hint: 'the file is not a valid sops file: re-encrypt it with `sops --encrypt`', recipients: [] };
    }
    return { reason: lastLine(text) || `sops exit code ${code}`, hint: GENERIC_HINT, recipients: [] };
}
function lastLine(text) {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.at(-1) ?? '';
}

// EXTERNAL MODULE: ./src/shared/secrets/tempdir.ts
var tempdir = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/shared/secrets/index.ts
/**
 * sops decryption that never leaks:
 * - the leak guard: a file handed to decryption (and any file whose basename contains `secret`) must carry sops
 *   metadata, else a located DeployerError says it may have leaked and must be rotated;
 * - `sops --decrypt --output <private temp file>`: the plaintext lives only in a 0700 directory (0600 file) inside
 *   RUNNER_TEMP (Actions) or the OS temp dir, removed on dispose, on a thrown error, and on exit/SIGINT/SIGTERM;
 * - every decrypted leaf value is masked the moment it is decrypted (before any caller can print or pass it on),
 *   so no log line, tool output, error, summary, annotation or output can carry it.
 *
 * sops runs with the caller's environment (default: this process's, minus KUBECONFIG), because sops needs the
 * workflow's KMS credentials (GOOGLE_APPLICATION_CREDENTIALS, AWS_*, SOPS_AGE_KEY_FILE...) to open the data key.
 */














/** The format sops would pick from the extension; extensionless files are told apart by content. */
function sopsFormatOf(absPath, text) {
    const name = external_node_path_default().basename(absPath).toLowerCase();
    if (/\.ya?ml$/.test(name))
        return 'yaml';
    if (name.endsWith('.json'))
        return 'json';
    if (name.endsWith('.env'))
        return 'dotenv';
    if (name.endsWith('.ini'))
        return 'ini';
    const t = (text ?? '').trimStart();
    if (t.startsWith('{')) {
        try {
            const doc = JSON.parse(t);
            const keys = Object.keys(doc ?? {}).sort();
            if (keys.length === 2 && keys[0] === 'data' && keys[1] === 'sops')
                return 'binary';
            return 'json';
        }
        catch {
            return 'binary';
        }
    }
    if (/^sops:\s*$/m.test(t))
        return 'yaml';
    return 'binary';
}
function leakError(display, why, line = 1, col = 1) {
    return new errors/* DeployerError */.dg(`${display} ${why}: it is not sops-encrypted. If this file was ever committed or pushed, its contents have leaked`, {
        file: display,
        line,
        col,
        hint: 'rotate every credential in it now, then encrypt the new values with `sops --encrypt --in-place <file>` before committing',
    });
}
/**
 * The leak guard: refuse a file that should be encrypted but carries no sops metadata (a top-level `sops` key for
 * YAML/JSON/binary files, `sops_*` entries for dotenv, a `[sops]` section for ini). Throws a located DeployerError.
 */
function assertSopsEncrypted(absPath, display = absPath) {
    if (!(0,external_node_fs_.existsSync)(absPath) || !(0,external_node_fs_.statSync)(absPath).isFile()) {
        throw new errors/* DeployerError */.dg(`secret file ${display} not found`, { file: display, hint: 'check the path in cluster.yaml (relative to the cluster directory)' });
    }
    const text = (0,external_node_fs_.readFileSync)(absPath, 'utf8');
    const format = sopsFormatOf(absPath, text);
    if (format === 'dotenv') {
        if (!/^sops_(mac|lastmodified|version)=/m.test(text))
            throw leakError(display, 'has no sops metadata (no `sops_mac=` line)');
        return;
    }
    if (format === 'ini') {
        if (!/^\[sops\]\s*$/m.test(text))
            throw leakError(display, 'has no `[sops]` section');
        return;
    }
    if (format === 'binary') {
        // sops's binary store is JSON: {"data": "ENC[...]", "sops": {...}}.
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            doc = undefined;
        }
        if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
            const meta = doc.sops;
            if (meta && typeof meta === 'object')
                return;
        }
        throw leakError(display, 'is neither YAML nor JSON with a top-level `sops` key');
    }
    let value;
    try {
        // parseYaml reads JSON too; its errors carry a position but never the offending text.
        value = (0,yaml/* parseYaml */.hN)(text, display).value;
    }
    catch (e) {
        if (e instanceof errors/* DeployerError */.dg) {
            throw new errors/* DeployerError */.dg(`${display} is not valid ${format === 'json' ? 'JSON' : 'YAML'}, so it cannot be a sops-encrypted file: ${e.message}`, {
                file: display,
                line: e.line,
                col: e.col,
                hint: 'sops-encrypted files are YAML or JSON with a top-level `sops` key; re-encrypt the file with sops',
            });
        }
        throw e;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !('sops' in value)) {
        throw leakError(display, 'has no top-level `sops` key');
    }
    const meta = value.sops;
    if (meta === null || typeof meta !== 'object')
        throw leakError(display, 'has a `sops` key that is not sops metadata');
}
function sopsEnv(env) {
    const out = { ...(env ?? process.env) };
    // sops never needs a cluster, and a KUBECONFIG in its environment is one more place a credential could travel.
    delete out.KUBECONFIG;
    return out;
}
function parsePlaintext(text, format) {
    switch (format) {
        case 'json':
            return JSON.parse(text);
        case 'yaml':
            return dist.parse(text, { maxAliasCount: 1000 });
        case 'dotenv': {
            const out = {};
            for (const line of text.split(/\r?\n/)) {
                const m = /^([^#=][^=]*)=(.*)$/.exec(line);
                if (m)
                    out[m[1].trim()] = m[2];
            }
            return out;
        }
        case 'ini': {
            const out = {};
            for (const line of text.split(/\r?\n/)) {
                const m = /^\s*([^;#[][^=]*)=(.*)$/.exec(line);
                if (m)
                    out[m[1].trim()] = m[2].trim();
            }
            return out;
        }
        default:
            return text;
    }
}
/**
 * Decrypt `absPath` with sops into a private temp file and mask every value in it. The caller must `dispose()`
 * (or use `withDecryptedFile`); the process-exit and signal handlers are the safety net, not the plan.
 */
async function decryptFile(absPath, opts) {
    const display = opts.display ?? absPath;
    assertSopsEncrypted(absPath, display);
    const format = sopsFormatOf(absPath, (0,external_node_fs_.readFileSync)(absPath, 'utf8'));
    const env = sopsEnv(opts.env);
    registerAgeKeys(env);
    const sops = (0,tools/* toolPath */.O)('sops', env);
    const tmp = await (0,tempdir/* privateTempDir */.nX)('sops');
    const out = external_node_path_default().join(tmp.dir, external_node_path_default().basename(absPath));
    try {
        // Create the output 0600 before sops writes into it (sops keeps an existing file's mode).
        (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(out, 'w', 0o600));
        const result = await (0,run/* runTool */.qI)(sops, ['--decrypt', '--input-type', format, '--output-type', format, '--output', out, absPath], {
            env,
            timeoutMs: opts.timeoutMs ?? 120_000,
            allowFailure: true,
        });
        if (result.code !== 0) {
            const why = explainSopsFailure(result.stderr || result.stdout, result.code, result.timedOut);
            throw new SopsError(display, why.reason, why.hint);
        }
        await (0,promises_.chmod)(out, 0o600);
        const text = await (0,promises_.readFile)(out, 'utf8');
        let parsed;
        try {
            parsed = parsePlaintext(text, format);
        }
        catch {
            parsed = undefined;
        }
        // Mask before anything else can see the values; an unparsable plaintext is masked line by line.
        if (parsed === undefined || typeof parsed === 'string')
            maskText(text, opts.reporter);
        else
            maskLeaves(parsed, opts.reporter);
        opts.reporter.debug(`decrypted ${display} into a private temporary file`);
        return { path: out, dispose: tmp.dispose };
    }
    catch (e) {
        await tmp.dispose();
        throw e;
    }
}
/** A file sops could not decrypt: `sops could not decrypt <file>: <why, in one line>`, and what to do (the hint). */
class SopsError extends errors/* DeployerError */.dg {
    display;
    reason;
    constructor(display, reason, hint) {
        super(`sops could not decrypt ${display}: ${reason}`, { file: display, hint });
        this.display = display;
        this.reason = reason;
        this.name = 'SopsError';
    }
}
/**
 * Register the age identities sops will be given (SOPS_AGE_KEY, SOPS_AGE_KEY_FILE) as secrets before it runs: sops
 * quotes a malformed key in its error ("Invalid checksum in AGE-SECRET-KEY-1...").
 */
function registerAgeKeys(env) {
    let text = env.SOPS_AGE_KEY ?? '';
    if (env.SOPS_AGE_KEY_FILE) {
        try {
            text += '\n' + (0,external_node_fs_.readFileSync)(env.SOPS_AGE_KEY_FILE, 'utf8');
        }
        catch {
            /* sops will say it cannot read it */
        }
    }
    for (const id of text.match(/AGE-SECRET-KEY-[0-9A-Z-]+/g) ?? [])
        (0,redact/* registerSecret */.cl)(id);
}
/** Decrypt, run `fn` with the plaintext path, and remove the plaintext whatever happens. */
async function withDecryptedFile(absPath, opts, fn) {
    const file = await decryptFile(absPath, opts);
    try {
        return await fn(file.path);
    }
    finally {
        await file.dispose();
    }
}
/**
 * Decrypt and parse (YAML/JSON; dotenv and ini as flat objects; binary as a string). The plaintext file is removed
 * before this returns; every leaf is already masked.
 */
async function readDecrypted(absPath, opts) {
    return withDecryptedFile(absPath, opts, async (plain) => {
        const text = await (0,promises_.readFile)(plain, 'utf8');
        const format = sopsFormatOf(absPath, (0,external_node_fs_.readFileSync)(absPath, 'utf8'));
        try {
            return parsePlaintext(text, format);
        }
        catch {
            // Never quote the parser's message: it may contain a piece of the plaintext.
            (0,redact/* registerSecret */.cl)(text);
            throw new errors/* DeployerError */.dg(`the decrypted content of ${opts.display ?? absPath} is not valid ${format === 'json' ? 'JSON' : 'YAML'}`, {
                file: opts.display ?? absPath,
                hint: 'decrypt it locally with `sops --decrypt` and fix the document, then re-encrypt it',
            });
        }
    });
}


/***/ }),

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fQ: () => (/* binding */ tempRoot),
/* harmony export */   nX: () => (/* binding */ privateTempDir),
/* harmony export */   pU: () => (/* binding */ liveTempDirs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _exec_shutdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84445);
/**
 * Private temporary directories for decrypted secrets and per-cluster credentials.
 *
 * - 0700, created under `RUNNER_TEMP` when set (GitHub Actions wipes it after the job), else the OS temp dir;
 * - every live directory is removed on `dispose()`, on process exit (also `process.exit()` and uncaught errors),
 *   and on SIGINT/SIGTERM/SIGHUP (see exec/shutdown.ts: removed at once, then the running tools are stopped and the
 *   process dies of the signal, unless another part of the program handles it).
 */





const live = new Set();
let installed = false;
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
function installHandlers() {
    if (installed)
        return;
    installed = true;
    (0,_exec_shutdown_js__WEBPACK_IMPORTED_MODULE_4__/* .onShutdown */ .Ob)(removeAllSync);
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
