// Test double for kubectl, aws and a login shell: appends one JSON line per call to $OPS_RECORD with the tool, its
// argv, its whole environment, and whether $KUBECONFIG existed (and its size) at the time of the call.
//   OPS_FAIL_ON=<word>  exit 3 when an argument equals <word> (e.g. `cp` fails the copy step)
//   OPS_HANG_ON=<word>  never exit by itself when an argument equals <word> (a signal ends it)
//   aws sts get-session-token prints Credentials from OPS_AWS_* (canaries), as the real CLI does with --output json.
import { appendFileSync, existsSync, statSync } from 'node:fs';

const [tool, ...argv] = process.argv.slice(2);
const env = process.env;
const kc = env.KUBECONFIG;
appendFileSync(
  env.OPS_RECORD,
  JSON.stringify({ tool, argv, env, kubeconfigExisted: kc ? existsSync(kc) : false, kubeconfigSize: kc && existsSync(kc) ? statSync(kc).size : 0 }) + '\n',
);
if (env.OPS_FAIL_ON && argv.includes(env.OPS_FAIL_ON)) {
  process.stderr.write(`${tool} (test double): failing on ${env.OPS_FAIL_ON} as asked\n`);
  process.exit(3);
}
// OPS_HANG_ON=<word>: block (until a signal ends the process) when an argument equals <word>.
if (env.OPS_HANG_ON && argv.includes(env.OPS_HANG_ON)) setInterval(() => undefined, 1 << 30);
if (tool === 'aws' && argv[0] === 'sts' && argv[1] === 'get-session-token') {
  process.stdout.write(
    JSON.stringify({
      Credentials: {
        AccessKeyId: env.OPS_AWS_ID ?? 'ASIAFAKE',
        SecretAccessKey: env.OPS_AWS_SECRET ?? 'fake-secret',
        SessionToken: env.OPS_AWS_TOKEN ?? 'fake-token',
        Expiration: '2030-01-01T00:00:00Z',
      },
    }),
  );
}
if (tool === 'kubectl' && argv.includes('get') && argv.includes('ns')) process.stdout.write('NAME      STATUS\ndefault   Active\n');
