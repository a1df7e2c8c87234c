#!/usr/bin/env node
// bench/deploy: deploy 1, 5 and 20 hubs of one cluster against the fake Kubernetes API server with real helm and
// kubectl, one at a time (parallelism 1, upstream's order) and 4 at a time. Reports wall time, helm processes
// started and helm dependency builds (must be at most one per chart: half the hubs are daskhub, which depends on
// basehub, so 1). The fake answers in microseconds, which a real API server does not: requests go through a small
// proxy that adds LATENCY_MS (default 40 ms, a cloud API server's round trip) to each, so the bench measures the
// I/O-bound work deploying is. `LATENCY_MS=0 node bench/deploy.mjs` shows the CPU-bound floor on this machine.
//
// Plain JS; it imports the TypeScript sources and test harness through Node 24's type stripping (re-running itself
// with --experimental-transform-types and a resolve hook that maps `./x.js` to `./x.ts`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

if (!process.env.DEPLOY_BENCH_CHILD) {
  const hook = `data:text/javascript,${encodeURIComponent(`
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(`
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      export async function resolve(spec, ctx, next) {
        if (spec.endsWith('.js') && (spec.startsWith('.') || spec.startsWith('/')) && ctx.parentURL && ctx.parentURL.startsWith('file:')) {
          const u = new URL(spec, ctx.parentURL);
          if (!existsSync(fileURLToPath(u))) {
            const ts = u.href.replace(/\\.js$/, '.ts');
            if (existsSync(fileURLToPath(ts))) return next(ts, ctx);
          }
        }
        return next(spec, ctx);
      }`)}));`)}`;
  const r = spawnSync(process.execPath, ['--no-warnings', '--experimental-transform-types', '--import', hook, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DEPLOY_BENCH_CHILD: '1', PATH: `${path.join(root, '.tools/bin')}${path.delimiter}${process.env.PATH}` },
  });
  process.exit(r.status ?? 1);
}

const http = await import('node:http');
const fs = await import('node:fs');
const os = await import('node:os');
const YAML = (await import('yaml')).default;
const { startFakeKube } = await import(path.join(root, 'test/harness/kube-api/index.ts'));
const { writeSopsFile, sopsEnv } = await import(path.join(root, 'test/harness/sops.ts'));
const { deployHubs } = await import(path.join(root, 'src/shared/deploy/index.ts'));
const { toolStarts } = await import(path.join(root, 'src/shared/exec/run.ts'));
const { silentReporter } = await import(path.join(root, 'src/shared/log.ts'));
const { repoPaths } = await import(path.join(root, 'src/shared/repo/index.ts'));

const LATENCY_MS = Number(process.env.LATENCY_MS ?? 40);
const SIZES = (process.env.SIZES ?? '1,5,20').split(',').map(Number);
const HELM = process.env.DEPLOYER_HELM ?? path.join(root, '.tools/bin/helm');

/** An HTTP proxy that delays every request by `latency` ms before forwarding it (streams, such as watches, are piped). */
function latencyProxy(target, latency) {
  const t = new URL(target);
  const server = http.createServer((req, res) => {
    setTimeout(() => {
      const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        res.flushHeaders();
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      req.pipe(up);
    }, latency);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) })));
}

async function makeRepo(fake, proxyUrl, n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-bench-repo-'));
  fs.cpSync(path.join(root, 'examples/infrastructure'), dir, { recursive: true, verbatimSymlinks: true });
  const c = path.join(dir, 'config/clusters/kubeconfig-demo');
  const g = path.join(dir, 'config/clusters/gcp-demo');
  fs.copyFileSync(path.join(g, 'common.values.yaml'), path.join(c, 'gcp-common.values.yaml'));
  for (const f of ['daskhub-common.values.yaml', 'dask-staging.values.yaml', 'enc-dask-staging.secret.values.yaml']) fs.copyFileSync(path.join(g, f), path.join(c, f));
  const kubeconfig = YAML.parse(fake.kubeconfigYaml);
  for (const cl of kubeconfig.clusters) cl.cluster.server = proxyUrl;
  await writeSopsFile(path.join(c, 'enc-deployer-credentials.secret.yaml'), kubeconfig);
  const doc = YAML.parse(fs.readFileSync(path.join(c, 'cluster.yaml'), 'utf8'));
  doc.hubs = Array.from({ length: n }, (_, i) => {
    const name = `hub-${String(i + 1).padStart(2, '0')}`;
    const dask = i % 2 === 1;
    return {
      name,
      domain: `${name}.kubeconfig-demo.example.org`,
      helm_chart: dask ? 'daskhub' : 'basehub',
      helm_chart_values_files: dask
        ? ['gcp-common.values.yaml', 'daskhub-common.values.yaml', 'dask-staging.values.yaml', 'enc-dask-staging.secret.values.yaml']
        : ['common.values.yaml', 'staging.values.yaml', 'enc-staging.secret.values.yaml'],
    };
  });
  fs.writeFileSync(path.join(c, 'cluster.yaml'), YAML.stringify(doc));
  return dir;
}

async function run(n, parallelism) {
  const fake = await startFakeKube({ tls: false });
  const proxy = await latencyProxy(fake.url, LATENCY_MS);
  const repo = await makeRepo(fake, proxy.url, n);
  try {
    const env = sopsEnv({ DEPLOYER_HELM: HELM });
    delete env.KUBECONFIG;
    toolStarts.clear();
    const started = performance.now();
    const result = await deployHubs({
      paths: repoPaths({ configRoot: repo }),
      cluster: 'kubeconfig-demo',
      reporter: silentReporter,
      env,
      parallelism,
      timeoutS: 120,
      helmExtraArgs: ['--disable-openapi-validation'],
      kubectlExtraArgs: ['--validate=false'],
      daskGatewayCrds: path.join(root, 'test/fixtures/deploy/dask-gateway-crds'),
    });
    const wall = (performance.now() - started) / 1000;
    const failed = result.results.filter((r) => r.status !== 'deployed');
    if (failed.length) throw new Error(`${failed.length} hub(s) failed: ${failed[0].hub}: ${failed[0].error}`);
    return { wall, helm: toolStarts.get(path.basename(HELM)) ?? 0, kubectl: toolStarts.get('kubectl') ?? 0, depBuilds: result.dependencyBuilds };
  } finally {
    await proxy.stop();
    await fake.stop();
    fs.rmSync(repo, { recursive: true, force: true });
  }
}

console.log(`deploy: ${path.basename(HELM)}, API latency ${LATENCY_MS} ms per request, ${os.cpus().length} CPUs`);
const rows = [];
const wall = {};
for (const n of SIZES) {
  for (const p of [1, 4]) {
    const r = await run(n, p);
    wall[`${n}:${p}`] = r.wall;
    rows.push([String(n), String(p), r.wall.toFixed(1), String(r.helm), String(r.kubectl), String(r.depBuilds)]);
  }
}
const header = ['hubs', 'parallelism', 'wall (s)', 'helm processes', 'kubectl processes', 'dependency builds'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
for (const n of SIZES) if (wall[`${n}:1`] && wall[`${n}:4`]) console.log(`${n} hub(s): parallelism 4 is ${(wall[`${n}:1`] / wall[`${n}:4`]).toFixed(2)}x faster than sequential`);
