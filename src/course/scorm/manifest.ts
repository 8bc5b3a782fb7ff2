/**
 * imsmanifest.xml for a SCORM 1.2 package of one SCO: one organization, one
 * item, one resource listing every file of the package by a relative path.
 * The ADL schema files (.xsd) are not shipped, so no xsi:schemaLocation
 * points at them; LMSs (Moodle included) read the manifest without them.
 * No adlcp:masteryscore: an LMS would then turn an "incomplete" with a low
 * running score into "failed"; the course itself says when it is passed.
 */

export interface ManifestInput {
  /** Package identifier, also the prefix of the inner identifiers. */
  identifier: string;
  version: string;
  /** Shown by the LMS for the organization and the item. */
  title: string;
  /** The SCO's launch page, relative to the package root. */
  launch: string;
  /** Every file of the package except the manifest itself, relative to the package root. */
  files: readonly string[];
  /** What an LMS shows of the package: its title and description per language, first language first. */
  metadata?: {
    titles: Record<string, string>;
    descriptions: Record<string, string>;
    /** Languages of the content (IETF tags), the main one first. */
    languages: readonly string[];
    /** The time an average learner needs, in minutes. */
    typicalLearningMinutes: number;
  };
}

/** IMS Meta-data 1.2.1, the LOM binding SCORM 1.2 reads inside a manifest. */
const IMSMD = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';

/** SCORM 1.2 meta-data durations are HH:MM:SS. */
export function learningTime(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 60))}:${two(total % 60)}:00`;
}

function langStrings(texts: Record<string, string>, indent: string): string[] {
  return Object.entries(texts).map(
    ([lang, text]) => `${indent}<imsmd:langstring xml:lang="${escapeXml(lang)}">${escapeXml(text)}</imsmd:langstring>`,
  );
}

function lom(metadata: NonNullable<ManifestInput['metadata']>): string[] {
  return [
    '    <imsmd:lom>',
    '      <imsmd:general>',
    '        <imsmd:title>',
    ...langStrings(metadata.titles, '          '),
    '        </imsmd:title>',
    ...metadata.languages.map((lang) => `        <imsmd:language>${escapeXml(lang)}</imsmd:language>`),
    '        <imsmd:description>',
    ...langStrings(metadata.descriptions, '          '),
    '        </imsmd:description>',
    '      </imsmd:general>',
    '      <imsmd:educational>',
    '        <imsmd:typicallearningtime>',
    `          <imsmd:datetime>${learningTime(metadata.typicalLearningMinutes)}</imsmd:datetime>`,
    '        </imsmd:typicallearningtime>',
    '      </imsmd:educational>',
    '    </imsmd:lom>',
  ];
}

export const MANIFEST_FILE = 'imsmanifest.xml';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A relative URL for a package path; absolute paths, parent steps and backslashes are refused. */
export function packageHref(path: string): string {
  const segments = path.split('/');
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(path)) {
    throw new Error(`not a relative package path: ${path}`);
  }
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw new Error(`not a clean package path: ${path}`);
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

/** An XML ID (NCName): letters, digits, '-', '_', '.', not starting with a digit. */
function xmlId(text: string): string {
  const id = text.replace(/[^A-Za-z0-9._-]/g, '-');
  return /^[A-Za-z_]/.test(id) ? id : `id-${id}`;
}

export function buildManifest(input: ManifestInput): string {
  const base = xmlId(input.identifier);
  const files = [...new Set(input.files)].sort();
  if (files.includes(MANIFEST_FILE)) throw new Error('the manifest does not list itself');
  if (!files.includes(input.launch)) throw new Error(`the launch page ${input.launch} is not in the package`);
  const title = escapeXml(input.title);
  const fileLines = files.map((f) => `      <file href="${escapeXml(packageHref(f))}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${base}" version="${escapeXml(input.version)}"`,
    '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    `  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"${input.metadata ? `\n  xmlns:imsmd="${IMSMD}"` : ''}>`,
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    ...(input.metadata ? lom(input.metadata) : []),
    '  </metadata>',
    `  <organizations default="${base}-org">`,
    `    <organization identifier="${base}-org">`,
    `      <title>${title}</title>`,
    `      <item identifier="${base}-item" identifierref="${base}-sco" isvisible="true">`,
    `        <title>${title}</title>`,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${base}-sco" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(packageHref(input.launch))}">`,
    ...fileLines,
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}
