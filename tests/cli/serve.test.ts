// `serve`, `token` and `recognize --server` as a user runs them: separate processes, one data folder.
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGroundTruth } from '../bench/bench-data.js';
import { tempDataDir } from '../server/server-helpers.js';

const exec = promisify(execFile);
const bin = path.resolve(__dirname, '../../bin/ocr-assistant.js');
const { dir } = readGroundTruth('screens');
const docImage = path.join(dir, 'public-018-doc-en.png');
const zhImage = path.join(dir, 'public-005-ui-zh.png');

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { maxBuffer: 32 << 20 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const data = tempDataDir();
let serverProcess: ReturnType<typeof spawn>;
let serverUrl: string;
let serverLog = '';

beforeAll(async () => {
  serverProcess = spawn(process.execPath, [bin, 'serve', '--port', '0', '--nodes', '1', '--data', data, '--log-level', 'warn']);
  serverUrl = await new Promise((resolve, reject) => {
    serverProcess.stderr!.on('data', (chunk) => {
      serverLog += chunk;
      const match = /OCR Open API on (http:\/\/[\d.:]+)\/Code\.ashx/.exec(serverLog);
      if (match?.[1]) resolve(match[1]);
    });
    serverProcess.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${serverLog}`)));
  });
});
afterAll(() => {
  if (serverProcess.exitCode === null) serverProcess.kill('SIGKILL');
});

describe('ocr-assistant serve and token', () => {
  it('tells the operator that there are no tokens yet', () => {
    expect(serverLog).toMatch(/No tokens yet: make one with {2}ocr-assistant token add --data/);
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
    const withoutIds = (stdout: string) => stdout.trim().split('\n').map((line) => ({ ...JSON.parse(line), id: undefined }));
    const remoteResponses = withoutIds(remote.stdout);
    expect(remoteResponses).toEqual(withoutIds(local.stdout));
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
    const exited = new Promise<number | null>((resolve) => serverProcess.on('exit', resolve));
    serverProcess.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(serverLog).toMatch(/stopping/);
  });
});
