// A one-line progress bar on stderr, drawn only when stderr is a terminal (never in pipes or logs).
export class ProgressBar {
  private readonly enabled: boolean;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(stream.isTTY) && total > 1;
  }

  update(done: number, label: string): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const elapsed = (performance.now() - this.started) / 1000;
    const eta = done > 0 ? (elapsed / done) * (this.total - done) : 0;
    const columns = this.columns();
    const line = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${this.total} ${eta > 0 ? `~${eta.toFixed(0)}s left ` : ''}${label}`;
    this.stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
  }

  /** Clears the bar so that messages and the shell prompt start on a clean line. */
  clear(): void {
    if (this.enabled) this.stream.write(`\r${' '.repeat(this.columns() - 1)}\r`);
  }

  /** The terminal's width; some CI and IDE terminals report 0 (or nothing): then 80. */
  private columns(): number {
    const reported = this.stream.columns;
    return Number.isInteger(reported) && reported > 0 ? reported : 80;
  }
}
