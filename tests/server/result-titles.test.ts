// A result's documents are titled with the name of the file the image came in (as a viewer's
// title bar shows it), not "OCR result"; an upload with a generic name keeps the generic title.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrResponse } from '../../app/protocol/index.js';
import { docImage, json, testServer, type TestServer } from './server-helpers.js';

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => {
  server = await testServer();
}, 60_000);
afterAll(() => server?.close());

async function pdfTitleOf(filename: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(docImage)], { type: 'image/png' }), filename);
  const encoded = new Response(form);
  const response: OcrResponse = json(
    await server.app.inject({
      method: 'POST',
      url: `/Code.ashx?op=code&app=api&token=${server.token}`,
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type')! },
    }),
  );
  const pdf = response.result!.files!.find((f) => f.fileType === 1)!;
  const file = await server.app.inject({ method: 'GET', url: new URL(pdf.url).pathname });
  const saved = path.join(mkdtempSync(path.join(tmpdir(), 'ocr-title-')), 'result.pdf');
  writeFileSync(saved, file.rawPayload);
  const { stdout } = await run('pdfinfo', [saved]);
  return /^Title:\s+(.*)$/m.exec(stdout)?.[1] ?? '';
}

describe("result documents' titles", () => {
  it('are the name of the file the image came in', async () => {
    expect(await pdfTitleOf('C:\\Users\\ana\\invoice-scan.png')).toBe('invoice-scan.png');
  }, 60_000);

  it('stay "OCR result" for the names clients give every upload', async () => {
    expect(await pdfTitleOf('image.png')).toBe('OCR result');
    expect(await pdfTitleOf('blob')).toBe('OCR result');
  }, 60_000);
});
