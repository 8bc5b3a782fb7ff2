/**
 * npm run validate -- [files...]
 * Checks scenario and library files: prints OK per file, or one line per
 * problem naming the file, the JSON path and the reason. Exit 1 on any error.
 */
import { basename, dirname, resolve } from 'node:path';
import type { ContentIssue } from '../src/content/issues.ts';
import type { ScenarioFile } from '../src/content/schema.ts';
import { checkLibrary, checkScenario, exclusiveCards, MIN_EXCLUSIVE_CARDS } from '../src/content/validate.ts';
import { LIBRARY_DIR, libraryFiles, loadGuideIndex, loadLibrary, readJson, scenarioFiles } from './lib/content.ts';

function main(args: string[]): number {
  const guide = loadGuideIndex();
  const { library, issues: libraryIssues } = loadLibrary(guide);
  const targets = args.length > 0 ? args : [...libraryFiles(), ...scenarioFiles()];
  let failed = 0;
  const scenarios: ScenarioFile[] = [];
  const report = (file: string, issues: ContentIssue[]) => {
    if (issues.length === 0) {
      console.log(`OK    ${file}`);
      return;
    }
    failed += 1;
    for (const issue of issues) console.log(`ERROR ${file}: ${issue.path}: ${issue.message}`);
  };
  for (const file of targets) {
    const inLibrary = resolve(dirname(file)) === resolve(LIBRARY_DIR);
    if (file.endsWith('.schema.json')) continue;
    const json = readJson(file);
    if (!json.ok) {
      report(file, json.issues);
      continue;
    }
    if (inLibrary) {
      const checked = checkLibrary(json.value, guide);
      report(file, checked.ok ? [] : checked.issues);
    } else {
      const checked = checkScenario(json.value, { library, guide, expectedId: basename(file, '.json') });
      report(file, checked.ok ? [] : checked.issues);
      if (checked.ok) scenarios.push(checked.value);
    }
  }
  // A scenario's identity is measured against the others: cards no other deck holds.
  if (args.length === 0) {
    for (const [id, cards] of exclusiveCards(scenarios)) {
      if (cards.length < MIN_EXCLUSIVE_CARDS) {
        report(`scenarios/${id}.json`, [
          {
            path: '$.deck.cards',
            message: `only ${cards.length} cards are found in no other deck (at least ${MIN_EXCLUSIVE_CARDS})`,
          },
        ]);
      }
    }
  }
  // Cross-file problems of the library (a card naming an actor no file defines).
  const cross = libraryIssues.get(LIBRARY_DIR);
  if (cross) report(LIBRARY_DIR, cross);
  if (failed > 0) console.log(`\n${failed} file(s) with errors.`);
  return failed > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // A tool for authors never answers with a stack trace.
  console.log(`ERROR ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
