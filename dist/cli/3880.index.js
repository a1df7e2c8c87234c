export const id = 3880;
export const ids = [3880,2955,5336,108];
export const modules = {

/***/ 73880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanupCommand: () => (/* binding */ cleanupCommand),
  createCommand: () => (/* binding */ createCommand),
  deleteCommand: () => (/* binding */ deleteCommand),
  getAllCommand: () => (/* binding */ getAllCommand),
  getCommand: () => (/* binding */ getCommand),
  updateCommand: () => (/* binding */ updateCommand)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/shared/changes/index.ts + 6 modules
var shared_changes = __webpack_require__(96512);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
;// CONCATENATED MODULE: ./src/shared/cilogon/api.ts
/**
 * The CILogon OIDC dynamic client management API (reference A.13): base URL `https://cilogon.org/oauth2/oidc-cm`
 * (overridable), `Authorization: Bearer <base64url(admin_id:admin_secret)>` (padding kept, as Python's
 * urlsafe_b64encode), `Content-Type: application/json; charset=UTF-8`, clients addressed with `?client_id=<id>`,
 * 5 s per request, network errors and 5xx answers retried. Any other non-2xx answer is a DeployerError with the status
 * and CILogon's message (upstream printed it and exited 0).
 *
 * Secrets are registered the moment they arrive: the admin secret and the bearer value when the client is made, every
 * `client_secret` in a response before the response is returned.
 */


const CILOGON_URL = 'https://cilogon.org/oauth2/oidc-cm';
/** CILogon allows an administrative client this many OIDC clients. */
const CILOGON_CLIENT_LIMIT = 100;
const CILOGON_SCOPE = 'openid email org.cilogon.userinfo profile';
/** The bearer value: base64url of `id:secret`, with `=` padding kept. */
function bearerValue(admin) {
    return Buffer.from(`${admin.clientId}:${admin.clientSecret}`, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}
/** Register every `client_secret` (and any key named like a secret) found in a response, at any depth. */
function maskResponse(value) {
    if (Array.isArray(value))
        return value.forEach(maskResponse);
    if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
            if (typeof v === 'string' && /secret|password|token/i.test(k))
                (0,redact/* registerSecret */.cl)(v);
            else
                maskResponse(v);
        }
    }
}
/** CILogon's message from an error body: JSON `error_description`/`error`/`message`, else the text, shortened. */
function messageOf(text) {
    let msg = text.trim();
    try {
        const j = JSON.parse(text);
        const parts = [j.error, j.error_description, j.message].filter((x) => typeof x === 'string' && x);
        if (parts.length)
            msg = parts.join(': ');
    }
    catch {
        /* not JSON: the text */
    }
    msg = (0,redact/* redact */.E$)(msg.replace(/\s+/g, ' '));
    return msg.length > 500 ? `${msg.slice(0, 500)}...` : msg || '(empty answer)';
}
class CilogonApiError extends errors/* DeployerError */.dg {
    status;
    cilogonMessage;
    constructor(status, cilogonMessage, what) {
        super(`The request to CILogon API returned a ${status} status code (${what}): ${cilogonMessage}`, {
            hint: status === 401 || status === 403
                ? 'CILogon refused the administrative client: check cilogon_admin.client_id/client_secret in the admin credentials file'
                : status >= 500
                    ? 'CILogon is failing; try again later'
                    : 'check the client id and the request; nothing was changed in the repository',
        });
        this.status = status;
        this.cilogonMessage = cilogonMessage;
        this.name = 'CilogonApiError';
    }
}
class CilogonApi {
    baseUrl;
    auth;
    timeoutMs;
    attempts;
    retryDelayMs;
    reporter;
    constructor(o) {
        if (!o.admin.clientId || !o.admin.clientSecret)
            throw new errors/* DeployerError */.dg('the CILogon admin client id and secret are both needed');
        (0,redact/* registerSecret */.cl)(o.admin.clientSecret);
        const bearer = bearerValue(o.admin);
        (0,redact/* registerSecret */.cl)(bearer);
        this.auth = `Bearer ${bearer}`;
        this.baseUrl = (o.baseUrl || CILOGON_URL).replace(/\/+$/, '');
        if (!/^https?:\/\//.test(this.baseUrl))
            throw new errors/* DeployerError */.dg(`the CILogon API URL must be http(s), got ${this.baseUrl}`);
        this.timeoutMs = o.timeoutMs ?? 5000;
        this.attempts = Math.max(1, o.attempts ?? 3);
        this.retryDelayMs = o.retryDelayMs ?? 1000;
        this.reporter = o.reporter;
    }
    url(clientId) {
        if (clientId === undefined)
            return this.baseUrl;
        const u = new URL(this.baseUrl);
        u.searchParams.set('client_id', clientId);
        return u.href;
    }
    /** One request with retries on network errors, timeouts and 5xx. Returns the parsed JSON body (undefined when empty). */
    async request(method, what, clientId, body, retry = true) {
        const attempts = retry ? this.attempts : 1;
        let last;
        let transientBefore = false;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            let res;
            try {
                res = await fetch(this.url(clientId), {
                    method,
                    headers: { Authorization: this.auth, 'Content-Type': 'application/json; charset=UTF-8', Accept: 'application/json' },
                    body: body === undefined ? undefined : JSON.stringify(body),
                    signal: AbortSignal.timeout(this.timeoutMs),
                });
            }
            catch (e) {
                const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
                last = new errors/* DeployerError */.dg(`CILogon did not answer (${what}): ${timedOut ? `no answer within ${this.timeoutMs / 1000} s` : (0,redact/* redact */.E$)(String(e.cause ?? e.message))}`, {
                    hint: `check that ${this.baseUrl} is reachable; try again later`,
                });
                if (attempt < attempts) {
                    transientBefore = true;
                    this.reporter?.warn(`CILogon did not answer (${what}), attempt ${attempt} of ${attempts}; retrying`);
                    await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
                    continue;
                }
                throw last;
            }
            const text = await res.text();
            let parsed;
            if (text.trim()) {
                try {
                    parsed = JSON.parse(text);
                }
                catch {
                    parsed = undefined;
                }
            }
            maskResponse(parsed);
            if (res.ok) {
                if (text.trim() && parsed === undefined)
                    throw new errors/* DeployerError */.dg(`CILogon answered ${what} with something that is not JSON`, { hint: `check that ${this.baseUrl} is the CILogon OIDC client management API` });
                return parsed;
            }
            // A DELETE whose earlier attempt failed in transit may have been done: the client being gone is the goal.
            if (method === 'DELETE' && res.status === 404 && transientBefore) {
                this.reporter?.info(`CILogon no longer knows the client (${what}): the earlier attempt deleted it`);
                return undefined;
            }
            last = new CilogonApiError(res.status, messageOf(text), what);
            if (res.status >= 500 && attempt < attempts) {
                transientBefore = true;
                this.reporter?.warn(`CILogon answered ${res.status} (${what}), attempt ${attempt} of ${attempts}; retrying`);
                await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
                continue;
            }
            throw last;
        }
        throw last;
    }
    /** POST a new client. Not retried here: a retried create can make a second client (see create.ts). */
    async create(body) {
        const out = (await this.request('POST', `create ${body.client_name}`, undefined, body, false));
        if (!out || typeof out.client_id !== 'string' || typeof out.client_secret !== 'string') {
            throw new errors/* DeployerError */.dg('CILogon created a client but its answer has no client_id/client_secret', { hint: 'look for the client with `deployer cilogon-client get-all` and delete it' });
        }
        return out;
    }
    async get(clientId) {
        const out = (await this.request('GET', `get ${clientId}`, clientId));
        if (!out || typeof out !== 'object')
            throw new errors/* DeployerError */.dg(`CILogon answered get ${clientId} without a client`);
        return out;
    }
    async getAll() {
        const out = (await this.request('GET', 'list clients'));
        if (!out || !Array.isArray(out.clients))
            throw new errors/* DeployerError */.dg('CILogon answered the client list without a `clients` list');
        return out.clients;
    }
    async update(clientId, body) {
        return ((await this.request('PUT', `update ${clientId}`, clientId, body)) ?? {});
    }
    async delete(clientId) {
        await this.request('DELETE', `delete ${clientId}`, clientId);
    }
}
/** The body of create/update for a hub: `<cluster>-<hub>`, web app, the hub's OAuth callback(s), CILogon's scopes. */
function clientBody(cluster, hub, redirectUris) {
    return { client_name: `${cluster}-${hub}`, app_type: 'web', redirect_uris: redirectUris, scope: CILOGON_SCOPE };
}
function callbackUrl(domain) {
    return `https://${domain}/hub/oauth_callback`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/secrets/index.ts + 2 modules
var secrets = __webpack_require__(45336);
// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
;// CONCATENATED MODULE: ./src/shared/cilogon/util.ts
/** Small helpers shared by the cilogon room. */

function isMappingValue(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./src/shared/cilogon/store.ts
/**
 * Where a hub's CILogon credentials live: `<clusters-dir>/<cluster>/enc-<hub>.secret.values.yaml`, at
 * `[basehub.|binderhub.]jupyterhub.hub.config.CILogonOAuthenticator.{client_id,client_secret}`.
 *
 * Reading understands the three layouts (upstream's order: `basehub.` when that key is set, then `binderhub.`, then
 * none). Writing uses the layout the file already has; a new file or one without jupyterhub config gets the 2026
 * layout (plain `jupyterhub:`), except for hubs whose chart nests jupyterhub (a legacy `daskhub` chart reads
 * `basehub.jupyterhub`, a `binderhub` chart `binderhub.jupyterhub`): there, plain `jupyterhub:` keys would be
 * ignored by helm and the hub would not log anyone in.
 */


const AUTHENTICATOR_PATH = ['jupyterhub', 'hub', 'config', 'CILogonOAuthenticator'];
/** The hub's encrypted values file, relative to the config root (POSIX). */
function hubSecretFile(paths, cluster, hub) {
    return external_node_path_default().relative(paths.configRoot, external_node_path_default().join(paths.clustersDir, cluster, `enc-${hub}.secret.values.yaml`)).split((external_node_path_default()).sep).join('/');
}
/** Upstream's read order: `basehub` when it is set, else `binderhub` when set, else no prefix. */
function readLayout(doc) {
    if (isMappingValue(doc) && doc.basehub)
        return ['basehub'];
    if (isMappingValue(doc) && doc.binderhub)
        return ['binderhub'];
    return [];
}
/** Where new credentials go (see the file comment). */
function writeLayout(doc, chart) {
    for (const prefix of ['basehub', 'binderhub']) {
        if (isMappingValue((0,shared_changes/* getKeyPath */.t6)(doc, [prefix, 'jupyterhub'])))
            return [prefix];
    }
    if (isMappingValue((0,shared_changes/* getKeyPath */.t6)(doc, ['jupyterhub'])))
        return [];
    if (chart === 'daskhub')
        return ['basehub'];
    if (chart === 'binderhub')
        return ['binderhub'];
    return [];
}
/** The stored client id, or undefined when the file has none. */
function storedClient(doc) {
    const keyPath = [...readLayout(doc), ...AUTHENTICATOR_PATH];
    const id = (0,shared_changes/* getKeyPath */.t6)(doc, [...keyPath, 'client_id']);
    return typeof id === 'string' && id ? { clientId: id, keyPath } : undefined;
}
/** The patch that stores credentials under `layout`. */
function credentialsPatch(layout, clientId, clientSecret) {
    let node = { client_id: clientId, client_secret: clientSecret };
    for (const k of [...layout, ...AUTHENTICATOR_PATH].reverse())
        node = { [k]: node };
    return node;
}

;// CONCATENATED MODULE: ./src/shared/cilogon/context.ts
/** What every CILogon operation needs: the repo, a reporter, sops's environment, the API and its admin credentials. */







const ADMIN_CREDENTIALS_FILE = 'shared/deployer/enc-auth-providers-credentials.secret.yaml';
/** Decrypt the admin credentials (masked as they are read). */
async function adminCredentials(o) {
    const rel = o.adminCredentialsFile ?? ADMIN_CREDENTIALS_FILE;
    const abs = external_node_path_default().resolve(o.paths.configRoot, rel);
    const display = (0,repo/* displayPath */.Gt)(o.paths, abs);
    const doc = await (0,secrets.readDecrypted)(abs, { reporter: o.reporter, display, env: o.sopsEnv });
    const clientId = (0,shared_changes/* getKeyPath */.t6)(doc, ['cilogon_admin', 'client_id']);
    const clientSecret = (0,shared_changes/* getKeyPath */.t6)(doc, ['cilogon_admin', 'client_secret']);
    if (typeof clientId !== 'string' || !clientId || typeof clientSecret !== 'string' || !clientSecret) {
        throw new errors/* DeployerError */.dg(`${display} has no cilogon_admin.client_id and cilogon_admin.client_secret`, {
            file: display,
            hint: 'add the administrative client CILogon gave you under `cilogon_admin:` with `sops edit`',
        });
    }
    return { clientId, clientSecret };
}
async function cilogonApi(o) {
    return new CilogonApi({ admin: await adminCredentials(o), baseUrl: o.apiUrl, timeoutMs: o.timeoutMs, attempts: o.attempts, retryDelayMs: o.retryDelayMs, reporter: o.reporter });
}
/**
 * The hub a command is about. The cluster must exist; the hub must be in its cluster.yaml when `requireHub` (create,
 * and update without a domain); delete and get also work for a hub already removed from cluster.yaml.
 */
async function hubTarget(o, cluster, hub, requireHub) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(hub))
        throw new errors/* DeployerError */.dg(`invalid hub name \`${hub}\``, { hint: 'a hub name is the `name` of an entry of `hubs` in cluster.yaml' });
    if (!requireHub) {
        await (0,repo/* readClusterYaml */.ev)(o.paths, cluster);
        let clusterSpec;
        try {
            clusterSpec = await (0,repo.loadCluster)(o.paths, cluster);
        }
        catch {
            clusterSpec = undefined;
        }
        return { cluster, hub, file: hubSecretFile(o.paths, cluster, hub), clusterSpec, hubSpec: clusterSpec?.hubs.find((h) => h.name === hub) };
    }
    const clusterSpec = await (0,repo.loadCluster)(o.paths, cluster);
    const hubSpec = (0,repo.findHub)(clusterSpec, hub);
    return { cluster, hub, file: hubSecretFile(o.paths, cluster, hub), clusterSpec, hubSpec };
}
/** A hub domain as cluster.yaml holds it: a host name, no scheme, no path. */
function checkDomain(domain) {
    const d = domain.trim();
    if (!/^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?$/.test(d)) {
        throw new errors/* DeployerError */.dg(`\`${domain}\` is not a hub domain`, { hint: 'give the host name only, as in cluster.yaml (e.g. staging.2i2c.cloud), without https:// or a path' });
    }
    return d;
}

