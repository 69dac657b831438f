// When the built-in server cannot read anything (no engine node can load its models), the app
// says why at once, in the tray and in a notification, and a request gets state 3 with the
// reason instead of waiting out the deadline. The nodes here are real; they fail because the
// reading language they are given does not exist, a failure they report like a missing model.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppController } from '../../main/controller.js';
import { startEmbeddedServer } from '../../main/server/embedded.js';
import { startServer, type RunningServer } from '../../app/server/start.js';
import { docImage } from '../server/server-helpers.js';
import { fakePlatform } from '../fakes/platform.js';

const unloadable = 'klingon';
let server: RunningServer | undefined;
afterAll(() => server?.close());

describe('engine nodes that cannot load', () => {
  it("the server answers state 3 with the nodes' reason at once, and /health says failed", async () => {
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      nodes: 2,
      readingLanguage: unloadable,
      dataDir: mkdtempSync(path.join(tmpdir(), 'ocr-unloadable-')),
      logger: false,
    });
    await expect(server.pool.ready).rejects.toThrow(
      /no engine node could load the OCR models: the language must be auto/,
    );
    const token = server.tokens.add(10).token;
    const started = performance.now();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(docImage)], { type: 'image/png' }), 'shot.png');
    const response = await fetch(`${server.url}/Code.ashx?op=code&app=api&token=${token}`, {
      method: 'POST',
      body: form,
    });
    const body = (await response.json()) as { state: number; message?: string };
    expect(body.state).toBe(3);
    expect(body.message).toMatch(
      /no engine node could load the OCR models: the language must be auto, .* not "klingon"/,
    );
    // Well inside the 20 s wait budget and the 60 s deadline: nothing waited for a node.
    expect(performance.now() - started).toBeLessThan(5_000);
    const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string; failure?: string };
    expect(health).toMatchObject({ status: 'failed', failure: expect.stringContaining('the language must be') });
    // Failures are not charged.
    const count = (await (await fetch(`${server.url}/Code.aspx?op=count&app=api&token=${token}`)).json()) as {
      TodayCount: number;
    };
    expect(count.TodayCount).toBe(0);
  });

  it('the app shows the reason in the tray and in one notification, instead of a quota', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'ocr-unloadable-app-'));
    const platform = fakePlatform();
    const controller = new AppController(platform, {
      userData,
      startEmbedded: () => startEmbeddedServer(userData, { readingLanguage: unloadable }),
      quit: () => {},
      log: () => {},
    });
    controller.start();
    const view = await controller.quota.refresh();
    expect(view.error).toMatch(
      /^The built-in OCR server could not start: no engine node could load the OCR models: the language must be/,
    );
    expect(platform.tray.labels()).toContain(`Quota unknown: ${view.error}`);
    expect(platform.notifier.shown).toContainEqual({ title: 'OCR Assistant cannot read text', body: view.error });
    await controller.quota.refresh();
    expect(platform.notifier.shown.filter((n) => n.title === 'OCR Assistant cannot read text')).toHaveLength(1);
    await controller.stop();
  });
});
