export const id = 4018;
export const ids = [4018,4810];
export const modules = {

/***/ 44018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCopyHomedir: () => (/* binding */ planCopyHomedir)
/* harmony export */ });
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(114);
/* harmony import */ var _homes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54810);
/**
 * `exec shell copy-homedir-into-another CLUSTER HUB --source-homedir S --destination-homedir D` (upstream A.14.7,
 * which crashes; made to work): a transfer pod running as uid/gid 1000 with the hub's homes on /home, waits for it,
 * lists both directories, `cp --archive --no-clobber --recursive /home/S /home/D/S-homedir`, lists the result, and
 * deletes the transfer pod however the steps ended. Nothing goes through a shell: the names are arguments.
 */


function planCopyHomedir(target, hub, source, destination) {
    const src = (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .homedirName */ .s)(source, '--source-homedir');
    const dst = (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .homedirName */ .s)(destination, '--destination-homedir');
    const name = (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .podName */ .B)(target.cluster.name, hub, 'transfer-shell');
    const manifest = {
        apiVersion: 'v1',
        kind: 'Pod',
        spec: {
            terminationGracePeriodSeconds: 1,
            automountServiceAccountToken: false,
            securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
            volumes: [{ name: 'home', persistentVolumeClaim: { claimName: 'home-nfs' } }],
            containers: [{ name, image: _homes_js__WEBPACK_IMPORTED_MODULE_1__/* .SHELL_IMAGE */ .n, command: ['sleep', '3600'], volumeMounts: [{ name: 'home', mountPath: '/home' }] }],
        },
    };
    const ns = `--namespace=${hub}`;
    const exec = (...cmd) => [ns, 'exec', name, '--', ...cmd];
    return {
        tool: 'copy-homedir-into-another',
        title: `Copy /home/${src} into /home/${dst}/${src}-homedir on ${target.cluster.name}/${hub}`,
        steps: [
            { describe: `start the transfer pod ${name} (uid 1000, the hub's homes on /home)`, args: [ns, 'run', name, `--image=${_homes_js__WEBPACK_IMPORTED_MODULE_1__/* .SHELL_IMAGE */ .n}`, '--restart=Never', `--overrides=${JSON.stringify(manifest)}`] },
            { describe: 'wait until it is ready', args: [ns, 'wait', `pod/${name}`, '--for=condition=Ready', '--timeout=90s'] },
            { describe: 'the two home directories before', args: exec('ls', '-lath', `/home/${src}`, `/home/${dst}`) },
            { describe: 'copy (existing files are never overwritten)', args: exec('cp', '--archive', '--no-clobber', '--recursive', `/home/${src}`, `/home/${dst}/${src}-homedir`) },
            { describe: 'the copy', args: exec('ls', '-lath', `/home/${dst}/${src}-homedir`) },
            { describe: 'delete the transfer pod', args: [ns, 'delete', 'pod', name, '--ignore-not-found', '--wait=false'], always: true },
        ],
        manifest,
        notes: ['the transfer pod is deleted however the copy ends; if a run was killed, delete it by hand with the last command.'],
    };
}


/***/ }),

/***/ 54810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ SHELL_IMAGE),
/* harmony export */   planHomes: () => (/* binding */ planHomes),
/* harmony export */   planRootHomes: () => (/* binding */ planRootHomes)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _kube_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33028);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(114);
/**
 * `exec shell homes CLUSTER HUB` (upstream A.14.5) and `exec shell root-homes CLUSTER HUB` (2026): a throw-away
 * ubuntu pod in the hub's namespace with the home directories mounted: `homes` mounts the hub's `home-nfs` claim on
 * /home; `root-homes` mounts the root of the NFS share that holds every hub's homes (the parent of the home-nfs
 * volume's path) on /root-homes. The pod goes away when the shell exits (`kubectl run --rm`).
 */




