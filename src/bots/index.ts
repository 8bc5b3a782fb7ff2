export * from './autoplay.ts';
export * from './strategies.ts';
