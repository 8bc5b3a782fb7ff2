/**
 * `npm run package:scorm`: builds the course as a SCORM 1.2 SCO and zips it for an LMS (Moodle...).
 *
 *   dist/scorm/package/        the SCO as built, with imsmanifest.xml at its root
 *   dist/scorm/course-scorm12.zip
 *
 * Vite builds src/course/scorm/index.html with a relative base, so the package runs from any folder
 * the LMS unpacks it into. The build fails if Phaser (the game) got into the bundle. The zip is made
 * with fflate: a small pure-JavaScript library, no native code to compile, same bytes everywhere.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Zippable, zipSync } from 'fflate';
import { build, type Plugin, type Rolldown } from 'vite';
import { buildManifest, MANIFEST_FILE } from '../src/course/scorm/manifest.ts';
import { bundledScenarios } from './lib/vite-bundled-scenarios.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY_DIR = join(ROOT, 'src/course/scorm');
export const PACKAGE_DIR = join(ROOT, 'dist/scorm/package');
export const ZIP_FILE = join(ROOT, 'dist/scorm/course-scorm12.zip');
const LAUNCH = 'index.html';
/** Zip entries get this date, so that the same build gives the same zip. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    })
    .sort();
}

type BuildOutput = Rolldown.RolldownOutput;

/**
 * The page loads the bundle as a classic deferred script, and its style sheet without CORS mode: from
 * file:// a module script or a crossorigin request has an opaque origin and is blocked.
 */
function classicScripts(): Plugin {
  return {
    name: 'sco-classic-scripts',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
          .replace(/<script type="module" src=/g, '<script defer src=')
          .replace(/ crossorigin(?=[ >])/g, ''),
    },
  };
}

function outputs(result: Awaited<ReturnType<typeof build>>): BuildOutput[] {
  if (Array.isArray(result)) return result as BuildOutput[];
  if (result && typeof result === 'object' && 'output' in result) return [result as BuildOutput];
  throw new Error('the Vite build returned no output');
}

/** The game's one file the course reads: the words for a card's effects, in its game situations. */
const SHARED_WITH_COURSE = ['/src/game/table/format.ts'];

/** Module ids of the game that ended up in the bundle (there must be none). */
function gameModules(result: BuildOutput[]): string[] {
  const offenders: string[] = [];
  for (const out of result) {
    for (const item of out.output) {
      if (/phaser/i.test(item.fileName)) offenders.push(item.fileName);
      if (item.type !== 'chunk') continue;
      for (const id of item.moduleIds) {
        const path = id.split(sep).join('/');
        if (
          path.includes('/node_modules/phaser/') ||
          (path.includes('/src/game/') && !SHARED_WITH_COURSE.some((f) => path.endsWith(f)))
        )
          offenders.push(`${item.fileName}: ${id}`);
      }
    }
  }
  return offenders;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

function title(language: 'fr' | 'en'): string {
  const common = readJson<{ app: { name: string }; nav: { course: string } }>(`src/i18n/locales/${language}/common.json`);
  return `${common.app.name} — ${common.nav.course}`;
}

/** Title, description, languages and learning time, as an LMS shows them in its catalogue. */
function metadata(): NonNullable<Parameters<typeof buildManifest>[0]['metadata']> {
  const description = (language: 'fr' | 'en') =>
    readJson<{ overview: { intro: string } }>(`src/i18n/locales/${language}/course.json`).overview.intro;
  const course = readJson<{ modules: { minutes: number }[] }>('src/course/content/course.json');
  return {
    titles: { fr: title('fr'), en: title('en') },
    descriptions: { fr: description('fr'), en: description('en') },
    languages: ['fr', 'en'],
    typicalLearningMinutes: course.modules.reduce((sum, m) => sum + m.minutes, 0),
  };
}

export async function packageScorm(): Promise<{ files: number; zipBytes: number }> {
  rmSync(join(ROOT, 'dist/scorm'), { recursive: true, force: true });
  const result = await build({
    configFile: false,
    root: ENTRY_DIR,
    base: './',
    publicDir: false,
    plugins: [bundledScenarios(), classicScripts()],
    logLevel: 'warn',
    build: {
      outDir: PACKAGE_DIR,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 1600,
      // One classic script (no ES modules, no chunk loaded later): browsers refuse module scripts from
      // file://, and some offline players and local previews open the package from there.
      modulePreload: false,
      rolldownOptions: {
        input: join(ENTRY_DIR, LAUNCH),
        // An IIFE is one chunk: the guide's search, loaded later on the kit, is inlined.
        output: { format: 'iife' },
        onwarn(warning, warn) {
          // Vite's preload helper reads import.meta in a branch an inlined import never takes.
          if (warning.code === 'EMPTY_IMPORT_META') return;
          warn(warning);
        },
      },
    },
  });
  const offenders = gameModules(outputs(result));
  if (offenders.length > 0) throw new Error(`the SCO bundles the game (Phaser):\n  ${offenders.join('\n  ')}`);

  const files = listFiles(PACKAGE_DIR).map((f) => relative(PACKAGE_DIR, f).split(sep).join('/'));
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const manifest = buildManifest({
    identifier: 'resilient-territory-kit-course',
    version,
    title: title('fr'),
    launch: LAUNCH,
    files,
    metadata: metadata(),
  });
  writeFileSync(join(PACKAGE_DIR, MANIFEST_FILE), manifest);

  const entries: Zippable = {};
  for (const file of [MANIFEST_FILE, ...files]) entries[file] = [readFileSync(join(PACKAGE_DIR, file)), { mtime: FIXED_DATE }];
  const zip = zipSync(entries, { level: 9 });
  mkdirSync(dirname(ZIP_FILE), { recursive: true });
  writeFileSync(ZIP_FILE, zip);
  return { files: files.length + 1, zipBytes: zip.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  packageScorm()
    .then(({ files, zipBytes }) => {
      console.log(`SCORM 1.2 package: ${relative(ROOT, ZIP_FILE)} (${(zipBytes / 1024).toFixed(1)} KiB, ${files} files)`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
