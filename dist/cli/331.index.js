export const id = 331;
export const ids = [331];
export const modules = {

/***/ 2331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deployCommand: () => (/* binding */ deployCommand),
/* harmony export */   deploySupportCommand: () => (/* binding */ deploySupportCommand)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/** `deployer deploy` and `deployer deploy-support` (arrives with the deploy issue). */

async function deployCommand(_cluster, _hubs, _opts) {
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotImplementedError */ .EH('deploy');
}
async function deploySupportCommand(_cluster, _opts) {
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotImplementedError */ .EH('deploy-support');
}


/***/ })

};
