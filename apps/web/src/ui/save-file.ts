import { authorization } from '../api/client.js';
import { h } from './h.js';

/** Hands the browser a file to save, as a click on a download link would; the object URL is freed afterwards. */
export function saveFile(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches a file the signed-in user may read and hands it to the browser to save; nothing when it is refused. */
export async function downloadAs(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { headers: authorization() });
  if (!response.ok) return;
  saveFile(await response.blob(), fileName);
}
