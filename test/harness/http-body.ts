/** Request bodies for the local HTTP fakes. */
/** A request body as the fakes see it: the raw text, its JSON value, and whether it failed to parse. */
export function parseJsonBody(chunks: Buffer[]): { raw: string; body: unknown; badJson: boolean } {
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return { raw, body: undefined, badJson: false };
  try {
    return { raw, body: JSON.parse(raw), badJson: false };
  } catch {
    return { raw, body: undefined, badJson: true };
  }
}
