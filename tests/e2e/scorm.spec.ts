/**
 * The SCORM 1.2 package in a test LMS: the zip unpacked under a sub-path, served from 127.0.0.1 with a
 * player page that puts scorm-again's runtime on window.API and opens the SCO in an iframe. A learner
 * starts, leaves mid-course, resumes where they left, completes the course and comes back once more.
 * Every API call is recorded: no error code, no call after LMSFinish, suspend_data within 4096 characters.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { axeViolations, expect, test } from './fixtures.ts';
import { completeModule, course, passQuiz, readLesson, scoFrame } from './scorm-harness/course-driver.ts';
import { type LmsServer, PLAYER_PATH, SCO_PATH, startLmsServer } from './scorm-harness/server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ZIP = join(ROOT, 'dist/scorm/course-scorm12.zip');

interface Call {
  method: string;
  args: string[];
  result: string;
  error: string;
}
interface Cmi {
  core: {
    lesson_location: string;
    lesson_status: string;
    exit: string;
    session_time: string;
    score: { raw: string; min: string; max: string };
  };
  suspend_data: string;
  /** toJSON gives SCORM's lists as objects keyed "0", "1"... */
  interactions: Record<string, { id: string; type: string; student_response: string; result: string }>;
  objectives: Record<string, { id: string; status: string; score: { raw: string } }>;
}

let webRoot = '';
let server: LmsServer;
let zipEntries: string[] = [];
/** What the LMS kept at the end of each launch, for the next one. */
const stored: Cmi[] = [];
let largestSuspendData = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // SCORM_PACKAGE_READY=1 reuses a zip built just before (npm run package:scorm).
  if (!process.env.SCORM_PACKAGE_READY || !existsSync(ZIP)) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tools/package-scorm.ts'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }
  const files = unzipSync(readFileSync(ZIP));
  zipEntries = Object.keys(files).sort();
  webRoot = mkdtempSync(join(tmpdir(), 'scorm-lms-'));
  const scoDir = join(webRoot, SCO_PATH);
  for (const [name, bytes] of Object.entries(files)) {
    const target = join(scoDir, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  server = await startLmsServer(webRoot);
});

test.afterAll(async () => {
  await server?.close();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  console.log(`SCORM e2e: ${zipEntries.length} files in the zip, largest suspend_data ${largestSuspendData} characters`);
});

async function launch(page: Page, preload?: Record<string, unknown>, refuse?: 'initialize' | 'commit') {
  const query = new URLSearchParams({ sco: `${SCO_PATH}index.html` });
  if (preload) query.set('cmi', JSON.stringify(preload));
  if (refuse) query.set('refuse', refuse);
  await page.goto(`${server.origin}${PLAYER_PATH}?${query}`);
  return scoFrame(page);
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { scormTest: { calls(): Call[] } }).scormTest.calls());
const cmi = (page: Page) => page.evaluate(() => (window as unknown as { scormTest: { cmi(): Cmi } }).scormTest.cmi());

/** Closes the SCO as an LMS does, then checks the whole conversation with the LMS. */
async function closeAndCheck(page: Page): Promise<{ calls: Call[]; cmi: Cmi }> {
  await page.evaluate(() => (window as unknown as { scormTest: { close(): void } }).scormTest.close());
  await expect.poll(async () => (await calls(page)).filter((c) => c.method === 'LMSFinish').length).toBe(1);
  const all = await calls(page);
  expect(all[0]).toMatchObject({ method: 'LMSInitialize', args: [''], result: 'true' });
  expect(all.at(-1)?.method, 'nothing is called after LMSFinish').toBe('LMSFinish');
  expect(all.filter((c) => c.method === 'LMSFinish')).toHaveLength(1);
  expect(
    all.filter((c) => c.error !== '0'),
    'LMSGetLastError after every call',
  ).toEqual([]);
  expect(all.filter((c) => c.method === 'LMSGetLastError').every((c) => c.result === '0')).toBe(true);
  expect(all.some((c) => c.method === 'LMSCommit')).toBe(true);
  for (const call of all.filter((c) => c.method === 'LMSSetValue' && c.args[0] === 'cmi.suspend_data')) {
    expect(call.args[1]?.length ?? 0).toBeLessThanOrEqual(4096);
    largestSuspendData = Math.max(largestSuspendData, call.args[1]?.length ?? 0);
  }
  // The SCO asked for nothing outside its folder and the player's.
  expect(server.requests.filter((p) => !p.startsWith(SCO_PATH) && !p.startsWith('/lms/player/'))).toEqual([]);
  const data = await cmi(page);
  stored.push(data);
  return { calls: all, cmi: data };
}

