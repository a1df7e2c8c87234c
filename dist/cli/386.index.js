export const id = 386;
export const ids = [386];
export const modules = {

/***/ 60386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsMonthTotals: () => (/* binding */ awsMonthTotals)
/* harmony export */ });
/* unused harmony exports AWS_COST_METRIC, COST_EXPLORER_REGION, costAndUsageInput */
/* harmony import */ var _aws_sdk_client_cost_explorer__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32994);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64850);
/* harmony import */ var _months_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4202);
/**
 * AWS costs from Cost Explorer (beyond upstream, which had GCP only): `GetCostAndUsage`, MONTHLY granularity over
 * the range, filtered to the cluster's account (LINKED_ACCOUNT) when cluster.yaml names it, following NextPageToken.
 *
 * Metric: `NetUnblendedCost`, the cost after credits, refunds and negotiated discounts (EDP, private pricing, savings
 * plans' net rates): the amount the account is invoiced for that month, which is what the GCP side reports too
 * (cost + credits). UnblendedCost would ignore discounts; BlendedCost averages rates across an organisation's accounts;
 * the amortized metrics spread up-front reservation fees over months that were not billed then.
 */



const AWS_COST_METRIC = 'NetUnblendedCost';
/** Cost Explorer has one endpoint, in us-east-1. */
const COST_EXPLORER_REGION = 'us-east-1';
/** The request of one page (exported for the tests' expectations). */
function costAndUsageInput(range, account, nextPageToken) {
    const { start, endExclusive } = (0,_months_js__WEBPACK_IMPORTED_MODULE_1__/* .rangeInstants */ .sH)(range);
    return {
        TimePeriod: { Start: (0,_months_js__WEBPACK_IMPORTED_MODULE_1__/* .isoDay */ .kh)(start), End: (0,_months_js__WEBPACK_IMPORTED_MODULE_1__/* .isoDay */ .kh)(endExclusive) },
        Granularity: 'MONTHLY',
        Metrics: [AWS_COST_METRIC],
        ...(account ? { Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [account] } } } : {}),
        ...(nextPageToken ? { NextPageToken: nextPageToken } : {}),
    };
}
async function awsMonthTotals(call) {
    const client = new _aws_sdk_client_cost_explorer__WEBPACK_IMPORTED_MODULE_2__/* .CostExplorerClient */ .mM9({
        region: COST_EXPLORER_REGION,
        maxAttempts: 3,
        ...(call.endpoint ? { endpoint: call.endpoint } : {}),
        ...(call.credentials ? { credentials: call.credentials } : {}),
    });
    const totals = [];
    let token;
    try {
        do {
            const page = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .w)(client.send(new _aws_sdk_client_cost_explorer__WEBPACK_IMPORTED_MODULE_2__/* .GetCostAndUsageCommand */ .lx0(costAndUsageInput(call.range, call.account, token))), call.timeoutMs, () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudApiError */ .S(call.cluster, 'AWS Cost Explorer GetCostAndUsage', undefined, `no answer within ${Math.round(call.timeoutMs / 1000)} s`));
            for (const r of page.ResultsByTime ?? []) {
                const start = r.TimePeriod?.Start ?? '';
                const metric = r.Total?.[AWS_COST_METRIC];
                if (!/^\d{4}-\d{2}-01$/.test(start)) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudApiError */ .S(call.cluster, 'AWS Cost Explorer GetCostAndUsage', undefined, `unexpected period start \`${start}\` in the answer`);
                }
                const cost = Number(metric?.Amount ?? 0);
                if (!Number.isFinite(cost))
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudApiError */ .S(call.cluster, 'AWS Cost Explorer GetCostAndUsage', undefined, `unexpected amount for ${start}`);
                totals.push({ period: start.slice(0, 7), project: call.project, cost, ...(metric?.Unit ? { currency: metric.Unit } : {}) });
            }
            token = page.NextPageToken || undefined;
        } while (token);
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudApiError */ .S)
            throw e;
        const err = e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudApiError */ .S(call.cluster, 'AWS Cost Explorer GetCostAndUsage', err.$metadata?.httpStatusCode, `${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message ?? String(e)}`, err.name === 'AccessDeniedException' || err.$metadata?.httpStatusCode === 403
            ? 'the credentials need ce:GetCostAndUsage (in the cluster\'s account, or in the payer account of its organisation)'
            : err.name === 'CredentialsProviderError'
                ? 'in Actions, run aws-actions/configure-aws-credentials (OIDC, `id-token: write`) before this step, or use aws-credentials: cluster-key'
                : undefined);
    }
    finally {
        client.destroy();
    }
    return totals;
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
