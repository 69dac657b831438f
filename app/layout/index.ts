export * from './types.js';
export * from '../text/script.js';
export { mergeFragmentsIntoLines } from './lines.js';
export { readingOrder } from './order.js';
export { groupParagraphs, joinLines } from './paragraphs.js';
export { analyzeLayout } from './layout.js';
export { textResult, toLocation } from './result.js';
export { detectLanguage } from './lang.js';
