// Where an Open API server is reached: an absolute http:// or https:// address. The client
// refuses any other (in a browser a relative "not a url" is fetched from the page's own server
// and answers 404), and the Settings view says so before it asks.

/** Whether `text` (spaces around it aside) is an http(s) address with a host. */
export function isServerUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
