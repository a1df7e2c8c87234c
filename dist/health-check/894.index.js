export const id = 894;
export const ids = [894];
export const modules = {

/***/ 29894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkClusterSchema: () => (/* binding */ checkClusterSchema)
});

// UNUSED EXPORTS: clusterSchema

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts
var yaml = __webpack_require__(42981);
;// CONCATENATED MODULE: ./src/shared/repo/cluster.schema.json
const cluster_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://deployer.local/cluster.schema.json","title":"cluster.yaml","description":"One cluster of the infra repo. Accepts the 2023 and the 2026 shapes of upstream\'s cluster.yaml, and validates every hub (upstream validated only hubs[0]).","type":"object","additionalProperties":false,"required":["name","provider"],"properties":{"name":{"type":"string","description":"The cluster name; must equal the name of the directory holding cluster.yaml.","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"metadata":{"type":"object","description":"Free-form metadata (2026 shape). When the `2i2c` block is present it must hold an integer hubspot_deal_id.","properties":{"2i2c":{"type":"object","required":["hubspot_deal_id"],"properties":{"hubspot_deal_id":{"type":"integer"}}}}},"provider_url":{"type":"string","description":"Link to the provider\'s console for this cluster."},"provider":{"type":"string","enum":["gcp","kubeconfig","aws","azure"]},"tenancy":{"type":"string","enum":["dedicated","shared"]},"account":{"type":"string","description":"2023 shape: the account used for the provider console."},"support":{"type":"object","additionalProperties":false,"required":["helm_chart_values_files"],"properties":{"helm_chart_values_files":{"$ref":"#/definitions/valuesFiles"}}},"kubeconfig":{"type":"object","additionalProperties":false,"properties":{"file":{"$ref":"#/definitions/relativeFile","description":"sops-encrypted kubeconfig, relative to the cluster directory."}}},"gcp":{"type":"object","additionalProperties":false,"required":["project","cluster","zone"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"sops-encrypted service-account key (omit when using ambient credentials)."},"project":{"type":"string","minLength":1},"cluster":{"type":"string","minLength":1},"zone":{"type":"string","minLength":1,"description":"Zone, or region for regional clusters."},"billing":{"$ref":"#/definitions/billing"}}},"aws":{"type":"object","additionalProperties":false,"required":["clusterType","clusterName","region"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"sops-encrypted access key JSON (omit when using ambient credentials)."},"clusterType":{"type":"string","enum":["eks"]},"clusterName":{"type":"string","minLength":1},"region":{"type":"string","minLength":1},"account":{"description":"AWS account ID (2026 shape). A string keeps leading zeros.","oneOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^[0-9]{12}$"}]},"billing":{"$ref":"#/definitions/billing"}}},"azure":{"type":"object","additionalProperties":false,"required":["resource_group","cluster"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"sops-encrypted service principal JSON (omit when using ambient credentials)."},"resource_group":{"type":"string","minLength":1},"cluster":{"type":"string","minLength":1}}},"hubs":{"type":"array","items":{"$ref":"#/definitions/hub"}}},"allOf":[{"if":{"properties":{"provider":{"const":"gcp"}},"required":["provider"]},"then":{"required":["gcp"]}},{"if":{"properties":{"provider":{"const":"aws"}},"required":["provider"]},"then":{"required":["aws"]}},{"if":{"properties":{"provider":{"const":"azure"}},"required":["provider"]},"then":{"required":["azure"]}},{"if":{"properties":{"provider":{"const":"kubeconfig"}},"required":["provider"]},"then":{"required":["kubeconfig"]}}],"definitions":{"relativeFile":{"type":"string","minLength":1},"valuesFiles":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/relativeFile"}},"billing":{"type":"object","additionalProperties":false,"required":["paid_by_us"],"properties":{"paid_by_us":{"type":"boolean"},"bigquery":{"type":"object","additionalProperties":false,"required":["project","dataset","billing_id"],"properties":{"project":{"type":"string"},"dataset":{"type":"string"},"billing_id":{"type":"string","pattern":"^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$"}}}},"if":{"properties":{"paid_by_us":{"const":true}},"required":["paid_by_us"]},"then":{"required":["bigquery"]}},"hub":{"type":"object","additionalProperties":false,"required":["name","domain","helm_chart","helm_chart_values_files"],"properties":{"name":{"type":"string","description":"Hub name: also the Kubernetes namespace and the helm release name.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":53},"display_name":{"type":"string"},"uptime_check":{"type":"object","additionalProperties":false,"properties":{"expected_status":{"type":["string","integer"]}}},"domain":{"type":"string","minLength":1},"domain_override_file":{"$ref":"#/definitions/relativeFile"},"helm_chart":{"type":"string","enum":["basehub","daskhub","binderhub"]},"chart_override":{"$ref":"#/definitions/relativeFile"},"helm_chart_values_files":{"$ref":"#/definitions/valuesFiles"}}}}}');
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
