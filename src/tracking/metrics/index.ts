/**
 * `loadwise/metrics`: training-load calculations as pure functions, with no DOM and no storage.
 * Every function is linear in the number of days, and names the method it implements.
 */
export * from './calendar.js';
export * from './daily-loads.js';
export * from './acute-chronic.js';
export * from './monotony.js';
export * from './fitness-fatigue.js';
export * from './trimp.js';
export * from './guidelines.js';
