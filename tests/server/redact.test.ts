// Tokens kept out of logs (app/server/redact.ts), and query names read as ASP.NET reads them (routes/open-api.ts).
import { describe, expect, it } from 'vitest';
import { redactTokens } from '../../app/server/redact.js';
import { lowerCaseQuery } from '../../app/server/routes/open-api.js';

describe('log hygiene and query names', () => {
  it.each([
    ['/Code.ashx?op=code&app=api&token=secret&type=0', '/Code.ashx?op=code&app=api&token=[redacted]&type=0'],
    ['/Code.ashx?TOKEN=secret', '/Code.ashx?TOKEN=[redacted]'],
    ['/Code.ashx?token=a&x=1&Token=b', '/Code.ashx?token=[redacted]&x=1&Token=[redacted]'],
    ['/health', '/health'],
  ])('redacts %s', (url, expected) => {
    expect(redactTokens(url)).toBe(expected);
  });

  it('lower-cases parameter names and keeps the first of a repeated one', () => {
    expect(lowerCaseQuery({ OP: 'Code', Token: 't', type: ['1', '2'] })).toEqual({ op: 'Code', token: 't', type: '1' });
  });
});
