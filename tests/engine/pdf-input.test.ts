// PDFs as input: each page rendered (pdf.js) and read, lines marked with their page. The PDFs
// are made here the way users get them: Chromium prints HTML of known text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cer, lineCells, recognizeBytes, sharedEngine } from './engine-helpers.js';
import { printPdf } from '../fixtures/pdf-document.js';

afterAll(async () => (await sharedEngine()).dispose());

const pages = [
  ['Invoice number 20261114', 'Total due: 1,240.00 EUR', 'Payable within thirty days.'],
  ['Second page of the letter', 'Thank you for your order.'],
];
let pdf: Buffer;
beforeAll(async () => {
  pdf = await printPdf(pages);
});

describe('PDF input', () => {
  it('reads every page in order, each line with its page index', async () => {
    const response = await recognizeBytes(pdf);
    expect(response.state).toBe(2);
    const lines = lineCells(response);
    expect(cer(response.result!.autoText!, pages.flat().join('\n'))).toBeLessThan(0.05);
    // (word spaces aside: the serif print is read with an occasional space lost)
    const onPage = (index: number) =>
      lines.filter((l) => l.pageIndex === index).map((l) => l.words.replace(/\s+/g, ''));
    expect(onPage(0)).toContain('Payablewithinthirtydays.');
    expect(onPage(1)).toEqual(['Secondpageoftheletter', 'Thankyouforyourorder.']);
  });

  it('refuses a damaged PDF with a clear message', async () => {
    const response = await recognizeBytes(Buffer.concat([pdf.subarray(0, 400), Buffer.from('garbage')]));
    expect(response.state).toBe(7);
    expect(response.message).toMatch(/PDF could not be read/);
  });
});
