/**
 * The command `folio new` tells people to run next reaches this folio from where they are: `npx
 * folio` in a project that depends on it (even when npx put its .bin on the PATH), `folio` for a
 * global install on the PATH, `node bin/folio.js` in a clone.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folioCommand } from '../pipeline/cli/invocation.js';

function file(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/usr/bin/env node\n');
  return path;
}

describe('how to run folio next', () => {
  const base = mkdtempSync(join(tmpdir(), 'folio-invocation-'));

  it('a dependency of the project: npx folio, from any folder of the project, whatever npx put on the PATH', () => {
    const project = join(base, 'report-repo');
    const script = file(join(project, 'node_modules', 'folio-reports', 'bin', 'folio.js'));
    mkdirSync(join(project, 'node_modules', '.bin'));
    symlinkSync('../folio-reports/bin/folio.js', join(project, 'node_modules', '.bin', 'folio'));
    mkdirSync(join(project, 'reports'));
    const bin = join(project, 'node_modules', '.bin');
    expect(folioCommand(join(bin, 'folio'), join(project, 'reports'), `${bin}:/usr/bin`)).toBe('npx folio');
    expect(folioCommand(script, project, '/usr/bin')).toBe('npx folio');
    // Outside the project, npx would not find it: the script's path.
    expect(folioCommand(script, base, '/usr/bin')).toBe(`node ${join('report-repo', 'node_modules', 'folio-reports', 'bin', 'folio.js')}`);
  });

  it('a global install on the PATH: folio', () => {
    const prefix = join(base, 'prefix');
    const script = file(join(prefix, 'lib', 'node_modules', 'folio-reports', 'bin', 'folio.js'));
    mkdirSync(join(prefix, 'bin'));
    symlinkSync(script, join(prefix, 'bin', 'folio'));
    expect(folioCommand(script, base, `/usr/bin:${join(prefix, 'bin')}`)).toBe('folio');
  });

  it('a clone: node and the script, relative to the current folder when inside it, else absolute', () => {
    const clone = join(base, 'folio');
    const script = file(join(clone, 'bin', 'folio.js'));
    expect(folioCommand(script, clone, '/usr/bin')).toBe('node bin/folio.js');
    mkdirSync(join(base, 'elsewhere'));
    expect(folioCommand(script, join(base, 'elsewhere'), '/usr/bin')).toBe(`node ${script}`);
  });
});
