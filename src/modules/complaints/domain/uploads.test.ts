import { describe, expect, it } from 'vitest';
import { judgeContent } from './uploads.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('judgeContent', () => {
  it.each([
    ['a PNG', 'image/png', 'image/png', 'image/png'],
    ['a PNG claimed as a PDF keeps its real type', 'application/pdf', 'image/png', 'image/png'],
    ['a WebM voice recording', 'audio/webm', 'video/webm', 'audio/webm'],
    ['an m4a recording', 'audio/mp4', 'audio/x-m4a', 'audio/mp4'],
    ['an old Word file', 'application/msword', 'application/x-cfb', 'application/msword'],
    [
      'a docx seen as a zip',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/zip',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  ])('accepts %s', (_, declared, detected, stored) => {
    expect(judgeContent(declared, detected, new Uint8Array(16))).toEqual({
      isAccepted: true,
      contentType: stored,
    });
  });

  it.each([
    ['an ELF executable named .pdf', 'application/pdf', 'application/x-elf'],
    ['a Windows program named .pdf', 'application/pdf', 'application/x-msdownload'],
    ['a zip that claims to be a PDF', 'application/pdf', 'application/zip'],
    ['a compound file that claims to be an image', 'image/png', 'application/x-cfb'],
  ])('refuses %s', (_, declared, detected) => {
    expect(judgeContent(declared, detected, new Uint8Array(16))).toEqual({ isAccepted: false });
  });

  it('accepts unrecognised bytes only as real text', () => {
    expect(judgeContent('text/plain', undefined, text('Khách phàn nàn: giao trễ 😞'))).toEqual({
      isAccepted: true,
      contentType: 'text/plain',
    });
    expect(judgeContent('text/csv', undefined, text('mã,đơn\n1,2'))).toMatchObject({
      isAccepted: true,
    });
    expect(judgeContent('application/pdf', undefined, text('not really a pdf'))).toEqual({
      isAccepted: false,
    });
    expect(judgeContent('text/plain', undefined, new Uint8Array([0x68, 0x00, 0x69]))).toEqual({
      isAccepted: false,
    });
    expect(judgeContent('text/plain', undefined, new Uint8Array([0xff, 0xfe, 0x41]))).toEqual({
      isAccepted: false,
    });
  });

  it('does not hold a character cut by the end of the sample against the file', () => {
    const bytes = text('xin chào đ');
    expect(
      judgeContent('text/plain', undefined, bytes.subarray(0, bytes.length - 1)),
    ).toMatchObject({
      isAccepted: true,
    });
  });
});
