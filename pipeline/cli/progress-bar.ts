/** A progress bar on a terminal, shown only once the work has taken more than a second. */
export class ProgressBar {
  private total = 0;
  private done = 0;
  private shown = false;
  private timer?: NodeJS.Timeout;
  private readonly began = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(total: number): void {
    this.total = total;
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }

  tick(): void {
    this.done++;
    this.draw();
  }

  private draw(): void {
    if (this.total === 0 || Date.now() - this.began < 1000) return;
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const seconds = ((Date.now() - this.began) / 1000).toFixed(0);
    this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} editions, ${seconds} s`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }
}
