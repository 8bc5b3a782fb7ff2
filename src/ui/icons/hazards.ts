/**
 * The hazards of every scenario. Kin share a base: the fires a flame, the floods a
 * wave, the price spikes an arrow up, the losses a barred circle; what stands
 * beside it tells one from the other.
 */
import { circle, FLAME, type IconDrawing, LOST, path, polygon, rect, SOARS, wave } from './shapes.ts';

export const HAZARD_ICONS: Readonly<Record<string, IconDrawing>> = {
  // Canicule: a thermometer at the top and heat rising.
  heatwave: [
    path('M8 14.5 V5 A2.5 2.5 0 0 1 13 5 V14.5 A4 4 0 1 1 8 14.5 Z'),
    path('M10.5 17.5 V8'),
    path('M17 8 C18 9.5 16 11 17 12.5 C18 14 16 15.5 17 17'),
    path('M20.5 8 C21.5 9.5 19.5 11 20.5 12.5 C21.5 14 19.5 15.5 20.5 17'),
  ],
  // Sécheresse: the sun over cracked ground.
  drought: [
    circle(16, 7, 2.5),
    path('M20 7 H21.5 M18.8 9.8 L19.9 10.9 M13.2 9.8 L12.1 10.9 M12 7 H10.5 M13.2 4.2 L12.1 3.1 M16 3 V1.5 M18.8 4.2 L19.9 3.1'),
    path('M9 20 V11'),
    path('M9 15 C7 13.5 4.5 14 3.5 16.5 M9 12.5 C11 11.5 13.5 12.5 14 15'),
    path('M3 20 H6 L7 21.5 L8.5 20 H14 L15 21.5 L16.5 20 H21'),
  ],
  // Feu de forêt: a fir tree and a flame.
  'forest-fire': [path('M7 4 L3 10.5 H5 L2 15.5 H12 L9 10.5 H11 Z'), path('M7 15.5 V20'), FLAME],
  // Incendie sur la friche: a disused shed and a flame.
  'brownfield-fire': [path('M2.5 20 V12 L6.5 9 L10.5 12 V20 Z'), path('M5 20 V16 H8 V20'), path('M2 20 H13'), FLAME],
  // Crue de la rivière: a house with the water up its walls.
  'river-flood': [path('M6 11 L12 5.5 L18 11'), path('M8 9.5 V14 M16 9.5 V14'), wave(15.5), wave(19.5)],
  // Submersion marine: a breaking wave over the shore.
  'marine-submersion': [
    path('M2 16 C5 16 6 7 12 6.5 C15.5 6.2 18 8.5 17.5 11.5 C15.5 10 13 11 13.5 14 C14 15.5 15.5 16 17 16 H22'),
    wave(20),
  ],
  // Érosion du littoral: a cliff crumbling into the sea.
  'coastal-erosion': [
    path('M2 6 H10 L12 9.5 L10.5 12.5 L12.5 16 L12 21 H2'),
    path('M15.5 8.5 L17.5 9.5 L16.5 11.5 L14.5 10.5 Z M17 14 L18.5 14.8 L17.8 16.3 L16.3 15.5 Z'),
    path('M14.5 20 C15.8 18.7 17.2 18.7 18.5 20 C19.5 21 20.8 21 22 20'),
  ],
  // Tempête: a cloud and a bolt of lightning.
  storm: [
    path('M7 15 A4 4 0 0 1 6.5 7 A5.5 5.5 0 0 1 17 7.5 A3.8 3.8 0 0 1 17.5 15 Z'),
    path('M13 12.5 L10.5 17 H14 L11.5 21.5'),
  ],
  // Tempête et chablis: a fir tree blown down, and the wind.
  'windthrow-storm': [
    path('M16.1 11.2 L10.4 11.1 L11.1 12.1 L5.8 12.7 L11.2 20.4 L13.5 15.6 L14.3 16.7 Z'),
    path('M8.5 16.6 L5 19 M3.8 17.3 L6.2 20.7'),
    path('M2 21 H22'),
    path('M10 4 H19 A2.5 2.5 0 1 1 16.5 6.5'),
    path('M6 7.5 H13'),
  ],
  // Flambée des prix de l'énergie: a bolt, and the price going up.
  'energy-price-spike': [path('M11 2 L4 13 H10 L9 22 L16 11 H10.5 Z'), SOARS],
  // Flambée des prix du carburant: a fuel pump, and the price going up.
  'fuel-price-spike': [
    path('M4 21 V5 A1.5 1.5 0 0 1 5.5 3.5 H11.5 A1.5 1.5 0 0 1 13 5 V21'),
    path('M2.5 21 H14.5'),
    rect(6.5, 6.5, 4, 3.5),
    path('M13 12 H14.5 A1.5 1.5 0 0 1 16 13.5 V17 A1.5 1.5 0 0 0 19 17 V15'),
    SOARS,
  ],
  // Fermeture d'usine: a factory, closed.
  'plant-closure': [path('M2.5 20 V12 L6 9.5 V12 L9.5 9.5 V12 L13 9.5 V20 Z'), path('M3.5 11.3 V5 H5.5 V9.9'), ...LOST],
  // Fermeture de la scierie: a saw blade, stopped.
  'sawmill-closure': [
    polygon(
      '14.5,9 15.2,12.2 13.4,12.2 12.2,15.2 10.7,14.2 7.9,15.9 7.3,14.2 4.1,13.9 4.6,12.2 2.1,10.1 3.5,9 2.8,5.8 4.6,5.8 5.8,2.8 7.3,3.8 10.1,2.1 10.7,3.8 13.9,4.1 13.4,5.8 15.9,7.9',
    ),
    circle(9, 9, 1.5),
    ...LOST,
  ],
  // Fermeture d'un service public: the post office's letter, gone.
  'service-closure': [rect(2, 4, 14, 10, 1.5), path('M2.5 5 L9 10 L15.5 5'), ...LOST],
  // Fermeture de la dernière épicerie: a shop with its awning, closed.
  'last-shop-closure': [path('M2 8 L3.5 4 H12.5 L14 8 Z'), path('M3 8 V19.5 H13 V8'), path('M6 19.5 V13.5 H9.5 V19.5'), ...LOST],
  // Départ du dernier médecin: the doctor's bag, gone.
  'doctor-retirement': [rect(2.5, 7, 13, 9, 1.5), path('M6.5 7 V5 H11.5 V7'), path('M9 9.5 V13.5 M7 11.5 H11'), ...LOST],
  // Desserte ferroviaire réduite: a train, cut.
  'rail-service-cut': [
    rect(3.5, 3, 10, 12, 2.5),
    path('M3.5 9 H13.5'),
    circle(6.5, 12, 0.8, true),
    circle(10.5, 12, 0.8, true),
    path('M6 15 L4 20 M11 15 L13 20'),
    ...LOST,
  ],
  // Restrictions d'eau: a watering can, banned.
  'irrigation-restriction': [
    path('M3 9 H11 L10.5 17 H3.5 Z'),
    path('M11 14 L15.5 8'),
    path('M14.5 6.5 L17 9.5'),
    path('M4.5 9 C4.5 5.5 9.5 5.5 9.5 9'),
    ...LOST,
  ],
  // Fermeture sanitaire des parcs à huîtres: an oyster, banned.
  'oyster-harvest-closure': [
    path('M9 14.5 L3 7.5 A7.5 7.5 0 0 1 15 7.5 Z'),
    path('M9 14.5 L7 6 M9 14.5 L11 6'),
    path('M7 14.5 H11'),
    ...LOST,
  ],
  // Saison touristique manquée: a beach parasol and the takings going down.
  'failed-tourist-season': [
    path('M2 10 A6.5 6.5 0 0 1 15 10 Z'),
    path('M8.5 10 V20'),
    path('M3 20.5 H14'),
    path('M19.5 12 V21 M17 18.5 L19.5 21 L22 18.5'),
  ],
  // Épidémie: a virus.
  pandemic: [
    circle(12, 12, 5),
    path(
      'M17 12 H19.5 M15.5 15.5 L17.3 17.3 M12 17 V19.5 M8.5 15.5 L6.7 17.3 M7 12 H4.5 M8.5 8.5 L6.7 6.7 M12 7 V4.5 M15.5 8.5 L17.3 6.7',
    ),
    circle(20.5, 12, 1),
    circle(18, 18, 1),
    circle(12, 20.5, 1),
    circle(6, 18, 1),
    circle(3.5, 12, 1),
    circle(6, 6, 1),
    circle(12, 3.5, 1),
    circle(18, 6, 1),
  ],
  // Rupture d'approvisionnement: a chain broken in two.
  'supply-disruption': [
    rect(2, 9, 8.5, 6, 3),
    rect(13.5, 9, 8.5, 6, 3),
    path('M12 4 V6.5 M8.5 5 L9.7 7 M15.5 5 L14.3 7 M12 17.5 V20'),
  ],
};
