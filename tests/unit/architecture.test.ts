import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('architecture', () => {
  it('keeps the engine pure: no phaser, xstate, DOM or storage', () => {
    const offenders: string[] = [];
    for (const file of files('src/engine')) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
      for (const spec of imports) {
        const typeOnly = new RegExp(`import type [^;]*from\\s+['"]${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`).test(
          text,
        );
        if (!spec.startsWith('.') && !typeOnly) offenders.push(`${file} imports ${spec}`);
        if (spec.startsWith('..') && !typeOnly) offenders.push(`${file} imports ${spec} outside the engine`);
      }
      const code = text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      if (/\b(window|document|localStorage|sessionStorage|indexedDB|navigator)\b/.test(code))
        offenders.push(`${file} touches the browser`);
      if (/Math\.random|Date\.now|performance\.now/.test(code)) offenders.push(`${file} uses an unseeded source`);
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the machines free of DOM and Phaser', () => {
    for (const file of files('src/machines')) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]phaser['"]|document\.|window\./);
    }
  });

  it('keeps the workshop server out of the browser: nothing under src/ outside src/server imports it', () => {
    const offenders = files('src')
      .filter((file) => !file.startsWith(join('src', 'server')) && /\.(ts|js)$/.test(file))
      .filter((file) => /from\s+['"][^'"]*\/server\/|import\(\s*['"][^'"]*\/server\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps the workshop server on the scoped Colyseus 0.16 packages, never the colyseus meta-package', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(all.colyseus).toBeUndefined();
    for (const name of ['@colyseus/core', '@colyseus/ws-transport', '@colyseus/testing', 'colyseus.js']) {
      expect(all[name], name).toMatch(/^~0\.16\./);
    }
  });
});
