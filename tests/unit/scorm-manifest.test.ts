import { describe, expect, it } from 'vitest';
import { buildManifest, packageHref } from '../../src/course/scorm/manifest.ts';

const files = ['index.html', 'assets/index-AbC_12.js', 'assets/index-x.css', 'assets/Noto Sans & co.woff2'];
const manifest = buildManifest({
  identifier: 'kit-course',
  version: '0.1.0',
  title: 'Kit <résilient> & co',
  launch: 'index.html',
  files,
});

describe('SCORM 1.2 manifest', () => {
  it('declares SCORM 1.2 with the IMS CP and ADL namespaces', () => {
    expect(manifest.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(manifest).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(manifest).toContain('<schema>ADL SCORM</schema>');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).not.toContain('masteryscore');
  });

  it('has one organization, one item and one SCO resource launching the page', () => {
    expect(manifest.match(/<organization /g)).toHaveLength(1);
    expect(manifest.match(/<item /g)).toHaveLength(1);
    expect(manifest.match(/<resource /g)).toHaveLength(1);
    expect(manifest).toMatch(/<organizations default="kit-course-org">/);
    expect(manifest).toMatch(/<item identifier="kit-course-item" identifierref="kit-course-sco"/);
    expect(manifest).toMatch(/<resource identifier="kit-course-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">/);
    expect(manifest).toContain('<title>Kit &lt;résilient&gt; &amp; co</title>');
  });

  it('lists every file once by a relative, encoded path', () => {
    const hrefs = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['assets/Noto%20Sans%20%26%20co.woff2', 'assets/index-AbC_12.js', 'assets/index-x.css', 'index.html']);
  });

  it('refuses absolute, parent and foreign paths, and a launch page missing from the files', () => {
    for (const bad of ['/index.html', '../x.js', 'a//b.js', 'C:\\x.js', 'http://cdn.example/x.js', './a.js']) {
      expect(() => packageHref(bad), bad).toThrow();
    }
    expect(() => buildManifest({ identifier: 'k', version: '1', title: 't', launch: 'start.html', files })).toThrow(/launch/);
    expect(() =>
      buildManifest({ identifier: 'k', version: '1', title: 't', launch: 'index.html', files: [...files, 'imsmanifest.xml'] }),
    ).toThrow();
  });

  it('carries the title, description, languages and typical learning time an LMS shows (IMS meta-data 1.2.1)', () => {
    const withMetadata = buildManifest({
      identifier: 'kit-course',
      version: '0.1.0',
      title: 'Formation',
      launch: 'index.html',
      files,
      metadata: {
        titles: { fr: 'Formation des élus', en: 'Course for officials' },
        descriptions: { fr: 'Six modules & un quiz', en: 'Six modules' },
        languages: ['fr', 'en'],
        typicalLearningMinutes: 125,
      },
    });
    expect(withMetadata).toContain('xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"');
    expect(withMetadata).toContain('<imsmd:langstring xml:lang="fr">Formation des élus</imsmd:langstring>');
    expect(withMetadata).toContain('<imsmd:langstring xml:lang="fr">Six modules &amp; un quiz</imsmd:langstring>');
    expect(withMetadata.match(/<imsmd:language>(fr|en)<\/imsmd:language>/g)).toEqual([
      '<imsmd:language>fr</imsmd:language>',
      '<imsmd:language>en</imsmd:language>',
    ]);
    expect(withMetadata).toContain('<imsmd:datetime>02:05:00</imsmd:datetime>');
    expect(withMetadata.indexOf('<imsmd:lom>')).toBeLessThan(withMetadata.indexOf('</metadata>'));
    expect(manifest).not.toContain('imsmd');
  });
});
