export const id = 4236;
export const ids = [4236];
export const modules = {

/***/ 4236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffCommand: () => (/* binding */ diffCommand)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
// EXTERNAL MODULE: ./src/shared/validate/context.ts
var context = __webpack_require__(52883);
// EXTERNAL MODULE: ./src/shared/plan/index.ts + 5 modules
var shared_plan = __webpack_require__(48682);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(37291);
;// CONCATENATED MODULE: ./src/shared/diff/compare.ts
/** Object-by-object comparison of two renders of a release: added, removed and changed objects with unified diffs. */

function unified(key, before, after) {
    const p = (0,create/* structuredPatch */.YB)(`a/${key}`, `b/${key}`, before, after, '', '', { context: 3 });
    let added = 0;
    let removed = 0;
    const lines = [`--- a/${key}`, `+++ b/${key}`];
    for (const h of p.hunks) {
        lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
        for (const l of h.lines) {
            if (l.startsWith('+'))
                added++;
            else if (l.startsWith('-'))
                removed++;
            if (l.startsWith('\\'))
                continue; // "\ No newline at end of file": noise here
            lines.push(l);
        }
    }
    return { patch: lines.join('\n'), added, removed };
}
/** Compare two object lists (base, head), sorted by key. */
function compareObjects(base, head) {
    const a = new Map(base.map((o) => [o.key, o]));
    const b = new Map(head.map((o) => [o.key, o]));
    const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
    const out = [];
    for (const key of keys) {
        const x = a.get(key);
        const y = b.get(key);
        if (x && y && x.text === y.text)
            continue;
        const u = unified(key, x?.text ?? '', y?.text ?? '');
        out.push({ key, change: !x ? 'added' : !y ? 'removed' : 'changed', source: (y ?? x).source, ...u });
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/shared/diff/objects.ts
/**
 * A rendered manifest as objects: split on YAML documents, keyed `kind/namespace/name`, with every Secret's
 * `data`/`stringData` values replaced before anything is compared or shown.
 */

const REDACTED = '<redacted>';
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Redact a Secret's values in place (keys stay: a reviewer sees which keys exist). */
function redactSecretObject(obj) {
    if (obj.kind !== 'Secret')
        return;
    for (const field of ['data', 'stringData']) {
        const m = obj[field];
        if (isMap(m))
            for (const k of Object.keys(m))
                m[k] = REDACTED;
        else if (m !== undefined && m !== null)
            obj[field] = REDACTED;
    }
}
/** Split `helm template` output into objects. Documents that are empty or not objects are skipped. */
function splitManifest(manifest, defaultNamespace) {
    const out = [];
    const seen = new Map();
    for (const doc of (0,dist.parseAllDocuments)(manifest, { uniqueKeys: false })) {
        if ('errors' in doc && doc.errors.length) {
            throw new Error(`the rendered manifest is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
        }
        const value = doc.toJS({ maxAliasCount: 100 });
        if (!isMap(value))
            continue;
        const source = /#\s*Source:\s*(\S+)/.exec(doc.commentBefore ?? '')?.[1];
        // A Secret is rebuilt from its redacted value (no comment or formatting of the original survives); every other
        // object keeps helm's own formatting (quotes, block styles), so its diff shows the lines as helm wrote them.
        redactSecretObject(value);
        doc.commentBefore = null;
        const meta = isMap(value.metadata) ? value.metadata : {};
        const kind = typeof value.kind === 'string' ? value.kind : '?';
        const name = typeof meta.name === 'string' ? meta.name : '?';
        const namespace = typeof meta.namespace === 'string' ? meta.namespace : defaultNamespace;
        let key = `${kind}/${namespace}/${name}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        if (n > 1)
            key = `${key}#${n}`;
        const text = value.kind === 'Secret' ? (0,dist.stringify)(value, { lineWidth: 0 }) : doc.toString({ lineWidth: 0 });
        out.push({ key, kind, namespace, name, source, text });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/shared/diff/placeholders.ts
/**
 * Secret values files without decryption. For rendering, an encrypted file becomes a placeholder file with the same
 * keys and a fixed value of the encrypted value's type (sops records it: `type:str|int|float|bool`), so base and head
 * render alike unless the keys change. For reporting, two versions of an encrypted file are compared key by key
 * through their ciphertexts: which keys were added, removed, or carry a different ciphertext. Nothing is decrypted;
 * no value, plaintext or ciphertext, is ever shown.
 */




const ENC = /^ENC\[AES256_GCM,data:([^,]*),iv:[^,]*,tag:[^,]*,type:(str|int|float|bool|bytes|comment)\]$/;
const PLACEHOLDER_STRING = 'deployer-diff-placeholder';
function placeholders_isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Parse an encrypted YAML/JSON file (its `sops` key is dropped). Located error when it is not sops output. */
function parseEncrypted(text, display) {
    let value;
    try {
        value = display.toLowerCase().endsWith('.json') ? JSON.parse(text) : (0,dist.parse)(text, { uniqueKeys: false, maxAliasCount: 100 });
    }
    catch (e) {
        throw new errors/* DeployerError */.dg(`cannot parse the encrypted file: ${e.message.split('\n')[0]}`, { file: display, line: 1, col: 1 });
    }
    if (!placeholders_isMap(value) || !placeholders_isMap(value.sops)) {
        throw new errors/* DeployerError */.dg('this secret-named file is not sops-encrypted (no top-level `sops` key)', {
            file: display,
            line: 1,
            col: 1,
            hint: 'encrypt it with sops before committing; if a plaintext version was pushed, rotate every credential in it',
        });
    }
    const { sops: _sops, ...rest } = value;
    return rest;
}
/** The same tree with every encrypted leaf replaced by a fixed value of its type; plaintext leaves kept. */
function placeholderTree(tree) {
    if (Array.isArray(tree))
        return tree.map(placeholderTree);
    if (placeholders_isMap(tree))
        return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, placeholderTree(v)]));
    if (typeof tree === 'string') {
        const m = ENC.exec(tree);
        if (!m)
            return tree;
        switch (m[2]) {
            case 'int':
                return 0;
            case 'float':
                return 0.5;
            case 'bool':
                return true;
            default:
                return PLACEHOLDER_STRING;
        }
    }
    return tree;
}
/** Leaf key paths of a tree with the ciphertext (or plain value) at each, for comparing two versions. */
function leaves(tree, prefix = [], out = new Map()) {
    if (Array.isArray(tree))
        tree.forEach((v, i) => leaves(v, [...prefix, String(i)], out));
    else if (placeholders_isMap(tree))
        for (const [k, v] of Object.entries(tree))
            leaves(v, [...prefix, k], out);
    else
        out.set(prefix.join('.'), typeof tree === 'string' ? (ENC.exec(tree)?.[1] ?? `plain:${tree}`) : `plain:${JSON.stringify(tree)}`);
    return out;
}
/** Compare two versions (either may be absent) of an encrypted file; undefined when nothing differs. */
function compareEncrypted(file, base, head) {
    const a = leaves(base ?? {});
    const b = leaves(head ?? {});
    const added = [...b.keys()].filter((k) => !a.has(k)).sort();
    const removed = [...a.keys()].filter((k) => !b.has(k)).sort();
    const reencrypted = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).sort();
    if (!added.length && !removed.length && !reencrypted.length && (base === undefined) === (head === undefined))
        return undefined;
    return { file, added, removed, reencrypted };
}
/** One line for a person: "encrypted values changed in F (keys: a.b, c; added: d; removed: e)". Keys only. */
function describeSecretChange(c) {
    const parts = [];
    if (c.reencrypted.length)
        parts.push(`keys: ${c.reencrypted.join(', ')}`);
    if (c.added.length)
        parts.push(`added: ${c.added.join(', ')}`);
    if (c.removed.length)
        parts.push(`removed: ${c.removed.join(', ')}`);
    return `encrypted values changed in ${c.file}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}
/** Read an encrypted file if it exists. */
async function readEncrypted(abs, display) {
    let text;
    try {
        text = await (0,promises_.readFile)(abs, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new errors/* DeployerError */.dg(`cannot read ${display}: ${e.code ?? e.message}`);
    }
    return parseEncrypted(text, display || external_node_path_default().basename(abs));
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(27564);
// EXTERNAL MODULE: ./src/shared/secrets/tempdir.ts
var tempdir = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/shared/diff/refs.ts
/**
 * A ref of the infra repo as a directory: `git archive <ref>` of the config root's subtree, unpacked into a private
 * temp dir (nothing in the working tree is touched, no worktree bookkeeping is left behind). `WORKTREE` stands for
 * the files as they are checked out now, uncommitted changes included.
 */







const WORKTREE = 'WORKTREE';
function checkRef(name, ref) {
    if (!ref || ref.startsWith('-') || /[\s\0]/.test(ref) || ref.includes('..')) {
        throw new errors/* UsageError */.eb(`${name} "${ref}" is not a usable git ref`, 'pass a branch, tag or commit SHA (e.g. origin/main or github.event.pull_request.base.sha)');
    }
}
/** Resolve a ref to its commit SHA (a clear error when the clone does not have it). */
async function resolveCommit(configRoot, ref, env) {
    const r = await (0,run/* runTool */.qI)((0,tools/* toolPath */.O)('git', env ?? process.env), ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: configRoot, timeoutMs: 60_000, allowFailure: true, env });
    if (r.code !== 0) {
        throw new errors/* DeployerError */.dg(`git ref "${ref}" is not a commit in this clone`, {
            hint: 'fetch it first (actions/checkout with `fetch-depth: 0`, or `git fetch origin <ref>`)',
        });
    }
    return r.stdout.trim();
}
/** Materialise `ref` (or WORKTREE) of the repository holding `configRoot`. */
async function checkoutRef(configRoot, ref, env) {
    if (ref === WORKTREE)
        return { ref, configRoot, dispose: async () => { } };
    const git = (0,tools/* toolPath */.O)('git', env ?? process.env);
    const commit = await resolveCommit(configRoot, ref, env);
    const top = (await (0,run/* runTool */.qI)(git, ['rev-parse', '--show-toplevel'], { cwd: configRoot, timeoutMs: 60_000, env })).stdout.trim();
    const rel = external_node_path_default().relative((0,external_node_fs_.realpathSync)(top), (0,external_node_fs_.realpathSync)(configRoot)).split((external_node_path_default()).sep).join('/');
    const tmp = await (0,tempdir/* privateTempDir */.nX)('diff-ref');
    try {
        const archive = external_node_path_default().join(tmp.dir, 'tree.tar');
        const args = ['archive', '--format=tar', `--output=${archive}`, commit];
        if (rel)
            args.push('--', rel);
        await (0,run/* runTool */.qI)(git, args, { cwd: top, timeoutMs: 5 * 60_000, env });
        const out = external_node_path_default().join(tmp.dir, 'tree');
        await (0,promises_.mkdir)(out, { recursive: true });
        await (0,run/* runTool */.qI)('tar', ['-xf', archive, '-C', out], { timeoutMs: 5 * 60_000 });
        return { ref, commit, configRoot: rel ? external_node_path_default().join(out, rel) : out, dispose: () => tmp.dispose() };
    }
    catch (e) {
        await tmp.dispose();
        throw e;
    }
}
/** Files changed between two refs (WORKTREE allowed as head), relative to the config root; deletions included. */
async function changedBetween(configRoot, base, head, env) {
    const git = (0,tools/* toolPath */.O)('git', env ?? process.env);
    const range = head === WORKTREE ? [base] : [`${base}...${head}`];
    const r = await (0,run/* runTool */.qI)(git, ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '-z', '--relative', ...range, '--'], {
        cwd: configRoot,
        timeoutMs: 120_000,
        allowFailure: true,
        env,
    });
    if (r.code !== 0)
        throw new errors/* DeployerError */.dg(`git diff ${range.join(' ')} failed: ${r.stderr.trim().split('\n')[0] || `exit code ${r.code}`}`);
    const files = r.stdout.split('\0').filter((f) => f !== '');
    if (head === WORKTREE) {
        // Untracked files are part of the working tree too.
        const u = await (0,run/* runTool */.qI)(git, ['-c', 'core.quotePath=false', 'ls-files', '--others', '--exclude-standard', '-z'], { cwd: configRoot, timeoutMs: 60_000, env });
        files.push(...u.stdout.split('\0').filter((f) => f !== ''));
    }
    return [...new Set(files)].sort();
}

// EXTERNAL MODULE: ./src/shared/findings.ts
var shared_findings = __webpack_require__(75051);
// EXTERNAL MODULE: ./src/shared/helm/template.ts
var template = __webpack_require__(20630);
// EXTERNAL MODULE: ./src/shared/validate/chart-values.ts + 1 modules
var chart_values = __webpack_require__(93208);
// EXTERNAL MODULE: ./src/shared/validate/hub.ts
var hub = __webpack_require__(97427);
// EXTERNAL MODULE: ./src/shared/validate/jsonnet.ts
var jsonnet = __webpack_require__(83669);
// EXTERNAL MODULE: ./src/shared/validate/support.ts
var support = __webpack_require__(79655);
;// CONCATENATED MODULE: ./src/shared/diff/render.ts
/**
 * Render one release (a hub, or a cluster's support chart) of one ref with `helm template`, without decrypting
 * anything: the release's values files in their order, each secret file replaced by its placeholder twin (same keys,
 * fixed values), in the ref's own chart workspace (one dependency build per chart per ref). The validation room
 * already knows how a release's values are layered (chart defaults, values.jsonnet, files) and shares its run
 * context: the diff reuses it rather than keeping a second copy.
 */












const SUPPORT_RELEASE = 'support';
function located(e) {
    if (e instanceof errors/* DeployerError */.dg) {
        const where = (0,errors/* formatLocation */.j$)(e);
        return where ? `${where}: ${e.message}` : e.message;
    }
    return e instanceof Error ? e.message : String(e);
}
/** The release spec of a hub or of the support chart, or `absent` when the ref does not have it. */
async function releaseSpec(ctx, id) {
    let cluster;
    try {
        cluster = await ctx.memo(`diff-cluster:${id.cluster}`, () => (0,repo.loadCluster)(ctx.paths, id.cluster));
    }
    catch (e) {
        if (e instanceof errors/* DeployerError */.dg && /does not exist|not found|no such cluster/i.test(e.message) && !e.line)
            return { absent: `cluster ${id.cluster} does not exist` };
        throw e;
    }
    if (id.release === SUPPORT_RELEASE) {
        if (!cluster.support)
            return { absent: `cluster ${id.cluster} has no support chart` };
        return {
            cluster,
            chart: support/* SUPPORT_CHART */.Bb,
            release: support/* SUPPORT_CHART */.Bb,
            namespace: support/* SUPPORT_NAMESPACE */.wF,
            valuesFiles: (0,repo/* supportValuesFiles */.PV)(cluster),
            vars: (0,jsonnet/* jsonnetVars */.In)(cluster),
            set: [],
            pointer: ['support', 'helm_chart_values_files'],
            label: 'the support chart',
        };
    }
    if (!cluster.hubs.some((h) => h.name === id.release))
        return { absent: `hub ${id.release} is not in ${cluster.displayFile}` };
    const spec = (0,hub/* hubReleaseSpec */.Mi)(cluster, (0,repo.findHub)(cluster, id.release));
    if (!('chart' in spec))
        throw new errors/* DeployerError */.dg(spec.message, { file: spec.file, line: spec.line, col: spec.col });
    return spec;
}
/** Render a release at the ref `ctx.paths` points at. Failures are returned (located), never thrown. */
async function renderRelease(ctx, id) {
    try {
        const spec = await releaseSpec(ctx, id);
        if ('absent' in spec)
            return { ok: false, absent: true, why: spec.absent };
        const { layers, findings } = await (0,chart_values/* releaseLayers */.O8)(ctx, spec);
        if (findings.length)
            return { ok: false, error: (0,shared_findings/* formatFinding */.tf)(findings[0]) };
        const byDisplay = new Map(layers.filter((l) => l.helmFile).map((l) => [l.display, l.helmFile]));
        const meta = await (0,chart_values/* chartMeta */.Ae)(ctx, spec.chart);
        // Chart-level files (values.jsonnet) first, then the release's files in cluster.yaml's order.
        const files = layers.filter((l) => l.helmFile && !spec.valuesFiles.some((vf) => vf.display === l.display)).map((l) => l.helmFile);
        for (const vf of spec.valuesFiles) {
            if (!vf.secret) {
                const f = byDisplay.get(vf.display);
                if (f)
                    files.push(f);
                continue;
            }
            const tree = await readEncrypted(vf.abs, vf.display);
            if (!tree)
                throw new errors/* DeployerError */.dg(`secret values file ${vf.display} of ${spec.label} does not exist`, { file: spec.cluster.displayFile, ...spec.cluster.yaml.locate(vf.pointer) });
            const out = external_node_path_default().join(await ctx.tmpDir(), `placeholder-${ctx.stats.renders}-${Math.random().toString(36).slice(2)}-${external_node_path_default().basename(vf.abs).replace(/\.json$/i, '.yaml')}`);
            await (0,promises_.writeFile)(out, (0,dist.stringify)(placeholderTree(tree), { lineWidth: 0 }), { mode: 0o600 });
            files.push(out);
        }
        const sources = {
            top: meta.display,
            subcharts: Object.fromEntries(meta.subcharts.map((s) => [external_node_path_default().basename(s.dir), (0,repo/* displayPath */.Gt)(ctx.paths, s.dir)])),
        };
        return await ctx.limit(async () => {
            const ws = await ctx.workspace();
            const chartDir = spec.override ? await ws.overrideChartDir(spec.chart, spec.override) : await ws.chartDir(spec.chart);
            ctx.stats.renders++;
            const r = await (0,template/* helmTemplate */.Zp)({ chartDir, release: spec.release, namespace: spec.namespace, valuesFiles: files, set: spec.set, env: ctx.options.env, helm: ctx.helm(), sources });
            return { ok: true, manifest: r.manifest, namespace: spec.namespace, secretFiles: spec.valuesFiles.filter((vf) => vf.secret).map((vf) => vf.display) };
        });
    }
    catch (e) {
        if (e instanceof template/* HelmTemplateError */.JV || e instanceof errors/* DeployerError */.dg)
            return { ok: false, error: located(e) };
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
}

;// CONCATENATED MODULE: ./src/shared/diff/index.ts
/**
 * `deployer diff`: what a change does to the rendered releases, offline. For each release the change plans (or the
 * ones named), render it at the base and at the head with `helm template` (no decryption: secret files become
 * placeholders), split both renders into objects and compare them object by object. Changed secret files are
 * reported by key from their sops trees, never by value.
 */
















const key = (id) => `${id.cluster}/${id.release}`;
/** The releases to diff: the planned ones (hubs of staging and prod, support charts), or the named ones. */
async function selectReleases(req, headPaths, basePaths, changed) {
    if (req.only) {
        const { cluster, hubs } = req.only;
        if (hubs.length)
            return { ids: hubs.map((h) => ({ cluster, release: h })) };
        const names = new Set();
        for (const p of [headPaths, basePaths]) {
            try {
                const c = await (0,repo.loadCluster)(p, cluster, { schema: false });
                c.hubs.forEach((h) => names.add(h.name));
            }
            catch {
                /* absent at this ref */
            }
        }
        if (!names.size)
            throw new errors/* DeployerError */.dg(`cluster ${cluster} has no hubs at either ref (or does not exist)`, { hint: 'check the cluster name (a directory under the clusters dir)' });
        return { ids: [...names].sort().map((h) => ({ cluster, release: h })) };
    }
    const readBase = async (rel) => {
        try {
            return await (0,promises_.readFile)(external_node_path_default().join(basePaths.configRoot, rel), 'utf8');
        }
        catch {
            return undefined;
        }
    };
    const plan = await (0,shared_plan/* planDeployments */.Sf)({ paths: headPaths, changed: changed.filter((f) => !f.startsWith('.')), labels: req.labels, rules: req.rules, source: 'the changed files', readBase });
    const ids = new Map();
    for (const s of plan.matrices['support-jobs'])
        ids.set(key({ cluster: s.cluster_name, release: SUPPORT_RELEASE }), { cluster: s.cluster_name, release: SUPPORT_RELEASE });
    for (const h of [...plan.matrices['staging-jobs'], ...plan.matrices['prod-jobs']])
        ids.set(key({ cluster: h.cluster_name, release: h.hub_name }), { cluster: h.cluster_name, release: h.hub_name });
    // Hubs removed from a changed cluster.yaml: the plan (made from the head) cannot see them; the diff must.
    const dirRel = external_node_path_default().relative(headPaths.configRoot, headPaths.clustersDir).split((external_node_path_default()).sep).join('/');
    for (const f of changed) {
        const m = new RegExp(`^${dirRel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)/cluster\\.yaml$`).exec(f);
        if (!m)
            continue;
        try {
            const before = await (0,repo.loadCluster)(basePaths, m[1], { schema: false });
            let after = new Set();
            try {
                after = new Set((await (0,repo.loadCluster)(headPaths, m[1], { schema: false })).hubs.map((h) => h.name));
            }
            catch {
                /* the whole cluster is gone at the head */
            }
            for (const h of before.hubs)
                if (!after.has(h.name))
                    ids.set(key({ cluster: m[1], release: h.name }), { cluster: m[1], release: h.name });
        }
        catch {
            /* a new cluster: nothing was removed */
        }
    }
    const sorted = [...ids.values()].sort((a, b) => (a.cluster === b.cluster ? (a.release < b.release ? -1 : 1) : a.cluster < b.cluster ? -1 : 1));
    return { ids: sorted, matrices: plan.matrices };
}
function diffOne(id, before, after, secretChanges) {
    const base = { ...id, status: 'unchanged', objects: [], linesAdded: 0, linesRemoved: 0, secretChanges: [] };
    if (!after.ok && !after.absent)
        return { ...base, status: 'failed', failure: { ref: 'head', message: after.error } };
    if (!before.ok && !before.absent)
        return { ...base, status: 'failed', failure: { ref: 'base', message: before.error } };
    if (!after.ok && after.absent) {
        if (!before.ok)
            return { ...base, status: 'unchanged', note: `absent at both refs (${after.why})` };
        const uninstall = id.release === SUPPORT_RELEASE ? 'helm uninstall support --namespace support' : `helm uninstall ${id.release} --namespace ${id.release}`;
        const objects = compareObjects(splitManifest(before.manifest, before.namespace), []);
        return {
            ...base,
            status: 'removed',
            objects,
            linesRemoved: objects.reduce((n, o) => n + o.removed, 0),
            note: `${after.why}: the release \`${id.release}\` stays on cluster ${id.cluster}; once nothing needs it, remove it with \`deployer use-cluster-credentials ${id.cluster} ${uninstall}\``,
        };
    }
    const afterObjects = splitManifest(after.manifest, after.namespace);
    const beforeObjects = before.ok ? splitManifest(before.manifest, before.namespace) : [];
    const objects = compareObjects(beforeObjects, afterObjects);
    const secrets = (after.ok ? after.secretFiles : []).map((f) => secretChanges.get(f)).filter((c) => !!c).map(describeSecretChange);
    const out = {
        ...base,
        objects,
        linesAdded: objects.reduce((n, o) => n + o.added, 0),
        linesRemoved: objects.reduce((n, o) => n + o.removed, 0),
        secretChanges: secrets,
    };
    if (!before.ok)
        return { ...out, status: 'added', note: `new release (${before.absent ? before.why : 'absent'} at the base)` };
    out.status = objects.length || secrets.length ? 'changed' : 'unchanged';
    return out;
}
/** Run the diff. The refs are unpacked into private temp dirs and removed at the end, whatever happens. */
async function diffChange(req) {
    const started = performance.now();
    const reporter = req.reporter ?? log/* silentReporter */.P$;
    const headRef = req.head ?? WORKTREE;
    checkRef('base', req.base);
    if (headRef !== WORKTREE)
        checkRef('head', headRef);
    const helmBefore = run/* toolStarts */.wS.get('helm') ?? 0;
    const trees = [];
    const contexts = [];
    try {
        // Both refs must be in the clone: say so before anything else asks git about them.
        await resolveCommit(req.configRoot, req.base, req.env);
        if (headRef !== WORKTREE)
            await resolveCommit(req.configRoot, headRef, req.env);
        const changed = await changedBetween(req.configRoot, req.base, headRef, req.env);
        const [baseTree, headTree] = await Promise.all([checkoutRef(req.configRoot, req.base, req.env), checkoutRef(req.configRoot, headRef, req.env)]);
        trees.push(baseTree, headTree);
        const pathsOf = (t) => (0,repo/* repoPaths */.TK)({ configRoot: t.configRoot, clustersDir: req.clustersDir, chartsDir: req.chartsDir });
        const basePaths = pathsOf(baseTree);
        const headPaths = pathsOf(headTree);
        const { ids, matrices } = await selectReleases(req, headPaths, basePaths, changed);
        reporter.info(`diff ${req.base}${baseTree.commit ? ` (${baseTree.commit.slice(0, 12)})` : ''} -> ${headRef === WORKTREE ? 'the working tree' : headRef}: ${changed.length} changed file(s), ${ids.length} release(s) to render at both refs`);
        // Secret files the change touched, compared key by key from their sops trees.
        const secretChanges = new Map();
        for (const f of changed.filter((f) => (0,repo/* isSecretFile */.D0)(f))) {
            try {
                const c = compareEncrypted(f, await readEncrypted(external_node_path_default().join(basePaths.configRoot, f), f), await readEncrypted(external_node_path_default().join(headPaths.configRoot, f), f));
                if (c)
                    secretChanges.set(f, c);
            }
            catch (e) {
                reporter.warn(e instanceof errors/* DeployerError */.dg ? `${e.file ?? f}: ${e.message}` : `${f}: ${e.message}`);
            }
        }
        const total = Math.max(1, req.concurrency ?? external_node_os_default().availableParallelism());
        const options = (share) => ({ reporter, env: req.env, helm: req.helm, concurrency: Math.max(1, share) });
        const baseCtx = (0,context/* createValidationContext */.n3)(basePaths, options(Math.floor(total / 2)));
        const headCtx = (0,context/* createValidationContext */.n3)(headPaths, options(Math.ceil(total / 2)));
        contexts.push(baseCtx, headCtx);
        let done = 0;
        const releases = await Promise.all(ids.map(async (id) => {
            const [before, after] = await Promise.all([renderRelease(baseCtx, id), renderRelease(headCtx, id)]);
            const d = diffOne(id, before, after, secretChanges);
            done++;
            reporter.info(`[${done}/${ids.length}] ${id.cluster}/${id.release}: ${d.status}${d.objects.length ? ` (${d.objects.length} object(s), +${d.linesAdded} -${d.linesRemoved})` : ''}`);
            return d;
        }));
        const stats = {
            renders: baseCtx.stats.renders + headCtx.stats.renders,
            helmProcesses: 0,
            dependencyBuilds: 0,
            durationMs: 0,
        };
        await Promise.all(contexts.map((c) => c.dispose()));
        stats.dependencyBuilds = baseCtx.stats.dependencyBuilds + headCtx.stats.dependencyBuilds;
        stats.helmProcesses = (run/* toolStarts */.wS.get('helm') ?? 0) - helmBefore;
        stats.durationMs = Math.round(performance.now() - started);
        return {
            base: { ref: req.base, commit: baseTree.commit },
            head: { ref: headRef, commit: headTree.commit },
            changedFiles: changed,
            matrices,
            releases,
            secretFiles: [...secretChanges.values()],
            stats,
        };
    }
    finally {
        await Promise.all(contexts.map((c) => c.dispose().catch(() => { })));
        await Promise.all(trees.map((t) => t.dispose()));
    }
}

;// CONCATENATED MODULE: ./src/shared/diff/comment.ts
const COMMENT_MARKER = '<!-- deployer-diff -->';
/** GitHub refuses issue comments longer than this. */
const GITHUB_COMMENT_LIMIT = 65_536;
/** Inline text from the change: shown literally, never interpreted. */
function mdText(s) {
    return stripControl(s)
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .replace(/[&<>`@*_[\]!|\\~#()]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function stripControl(s) {
    return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
/** A fenced code block that its content cannot close. */
function fenced(body, lang = 'diff') {
    const clean = stripControl(body.replace(/\r\n?/g, '\n'));
    const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${lang}\n${clean}\n${fence}`;
}
const comment_name = (r) => `${r.cluster}/${r.release}`;
function statusLine(r) {
    switch (r.status) {
        case 'changed':
        case 'added':
        case 'removed': {
            const n = r.objects.length;
            const objs = n ? `${n} object${n === 1 ? '' : 's'} (${r.objects.filter((o) => o.change === 'added').length} added, ${r.objects.filter((o) => o.change === 'removed').length} removed, ${r.objects.filter((o) => o.change === 'changed').length} changed), +${r.linesAdded} -${r.linesRemoved} lines` : 'no rendered object changes';
            return `${r.status === 'changed' ? 'changed' : r.status === 'added' ? 'new release' : 'removed from the config'}: ${objs}${r.secretChanges.length ? `; ${r.secretChanges.length} encrypted file(s) changed` : ''}`;
        }
        case 'failed':
            return `failed to render at the ${r.failure?.ref ?? 'head'}`;
        default:
            return 'unchanged';
    }
}
/** The unified diff of a release, cut to `maxLines` with a note. */
function releasePatch(r, maxLines = Infinity) {
    const lines = r.objects.flatMap((o) => o.patch.split('\n'));
    if (lines.length <= maxLines)
        return { text: lines.join('\n'), cut: false };
    return { text: [...lines.slice(0, maxLines), `... ${lines.length - maxLines} more line(s) cut`].join('\n'), cut: true };
}
function releaseBlock(r, maxLines) {
    const parts = [`<details><summary><code>${mdText(comment_name(r))}</code>: ${mdText(statusLine(r))}</summary>`, ''];
    for (const s of r.secretChanges)
        parts.push(`- ${mdText(s)}`);
    if (r.note)
        parts.push(`- ${mdText(r.note)}`);
    if (r.failure)
        parts.push(`- ${mdText(`failed at the ${r.failure.ref}:`)}`, '', fenced(r.failure.message, 'text'));
    if (r.objects.length) {
        if (maxLines === 'none')
            parts.push('', `_${mdText('diff left out to keep this comment under GitHub\'s size limit: see the job summary or the deployer-diff artifact')}_`);
        else {
            const p = releasePatch(r, maxLines);
            parts.push('', fenced(p.text));
            if (p.cut)
                parts.push('', `_${mdText('diff cut: the full diff is in the job summary and the deployer-diff artifact')}_`);
        }
    }
    parts.push('', '</details>');
    return parts.join('\n');
}
/** A markdown table whose every cell is inert text. */
function table(header, rows) {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(mdText).join(' | ')} |`)].join('\n');
}
/** The deployment plan (what merging deploys), cells escaped like everything else from the change. */
function planTables(m) {
    const out = ['### Deployment plan', ''];
    const section = (title, rows, header, empty) => out.push(`**${title}**`, '', rows.length ? table(header, rows) : `_${empty}_`, '');
    section('Support', m['support-jobs'].map((j) => [j.provider, j.cluster_name, j.choice_reason]), ['Cloud Provider', 'Cluster Name', 'Reason for Redeploy'], 'No support upgrades will be triggered');
    const hubs = (jobs) => jobs.map((j) => [j.provider, j.cluster_name, j.hub_name, j.choice_reason]);
    const hubHeader = ['Cloud Provider', 'Cluster Name', 'Hub Name', 'Reason for Redeploy'];
    section('Staging hubs', hubs(m['staging-jobs']), hubHeader, 'No staging hub upgrades will be triggered');
    section('Production hubs', hubs(m['prod-jobs']), hubHeader, 'No production hub upgrades will be triggered');
    return out.join('\n').trimEnd();
}
/** The sticky comment / job summary. */
function diffMarkdown(result, options = {}) {
    const limit = options.limit ?? GITHUB_COMMENT_LIMIT - 1_536;
    const maxLines = options.maxLinesPerRelease ?? 300;
    const short = (c) => (c ? c.slice(0, 12) : '');
    const head = [COMMENT_MARKER, '## What this change deploys, rendered', ''];
    const matrices = options.matrices ?? result.matrices;
    if (matrices)
        head.push(planTables(matrices), '');
    const rs = result.releases;
    const count = (s) => rs.filter((r) => r.status === s).length;
    head.push(`### Rendered changes (${mdText(result.base.ref)} ${short(result.base.commit)} → ${mdText(result.head.ref === 'WORKTREE' ? 'working tree' : result.head.ref)} ${short(result.head.commit)})`, '', `${rs.length} release(s) rendered at both refs: ${count('changed')} changed, ${count('added')} new, ${count('removed')} removed from the config, ${count('unchanged')} unchanged, ${count('failed')} failed to render. Secret values are never decrypted: secret files render as placeholders and Secret objects' data is redacted.`, '');
    const tail = [];
    const unchanged = rs.filter((r) => r.status === 'unchanged');
    if (unchanged.length)
        tail.push(`**Unchanged:** ${unchanged.map((r) => `<code>${mdText(comment_name(r))}</code>`).join(', ')}`, '');
    if (options.dropped?.length) {
        tail.push(`**Not deployed (skip-unchanged):** ${options.dropped.map((d) => `<code>${mdText(`${d.cluster}/${d.release}`)}</code>`).join(', ')}: ${mdText(options.dropped[0].why)}.`, '');
    }
    const blocks = rs.filter((r) => r.status !== 'unchanged');
    let text = head.join('\n');
    const reserve = tail.join('\n').length + 400;
    let omitted = 0;
    for (const r of blocks) {
        const full = releaseBlock(r, maxLines);
        const room = limit - reserve - text.length;
        if (full.length + 2 <= room) {
            text += full + '\n\n';
            continue;
        }
        const bare = releaseBlock(r, 'none');
        if (bare.length + 2 <= room) {
            text += bare + '\n\n';
            continue;
        }
        omitted++;
    }
    if (omitted)
        text += `_${mdText(`${omitted} more release(s) not shown to stay under GitHub's comment size limit: see the job summary or the deployer-diff artifact`)}_\n\n`;
    return (text + tail.join('\n')).trimEnd() + '\n';
}
/** Terminal text: a status line per release, then the diffs. */
function diffText(result, dropped = []) {
    const out = [];
    for (const r of result.releases)
        out.push(`${comment_name(r).padEnd(32)} ${statusLine(r)}`);
    for (const d of dropped)
        out.push(`${`${d.cluster}/${d.release}`.padEnd(32)} not deployed (skip-unchanged): ${d.why}`);
    for (const r of result.releases) {
        if (r.status === 'unchanged')
            continue;
        out.push('', `=== ${comment_name(r)}: ${statusLine(r)}`);
        for (const s of r.secretChanges)
            out.push(`  ${s}`);
        if (r.note)
            out.push(`  ${r.note}`);
        if (r.failure)
            out.push(`  failed at the ${r.failure.ref}: ${r.failure.message}`);
        if (r.objects.length)
            out.push(releasePatch(r).text);
    }
    const s = result.stats;
    out.push('', `${result.releases.length} release(s), ${s.renders} render(s), ${s.helmProcesses} helm process(es), ${s.dependencyBuilds} dependency build(s) in ${(s.durationMs / 1000).toFixed(2)} s`);
    return stripControl(out.join('\n')) + '\n';
}

;// CONCATENATED MODULE: ./src/shared/diff/skip.ts

const SKIP_UNCHANGED_LABEL = 'deployer:skip-unchanged';
function skipUnchanged(m, releases) {
    const unchanged = new Set(releases.filter((r) => r.status === 'unchanged' && !r.secretChanges.length).map((r) => `${r.cluster}/${r.release}`));
    const dropped = [];
    const drop = (cluster, release) => {
        if (!unchanged.has(`${cluster}/${release}`))
            return false;
        if (!dropped.some((d) => d.cluster === cluster && d.release === release)) {
            dropped.push({ cluster, release, why: 'its rendered manifests are the same at the base and the head, and none of its secret files changed' });
        }
        return true;
    };
    const matrices = {
        'support-jobs': m['support-jobs'].filter((j) => !drop(j.cluster_name, SUPPORT_RELEASE)),
        'staging-jobs': m['staging-jobs'].filter((j) => !drop(j.cluster_name, j.hub_name)),
        'prod-jobs': m['prod-jobs'].filter((j) => !drop(j.cluster_name, j.hub_name)),
        'prod-hub-matrix-jobs': m['prod-hub-matrix-jobs'].filter((j) => !drop(j.cluster_name, j.hub_name)),
        'support-and-staging-matrix-jobs': m['support-and-staging-matrix-jobs'].flatMap((j) => {
            if (!j.upgrade_support && !j.upgrade_staging)
                return [j]; // a row that deploys nothing stays as the plan made it
            const row = { ...j };
            if (row.upgrade_support && drop(j.cluster_name, SUPPORT_RELEASE)) {
                row.upgrade_support = false;
                row.reason_for_support_redeploy = '';
            }
            if (row.upgrade_staging && drop(j.cluster_name, 'staging')) {
                row.upgrade_staging = false;
                row.reason_for_staging_redeploy = '';
            }
            return row.upgrade_support || row.upgrade_staging ? [row] : [];
        }),
    };
    return { matrices, dropped: dropped.sort((a, b) => `${a.cluster}/${a.release}`.localeCompare(`${b.cluster}/${b.release}`)) };
}

;// CONCATENATED MODULE: ./src/shared/diff/api.ts
/** The diff room's entry points for the CLI and the actions. */




// EXTERNAL MODULE: ./src/shared/plan/inputs.ts
var inputs = __webpack_require__(37120);
// EXTERNAL MODULE: ./src/cli/common.ts + 1 modules
var common = __webpack_require__(76562);
;// CONCATENATED MODULE: ./src/cli/diff.ts
/** `deployer diff --base REF [--head REF] [CLUSTER [HUB...]]`: the rendered change, as text, markdown or JSON. */




async function diffCommand(cluster, hubs, opts) {
    const flags = opts;
    if (flags.json && flags.markdown)
        throw new errors/* UsageError */.eb('--json and --markdown cannot be combined', 'choose one output format');
    const reporter = (0,common/* terminalReporter */.CO)(flags);
    const configRoot = flags.configRoot ?? process.env.DEPLOYER_CONFIG_ROOT ?? process.cwd();
    const labels = (0,inputs/* parseLabels */.Xy)(flags.labels, '--labels');
    const result = await diffChange({
        configRoot,
        clustersDir: flags.clustersDir,
        chartsDir: flags.chartsDir,
        base: flags.base,
        head: flags.head,
        only: cluster ? { cluster, hubs } : undefined,
        labels,
        reporter,
    });
    const skip = flags.skipUnchanged && result.matrices ? skipUnchanged(result.matrices, result.releases) : undefined;
    if (flags.json)
        (0,common/* printResult */.RS)(JSON.stringify(skip ? { ...result, deploy: skip } : result, null, 2));
    else if (flags.markdown)
        (0,common/* printResult */.RS)(diffMarkdown(result, { dropped: skip?.dropped, matrices: skip?.matrices }));
    else
        (0,common/* printResult */.RS)(diffText(result, skip?.dropped));
    return result.releases.some((r) => r.status === 'failed') ? 1 : 0;
}


/***/ })

};
