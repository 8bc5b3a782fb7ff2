/**
 * Registers the kit's service worker (built by tools/lib/vite-pwa.ts). It precaches the whole kit;
 * a new version installs in the background and waits: `onUpdate` gets the function that switches
 * to it, to be called only when the user asks. Service workers need a secure context (HTTPS or
 * localhost) and do not run from file://: there the kit works as before, online.
 */
import { registerSW } from 'virtual:pwa-register';

export interface OfflineHandlers {
  /** The kit is stored on this device and works without a network; `first` on the visit that stored it. */
  onReady(first: boolean): void;
  /** A new version is waiting; `apply` activates it and reloads the page. */
  onUpdate(apply: () => Promise<void>): void;
}

export function startServiceWorker(handlers: OfflineHandlers): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext || window.location.protocol === 'file:') return;
  const apply = registerSW({
    immediate: true,
    onOfflineReady: () => handlers.onReady(true),
    onNeedRefresh: () => handlers.onUpdate(() => apply(true)),
    onRegisteredSW(_url, registration) {
      // A later visit: the worker was installed before, offlineReady is not fired again.
      if (registration?.active && navigator.serviceWorker.controller) handlers.onReady(false);
    },
    onRegisterError: () => {
      // No worker (private mode, blocked by policy): the kit still works online.
    },
  });
}
