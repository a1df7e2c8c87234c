export const id = 1493;
export const ids = [1493];
export const modules = {

/***/ 81493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planDockerProxy: () => (/* binding */ planDockerProxy)
/* harmony export */ });
/* unused harmony export DOCKER_PROXY_PORT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _kube_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33028);
/**
 * `exec debug start-docker-proxy [CLUSTER=2i2c]` (upstream A.14.3): forward the remote docker daemon
 * (deployment `dind` in namespace `default`) to localhost:23760.
 */


const DOCKER_PROXY_PORT = 23760;
async function planDockerProxy(target) {
    const k8s = await (0,_kube_client_js__WEBPACK_IMPORTED_MODULE_1__/* .kubeModule */ .c)();
    const apps = (await target.kube()).makeApiClient(k8s.AppsV1Api);
    try {
        await apps.readNamespacedDeployment({ name: 'dind', namespace: 'default' });
    }
    catch (e) {
        const code = e?.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(code === 404 ? `cluster ${target.cluster.name} has no docker daemon (no deployment \`dind\` in namespace default)` : `could not read deployment dind in namespace default: ${e.message.split('\n')[0]}`, { hint: 'the docker proxy needs the dind deployment of the 2i2c cluster; pass the cluster that runs it' });
    }
    return {
        tool: 'docker-proxy',
        title: `The docker daemon of ${target.cluster.name} on localhost:${DOCKER_PROXY_PORT}`,
        steps: [{ describe: `forward localhost:${DOCKER_PROXY_PORT} to the dind deployment (Ctrl-C stops it)`, args: ['--namespace=default', 'port-forward', 'deployment/dind', `${DOCKER_PROXY_PORT}:2376`], interactive: true }],
        notes: [`in another terminal: \`export DOCKER_HOST=tcp://localhost:${DOCKER_PROXY_PORT}\`, then docker commands use the remote daemon.`],
    };
}


/***/ })

};
