/**
 * #/join: a networked workshop from a device. `#/join` asks for the code;
 * `#/join?code=XXXXXX` lists the seats to take (or, on a device that holds
 * one of its seats, goes back to it); `&screen` opens the projector,
 * `&facilitator` the console on the device that created the session, and
 * `&token=...` a seat the facilitator handed to this device (the token is
 * kept, then taken out of the address).
 */
import { t } from '../../i18n/index.ts';
import type { AppContext, ViewFactory } from '../../ui/app-context.ts';
import { h } from '../../ui/dom.ts';
import type { Route } from '../../ui/router.ts';
import { JOIN_CODE_ALPHABET, type JoinedMessage, type ViewMessage } from '../session/workshop-protocol.ts';
import { WorkshopConnection } from './connection.ts';
import { DevicePage, type DeviceRole } from './device-page.ts';
import { codeProblem, normalizeCode, strangeLetters } from './join-code.ts';
import { forgetToken, keepToken, readToken } from './tokens.ts';
import '../table/game.css';
import './workshop.css';

function codeError(code: string): string | null {
  const problem = codeProblem(code);
  if (problem === 'letters') {
    return t('workshop:join.letters', { letters: strangeLetters(code).join(', '), alphabet: JOIN_CODE_ALPHABET });
  }
  return problem ? t(`workshop:join.${problem}`, { typed: code.length }) : null;
}

/**
 * The code's form; an error (typed code kept) when the address's code is not one.
 * `checked`: the typed code's error is shown (it came in the address, or was submitted before a redraw);
 * `refused`: the server's reason for a code of the right form that no session holds.
 */
