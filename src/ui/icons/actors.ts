/** The types of actor that carry the cards: the families of the social and solidarity economy and the local authority. */
import { circle, type IconDrawing, path } from './shapes.ts';

export const ACTOR_ICONS: Readonly<Record<string, IconDrawing>> = {
  // Association: a heart, for members who give their time.
  association: [path('M12 20 C7 16.5 3 13 3 8.5 A4.5 4.5 0 0 1 12 8.5 A4.5 4.5 0 0 1 21 8.5 C21 13 17 16.5 12 20 Z')],
  // Coopérative: one whole shared in equal parts.
  cooperative: [circle(12, 12, 9), path('M12 12 V3 M12 12 L19.8 16.5 M12 12 L4.2 16.5')],
  // SCIC: three kinds of member bound together.
  scic: [
    circle(12, 4.5, 2.5),
    circle(5, 16.5, 2.5),
    circle(19, 16.5, 2.5),
    path('M10.7 6.7 L6.3 14.3 M13.3 6.7 L17.7 14.3 M7.5 16.5 H16.5'),
  ],
  // PTCE: a hub with the partners around it.
  ptce: [
    circle(12, 12, 3),
    circle(5, 5, 2),
    circle(19, 5, 2),
    circle(5, 19, 2),
    circle(19, 19, 2),
    path('M9.9 9.9 L6.4 6.4 M14.1 9.9 L17.6 6.4 M9.9 14.1 L6.4 17.6 M14.1 14.1 L17.6 17.6'),
  ],
  // TZCLD: a person back in work, ticked.
  tzcld: [
    circle(9, 7.5, 3),
    path('M3 20 C3 16 5.5 13.5 9 13.5 C10.5 13.5 11.8 13.9 12.8 14.6'),
    path('M14.5 17.5 L17 20 L21.5 14.5'),
  ],
  // CRESS: the flag of the regional chamber that gathers them.
  cress: [path('M5 21 V3'), path('M5 4 H19 L16 8 L19 12 H5')],
  // Entreprise sociale: a business that grows a purpose, as a sprout.
  'social-enterprise': [
    path('M12 21 V11'),
    path('M12 14.5 C8 14.5 5 12.5 5 8.5 C9 8.5 12 10.5 12 14.5 Z'),
    path('M12 11 C12 7 15 4.5 19 4.5 C19 8.5 16 11 12 11 Z'),
    path('M7 21 H17'),
  ],
  // Collectivité: a town hall with its pediment and columns.
  'local-authority': [path('M3 9 L12 4 L21 9 Z'), path('M5 12 V17 M9.7 12 V17 M14.3 12 V17 M19 12 V17'), path('M3 20 H21')],
};
