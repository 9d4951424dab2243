/**
 * The GitHub Actions workflow `folio new` writes: on every push and pull request, Node 20, the
 * repository's npm dependencies (folio among them), `folio check` with its problems as annotations
 * on the pull request, `folio build`, and the editions uploaded as an artifact. It goes in
 * `.github/workflows/folio.yml` of the repository: the nearest folder above the report whose
 * package.json depends on folio, else the report's own folder (a repository of its own).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const WORKFLOW_FILE = '.github/workflows/folio.yml';

/** The folder of the nearest package.json at or above `dir` that depends on `packageName`, if any. */
export function projectUsing(dir: string, packageName = 'folio-reports'): string | undefined {
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        const json = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, Record<string, string> | undefined>;
        if (['dependencies', 'devDependencies'].some((field) => json[field] && Object.hasOwn(json[field]!, packageName))) return folder;
      } catch {
        // not JSON: says nothing about folio
      }
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** A YAML scalar: plain when that reads back as the same string, else double-quoted (JSON's quoting is YAML's). */
function scalar(value: string): string {
  return /^[A-Za-z0-9_./@=-][A-Za-z0-9_./@= -]*$/.test(value) && !/ $/.test(value) ? value : JSON.stringify(value);
}

/** A word for the shell: as it is when it holds only safe characters, else single-quoted. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_./@=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Where the workflow goes for a report made in `dir`, and the report's folder as the workflow names it (from the repository's root). */
export function workflowPlace(dir: string): { path: string; source: string } {
  const report = resolve(dir);
  const root = projectUsing(dirname(report)) ?? report;
  return { path: join(root, ...WORKFLOW_FILE.split('/')), source: relative(root, report).split(sep).join('/') || '.' };
}

/** The workflow's text for a report at `source` (from the repository's root). */
export function workflowYaml(source: string): string {
  const out = source === '.' ? 'out' : `${source}/out`;
  const [src, dst] = [shellWord(source), shellWord(out)];
  return `# Written by \`folio new\`: checks the report and builds its editions on every push and pull request.
# folio comes from the repository's package.json (\`npm install --save-dev\` a folio-reports tarball or git URL).
name: folio
on:
  push:
  pull_request:
jobs:
  editions:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install folio
        run: if [ -f package-lock.json ]; then npm ci; else npm install; fi
      - name: Check (problems as annotations on the pull request)
        run: ${scalar(`npx folio check --source ${src} --reporter github`)}
      - name: Build the editions
        run: ${scalar(`npx folio build --source ${src} --out ${dst}`)}
      - name: Upload the editions
        uses: actions/upload-artifact@v4
        with:
          name: editions
          path: ${scalar(`${out}/`)}
          if-no-files-found: error
`;
}
