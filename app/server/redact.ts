/** A URL fit for logs: the value of every `token` parameter (any case) replaced. */
export function redactTokens(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}
