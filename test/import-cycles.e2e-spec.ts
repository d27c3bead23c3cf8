import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const DEPCRUISE = 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs';
const cruise = (...paths: string[]) =>
  spawnSync(process.execPath, [DEPCRUISE, ...paths, '--config', '.dependency-cruiser.cjs'], { encoding: 'utf8' });

/** `npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs: an import circle fails it. */
describe('import circles', () => {
  const probe = join('test', `cycle-probe-${process.pid}`);
  afterAll(() => rmSync(probe, { recursive: true, force: true }));

  it('finds none in the apps, the libs, the tests and the bench', () => {
    const result = cruise('apps', 'libs', 'test', 'bench');
    expect(result.stdout).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it('fails the lint on a new one, naming the files of the circle, type-only imports included', () => {
    mkdirSync(probe, { recursive: true });
    writeFileSync(join(probe, 'ballot.ts'), `import type { Roll } from './roll.js';\nexport const ballot = (roll: Roll) => roll;\n`);
    writeFileSync(
      join(probe, 'roll.ts'),
      `import { ballot } from './ballot.js';\nexport type Roll = string;\nexport const first = ballot;\n`,
    );
    const result = cruise(probe);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/no-circular: test\/cycle-probe-\d+\/(ballot|roll)\.ts/);
  });
});
