export * from './types.js';
export * from './response.js';
export * from './errors.js';
export * from './options.js';
export * from './tips.js';
export * from './server-url.js';
export * from './languages.js';