;// CONCATENATED MODULE: ./src/shared/cilogon/operations.ts
/**
 * cilogon-client create | update | get | get-all | delete | cleanup (reference A.13 and B.1), with the hub's client
 * credentials kept in its sops-encrypted values file through the changes component.
 *
 * Differences from upstream, on purpose: a non-2xx answer fails the run; "records differ" fails the run (it needs a
 * person); create refuses when CILogon already has a client of that name the file does not store (that would be a
 * second client), checks sops can store the secret *before* creating the client, and deletes the new client again if
 * storing it fails (a client whose secret is lost is useless); a create that fails with 5xx is retried only after
 * removing a client the failed attempt may have made; the merge into the values file is deep.
 */







function changeSet(o) {
    return new shared_changes/* ChangeSet */.VR({ root: o.paths.configRoot, reporter: o.reporter, sopsEnv: o.sopsEnv });
}
function recordsDiffer(t, stored, why) {
    return new errors/* DeployerError */.dg(`CILogon records are different than the client app stored in the configuration file (${why}). Consider updating the file.`, {
        file: t.file,
        hint: `compare \`deployer cilogon-client get ${t.cluster} ${t.hub}\` with \`deployer cilogon-client get-all\`; fix ${t.file} with \`sops edit\` (or delete the stale client with \`deployer cilogon-client delete ${t.cluster} ${t.hub}\`)`,
    });
}
/** Public view of a client (no secret), for tables and outputs. */
function publicClient(c) {
    const { client_secret: _s, ...rest } = c;
    return rest;
}
async function readStored(cs, t) {
    const doc = await cs.readEncrypted(t.file);
    return { doc, stored: storedClient(doc) };
}
async function operations_createClient(o, req, hooks = {}) {
    const t = await hubTarget(o, req.cluster, req.hub, true);
    const domain = checkDomain(req.hubDomain ?? t.hubSpec.domain);
    const cs = changeSet(o);
    const { doc, stored } = await readStored(cs, t);
    const api = await cilogonApi(o);
    if (stored) {
        o.reporter.warn(`Found existing CILogon client app in ${t.file}.`);
        let remote;
        try {
            remote = await api.get(stored.clientId);
        }
        catch (e) {
            if (e instanceof CilogonApiError && e.status < 500)
                throw recordsDiffer(t, stored.clientId, `CILogon answered ${e.status} for the stored client id`);
            throw e;
        }
        if (remote.client_id !== stored.clientId)
            throw recordsDiffer(t, stored.clientId, 'CILogon returned another client id');
        o.reporter.info(`${t.cluster}/${t.hub} already has its CILogon client; nothing created`);
        return { clientId: stored.clientId, created: false, file: t.file, changes: [], client: publicClient(remote) };
    }
    if (doc !== undefined && !isMappingValue(doc))
        throw new errors/* DeployerError */.dg(`${t.file} does not hold a mapping`, { file: t.file });
    const body = clientBody(t.cluster, t.hub, [callbackUrl(domain)]);
    const before = await api.getAll();
    const sameName = before.filter((c) => c.client_name === body.client_name);
    if (sameName.length) {
        throw new errors/* DeployerError */.dg(`CILogon already has ${sameName.length} client(s) named ${body.client_name} (${sameName.map((c) => c.client_id).join(', ')}) that ${t.file} does not store; refusing to create another`, {
            file: t.file,
            hint: `if a pull request from an earlier create is still open, merge it instead; otherwise delete the stale one(s) with \`deployer cilogon-client delete ${t.cluster} ${t.hub} --client-id <id>\` and create again (a secret cannot be read back from CILogon)`,
        });
    }
    if (before.length >= CILOGON_CLIENT_LIMIT) {
        throw new errors/* DeployerError */.dg(`CILogon allows ${CILOGON_CLIENT_LIMIT} clients and ${before.length} are used`, { hint: 'free some with `deployer cilogon-client cleanup --delete`' });
    }
    // Prove the secret can be stored before making a client whose secret is shown only once.
    const layout = writeLayout(doc, req.hubType ?? t.hubSpec?.helmChart);
    await cs.mergeEncrypted(t.file, credentialsPatch(layout, 'preflight-client-id', 'preflight-client-secret'));
    await cs.preflight();
    cs.discard();
    o.reporter.info(`Creating a new CILogon client app with details ${JSON.stringify(body)}...`);
    const client = await createOnce(api, o, body.client_name, before, () => api.create(body));
    o.reporter.mask(client.client_secret);
    let applied = false;
    try {
        await cs.mergeEncrypted(t.file, credentialsPatch(layout, client.client_id, client.client_secret));
        const changes = await cs.apply();
        applied = true;
        o.reporter.info(`Successfully persisted the encrypted CILogon client app credentials to file ${t.file}`);
        const result = { clientId: client.client_id, created: true, file: t.file, changes, client: publicClient(client) };
        await hooks.publish?.(result);
        return result;
    }
    catch (e) {
        cs.discard();
        const why = e instanceof Error ? e.message : String(e);
        if (applied) {
            try {
                await cs.undo();
            }
            catch (undoError) {
                o.reporter.error(`could not restore ${t.file}: ${undoError instanceof Error ? undoError.message : undoError}`);
            }
        }
        try {
            await api.delete(client.client_id);
        }
        catch {
            throw new errors/* DeployerError */.dg(`the new CILogon client ${client.client_id} was created but its credentials could not be stored (${why}), and deleting it failed too`, {
                file: t.file,
                hint: `delete it with \`deployer cilogon-client delete ${t.cluster} ${t.hub} --client-id ${client.client_id}\`, fix the cause, and create again`,
            });
        }
        throw new errors/* DeployerError */.dg(`the credentials of the new CILogon client could not be ${applied ? 'published' : `stored in ${t.file}`} (${why}); the client was deleted again, nothing changed`, {
            file: t.file,
            hint: e instanceof errors/* DeployerError */.dg && e.hint ? e.hint : 'fix the cause and create again',
        });
    }
}
/**
 * POST once; on a 5xx or no answer, the client may still have been made: remove any client of this name that was
 * not there before, then try again (up to the API's attempts). A 4xx is final.
 */
