// `serve`, `token` and `recognize --server` as a user runs them: separate processes, one data folder.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGroundTruth } from '../bench/bench-data.js';
import { tempDataDir } from '../server/server-helpers.js';
import { cli, spawnServe, type ServeProcess } from './cli-helpers.js';

const { dir } = readGroundTruth('screens');
const docImage = path.join(dir, 'public-018-doc-en.png');
const zhImage = path.join(dir, 'public-005-ui-zh.png');

const data = tempDataDir();
let serve: ServeProcess;
let serverUrl: string;

beforeAll(async () => {
  serve = await spawnServe(['--port', '0', '--nodes', '1', '--data', data, '--log-level', 'warn']);
  serverUrl = serve.url;
});
afterAll(() => {
  if (serve.process.exitCode === null) serve.process.kill('SIGKILL');
});

describe('ocr-assistant serve and token', () => {
  it('tells the operator that there are no tokens yet', () => {
    expect(serve.log()).toMatch(/No tokens yet: make one with {2}ocr-assistant token add --data/);
  });

  it('token add prints the token as its last line; list shows its label and count; remove takes it away', async () => {
    const added = await cli('token', 'add', '--limit', '5', '--data', data);
    expect(added.code).toBe(0);
    const token = added.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^ocr_/);
    const listed = await cli('token', 'list', '--data', data);
    expect(listed.stdout).toContain(`${token.slice(0, 12)}…  today 0/5`);
    expect(listed.stdout).not.toContain(token);
    expect((await cli('token', 'remove', `${token.slice(0, 12)}…`, '--data', data)).code).toBe(0);
    expect((await cli('token', 'list', '--data', data)).stdout).not.toContain(token.slice(0, 12));
    expect((await cli('token', 'remove', token, '--data', data)).code).toBe(1);
    expect((await cli('token', 'add', '--limit', 'lots', '--data', data)).code).toBe(2);
  });

  it('recognize --server prints the same JSON as the engine in-process, and counts it', async () => {
    const token = (await cli('token', 'add', '--data', data)).stdout.trim().split('\n').at(-1)!;
    const remote = await cli('recognize', '--jsonl', '--server', serverUrl, '--token', token, docImage, zhImage);
    const local = await cli('recognize', '--jsonl', docImage, zhImage);
    expect(remote.code).toBe(0);
    // The same but for the id and the server's links to its result files (a CLI serves none).
    const comparable = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .map((line) => {
          const response = JSON.parse(line);
          return { ...response, id: undefined, result: { ...response.result, files: undefined } };
        });
    const remoteResponses = comparable(remote.stdout);
    expect(remoteResponses).toEqual(comparable(local.stdout));
    expect(JSON.parse(remote.stdout.split('\n')[0]!).result.files.length).toBeGreaterThan(0);
    expect(remoteResponses[0].result.autoText).toContain('The Program');
    const count = await (await fetch(`${serverUrl}/Code.aspx?op=count&app=api&token=${token}`)).json();
    expect(count.TodayCount).toBe(2);
  });

  it('recognize --server stops with a clear message on a bad token or an unreachable server', async () => {
    const refused = await cli('recognize', '--server', serverUrl, '--token', 'wrong', docImage);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/token is invalid/);
    const missing = await cli('recognize', '--server', serverUrl, docImage);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--server needs --token/);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => serve.process.on('exit', resolve));
    serve.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(serve.log()).toMatch(/stopping/);
  });
});
