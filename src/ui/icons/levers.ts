/** The Department's levers, by lever id. */
import { circle, type IconDrawing, path, polygon } from './shapes.ts';

export const LEVER_ICONS: Readonly<Record<string, IconDrawing>> = {
  // Contrat de territoire solidaire: a signed contract.
  'solidarity-territory-contract': [
    path('M6 3 H14 L18 7 V21 H6 Z'),
    path('M14 3 V7 H18'),
    path('M9 11 H15 M9 14 H15'),
    path('M9 18 C10 16 11 19.5 12.5 17.5 C13 17 13.5 18.5 15 18'),
  ],
  // Appel à projets: a call through a loud-hailer.
  'call-for-projects': [path('M3 10 H7 L16 5 V19 L7 14 H3 Z'), path('M7 14 L8.5 19'), path('M19 9 A4 4 0 0 1 19 15')],
  // Ingénierie départementale: a gear.
  'departmental-engineering': [
    polygon(
      '10.1,5.3 10.5,2.6 13.5,2.6 13.9,5.3 15.4,5.9 17.6,4.3 19.7,6.4 18.1,8.6 18.7,10.1 21.4,10.5 21.4,13.5 18.7,13.9 18.1,15.4 19.7,17.6 17.6,19.7 15.4,18.1 13.9,18.7 13.5,21.4 10.5,21.4 10.1,18.7 8.6,18.1 6.4,19.7 4.3,17.6 5.9,15.4 5.3,13.9 2.6,13.5 2.6,10.5 5.3,10.1 5.9,8.6 4.3,6.4 6.4,4.3 8.6,5.9',
    ),
    circle(12, 12, 3),
  ],
  // Clause d'insertion: steps up to a job.
  'integration-clause': [path('M3 21 V17 H8 V13 H13 V9 H18 V5 H21'), path('M3 21 H21 V5'), circle(6, 8, 2), path('M6 10 V14')],
  // Mutualisation avec les voisins: two houses under one shared arc.
  'pooling-neighbours': [
    path('M2.5 14 L7 10 L11.5 14'),
    path('M4 12.7 V20 H10 V12.7'),
    path('M12.5 14 L17 10 L21.5 14'),
    path('M14 12.7 V20 H20 V12.7'),
    path('M7 7 C9 3 15 3 17 7'),
  ],
};
