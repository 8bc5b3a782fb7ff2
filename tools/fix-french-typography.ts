/**
 * npm run fix:typography [-- --include-pending]
 * Rewrites the kit's French text with the non-breaking spaces French typography wants (see
 * tools/lib/french-typography.ts). Deterministic: a second run changes nothing. Areas listed in
 * TYPOGRAPHY_PENDING_AREAS are left alone unless --include-pending is given.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixFile, frenchFiles, isPending, ROOT } from './lib/french-typography.ts';

const includePending = process.argv.includes('--include-pending');
let changed = 0;
const skipped: string[] = [];
for (const file of frenchFiles()) {
  if (isPending(file.path) && !includePending) {
    skipped.push(file.path);
    continue;
  }
  const full = join(ROOT, file.path);
  const source = readFileSync(full, 'utf8');
  const fixed = fixFile(file, source);
  if (fixed !== source) {
    writeFileSync(full, fixed);
    changed += 1;
    console.log(`fixed ${file.path}`);
  }
}
console.log(`rewritten: ${changed}; pending, left alone (TYPOGRAPHY_PENDING_AREAS): ${skipped.length}`);
