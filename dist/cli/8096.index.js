export const id = 8096;
export const ids = [8096];
export const modules = {

/***/ 78096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decryptAgeContent: () => (/* binding */ decryptAgeContent),
  teamIdentities: () => (/* binding */ teamIdentities)
});

// UNUSED EXPORTS: IDENTITY_FILES, identityFilePath

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/age-encryption/dist/index.js + 48 modules
var dist = __webpack_require__(43389);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
// EXTERNAL MODULE: ./src/shared/secrets/index.ts + 2 modules
var secrets = __webpack_require__(45336);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
;// CONCATENATED MODULE: ./src/shared/secrets/age.ts
/**
 * age decryption (for `decrypt-age`): content encrypted to the team's age key, e.g. a secret a community sent in.
 * Uses the `age-encryption` package (interoperates with the age CLI). The identity is registered as a secret;
 * the plaintext is returned unmasked, because showing it to the operator is the point; callers that print it in CI
 * must mask it first.
 */



const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
/** The `AGE-SECRET-KEY-1...` identities in a key (a bare key or an age key file with comments). */
function parseIdentities(identity) {
    const keys = identity
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
    for (const k of keys)
        (0,redact/* registerSecret */.cl)(k);
    const bad = keys.filter((k) => !/^AGE-(PLUGIN-[A-Z0-9]+-)?SECRET-KEY-1[0-9A-Z]+$/.test(k) && !/^AGE-SECRET-KEY-PQ-1[0-9A-Z]+$/.test(k));
    if (!keys.length || bad.length) {
        throw new errors/* DeployerError */.dg('the age identity is not valid: expected lines `AGE-SECRET-KEY-1...` (comments starting with # are ignored)', {
            hint: 'pass the private key that `age-keygen` wrote (the whole key file is fine)',
        });
    }
    return keys;
}
/** Decrypt ASCII-armored age content with one of the identities. */
async function decryptAge(armored, identity) {
    const identities = parseIdentities(identity);
    const text = armored.trim();
    const begin = text.indexOf(ARMOR_BEGIN);
    const end = text.indexOf(ARMOR_END);
    if (begin < 0 || end < begin) {
        throw new DeployerError('the encrypted content is not ASCII-armored age (no `-----BEGIN AGE ENCRYPTED FILE-----` block)', {
            hint: 'ask for the content encrypted with `age --armor -r <recipient>`, and paste it whole, BEGIN and END lines included',
        });
    }
    const block = text.slice(begin, end + ARMOR_END.length) + '\n';
    let bytes;
    try {
        bytes = age.armor.decode(block);
    }
    catch (e) {
        throw new DeployerError(`the age armor is damaged: ${e.message}`, { hint: 'copy the encrypted block again, without changing line breaks' });
    }
    const d = new age.Decrypter();
    for (const k of identities)
        d.addIdentity(k);
    try {
        return await d.decrypt(bytes, 'text');
    }
    catch (e) {
        const msg = e.message || String(e);
        if (/no identity matched/i.test(msg)) {
            throw new DeployerError('none of the given age identities can decrypt this content', {
                hint: 'it was encrypted for another recipient; check which public key (age1...) the sender used',
            });
        }
        throw new DeployerError(`age decryption failed: ${msg}`, { hint: 'the content may be truncated or tampered with' });
    }
}

;// CONCATENATED MODULE: ./src/shared/ops/age.ts
/**
 * `decrypt-age` (upstream A.10): decrypt what a community sent to the support address with the team's age identity,
 * which the infra repo keeps sops-encrypted (a sops binary-store file). Through `age-encryption` (no age binary
 * needed); armored (`-----BEGIN AGE ENCRYPTED FILE-----`) and binary (`age-encryption.org/v1`) content both work.
 * The identity is masked the moment it is decrypted; the plaintext is returned to the caller, who decides where it
 * may go (the terminal, a sops-encrypted file, a masked output), never a log.
 */






