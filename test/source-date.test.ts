/** The date editions carry: SOURCE_DATE_EPOCH, else the source's last commit, else its newest file; never 1970. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceEpoch, sourceEpochLater } from '../pipeline/load/source-date.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-date-'));
  mkdirSync(join(dir, 'source', 'en'), { recursive: true });
  writeFileSync(join(dir, 'source', 'en', '01.md'), '# One\n');
  return dir;
}

const noEpoch = { PATH: process.env.PATH };

describe('source date', () => {
  it('takes SOURCE_DATE_EPOCH first', async () => {
    expect(sourceEpoch(join(folder(), 'source'), { SOURCE_DATE_EPOCH: '1654387200' })).toBe(1654387200);
    expect(await sourceEpochLater(join(folder(), 'source'), { SOURCE_DATE_EPOCH: '1654387200' })).toBe(1654387200);
    expect(() => sourceEpochLater(join(folder(), 'source'), { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH=yesterday is not a date/);
  });

  it('takes the last commit that touched the source folder, the newest file’s time once edited (both ways of asking git)', async () => {
    const dir = folder();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...noEpoch, GIT_AUTHOR_DATE: '2022-06-05T12:00:00Z', GIT_COMMITTER_DATE: '2022-06-05T12:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', HOME: dir } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'source');
    // A later commit outside the source folder does not change the source's date.
    writeFileSync(join(dir, 'README.md'), 'x');
    execFileSync('git', ['add', 'README.md'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'other'], { cwd: dir, env: { ...noEpoch, GIT_AUTHOR_DATE: '2023-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2023-01-01T00:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', HOME: dir } });
    expect(sourceEpoch(join(dir, 'source'), noEpoch)).toBe(Date.parse('2022-06-05T12:00:00Z') / 1000);
    expect(await sourceEpochLater(join(dir, 'source'), noEpoch)).toBe(Date.parse('2022-06-05T12:00:00Z') / 1000);
    // An uncommitted edit makes the working tree newer than its last commit.
    const edited = new Date('2024-02-03T04:05:06Z');
    writeFileSync(join(dir, 'source', 'en', '01.md'), '# One, edited\n');
    utimesSync(join(dir, 'source', 'en', '01.md'), edited, edited);
    expect(sourceEpoch(join(dir, 'source'), noEpoch)).toBe(edited.getTime() / 1000);
    expect(await sourceEpochLater(join(dir, 'source'), noEpoch)).toBe(edited.getTime() / 1000);
  });

  it('outside git, takes the newest source file’s time', async () => {
    const dir = folder();
    const when = new Date('2021-03-04T05:06:07Z');
    utimesSync(join(dir, 'source', 'en', '01.md'), when, when);
    expect(sourceEpoch(join(dir, 'source'), noEpoch)).toBe(when.getTime() / 1000);
    expect(await sourceEpochLater(join(dir, 'source'), noEpoch)).toBe(when.getTime() / 1000);
  });
});
