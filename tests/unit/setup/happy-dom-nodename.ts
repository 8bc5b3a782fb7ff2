/**
 * happy-dom's Node.prototype.nodeName getter returns '' for every node
 * (capricorn86/happy-dom#2182); DOMPurify >= 3.4.8 reads tag names through
 * that getter, so under happy-dom it would drop allowed tags and skip nodes.
 * Browsers are fine. Until happy-dom is fixed, the getter dispatches to the
 * subclass one. A setup file runs before the test file imports DOMPurify
 * (which captures the getter when it loads). Node-environment tests skip it.
 */
if (typeof Node !== 'undefined' && typeof document !== 'undefined') {
  const base = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');
  if (base?.get?.call(document.createElement('p')) === '') {
    Object.defineProperty(Node.prototype, 'nodeName', {
      configurable: true,
      get(this: Node): string {
        for (let proto = Object.getPrototypeOf(this); proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto)) {
          const getter = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
          if (getter) return getter.call(this);
        }
        return base.get?.call(this) ?? '';
      },
    });
  }
}
