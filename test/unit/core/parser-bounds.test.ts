import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { bindArgs, parseInput } from '../../../src/core/parser.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { LONG_INPUT_SHAPES } from '../../fixtures/long-inputs.js';

const NOW = new Date('2026-03-04T02:00:00Z');
const registry = buildRegistry();
/**
 * Generous, and counted in this process's CPU time rather than on the wall clock, so a machine
 * busy with other work cannot fail it: quadratic parsing of these lines took seconds of CPU, the
 * linear parser takes tens of milliseconds (npm run bench:parser shows the real figures).
 */
const BOUND_MS = 1_000;
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

describe('the parser reads a 100,000-character line in bounded time', () => {
  it('knows the shapes that were once slow', () => {
    expect(LONG_INPUT_SHAPES.length).toBeGreaterThanOrEqual(12);
    for (const shape of LONG_INPUT_SHAPES) expect(shape.build(100_000).length, shape.name).toBeGreaterThanOrEqual(100_000);
  });

  it.each(LONG_INPUT_SHAPES.map((shape) => [shape.name, shape] as const))('%s: parsed and bound within 1 s', (_name, shape) => {
    const line = shape.build(100_000);
    const started = process.cpuUsage();
    const parsed = parseInput(line, registry, { botNames: zhCN.core.botNames, now: NOW });
    if (parsed.kind === 'command') bindArgs(parsed.command, parsed, NOW);
    expect(cpuMsSince(started)).toBeLessThan(BOUND_MS);
    expect(parsed.kind).not.toBe('empty');
  });
});
