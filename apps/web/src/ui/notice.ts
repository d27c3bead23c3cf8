/** A short sentence in the page's live region, read out by screen readers. */
export function notify(message: string, tone: 'info' | 'warning' = 'info'): void {
  const region = document.getElementById('notice');
  if (!region) return;
  region.className = `notice notice-${tone}`;
  region.textContent = message;
  window.clearTimeout(Number(region.dataset.timer));
  region.dataset.timer = String(window.setTimeout(() => (region.textContent = ''), 8000));
}
