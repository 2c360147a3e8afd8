/**
 * A URL fit for logs and execution records: userinfo removed and every query value replaced
 * (parameter names are kept for debugging). The fragment is dropped, it is never sent anyway.
 */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  copy.hash = '';
  if (copy.search !== '') {
    const names = [...new Set(copy.searchParams.keys())];
    copy.search = names.map((name) => `${encodeURIComponent(name)}=REDACTED`).join('&');
  }
  return copy.href;
}
