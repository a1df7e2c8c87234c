/**
 * The operator tools run from a workflow (no terminal): logs are fetched and returned, every interactive tool
 * returns kubectl-ready instructions instead of opening a session. Used by the exec action; the CLI runs the same
 * plans itself (src/cli/ops.ts).
 */
import { DeployerError, UsageError } from '../errors.js';
import type { Reporter } from '../log.js';
import type { RepoPaths } from '../repo/index.js';
import { awsShellInstructions } from './aws-shell.js';
import { planCopyHomedir } from './copy-homedir.js';
import { planDockerProxy } from './docker-proxy.js';
import { planHomes, planRootHomes } from './homes.js';
import { componentLogs, prefixer, userLogs } from './logs.js';
import { fence, renderInstructions, type OpsPlan } from './plan.js';
import { planShellHub } from './shell-hub.js';
import { credentialCommands, withTarget, type OpsTarget } from './target.js';

export const WORKFLOW_TOOLS = [
  'component-logs',
  'user-logs',
  'shell-hub',
  'shell-homes',
  'shell-root-homes',
  'copy-homedir-into-another',
  'docker-proxy',
  'aws-shell',
  'cluster-credentials',
] as const;
export type WorkflowTool = (typeof WORKFLOW_TOOLS)[number];

export interface WorkflowRequest {
  tool: WorkflowTool;
  paths: RepoPaths;
  cluster?: string;
  hub?: string;
  component?: string;
  username?: string;
  previous?: boolean;
  sinceSeconds?: number;
  tailLines?: number;
  /** Follow the logs for this many seconds (each line printed as it arrives), then stop. */
  followSeconds?: number;
  sourceHomedir?: string;
  destinationHomedir?: string;
  awsProfile?: string;
  mfaDeviceId?: string;
  ambient?: boolean;
  env?: NodeJS.ProcessEnv;
  reporter: Reporter;
}

export interface WorkflowResult {
  kind: 'logs' | 'instructions';
  /** Plain text: the prefixed log lines, or the instructions. */
  text: string;
  /** Markdown for the job summary. */
  markdown: string;
  /** The runnable command lines of instructions (empty for logs). */
  commands: string[];
  /** Pods read (logs). */
  pods: string[];
  /** The lines were already printed as they arrived (a follow). */
  streamed?: boolean;
}

function need(value: string | undefined, input: string, tool: string): string {
  if (!value) throw new UsageError(`\`${input}\` is required for ${tool}`);
  return value;
}

async function logs(req: WorkflowRequest, t: OpsTarget): Promise<WorkflowResult> {
  const hub = need(req.hub, 'hub', req.tool);
  const lines: string[] = [];
  const fmt = prefixer();
  const follow = (req.followSeconds ?? 0) > 0;
  const opts = { previous: req.previous, sinceSeconds: req.sinceSeconds, tailLines: req.tailLines, follow, signal: follow ? AbortSignal.timeout(req.followSeconds! * 1000) : undefined };
  const sink = (pod: string, line: string) => {
    const text = fmt(pod, line);
    lines.push(text);
    if (follow) req.reporter.info(text);
  };
  if (follow) req.reporter.info(`following for ${req.followSeconds} s; each line is printed as it arrives`);
  const r =
    req.tool === 'component-logs'
      ? await componentLogs(await t.kube(), hub, need(req.component, 'component', req.tool), opts, sink, req.reporter)
      : await userLogs(await t.kube(), hub, need(req.username, 'username', req.tool), opts, sink, req.reporter);
  const text = lines.join('\n');
  const what = req.tool === 'component-logs' ? `${req.component}` : `user ${req.username}`;
  const head = `Logs of ${what} on ${t.cluster.name}/${hub}: ${r.pods.length} pod(s) (${r.pods.join(', ')}), selector \`${r.selector}\`${r.container ? `, container ${r.container}` : ''}${req.previous ? ', previous instance' : ''}, ${r.lines} line(s)`;
  return { kind: 'logs', text, markdown: `### ${head}\n\n${fence(text || '(no log lines)')}`, commands: [], pods: r.pods, streamed: follow };
}

function instructions(plan: OpsPlan, t: OpsTarget): WorkflowResult {
  const r = renderInstructions(plan, t.cluster, t.context);
  return { kind: 'instructions', text: r.text, markdown: r.markdown, commands: r.commands, pods: [] };
}

/** Run one tool the workflow way. Authenticates (and removes the credentials) only where the tool needs the cluster. */
export async function runWorkflowTool(req: WorkflowRequest): Promise<WorkflowResult> {
  if (req.tool === 'aws-shell') {
    const r = awsShellInstructions(need(req.awsProfile, 'aws-profile', req.tool), need(req.mfaDeviceId, 'mfa-device-id', req.tool));
    return { kind: 'instructions', ...r, pods: [] };
  }
  const cluster = need(req.cluster, 'cluster', req.tool);
  const needsHub = req.tool !== 'docker-proxy' && req.tool !== 'cluster-credentials';
  if (needsHub) need(req.hub, 'hub', req.tool);
  return withTarget(req.paths, cluster, { reporter: req.reporter, ambient: req.ambient, env: req.env, hub: needsHub ? req.hub : undefined }, async (t) => {
    switch (req.tool) {
      case 'component-logs':
      case 'user-logs':
        return logs(req, t);
      case 'shell-hub':
        return instructions(await planShellHub(t, req.hub!), t);
      case 'shell-homes':
        return instructions(await planHomes(t, req.hub!), t);
      case 'shell-root-homes':
        return instructions(await planRootHomes(t, req.hub!), t);
      case 'copy-homedir-into-another':
        return instructions(planCopyHomedir(t, req.hub!, need(req.sourceHomedir, 'source-homedir', req.tool), need(req.destinationHomedir, 'destination-homedir', req.tool)), t);
      case 'docker-proxy':
        return instructions(await planDockerProxy(t), t);
      case 'cluster-credentials': {
        const creds = credentialCommands(t.cluster, t.context);
        const text = [`Credentials for cluster ${t.cluster.name}${t.context ? ` (kubeconfig context ${t.context})` : ''}:`, ...creds.flatMap((c) => [`# ${c.how}`, c.command])].join('\n');
        return { kind: 'instructions', text, markdown: `### Credentials for cluster \`${t.cluster.name}\`\n\n${fence(text.split('\n').slice(1).join('\n'), 'sh')}`, commands: creds.map((c) => c.command), pods: [] };
      }
      default:
        throw new DeployerError(`unknown tool ${String(req.tool)}`);
    }
  });
}
