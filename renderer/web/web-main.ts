// The browser build's entry: window.ocr over HTTP, then the same app as in Electron.
import { createHttpApi } from './http-api.js';

const config = (await (await fetch('./web-config.json')).json()) as { token: string };
const screen = new URLSearchParams(location.search).get('screen') ?? undefined;
window.ocr = createHttpApi({ token: config.token, baseUrl: location.origin, screenUrl: screen });
await import('../src/main.js');
