export const id = 6534;
export const ids = [6534];
export const modules = {

/***/ 26534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planShellHub: () => (/* binding */ planShellHub)
/* harmony export */ });
/* unused harmony export pickRunning */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _kube_logs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86364);
/* harmony import */ var _selectors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30624);



function pickRunning(pods) {
    return pods.find((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp) ?? pods.find((p) => !p.metadata?.deletionTimestamp) ?? pods[0];
}
async function planShellHub(target, hub) {
    const { selector, container } = _selectors_js__WEBPACK_IMPORTED_MODULE_2__/* .COMPONENTS */ .$j.hub;
    const pods = await (0,_kube_logs_js__WEBPACK_IMPORTED_MODULE_1__/* .podsMatching */ .y)(await target.kube(), hub, selector);
    const pod = pickRunning(pods);
    if (!pod) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`no pod matches the selector \`${selector}\` in namespace ${hub}`, {
            hint: `is the hub deployed? kubectl --namespace=${hub} get pods`,
        });
    }
    const name = pod.metadata.name;
    return {
        tool: 'shell-hub',
        title: `A shell in the hub container of ${target.cluster.name}/${hub} (pod ${name})`,
        steps: [
            { describe: 'the hub pods (selection: the running one)', args: [`--namespace=${hub}`, 'get', 'pods', `--selector=${selector}`] },
            { describe: 'a login shell in the hub container', args: [`--namespace=${hub}`, 'exec', '-it', `pod/${name}`, '-c', container, '--', '/bin/bash', '-l'], interactive: true },
        ],
        notes: [`pod ${name} was the running hub pod when this was made; if it has been replaced since, use \`deployment/hub\` instead of \`pod/${name}\`.`],
    };
}


/***/ })

};
