export const id = 6512;
export const ids = [6512];
export const modules = {

/***/ 96512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VR: () => (/* reexport */ ChangeSet),
  EI: () => (/* reexport */ changesTable),
  t6: () => (/* reexport */ getKeyPath)
});

// UNUSED EXPORTS: deepMerge, deleteKeyPath, describeChanges, findSopsConfig, formatKeyPath, formatOf, isSecretName

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/shared/secrets/index.ts + 2 modules
var secrets = __webpack_require__(45336);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(27564);
;// CONCATENATED MODULE: ./src/shared/changes/paths.ts
/**
 * Where a change may land: a path relative to the infra repo root, normalised to POSIX separators, that stays inside
 * the root (no `..`, no absolute path, no symlinked directory leading out of it).
 */



/** A file whose basename contains `secret` is a secret file (upstream's rule, and the leak guard's). */
function isSecretName(rel) {
    return external_node_path_default().posix.basename(rel).toLowerCase().includes('secret');
}
function formatOf(rel) {
    const name = external_node_path_default().posix.basename(rel).toLowerCase();
    if (/\.ya?ml$/.test(name))
        return 'yaml';
    if (name.endsWith('.json'))
        return 'json';
    return 'binary';
}
/**
 * Normalise `rel` (relative to `root`) and check it stays inside the root. Returns the POSIX relative path and the
 * absolute path. Throws a DeployerError naming the path otherwise.
 */
function resolveTarget(root, rel) {
    if (typeof rel !== 'string' || rel.trim() === '')
        throw new errors/* DeployerError */.dg('a change needs a file path, got an empty one');
    if (rel.includes('\0'))
        throw new errors/* DeployerError */.dg('a change path must not contain NUL characters');
    const posix = rel.split((external_node_path_default()).sep).join('/');
    if (external_node_path_default().posix.isAbsolute(posix) || external_node_path_default().isAbsolute(rel)) {
        throw new errors/* DeployerError */.dg(`refusing to change ${rel}: paths of changes are relative to the infra repo root`, { hint: 'pass a path such as config/clusters/<cluster>/<file>' });
    }
    const norm = external_node_path_default().posix.normalize(posix);
    if (norm === '.' || norm === '..' || norm.startsWith('../') || norm.endsWith('/')) {
        throw new errors/* DeployerError */.dg(`refusing to change ${rel}: it is not a file inside the infra repo`, { hint: 'a change stays inside the repository it is made in' });
    }
    if (norm.split('/').some((seg) => seg === '.git'))
        throw new errors/* DeployerError */.dg(`refusing to change ${rel}: files under .git are not repository content`);
    const rootAbs = external_node_path_default().resolve(root);
    const abs = external_node_path_default().join(rootAbs, ...norm.split('/'));
    // The nearest existing ancestor must resolve inside the (resolved) root: a symlinked directory must not lead out.
    const realRoot = (0,external_node_fs_.existsSync)(rootAbs) ? (0,external_node_fs_.realpathSync)(rootAbs) : rootAbs;
    let probe = external_node_path_default().dirname(abs);
    while (!(0,external_node_fs_.existsSync)(probe) && probe !== external_node_path_default().dirname(probe))
        probe = external_node_path_default().dirname(probe);
    const realProbe = (0,external_node_fs_.realpathSync)(probe);
    if (realProbe !== realRoot && !realProbe.startsWith(realRoot + (external_node_path_default()).sep)) {
        throw new errors/* DeployerError */.dg(`refusing to change ${norm}: its directory resolves outside the infra repo (${realProbe})`, { hint: 'a symlinked directory must not lead a change out of the repository' });
    }
    if ((0,external_node_fs_.existsSync)(abs) && (0,external_node_fs_.lstatSync)(abs).isSymbolicLink()) {
        throw new errors/* DeployerError */.dg(`refusing to change ${norm}: it is a symbolic link`, { hint: 'replace the link by a regular file first, or change the file it points to' });
    }
    if ((0,external_node_fs_.existsSync)(abs) && !(0,external_node_fs_.lstatSync)(abs).isFile())
        throw new errors/* DeployerError */.dg(`refusing to change ${norm}: it exists and is not a regular file`);
    return { rel: norm, abs };
}
/** Is `inner` the directory `outer` or inside it (after resolving symlinks where they exist)? */
function isInside(outer, inner) {
    const real = (p) => {
        let probe = external_node_path_default().resolve(p);
        const rest = [];
        while (!(0,external_node_fs_.existsSync)(probe) && probe !== external_node_path_default().dirname(probe)) {
            rest.unshift(external_node_path_default().basename(probe));
            probe = external_node_path_default().dirname(probe);
        }
        return external_node_path_default().join((0,external_node_fs_.realpathSync)(probe), ...rest);
    };
    const o = real(outer);
    const i = real(inner);
    return i === o || i.startsWith(o + (external_node_path_default()).sep);
}