/** Where the team's identity lives, relative to the infra repo root (2026 layout first, then 2023's). */
const IDENTITY_FILES = ['shared/deployer/enc-age-secret-private.key', 'deployer/keys/enc-age-secret-private.key'];
const age_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const age_ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const BINARY_MAGIC = 'age-encryption.org/v1';
/** Resolve the identity file (given, relative to the config root, or the first default that exists). */
function identityFilePath(configRoot, given) {
    const candidates = given ? [given] : IDENTITY_FILES;
    for (const c of candidates) {
        const abs = external_node_path_default().resolve(configRoot, c);
        const rel = external_node_path_default().relative(configRoot, abs);
        if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel)) {
            throw new errors/* DeployerError */.dg(`the identity file ${c} is outside the infrastructure repository (${configRoot})`, { hint: 'give a path relative to the repository root' });
        }
        if ((0,repo/* isFile */.fo)(abs))
            return { abs, display: rel.split((external_node_path_default()).sep).join('/') };
    }
    throw new errors/* DeployerError */.dg(`no age identity file: ${candidates.join(' or ')} does not exist under ${configRoot}`, {
        hint: given ? 'check the path (relative to the repository root)' : 'pass the sops-encrypted identity file (--identity-file / identity-file), or run from the repository root (--config-root)',
    });
}
/** Decrypt the team's identity file with sops; returns the AGE-SECRET-KEY lines (already masked). */
async function teamIdentities(configRoot, opts) {
    const { abs, display } = identityFilePath(configRoot, opts.identityFile);
    const text = await (0,secrets.readDecrypted)(abs, { reporter: opts.reporter, display, env: opts.env });
    if (typeof text !== 'string') {
        throw new errors/* DeployerError */.dg(`${display} does not decrypt to an age key file`, { file: display, hint: 'it must be a sops binary-store file holding the output of age-keygen' });
    }
    try {
        return parseIdentities(text);
    }
    catch (e) {
        throw new errors/* DeployerError */.dg(`${display} decrypts to something that is not an age identity: ${e.message}`, { file: display, hint: 'it must hold the output of age-keygen (AGE-SECRET-KEY-1... lines)' });
    }
}
/** The age file inside `data`: the armored block (anything around it, e.g. an e-mail's text, is ignored) or binary. */
function ageBytes(data) {
    const head = Buffer.from(data.subarray(0, 64)).toString('latin1');
    if (head.startsWith(BINARY_MAGIC))
        return data;
    const text = Buffer.from(data).toString('utf8');
    const begin = text.indexOf(age_ARMOR_BEGIN);
    const end = text.indexOf(age_ARMOR_END, begin);
    if (begin < 0 || end < 0) {
        throw new errors/* DeployerError */.dg('this is not age-encrypted content: neither an armored block (-----BEGIN AGE ENCRYPTED FILE-----) nor a binary age file (age-encryption.org/v1)', {
            hint: 'ask the sender for the output of `age --encrypt --armor -r <the team\'s public key>`, and pass it whole',
        });
    }
    const block = text
        .slice(begin, end + age_ARMOR_END.length)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .join('\n');
    try {
        return dist/* armor.decode */.yE.decode(block + '\n');
    }
    catch (e) {
        throw new errors/* DeployerError */.dg(`the armored age block is damaged: ${e.message}`, { hint: 'copy the encrypted block again, BEGIN and END lines included, without changing it' });
    }
}
/** Decrypt age content (armored or binary) with the identities. One clear error for a wrong key or a corrupt file. */
async function decryptAgeContent(data, identities) {
    const bytes = ageBytes(data);
    const d = new dist/* Decrypter */.Hz();
    for (const id of identities)
        d.addIdentity(id);
    try {
        return await d.decrypt(bytes);
    }
    catch (e) {
        const msg = e?.message || String(e);
        if (/no identity matched/i.test(msg)) {
            throw new errors/* DeployerError */.dg('the team\'s age identity cannot decrypt this: it was encrypted for another key', {
                hint: 'check the public key (age1...) the sender used; it must be the one in the repository (e.g. shared/deployer/age-public-key.txt)',
            });
        }
        throw new errors/* DeployerError */.dg(`the age content is corrupt or truncated (${msg})`, { hint: 'ask the sender to encrypt it again, and copy it whole' });
    }
}


/***/ })

};