async function createOnce(api, o, name, before, post) {
    const attempts = Math.max(1, o.attempts ?? 3);
    const known = new Set(before.map((c) => c.client_id));
    for (let attempt = 1;; attempt++) {
        try {
            return await post();
        }
        catch (e) {
            const transient = !(e instanceof CilogonApiError) || e.status >= 500;
            if (!transient || attempt >= attempts)
                throw e;
            o.reporter.warn(`creating the CILogon client failed (${e instanceof Error ? e.message : e}); attempt ${attempt} of ${attempts}, checking for a half-made client before retrying`);
            await new Promise((r) => setTimeout(r, (o.retryDelayMs ?? 1000) * attempt));
            const now = await api.getAll();
            for (const c of now.filter((c) => c.client_name === name && !known.has(c.client_id))) {
                o.reporter.warn(`removing ${c.client_id}, made by the failed attempt (its secret was never received)`);
                await api.delete(c.client_id);
            }
        }
    }
}
async function operations_updateClient(o, req) {
    const t = await hubTarget(o, req.cluster, req.hub, !req.hubDomain && !req.callbackUrls?.length);
    const cs = changeSet(o);
    const { doc, stored } = await readStored(cs, t);
    if (req.clientId && stored && stored.clientId !== req.clientId)
        throw recordsDiffer(t, stored.clientId, 'the --client-id given is not the one stored');
    const id = req.clientId ?? stored?.clientId;
    if (!id) {
        throw new errors/* DeployerError */.dg(`Can't update a client that doesn't exist: ${doc === undefined ? `there is no ${t.file}` : `${t.file} stores no CILogonOAuthenticator.client_id`}`, {
            file: t.file,
            hint: `create it with \`deployer cilogon-client create ${t.cluster} ${t.hub}\`, or pass --client-id`,
        });
    }
    let uris = req.callbackUrls?.filter(Boolean) ?? [];
    if (!uris.length)
        uris = [callbackUrl(checkDomain(req.hubDomain ?? t.hubSpec.domain))];
    for (const u of uris) {
        let ok = false;
        try {
            ok = new URL(u).protocol === 'https:';
        }
        catch {
            ok = false;
        }
        if (!ok)
            throw new errors/* DeployerError */.dg(`\`${u}\` is not an https callback URL`, { hint: 'callback URLs look like https://<hub-domain>/hub/oauth_callback' });
    }
    const api = await cilogonApi(o);
    // CILogon replaces the whole record on PUT: the body carries every attribute.
    const client = await api.update(id, clientBody(t.cluster, t.hub, uris));
    o.reporter.info('Done! Client updated successfully');
    return { clientId: id, client: publicClient({ ...client, client_id: client.client_id ?? id }) };
}
// ---- get / get-all ----------------------------------------------------------------------------------------------
async function operations_getClient(o, req) {
    const t = await hubTarget(o, req.cluster, req.hub, false);
    const cs = changeSet(o);
    const { doc, stored } = await readStored(cs, t);
    const id = req.clientId ?? stored?.clientId;
    if (!id) {
        throw new errors/* DeployerError */.dg(`no CILogon client is stored for ${t.cluster}/${t.hub}: ${doc === undefined ? `there is no ${t.file}` : `${t.file} has no CILogonOAuthenticator.client_id`}`, {
            file: t.file,
            hint: `pass --client-id, or create one with \`deployer cilogon-client create ${t.cluster} ${t.hub}\``,
        });
    }
    const api = await cilogonApi(o);
    const client = await api.get(id);
    if (!req.clientId && client.client_id !== id)
        throw recordsDiffer(t, id, 'CILogon returned another client id');
    return { clientId: id, client: publicClient(client), stored: stored?.clientId === id };
}
async function operations_getAllClients(o) {
    o.reporter.info('Getting all existing CILogon client applications...');
    const api = await cilogonApi(o);
    const clients = await api.getAll();
    return { clients: clients.map(publicClient), used: clients.length, limit: CILOGON_CLIENT_LIMIT };
}
async function operations_deleteClient(o, req) {
    const t = await hubTarget(o, req.cluster, req.hub, false);
    const cs = changeSet(o);
    const { doc, stored } = await readStored(cs, t);
    if (!req.clientId && !stored) {
        throw new errors/* DeployerError */.dg(doc === undefined
            ? `No \`client_id\` to delete was provided and couldn't find any ${t.file} file`
            : `No \`client_id\` to delete was provided and couldn't find any in ${t.file}`, { file: t.file, hint: 'pass --client-id (see `deployer cilogon-client get-all`)' });
    }
    const api = await cilogonApi(o);
    if (req.clientId && stored && stored.clientId !== req.clientId)
        throw recordsDiffer(t, stored.clientId, 'the --client-id given is not the one stored');
    const id = req.clientId ?? stored.clientId;
    let keyRemoved = false;
    let fileDeleted = false;
    if (stored && stored.clientId === id) {
        ({ removed: keyRemoved, fileDeleted } = await cs.deleteEncryptedKey(t.file, stored.keyPath));
        await cs.preflight();
    }
    o.reporter.info(`Deleting the CILogon client details for ${id}...`);
    await api.delete(id);
    o.reporter.info('Done!');
    let changes = [];
    if (keyRemoved) {
        try {
            changes = await cs.apply();
        }
        catch (e) {
            throw new errors/* DeployerError */.dg(`the CILogon client was deleted, but its credentials could not be removed from ${t.file}: ${e instanceof Error ? e.message : e}`, {
                file: t.file,
                hint: `remove the CILogonOAuthenticator keys from ${t.file} with \`sops edit\``,
            });
        }
        o.reporter.info(`CILogonAuthenticator config removed from ${t.file}`);
        if (fileDeleted)
            o.reporter.info(`Empty ${t.file} file also deleted.`);
    }
    else if (doc !== undefined) {
        o.reporter.warn(`No CILogonOAuthenticator found to delete from ${t.file}`);
    }
    return { clientId: id, file: t.file, changes, keyRemoved, fileDeleted };
}
// ---- cleanup ----------------------------------------------------------------------------------------------------
const PROTECTED_CLIENTS = ['VEDA Auth Prod'];
/**
 * Duplicate clients (a hub's name, but not the client its values file stores) and orphaned ones (named after a hub
 * that no longer exists: `<cluster>-<hub>` matches no hub of the repo). Clients whose hub stores no client id are
 * listed but never deleted (someone has to look); `keep` names are never touched. Deletes only with `remove`.
 */
