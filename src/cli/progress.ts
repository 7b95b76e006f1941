/**
 * A progress line on stderr for long jobs (`导入 250/500`). On a terminal it rewrites one line;
 * piped into a log it prints a line at every tenth of the way, so logs stay short.
 */
export class Progress {
  private lastTenth = -1;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: (done: number, total: number) => string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    if (this.total === 0) return;
    if (this.stream.isTTY) {
      this.stream.write(`\r${this.label(done, this.total)}`);
      if (done >= this.total) this.stream.write('\n');
      return;
    }
    const tenth = Math.floor((done * 10) / this.total);
    if (tenth > this.lastTenth || done >= this.total) {
      this.lastTenth = tenth;
      this.stream.write(`${this.label(done, this.total)}\n`);
    }
  }

  /** Ends an interrupted line on a terminal, so the next message starts on its own line. */
  abort(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
