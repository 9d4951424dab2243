/**
 * The chart's PNG kept in folio's cache folder (figures/chart-png.ts): the stored picture is the
 * one drawn afresh, a different chart is drawn again, and a damaged entry is never used.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chartPng } from '../pipeline/figures/chart-png.js';
import type { BarChart } from '../pipeline/model/types.js';

const chart: BarChart = {
  type: 'barChart',
  title: 'Turnout by region',
  alt: 'Astana 60 per cent, Almaty 45 per cent',
  bars: [{ label: 'Astana', value: 60, text: '60%' }, { label: 'Almaty', value: 45, text: '45%' }],
};

afterEach(() => {
  delete process.env.FOLIO_CACHE;
  delete process.env.FOLIO_CACHE_DIR;
});

function fresh(c: BarChart, ppi?: number): Buffer {
  process.env.FOLIO_CACHE = '0';
  try {
    return chartPng(c, ppi);
  } finally {
    delete process.env.FOLIO_CACHE;
  }
}

describe('chart PNG cache', () => {
  it('gives the picture drawn afresh, from the cache the second time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-png-'));
    process.env.FOLIO_CACHE_DIR = dir;
    const drawn = fresh(chart, 72);
    expect(chartPng(chart, 72)).toEqual(drawn);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    expect(chartPng(chart, 72)).toEqual(drawn);
  });

  it('draws a chart with other bars or another resolution again', () => {
    process.env.FOLIO_CACHE_DIR = mkdtempSync(join(tmpdir(), 'folio-png-other-'));
    const first = chartPng(chart, 72);
    const other = { ...chart, bars: [...chart.bars, { label: 'Shymkent', value: 50, text: '50%' }] };
    expect(chartPng(other, 72)).toEqual(fresh(other, 72));
    expect(chartPng(other, 72)).not.toEqual(first);
    expect(chartPng(chart, 96)).toEqual(fresh(chart, 96));
  });

  it('never uses a damaged entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-png-bad-'));
    process.env.FOLIO_CACHE_DIR = dir;
    const drawn = chartPng(chart, 72);
    const [entry] = readdirSync(dir).filter((f) => f.endsWith('.png'));
    writeFileSync(join(dir, entry!), 'folio-cache sha256=0000\nnot a png');
    expect(chartPng(chart, 72)).toEqual(drawn);
  });
});