/** The cmi an LMS gives back to the next launch of a suspended attempt. */
function resumeData(previous: Cmi, extra: Record<string, unknown> = {}) {
  return {
    core: {
      student_id: 'learner-42',
      student_name: 'Dupont, Marie',
      lesson_location: previous.core.lesson_location,
      lesson_status: previous.core.lesson_status,
      entry: previous.core.exit === 'suspend' ? 'resume' : '',
      score: previous.core.score,
    },
    suspend_data: previous.suspend_data,
    ...extra,
  };
}

test('the package has its manifest at the root, lists every file and uses relative paths only', () => {
  expect(zipEntries).toContain('imsmanifest.xml');
  expect(zipEntries).toContain('index.html');
  const manifest = readFileSync(join(webRoot, SCO_PATH, 'imsmanifest.xml'), 'utf8');
  const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURIComponent(m[1] ?? '')).sort();
  expect(listed).toEqual(zipEntries.filter((f) => f !== 'imsmanifest.xml'));
  expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
  expect(zipEntries.filter((f) => /phaser/i.test(f))).toEqual([]);
  const html = readFileSync(join(webRoot, SCO_PATH, 'index.html'), 'utf8');
  expect(html).not.toMatch(/(src|href)="(\/|https?:)/);
});

test('first launch: incomplete at once, progress committed, the learner leaves mid-course', async ({ page }) => {
  const frame = await launch(page);
  await expect(frame.locator('#page-title')).toHaveText('Formation en ligne des élus');
  await expect.poll(async () => (await cmi(page)).core.lesson_status).toBe('incomplete');
  expect(await axeViolations(page)).toEqual([]);

  const [first, second] = course.modules;
  if (!first || !second) throw new Error('the course has fewer than two modules');
  await completeModule(frame, first);
  await readLesson(frame, second, second.lessons[0] as (typeof second.lessons)[number]);
  const { cmi: end } = await closeAndCheck(page);
  expect(end.core.lesson_location).toBe(`${second.id}/${second.lessons[1]?.id}`);
  expect(end.core.lesson_status).toBe('incomplete');
  expect(end.core.exit).toBe('suspend');
  expect(end.core.score).toMatchObject({ raw: String(Math.round(100 / course.modules.length)), min: '0', max: '100' });
  expect(end.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}$/);
  expect(end.suspend_data).toMatch(/^2\.[A-Za-z0-9_-]+$/);
  // The quiz's answers as interactions (one per question on the sheet), the module as an objective.
  const interactions = Object.values(end.interactions);
  expect(interactions).toHaveLength(5);
  expect(interactions.every((i) => i.type === 'choice' && i.result === 'correct')).toBe(true);
  expect(interactions.every((i) => first.quiz.questions.some((q) => q.id === i.id))).toBe(true);
  expect(Object.values(end.objectives).map((o) => [o.id, o.status, o.score.raw])).toEqual([[first.id, 'passed', '100']]);
});

test('relaunch: resumes at the stored location with the progress, then completes the course: passed', async ({ page }) => {
  test.setTimeout(180_000);
  const previous = stored[0];
  if (!previous) throw new Error('the first launch did not run');
  const frame = await launch(page, resumeData(previous));
  const [first, second, ...rest] = course.modules;
  if (!first || !second) throw new Error('the course has fewer than two modules');
  const resumed = second.lessons[1];
  await expect(frame.locator('#page-title')).toHaveText(resumed?.title.fr ?? '');
  expect(new URL(frame.url()).hash).toBe(`#/course/${second.id}/${resumed?.id}`);
  // The first module's quiz record came back from suspend_data.
  await frame.evaluate((h) => {
    window.location.hash = h;
  }, `#/course/${first.id}/quiz`);
  await expect(frame.locator('.course-quiz .course-meta')).toContainText('100');

  await completeModule(frame, second, second.lessons.slice(1));
  for (const module of rest) await completeModule(frame, module);
  await expect.poll(async () => (await cmi(page)).core.lesson_status).toBe('passed');

  await frame.evaluate(() => {
    window.location.hash = '#/course/certificate';
  });
  const name = frame.locator('#course-learner-name');
  await name.fill('Ána-Łucja "Zoë" d’Ørsted 王小明 😀 <b>&amp;</b>'.padEnd(200, 'é'));
  await name.press('Tab');
  await expect.poll(async () => (await cmi(page)).suspend_data).not.toBe(previous.suspend_data);

  const { cmi: end } = await closeAndCheck(page);
  expect(end.core.lesson_status).toBe('passed');
  expect(end.core.score.raw).toBe('100');
  expect(end.core.exit).toBe('');
  expect(end.core.lesson_location).toBe('certificate');
});