async function operations_cleanupClients(o, req) {
    // Every cluster must load: a cluster.yaml that fails would make its live hubs look orphaned.
    let clusters;
    try {
        clusters = await (0,repo/* loadAllClusters */.Py)(o.paths);
    }
    catch (e) {
        if (!(e instanceof errors/* DeployerError */.dg))
            throw e;
        throw new errors/* DeployerError */.dg(`cleanup needs every cluster.yaml to load (a broken one would make its hubs' clients look orphaned): ${e.message}`, {
            file: e.file,
            line: e.line,
            col: e.col,
            hint: e.hint,
        });
    }
    const hubs = new Map();
    for (const c of clusters) {
        const dirName = c.dir.split(/[\\/]/).pop();
        for (const h of c.hubs)
            hubs.set(`${dirName}-${h.name}`, { cluster: dirName, hub: h.name });
    }
    const keep = new Set([...PROTECTED_CLIENTS, ...(req.keep ?? [])]);
    const api = await cilogonApi(o);
    const clients = await api.getAll();
    const cs = changeSet(o);
    const storedByName = new Map();
    const findings = [];
    for (const c of [...clients].sort((a, b) => String(a.client_name).localeCompare(String(b.client_name)) || a.client_id.localeCompare(b.client_id))) {
        const name = String(c.client_name ?? '');
        if (keep.has(name))
            continue;
        const hub = hubs.get(name);
        if (!hub) {
            findings.push({ client_id: c.client_id, client_name: name, reason: 'orphaned: no hub of this name in the repository', deletable: true });
            continue;
        }
        if (!storedByName.has(name))
            storedByName.set(name, storedClient(await cs.readEncrypted(hubSecretFile(o.paths, hub.cluster, hub.hub)))?.clientId);
        const stored = storedByName.get(name);
        if (stored === c.client_id)
            continue;
        if (stored === undefined) {
            findings.push({ client_id: c.client_id, client_name: name, reason: `not stored: ${hubSecretFile(o.paths, hub.cluster, hub.hub)} stores no client id (left alone)`, deletable: false });
        }
        else if (clients.some((x) => x.client_id === stored)) {
            findings.push({ client_id: c.client_id, client_name: name, reason: `duplicate: ${hub.cluster}/${hub.hub} uses another client`, deletable: true });
        }
        else {
            findings.push({ client_id: c.client_id, client_name: name, reason: `the client ${hub.cluster}/${hub.hub} stores does not exist in CILogon (left alone)`, deletable: false });
        }
    }
    let deleted = 0;
    let failed = 0;
    if (req.remove) {
        for (const f of findings.filter((x) => x.deletable)) {
            try {
                await api.delete(f.client_id);
                f.deleted = true;
                deleted++;
                o.reporter.info(`deleted ${f.client_id} (${f.client_name}): ${f.reason}`);
            }
            catch (e) {
                f.deleted = false;
                f.error = e instanceof Error ? e.message : String(e);
                failed++;
                o.reporter.error(`could not delete ${f.client_id} (${f.client_name}): ${f.error}`);
            }
        }
    }
    return { used: clients.length, limit: CILOGON_CLIENT_LIMIT, findings, deleted, failed };
}

;// CONCATENATED MODULE: ./src/shared/cilogon/run.ts
/**
 * One entry point for an operation chosen at run time (the action's `operation` input): runs it and returns a
 * uniform result (what changed in the repo, the client or clients, a title and body for a pull request).
 */



const OPERATIONS = (/* unused pure expression or super */ null && (['create', 'update', 'get', 'get-all', 'delete', 'cleanup']));
function need(req, operation) {
    if (!req.cluster || !req.hub)
        throw new UsageError(`operation \`${operation}\` needs a cluster and a hub`, 'set the `cluster` and `hub` inputs');
    return { cluster: req.cluster, hub: req.hub };
}
function prBody(why, changes) {
    return [
        why,
        '',
        '### Files',
        describeChanges(changes),
        '',
        'Secret values are sops-encrypted with the repository\'s `.sops.yaml` rules; they appear nowhere else (not in this pull request\'s text, the commit message or the logs).',
        '',
        '_Opened by deployer `cilogon-client`._',
    ].join('\n');
}
/**
 * Run `operation`. `publish` (the action's pull request) is called with the change when the repo changed; for
 * `create` its failure deletes the new client again and restores the file (see createClient).
 */
async function runOperation(o, operation, req, publish) {
    switch (operation) {
        case 'create': {
            const { cluster, hub } = need(req, operation);
            const title = `cilogon-client: store the new CILogon client of ${cluster}/${hub}`;
            const why = `A CILogon OIDC client was created for hub \`${hub}\` of cluster \`${cluster}\` (name \`${cluster}-${hub}\`). Merge this to deploy the hub with its credentials: until then the client exists in CILogon but the hub does not use it.`;
            const r = await createClient(o, { cluster, hub, hubDomain: req.hubDomain, hubType: req.hubType }, publish ? { publish: (c) => publish({ changes: c.changes, title, body: prBody(why, c.changes) }) } : {});
            return {
                operation,
                changes: r.changes,
                client: r.client,
                message: r.created ? `created the CILogon client of ${cluster}/${hub}; its credentials are stored encrypted in ${r.file}` : `${cluster}/${hub} already has a CILogon client; nothing created`,
                title,
                body: prBody(why, r.changes),
            };
        }
        case 'update': {
            const { cluster, hub } = need(req, operation);
            const r = await updateClient(o, { cluster, hub, hubDomain: req.hubDomain, clientId: req.clientId, callbackUrls: req.callbackUrls });
            return { operation, changes: [], client: r.client, message: `updated the CILogon client of ${cluster}/${hub}` };
        }
        case 'get': {
            const { cluster, hub } = need(req, operation);
            const r = await getClient(o, { cluster, hub, clientId: req.clientId });
            return { operation, changes: [], client: r.client, message: `read the CILogon client of ${cluster}/${hub}` };
        }
        case 'get-all': {
            const r = await getAllClients(o);
            return { operation, changes: [], clients: r.clients, used: r.used, limit: r.limit, message: `${r.used} / ${r.limit} clients used` };
        }
        case 'delete': {
            const { cluster, hub } = need(req, operation);
            const r = await deleteClient(o, { cluster, hub, clientId: req.clientId });
            const title = `cilogon-client: remove the deleted CILogon client of ${cluster}/${hub}`;
            const body = prBody(`The CILogon OIDC client of hub \`${hub}\` of cluster \`${cluster}\` was deleted in CILogon; this removes its credentials from the hub's encrypted values file. Until this is merged and deployed, the hub's CILogon login fails.`, r.changes);
            if (publish && r.changes.length) {
                try {
                    await publish({ changes: r.changes, title, body });
                }
                catch (e) {
                    throw new DeployerError(`the CILogon client of ${cluster}/${hub} was deleted, but the pull request removing its credentials could not be opened: ${e instanceof Error ? e.message : e}`, {
                        hint: `remove the CILogonOAuthenticator keys from ${r.file} by hand (sops edit), or fix the cause and run with pull-request: false and commit the change`,
                    });
                }
            }
            return {
                operation,
                changes: r.changes,
                message: `deleted the CILogon client of ${cluster}/${hub}${r.keyRemoved ? `; its credentials were removed from ${r.file}${r.fileDeleted ? ', which was empty and is deleted' : ''}` : ''}`,
                title,
                body,
            };
        }
        case 'cleanup': {
            const r = await cleanupClients(o, { remove: req.remove === true, keep: req.keep });
            const deletable = r.findings.filter((f) => f.deletable).length;
            return {
                operation,
                changes: [],
                cleanup: r,
                used: r.used,
                limit: r.limit,
                message: req.remove ? `cleanup: ${r.deleted} client(s) deleted, ${r.failed} failed, ${r.findings.length - deletable} left for a person to look at` : `cleanup: ${deletable} duplicate or orphaned client(s) would be deleted (run with delete: true), ${r.findings.length - deletable} left for a person to look at`,
            };
        }
        default:
            throw new UsageError(`unknown operation \`${operation}\``, `one of ${OPERATIONS.join(', ')}`);
    }
}

