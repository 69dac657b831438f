// op=code&trans=: a real Apertium (apertium-apy, eng-spa) and a LibreTranslate-protocol server
// on loopback, a translator that is down, slow or lacks the pair, and none at all. Each answer
// is still the recognition (state 2); the translation comes beside it or `message` says why not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrResponse, TextCellInfo } from '../../app/protocol/index.js';
import { resolveServerConfig } from '../../app/server/config.js';
import type { EngineNodePool } from '../../app/server/nodes/pool.js';
import {
  apertiumMissing,
  startApertium,
  startFakeLibreTranslate,
  type FakeLibreTranslate,
  type RunningTranslator,
} from '../fixtures/translators.js';
import { drawTable, quarterlyResults } from '../fixtures/table-image.js';
import {
  docImage,
  imageBlob,
  json,
  multipartBody,
  newPool,
  testServer,
  uiImage,
  type TestServer,
} from './server-helpers.js';

let pool: EngineNodePool;
let apertium: RunningTranslator | undefined;
let libre: FakeLibreTranslate;
const servers: TestServer[] = [];

beforeAll(async () => {
  pool = newPool(resolveServerConfig({ nodes: 1, dataDir: '' }));
  libre = await startFakeLibreTranslate({ key: 'secret' });
  if (!apertiumMissing) apertium = await startApertium();
}, 60_000);
afterAll(async () => {
  for (const server of servers) await server.close();
  await apertium?.close();
  await libre.close();
  await pool.close();
});

async function serverWith(translator?: string, translationTimeoutMs?: number): Promise<TestServer> {
  const server = await testServer({ translator, translationTimeoutMs }, pool);
  servers.push(server);
  return server;
}

async function read(server: TestServer, image: Uint8Array, query: string): Promise<OcrResponse> {
  const { payload, headers } = await multipartBody({ file: imageBlob(image) });
  return json(
    await server.app.inject({
      method: 'POST',
      url: `/Code.ashx?op=code&app=api&token=${server.token}&${query}`,
      payload,
      headers,
    }),
  );
}

const cells = (response: OcrResponse): TextCellInfo[] => JSON.parse(response.result!.verticalText!);

describe.skipIf(apertiumMissing)('trans= with Apertium (apertium-apy, eng-spa)', () => {
  it('translates an English screenshot into Spanish, paragraph by paragraph, one trans a line', async () => {
    const server = await serverWith(`apertium:${apertium!.url}`);
    const response = await read(server, docImage, 'trans=es');
    expect(response.state).toBe(2);
    expect(response.message).toBeUndefined();
    expect(response.result!.lang).toBe('eng');
    const lines = cells(response);
    // Every line has its translation, and transText is the lines' translations as spiltText has lines.
    expect(lines.every((l) => typeof l.trans === 'string' && l.trans.length > 0)).toBe(true);
    expect(response.result!.transText).toBe(lines.map((l) => `${l.trans}\t\n`).join(''));
    const paragraphs = JSON.parse(response.result!.transLocText!) as TextCellInfo[];
    expect(paragraphs.length).toBe(JSON.parse(response.result!.spiltLocText!).length);
    const spanish = paragraphs.map((p) => p.words).join(' ');
    expect(spanish).toMatch(/El Programa/);
    expect(spanish).toMatch(/Licencia/);
    // The recognized text is untouched.
    expect(response.result!.autoText).toContain('"The Program" refers to any copyrightable work');
  }, 60_000);

  it('says which pairs the translator offers when it lacks the one asked for', async () => {
    const server = await serverWith(`apertium:${apertium!.url}`);
    const response = await read(server, docImage, 'trans=de');
    expect(response.state).toBe(2);
    expect(response.message).toMatch(/Apertium at .* offers no en→de translation \(it offers .*en→es.*\)/);
    expect(response.result!.transText).toBeUndefined();
    expect(cells(response).every((l) => l.trans === undefined)).toBe(true);
  }, 60_000);
});

describe('trans= with a LibreTranslate server', () => {
  it('sends whole paragraphs with the API key, and lays each translation over its lines', async () => {
    const server = await serverWith(`libretranslate:${libre.url}#secret`);
    const before = libre.requests.length;
    const response = await read(server, docImage, 'trans=spa');
    expect(response.state).toBe(2);
    const sent = libre.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ source: 'en', target: 'es', format: 'text', api_key: 'secret' });
    const paragraphs = JSON.parse(response.result!.spiltLocText!) as TextCellInfo[];
    // Paragraphs, not lines: the text sent is the paragraphs' own.
    expect(sent[0]!.q).toEqual(paragraphs.map((p) => p.words));
    expect(paragraphs.length).toBeLessThan(cells(response).length);
    // The capitals come back line for line: each line's trans is its own words in capitals.
    for (const line of cells(response))
      expect(line.trans!.replace(/\s+/g, '')).toBe(line.words.toUpperCase().replace(/\s+/g, ''));
  }, 60_000);

  it('translates a table cell by cell, transText shaped as its rows', async () => {
    const server = await serverWith(`libretranslate:${libre.url}#secret`);
    const response = await read(server, await drawTable(quarterlyResults.table), 'type=2&trans=de');
    expect(response.state).toBe(2);
    const rows = JSON.parse(response.result!.spiltText!) as string[][];
    const transRows = JSON.parse(response.result!.transText!) as string[][];
    expect(transRows).toEqual(rows.map((row) => row.map((cell) => cell.toUpperCase())));
    expect(cells(response).every((c) => c.trans === c.words.toUpperCase())).toBe(true);
  }, 60_000);

  it('answers the recognition, saying why, when the key is refused', async () => {
    const server = await serverWith(`libretranslate:${libre.url}#wrong`);
    const response = await read(server, uiImage, 'trans=es');
    expect(response.state).toBe(2);
    expect(response.message).toMatch(/no translation: LibreTranslate at .*: it answered HTTP 403: Invalid API key/);
    expect(response.result!.autoText).toContain('Bourne Again Shell');
  }, 60_000);
});

describe('when no translation can be had', () => {
  it('says so without a translator, for an unknown language, and when the translator is down', async () => {
    const none = await read(await serverWith(), uiImage, 'trans=es');
    expect(none).toMatchObject({ state: 2, message: expect.stringMatching(/this server has no translator/) });
    const unknown = await read(await serverWith(`libretranslate:${libre.url}`), uiImage, 'trans=klingon');
    expect(unknown.message).toMatch(/"klingon" is not a language code we know/);
    const down = await read(await serverWith('apertium:http://127.0.0.1:9'), uiImage, 'trans=es');
    expect(down).toMatchObject({ state: 2, message: expect.stringMatching(/Apertium at .*: it cannot be reached/) });
  }, 60_000);

  it('does not hold the answer past the translation time for a slow translator', async () => {
    const slow = await startFakeLibreTranslate({ delayMs: 20_000 });
    try {
      const server = await serverWith(`libretranslate:${slow.url}`, 1500);
      const started = performance.now();
      const response = await read(server, uiImage, 'trans=es');
      expect(response.state).toBe(2);
      expect(response.message).toMatch(/no translation: LibreTranslate at .*: it did not answer within 1\.5 s/);
      expect(response.result!.autoText).toContain('Bourne Again Shell');
      // Reading takes well under a second here; the translation may add its 1.5 s, not the translator's 20.
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      await slow.close();
    }
  }, 60_000);
});
