/**
 * sops's failure output, read: one line saying why a file could not be decrypted (sops prints a multi-line report,
 * and the line that says why used to be cut off), and the hint that fits the reason. The text is already redacted
 * (the age key sops may quote in "Invalid checksum in AGE-SECRET-KEY-..." is registered before sops runs).
 */
export interface SopsFailure {
  /** One line: why. */
  reason: string;
  hint: string;
  /** The key/KMS recipients sops tried (age1..., arn:aws:kms..., projects/.../cryptoKeys/...), when it listed them. */
  recipients: string[];
}

const GENERIC_HINT =
  "check that this job has the file's key (SOPS_AGE_KEY_FILE / SOPS_AGE_KEY or the sops-age-key input for age, cloud credentials for KMS) and that the file was not edited by hand";

/** Parse sops's `Group 0: FAILED / <recipient>: FAILED / - | <reason>` report into recipient -> reason. */
function recipientFailures(text: string): Array<{ recipient: string; reason: string }> {
  const out: Array<{ recipient: string; reason: string }> = [];
  let current: { recipient: string; reason: string } | undefined;
  for (const line of text.split('\n')) {
    const r = /^\s{2,}(\S+): FAILED\s*$/.exec(line);
    if (r && !/^Group$/.test(r[1])) {
      current = { recipient: r[1], reason: '' };
      out.push(current);
      continue;
    }
    const cont = /^\s+(?:- )?\|\s?(.*)$/.exec(line);
    if (cont && current) current.reason = `${current.reason} ${cont[1].trim()}`.trim();
  }
  return out;
}

export function explainSopsFailure(stderr: string, code: number | null, timedOut: boolean): SopsFailure {
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

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? '';
}
