/** Names shared by the scenes and startMap. */
export const SCENES = { map: 'Map' } as const;

/** Registry key holding the current MapViewModel. */
export const MODEL_KEY = 'mapModel';

/** Game event emitted once, after the Map scene has drawn its first frame. */
export const FIRST_FRAME_EVENT = 'map-first-frame';
/** The scene tells the page the smallest text it draws, in CSS pixels as the canvas is shown. */
export const TEXT_SIZE_EVENT = 'map-text-size';
