/**
 * `exec shell aws PROFILE MFA_DEVICE_ID AUTH_TOKEN` (upstream A.14.6): `aws sts get-session-token` with the MFA
 * code, then a login shell whose environment (only the child's) holds the temporary credentials. No cluster involved.
 * The temporary credentials are registered as secrets the moment they are parsed.
 */
import { DeployerError, UsageError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { formatCommand, runToolRaw } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';

export interface AwsShellArgs {
  profile: string;
  mfaDeviceId: string;
  tokenCode: string;
}

export function stsArgs(a: { profile: string; mfaDeviceId: string; tokenCode: string }): string[] {
  return ['sts', 'get-session-token', '--serial-number', a.mfaDeviceId, '--token-code', a.tokenCode, '--profile', a.profile, '--output', 'json'];
}

/** The environment additions of the MFA session: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE. */
export async function awsSessionEnv(a: AwsShellArgs, env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  if (!/^\d{6}$/.test(a.tokenCode)) throw new UsageError(`the MFA code must be the 6 digits your device shows, got \`${a.tokenCode}\``);
  const aws = toolPath('aws', env);
  const r = await runToolRaw(aws, stsArgs(a), { env: { ...env, AWS_PAGER: '' }, timeoutMs: 60_000, allowFailure: true });
  if (r.code !== 0) {
    throw new DeployerError(`\`${formatCommand('aws', stsArgs({ ...a, tokenCode: '******' }))}\` failed with exit code ${r.code}: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join('\n')}`, {
      hint: 'check the profile name (aws configure list-profiles), the MFA device ARN (arn:aws:iam::<account>:mfa/<name>) and that the code is current',
    });
  }
  let creds: { AccessKeyId?: unknown; SecretAccessKey?: unknown; SessionToken?: unknown } | undefined;
  try {
    creds = (JSON.parse(r.rawStdout) as { Credentials?: typeof creds }).Credentials;
  } catch {
    creds = undefined;
  }
  const id = creds?.AccessKeyId;
  const secret = creds?.SecretAccessKey;
  const token = creds?.SessionToken;
  if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string') {
    throw new DeployerError('`aws sts get-session-token` printed no Credentials.AccessKeyId/SecretAccessKey/SessionToken', { hint: 'is the AWS CLI v2 installed, and is `output` not overridden to text?' });
  }
  registerSecret(id);
  registerSecret(secret);
  registerSecret(token);
  return { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token, AWS_PROFILE: a.profile };
}

/** Instructions for a workstation (the action has no terminal and never asks for an MFA code). */
export function awsShellInstructions(profile: string, mfaDeviceId: string): { text: string; markdown: string; commands: string[] } {
  const deployer = formatCommand('deployer', ['exec', 'shell', 'aws', profile, mfaDeviceId, 'MFA-CODE']).replace(/MFA-CODE$/, '<MFA-CODE>');
  const sts = formatCommand('aws', stsArgs({ profile, mfaDeviceId, tokenCode: 'MFA-CODE' })).replace(/--token-code MFA-CODE/, '--token-code <MFA-CODE>');
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
