export const id = 228;
export const ids = [228];
export const modules = {

/***/ 8228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   useClusterCredentials: () => (/* binding */ useClusterCredentials)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/** `deployer use-cluster-credentials` (arrives with the cluster-access issue). */

async function useClusterCredentials(_cluster, _commandline, _opts) {
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotImplementedError */ .EH('use-cluster-credentials');
}


/***/ })

};
