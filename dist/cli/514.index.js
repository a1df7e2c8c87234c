export const id = 514;
export const ids = [514];
export const modules = {

/***/ 4514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateCommand: () => (/* binding */ validateCommand)
});

;// CONCATENATED MODULE: ./src/shared/findings.ts
function sortFindings(findings) {
    return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
}
function countErrors(findings) {
    return findings.filter((f) => f.severity === 'error').length;
}
function formatFinding(f) {
    return `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message}${f.path ? ` (at ${f.path})` : ''}`;
}

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(3422);
// EXTERNAL MODULE: ./src/shared/repo/schema.ts + 1 modules
var schema = __webpack_require__(9894);
;// CONCATENATED MODULE: ./src/shared/validate/cluster.ts
/** validate cluster-config: the cluster.yaml schema (every hub). */



/** Findings for one cluster's cluster.yaml. A file that cannot be parsed at all is one finding at its fault. */
async function validateClusterConfig(paths, clusterName) {
    try {
        const y = await (0,repo/* readClusterYaml */.ev)(paths, clusterName);
        return (0,schema/* checkClusterSchema */.I)(y);
    }
    catch (e) {
        if (e instanceof errors/* DeployerError */.dg && e.file) {
            return [{ file: e.file, line: e.line ?? 1, col: e.col ?? 1, path: '', message: e.message, severity: 'error' }];
        }
        throw e;
    }
}

// EXTERNAL MODULE: ./src/cli/common.ts + 2 modules
var common = __webpack_require__(3013);
;// CONCATENATED MODULE: ./src/cli/validate.ts
/** `deployer validate ...` */




async function validateCommand(check, cluster, _hub, opts) {
    const paths = (0,common/* pathsFrom */.lL)(opts);
    let findings;
    if (check === 'cluster-config') {
        findings = await validateClusterConfig(paths, cluster);
    }
    else {
        throw new errors/* NotImplementedError */.EH(`validate ${check}`);
    }
    if (opts.json)
        (0,common/* printResult */.RS)(JSON.stringify(findings, null, 2));
    else {
        for (const f of findings)
            process.stderr.write(formatFinding(f) + '\n');
        if (!findings.length)
            (0,common/* printResult */.RS)(`validate ${check}: no findings`);
    }
    return countErrors(findings) > 0 ? 1 : 0;
}


/***/ })

};