const SHELL_IMAGE = 'ubuntu:22.04';
const CLAIM = 'home-nfs';
function apiCode(e) {
    const c = e?.code;
    return typeof c === 'number' ? c : undefined;
}
/** The `home-nfs` claim of the namespace and, when bound to an NFS volume, its server and path. */
async function homeVolume(target, hub) {
    const k8s = await (0,_kube_client_js__WEBPACK_IMPORTED_MODULE_3__/* .kubeModule */ .c)();
    const core = (await target.kube()).makeApiClient(k8s.CoreV1Api);
    let pvc;
    try {
        pvc = await core.readNamespacedPersistentVolumeClaim({ name: CLAIM, namespace: hub });
    }
    catch (e) {
        if (apiCode(e) === 404) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`namespace ${hub} has no PersistentVolumeClaim \`${CLAIM}\` (the home directories of basehub)`, {
                hint: `is the hub deployed with NFS home directories? kubectl --namespace=${hub} get pvc`,
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`could not read PersistentVolumeClaim ${CLAIM} in namespace ${hub}: ${e.message.split('\n')[0]}`);
    }
    const volumeName = pvc.spec?.volumeName;
    if (!volumeName)
        return {};
    try {
        const pv = await core.readPersistentVolume({ name: volumeName });
        const nfs = pv.spec?.nfs;
        return { volumeName, nfs: nfs?.server && nfs.path ? { server: nfs.server, path: nfs.path } : undefined };
    }
    catch {
        return { volumeName };
    }
}
function shellPod(name, volume, mountPath) {
    return {
        apiVersion: 'v1',
        kind: 'Pod',
        spec: {
            terminationGracePeriodSeconds: 1,
            automountServiceAccountToken: false,
            volumes: [{ name: 'home', ...volume }],
            containers: [{ name, image: SHELL_IMAGE, stdin: true, stdinOnce: true, tty: true, volumeMounts: [{ name: 'home', mountPath }] }],
        },
    };
}
function runSteps(hub, name, manifest, title) {
    return [
        {
            describe: title,
            args: [`--namespace=${hub}`, 'run', '--rm', '-it', `--overrides=${JSON.stringify(manifest)}`, `--image=${SHELL_IMAGE}`, name, '--', '/bin/bash', '-l'],
            interactive: true,
        },
    ];
}
async function planHomes(target, hub) {
    await homeVolume(target, hub);
    const name = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .podName */ .B)(target.cluster.name, hub, 'shell');
    const manifest = shellPod(name, { persistentVolumeClaim: { claimName: CLAIM } }, '/home');
    return {
        tool: 'shell-homes',
        title: `A shell with the home directories of ${target.cluster.name}/${hub} on /home`,
        steps: runSteps(hub, name, manifest, `a throw-away pod ${name} with claim ${CLAIM} on /home (removed when the shell exits)`),
        manifest,
        notes: ['files you create are owned by root; user servers run as uid 1000 (`chown 1000:1000` what you add).'],
    };
}
async function planRootHomes(target, hub) {
    const vol = await homeVolume(target, hub);
    if (!vol.nfs) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`the \`${CLAIM}\` claim of namespace ${hub} is not bound to an NFS volume${vol.volumeName ? ` (volume ${vol.volumeName})` : ''}, so there is no share root to mount`, {
            hint: 'root-homes needs NFS home directories (basehub nfs.pv); use `exec shell homes` for this hub',
        });
    }
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(vol.nfs.path.replace(/\/+$/, '') || '/');
    const name = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .podName */ .B)(target.cluster.name, hub, 'root-shell');
    const manifest = shellPod(name, { nfs: { server: vol.nfs.server, path: root } }, '/root-homes');
    return {
        tool: 'shell-root-homes',
        title: `A shell with the whole NFS share of ${target.cluster.name} (${vol.nfs.server}:${root}) on /root-homes`,
        steps: runSteps(hub, name, manifest, `a throw-away pod ${name} with ${vol.nfs.server}:${root} on /root-homes (removed when the shell exits)`),
        manifest,
        notes: [`every hub's home directories are under /root-homes; ${hub}'s are in /root-homes/${node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.basename(vol.nfs.path.replace(/\/+$/, ''))}. Be careful: nothing stops you from changing another hub's files.`],
    };
}


/***/ }),

/***/ 114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ podName),
/* harmony export */   s: () => (/* binding */ homedirName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/** Pod names and user input that end up in kubectl arguments: checked, never passed to a shell. */

/** A DNS-1123 label made from parts (lower case, `-` for anything else, at most 63 characters). */
function podName(...parts) {
    const raw = parts.join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
    return raw.slice(0, 63).replace(/-$/, '');
}
/** A home directory name under /home: one path segment, no `..`, no leading dash. */
function homedirName(value, what) {
    if (!value || value.includes('/') || value === '.' || value === '..' || value.startsWith('-') || /[\0\n\r]/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${what} must be one directory name under /home (no \`/\`, not \`..\`, not starting with \`-\`), got \`${value}\``);
    }
    return value;
}


/***/ })

};