;// CONCATENATED MODULE: ./src/shared/changes/encrypt.ts
/**
 * Encrypt a document with sops for a target path in the infra repo, without its plaintext ever existing inside the
 * repository's working tree.
 *
 * How the repo's `.sops.yaml` creation rules reach the target path: sops picks the nearest `.sops.yaml` from its
 * working directory upwards and matches each rule's `path_regex` against the file path relative to that config's
 * directory. So the plaintext is written into a private 0700 directory (outside the repo, removed on every exit
 * path) at the *same relative path* the target has below its `.sops.yaml`, next to a copy of that `.sops.yaml`, and
 * sops runs there: the rule that matches is exactly the one that would match the target in the repo, and this works
 * with every sops version (no `--filename-override` needed). The ciphertext goes to a file in the same private
 * directory; the caller moves it into the repo.
 */









const CONFIG_NAMES = ['.sops.yaml', '.sops.yml'];
/** The `.sops.yaml` sops would use when run from the repo root: the nearest one from the root upwards. */
function findSopsConfig(root) {
    let dir = external_node_path_default().resolve(root);
    for (;;) {
        for (const name of CONFIG_NAMES) {
            const p = external_node_path_default().join(dir, name);
            if ((0,external_node_fs_.existsSync)(p))
                return p;
        }
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** The plaintext sops is handed: YAML as sops writes it (4-space indent), JSON with tabs, binary as is. */
function serialise(data, format) {
    if (format === 'binary') {
        if (typeof data !== 'string')
            throw new errors/* DeployerError */.dg('a binary (non-YAML, non-JSON) secret file needs text content, not a mapping');
        return data;
    }
    if (format === 'json')
        return `${JSON.stringify(data, null, '\t')}\n`;
    return dist.stringify(data, { indent: 4, lineWidth: 0, minContentWidth: 0 });
}
function sopsEnvFrom(env) {
    const out = { ...(env ?? process.env) };
    delete out.KUBECONFIG;
    return out;
}
/** Is this text a sops-encrypted document (top-level `sops` metadata)? */
function hasSopsMetadata(text, format) {
    try {
        const doc = format === 'yaml' ? dist.parse(text) : JSON.parse(text);
        return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && typeof doc.sops === 'object' && doc.sops !== null;
    }
    catch {
        return false;
    }
}
/** Encrypt `data` for `rel` with the repo's creation rules; returns the encrypted file's text. */
async function encryptForTarget(req) {
    const display = req.rel;
    const configFile = findSopsConfig(req.root);
    if (!configFile) {
        throw new errors/* DeployerError */.dg(`no .sops.yaml found in ${req.root} or above it, so sops does not know which keys encrypt ${display}`, {
            hint: 'add a .sops.yaml with creation_rules (path_regex + age/KMS keys) at the infra repo root',
        });
    }
    const configDir = external_node_path_default().dirname(configFile);
    const relToConfig = external_node_path_default().relative(configDir, external_node_path_default().resolve(req.root, req.rel)).split((external_node_path_default()).sep).join('/');
    if (isInside(req.root, (0,secrets.tempRoot)(req.env ?? process.env))) {
        throw new errors/* DeployerError */.dg(`the temporary directory (${(0,secrets.tempRoot)(req.env ?? process.env)}) is inside the infra repo, where no plaintext secret may be written`, {
            hint: 'point TMPDIR (or RUNNER_TEMP) outside the repository checkout',
        });
    }
    const plaintext = req.text ?? serialise(req.data, req.format);
    const env = sopsEnvFrom(req.env);
    const sops = (0,tools/* toolPath */.O)('sops', env);
    const tmp = await (0,secrets.privateTempDir)('encrypt');
    try {
        const work = external_node_path_default().join(tmp.dir, 'w');
        const plainAbs = external_node_path_default().join(work, ...relToConfig.split('/'));
        await (0,promises_.mkdir)(external_node_path_default().dirname(plainAbs), { recursive: true, mode: 0o700 });
        await (0,promises_.copyFile)(configFile, external_node_path_default().join(work, external_node_path_default().basename(configFile)));
        await (0,promises_.writeFile)(plainAbs, plaintext, { mode: 0o600 });
        const out = external_node_path_default().join(tmp.dir, 'encrypted');
        (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(out, 'w', 0o600));
        const args = ['--encrypt', '--input-type', req.format, '--output-type', req.format, '--output', out, relToConfig];
        const result = await (0,run/* runTool */.qI)(sops, args, { cwd: work, env, timeoutMs: req.timeoutMs ?? 120_000, allowFailure: true });
        if (result.code !== 0) {
            const detail = (result.stderr || result.stdout).trimEnd().split('\n').slice(-8).join('\n');
            throw new errors/* DeployerError */.dg(`sops could not encrypt ${display}${result.timedOut ? ' (timed out)' : ''}${detail ? `:\n${detail}` : ''}`, {
                file: display,
                hint: `check that a creation rule of ${external_node_path_default().relative(req.root, configFile) || '.sops.yaml'} matches ${relToConfig} and that this job can use its keys (age recipients, KMS credentials)`,
            });
        }
        await (0,promises_.chmod)(out, 0o600);
        const text = await (0,promises_.readFile)(out, 'utf8');
        const check = req.format === 'binary' ? 'json' : req.format;
        if (!hasSopsMetadata(text, check)) {
            throw new errors/* DeployerError */.dg(`sops produced no encrypted document for ${display} (no sops metadata in its output)`, { file: display });
        }
        req.reporter.debug(`encrypted ${display} with the creation rules of ${external_node_path_default().relative(req.root, configFile) || external_node_path_default().basename(configFile)}`);
        return text;
    }
    finally {
        await tmp.dispose();
    }
}
/** Read a file's bytes if it exists (for conflict checks and rollback). */
function readIfExists(abs) {
    try {
        return (0,external_node_fs_.readFileSync)(abs);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/shared/changes/apply.ts
/**
 * Write a set of files into the repo all-or-nothing: every new content is first written to a hidden sibling
 * (`.<name>.deployer-<random>`, mode kept) and synced; only when all of them are on disk are they renamed over their
 * targets (rename is atomic on one filesystem). If a write or rename fails, what was renamed is put back from the
 * original bytes, the siblings and the directories this created are removed, and the error is thrown: the tree is as
 * it was. Only ciphertext and non-secret files pass through here.
 */






/** Test hook: fail at a given step, to prove rollback. Never set in production. */
const faultInjection = {};
async function writeSynced(abs, content, mode) {
    const fh = await (0,promises_.open)(abs, 'wx', mode);
    try {
        await fh.writeFile(content);
        await fh.sync();
    }
    finally {
        await fh.close();
    }
}
/** Directories that do not exist yet between `root` and `dir`, outermost first. */
function missingDirs(root, dir) {
    const out = [];
    let d = dir;
    while (d.startsWith(root + (external_node_path_default()).sep) && !(0,external_node_fs_.existsSync)(d)) {
        out.unshift(d);
        d = external_node_path_default().dirname(d);
    }
    return out;
}
async function writeAllOrNothing(root, writes) {
    const rootAbs = external_node_path_default().resolve(root);
    const createdDirs = [];
    const staged = [];
    const done = [];
    try {
        // 1. Nothing changed on disk since the change was computed (another process, an editor).
        for (const w of writes) {
            const now = readIfExists(w.abs);
            const same = now === undefined ? w.original === undefined : w.original !== undefined && now.equals(w.original);
            if (!same) {
                throw new errors/* DeployerError */.dg(`${w.rel} changed on disk while this change was being prepared; nothing was written`, {
                    file: w.rel,
                    hint: 'run the command again',
                });
            }
        }
        // 2. Stage every new content next to its target.
        let n = 0;
        for (const w of writes) {
            if (w.content === null) {
                staged.push({ w });
                continue;
            }
            const dir = external_node_path_default().dirname(w.abs);
            for (const d of missingDirs(rootAbs, dir)) {
                await (0,promises_.mkdir)(d, { mode: 0o755 });
                createdDirs.push(d);
            }
            const tmp = external_node_path_default().join(dir, `.${external_node_path_default().basename(w.abs)}.deployer-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
            const mode = w.original !== undefined && (0,external_node_fs_.existsSync)(w.abs) ? (0,external_node_fs_.statSync)(w.abs).mode & 0o777 : 0o644;
            if (faultInjection.failWriteAt !== undefined && n === faultInjection.failWriteAt)
                throw new Error('injected write failure');
            staged.push({ w, tmp });
            await writeSynced(tmp, w.content, mode);
            n++;
        }
        // 3. Rename them in (and delete what is deleted).
        let r = 0;
        for (const { w, tmp } of staged) {
            if (faultInjection.failRenameAt !== undefined && r === faultInjection.failRenameAt)
                throw new Error('injected rename failure');
            if (tmp)
                await (0,promises_.rename)(tmp, w.abs);
            else
                await (0,promises_.unlink)(w.abs);
            done.push(w);
            r++;
        }
    }
    catch (e) {
        // Put back what was already replaced, then remove the staged siblings and the directories created here.
        const problems = [];
        for (const w of done.reverse()) {
            try {
                if (w.original === undefined)
                    await (0,promises_.rm)(w.abs, { force: true });
                else
                    await (0,promises_.writeFile)(w.abs, w.original);
            }
            catch (err) {
                problems.push(`${w.rel}: ${err.message}`);
            }
        }
        for (const { tmp } of staged)
            if (tmp)
                await (0,promises_.rm)(tmp, { force: true }).catch(() => undefined);
        for (const d of createdDirs.reverse())
            await (0,promises_.rmdir)(d).catch(() => undefined);
        if (e instanceof errors/* DeployerError */.dg)
            throw e;
        throw new errors/* DeployerError */.dg(`could not write the change into the repo (${e.message}); ${problems.length ? `could NOT restore: ${problems.join('; ')}` : 'every file was restored to what it was'}`, { hint: problems.length ? 'check those files with `git status` / `git diff`' : 'check free space and permissions of the checkout, then run again', cause: e });
    }
    // Empty directories left by deletions are removed (git does not track them).
    for (const w of writes) {
        if (w.content !== null)
            continue;
        let d = external_node_path_default().dirname(w.abs);
        while (d.startsWith(rootAbs + (external_node_path_default()).sep)) {
            try {
                await (0,promises_.rmdir)(d);
            }
            catch {
                break;
            }
            d = external_node_path_default().dirname(d);
        }
    }
}

;// CONCATENATED MODULE: ./src/shared/changes/merge.ts
/**
 * Deep merge of a patch into a document that keeps every unrelated key at every depth, and refuses a merge that
 * would lose content. Messages name key paths, never values (the values are secrets).
 *
 * Rules, per key of the patch:
 * - absent in the document: added;
 * - both mappings: merged recursively;
 * - deep-equal: nothing changes;
 * - both scalars (string, number, boolean): the value is updated (the caller asked for it), unless `keepValues`;
 * - a list replaced by a list that keeps every old item: updated; one that drops an item loses content: refused;
 * - anything else (a mapping replaced by a scalar or a list, a scalar by a mapping, a value by null): refused.
 */

/**
 * Structural equality of parsed documents (mappings by keys, lists by items, scalars by value). Unlike
 * util.isDeepStrictEqual it ignores prototypes, so documents made by different parsers (or realms) compare by content.
 */
function sameData(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
    }
    if (isMapping(a) && isMapping(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData(a[k], b[k]));
    }
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}
function isMapping(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isScalar(v) {
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}
function formatKeyPath(p) {
    return p.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}
function kind(v) {
    if (v === null || v === undefined)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (isMapping(v))
        return 'a mapping';
    return 'a value';
}
/** Leaf key paths of a document (for "what changed" lists: keys only). */
function leafPaths(doc, prefix = []) {
    if (isMapping(doc)) {
        const keys = Object.keys(doc);
        if (keys.length === 0)
            return prefix.length ? [prefix] : [];
        return keys.flatMap((k) => leafPaths(doc[k], [...prefix, k]));
    }
    return [prefix];
}
function deepMerge(doc, patch, options = {}) {
    const added = [];
    const updated = [];
    const refused = [];
    const walk = (base, p, at) => {
        const out = { ...base };
        for (const [k, v] of Object.entries(p)) {
            const here = [...at, k];
            if (v === undefined)
                continue;
            if (!(k in base) || base[k] === undefined) {
                out[k] = structuredClone(v);
                added.push(...leafPaths(v, here));
                continue;
            }
            const old = base[k];
            if (sameData(old, v))
                continue;
            if (isMapping(old) && isMapping(v)) {
                out[k] = walk(old, v, here);
            }
            else if (isScalar(old) && isScalar(v)) {
                if (options.keepValues)
                    refused.push(`${formatKeyPath(here)} already has a different value`);
                else {
                    out[k] = v;
                    updated.push(here);
                }
            }
            else if (Array.isArray(old) && Array.isArray(v)) {
                const lost = old.filter((item) => !v.some((n) => sameData(n, item)));
                if (lost.length)
                    refused.push(`${formatKeyPath(here)}: the new list drops ${lost.length} item(s) of the existing one`);
                else {
                    out[k] = structuredClone(v);
                    updated.push(here);
                }
            }
            else {
                refused.push(`${formatKeyPath(here)} is ${kind(old)} in the file and ${kind(v)} in the change`);
            }
        }
        return out;
    };
    if (!isMapping(patch))
        throw new errors/* DeployerError */.dg(`a merge into ${options.display ?? 'an encrypted file'} needs a mapping, got ${kind(patch)}`);
    const merged = walk(doc, patch, []);
    if (refused.length) {
        throw new errors/* DeployerError */.dg(`refusing to merge into ${options.display ?? 'the encrypted file'}: the change would lose content:\n  - ${refused.join('\n  - ')}`, {
            file: options.display,
            hint: 'nothing was written; remove or rename the conflicting keys by hand (sops edit), or change a different key',
        });
    }
    return { merged, added, updated };
}
/**
 * Remove the key at `keyPath`; ancestors that become empty mappings because of it are removed too (nothing else is
 * pruned). Returns the new document and whether the key was there.
 */
function deleteKeyPath(doc, keyPath) {
    if (!keyPath.length)
        throw new errors/* DeployerError */.dg('deleting a key needs a non-empty key path');
    const copy = structuredClone(doc);
    const chain = [copy];
    let node = copy;
    for (const k of keyPath.slice(0, -1)) {
        if (!isMapping(node) || !isMapping(node[k]))
            return { doc, removed: false };
        node = node[k];
        chain.push(node);
    }
    const last = keyPath[keyPath.length - 1];
    if (!isMapping(node) || !(last in node))
        return { doc, removed: false };
    delete node[last];
    for (let i = chain.length - 1; i > 0; i--) {
        if (Object.keys(chain[i]).length)
            break;
        delete chain[i - 1][keyPath[i - 1]];
    }
    return { doc: copy, removed: true };
}
/** The value at `keyPath`, or undefined. */
function getKeyPath(doc, keyPath) {
    let node = doc;
    for (const k of keyPath) {
        if (!isMapping(node))
            return undefined;
        node = node[k];
    }
    return node;
}

;// CONCATENATED MODULE: ./src/shared/changes/changeset.ts
/**
 * ChangeSet: the changes one capability makes to the infra repo, computed in memory, then written all-or-nothing.
 *
 * - plain files (`writeFile`) are refused for secret-named paths: those must go through `writeEncrypted`;
 * - encrypted files are read through sops into a private temp file (secrets/), merged in memory, and encrypted from
 *   a private temp dir outside the tree with the repo's `.sops.yaml` rules for the target path (encrypt.ts); their
 *   plaintext never exists inside the working tree;
 * - merges are deep and refuse to lose content (merge.ts);
 * - `apply()` encrypts everything first, then writes every file or none (apply.ts), and returns what changed (key
 *   paths, never values).
 */









/** Keep the edited YAML document only if it says exactly what the merged data says (else the data is written). */
function checked(yaml, data) {
    if (!yaml)
        return undefined;
    try {
        return sameData(yaml.toJS({ maxAliasCount: 1000 }), data) ? yaml : undefined;
    }
    catch {
        return undefined;
    }
}
class ChangeSet {
    root;
    reporter;
    sopsEnv;
    sopsTimeoutMs;
    staged = new Map();
    lastWrites = [];
    constructor(options) {
        this.root = options.root;
        this.reporter = options.reporter;
        this.sopsEnv = options.sopsEnv;
        this.sopsTimeoutMs = options.sopsTimeoutMs;
    }
    /** Paths with a pending change. */
    pending() {
        return [...this.staged.keys()].sort();
    }
    /** Does the file exist, counting pending changes? */
    exists(relPath) {
        const { rel, abs } = resolveTarget(this.root, relPath);
        const s = this.staged.get(rel);
        if (s)
            return s.kind !== 'delete';
        return readIfExists(abs) !== undefined;
    }
    /** Write a plain (non-secret) file. Refuses secret-named paths, and existing files unless `overwrite`. */
    async writeFile(relPath, text, options = {}) {
        const { rel, abs } = resolveTarget(this.root, relPath);
        if (isSecretName(rel)) {
            throw new errors/* DeployerError */.dg(`refusing to write ${rel} in plaintext: its name says it is a secret`, {
                file: rel,
                hint: 'secret-named files are written with writeEncrypted (sops), never as plain text',
            });
        }
        const original = this.originalOf(rel, abs);
        if (this.exists(rel) && !options.overwrite) {
            throw new errors/* DeployerError */.dg(`refusing to overwrite ${rel}: it already exists`, { file: rel, hint: 'pass --force to replace existing files' });
        }
        this.staged.set(rel, { kind: 'plain', rel, abs, text, original });
    }
    /**
     * Write a new encrypted file (YAML/JSON by extension: `data` is a mapping; any other name: `data` is text, a sops
     * binary file). Refuses an existing file unless `overwrite`. Every leaf is masked as it arrives.
     */
    async writeEncrypted(relPath, data, options = {}) {
        const { rel, abs } = resolveTarget(this.root, relPath);
        const format = formatOf(rel);
        this.checkData(rel, format, data);
        this.mask(data);
        if (this.exists(rel) && !options.overwrite) {
            throw new errors/* DeployerError */.dg(`refusing to overwrite ${rel}: it already exists`, {
                file: rel,
                hint: 'merge into it instead (its other keys are kept), or pass --force to replace it',
            });
        }
        const original = this.originalOf(rel, abs);
        const keys = new Set(format === 'binary' ? [] : leafPaths(data).map(formatKeyPath));
        this.staged.set(rel, { kind: 'encrypted', rel, abs, format, data: structuredClone(data), original, keys });
    }
    /**
     * Deep-merge `patch` into an encrypted YAML/JSON file (created when missing). Unrelated keys are kept at every
     * depth; a merge that would lose content is refused (nothing is staged). Returns the key paths added or updated.
     */
    async mergeEncrypted(relPath, patch, options = {}) {
        const { rel, abs } = resolveTarget(this.root, relPath);
        const format = formatOf(rel);
        if (format === 'binary')
            throw new errors/* DeployerError */.dg(`cannot merge keys into ${rel}: only YAML and JSON files have keys`, { file: rel });
        this.checkData(rel, format, patch);
        this.mask(patch);
        const { data: current, yaml } = await this.load(rel, abs);
        if (current !== undefined && !isMapping(current)) {
            throw new errors/* DeployerError */.dg(`cannot merge keys into ${rel}: its decrypted content is not a mapping`, { file: rel, hint: 'fix the file with `sops edit` first' });
        }
        const { merged, added, updated } = deepMerge(current ?? {}, patch, { keepValues: options.keepValues, display: rel });
        const changed = [...added, ...updated].map(formatKeyPath);
        if (current !== undefined && sameData(current, merged))
            return [];
        const prev = this.staged.get(rel);
        const keys = new Set(prev && prev.kind !== 'plain' ? prev.keys : []);
        for (const k of changed)
            keys.add(k);
        if (yaml)
            for (const p of [...added, ...updated])
                yaml.setIn(p, yaml.createNode(getKeyPath(merged, p)));
        this.staged.set(rel, { kind: 'encrypted', rel, abs, format, data: merged, original: this.originalOf(rel, abs), keys, yaml: checked(yaml, merged) });
        return changed;
    }
    /**
     * Remove one key from an encrypted file; mappings left empty by it are removed, and the file is deleted when
     * nothing is left. Returns whether the key was there and whether the file goes.
     */
    async deleteEncryptedKey(relPath, keyPath) {
        const { rel, abs } = resolveTarget(this.root, relPath);
        const { data: current, yaml } = await this.load(rel, abs);
        if (current === undefined)
            throw new errors/* DeployerError */.dg(`${rel} does not exist`, { file: rel });
        if (!isMapping(current))
            throw new errors/* DeployerError */.dg(`cannot remove a key from ${rel}: its decrypted content is not a mapping`, { file: rel });
        const { doc, removed } = deleteKeyPath(current, keyPath);
        if (!removed)
            return { removed: false, fileDeleted: false };
        const prev = this.staged.get(rel);
        const keys = new Set(prev && prev.kind !== 'plain' ? prev.keys : []);
        keys.add(formatKeyPath(keyPath));
        const original = this.originalOf(rel, abs);
        if (Object.keys(doc).length === 0) {
            if (original === undefined)
                this.staged.delete(rel);
            else
                this.staged.set(rel, { kind: 'delete', rel, abs, encrypted: true, original, keys });
            return { removed: true, fileDeleted: true };
        }
        if (yaml) {
            yaml.deleteIn(keyPath);
            for (let i = keyPath.length - 1; i > 0; i--) {
                const parent = yaml.getIn(keyPath.slice(0, i), true);
                if (!(0,dist.isMap)(parent) || parent.items.length)
                    break;
                yaml.deleteIn(keyPath.slice(0, i));
            }
        }
        this.staged.set(rel, { kind: 'encrypted', rel, abs, format: formatOf(rel), data: doc, original, keys, yaml: checked(yaml, doc) });
        return { removed: true, fileDeleted: false };
    }
    /** The decrypted content (pending changes included), or undefined when the file does not exist. Values are masked. */
    async readEncrypted(relPath) {
        const { rel, abs } = resolveTarget(this.root, relPath);
        return (await this.load(rel, abs)).data;
    }
    /**
     * The current content (pending changes included) and, for YAML, a document to edit that keeps comments, key order
     * and style (sops keeps comments in encrypted YAML). The plaintext is read from sops's private temp file, which is
     * gone before this returns; every leaf is masked by the decryption.
     */
    async load(rel, abs) {
        const s = this.staged.get(rel);
        if (s?.kind === 'delete')
            return { data: undefined };
        if (s?.kind === 'encrypted')
            return { data: structuredClone(s.data), yaml: s.yaml?.clone() };
        if (s?.kind === 'plain')
            throw new errors/* DeployerError */.dg(`${rel} is pending as a plain file, not an encrypted one`, { file: rel });
        if (readIfExists(abs) === undefined)
            return { data: undefined };
        const decrypt = { reporter: this.reporter, display: rel, env: this.sopsEnv, timeoutMs: this.sopsTimeoutMs };
        if (formatOf(rel) !== 'yaml')
            return { data: await (0,secrets.readDecrypted)(abs, decrypt) };
        const file = await (0,secrets.decryptFile)(abs, decrypt);
        let text;
        try {
            text = await (0,promises_.readFile)(file.path, 'utf8');
        }
        finally {
            await file.dispose();
        }
        const yaml = (0,dist.parseDocument)(text);
        if (yaml.errors.length)
            return { data: await (0,secrets.readDecrypted)(abs, decrypt) }; // its error names the file, never the text
        return { data: yaml.toJS({ maxAliasCount: 1000 }), yaml };
    }
    /**
     * Encrypt everything pending, then write every file or none. Returns what changed, sorted by path; the set is empty
     * afterwards. Nothing pending: returns [].
     */
    async apply() {
        const entries = [...this.staged.values()].sort((a, b) => a.rel.localeCompare(b.rel));
        const writes = [];
        const changes = [];
        for (const s of entries) {
            if (s.kind === 'delete') {
                writes.push({ rel: s.rel, abs: s.abs, content: null, original: s.original });
                changes.push({ path: s.rel, action: 'deleted', encrypted: s.encrypted, keys: [...s.keys].sort() });
                continue;
            }
            let content;
            if (s.kind === 'plain')
                content = Buffer.from(s.text, 'utf8');
            else {
                const text = await encryptForTarget({ root: this.root, rel: s.rel, format: s.format, data: s.data, text: s.yaml?.toString({ lineWidth: 0 }), reporter: this.reporter, env: this.sopsEnv, timeoutMs: this.sopsTimeoutMs });
                content = Buffer.from(text, 'utf8');
            }
            if (s.kind === 'plain' && s.original !== undefined && s.original.equals(content))
                continue;
            writes.push({ rel: s.rel, abs: s.abs, content, original: s.original });
            const change = { path: s.rel, action: s.original === undefined ? 'created' : 'updated', encrypted: s.kind === 'encrypted' };
            if (s.kind === 'encrypted')
                change.keys = [...s.keys].sort();
            changes.push(change);
        }
        await writeAllOrNothing(this.root, writes);
        this.staged.clear();
        this.lastWrites = writes;
        return changes;
    }
    /**
     * Put back what the last `apply()` changed (all-or-nothing too), e.g. when the step that had to follow it (a pull
     * request) failed and the change must not half-exist. Refused when a file changed again since.
     */
    async undo() {
        const reverse = this.lastWrites.map((w) => ({ rel: w.rel, abs: w.abs, content: w.original ?? null, original: w.content ?? undefined }));
        if (!reverse.length)
            return;
        await writeAllOrNothing(this.root, reverse);
        this.lastWrites = [];
    }
    /**
     * Prove every pending encrypted file can be encrypted (sops is there, a creation rule matches, the keys work)
     * without writing anything: run it before an irreversible step whose result must then be stored.
     */
    async preflight() {
        for (const s of this.staged.values()) {
            if (s.kind !== 'encrypted')
                continue;
            await encryptForTarget({ root: this.root, rel: s.rel, format: s.format, data: s.data, text: s.yaml?.toString({ lineWidth: 0 }), reporter: this.reporter, env: this.sopsEnv, timeoutMs: this.sopsTimeoutMs });
        }
    }
    /** Forget every pending change (nothing was written). */
    discard() {
        this.staged.clear();
    }
    originalOf(rel, abs) {
        const s = this.staged.get(rel);
        return s ? s.original : readIfExists(abs);
    }
    checkData(rel, format, data) {
        if (format === 'binary') {
            if (typeof data !== 'string')
                throw new errors/* DeployerError */.dg(`${rel} is not a YAML or JSON name, so its content must be text`, { file: rel });
            return;
        }
        if (!isMapping(data))
            throw new errors/* DeployerError */.dg(`the content of ${rel} must be a mapping`, { file: rel });
        if ('sops' in data)
            throw new errors/* DeployerError */.dg(`the content of ${rel} must not have a top-level \`sops\` key: sops adds its own metadata there`, { file: rel });
    }
    mask(data) {
        if (typeof data === 'string')
            (0,secrets.maskValue)(data, this.reporter);
        else
            (0,secrets.maskLeaves)(data, this.reporter);
    }
}

;// CONCATENATED MODULE: ./src/shared/changes/describe.ts
function changesTable(changes) {
    return {
        header: ['file', 'change', 'encrypted', 'keys'],
        rows: changes.map((c) => [c.path, c.action, c.encrypted ? 'yes (sops)' : 'no', (c.keys ?? []).join(', ')]),
    };
}
/** Markdown bullet list: one line per file, with the key paths (never values) of encrypted files. */
function describeChanges(changes) {
    if (!changes.length)
        return '_No file changed._';
    return changes
        .map((c) => {
        const keys = c.keys?.length ? ` (keys: ${c.keys.map((k) => `\`${k}\``).join(', ')})` : '';
        return `- \`${c.path}\`: ${c.action}${c.encrypted ? ', sops-encrypted' : ''}${keys}`;
    })
        .join('\n');
}

;// CONCATENATED MODULE: ./src/shared/changes/index.ts
/**
 * Changes to the infra repo: files written with every secret sops-encrypted (its plaintext never inside the working
 * tree), deep merges into encrypted files that keep unrelated keys, all-or-nothing application, and (in
 * pull-request.ts, loaded lazily by callers) one branch and one pull request per change.
 */







/***/ })

};
