// The engine on real screenshots from the shared bench: what a user checks by reading the output.
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { benchImage, cer, lineCells, recognizeBytes, sharedEngine } from './engine-helpers.js';
import { readGroundTruth } from '../bench/bench-data.js';
import { launchChromium } from '../fixtures/chromium.js';
import { expectDrawnIn, testFont } from '../fixtures/fonts.js';

afterAll(async () => (await sharedEngine()).dispose());

describe('text mode on screenshots', () => {
  it('reads a document paragraph word for word, with its word spaces', async () => {
    const { bytes, truth } = benchImage('screens', 'public-017-doc-en');
    const response = await recognizeBytes(bytes);
    expect(response.state).toBe(2);
    expect(cer(response.result!.autoText!, truth.text)).toBeLessThan(0.01);
    // English words keep their spaces: every word of the truth's first line is found as a word.
    const words = response.result!.autoText!.split(/\s+/);
    expect(words).toEqual(expect.arrayContaining(['Convey', 'the', 'object', 'code', 'physical', 'product']));
  });

  it('keeps all three dots of "..." in a usage line (the model sees them a step apart)', async () => {
    const { bytes } = benchImage('screens', 'public-011-ui-mixed');
    const lines = lineCells(await recognizeBytes(bytes)).map((l) => l.words);
    expect(lines).toContain('Usage: [OPTION]... [USERNAME]...');
  });

  it('reads a sidebar beside a list column by column', async () => {
    const { bytes, truth } = benchImage('screens', 'public-003-ui-en');
    const lines = lineCells(await recognizeBytes(bytes)).map((l) => l.words);
    const truthLines = truth.text.split('\n');
    // every line of the left column comes before every line of the right column
    const position = (text: string) => lines.findIndex((l) => l.replace(/\s/g, '').includes(text.replace(/\s/g, '')));
    expect(position('No profile available')).toBeLessThan(position('Frame rate'));
    expect(position('job #')).toBeLessThan(position('CD-ROM'));
    expect(position('Now')).toBeLessThan(position('CD-ROM'));
    expect(position('Page ordering')).toBeLessThan(position('Reverse landscape'));
    expect(cer(lines.join('\n'), truthLines.join('\n'))).toBeLessThan(0.03);
  });

  it('puts no spaces between Chinese characters and keeps line boxes in image pixels', async () => {
    const { bytes, truth } = benchImage('screens', 'public-007-ui-zh');
    const response = await recognizeBytes(bytes);
    expect(response.result!.lang).toBe('chi_sim');
    const cells = lineCells(response);
    for (const cell of cells) expect(cell.words).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]{2}/);
    // each ground-truth line is found at its place (IoU >= 0.5)
    const iou = (a: number[], b: number[]) => {
      const x0 = Math.max(a[0]!, b[0]!),
        y0 = Math.max(a[1]!, b[1]!);
      const x1 = Math.min(a[0]! + a[2]!, b[0]! + b[2]!),
        y1 = Math.min(a[1]! + a[3]!, b[1]! + b[3]!);
      const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
      return inter / (a[2]! * a[3]! + b[2]! * b[3]! - inter);
    };
    const found = truth.lines!.filter((g) =>
      cells.some((c) => iou(g.box, [c.location.left, c.location.top, c.location.width, c.location.height]) >= 0.5),
    );
    expect(found.length / truth.lines!.length).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the word spaces of English options among Chinese text', async () => {
    const { bytes } = benchImage('screens', 'public-022-doc-zh');
    const lines = lineCells(await recognizeBytes(bytes)).map((l) => l.words);
    // The ink of a Han line is taller than an English one's: its spaces are a smaller share of it.
    // Before, this line read -a,--all等价于-b-d--login-p-r-t-T-u.
    expect(lines.find((l) => l.includes('--login'))).toMatch(/^-a, --all ?等价于 -b -d --login -p -r /);
  });

  it("finds a HiDPI capture's large text at a fraction of its pixels, and small text at full size", async () => {
    const engine = await sharedEngine();
    const hidpi = benchImage('screens-x2', 'publicx2-015-doc-en');
    const large = await engine.recognizeBytes(hidpi.bytes);
    expect(large.detectionScale).toBeLessThan(1);
    expect(cer(large.lines.map((l) => l.text).join('\n'), hidpi.truth.text)).toBeLessThan(0.01);
    // The same count of pixels, in 1x text: a 1x document shot tiled 2 x 2.
    const small = benchImage('screens', 'public-017-doc-en');
    const { width, height } = await sharp(small.bytes).metadata();
    const tiled = await sharp({
      create: { width: width! * 2, height: height! * 2, channels: 3, background: '#ffffff' },
    })
      .composite(
        [0, 1, 2, 3].map((i) => ({ input: small.bytes, left: (i % 2) * width!, top: Math.floor(i / 2) * height! })),
      )
      .png()
      .toBuffer();
    expect(width! * height! * 4).toBeGreaterThanOrEqual(engine.config.detection.largeText.minPixels);
    const full = await engine.recognizeBytes(tiled);
    expect(full.detectionScale).toBe(1);
    expect(full.lines.length).toBeGreaterThanOrEqual(4 * small.truth.lines!.length * 0.9);
  });

  it('answers the Open API shape: spiltText lines end with a tab, JSON fields parse', async () => {
    const { bytes } = benchImage('screens', 'public-001-ui-en');
    const response = await recognizeBytes(bytes);
    expect(response).toMatchObject({ ocrType: 0, state: 2, processId: 1, processName: 'OCR-Node-01' });
    expect(response.id).toMatch(/^[0-9a-f-]{36}$/);
    const { spiltText, spiltLocText, resultType } = response.result!;
    expect(resultType).toBe(0);
    expect(spiltText!.endsWith('\t\n')).toBe(true);
    expect(spiltText!.split('\t\n')).toContain('Servname not supported for aisocktype');
    const paragraphs = JSON.parse(spiltLocText!) as { words: string }[];
    expect(paragraphs.map((p) => p.words)).toContain('only one list may be specified');
  });

  it('reads a JPEG-compressed and a HiDPI screenshot', async () => {
    for (const set of ['screens-q70', 'screens-x2']) {
      const { bytes, truth } = benchImage(set, firstDoc(set));
      const response = await recognizeBytes(bytes);
      expect(cer(response.result!.autoText!, truth.text)).toBeLessThan(0.02);
    }
  });
  // JPEG noise hides some word spaces from the recognizer and not others: before, these read
  // "peoplevery angry and beenwidelyregardedas a badmove." and "You have3newmessages".
  it('keeps every English word space of a JPEG screenshot', async () => {
    const paragraphs = [
      {
        size: '16px',
        family: 'Liberation Serif' as const,
        lines: [
          'In the beginning the Universe was created. This has made a lot of',
          'people very angry and been widely regarded as a bad move. Many',
        ],
      },
      {
        size: '24px',
        family: 'Liberation Sans' as const,
        lines: ['Welcome back, Jordan', 'You have 3 new messages and 2 invitations'],
      },
    ];
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      for (const { size, family, lines } of paragraphs) {
        await page.setContent(
          `<div id="shot" style="display:inline-block;padding:14px 18px;background:#fff;color:#222;font:${testFont(size, family)}">${lines.map((l) => `<div style="margin:4px 0">${l}</div>`).join('')}</div>`,
        );
        await expectDrawnIn(page, '#shot', family);
        const jpeg = await sharp(await page.locator('#shot').screenshot())
          .jpeg({ quality: 70 })
          .toBuffer();
        expect(lineCells(await recognizeBytes(jpeg)).map((l) => l.words)).toEqual(lines);
      }
    } finally {
      await browser.close();
    }
  });
});

function firstDoc(set: string): string {
  return readGroundTruth(set).items.find((g) => g.kind === 'doc' && g.lang === 'en')!.id;
}
