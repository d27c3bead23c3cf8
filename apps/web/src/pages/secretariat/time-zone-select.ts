import { timeZoneName } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';

/**
 * A choice of time zone for a government: every zone of Asia the browser's Intl knows, named in the page's
 * language; the first choice (`none`) sends no zone.
 */
export function timeZoneSelect(selected: string | null, none: string): HTMLSelectElement {
  const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone.startsWith('Asia/'));
  if (selected && !zones.includes(selected)) zones.unshift(selected);
  return h(
    'select',
    { name: 'timeZone' },
    h('option', { value: '', selected: !selected }, none),
    zones.map((zone) => h('option', { value: zone, selected: zone === selected }, timeZoneName(zone))),
  );
}