test('a launch after the course is passed shows the certificate and keeps the status', async ({ page }) => {
  const previous = stored[1];
  if (!previous) throw new Error('the second launch did not run');
  const frame = await launch(page, resumeData(previous));
  await expect(frame.locator('.course-certificate-name')).toHaveText(/^Ána-Łucja "Zoë" d’Ørsted 王小明 😀 <b>&amp;<\/b>é+$/);
  const { calls: all, cmi: end } = await closeAndCheck(page);
  expect(all.filter((c) => c.method === 'LMSSetValue' && c.args[0] === 'cmi.core.lesson_status')).toEqual([]);
  expect(end.core.lesson_status).toBe('passed');
  expect(end.core.exit).toBe('');
});

test('without an LMS the package runs on its own, keeps progress in the browser and switches language', async ({ page }) => {
  await page.goto(`${server.origin}${SCO_PATH}index.html`);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(page.locator('#page-title')).toHaveText('Formation en ligne des élus');
  const [first] = course.modules;
  if (!first) throw new Error('the course has no module');
  const frame = page.mainFrame();
  await readLesson(frame, first, first.lessons[0] as (typeof first.lessons)[number]);
  await page.goto(`${server.origin}${SCO_PATH}index.html`);
  await expect(page.locator('#page-title')).toHaveText(first.lessons[1]?.title.fr ?? '');
  await page.getByRole('button', { name: /EN/ }).click();
  await expect(page.locator('#page-title')).toHaveText(first.lessons[1]?.title.en ?? '');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await axeViolations(page)).toEqual([]);
  // Lessons link to the guide, which the package holds; the kit's other parts lead back to the course.
  await page.evaluate(() => {
    window.location.hash = '#/guide';
  });
  await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveAttribute('href', '#/guide');
  await expect(page.locator('#page-title')).toBeVisible();
  await page.evaluate(() => {
    window.location.hash = '#/game';
  });
  await expect(page).toHaveURL(/#\/course$/);
  await expect(page.locator('#page-title')).toHaveText('Online course for elected officials');
});

test('progress the platform gives back unreadable: the course starts afresh and says so, without claiming a copy', async ({
  page,
}) => {
  const frame = await launch(page, {
    core: { student_id: 'learner-7', student_name: 'Martin, Léa', lesson_status: 'incomplete', entry: 'resume' },
    suspend_data: '{not progress at all',
  });
  await expect(frame.locator('#page-title')).toHaveText('Formation en ligne des élus');
  const notice = frame.locator('.messages');
  await expect(notice).toContainText("La progression enregistrée par la plateforme de formation n'a pas pu être lue");
  await expect(notice).not.toContainText('mise de côté');
});

test('progress saved by the previous package (format 1, by position) comes back by id in this one', async ({ page }) => {
  // Format 1 as the previous package wrote it: lessons 1, 2 and 4, the first activity, the first quiz passed.
  const json = '{"l":"b","a":"1","q":[[0,100,1,1]],"n":"Marie Dupont","c":null}';
  const frame = await launch(page, {
    core: { student_id: 'learner-9', student_name: 'Dupont, Marie', lesson_status: 'incomplete', entry: 'resume' },
    suspend_data: `1.${Buffer.from(json, 'utf8').toString('base64url')}`,
  });
  await frame.evaluate(() => {
    window.location.hash = '#/course/resilience-basics';
  });
  await expect(frame.locator('.course-module .course-progress-text')).toHaveText('5 étapes sur 6 faites (83\u202f%)');
  // The next save writes it in the current format.
  await frame.evaluate(() => {
    window.location.hash = '#/course/resilience-basics/resilience-basics-gironde';
  });
  await expect(frame.locator('#page-title')).toHaveText('Cas\u202f: la stratégie de résilience de la Gironde');
  const { cmi: end } = await closeAndCheck(page);
  expect(end.suspend_data.startsWith('2.')).toBe(true);
});

test('progress written by a package without the first module comes back in this one, which has it first', async ({ page }) => {
  // Format 2 as an earlier package wrote it, whose course started at today's second module.
  const [first, second] = course.modules;
  if (!first || !second) throw new Error('the course has fewer than two modules');
  const packed = {
    cv: 1,
    l: second.lessons.map((l) => l.id),
    a: [second.activity.id],
    q: { [second.id]: [100, 2, 1] },
    n: 'Léa Martin',
    c: null,
  };
  const frame = await launch(page, {
    core: { student_id: 'learner-11', student_name: 'Martin, Léa', lesson_status: 'incomplete', entry: 'resume' },
    suspend_data: `2.${Buffer.from(JSON.stringify(packed), 'utf8').toString('base64url')}`,
  });
  await frame.evaluate((id) => {
    window.location.hash = `#/course/${id}`;
  }, second.id);
  const steps = second.lessons.length + 2;
  await expect(frame.locator('.course-module .course-progress-text')).toHaveText(
    `${steps} étapes sur ${steps} faites (100\u202f%)`,
  );
  await frame.evaluate((id) => {
    window.location.hash = `#/course/${id}`;
  }, first.id);
  await expect(frame.locator('.course-module .course-progress-text')).toHaveText(
    `0 étapes sur ${first.lessons.length + 2} faites (0\u202f%)`,
  );
  await closeAndCheck(page);
});

