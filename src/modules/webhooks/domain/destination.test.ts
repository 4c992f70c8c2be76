import { describe, expect, it } from 'vitest';
import { isPrivateAddress, literalAddress, parseWebhookUrl } from './destination.ts';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['0.0.0.0', true],
    ['0.1.2.3', true],
    ['10.0.0.1', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.10.1', true],
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['100.128.0.1', false],
    ['169.254.169.254', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['203.0.113.5', true],
    ['1.1.1.1', false],
    ['::1', true],
    ['::', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:169.254.169.254', true],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::10.0.0.1', true],
    ['2002:0a00:0001::1', true],
    ['2001:db8::1', true],
    ['2606:4700:4700::1111', false],
    ['2001:4860:4860::8888', false],
    ['not an address', true],
    ['1.2.3', true],
    ['1:2:3:4:5:6:7:8:9', true],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('parseWebhookUrl and literalAddress', () => {
  it.each([
    ['https://example.com/hook', undefined],
    ['http://example.com:8080/x?y=1', undefined],
    ['ftp://example.com/', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://example.com/', 'scheme'],
    ['https://user:pw@example.com/', 'credentials'],
    ['not a url', 'invalid'],
  ])('%s', (raw, problem) => {
    const parsed = parseWebhookUrl(raw);
    expect('problem' in parsed ? parsed.problem : undefined).toBe(problem);
  });

  it('finds the address a URL names, brackets removed', () => {
    expect(literalAddress(new URL('http://[::1]:80/').hostname)).toBe('::1');
    expect(literalAddress(new URL('http://127.0.0.1/').hostname)).toBe('127.0.0.1');
    // The URL parser writes other spellings of an IPv4 address as dotted decimal.
    expect(literalAddress(new URL('http://2130706433/').hostname)).toBe('127.0.0.1');
    expect(literalAddress(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1');
    expect(literalAddress('example.com')).toBeUndefined();
  });
});
