export * from './reverse'; export * from './forward'; export * from './higher'; export * from './numeric';
