export * from './script.js';
export * from './half-width.js';
export * from './cjk-spacing.js';
export * from './punctuation.js';
export * from './options.js';
export * from './hyphenation.js';
export * from './latin-languages.js';
export * from './traditional-chinese.js';
