import { describe, expect, it } from 'vitest';
import { recordingTypeOf } from './calls.ts';

describe('recordingTypeOf', () => {
  it.each([
    ['an MP3', 'audio/mpeg', 'audio/mpeg', 'audio/mpeg'],
    ['an M4A', 'audio/mp4', 'audio/x-m4a', 'audio/mp4'],
    ['an M4A read as video', 'audio/x-m4a', 'video/mp4', 'audio/mp4'],
    ['an Ogg', 'audio/ogg', 'audio/ogg', 'audio/ogg'],
    ['a WAV', 'audio/x-wav', 'audio/wav', 'audio/wav'],
    ['a WAV claimed as anything', 'application/octet-stream', 'audio/wav', 'audio/wav'],
  ])('keeps %s', (_, declared, detected, stored) => {
    expect(recordingTypeOf(declared, detected)).toBe(stored);
  });

  it.each([
    ['a PDF named .mp3', 'audio/mpeg', 'application/pdf'],
    ['an executable named .mp3', 'audio/mpeg', 'application/x-msdownload'],
    ['a video', 'video/mp4', 'video/mp4'],
    ['a photo', 'audio/mpeg', 'image/png'],
    ['bytes nothing recognises', 'audio/wav', undefined],
  ])('refuses %s', (_, declared, detected) => {
    expect(recordingTypeOf(declared, detected)).toBeUndefined();
  });
});
