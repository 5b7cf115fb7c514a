// Static content of the edges, carousel and nested pages, shared so the three demos render the same.
import { PALETTE } from './feed';

export interface Tile {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

const EDGE_COLUMNS = 8;
const EDGE_ROWS = 12;

/** An 8 x 12 grid of tiles, larger than any phone screen in both directions. */
export const EDGE_TILES: readonly Tile[] = Array.from({ length: EDGE_COLUMNS * EDGE_ROWS }, (_, i) => {
  const row = Math.floor(i / EDGE_COLUMNS);
  const column = i % EDGE_COLUMNS;
  return { key: `${row}-${column}`, label: `${String.fromCharCode(65 + column)}${row + 1}`, color: PALETTE[(row + column) % PALETTE.length] };
});

export interface Card extends Tile {
  readonly detail: string;
}

/** The carousel: places to visit, as a travel app's "Discover" row shows them. */
export const CAROUSEL_CARDS: readonly Card[] = [
  ['Lisbon', '3 days · trams and tiles'], ['Kyoto', 'Autumn maples, 5 days'], ['Reykjavík', 'Northern lights tour'],
  ['Cape Town', 'Table Mountain hike'], ['Oaxaca', 'Markets and mole'], ['Tromsø', 'Fjords by boat'],
  ['Hoi An', 'Lanterns by the river'], ['Porto', 'Weekend by the Douro'],
].map(([label, detail], i) => ({ key: `card-${i}`, label, detail, color: PALETTE[(i + 2) % PALETTE.length] }));

export interface Row {
  readonly key: string;
  readonly title: string;
  readonly detail: string;
}

function rows(prefix: string, entries: readonly (readonly [string, string])[]): Row[] {
  return entries.map(([title, detail], i) => ({ key: `${prefix}-${i}`, title, detail }));
}

/** Rows of the travel list around the carousel. */
export const CAROUSEL_ROWS_BEFORE: readonly Row[] = rows('trip', [
  ['Your next trip', 'Lisbon, 14–17 May · 2 travellers'],
  ['Saved places', '12 places in 4 cities'],
  ['Price alert', 'Flights to Kyoto dropped 18 %'],
]);
export const CAROUSEL_ROWS_AFTER: readonly Row[] = rows('guide', [
  ['A weekend in Porto', 'Where to eat along the Douro, from tascas to rooftops'],
  ['Packing for the fjords', 'Layers, boots and a thermos: the short list'],
  ['Night trains are back', 'Six overnight routes across Europe worth a sleeper'],
  ['Street food in Oaxaca', 'Tlayudas, tamales and where to find the best mole'],
  ['Kyoto without the crowds', 'Temples to see at 7 am, and one to skip'],
  ['Cape Town on foot', 'Three day hikes that start in the city'],
  ['Iceland in winter', 'Daylight, roads and the best hot springs'],
  ['Hoi An by bike', 'A loop through rice fields to the beach'],
  ['Lisbon’s viewpoints', 'Seven miradouros ranked by sunset'],
  ['Travelling with kids', 'What we learned on a month of trains'],
  ['Budget: 7 days in Vietnam', 'What a week costs, line by line'],
  ['Carry-on only', 'Two weeks, one bag, no regrets'],
  ['Best bakeries in Copenhagen', 'Cardamom buns, ranked'],
  ['Hiking the Lycian Way', 'Stages, water and where to sleep'],
]);

/** Rows of the nested page: the inbox and the pinned messages scroller inside it. */
export const NESTED_OUTER_ROWS: readonly Row[] = rows('message', [
  ['Maya Chen', 'Lunch on Thursday? The new ramen place opened'],
  ['Studio team', 'Standup moved to 10:30 tomorrow'],
  ['Ravi Kumar', 'Sent the photos from the hike, some are great'],
  ['Building office', 'Water off on Level 3 Friday 9–11'],
  ['Lena Fischer', 'Can you review my slides before Monday?'],
  ['Book club', 'We meet at Anna’s this month'],
  ['Tom Baker', 'Found your keys in the meeting room'],
  ['Airline', 'Check-in is open for your flight to Lisbon'],
  ['Mum', 'Call me when you land'],
  ['Gym', 'Your class on Saturday is confirmed'],
]);
export const NESTED_INNER_ROWS: readonly Row[] = rows('pinned', [
  ['Wi-Fi password', 'Guest network: harbour-view-2024'],
  ['Flight LIS 14 May', 'TP 1349 · 07:40 · seat 12C'],
  ['Hotel in Lisbon', 'Rua das Flores 42 · check-in 15:00'],
  ['Dentist', 'Tuesday 16:20 with Dr. Alves'],
  ['Team offsite', 'Porto, 2–3 June · book trains'],
  ['Car service', 'Due in 1,200 km'],
  ['Parcel pickup', 'Locker 18 · code 4471'],
  ['Landlord', 'Rent goes to the new account from June'],
  ['Recipe', 'Miso aubergine: less miso, more mirin'],
  ['Library', 'Two books due on the 20th'],
  ['Plant sitter', 'Water the fern on Wednesdays'],
  ['Gift ideas', 'Ceramic mug, running socks, a good novel'],
  ['Concert', 'Saturday doors 19:30, row F'],
  ['Gym locker', 'Number 233'],
  ['Passport', 'Expires in March, renew before summer'],
  ['Bike lock', '0-4-1-7'],
]);
/** Where the inner scroller starts, px from its top, so a pull first scrolls it back. */
export const NESTED_INNER_START = 240;
