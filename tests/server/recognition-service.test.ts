// The Open API operations free of HTTP (app/server/recognition-service.ts).
import { describe, expect, it } from 'vitest';
import { ResultStore } from '../../app/server/result-store.js';
import { TokenStore } from '../../app/server/token-store.js';
import { tempDataDir } from './server-helpers.js';
import type { OcrResponse } from '../../app/protocol/index.js';
import path from 'node:path';
import { RecognitionService } from '../../app/server/recognition-service.js';
import { ImageBed } from '../../app/server/image-bed.js';
import { resolveServerConfig } from '../../app/server/config.js';
import { defaultEngineConfig } from '../../app/engine/config.js';
import type { JobRunner } from '../../app/server/backend.js';

describe('RecognitionService', () => {
  it('answers a job the queue could not take with state 3, and idcode says so too, not pending', async () => {
    const dataDir = tempDataDir();
    const config = resolveServerConfig({ dataDir });
    const tokens = TokenStore.open(dataDir);
    const { token } = tokens.add(10);
    const results = new ResultStore(60_000, 10);
    const runner: JobRunner = {
      submit: async () => {
        throw new Error('connection to the job queue lost');
      },
      status: () => ({ nodes: [], queued: 0 }),
      close: async () => {},
    };
    const service = new RecognitionService(
      config,
      tokens,
      runner,
      results,
      new ImageBed(path.join(dataDir, 'uploads'), config.uploads, defaultEngineConfig.limits),
    );
    const { body } = await service.code({
      token,
      query: {},
      origin: 'http://127.0.0.1',
      readInput: async () => ({ kind: 'bytes', bytes: Buffer.from('any image bytes: the runner fails first') }),
    });
    expect(body).toMatchObject({ state: 3, message: expect.stringMatching(/connection to the job queue lost/) });
    expect(await service.idcode(token, (body as OcrResponse).id)).toEqual([body]);
    // its unit of quota was given back
    expect(tokens.count(token)).toEqual({ Account: 'api', TodayCount: 0, LimitCount: 10 });
    expect(tokens.admit(token, 'next').ok).toBe(true);
    tokens.close();
  });
});
