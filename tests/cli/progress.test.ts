// The CLI's progress bar on terminals of any width, including those that report 0 columns
// (`stty cols 0`, some CI and IDE terminals): the bar must never throw and lose the results.
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../app/cli/progress.js';

/** A terminal stream of `columns` width that keeps what is written to it. */
function terminal(columns: number | undefined) {
  const written: string[] = [];
  const stream = { isTTY: true, columns, write: (chunk: string) => written.push(chunk) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe('the CLI progress bar', () => {
  it.each([0, 1, 2, 5, undefined, Number.NaN])('draws and clears on a terminal of %s columns', (columns) => {
    const { stream, written } = terminal(columns);
    const bar = new ProgressBar(3, stream);
    bar.update(1, 'first.png');
    bar.update(3, 'last.png');
    bar.clear();
    expect(written).toHaveLength(3);
    const width = columns && columns > 0 ? columns : 80;
    for (const chunk of written) expect(chunk.replace(/[\r]/g, '').length).toBeLessThanOrEqual(width - 1);
  });

  it('fits its line to a wide terminal, with the count and the file', () => {
    const { stream, written } = terminal(120);
    new ProgressBar(4, stream).update(2, 'page-2.png');
    expect(written[0]).toMatch(/^\r\[#{12} {12}\] 2\/4 .*page-2\.png/);
    expect(written[0]!.length).toBe(1 + 119);
  });

  it('draws nothing when stderr is not a terminal (a pipe, a log)', () => {
    const { stream, written } = terminal(80);
    (stream as { isTTY: boolean }).isTTY = false;
    new ProgressBar(4, stream).update(1, 'a.png');
    expect(written).toEqual([]);
  });
});
