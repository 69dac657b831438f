// A justified paragraph: its word spaces widened until the detector cuts its lines into pieces
// that stand as far apart as a form's columns, and its boxes, grown around narrow spaces,
// overlap and read a neighbour's letter twice. A reader reads it line by line. Drawn by Chromium.
import { describe, expect, it } from 'vitest';
import { drawnShot, testFont } from '../fixtures/fonts.js';
import { drawingBrowser, lineCells, recognizeBytes } from './engine-helpers.js';

const browser = drawingBrowser();

describe('justified text', () => {
  it('reads a justified paragraph line by line, each line whole, each letter once', async () => {
    const text =
      'Before you run the configuration tool again, copy the archive /var/backups/settings.tar ' +
      'to another disk, then compare /etc/example/settings.conf with the packaged defaults in ' +
      '/usr/share/example/defaults.conf and keep only the lines you changed yourself.';
    const png = await drawnShot(
      browser(),
      `<p id="shot" style="display:inline-block;margin:0;width:400px;padding:16px;background:#1e1e1e;color:#ddd;text-align:justify;hyphens:none;font:${testFont('18px', 'DejaVu Sans')};line-height:1.5">${text}</p>`,
      'DejaVu Sans',
    );
    const lines = lineCells(await recognizeBytes(png));
    // The words in their order (a comma read full-width is a comma)...
    const letters = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
    expect(letters(lines.map((l) => l.words).join(''))).toBe(letters(text));
    // ...and no two pieces of one line stand as lines of their own.
    const rows = new Set(lines.map((l) => Math.round(l.location.top / 27)));
    expect(rows.size).toBe(lines.length);
  });
});