;// CONCATENATED MODULE: ./src/shared/cilogon/index.ts
/** CILogon OIDC client management for hubs (cilogon-client): the API client, where credentials are stored, and the operations. */






// EXTERNAL MODULE: ./src/cli/common.ts + 1 modules
var common = __webpack_require__(76562);
;// CONCATENATED MODULE: ./src/cli/cilogon.ts
/**
 * `deployer cilogon-client ...`: results on stdout (tables, or JSON with --json), progress on stderr. Changes to the
 * infra repo stay in the working tree, listed on stdout, for the engineer to review and commit.
 */





const str = (v) => (typeof v === 'string' && v ? v : undefined);
const HUB_TYPES = ['basehub', 'daskhub', 'binderhub'];
function options(opts) {
    return {
        paths: (0,common/* pathsFrom */.lL)(opts),
        reporter: (0,common/* terminalReporter */.CO)(opts),
        sopsEnv: process.env,
        apiUrl: str(opts.cilogonUrl) ?? str(process.env.DEPLOYER_CILOGON_URL),
        adminCredentialsFile: str(opts.adminCredentialsFile),
    };
}
function changedFiles(changes) {
    if (!changes.length)
        return 'No file changed.';
    const t = (0,shared_changes/* changesTable */.EI)(changes);
    return `Changed in the working tree (review and commit them):\n${(0,log/* formatTextTable */.D6)(t.header, t.rows)}`;
}
function clientRows(clients) {
    return clients.map((c) => [String(c.client_id ?? ''), String(c.client_name ?? ''), [c.redirect_uris].flat().filter(Boolean).join(', ')]);
}
async function createCommand(cluster, hub, a, b, opts) {
    let hubType;
    let domain = a;
    if (b !== undefined) {
        if (!HUB_TYPES.includes(a)) {
            throw new errors/* UsageError */.eb(`with four arguments the third is the hub type (${HUB_TYPES.join(', ')}), got \`${a}\``, 'use `cilogon-client create CLUSTER HUB [HUB_DOMAIN]`');
        }
        hubType = a;
        domain = b;
    }
    const r = await operations_createClient(options(opts), { cluster, hub, hubDomain: domain, hubType });
    if (opts.json)
        (0,common/* printResult */.RS)(JSON.stringify({ created: r.created, file: r.file, changes: r.changes, client: r.client }, null, 2));
    else
        (0,common/* printResult */.RS)(`${r.created ? `Created the CILogon client of ${cluster}/${hub}.` : `${cluster}/${hub} already has a CILogon client (stored in ${r.file}); nothing created.`}\n${changedFiles(r.changes)}`);
    return 0;
}
async function updateCommand(cluster, hub, domain, opts) {
    const callbackUrls = str(opts.callbackUrls)?.split(',').map((s) => s.trim()).filter(Boolean);
    const r = await operations_updateClient(options(opts), { cluster, hub, hubDomain: domain ?? str(opts.hubDomain), clientId: str(opts.clientId), callbackUrls });
    (0,common/* printResult */.RS)(opts.json ? JSON.stringify(r.client, null, 2) : `Updated the CILogon client of ${cluster}/${hub}:\n${JSON.stringify(r.client, Object.keys(r.client).sort(), 4)}`);
    return 0;
}
async function getCommand(cluster, hub, opts) {
    const r = await operations_getClient(options(opts), { cluster, hub, clientId: str(opts.clientId) });
    const sorted = Object.fromEntries(Object.entries(r.client).sort(([x], [y]) => x.localeCompare(y)));
    (0,common/* printResult */.RS)(JSON.stringify(sorted, null, opts.json ? 2 : 4));
    return 0;
}
async function getAllCommand(opts) {
    const r = await operations_getAllClients(options(opts));
    if (opts.json)
        (0,common/* printResult */.RS)(JSON.stringify(r, null, 2));
    else
        (0,common/* printResult */.RS)(`${(0,log/* formatTextTable */.D6)(['client_id', 'client_name', 'redirect_uris'], clientRows(r.clients))}\n${r.used} / ${r.limit} clients used`);
    return 0;
}
async function deleteCommand(cluster, hub, opts) {
    const r = await operations_deleteClient(options(opts), { cluster, hub, clientId: str(opts.clientId) });
    if (opts.json)
        (0,common/* printResult */.RS)(JSON.stringify({ file: r.file, keyRemoved: r.keyRemoved, fileDeleted: r.fileDeleted, changes: r.changes }, null, 2));
    else
        (0,common/* printResult */.RS)(`Deleted the CILogon client of ${cluster}/${hub}.\n${changedFiles(r.changes)}`);
    return 0;
}
async function cleanupCommand(opts) {
    const remove = opts.delete === true;
    const r = await operations_cleanupClients(options(opts), { remove, keep: Array.isArray(opts.keep) ? opts.keep : [] });
    if (opts.json)
        (0,common/* printResult */.RS)(JSON.stringify(r, null, 2));
    else {
        const rows = r.findings.map((f) => [f.client_id, f.client_name, f.reason, f.deleted === undefined ? (f.deletable ? 'would delete' : 'kept') : f.deleted ? 'deleted' : `FAILED: ${f.error}`]);
        const head = r.findings.length ? (0,log/* formatTextTable */.D6)(['client_id', 'client_name', 'reason', 'action'], rows) : 'No duplicate or orphaned clients.';
        const deletable = r.findings.filter((f) => f.deletable).length;
        const tail = remove ? `${r.deleted} deleted, ${r.failed} failed` : deletable ? `${deletable} client(s) would be deleted: run again with --delete` : '';
        (0,common/* printResult */.RS)([head, tail, `${r.used - r.deleted} / ${r.limit} clients used`].filter(Boolean).join('\n'));
    }
    return r.failed ? 1 : 0;
}


/***/ }),

/***/ 74466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fE: () => (/* binding */ formatCommand),
/* harmony export */   kw: () => (/* binding */ runToolRaw),
/* harmony export */   qI: () => (/* binding */ runTool),
/* harmony export */   v4: () => (/* binding */ ToolError),
/* harmony export */   wS: () => (/* binding */ toolStarts),
/* harmony export */   zk: () => (/* binding */ baseEnv)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48932);
/* harmony import */ var _shutdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84445);
/**
 * Run an external tool: argument array (never a shell string), a timeout, captured output, an environment built
 * for the call (never process.env mutated), registered secrets redacted from everything it returns or throws, and
 * an error that names the command.
 */





class ToolError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg {
    result;
    constructor(message, result, hint) {
        super(message, { hint });
        this.name = 'ToolError';
        this.result = result;
    }
}
/** Counts tool starts per tool name, for benchmarks ("helm processes started"). */
const toolStarts = new Map();
/** The environment a tool gets by default: the parent's, minus what must never leak between clusters. */
function baseEnv() {
    const env = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (k === 'KUBECONFIG' || k.startsWith('AWS_') || k === 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE' || k === 'GOOGLE_APPLICATION_CREDENTIALS')
            continue;
        env[k] = v;
    }
    return env;
}
/** A printable command line (arguments quoted where needed), redacted. */
function formatCommand(command, args) {
    const q = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)([node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(command), ...args].map(q).join(' '));
}
function tail(text, lines = 20) {
    const all = text.trimEnd().split('\n');
    return all.slice(-lines).join('\n');
}
async function runToolRaw(command, args, options = {}) {
    const started = Date.now();
    const env = { ...(options.env ?? baseEnv()), ...(options.extraEnv ?? {}) };
    const timeoutMs = options.timeoutMs ?? 10 * 60_000;
    const maxBuffer = options.maxBuffer ?? 16 * 1024 * 1024;
    const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(command);
    toolStarts.set(name, (toolStarts.get(name) ?? 0) + 1);
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
        // A stop signal to this process is passed on to the tool (exec/shutdown.ts), never leaving it orphaned.
        (0,_shutdown_js__WEBPACK_IMPORTED_MODULE_4__/* .trackChild */ .yH)(child);
        let out = '';
        let err = '';
        let timedOut = false;
        let killTimer;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
            killTimer.unref();
        }, timeoutMs);
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stdout.on('data', (d) => {
            if (out.length < maxBuffer)
                out += d;
            options.onOutput?.((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(d), 'stdout');
        });
        child.stderr.on('data', (d) => {
            if (err.length < maxBuffer)
                err += d;
            options.onOutput?.((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(d), 'stderr');
        });
        child.on('error', (e) => {
            clearTimeout(timer);
            const result = { command, args, stdout: '', stderr: '', code: null, signal: null, durationMs: Date.now() - started, timedOut };
            if (e.code === 'ENOENT') {
                reject(new ToolError(`\`${name}\` was not found (tried to run ${formatCommand(command, args)})`, result, `install ${name} and make sure it is on PATH`));
            }
            else if (e.name === 'AbortError') {
                reject(new ToolError(`${formatCommand(command, args)} was cancelled`, result));
            }
            else {
                reject(new ToolError(`could not start ${formatCommand(command, args)}: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(e.message)}`, result));
            }
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            const result = {
                command,
                args,
                stdout: (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(out),
                stderr: (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(err),
                rawStdout: out,
                code,
                signal,
                durationMs: Date.now() - started,
                timedOut,
            };
            if (timedOut) {
                reject(new ToolError(`${formatCommand(command, args)} timed out after ${Math.round(timeoutMs / 1000)} s`, result, 'raise the timeout, or look at why the tool hangs'));
            }
            else if (code !== 0 && !options.allowFailure) {
                const detail = tail(result.stderr || result.stdout);
                reject(new ToolError(`${formatCommand(command, args)} failed with ${code === null ? `signal ${signal}` : `exit code ${code}`}${detail ? `:\n${detail}` : ''}`, result));
            }
            else
                resolve(result);
        });
        if (options.input !== undefined)
            child.stdin.end(options.input);
        else
            child.stdin.end();
    });
}
/** Run a tool; output and errors are redacted. Throws ToolError on failure unless `allowFailure`. */
async function runTool(command, args, options = {}) {
    const { rawStdout: _raw, ...result } = await runToolRaw(command, args, options);
    return result;
}


/***/ }),

