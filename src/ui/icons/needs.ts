/** The eight needs the indicators measure, one pictogram each. */
import type { IndicatorId } from '../../engine/types.ts';
import { circle, type IconDrawing, path, rect } from './shapes.ts';

export const NEED_ICONS: Readonly<Record<IndicatorId, IconDrawing>> = {
  // Respirer: gusts of air.
  breathe: [path('M3 9 H14 A3 3 0 1 0 11 6'), path('M3 13 H18 A3 3 0 1 1 15 16'), path('M3 17 H9')],
  // Boire: a drop of water with its gleam.
  drink: [path('M12 3 C12 3 5 10.5 5 14.5 A7 7 0 0 0 19 14.5 C19 10.5 12 3 12 3 Z'), path('M8.5 15 A3.5 3.5 0 0 0 12 18.5')],
  // Manger: an apple with its stalk and leaf.
  eat: [
    path(
      'M12 8 C10 6.5 5 6 4.5 11.5 C4 16 7.5 21 10 21 C11 21 11.5 20.5 12 20.5 C12.5 20.5 13 21 14 21 C16.5 21 20 16 19.5 11.5 C19 6 14 6.5 12 8 Z',
    ),
    path('M12 8 C12 6 12.5 4.5 14 3'),
    path('M12.5 5.5 C13.5 3.5 15.5 3 17.5 3.5 C16.5 5.5 14.5 6 12.5 5.5 Z'),
  ],
  // Se déplacer: a bicycle.
  move: [
    circle(5.5, 16, 3.5),
    circle(18.5, 16, 3.5),
    path('M5.5 16 L9 9 H15.5 L18.5 16'),
    path('M9 9 L12 16 L15.5 9'),
    path('M5.5 16 H12'),
    path('M9 9 L8.5 6.5 M7 6.5 H10'),
    path('M15.5 9 L14.5 6 H17'),
  ],
  // Habiter: a house with its door.
  live: [path('M3 11 L12 3.5 L21 11'), path('M5.5 9 V20.5 H18.5 V9'), path('M10 20.5 V15 H14 V20.5')],
  // Cohésion sociale: three people side by side.
  cohesion: [
    circle(12, 7.5, 2.8),
    path('M6.5 20 C6.5 15.5 9 13.5 12 13.5 C15 13.5 17.5 15.5 17.5 20'),
    circle(5, 9.5, 2),
    path('M2 18 C2 15.5 3 14 4.8 13.8'),
    circle(19, 9.5, 2),
    path('M22 18 C22 15.5 21 14 19.2 13.8'),
  ],
  // Emplois locaux: a briefcase.
  jobs: [rect(3, 7, 18, 13, 2), path('M9 7 V5 A1 1 0 0 1 10 4 H14 A1 1 0 0 1 15 5 V7'), path('M3 12.5 H21'), path('M12 11 V14')],
  // Coopération: two rings linked.
  cooperation: [circle(8.5, 12, 5.5), circle(15.5, 12, 5.5)],
};
