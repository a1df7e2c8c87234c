export const id = 642;
export const ids = [642];
export const modules = {

/***/ 2642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   healthCheckCommand: () => (/* binding */ healthCheckCommand)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/** `deployer run-hub-health-check` (arrives with the health-check issue). */

async function healthCheckCommand(_cluster, _hub, _opts) {
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotImplementedError */ .EH('run-hub-health-check');
}


/***/ })

};
