export const id = 5712;
export const ids = [5712];
export const modules = {

/***/ 85712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsSessionEnv: () => (/* binding */ awsSessionEnv),
/* harmony export */   awsShellInstructions: () => (/* binding */ awsShellInstructions)
/* harmony export */ });
/* unused harmony export stsArgs */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48932);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27564);
/**
 * `exec shell aws PROFILE MFA_DEVICE_ID AUTH_TOKEN` (upstream A.14.6): `aws sts get-session-token` with the MFA
 * code, then a login shell whose environment (only the child's) holds the temporary credentials. No cluster involved.
 * The temporary credentials are registered as secrets the moment they are parsed.
 */




function stsArgs(a) {
    return ['sts', 'get-session-token', '--serial-number', a.mfaDeviceId, '--token-code', a.tokenCode, '--profile', a.profile, '--output', 'json'];
}
/** The environment additions of the MFA session: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE. */
async function awsSessionEnv(a, env) {
    if (!/^\d{6}$/.test(a.tokenCode))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`the MFA code must be the 6 digits your device shows, got \`${a.tokenCode}\``);
    const aws = (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_3__/* .toolPath */ .O)('aws', env);
    const r = await (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runToolRaw */ .kw)(aws, stsArgs(a), { env: { ...env, AWS_PAGER: '' }, timeoutMs: 60_000, allowFailure: true });
    if (r.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`\`${(0,_exec_run_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)('aws', stsArgs({ ...a, tokenCode: '******' }))}\` failed with exit code ${r.code}: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join('\n')}`, {
            hint: 'check the profile name (aws configure list-profiles), the MFA device ARN (arn:aws:iam::<account>:mfa/<name>) and that the code is current',
        });
    }
    let creds;
    try {
        creds = JSON.parse(r.rawStdout).Credentials;
    }
    catch {
        creds = undefined;
    }
    const id = creds?.AccessKeyId;
    const secret = creds?.SecretAccessKey;
    const token = creds?.SessionToken;
    if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg('`aws sts get-session-token` printed no Credentials.AccessKeyId/SecretAccessKey/SessionToken', { hint: 'is the AWS CLI v2 installed, and is `output` not overridden to text?' });
    }
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(id);
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(secret);
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(token);
    return { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token, AWS_PROFILE: a.profile };
}
/** Instructions for a workstation (the action has no terminal and never asks for an MFA code). */
function awsShellInstructions(profile, mfaDeviceId) {
    const deployer = (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)('deployer', ['exec', 'shell', 'aws', profile, mfaDeviceId, 'MFA-CODE']).replace(/MFA-CODE$/, '<MFA-CODE>');
    const sts = (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommand */ .fE)('aws', stsArgs({ profile, mfaDeviceId, tokenCode: 'MFA-CODE' })).replace(/--token-code MFA-CODE/, '--token-code <MFA-CODE>');
    const text = [
        `An AWS shell with MFA session credentials for profile ${profile}`,
        '',
        '# with deployer (opens a login shell holding the temporary credentials; replace <MFA-CODE> with the 6 digits of your device):',
        deployer,
        '# or with the AWS CLI (then export Credentials.AccessKeyId, .SecretAccessKey and .SessionToken as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN):',
        sts,
    ].join('\n');
    const markdown = ['### An AWS shell with MFA session credentials', '', '```sh', ...text.split('\n').slice(2), '```'].join('\n');
    return { text, markdown, commands: [deployer, sts] };
}


/***/ })

};
