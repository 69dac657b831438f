// The Open API as shared/API.md describes it, row by row, through inject(): each input form,
// each op, each state, the Tips answers, `no` answers, expiry and counts after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchImage } from '../engine/engine-helpers.js';
import { printPdf } from '../fixtures/pdf-document.js';
import { typesetForm } from '../formula/formula-helpers.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
import {
  docImage,
  imageBlob,
  json,
  multipartBody,
  uiImage,
  type ApiHarness,
  type ApiUnderTest,
} from './server-helpers.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The whole suite against one kind of server: this machine's (conformance.test.ts) or a Redis front's. */
export function conformanceSuite(harness: ApiHarness) {
  let server: ApiUnderTest;
  beforeAll(async () => {
    server = await harness.start();
  });
  afterAll(async () => {
    await server.close();
    await harness.close();
  });

  const q = (op: string, extra = '') => `/Code.ashx?op=${op}&app=api&token=${server.token}${extra}`;

  /** Asks idcode every 100 ms until the response is no longer pending (10 s at most). */
  async function pollIdcode(target: ApiUnderTest, id: string) {
    let answer;
    for (let i = 0; i < 100; i++) {
      answer = json(
        await target.app.inject({
          method: 'POST',
          url: `/Code.ashx?op=idcode&app=api&token=${target.token}`,
          payload: id,
          headers: { 'content-type': 'text/plain' },
        }),
      );
      if (answer[0].state !== 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return answer;
  }

  async function postFile(url: string, bytes: Uint8Array = docImage, field = 'file') {
    const body = await multipartBody({ [field]: imageBlob(bytes) });
    return server.app.inject({ method: 'POST', url, ...body });
  }

  describe('op=code', () => {
    it('recognizes a multipart file under any field name and answers in the API shape', async () => {
      const response = await postFile(q('code', '&type=0'), docImage, 'pic');
      expect(response.statusCode).toBe(200);
      const body = json(response);
      expect(body).toMatchObject({ ocrType: 0, state: 2 });
      expect(body.id).toMatch(uuid);
      expect(body.processName).toMatch(harness.processName);
      expect(body.processId).toBe(Number(body.processName.slice(-2)));
      expect(body.result.autoText).toContain(
        '"The Program" refers to any copyrightable work licensed under this License.',
      );
      expect(body.result.spiltText).toMatch(/\t\n/);
      expect(body.result).toMatchObject({ resultType: 0, lang: 'eng' });
      const cells = JSON.parse(body.result.verticalText);
      expect(cells[0]).toMatchObject({ pageIndex: 0, location: { left: expect.any(Number), top: expect.any(Number) } });
      // Fields whose value is null are left out, at every level.
      expect(response.body).not.toContain('null');
      expect(body).not.toHaveProperty('message');
    });

    it('takes a code field with base64, with or without a data: header', async () => {
      for (const code of [docImage.toString('base64'), `data:image/png;base64,${docImage.toString('base64')}`]) {
        const response = await server.app.inject({
          method: 'POST',
          url: q('code'),
          payload: new URLSearchParams({ code }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(json(response)).toMatchObject({ state: 2, ocrType: 0 });
      }
    });

    it('takes a multipart code field and a plain-text base64 body (with or without a content type)', async () => {
      const form = await multipartBody({ code: docImage.toString('base64') });
      expect(json(await server.app.inject({ method: 'POST', url: q('code'), ...form })).state).toBe(2);
      const text = await server.app.inject({
        method: 'POST',
        url: q('code'),
        payload: docImage.toString('base64'),
        headers: { 'content-type': 'text/plain' },
      });
      expect(json(text).result.autoText).toContain('The Program');
      const untyped = await server.app.inject({
        method: 'POST',
        url: q('code'),
        payload: docImage.toString('base64'),
        headers: { 'content-type': '' },
      });
      expect(json(untyped).state).toBe(2);
    });

    it('takes a url field and a plain-text URL (here: an image on its own image bed)', async () => {
      const stored = (await postFile(q('imgUpload'), uiImage)).body;
      const form = await server.app.inject({
        method: 'POST',
        url: q('code'),
        payload: `url=${encodeURIComponent(stored)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(json(form).result.autoText).toContain('Bourne Again Shell');
      const text = await server.app.inject({
        method: 'POST',
        url: q('code'),
        payload: stored,
        headers: { 'content-type': 'text/plain' },
      });
      expect(json(text).state).toBe(2);
    });

    it('answers state 7 with a message for a body without an image, bad base64, a non-image, a bad type or option', async () => {
      const cases: Array<[string, string, RegExp]> = [
        [q('code'), '', /has no image/],
        [q('code'), 'this is not base64 at all!', /not valid base64/],
        [q('code'), Buffer.from('hello, I am text').toString('base64'), /not an image/],
        [q('code', '&type=9'), docImage.toString('base64'), /type "9" is not supported/],
        [q('code', '&half=2'), docImage.toString('base64'), /half="2" must be 1/],
      ];
      for (const [url, payload, message] of cases) {
        const body = json(
          await server.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'text/plain' } }),
        );
        expect(body.state, url).toBe(7);
        expect(body.message).toMatch(message);
        expect(body.id).toMatch(uuid);
      }
    });

    it('reads a formula in type 3: LaTeX in autoText and spiltText, resultType 1, its page at viewUrl, MathML in downloadHtml', async () => {
      const { bytes, truth } = benchImage('formulas', 'public-f009');
      const body = json(await postFile(q('code', '&type=3'), bytes));
      expect(body).toMatchObject({ state: 2, ocrType: 3, result: { resultType: 1, lang: 'math' } });
      expect(typesetForm(body.result.autoText)).toBe(typesetForm(truth.text));
      expect(body.result.spiltText).toBe(body.result.autoText);
      expect(body.result.downloadHtml).toMatch(
        /^<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML" display="block">/,
      );
      expect(body.result.downloadHtml).toContain('<msqrt>');

      // The page typesets the formula with KaTeX's own CSS and fonts, from this server: it renders offline.
      const page = await server.app.inject({ method: 'GET', url: new URL(body.result.viewUrl).pathname });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(page.body).toContain('class="katex-display"');
      expect(page.body).toContain('href="/katex/katex.min.css"');
      const css = await server.app.inject({ method: 'GET', url: '/katex/katex.min.css' });
      expect(css.statusCode).toBe(200);
      const fontUrl = /url\((fonts\/KaTeX_Main-Regular\.woff2)\)/.exec(css.body)?.[1];
      expect(fontUrl).toBeDefined();
      const font = await server.app.inject({ method: 'GET', url: `/katex/${fontUrl}` });
      expect(font.statusCode).toBe(200);
      expect(font.headers['content-type']).toBe('font/woff2');
      for (const outside of ['/katex/../package.json', '/katex/%2e%2e/package.json', '/katex/katex.js']) {
        expect((await server.app.inject({ method: 'GET', url: outside })).statusCode, outside).toBe(404);
      }
      expect(
        (await server.app.inject({ method: 'GET', url: '/view/00000000-0000-0000-0000-000000000000' })).statusCode,
      ).toBe(404);

      const markdown = body.result.files.find((f: { fileType: number }) => f.fileType === 6);
      expect((await server.app.inject({ method: 'GET', url: new URL(markdown.url).pathname })).body).toBe(
        `$$\n${body.result.autoText}\n$$\n`,
      );
    });

    it('answers a snip of ordinary text in type 3 as text mode does (resultType 0)', async () => {
      const body = json(await postFile(q('code', '&type=3'), docImage));
      expect(body).toMatchObject({ state: 2, ocrType: 3, result: { resultType: 0 } });
      expect(body.result.autoText.length).toBeGreaterThan(40);
      expect(body.result.viewUrl).toBeUndefined();
    });

    it('reads a table in type 2: rows of cells in spiltText, tab-separated autoText, an HTML table', async () => {
      const { bytes, truth } = benchImage('screens', 'public-032-table-borderless-mixed');
      const body = json(await postFile(q('code', '&type=2'), bytes));
      expect(body).toMatchObject({ state: 2, ocrType: 2, result: { resultType: 2 } });
      const rows = JSON.parse(body.result.spiltText);
      expect(rows[0]).toEqual(truth.cells![0]);
      expect(rows.length).toBe(truth.cells!.length);
      expect(body.result.autoText.split('\n')[0]).toBe(truth.cells![0]!.join('\t'));
      expect(body.result.downloadHtml).toMatch(/^<table>.*<\/table>$/);
    });

    it('offers result files at URLs of its own, made on request; names and ids it did not hand out get 404', async () => {
      const { bytes, truth } = benchImage('screens', 'public-027-table-bordered-en');
      const body = json(await postFile(q('code', '&type=2'), bytes));
      const files: { url: string; fileType: number; desc: string }[] = body.result.files;
      expect(files.map((f) => f.fileType)).toEqual([4, 2, 1, 3, 6, 5]);
      for (const file of files) {
        const url = new URL(file.url);
        expect(url.pathname).toMatch(new RegExp(`^/files/${body.id}/ocr\\.(xlsx|docx|pdf|pptx|md|txt)$`));
        const response = await server.app.inject({ method: 'GET', url: url.pathname });
        expect(response.statusCode, file.url).toBe(200);
        expect(response.headers['content-disposition']).toMatch(/^attachment; filename="ocr\./);
        expect(response.rawPayload.length).toBeGreaterThan(100);
      }
      const txt = await server.app.inject({
        method: 'GET',
        url: new URL(files.find((f) => f.fileType === 5)!.url).pathname,
      });
      expect(txt.body.split('\n')[0]).toBe(truth.cells![0]!.join('\t'));
      const pdf = await server.app.inject({
        method: 'GET',
        url: new URL(files.find((f) => f.fileType === 1)!.url).pathname,
      });
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.headers['content-type']).toBe('application/pdf');
      // a text result offers no spreadsheet; names and ids not handed out are refused
      const text = json(await postFile(q('code')));
      expect(text.result.files.map((f: { fileType: number }) => f.fileType)).toEqual([2, 1, 3, 6, 5]);
      for (const url of [
        `/files/${text.id}/ocr.xlsx`,
        `/files/${text.id}/../tokens.sqlite`,
        '/files/00000000-0000-0000-0000-000000000000/ocr.txt',
        `/files/${text.id}/ocr.exe`,
      ]) {
        expect((await server.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      }
    });

    it('reads a PDF: each page in verticalText with its pageIndex, and a searchable PDF of every page in files', async () => {
      const pdf = await printPdf([['First page of the report'], ['Second page of the report']]);
      const body = json(await postFile(q('code'), pdf));
      expect(body.state).toBe(2);
      const lines = JSON.parse(body.result.verticalText) as { words: string; pageIndex: number }[];
      expect(lines.map((l) => [l.words.replace(/\s+/g, ''), l.pageIndex])).toEqual([
        ['Firstpageofthereport', 0],
        ['Secondpageofthereport', 1],
      ]);
      const file = body.result.files.find((f: { fileType: number }) => f.fileType === 1);
      const searchable = await server.app.inject({ method: 'GET', url: new URL(file.url).pathname });
      expect(searchable.statusCode).toBe(200);
      const file_ = path.join(mkdtempSync(path.join(tmpdir(), 'ocr-pdf-')), 'report.pdf');
      writeFileSync(file_, searchable.rawPayload);
      expect((await run('pdfinfo', [file_])).stdout).toMatch(/Pages:\s+2/);
      expect((await run('pdftotext', ['-f', '2', '-l', '2', file_, '-'])).stdout.replace(/\s+/g, '')).toBe(
        'Secondpageofthereport',
      );
    });

    it('matches paths, op values and parameter names case-insensitively, on either path, by GET or POST', async () => {
      const upper = await postFile(`/CODE.ASHX?OP=CODE&APP=api&TOKEN=${server.token}`);
      expect(json(upper).state).toBe(2);
      const count = await server.app.inject({
        method: 'GET',
        url: `/code.aspx?op=Count&app=api&Token=${server.token}`,
      });
      expect(json(count)).toMatchObject({ Account: 'api', LimitCount: expect.any(Number) });
      const countByPost = await server.app.inject({
        method: 'POST',
        url: `/Code.ashx?op=count&app=api&token=${server.token}`,
      });
      expect(json(countByPost)).toEqual(json(count));
    });
  });

  describe('tokens and quotas', () => {
    it('answers a bad or missing token with the original Tips form', async () => {
      for (const url of ['/Code.ashx?op=code&app=api&token=nope&type=1', '/Code.ashx?op=code&app=api&type=1']) {
        const body = json(
          await server.app.inject({
            method: 'POST',
            url,
            payload: docImage.toString('base64'),
            headers: { 'content-type': 'text/plain' },
          }),
        );
        expect(Object.keys(body).sort()).toEqual(['id', 'ocrType', 'processName', 'result']);
        expect(body).toMatchObject({ ocrType: 1, processName: 'Tips', id: 1 });
        expect(body.result.autoText).toMatch(/token is invalid/);
        expect(body.result.spiltText).toBe(body.result.autoText);
      }
    });

    it('counts successes only; a used-up quota gets the Tips answer, and count says what is left', async () => {
      const token = await server.addToken(2);
      const url = `/Code.ashx?op=code&app=api&token=${token}`;
      const countOf = async () =>
        json(await server.app.inject({ method: 'GET', url: `/Code.aspx?op=count&app=api&token=${token}` }));
      expect(await countOf()).toEqual({ Account: 'api', TodayCount: 0, LimitCount: 2 });
      const refused = await server.app.inject({
        method: 'POST',
        url,
        payload: 'bm90IGFuIGltYWdl',
        headers: { 'content-type': 'text/plain' },
      });
      expect(json(refused).state).toBe(7);
      expect(await countOf()).toEqual({ Account: 'api', TodayCount: 0, LimitCount: 2 });
      for (let i = 0; i < 2; i++) expect(json(await postFile(url)).state).toBe(2);
      expect(await countOf()).toEqual({ Account: 'api', TodayCount: 2, LimitCount: 0 });
      const tips = json(await postFile(url));
      expect(tips).toMatchObject({ processName: 'Tips', id: 1 });
      expect(tips.result.autoText).toMatch(/quota has been exhausted/);
    });

    it('answers count for a bad token with all zeros', async () => {
      const body = json(await server.app.inject({ method: 'GET', url: '/Code.aspx?op=count&app=api&token=wrong' }));
      expect(body).toEqual({ Account: 'api', TodayCount: 0, LimitCount: 0 });
    });

    it('keeps counts across a restart of the server', async () => {
      const token = await server.addToken(50);
      expect(json(await postFile(`/Code.ashx?op=code&app=api&token=${token}`)).state).toBe(2);
      // A second server over the same data folder (or Redis), as after a restart.
      const reopened = await harness.start({ dataDir: server.config.dataDir });
      const body = json(
        await reopened.app.inject({ method: 'GET', url: `/Code.aspx?op=count&app=api&token=${token}` }),
      );
      expect(body).toEqual({ Account: 'api', TodayCount: 1, LimitCount: 49 });
      await reopened.close();
    });
  });

  describe('op=idcode', () => {
    it('returns the response as a one-element array, by form field or plain text', async () => {
      const first = json(await postFile(q('code')));
      const byForm = await server.app.inject({
        method: 'POST',
        url: q('idcode'),
        payload: `id=${first.id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(json(byForm)).toEqual([first]);
      const byText = await server.app.inject({
        method: 'POST',
        url: q('idcode'),
        payload: first.id,
        headers: { 'content-type': 'text/plain' },
      });
      expect(json(byText)).toEqual([first]);
    });

    it("answers plain-text no for an unknown id, and for another token's id", async () => {
      const unknown = await server.app.inject({
        method: 'POST',
        url: q('idcode'),
        payload: '00000000-0000-0000-0000-000000000000',
        headers: { 'content-type': 'text/plain' },
      });
      expect(unknown.body).toBe('no');
      expect(unknown.headers['content-type']).toMatch(/^text\/plain/);
      const mine = json(await postFile(q('code')));
      const other = await server.addToken(10);
      const theirs = await server.app.inject({
        method: 'POST',
        url: `/Code.ashx?op=idcode&app=api&token=${other}`,
        payload: mine.id,
        headers: { 'content-type': 'text/plain' },
      });
      expect(theirs.body).toBe('no');
    });
  });

  describe('asynchronous answers and expiry', () => {
    let quick: ApiUnderTest;
    beforeAll(async () => {
      // No wait budget: every op=code answers state 0 at once; results live 1.5 s.
      quick = await harness.start({ waitBudgetMs: 0, resultTtlMs: 1500 });
    });
    afterAll(() => quick.close());

    it('answers state 0 with the id, then idcode gives the finished response until it expires', async () => {
      const url = (op: string) => `/Code.ashx?op=${op}&app=api&token=${quick.token}`;
      const form = await multipartBody({ file: imageBlob(docImage) });
      const accepted = json(await quick.app.inject({ method: 'POST', url: url('code'), ...form }));
      expect(accepted).toEqual({ id: expect.stringMatching(uuid), ocrType: 0, state: 0 });
      const polled = await pollIdcode(quick, accepted.id);
      expect(polled[0]).toMatchObject({
        id: accepted.id,
        state: 2,
        processName: expect.stringMatching(harness.processName),
      });
      expect(polled[0].result.autoText).toContain('The Program');
      const pdfPath = new URL(polled[0].result.files.find((f: { fileType: number }) => f.fileType === 1).url).pathname;
      expect((await quick.app.inject({ method: 'GET', url: pdfPath })).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 1600));
      const expired = await quick.app.inject({
        method: 'POST',
        url: url('idcode'),
        payload: accepted.id,
        headers: { 'content-type': 'text/plain' },
      });
      expect(expired.body).toBe('no');
      expect((await quick.app.inject({ method: 'GET', url: pdfPath })).body).toBe('no');
    });
  });

  describe('state 6: requests in flight per token', () => {
    let narrow: ApiUnderTest;
    beforeAll(async () => {
      narrow = await harness.start({ waitBudgetMs: 0, maxInFlightPerToken: 1 });
    });
    afterAll(() => narrow.close());

    it('refuses a second request while the first is still in flight, and takes it once the first is done', async () => {
      const url = (op: string) => `/Code.ashx?op=${op}&app=api&token=${narrow.token}`;
      const send = async () =>
        json(
          await narrow.app.inject({
            method: 'POST',
            url: url('code'),
            ...(await multipartBody({ file: imageBlob(docImage) })),
          }),
        );
      const first = await send();
      expect(first.state).toBe(0);
      const second = await send();
      expect(second.state).toBe(6);
      expect(second.message).toMatch(/in flight/);
      expect((await pollIdcode(narrow, first.id))[0].state).toBe(2);
      expect((await send()).state).toBe(0);
    });
  });

  describe('op=imgUpload', () => {
    it('stores an image and serves it at the absolute URL it answers', async () => {
      const response = await postFile(q('imgUpload'), uiImage);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      const url = new URL(response.body);
      expect(url.pathname).toMatch(/^\/uploads\/[0-9a-f-]{36}\.png$/);
      const served = await server.app.inject({ method: 'GET', url: url.pathname });
      expect(served.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(served.rawPayload, uiImage)).toBe(0);
    });

    it('answers no for a file that is not an image, no file, or a bad token', async () => {
      expect((await postFile(q('imgUpload'), Buffer.from('<svg onload="alert(1)"/>'))).body).toBe('no');
      expect(
        (
          await server.app.inject({
            method: 'POST',
            url: q('imgUpload'),
            payload: '',
            headers: { 'content-type': 'text/plain' },
          })
        ).body,
      ).toBe('no');
      expect((await postFile('/Code.ashx?op=imgUpload&app=api&token=bad', uiImage)).body).toBe('no');
      expect((await server.app.inject({ method: 'GET', url: '/uploads/..%2Ftokens.sqlite' })).statusCode).toBe(404);
    });
  });

  describe('GET /health', () => {
    it('names the nodes and what they have done', async () => {
      const body = json(await server.app.inject({ method: 'GET', url: '/health' }));
      expect(body.status).toBe('ok');
      expect(body.nodes.map((n: { name: string }) => n.name)).toEqual(harness.nodeNames);
      expect(body.nodes.reduce((sum: number, n: { jobsDone: number }) => sum + n.jobsDone, 0)).toBeGreaterThan(5);
    });
  });

  describe('logs', () => {
    it('carry a request id and the outcome, and never the token', async () => {
      const lines: string[] = [];
      const logged = await harness.start({}, { level: 'info', stream: { write: (line) => lines.push(line) } });
      const app = logged.app;
      try {
        const form = await multipartBody({ file: imageBlob(docImage) });
        await app.inject({
          method: 'POST',
          url: `/Code.ashx?op=code&app=api&token=${logged.token}`,
          ...form,
          headers: { ...form.headers, 'x-request-id': 'trace-42' },
        });
        await app.inject({ method: 'GET', url: `/Code.aspx?op=count&app=api&TOKEN=${logged.token}` });
        const records = lines.map((line) => JSON.parse(line));
        expect(records.find((r) => r.msg === 'op=code answered')).toMatchObject({
          reqId: 'trace-42',
          state: 2,
          node: expect.stringMatching(harness.processName),
        });
        expect(records.some((r) => r.req?.url?.includes('token=[redacted]'))).toBe(true);
        expect(lines.join('\n')).not.toContain(logged.token);
      } finally {
        await logged.close();
      }
    });
  });
}
