/** Phaser's CommonJS sources, reached through the `phaser-src` alias (vite.config.ts); typed by the phaser package. */
declare module 'phaser-src/*' {
  // biome-ignore lint/suspicious/noExplicitAny: each source file exports one untyped CommonJS value.
  const value: any;
  export default value;
}
