export const id = 406;
export const ids = [406];
export const modules = {

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


/***/ }),

/***/ 80406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeSheet: () => (/* binding */ writeSheet)
/* harmony export */ });
/* unused harmony exports SHEETS_API, parseSheetUrl */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64850);


const SHEETS_API = 'https://sheets.googleapis.com';
function parseSheetUrl(url) {
    const m = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url.trim());
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`not a Google Sheets URL: \`${url}\``, 'use the address of the sheet, https://docs.google.com/spreadsheets/d/<id>/edit#gid=<n>');
    const gid = /[#?&]gid=(\d+)/.exec(url);
    return { id: m[1], ...(gid ? { gid: Number(gid[1]) } : {}) };
}
function sheetsError(call, e) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg)
        return e;
    const err = e;
    const status = err.response?.status ?? err.status;
    const detail = err.response?.data?.error?.message ?? err.message ?? String(e);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`Google Sheets ${call} failed${status ? ` (HTTP ${status})` : ''}: ${detail.replace(/\s+/g, ' ').slice(0, 300)}`, {
        hint: status === 403 || status === 401 ? 'share the sheet (Editor) with the service account or workload identity that runs this, and allow the spreadsheets scope' : status === 404 ? 'check the sheet URL' : undefined,
    });
}
/** Clear the worksheet and write `rows` from A1. Returns the worksheet title. */
async function writeSheet(opts) {
    const ref = parseSheetUrl(opts.url);
    const base = `${(opts.endpoint ?? SHEETS_API).replace(/\/+$/, '')}/v4/spreadsheets/${encodeURIComponent(ref.id)}`;
    const timeout = opts.timeoutMs ?? 120_000;
    const call = async (name, req) => {
        try {
            const res = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .withTimeout */ .w)(opts.authClient.request({ ...req, timeout, responseType: 'json' }), timeout, () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`Google Sheets ${name}: no answer within ${Math.round(timeout / 1000)} s`));
            return res.data;
        }
        catch (e) {
            throw sheetsError(name, e);
        }
    };
    const meta = await call('spreadsheets.get', {
        url: `${base}?fields=${encodeURIComponent('sheets.properties(sheetId,title,index)')}`,
    });
    const sheets = (meta.sheets ?? []).map((s) => s.properties ?? {});
    const sheet = ref.gid !== undefined ? sheets.find((s) => s.sheetId === ref.gid) : [...sheets].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0];
    if (!sheet?.title) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(ref.gid !== undefined ? `the spreadsheet has no worksheet with gid ${ref.gid}` : 'the spreadsheet has no worksheet', { hint: 'check the sheet URL' });
    }
    const range = `'${sheet.title.replace(/'/g, "''")}'`;
    await call('values.clear', { url: `${base}/values/${encodeURIComponent(range)}:clear`, method: 'POST', data: {} });
    await call('values.update', {
        url: `${base}/values/${encodeURIComponent(`${range}!A1`)}?valueInputOption=RAW`,
        method: 'PUT',
        data: { range: `${range}!A1`, majorDimension: 'ROWS', values: opts.rows },
    });
    return sheet.title;
}


/***/ })

};
