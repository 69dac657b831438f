// trans= in the many-machine mode: a node host reads, the front that took the job translates
// (with its own --translator) and stores the translation over the host's answer, for idcode too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrResponse, TextCellInfo } from '../../app/protocol/index.js';
import { docImage, imageBlob, json, multipartBody } from '../server/server-helpers.js';
import type { ApiHarness, ApiUnderTest } from '../server/server-helpers.js';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../fixtures/translators.js';
import { redisHarness, redisMissing } from './redis-helpers.js';

describe.skipIf(redisMissing)('trans= with fronts over Redis', () => {
  let harness: ApiHarness;
  let front: ApiUnderTest;
  let translator: FakeLibreTranslate;

  beforeAll(async () => {
    translator = await startFakeLibreTranslate();
    harness = redisHarness();
    front = await harness.start({ translator: `libretranslate:${translator.url}` });
  }, 120_000);
  afterAll(async () => {
    await front?.close();
    await harness?.close();
    await translator?.close();
  });

  it('translates on the front: the answer and idcode both carry each line with its translation', async () => {
    const { payload, headers } = await multipartBody({ file: imageBlob(docImage) });
    const answer: OcrResponse = json(
      await front.app.inject({
        method: 'POST',
        url: `/Code.ashx?op=code&app=api&token=${front.token}&trans=es`,
        payload,
        headers,
      }),
    );
    expect(answer.state).toBe(2);
    expect(answer.processName).toMatch(/^hostA-0[12]$/);
    const lines = JSON.parse(answer.result!.verticalText!) as TextCellInfo[];
    expect(lines.every((l) => l.trans?.replace(/\s/g, '') === l.words.toUpperCase().replace(/\s/g, ''))).toBe(true);
    expect(translator.requests.at(-1)).toMatchObject({ source: 'en', target: 'es' });
    const polled = json(
      await front.app.inject({
        method: 'POST',
        url: `/Code.ashx?op=idcode&app=api&token=${front.token}`,
        payload: { id: answer.id },
      }),
    ) as OcrResponse[];
    expect(polled[0]!.result!.transText).toBe(answer.result!.transText);
  }, 120_000);
});
