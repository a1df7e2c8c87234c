export const id = 6922;
export const ids = [6922];
export const modules = {

/***/ 96922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   storeTokenFile: () => (/* binding */ storeTokenFile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _changes_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96512);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51302);
/**
 * Write a new deployer token to `<cluster>/enc-grafana-token.secret.yaml` through the infra-repo changes component:
 * encrypted from a private temp dir outside the working tree with the repo's .sops.yaml rules for that path (the
 * plaintext never exists inside the tree), replacing the file whole (it holds only `grafana_token`, as upstream's).
 */



async function storeTokenFile(o) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(o.paths.configRoot, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(o.cluster.dir, _config_js__WEBPACK_IMPORTED_MODULE_2__/* .TOKEN_FILE */ .r$)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
    const cs = new _changes_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ChangeSet */ .VR({ root: o.paths.configRoot, reporter: o.reporter, sopsEnv: o.env });
    await cs.writeEncrypted(rel, { [_config_js__WEBPACK_IMPORTED_MODULE_2__/* .TOKEN_KEY */ .il]: o.token }, { overwrite: true });
    return cs.apply();
}


/***/ })

};
