/**
 * Progress on stderr: a redrawn bar on a terminal, a line every few seconds otherwise (CI logs).
 */
export class Progress {
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, detail = ''): void {
    const now = Date.now();
    const final = done >= this.total;
    if (!final && now - this.last < (this.stream.isTTY ? 100 : 5000)) return;
    this.last = now;
    const pct = this.total ? Math.floor((100 * done) / this.total) : 100;
    const rate = done / Math.max(0.001, (now - this.started) / 1000);
    const text = `${this.label} ${done}/${this.total} (${pct}%) ${rate.toFixed(0)}/s ${detail}`;
    if (this.stream.isTTY) {
      const width = 24;
      const filled = Math.round((width * pct) / 100);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`.slice(0, (this.stream.columns ?? 100) - 1).padEnd(Math.min(100, (this.stream.columns ?? 100) - 1)));
      if (final) this.stream.write('\n');
    } else {
      this.stream.write(`${text}\n`);
    }
  }
}
