// A form whose label and value both wrapped onto a second line: their lines stand level, row by
// row, as a table's do. A reader reads the label whole, then the value; a table, code and a
// terminal are still read row by row. Drawn by Chromium.
import { describe, expect, it } from 'vitest';
import { drawnShot, testFont, type TestFont } from '../fixtures/fonts.js';
import { drawingBrowser, lineCells, recognizeBytes } from './engine-helpers.js';

const browser = drawingBrowser();

/** A two-column form: each row a label and a framed value level with it, 14 px between the rows. */
function form(rows: readonly (readonly [string, string])[], family: TestFont, dark: boolean): string {
  const [background, ink, field] = dark ? ['#2b2b2b', '#e8e8e8', '#1e1e1e'] : ['#f6f6f6', '#1a1a1a', '#ffffff'];
  const cells = rows
    .map(
      ([label, value]) =>
        `<div style="width:190px">${label}</div><div style="width:230px;padding:4px 8px;border:1px solid #888;background:${field}">${value}</div>`,
    )
    .join('');
  return `<div id="shot" style="display:inline-grid;grid-template-columns:auto auto;gap:14px 56px;align-items:center;padding:18px;background:${background};color:${ink};line-height:1.25;font:${testFont('15px', family)}">${cells}</div>`;
}

describe('wrapped labels and values', () => {
  it.each([false, true])('reads a wrapped label whole, then its wrapped value (dark %s)', async (dark) => {
    const rows = [
      ['Connection timeout for outgoing requests', 'Retry the request after waiting for the server'],
      ['Proxy host', 'proxy.example.org'],
      ['Certificate file used to verify peers', 'Leave empty to use the system store of certificates'],
      ['Log level', 'warning'],
    ] as const;
    const png = await drawnShot(browser(), form(rows, 'DejaVu Sans', dark), 'DejaVu Sans');
    const words = lineCells(await recognizeBytes(png)).map((l) => l.words);
    // Each cell's lines, in order, whatever line the browser wrapped them at (word spaces
    // aside: the order is what is checked here).
    expect(words.join('').replace(/\s+/g, '')).toBe(rows.flat().join('').replace(/\s+/g, ''));
    expect(words.length).toBeGreaterThan(rows.length * 2);
  });

  it('reads Chinese labels and values wrapped at the end of their columns, one cell after the other', async () => {
    const rows = [
      ['目标文件与当前项目的目标模式不匹配', '执行钩子脚本时出错，退出状态为十二'],
      ['字符集', '自动检测'],
    ] as const;
    const png = await drawnShot(browser(), form(rows, 'WenQuanYi Micro Hei', false), 'WenQuanYi Micro Hei');
    const words = lineCells(await recognizeBytes(png)).map((l) => l.words);
    expect(words.join('')).toBe(rows.flat().join(''));
  });

  it('still reads the rows of a monospaced table row by row', async () => {
    const rows = [
      ['total used free', 'shared buff cache'],
      ['Mem 23Gi 738Mi', '21Gi 9Mi 1Gi'],
      ['Swap 512Mi 12Mi', '500Mi'],
    ];
    const html = `<pre id="shot" style="display:inline-block;margin:0;padding:12px;background:#111;color:#ddd;font:${testFont('15px', 'DejaVu Sans Mono')}">${rows.map(([a, b]) => `${a!.padEnd(20)}${b}`).join('\n')}</pre>`;
    const png = await drawnShot(browser(), html, 'DejaVu Sans Mono');
    // Word spaces aside (a terminal's are runs of spaces): the order is what is checked here.
    const words = lineCells(await recognizeBytes(png)).map((l) => l.words.replace(/\s+/g, ''));
    expect(words.join('')).toBe(rows.flat().join('').replace(/\s+/g, ''));
  });

  it('reads labels ending in a colon as a column of labels, each level with its value', async () => {
    const rows = [
      ['Git dir:', '/home/dev/src/project/.git'],
      ['Out dir:', '/home/dev/src/project/build'],
    ];
    const html = `<div id="shot" style="display:inline-grid;grid-template-columns:auto auto;gap:2px 24px;padding:12px;background:#fff;color:#111;font:${testFont('15px', 'DejaVu Sans')}">${rows
      .flat()
      .map((t) => `<div>${t}</div>`)
      .join('')}</div>`;
    const png = await drawnShot(browser(), html, 'DejaVu Sans');
    expect(lineCells(await recognizeBytes(png)).map((l) => l.words)).toEqual(rows.flat());
  });
});
