export const id = 769;
export const ids = [769];
export const modules = {

/***/ 41769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BIGQUERY_SCOPE: () => (/* binding */ BIGQUERY_SCOPE),
/* harmony export */   SHEETS_SCOPE: () => (/* binding */ SHEETS_SCOPE),
/* harmony export */   googleAuthClient: () => (/* binding */ googleAuthClient),
/* harmony export */   readServiceAccountKey: () => (/* binding */ readServiceAccountKey)
/* harmony export */ });
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(492);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(google_auth_library__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _secrets_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45336);
/**
 * Google credentials for BigQuery and the Sheets API, never through process.env and never printed:
 * - a sops-encrypted service-account key (decrypted with every secret leaf masked, kept in memory only): a JWT client
 *   that signs its own scoped tokens (self-signed JWT with `scope`, no token-endpoint round trip);
 * - otherwise Application Default Credentials: what `google-github-actions/auth` (workload identity federation with
 *   the job's OIDC token) or `gcloud auth application-default login` set up.
 */



const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';
const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
/** Decrypt a sops-encrypted service-account key JSON; its private key is masked before this returns. */
async function readServiceAccountKey(abs, display, reporter, env) {
    const doc = (await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_2__/* .readDecrypted */ .bW)(abs, { reporter, display, env }));
    const email = doc?.client_email;
    const key = doc?.private_key;
    if (!doc || doc.type !== 'service_account' || typeof email !== 'string' || typeof key !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`the decrypted ${display} is not a Google service-account key (type service_account, client_email, private_key)`, {
            file: display,
            hint: 'use the sops-encrypted JSON of `gcloud iam service-accounts keys create`, or leave the key file empty to use the job\'s credentials (google-github-actions/auth)',
        });
    }
    return { client_email: email, private_key: key, private_key_id: typeof doc.private_key_id === 'string' ? doc.private_key_id : undefined };
}
/**
 * An auth client for `scopes`: the key's self-signed JWT client, or Application Default Credentials. `projectId`
 * spares ADC its project lookup (a cloudresourcemanager call a federated identity is often not allowed to make); the
 * requests name their project themselves.
 */
async function googleAuthClient(scopes, key, projectId = 'deployer-cost-table') {
    if (key) {
        const jwt = new google_auth_library__WEBPACK_IMPORTED_MODULE_0__.JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes });
        jwt.useJWTAccessWithScope = true;
        return jwt;
    }
    try {
        return (await new google_auth_library__WEBPACK_IMPORTED_MODULE_0__.GoogleAuth({ scopes, projectId }).getClient());
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`no Google credentials: ${e.message}`, {
            hint: 'in Actions, run google-github-actions/auth (workload identity federation, `id-token: write`) before this step, or pass a sops-encrypted service-account key file; locally, `gcloud auth application-default login`',
        });
    }
}


/***/ })

};