function codeForm(target: HTMLElement, typed: string, checked = typed !== '', refused?: string): void {
  const error = h('p', { class: 'form-error', role: 'alert', id: 'join-code-error' });
  const input = h('input', {
    type: 'text',
    id: 'join-code',
    name: 'code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 12,
    value: typed,
    'aria-describedby': 'join-code-hint join-code-error',
  });
  input.addEventListener('input', () => {
    const at = input.selectionStart;
    input.value = input.value.toUpperCase();
    if (at !== null) input.setSelectionRange(at, at);
  });
  const form = h(
    'form',
    { class: 'join-form', novalidate: true },
    h(
      'p',
      { class: 'field' },
      h('label', { for: 'join-code' }, t('workshop:join.code')),
      input,
      h('span', { class: 'hint', id: 'join-code-hint' }, t('workshop:join.codeHint')),
    ),
    error,
    h('p', {}, h('button', { type: 'submit', class: 'button' }, t('workshop:join.submit'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = normalizeCode(input.value);
    const problem = codeError(code);
    if (problem) {
      error.textContent = problem;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    const address = `#/join?code=${code}`;
    // The same code again (refused a moment ago, or a session being created): asked once more.
    if (location.hash === address) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = address;
  });
  target.append(
    h('h1', { id: 'page-title' }, t('workshop:join.title')),
    h('p', { class: 'lead' }, t('workshop:join.intro')),
    form,
  );
  if (typed && checked) {
    error.textContent = codeError(normalizeCode(typed)) ?? refused ?? '';
    if (error.textContent) input.setAttribute('aria-invalid', 'true');
  }
  // After the navigation's own move of the focus to the page, which comes once the route has drawn.
  if (refused) window.setTimeout(() => input.isConnected && input.focus(), 0);
}

const UNKNOWN_CODE = 'workshop:errors.unknown-code';

/** The seats of a session, seen as the projector sees them (no seat is taken by looking). */
async function seatList(
  target: HTMLElement,
  code: string,
  take: (seat: number) => void,
  unknown: () => void,
): Promise<() => void> {
  const list = h('ul', { class: 'join-seats' });
  const status = h('p', { role: 'status' }, t('workshop:client.connecting'));
  target.append(
    h('h1', { id: 'page-title' }, t('workshop:join.seats')),
    h('p', { class: 'lead' }, t('workshop:join.seatsIntro', { code })),
    status,
    list,
    h('p', {}, h('a', { href: `#/join?code=${code}&screen` }, t('workshop:join.screen'))),
    h('p', {}, h('a', { href: '#/join' }, t('workshop:join.other'))),
  );
  let joined: JoinedMessage | null = null;
  let view: ViewMessage | null = null;
  let drawn = '';
  const draw = () => {
    if (!joined || !view) return;
    status.textContent = '';
    // Asked again every few seconds: drawn again only when a seat changed, and the focus stays on its button.
    const key = JSON.stringify([joined.seats, view.view.teams.map((team) => team.name)]);
    if (key === drawn) return;
    drawn = key;
    const focused = list.contains(document.activeElement) ? document.activeElement?.id : undefined;
    const teams = view.view.teams;
    const free = joined.seats.filter((s) => s.holder === null);
    list.replaceChildren(
      ...joined.seats.map((seat, i) => {
        const name = teams.find((team) => team.id === seat.seat)?.name ?? seat.seat;
        if (seat.holder === null) {
          return h(
            'li',
            { 'data-seat': seat.seat },
            h(
              'button',
              { type: 'button', class: 'button', id: `take-${i + 1}`, onclick: () => take(i + 1) },
              t('workshop:join.take', { team: name }),
            ),
          );
        }
        return h('li', { 'data-seat': seat.seat }, t(`workshop:join.${seat.holder === 'bot' ? 'bot' : 'taken'}`, { team: name }));
      }),
      ...(free.length === 0 ? [h('li', {}, t('workshop:join.noFree'))] : []),
    );
    if (focused) document.getElementById(focused)?.focus();
  };
  const peek = new WorkshopConnection(() => ({ role: 'screen', code }), {
    joined: (m) => {
      joined = m;
      draw();
    },
    view: (m) => {
      view = m;
      draw();
    },
    timer: () => {},
    seatToken: () => {},
    error: (m) => {
      status.textContent = t(m.key);
    },
    status: (s, key) => {
      if (s !== 'online') status.textContent = key ? t(key) : t(`workshop:client.${s}`);
    },
    seats: () => {},
  });
  try {
    await peek.open();
  } catch (error) {
    const key = (error as Error).message;
    // No session holds the code: back to the code, as typed, with the reason beside it.
    if (key === UNKNOWN_CODE) {
      peek.close();
      unknown();
      return () => {};
    }
    status.setAttribute('role', 'alert');
    status.textContent = t(key);
  }
  // Another device may take a seat meanwhile: the list is asked again every few seconds.
  const again = window.setInterval(() => peek.sync(), 4000);
  return () => {
    window.clearInterval(again);
    peek.close();
  };
}

export const joinView: ViewFactory = (ctx: AppContext) => {
  let page: DevicePage | null = null;
  let stopList: (() => void) | null = null;
  let container: HTMLElement | null = null;
  let route: Route | null = null;

  const stop = () => {
    page?.dispose();
    page = null;
    stopList?.();
    stopList = null;
  };

  const device = async (target: HTMLElement, code: string, who: DeviceRole) => {
    page = new DevicePage(ctx, code, who);
    try {
      await page.mount(target);
    } catch (error) {
      const key = (error as Error).message;
      if (who.role === 'seat' && key === 'workshop:errors.bad-token') {
        // A seat token that no longer opens the seat (handed on, given to a bot, freed): forgotten, and the seats
        // shown at once, under the reason, so this device can take one again.
        forgetToken(ctx.store, code, 'seat');
        stop();
        target.replaceChildren(h('p', { class: 'notice', role: 'alert' }, t(key)));
        await chooseSeat(target, code);
        return;
      }
      target.prepend(
        h('p', { class: 'notice', role: 'alert' }, t(key)),
        h('p', {}, h('a', { href: `#/join?code=${code}&seats` }, t('workshop:join.seats'))),
      );
    }
  };

  const chooseSeat = async (target: HTMLElement, code: string) => {
    const shown = route;
    stopList = await seatList(
      target,
      code,
      (seat) => {
        stop();
        target.replaceChildren();
        void device(target, code, { role: 'seat', seat });
      },
      () => {
        // Unless the device went elsewhere while the server answered.
        if (route !== shown || container !== target) return;
        target.replaceChildren();
        codeForm(target, code, true, t(UNKNOWN_CODE));
      },
    );
  };

  /** `kept`: the code form's state, written again in another language. */
  const draw = async (target: HTMLElement, next: Route, kept?: { typed: string; checked: boolean }) => {
    stop();
    target.replaceChildren();
    const q = next.query;
    const code = normalizeCode(q.get('code') ?? '');
    if (!q.has('code') || codeError(code))
      return kept ? codeForm(target, kept.typed, kept.checked) : codeForm(target, q.get('code') ?? '');
    const handed = q.get('token');
    if (handed) {
      // A seat handed to this device: its token kept here, and out of the address (and the history).
      ctx.reportStore(keepToken(ctx.store, code, 'seat', handed));
      history.replaceState(history.state, '', `#/join?code=${code}`);
    }
    if (q.has('facilitator')) {
      if (!readToken(ctx.store, code, 'facilitator')) {
        target.append(
          h('h1', { id: 'page-title' }, t('workshop:join.title')),
          h('p', { class: 'notice', role: 'alert' }, t('workshop:client.noFacilitatorKey')),
        );
        return;
      }
      return device(target, code, { role: 'facilitator' });
    }
    if (q.has('screen')) return device(target, code, { role: 'screen' });
    if (readToken(ctx.store, code, 'seat')) return device(target, code, { role: 'seat' });
    await chooseSeat(target, code);
    if (container !== target || route !== next) stop();
  };

  return {
    title: () => `${t('workshop:join.title')} · ${t('app.name')}`,
    async render(target, next) {
      container = target;
      route = next;
      await draw(target, next);
    },
    relocalize() {
      if (page) page.relocalize();
      else if (container && route) {
        // The code form keeps what was typed, and its error if one was shown, in the new language.
        const input = container.querySelector<HTMLInputElement>('#join-code');
        const kept = input
          ? { typed: input.value, checked: (container.querySelector('#join-code-error')?.textContent ?? '') !== '' }
          : undefined;
        void draw(container, route, kept);
      }
    },
    dispose() {
      stop();
      container = null;
    },
  };
};
