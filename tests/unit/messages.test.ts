// @vitest-environment happy-dom
/** The shell's dismissable messages: one per topic, no twins, and in the language of the moment. */
import { beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage, initI18n, t } from '../../src/i18n/index.ts';
import { MessageList } from '../../src/ui/messages.ts';

beforeAll(async () => {
  await initI18n('fr');
});

const texts = (list: MessageList) => [...list.root.querySelectorAll('.message span')].map((s) => s.textContent);

describe('the message list', () => {
  it('keeps the last message of a topic, drops a twin, and lets each be dismissed', () => {
    const list = new MessageList(document.createElement('div'));
    list.add('Stockage indisponible.', 'info');
    list.add('Fichier 1 refusé.', 'error', 'import');
    list.add('Fichier 2 refusé.', 'error', 'import');
    list.add('Stockage indisponible.', 'info');
    expect(texts(list)).toEqual(['Fichier 2 refusé.', 'Stockage indisponible.']);
    (list.root.querySelector('.message button') as HTMLButtonElement).click();
    expect(texts(list)).toEqual(['Stockage indisponible.']);
  });

  it('writes a message given as a function again in the new language, a plain one as it was', async () => {
    const list = new MessageList(document.createElement('div'));
    list.add(() => t('game:import.unreadableFile'), 'error', 'import');
    list.add('Texte fixe.', 'info');
    await changeLanguage('en');
    list.relocalize();
    expect(texts(list)).toEqual(['The file could not be read.', 'Texte fixe.']);
    expect(list.root.querySelector('.message button')?.getAttribute('aria-label')).toBe('Dismiss message');
    await changeLanguage('fr');
  });
});