test('a refused commit says so in the learner’s language, and no page says the progress is saved', async ({ page }) => {
  const frame = await launch(page, undefined, 'commit');
  await expect(frame.locator('.messages')).toContainText("La plateforme de formation a refusé d'enregistrer votre progression.");
  const [first] = course.modules;
  if (!first) throw new Error('the course has no module');
  await passQuiz(frame, first);
  await expect(frame.locator('.course-milestone')).toContainText(
    "La plateforme de formation n'a pas enregistré votre progression.",
  );
  await expect(frame.locator('.course-milestone')).not.toContainText('Votre progression est enregistrée');
  await expect(frame.locator('.messages .message')).toHaveCount(1);
});

test('a refused initialise says so and offers to continue without tracking', async ({ page }) => {
  const frame = await launch(page, undefined, 'initialize');
  await expect(frame.locator('#page-title')).toHaveText("Le suivi de la formation n'a pas démarré");
  expect(await axeViolations(page)).toEqual([]);
  await frame.getByRole('button', { name: 'Continuer sans suivi' }).click();
  await expect(frame.locator('#page-title')).toHaveText('Formation en ligne des élus');
  await expect(frame.locator('#course-storage')).toContainText("Votre progression n'est pas suivie");
  await expect(frame.locator('.messages')).toContainText("Votre progression n'est pas suivie");
});

test('a review launch (lesson_mode review) says so and changes nothing the LMS keeps', async ({ page }) => {
  const frame = await launch(page, {
    core: { student_id: 'learner-3', lesson_mode: 'review', lesson_status: 'passed', score: { raw: '90' } },
  });
  await expect(frame.locator('.messages')).toContainText('Mode révision\u202f:');
  const [first] = course.modules;
  if (!first) throw new Error('the course has no module');
  await readLesson(frame, first, first.lessons[0] as (typeof first.lessons)[number]);
  const { calls: all, cmi: end } = await closeAndCheck(page);
  const written = all.filter((c) => c.method === 'LMSSetValue').map((c) => c.args[0]);
  expect(written).toEqual(['cmi.core.session_time']);
  expect(end.core.lesson_status).toBe('passed');
  expect(end.core.score.raw).toBe('90');
});

test('the learner’s language preference in the LMS opens the course in English', async ({ page }) => {
  const frame = await launch(page, { core: { student_name: 'Smith, Jane' }, student_preference: { language: 'en-GB' } });
  await expect(frame.locator('#page-title')).toHaveText('Online course for elected officials');
  await expect(frame.locator('#course-storage')).toHaveText('Your progress is sent to your learning platform.');
});

test('the package holds no link to a part it lacks', async ({ page }) => {
  const frame = await launch(page);
  await frame.evaluate(() => {
    window.location.hash = '#/course/designing-projects/designing-projects-test';
  });
  await expect(frame.locator('article.course-lesson')).toContainText('test d’autoévaluation');
  await expect(frame.locator('a[href="#/test"], a[href="#/game"], a[href="#/facilitator"]')).toHaveCount(0);
});

test('the package opens from file:// too (no ES module, no CORS request)', async ({ page }) => {
  await page.goto(pathToFileURL(join(webRoot, SCO_PATH, 'index.html')).href);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(page.locator('#page-title')).toHaveText('Formation en ligne des élus');
  const html = readFileSync(join(webRoot, SCO_PATH, 'index.html'), 'utf8');
  expect(html).not.toMatch(/type="module"|crossorigin/);
  await page.evaluate(() => {
    window.location.hash = '#/guide';
  });
  await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveAttribute('href', '#/guide');
});

test('the manifest gives the LMS a title, a description, the languages and a typical learning time', () => {
  const manifest = readFileSync(join(webRoot, SCO_PATH, 'imsmanifest.xml'), 'utf8');
  expect(manifest).toContain('<imsmd:langstring xml:lang="fr">Kit territoire résilient — Formation</imsmd:langstring>');
  expect(manifest).toMatch(/<imsmd:description>\s*<imsmd:langstring xml:lang="fr">Six modules courts/);
  expect(manifest).toContain('<imsmd:language>fr</imsmd:language>');
  expect(manifest).toMatch(/<imsmd:datetime>\d{2}:\d{2}:00<\/imsmd:datetime>/);
});
