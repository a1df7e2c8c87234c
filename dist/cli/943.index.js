export const id = 943;
export const ids = [943];
export const modules = {

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/** `deployer generate helm-upgrade-jobs` (arrives with the planner issue). */

async function planCommand(_files, _opts) {
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotImplementedError */ .EH('generate helm-upgrade-jobs');
}


/***/ })

};