/***/ 84445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ob: () => (/* binding */ onShutdown),
/* harmony export */   yH: () => (/* binding */ trackChild)
/* harmony export */ });
/* unused harmony export GRACE_MS */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How long running tools get to end after the signal is passed on. */
const GRACE_MS = 20_000;
const cleanups = new Set();
const children = new Set();
let installed = false;
let stopping;
function runCleanups() {
    for (const fn of [...cleanups]) {
        try {
            fn();
        }
        catch {
            /* best effort: nothing more can be done while the process dies */
        }
    }
}
function die(signal) {
    runCleanups();
    for (const s of SIGNALS)
        process.removeListener(s, handlers[s]);
    // If nobody else handles this signal, die of it as the default handler would have.
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
function onSignal(signal) {
    if (stopping) {
        // Second signal: no more waiting.
        for (const c of children)
            c.kill('SIGKILL');
        die(signal);
        return;
    }
    stopping = signal;
    runCleanups();
    const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
    if (!running.length) {
        die(signal);
        return;
    }
    process.stderr.write(`deployer: ${signal} received: temporary files removed; stopping ${running.map((c) => c.spawnfile.split('/').pop()).join(', ')} (waiting up to ${GRACE_MS / 1000} s)\n`);
    let left = running.length;
    const timer = setTimeout(() => {
        for (const c of running)
            if (c.exitCode === null && c.signalCode === null)
                c.kill('SIGKILL');
        die(signal);
    }, GRACE_MS);
    for (const c of running) {
        c.once('exit', () => {
            if (--left === 0) {
                clearTimeout(timer);
                die(signal);
            }
        });
        try {
            c.kill(signal);
        }
        catch {
            /* already gone */
        }
    }
}
const handlers = Object.fromEntries(SIGNALS.map((s) => [s, () => onSignal(s)]));
function install() {
    if (installed)
        return;
    installed = true;
    process.on('exit', runCleanups);
    for (const s of SIGNALS)
        process.on(s, handlers[s]);
}
/** Run `fn` (synchronous, idempotent) on every way the process ends. Returns the function that unregisters it. */
function onShutdown(fn) {
    install();
    cleanups.add(fn);
    return () => void cleanups.delete(fn);
}
/** Pass stop signals on to `child` while it runs (run.ts registers every tool it starts). */
function trackChild(child) {
    children.add(child);
    child.once('close', () => children.delete(child));
    child.once('error', () => children.delete(child));
}


/***/ }),

/***/ 27564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ toolPath)
/* harmony export */ });
/* unused harmony export TOOL_HINTS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/**
 * Where the external tools are. `DEPLOYER_<TOOL>` (e.g. DEPLOYER_HELM=/opt/helm4/helm) wins, then PATH.
 * A missing tool is a DeployerError naming the tool and how to get it.
 */



const TOOL_HINTS = {
    helm: 'install helm 3.x or 4.x (https://helm.sh/docs/intro/install/), or in Actions let the action install it',
    kubectl: 'install kubectl (https://kubernetes.io/docs/tasks/tools/)',
    sops: 'install sops 3.x (https://github.com/getsops/sops/releases)',
    jsonnet: 'install go-jsonnet (`apt-get install jsonnet` or https://github.com/google/go-jsonnet/releases)',
    gcloud: 'install the Google Cloud CLI with the gke-gcloud-auth-plugin component',
    aws: 'install the AWS CLI v2',
    az: 'install the Azure CLI',
    age: 'install age (`apt-get install age`)',
    git: 'install git',
};
function envName(tool) {
    return `DEPLOYER_${tool.toUpperCase()}`;
}
function executable(p) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(p, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Find a tool on PATH (or the override). Throws a DeployerError naming the tool when it is nowhere. */
function toolPath(tool, env = process.env) {
    const override = env[envName(tool)];
    if (override) {
        if (executable(override))
            return override;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`${envName(tool)} is set to ${override}, which is not an executable file`, { hint: TOOL_HINTS[tool] });
    }
    for (const dir of (env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter))) {
        if (!dir)
            continue;
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, tool);
        if (executable(candidate))
            return candidate;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`\`${tool}\` is not installed (not found on PATH)`, { hint: TOOL_HINTS[tool] });
}


/***/ }),

/***/ 45336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SopsError: () => (/* binding */ SopsError),
  assertSopsEncrypted: () => (/* binding */ assertSopsEncrypted),
  decryptFile: () => (/* binding */ decryptFile),
  liveTempDirs: () => (/* reexport */ tempdir/* liveTempDirs */.pU),
  maskLeaves: () => (/* reexport */ maskLeaves),
  maskValue: () => (/* reexport */ maskValue),
  privateTempDir: () => (/* reexport */ tempdir/* privateTempDir */.nX),
  readDecrypted: () => (/* binding */ readDecrypted),
  sopsFormatOf: () => (/* binding */ sopsFormatOf),
  tempRoot: () => (/* reexport */ tempdir/* tempRoot */.fQ),
  withDecryptedFile: () => (/* binding */ withDecryptedFile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(27564);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
;// CONCATENATED MODULE: ./src/shared/secrets/mask.ts
/**
 * Which decrypted values get masked, and in which forms.
 *
 * Every leaf of a decrypted document is masked the moment it is read, with these rules:
 * - strings: masked whole and line by line (registerSecret skips pieces shorter than 4 characters and lines made only
 *   of punctuation such as `{`), plus their JSON-escaped form (how helm and kubectl print them in JSON) and their
 *   base64 form (how a Kubernetes Secret carries them) when 8 characters or longer;
 * - numbers: masked when they are 6 characters or longer (account numbers, PINs, IDs); shorter numbers (ports, replica
 *   counts, uids) would garble every log line that mentions them and protect nothing;
 * - booleans, null, and the strings `true`/`false`/`null`/`yes`/`no`/`on`/`off`: never (they are not secrets);
 * - the values of `apiVersion` and `kind` (Kubernetes/kubeconfig structure, e.g. `Config`): never;
 * - in a kubeconfig, the names that tie it together (`name`, `namespace`, `cluster`, `user`, `current-context`,
 *   `command` string values): never, or every log line saying `namespace/default` would read `namespace/***`; its
 *   server, certificates, keys, tokens, passwords and exec arguments are masked;
 * - in a Google service-account key, the public constants and identifiers (`type`, `project_id`, `client_email`,
 *   `client_id`, `auth_uri`, `token_uri`, `auth_provider_x509_cert_url`, `client_x509_cert_url`, `universe_domain`):
 *   never (`project_id` is in cluster.yaml anyway); `private_key` and `private_key_id` are masked;
 * - in an AWS access key (`aws iam create-access-key` output), `UserName`, `Status` and `CreateDate`: never (a
 *   user named `deployer` would otherwise turn every `deployer` in the logs into `***`); both key parts are masked.
 * Keys are not masked: they are structure, not secrets.
 */

const NOT_SECRET_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'none', '~']);
const STRUCTURAL_KEYS = new Set(['apiVersion', 'kind']);
const KUBECONFIG_NAME_KEYS = new Set([...STRUCTURAL_KEYS, 'name', 'namespace', 'cluster', 'user', 'current-context', 'command']);
const GCP_KEY_CONSTANTS = new Set([
    ...STRUCTURAL_KEYS,
    'type',
    'project_id',
    'client_email',
    'client_id',
    'auth_uri',
    'token_uri',
    'auth_provider_x509_cert_url',
    'client_x509_cert_url',
    'universe_domain',
]);
const AWS_KEY_PUBLIC = new Set([...STRUCTURAL_KEYS, 'UserName', 'Status', 'CreateDate']);
/** Which keys' string values are structure rather than secrets, for this document. */
function exemptKeysFor(doc) {
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
        const d = doc;
        if (d.kind === 'Config' || (Array.isArray(d.clusters) && (Array.isArray(d.contexts) || Array.isArray(d.users))))
            return KUBECONFIG_NAME_KEYS;
        if (d.type === 'service_account' && typeof d.private_key === 'string')
            return GCP_KEY_CONSTANTS;
        if (d.AccessKey && typeof d.AccessKey === 'object' && 'SecretAccessKey' in d.AccessKey)
            return AWS_KEY_PUBLIC;
    }
    return STRUCTURAL_KEYS;
}
const MIN_SECRET_NUMBER_LENGTH = 6;
/** Mask one value (and its JSON and base64 forms) through the reporter and the process-wide register. */
function maskValue(value, reporter) {
    const forms = new Set([value]);
    const json = JSON.stringify(value).slice(1, -1);
    if (json !== value)
        forms.add(json);
    if (value.length >= 8)
        forms.add(Buffer.from(value, 'utf8').toString('base64'));
    for (const f of forms) {
        (0,redact/* registerSecret */.cl)(f);
        reporter.mask(f);
    }
}
/** Mask every leaf of a parsed document. Returns how many leaves were masked. */
function maskLeaves(doc, reporter) {
    return walk(doc, reporter, undefined, exemptKeysFor(doc));
}
function walk(node, reporter, key, exempt) {
    if (Array.isArray(node))
        return node.reduce((n, item) => n + walk(item, reporter, key, exempt), 0);
    if (node !== null && typeof node === 'object') {
        let n = 0;
        for (const [k, v] of Object.entries(node))
            n += walk(v, reporter, k, exempt);
        return n;
    }
    if (key !== undefined && exempt.has(key))
        return 0;
    if (typeof node === 'string') {
        if (NOT_SECRET_WORDS.has(node.trim().toLowerCase()))
            return 0;
        maskValue(node, reporter);
        return 1;
    }
    if (typeof node === 'number' || typeof node === 'bigint') {
        const text = String(node);
        if (text.length < MIN_SECRET_NUMBER_LENGTH)
            return 0;
        maskValue(text, reporter);
        return 1;
    }
    return 0;
}
/** Mask every non-trivial line of a text that could not be parsed (a binary secret, a broken document). */
function maskText(text, reporter) {
    (0,redact/* registerSecret */.cl)(text);
    reporter.mask(text);
}

