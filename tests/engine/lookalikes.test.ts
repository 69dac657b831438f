// Characters the recognizer's dictionary lacks (« ©) or cannot tell by shape (the s of Ctrl+S),
// and a code font's ligatures (-> drawn as one arrow), come out as look-alikes; the engine puts
// them back from their context. Drawn by Chromium.
import { describe, expect, it } from 'vitest';
import { drawnShot, testFont } from '../fixtures/fonts.js';
import { drawingBrowser, sharedEngine } from './engine-helpers.js';

const browser = drawingBrowser();

describe('look-alikes', () => {
  it.each([
    // Too few French words for the page to be read again in French, whose model knows «».
    'Fichier « rapport.pdf » introuvable',
    'Open the «Settings» tab',
    'Copyright © 2024 Acme Corporation',
    'Cut  Ctrl+X',
  ])('reads %s as drawn', async (text) => {
    const png = await drawnShot(
      browser(),
      `<p id="shot" style="display:inline-block;margin:0;padding:16px;background:#fff;color:#111;font:${testFont('13px', 'DejaVu Sans')}">${text}</p>`,
      'DejaVu Sans',
    );
    const output = await (await sharedEngine()).recognizeBytes(png);
    expect(output.lines.map((l) => l.text).join(' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('reads the arrows of a code font with ligatures as the characters typed', async () => {
    const code = ['return $self->{pclass};', 'my $next = $node->{next};', 'const add = (a, b) => a + b;'];
    const png = await drawnShot(
      browser(),
      `<pre id="shot" style="display:inline-block;margin:0;padding:16px;background:#fff;color:#111;font:${testFont('16px', 'Fira Code')}">${code.join('\n')}</pre>`,
      'Fira Code',
    );
    const output = await (await sharedEngine()).recognizeBytes(png);
    // Spaced arrows (a => b) are read as drawn; the test asks for the unspaced ones.
    const text = output.lines.map((l) => l.text).join('\n');
    expect(text).toContain('$self->{pclass}');
    expect(text).toContain('$node->{next}');
  });
});
