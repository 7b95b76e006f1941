import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildRegistry } from '../../commands/index.js';
import { bindArgs, parseInput } from '../../src/core/parser.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { LONG_INPUT_SHAPES } from '../../test/fixtures/long-inputs.js';

/**
 * `npm run bench:parser`: how long reading one line takes (parseInput, then bindArgs as the bot
 * does) for lines of 1k, 10k and 100k characters in every shape of test/fixtures/long-inputs.ts,
 * against a baseline measured in the same run on the same line: `line.split(/\s+/)`.
 * Each figure is the median of BENCH_PARSER_RUNS runs (default 7) after one warm-up, with a
 * garbage collection before each run so one run does not pay for the last.
 *
 * `growth` is the 100k CPU time over the 10k one: about 10 when the work grows linearly (it was
 * over 100 for `反映 1 1 1 …` before issue 16). `kept` is the heap the 100k result holds.
 * Last line: `max_parse_ms_100k=<ms> worst_shape=<name> max_growth=<x>`.
 */
const RUNS = Number(process.env.BENCH_PARSER_RUNS ?? 7);
const SIZES = [1_000, 10_000, 100_000];
const NOW = new Date('2026-03-04T02:00:00Z');

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const registry = buildRegistry();
const botNames = zhCN.core.botNames;

function readLine(line: string): unknown {
  const parsed = parseInput(line, registry, { botNames, now: NOW });
  if (parsed.kind === 'command') bindArgs(parsed.command, parsed, NOW);
  return parsed;
}

/** Median wall-clock and CPU milliseconds of `runs` calls of `work`, after one warm-up call. */
function median(work: () => unknown, runs: number): { wall: number; cpu: number } {
  work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    work();
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1e3);
  }
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { wall: middle(walls), cpu: middle(cpus) };
}

/** Bytes of heap the result of reading `line` keeps alive. */
function keptBytes(line: string): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const result = readLine(line);
  collectGarbage();
  const kept = process.memoryUsage().heapUsed - before;
  return result ? kept : 0;
}

const format = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(7);

console.log(`bench:parser — ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} at start, Node ${process.version}`);
console.log(`median of ${RUNS} runs (wall clock; cpu = this process's CPU time, steadier on a busy machine)`);
console.log('baseline: line.split(/\\s+/) of the same 100k line\n');
console.log(
  `${'shape'.padEnd(38)} ${SIZES.map((size) => `${size / 1000}k ms`.padStart(7)).join(' ')}  cpu100k  base100k  ratio  growth  kept(KB)`,
);

let worst = { shape: '', ms: 0, cpu: 0 };
let maxGrowth = 0;
for (const shape of LONG_INPUT_SHAPES) {
  const times = SIZES.map((size) => {
    const line = shape.build(size);
    return median(() => readLine(line), RUNS);
  });
  const longest = shape.build(SIZES[SIZES.length - 1]!);
  const baseline = median(() => longest.split(/\s+/), RUNS).wall;
  const parse100k = times[times.length - 1]!;
  const growth = parse100k.cpu / Math.max(times[times.length - 2]!.cpu, 0.01);
  if (parse100k.wall > worst.ms) worst = { shape: shape.name, ms: parse100k.wall, cpu: parse100k.cpu };
  maxGrowth = Math.max(maxGrowth, growth);
  console.log(
    `${shape.name.padEnd(38)} ${times.map((time) => format(time.wall)).join(' ')}  ${format(parse100k.cpu)}  ${format(baseline)}  ${(parse100k.wall / Math.max(baseline, 0.01)).toFixed(1).padStart(5)}  ${growth.toFixed(1).padStart(6)}  ${String(Math.round(keptBytes(longest) / 1024)).padStart(8)}`,
  );
}
console.log(
  `\nmax_parse_ms_100k=${worst.ms.toFixed(1)} cpu_ms=${worst.cpu.toFixed(1)} worst_shape=${JSON.stringify(worst.shape)} max_growth=${maxGrowth.toFixed(1)}`,
);
