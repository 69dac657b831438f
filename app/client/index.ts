export { OcrClient, type OcrClientOptions, type RecognizeCall, type ImageSource } from './client.js';
export { OcrClientError, type OcrClientErrorKind } from './errors.js';
