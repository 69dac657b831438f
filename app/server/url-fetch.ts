// Fetches a `url` input: http(s) only, bounded in size and time, a few redirects at most,
// and never from an address that is not public unless the operator allows it. The address
// is checked at connect time (in `lookup`), so a name that resolves differently the second
// time (DNS rebinding) is caught too.
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { engineFailure, unsupported, OcrError } from '../protocol/index.js';
import { isPublicAddress } from './address-policy.js';

export interface UrlFetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** `lookup` for http.request: resolves, then refuses any answer that is not a public address. */
function guardedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused)
      return callback(Object.assign(new Error(`refused`), { code: 'EPRIVATEADDRESS', address: refused.address }), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}

const privateRefusal = (host: string) =>
  unsupported(
    `the URL's host ${host} is a loopback, private or link-local address; this server does not fetch from those`,
  );

export async function fetchImageUrl(raw: string, limits: UrlFetchLimits): Promise<Uint8Array> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw unsupported(`"${raw.slice(0, 100)}" is not a URL`);
  }
  for (let redirects = 0; ; redirects++) {
    const outcome = await fetchOnce(url, limits);
    if ('bytes' in outcome) return outcome.bytes;
    if (redirects >= limits.maxRedirects)
      throw unsupported(`the URL redirected more than ${limits.maxRedirects} times`);
    url = new URL(outcome.location, url);
  }
}

function fetchOnce(url: URL, limits: UrlFetchLimits): Promise<{ bytes: Uint8Array } | { location: string }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw unsupported(`only http and https URLs can be fetched, not ${url.protocol}`);
  }
  // An address written in the URL is never looked up, so `lookup` cannot guard it: check here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!limits.allowPrivate && isIP(literal) && !isPublicAddress(literal)) throw privateRefusal(url.hostname);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const fail = (error: OcrError) => {
      request.destroy();
      reject(error);
    };
    // One deadline for the whole exchange: a server that drips one byte a second is cut off too.
    const timer = setTimeout(
      () => fail(engineFailure(`the URL did not answer within ${limits.timeoutMs / 1000} s`)),
      limits.timeoutMs,
    );
    const request = client.get(
      url,
      { lookup: limits.allowPrivate ? undefined : guardedLookup, headers: { accept: 'image/*' } },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          clearTimeout(timer);
          response.resume();
          resolve({ location: response.headers.location });
          return;
        }
        if (status < 200 || status >= 300) {
          clearTimeout(timer);
          fail(unsupported(`the URL answered HTTP ${status}, not an image`));
          return;
        }
        const declared = Number(response.headers['content-length']);
        if (declared > limits.maxBytes) {
          clearTimeout(timer);
          fail(unsupported(`the image at the URL is ${declared} bytes; the limit is ${limits.maxBytes}`));
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > limits.maxBytes) {
            clearTimeout(timer);
            fail(unsupported(`the image at the URL is larger than the limit of ${limits.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ bytes: Buffer.concat(chunks) });
        });
        response.on('error', (error) => {
          clearTimeout(timer);
          fail(engineFailure(`reading the URL failed: ${error.message}`));
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'EPRIVATEADDRESS') reject(privateRefusal(url.hostname));
      else if (error.code === 'ENOTFOUND') reject(unsupported(`the URL's host ${url.hostname} was not found`));
      else reject(engineFailure(`the URL could not be fetched: ${error.message}`));
    });
  });
}
