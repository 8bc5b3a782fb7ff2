/**
 * The course's content, bundled: course.json parsed with the schema once, lessons (Markdown) and
 * diagrams (SVG) as raw text per language. Nothing is fetched: the course works offline and in an LMS.
 */
import type { Language } from '../storage/settings.ts';
import courseJson from './content/course.json';
import { type Course, type CourseModule, courseSchema, type Lesson } from './schema.ts';

const lessonFiles = import.meta.glob<string>('./content/*/*.md', { query: '?raw', import: 'default', eager: true });
const diagramFiles = import.meta.glob<string>('./diagrams/*/*.svg', { query: '?raw', import: 'default', eager: true });

/** "./content/fr/lesson-id.md" -> "fr/lesson-id". */
function byLanguageAndId(files: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    const match = /\/(fr|en)\/([\w-]+)\.(md|svg)$/.exec(path);
    if (match) out.set(`${match[1]}/${match[2]}`, text);
  }
  return out;
}

const lessons = byLanguageAndId(lessonFiles);
const diagrams = byLanguageAndId(diagramFiles);

let cache: Course | null = null;

/** The course, validated; a content error is a build-time bug, so it throws with the schema's message. */
export function loadCourse(): Course {
  cache ??= courseSchema.parse(courseJson);
  return cache;
}

export function lessonSource(lesson: string, language: Language): string | null {
  return lessons.get(`${language}/${lesson}`) ?? null;
}

export function diagramSource(diagram: string, language: Language): string | null {
  return diagrams.get(`${language}/${diagram}`) ?? null;
}

/** Every bundled file, "fr/id": the content test compares them with what course.json and lessons ask for. */
export function bundledFiles(): { lessons: string[]; diagrams: string[] } {
  return { lessons: [...lessons.keys()], diagrams: [...diagrams.keys()] };
}

/** Diagram ids a lesson's Markdown refers to (`![alt](diagram:<id>)`). */
export function diagramsIn(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(diagram:([A-Za-z0-9][\w-]*)\)/g)].map((m) => m[1] as string);
}

export function findModule(course: Course, module: string): CourseModule | undefined {
  return course.modules.find((m) => m.id === module);
}

export function findLesson(module: CourseModule, lesson: string): Lesson | undefined {
  return module.lessons.find((l) => l.id === lesson);
}
