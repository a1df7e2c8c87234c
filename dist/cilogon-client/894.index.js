export const id = 894;
export const ids = [894];
export const modules = {

/***/ 9894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkClusterSchema: () => (/* binding */ checkClusterSchema)
});

// UNUSED EXPORTS: clusterSchema

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(7327);
;// CONCATENATED MODULE: ./src/shared/repo/cluster.schema.json
const cluster_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"urn:deployer:schema:cluster.yaml:v1","title":"cluster.yaml","description":"One cluster of the infra repo: `<clusters-dir>/<name>/cluster.yaml`. Accepts the 2023 and the 2026 shapes of upstream\'s cluster.yaml and validates every hub (upstream validated only `hubs[0]`). Where this schema is stricter or looser than upstream, and why: src/shared/repo/README.md.","type":"object","additionalProperties":false,"required":["name","provider"],"properties":{"name":{"type":"string","description":"The cluster name. Must equal the name of the directory holding cluster.yaml: deploys address a cluster by its directory, so `validate` reports a mismatch as an error and the planner refuses to plan such a cluster.","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"metadata":{"type":"object","description":"Free-form metadata about the cluster (2026 shape). Not used by deploys.","properties":{"2i2c":{"type":"object","description":"2i2c\'s own bookkeeping. When present it must hold `hubspot_deal_id`.","required":["hubspot_deal_id"],"properties":{"hubspot_deal_id":{"type":"integer","description":"The HubSpot deal this cluster belongs to."}}}}},"provider_url":{"type":"string","description":"Link to this cluster in the provider\'s web console (2026 shape). Not checked to be a URL, as upstream."},"provider":{"type":"string","enum":["gcp","kubeconfig","aws","azure"],"description":"How the deployer authenticates to the cluster. The block of the same name (`gcp`, `aws`, `azure`, `kubeconfig`) is required."},"tenancy":{"type":"string","enum":["dedicated","shared"],"description":"Whether the cluster runs one community (dedicated) or several (shared). Used by the cost table only; upstream documents `dedicated` as the default."},"account":{"type":"string","description":"2023 shape: the account used to reach the provider console (removed upstream in 2026, still accepted)."},"support":{"type":"object","additionalProperties":false,"description":"The support chart (ingress, monitoring, ...) of this cluster. Leave it out for a cluster without one.","required":["helm_chart_values_files"],"properties":{"helm_chart_values_files":{"$ref":"#/definitions/valuesFiles","description":"Values files of the support chart, relative to the cluster directory, in order (later files win). Files whose name contains `secret` are sops-encrypted."}}},"kubeconfig":{"type":"object","additionalProperties":false,"description":"Reach the cluster with a kubeconfig file (provider `kubeconfig`).","properties":{"file":{"$ref":"#/definitions/relativeFile","description":"The sops-encrypted kubeconfig, relative to the cluster directory (by convention `enc-deployer-credentials.secret.yaml`). Omit it to use ambient credentials."}}},"gcp":{"type":"object","additionalProperties":false,"description":"Reach a GKE cluster (provider `gcp`).","required":["project","cluster","zone"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"The sops-encrypted service-account JSON key, relative to the cluster directory. Omit it to use ambient credentials."},"project":{"type":"string","description":"The GCP project ID holding the cluster.","minLength":1},"cluster":{"type":"string","description":"The GKE cluster name inside the project.","minLength":1},"zone":{"type":"string","description":"The zone of a zonal cluster, or the region of a regional one.","minLength":1},"billing":{"$ref":"#/definitions/gcpBilling","description":"Who pays for the cluster, and where its costs are exported."}}},"aws":{"type":"object","additionalProperties":false,"description":"Reach an EKS cluster (provider `aws`).","required":["clusterType","clusterName","region"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"The sops-encrypted JSON access key of the deployer IAM user, relative to the cluster directory. Omit it to use ambient credentials."},"clusterType":{"type":"string","enum":["eks"],"description":"The kind of cluster; only EKS is supported."},"clusterName":{"type":"string","description":"The EKS cluster name (may differ from the directory name).","minLength":1},"region":{"type":"string","description":"The AWS region of the cluster.","minLength":1},"account":{"description":"The AWS account ID (2026 shape): an integer as upstream writes it, or a 12-digit string (which keeps leading zeros).","oneOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^[0-9]{12}$"}]},"billing":{"$ref":"#/definitions/awsBilling","description":"Who pays for the cluster. AWS costs do not come from a BigQuery export, so only `paid_by_us` is required."}}},"azure":{"type":"object","additionalProperties":false,"description":"Reach an AKS cluster (provider `azure`).","required":["resource_group","cluster"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"The sops-encrypted service principal JSON, relative to the cluster directory. Omit it to use ambient credentials."},"resource_group":{"type":"string","description":"The Azure resource group holding the cluster.","minLength":1},"cluster":{"type":"string","description":"The AKS cluster name inside the resource group.","minLength":1}}},"hubs":{"type":"array","description":"The hubs deployed on this cluster. Every item is checked (upstream checked only the first).","items":{"$ref":"#/definitions/hub"}}},"allOf":[{"if":{"properties":{"provider":{"const":"gcp"}},"required":["provider"]},"then":{"required":["gcp"]}},{"if":{"properties":{"provider":{"const":"aws"}},"required":["provider"]},"then":{"required":["aws"]}},{"if":{"properties":{"provider":{"const":"azure"}},"required":["provider"]},"then":{"required":["azure"]}},{"if":{"properties":{"provider":{"const":"kubeconfig"}},"required":["provider"]},"then":{"required":["kubeconfig"]}}],"definitions":{"relativeFile":{"type":"string","minLength":1,"description":"A file path relative to the cluster directory; it must stay inside it."},"valuesFiles":{"type":"array","minItems":1,"description":"Helm values files, relative to the cluster directory, passed to helm in order (later files win).","items":{"$ref":"#/definitions/relativeFile"}},"paidByUs":{"type":"boolean","description":"True when the cloud bill is paid by the operator of the fleet (and recovered from the community)."},"gcpBilling":{"type":"object","additionalProperties":false,"description":"Billing of a GKE cluster. When `paid_by_us` is true, `bigquery` says where the billing export is.","required":["paid_by_us"],"properties":{"paid_by_us":{"$ref":"#/definitions/paidByUs"},"bigquery":{"type":"object","additionalProperties":false,"description":"Where the cost export of the billing account lives in BigQuery.","required":["project","dataset","billing_id"],"properties":{"project":{"type":"string","description":"The project holding the BigQuery billing export.","minLength":1},"dataset":{"type":"string","description":"The BigQuery dataset of the billing export.","minLength":1},"billing_id":{"type":"string","description":"The billing account ID, `XXXXXX-XXXXXX-XXXXXX` (upper-case hexadecimal).","pattern":"^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$"}}}},"if":{"properties":{"paid_by_us":{"const":true}},"required":["paid_by_us"]},"then":{"required":["bigquery"]}},"awsBilling":{"type":"object","additionalProperties":false,"description":"Billing of an EKS cluster.","required":["paid_by_us"],"properties":{"paid_by_us":{"$ref":"#/definitions/paidByUs"},"active_cost_tags":{"type":"boolean","description":"Whether cost allocation tags are activated in the account (an upstream shape of 2024-2025; still accepted, not required)."}}},"hub":{"type":"object","additionalProperties":false,"description":"One hub.","required":["name","domain","helm_chart","helm_chart_values_files"],"properties":{"name":{"type":"string","description":"The hub name: also its Kubernetes namespace and helm release name, so a DNS label of at most 53 characters (helm\'s release name limit). A name containing `staging` is deployed before the others.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":53},"display_name":{"type":"string","description":"A long name for people (websites, reports)."},"uptime_check":{"type":"object","additionalProperties":false,"description":"How an uptime check should probe this hub.","properties":{"expected_status":{"type":["string","integer"],"description":"The HTTP status the hub answers with (default 200; e.g. 401 behind basic auth)."}}},"domain":{"type":"string","description":"The hub\'s domain name; the health check opens `https://<domain>`.","minLength":1},"domain_override_file":{"$ref":"#/definitions/relativeFile","description":"A (usually sops-encrypted) YAML file holding `domain:` that replaces `domain` at deploy and health-check time, relative to the cluster directory."},"helm_chart":{"type":"string","enum":["basehub","daskhub","binderhub"],"description":"The chart the hub deploys: a directory under the charts dir (`helm-charts` by default)."},"chart_override":{"$ref":"#/definitions/relativeFile","description":"A Chart.yaml that replaces the chart\'s own (2026 shape): a path with `/` is relative to the config root, else to the cluster directory; it must stay inside the config root."},"helm_chart_values_files":{"$ref":"#/definitions/valuesFiles","description":"Values files of the hub, relative to the cluster directory, in order (later files win). Files whose name contains `secret` are sops-encrypted; `*.jsonnet` files are rendered first."}}}}}');
;// CONCATENATED MODULE: ./src/shared/repo/schema.ts
/**
 * The cluster.yaml schema check: ajv compiled once per process, every error translated into a Finding located in the
 * YAML file (line and column of the offending key or value) with a readable message.
 */



let compiled;
function clusterSchema() {
    return schema;
}
function validator() {
    if (!compiled) {
        const ajv = new dist_ajv.Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
        compiled = ajv.compile(cluster_schema_namespaceObject);
    }
    return compiled;
}
function describeType(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `a ${typeof v} (${JSON.stringify(v)})`;
}
function humanPath(path) {
    return path.length ? path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : 'the top level';
}
/** Translate one ajv error into a Finding. Returns undefined for errors that only restate others (if/then, oneOf). */
function valueAt(root, path) {
    let v = root;
    for (const seg of path) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[seg];
    }
    return v;
}
function toFinding(err, y) {
    const path = (0,yaml/* pointerToPath */.ox)(err.instancePath);
    const data = valueAt(y.value, path);
    const where = humanPath(path);
    const p = err.params;
    let message;
    let locPath = path;
    let atKey = false;
    switch (err.keyword) {
        case 'required':
            message = `missing required key \`${String(p.missingProperty)}\` in ${where}`;
            break;
        case 'additionalProperties': {
            const key = String(p.additionalProperty);
            locPath = [...path, key];
            atKey = true;
            const parent = (err.parentSchema ?? {});
            const allowed = Object.keys(parent.properties ?? {}).join(', ');
            message = `unknown key \`${key}\` in ${where}${allowed ? ` (allowed: ${allowed})` : ''}`;
            break;
        }
        case 'enum':
            message = `${where} is ${JSON.stringify(data)}, which is not one of: ${p.allowedValues.join(', ')}`;
            break;
        case 'type':
            message = `${where} must be ${String(p.type).replace(/,/g, ' or ')}, but it is ${describeType(data)}`;
            break;
        case 'pattern':
            message = `${where} is ${JSON.stringify(data)}, which does not match the pattern ${String(p.pattern)}`;
            break;
        case 'minItems':
            message = `${where} must list at least ${String(p.limit)} item(s)`;
            break;
        case 'minLength':
            message = `${where} must not be empty`;
            break;
        case 'maxLength':
            message = `${where} is longer than ${String(p.limit)} characters`;
            break;
        case 'oneOf':
            message = `${where} is ${describeType(data)}, which is not a valid value here`;
            break;
        case 'if':
            return undefined;
        default:
            message = `${where} ${err.message ?? 'is invalid'}`;
    }
    const pos = atKey ? y.locateKey(locPath) : y.locate(locPath);
    return { file: y.file, line: pos.line, col: pos.col, path: (0,yaml/* pathToPointer */.Qb)(locPath), message, severity: 'error' };
}
/** Validate a parsed cluster.yaml against the schema. Every error is reported, in file order. */
function checkClusterSchema(y) {
    const validate = validator();
    if (validate(y.value))
        return [];
    const errors = validate.errors ?? [];
    // A oneOf failure also reports each branch's failure; keep only the oneOf summary for that path.
    const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    const seen = new Set();
    const findings = [];
    for (const e of errors) {
        if (oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf' && e.schemaPath.includes('/oneOf/'))
            continue;
        const f = toFinding(e, y);
        if (!f)
            continue;
        const key = `${f.line}:${f.col}:${f.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        findings.push(f);
    }
    return findings.sort((a, b) => a.line - b.line || a.col - b.col);
}


/***/ })

};