;// CONCATENATED MODULE: ./src/shared/secrets/sops-errors.ts
const GENERIC_HINT = "check that this job has the file's key (SOPS_AGE_KEY_FILE / SOPS_AGE_KEY or the sops-age-key input for age, cloud credentials for KMS) and that the file was not edited by hand";
/** Parse sops's `Group 0: FAILED / <recipient>: FAILED / - | <reason>` report into recipient -> reason. */
function recipientFailures(text) {
    const out = [];
    let current;
    for (const line of text.split('\n')) {
        const r = /^\s{2,}(\S+): FAILED\s*$/.exec(line);
        if (r && !/^Group$/.test(r[1])) {
            current = { recipient: r[1], reason: '' };
            out.push(current);
            continue;
        }
        const cont = /^\s+(?:- )?\|\s?(.*)$/.exec(line);
        if (cont && current)
            current.reason = `${current.reason} ${cont[1].trim()}`.trim();
    }
    return out;
}
function explainSopsFailure(stderr, code, timedOut) {
    const text = stderr.trim();
    if (timedOut) {
        return { reason: 'sops timed out (a KMS call that never answered?)', hint: 'check the network path to the KMS, or raise the timeout', recipients: [] };
    }
    const failures = recipientFailures(text);
    if (/Failed to get the data key/i.test(text) || code === 128) {
        const recipients = failures.map((f) => f.recipient);
        const tried = failures.map((f) => `${f.recipient}: ${f.reason || 'failed'}`).join('; ');
        const age = recipients.filter((r) => r.startsWith('age1'));
        const kms = recipients.filter((r) => !r.startsWith('age1'));
        const hint = age.length
            ? `the file is encrypted for ${age.join(', ')}${kms.length ? ` (and ${kms.join(', ')})` : ''}: give this job the matching age private key (the sops-age-key input, SOPS_AGE_KEY_FILE or SOPS_AGE_KEY), ` +
                'or add your key\'s recipient to .sops.yaml and run `sops updatekeys <file>` with a key that can decrypt it'
            : kms.length
                ? `the file is encrypted with ${kms.join(', ')}: this job's cloud credentials must be allowed to decrypt with that key (check the workflow's cloud login and its IAM permission)`
                : GENERIC_HINT;
        return { reason: `no key available to this job could open its data key${tried ? ` (${tried})` : ''}`, hint, recipients };
    }
    if (/MAC mismatch/i.test(text) || code === 51) {
        return {
            reason: 'its MAC does not match its content: the file was changed without sops (edited by hand, or a git merge)',
            hint: 'restore the file from history, or decrypt it with `sops --decrypt --ignore-mac`, fix it and encrypt it again',
            recipients: [],
        };
    }
    if (/Error decrypting tree|Input string .* does not match sops' data format/i.test(text) || code === 25) {
        return { reason: `a value in it is damaged (${lastLine(text)})`, hint: 'restore the file from history, or re-create the value with `sops <file>`', recipients: [] };
    }
    if (/sops metadata not found|Error unmarshalling input/i.test(text)) {
        return { reason: lastLine(text), hint: 'the file is not a valid sops file: re-encrypt it with `sops --encrypt`', recipients: [] };
    }
    return { reason: lastLine(text) || `sops exit code ${code}`, hint: GENERIC_HINT, recipients: [] };
}
function lastLine(text) {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.at(-1) ?? '';
}

// EXTERNAL MODULE: ./src/shared/secrets/tempdir.ts
var tempdir = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/shared/secrets/index.ts
/**
 * sops decryption that never leaks:
 * - the leak guard: a file handed to decryption (and any file whose basename contains `secret`) must carry sops
 *   metadata, else a located DeployerError says it may have leaked and must be rotated;
 * - `sops --decrypt --output <private temp file>`: the plaintext lives only in a 0700 directory (0600 file) inside
 *   RUNNER_TEMP (Actions) or the OS temp dir, removed on dispose, on a thrown error, and on exit/SIGINT/SIGTERM;
 * - every decrypted leaf value is masked the moment it is decrypted (before any caller can print or pass it on),
 *   so no log line, tool output, error, summary, annotation or output can carry it.
 *
 * sops runs with the caller's environment (default: this process's, minus KUBECONFIG), because sops needs the
 * workflow's KMS credentials (GOOGLE_APPLICATION_CREDENTIALS, AWS_*, SOPS_AGE_KEY_FILE...) to open the data key.
 */














/** The format sops would pick from the extension; extensionless files are told apart by content. */
function sopsFormatOf(absPath, text) {
    const name = external_node_path_default().basename(absPath).toLowerCase();
    if (/\.ya?ml$/.test(name))
        return 'yaml';
    if (name.endsWith('.json'))
        return 'json';
    if (name.endsWith('.env'))
        return 'dotenv';
    if (name.endsWith('.ini'))
        return 'ini';
    const t = (text ?? '').trimStart();
    if (t.startsWith('{')) {
        try {
            const doc = JSON.parse(t);
            const keys = Object.keys(doc ?? {}).sort();
            if (keys.length === 2 && keys[0] === 'data' && keys[1] === 'sops')
                return 'binary';
            return 'json';
        }
        catch {
            return 'binary';
        }
    }
    if (/^sops:\s*$/m.test(t))
        return 'yaml';
    return 'binary';
}
function leakError(display, why, line = 1, col = 1) {
    return new errors/* DeployerError */.dg(`${display} ${why}: it is not sops-encrypted. If this file was ever committed or pushed, its contents have leaked`, {
        file: display,
        line,
        col,
        hint: 'rotate every credential in it now, then encrypt the new values with `sops --encrypt --in-place <file>` before committing',
    });
}
/**
 * The leak guard: refuse a file that should be encrypted but carries no sops metadata (a top-level `sops` key for
 * YAML/JSON/binary files, `sops_*` entries for dotenv, a `[sops]` section for ini). Throws a located DeployerError.
 */
