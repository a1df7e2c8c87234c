export const id = 2095;
export const ids = [2095];
export const modules = {

/***/ 2095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bigqueryClient: () => (/* binding */ bigqueryClient),
/* harmony export */   billingTable: () => (/* reexport safe */ _query_js__WEBPACK_IMPORTED_MODULE_2__.Mh),
/* harmony export */   gcpMonthTotals: () => (/* binding */ gcpMonthTotals)
/* harmony export */ });
/* harmony import */ var _google_cloud_bigquery__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50676);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64850);
/* harmony import */ var _query_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39849);
/**
 * GCP costs from the BigQuery billing export through @google-cloud/bigquery: jobs.query with the reference query
 * and named parameters (query.ts), then getQueryResults for further pages; totals per invoice month after credits.
 */




/** A client whose query jobs run in `jobProject`; one per export project serves every cluster of a run. */
function bigqueryClient(jobProject, authClient, apiEndpoint) {
    return new _google_cloud_bigquery__WEBPACK_IMPORTED_MODULE_0__.BigQuery({
        projectId: jobProject,
        // Passed on to @google-cloud/common's GoogleAuth, which uses this client for every request.
        authClient: authClient,
        ...(apiEndpoint ? { apiEndpoint } : {}),
        maxRetries: 2,
    });
}
/** Run the query (jobs.query, then getQueryResults for more pages) and return the month totals. */
async function gcpMonthTotals(call) {
    const sql = (0,_query_js__WEBPACK_IMPORTED_MODULE_2__/* .costQuery */ ._4)(call.table, (0,_query_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceFilter */ .si)(call.serviceId));
    const params = (0,_query_js__WEBPACK_IMPORTED_MODULE_2__/* .queryParams */ .fX)(call.range, call.project);
    const client = call.client ?? bigqueryClient(call.jobProject, call.authClient, call.apiEndpoint);
    let rows;
    try {
        [rows] = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .withTimeout */ .w)(client.query({ query: sql, params, types: { start_month: 'STRING', end_month: 'STRING', project: 'STRING' } }), call.timeoutMs, () => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudApiError */ .S(call.cluster, 'BigQuery jobs.query', undefined, `no answer within ${Math.round(call.timeoutMs / 1000)} s`));
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudApiError */ .S)
            throw e;
        const err = e;
        const reason = err.errors?.[0]?.reason;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudApiError */ .S(call.cluster, 'BigQuery jobs.query', typeof err.code === 'number' ? err.code : undefined, `${reason ? `${reason}: ` : ''}${err.message ?? String(e)}`, err.code === 403 || err.code === 401
            ? 'the credentials need bigquery.jobs.create on the export project and read access to the billing export dataset (roles/bigquery.jobUser + roles/bigquery.dataViewer)'
            : err.code === 404
                ? 'check gcp.billing.bigquery (project, dataset, billing_id) in cluster.yaml'
                : undefined);
    }
    return rows.map((r) => {
        const month = String(r.month ?? '');
        if (!/^\d{6}$/.test(month))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudApiError */ .S(call.cluster, 'BigQuery jobs.query', undefined, `unexpected invoice month \`${month}\` in the answer`);
        const cost = Number(String(r.total_with_credits));
        if (!Number.isFinite(cost))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudApiError */ .S(call.cluster, 'BigQuery jobs.query', undefined, `unexpected total \`${String(r.total_with_credits)}\` for ${month}`);
        return { period: `${month.slice(0, 4)}-${month.slice(4)}`, project: String(r.project ?? call.project), cost };
    });
}


/***/ }),

/***/ 64850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ CloudApiError),
/* harmony export */   w: () => (/* binding */ withTimeout)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/** One shape for every cloud API failure: which cluster, which API call, which status, what the service said. */

class CloudApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg {
    cluster;
    api;
    status;
    constructor(cluster, api, status, detail, hint) {
        super(`cluster ${cluster}: ${api} failed${status !== undefined && status !== '' ? ` (HTTP ${status})` : ''}: ${oneLine(detail)}`, { hint });
        this.name = 'CloudApiError';
        this.cluster = cluster;
        this.api = api;
        this.status = status;
    }
}
function oneLine(s) {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > 400 ? `${t.slice(0, 400)}...` : t || 'no detail';
}
/** Reject with a timeout error if `p` has not settled after `ms`. */
async function withTimeout(p, ms, onTimeout) {
    let timer;
    try {
        return await Promise.race([p, new Promise((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ })

};
