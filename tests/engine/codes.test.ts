// QR codes in a capture: decoded and returned beside the text (in `desc`), and a capture that
// holds only a code answers with it. What a user who snips a QR code off the screen checks.
import { afterAll, describe, expect, it } from 'vitest';
import { benchImage, lineCells, recognizeBytes, sharedEngine } from './engine-helpers.js';
import { pageWithCode } from '../fixtures/code-image.js';
import type { CodeInfo } from '../../app/protocol/types.js';

afterAll(async () => (await sharedEngine()).dispose());

const codesOf = (desc: string | undefined): CodeInfo[] => JSON.parse(desc ?? '[]');

describe('QR codes', () => {
  it('decodes a QR code beside the text, where it stands, and reads no junk from its modules', async () => {
    const page = await pageWithCode({ text: 'Scan to pair your phone', code: 'https://example.org/pair?id=42' });
    const response = await recognizeBytes(page);
    expect(response.state).toBe(2);
    const [code, ...others] = codesOf(response.desc);
    expect(others).toEqual([]);
    expect(code).toMatchObject({ format: 'QRCode', text: 'https://example.org/pair?id=42' });
    // drawn at x 500, y 40 on a 720 x 260 page
    expect(code!.location.left).toBeGreaterThanOrEqual(500);
    expect(code!.location.top).toBeGreaterThanOrEqual(40);
    expect(code!.location.left + code!.location.width).toBeLessThanOrEqual(720);
    expect(lineCells(response).map((l) => l.words)).toEqual(['Scan to pair your phone']);
    expect(response.result!.autoText).toBe('Scan to pair your phone');
  });

  it("answers a capture of a code alone with the code's text", async () => {
    const page = await pageWithCode({ code: 'WIFI:T:WPA;S:office;P:correct horse;;' });
    const response = await recognizeBytes(page);
    expect(response.result!.autoText).toBe('WIFI:T:WPA;S:office;P:correct horse;;');
    expect(codesOf(response.desc)).toHaveLength(1);
  });

  it('adds nothing to a screenshot without codes', async () => {
    const { bytes } = benchImage('screens', 'public-001-ui-en');
    const response = await recognizeBytes(bytes);
    expect(response).not.toHaveProperty('desc');
  });
});
