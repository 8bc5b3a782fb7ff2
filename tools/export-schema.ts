/** Writes the JSON Schema files from the zod schemas (the single source of truth). */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { librarySchema, scenarioSchema } from '../src/content/schema.ts';

export function scenarioJsonSchema(): string {
  return `${JSON.stringify(
    { title: 'Resilient territory kit scenario', ...z.toJSONSchema(scenarioSchema, { io: 'input' }) },
    null,
    2,
  )}\n`;
}
export function libraryJsonSchema(): string {
  return `${JSON.stringify(
    { title: 'Resilient territory kit shared library', ...z.toJSONSchema(librarySchema, { io: 'input' }) },
    null,
    2,
  )}\n`;
}

if (process.argv[1]?.endsWith('export-schema.ts')) {
  writeFileSync('scenarios/scenario.schema.json', scenarioJsonSchema());
  writeFileSync('scenarios/library/library.schema.json', libraryJsonSchema());
  console.log('Wrote scenarios/scenario.schema.json and scenarios/library/library.schema.json');
}
