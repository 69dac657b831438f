// The image of op=code from its input forms (app/server/inputs.ts).
import { describe, expect, it } from 'vitest';
import { decodeBase64Image, inputFromText } from '../../app/server/inputs.js';

describe('base64 inputs', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  it.each([
    ['plain', png.toString('base64')],
    ['with a data: header', `data:image/png;base64,${png.toString('base64')}`],
    ['with line breaks', png.toString('base64').replace(/(.{4})/g, '$1\r\n')],
    ['URL-safe', png.toString('base64url')],
  ])('decodes %s', (_name, text) => {
    expect(Buffer.from(decodeBase64Image(text))).toEqual(png);
  });

  it.each([
    ['empty', '', /is empty/],
    ['spaces only', '   ', /is empty/],
    ['not base64', 'héllo wörld', /not valid base64/],
    ['padding in the middle', 'aGk=aGk=', /not valid base64/],
    ['an impossible length', 'aGVsb', /not valid base64/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => decodeBase64Image(text)).toThrow(message);
  });

  it('tells a URL from base64 in a plain-text body', () => {
    expect(inputFromText(' https://example.com/a.png\n')).toEqual({ kind: 'url', url: 'https://example.com/a.png' });
    expect(inputFromText(png.toString('base64')).kind).toBe('bytes');
    expect(() => inputFromText('')).toThrow(/has no image/);
  });
});
