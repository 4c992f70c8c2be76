import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('the platform’s DKIM key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ombud-dkim-'));
  const keyFile = path.join(dir, 'dkim.pem');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const junk = path.join(dir, 'junk.pem');
  fs.writeFileSync(junk, 'not a key');

  it('is read at start when all three variables are set', () => {
    const config = loadConfig({
      DKIM_DOMAIN: 'Ombud.VN',
      DKIM_SELECTOR: 'mail2026',
      DKIM_PRIVATE_KEY_FILE: keyFile,
    });
    expect(config.dkim).toMatchObject({ domain: 'ombud.vn', selector: 'mail2026' });
    expect(config.dkim?.privateKey).toContain('PRIVATE KEY');
    expect(loadConfig({}).dkim).toBeUndefined();
  });

  it.each([
    [{ DKIM_DOMAIN: 'ombud.vn' }, /go together/],
    [{ DKIM_DOMAIN: 'ombud.vn', DKIM_SELECTOR: 's', DKIM_PRIVATE_KEY_FILE: junk }, /PEM/],
    [{ DKIM_DOMAIN: 'ombud.vn', DKIM_SELECTOR: 's', DKIM_PRIVATE_KEY_FILE: `${dir}/none` }, /PEM/],
  ])('fails fast, naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
