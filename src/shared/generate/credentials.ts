/**
 * Generated credentials: drawn from the operating system's CSPRNG (`crypto.randomInt`, which rejects out-of-range
 * draws, so every character is equally likely) and registered as secrets before anyone can print them.
 */
import { randomInt } from 'node:crypto';
import { registerSecret } from '../redact.js';

export const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 64 characters of 62 symbols: about 381 bits, as upstream's `secrets.choice` over [A-Za-z0-9]. */
export const TOKEN_LENGTH = 64;

/** A random token of `[A-Za-z0-9]`, masked in every log from the moment it exists. */
export function randomToken(length = TOKEN_LENGTH): string {
  let s = '';
  for (let i = 0; i < length; i++) s += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
  registerSecret(s);
  return s;
}

export interface PrometheusCredentials {
  username: string;
  password: string;
}

/** The support chart's basic-auth credentials for the Prometheus ingress. */
export function prometheusCredentials(): PrometheusCredentials {
  return { username: randomToken(), password: randomToken() };
}