function assertSopsEncrypted(absPath, display = absPath) {
    if (!(0,external_node_fs_.existsSync)(absPath) || !(0,external_node_fs_.statSync)(absPath).isFile()) {
        throw new errors/* DeployerError */.dg(`secret file ${display} not found`, { file: display, hint: 'check the path in cluster.yaml (relative to the cluster directory)' });
    }
    const text = (0,external_node_fs_.readFileSync)(absPath, 'utf8');
    const format = sopsFormatOf(absPath, text);
    if (format === 'dotenv') {
        if (!/^sops_(mac|lastmodified|version)=/m.test(text))
            throw leakError(display, 'has no sops metadata (no `sops_mac=` line)');
        return;
    }
    if (format === 'ini') {
        if (!/^\[sops\]\s*$/m.test(text))
            throw leakError(display, 'has no `[sops]` section');
        return;
    }
    if (format === 'binary') {
        // sops's binary store is JSON: {"data": "ENC[...]", "sops": {...}}.
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            doc = undefined;
        }
        if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
            const meta = doc.sops;
            if (meta && typeof meta === 'object')
                return;
        }
        throw leakError(display, 'is neither YAML nor JSON with a top-level `sops` key');
    }
    let value;
    try {
        // parseYaml reads JSON too; its errors carry a position but never the offending text.
        value = (0,yaml/* parseYaml */.hN)(text, display).value;
    }
    catch (e) {
        if (e instanceof errors/* DeployerError */.dg) {
            throw new errors/* DeployerError */.dg(`${display} is not valid ${format === 'json' ? 'JSON' : 'YAML'}, so it cannot be a sops-encrypted file: ${e.message}`, {
                file: display,
                line: e.line,
                col: e.col,
                hint: 'sops-encrypted files are YAML or JSON with a top-level `sops` key; re-encrypt the file with sops',
            });
        }
        throw e;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !('sops' in value)) {
        throw leakError(display, 'has no top-level `sops` key');
    }
    const meta = value.sops;
    if (meta === null || typeof meta !== 'object')
        throw leakError(display, 'has a `sops` key that is not sops metadata');
}
function sopsEnv(env) {
    const out = { ...(env ?? process.env) };
    // sops never needs a cluster, and a KUBECONFIG in its environment is one more place a credential could travel.
    delete out.KUBECONFIG;
    return out;
}
function parsePlaintext(text, format) {
    switch (format) {
        case 'json':
            return JSON.parse(text);
        case 'yaml':
            return dist.parse(text, { maxAliasCount: 1000 });
        case 'dotenv': {
            const out = {};
            for (const line of text.split(/\r?\n/)) {
                const m = /^([^#=][^=]*)=(.*)$/.exec(line);
                if (m)
                    out[m[1].trim()] = m[2];
            }
            return out;
        }
        case 'ini': {
            const out = {};
            for (const line of text.split(/\r?\n/)) {
                const m = /^\s*([^;#[][^=]*)=(.*)$/.exec(line);
                if (m)
                    out[m[1].trim()] = m[2].trim();
            }
            return out;
        }
        default:
            return text;
    }
}
/**
 * Decrypt `absPath` with sops into a private temp file and mask every value in it. The caller must `dispose()`
 * (or use `withDecryptedFile`); the process-exit and signal handlers are the safety net, not the plan.
 */
async function decryptFile(absPath, opts) {
    const display = opts.display ?? absPath;
    assertSopsEncrypted(absPath, display);
    const format = sopsFormatOf(absPath, (0,external_node_fs_.readFileSync)(absPath, 'utf8'));
    const env = sopsEnv(opts.env);
    registerAgeKeys(env);
    const sops = (0,tools/* toolPath */.O)('sops', env);
    const tmp = await (0,tempdir/* privateTempDir */.nX)('sops');
    const out = external_node_path_default().join(tmp.dir, external_node_path_default().basename(absPath));
    try {
        // Create the output 0600 before sops writes into it (sops keeps an existing file's mode).
        (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(out, 'w', 0o600));
        const result = await (0,run/* runTool */.qI)(sops, ['--decrypt', '--input-type', format, '--output-type', format, '--output', out, absPath], {
            env,
            timeoutMs: opts.timeoutMs ?? 120_000,
            allowFailure: true,
        });
        if (result.code !== 0) {
            const why = explainSopsFailure(result.stderr || result.stdout, result.code, result.timedOut);
            throw new SopsError(display, why.reason, why.hint);
        }
        await (0,promises_.chmod)(out, 0o600);
        const text = await (0,promises_.readFile)(out, 'utf8');
        let parsed;
        try {
            parsed = parsePlaintext(text, format);
        }
        catch {
            parsed = undefined;
        }
        // Mask before anything else can see the values; an unparsable plaintext is masked line by line.
        if (parsed === undefined || typeof parsed === 'string')
            maskText(text, opts.reporter);
        else
            maskLeaves(parsed, opts.reporter);
        opts.reporter.debug(`decrypted ${display} into a private temporary file`);
        return { path: out, dispose: tmp.dispose };
    }
    catch (e) {
        await tmp.dispose();
        throw e;
    }
}
/** A file sops could not decrypt: `sops could not decrypt <file>: <why, in one line>`, and what to do (the hint). */
class SopsError extends errors/* DeployerError */.dg {
    display;
    reason;
    constructor(display, reason, hint) {
        super(`sops could not decrypt ${display}: ${reason}`, { file: display, hint });
        this.display = display;
        this.reason = reason;
        this.name = 'SopsError';
    }
}
/**
 * Register the age identities sops will be given (SOPS_AGE_KEY, SOPS_AGE_KEY_FILE) as secrets before it runs: sops
 * quotes a malformed key in its error ("Invalid checksum in AGE-SECRET-KEY-1...").
 */
function registerAgeKeys(env) {
    let text = env.SOPS_AGE_KEY ?? '';
    if (env.SOPS_AGE_KEY_FILE) {
        try {
            text += '\n' + (0,external_node_fs_.readFileSync)(env.SOPS_AGE_KEY_FILE, 'utf8');
        }
        catch {
            /* sops will say it cannot read it */
        }
    }
    for (const id of text.match(/AGE-SECRET-KEY-[0-9A-Z-]+/g) ?? [])
        (0,redact/* registerSecret */.cl)(id);
}
/** Decrypt, run `fn` with the plaintext path, and remove the plaintext whatever happens. */
async function withDecryptedFile(absPath, opts, fn) {
    const file = await decryptFile(absPath, opts);
    try {
        return await fn(file.path);
    }
    finally {
        await file.dispose();
    }
}
/**
 * Decrypt and parse (YAML/JSON; dotenv and ini as flat objects; binary as a string). The plaintext file is removed
 * before this returns; every leaf is already masked.
 */
async function readDecrypted(absPath, opts) {
    return withDecryptedFile(absPath, opts, async (plain) => {
        const text = await (0,promises_.readFile)(plain, 'utf8');
        const format = sopsFormatOf(absPath, (0,external_node_fs_.readFileSync)(absPath, 'utf8'));
        try {
            return parsePlaintext(text, format);
        }
        catch {
            // Never quote the parser's message: it may contain a piece of the plaintext.
            (0,redact/* registerSecret */.cl)(text);
            throw new errors/* DeployerError */.dg(`the decrypted content of ${opts.display ?? absPath} is not valid ${format === 'json' ? 'JSON' : 'YAML'}`, {
                file: opts.display ?? absPath,
                hint: 'decrypt it locally with `sops --decrypt` and fix the document, then re-encrypt it',
            });
        }
    });
}


/***/ }),

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fQ: () => (/* binding */ tempRoot),
/* harmony export */   nX: () => (/* binding */ privateTempDir),
/* harmony export */   pU: () => (/* binding */ liveTempDirs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _exec_shutdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84445);
/**
 * Private temporary directories for decrypted secrets and per-cluster credentials.
 *
 * - 0700, created under `RUNNER_TEMP` when set (GitHub Actions wipes it after the job), else the OS temp dir;
 * - every live directory is removed on `dispose()`, on process exit (also `process.exit()` and uncaught errors),
 *   and on SIGINT/SIGTERM/SIGHUP (see exec/shutdown.ts: removed at once, then the running tools are stopped and the
 *   process dies of the signal, unless another part of the program handles it).
 */





const live = new Set();
let installed = false;
function removeAllSync() {
    for (const dir of live) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true, maxRetries: 2 });
        }
        catch {
            /* best effort: nothing more can be done while the process dies */
        }
        live.delete(dir);
    }
}
function installHandlers() {
    if (installed)
        return;
    installed = true;
    (0,_exec_shutdown_js__WEBPACK_IMPORTED_MODULE_4__/* .onShutdown */ .Ob)(removeAllSync);
}
/** Where private temp dirs go: `RUNNER_TEMP` in Actions, else the OS temp dir. */
function tempRoot(env = process.env) {
    return env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir();
}
/** A fresh 0700 directory `deployer-<prefix>-XXXXXX`, removed on dispose and on every way the process can end. */
async function privateTempDir(prefix) {
    installHandlers();
    const safe = prefix.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40);
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tempRoot(), `deployer-${safe}-`));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
    live.add(dir);
    let disposed = false;
    return {
        dir,
        async dispose() {
            if (disposed)
                return;
            disposed = true;
            live.delete(dir);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true, maxRetries: 2 });
        },
    };
}
/** Directories not yet disposed (for tests and diagnostics). */
function liveTempDirs() {
    return [...live];
}


/***/ })

};
