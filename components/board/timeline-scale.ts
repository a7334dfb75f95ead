/** Zoom levels: how many pixels a minute takes, and the axis ticks that read well at that scale. */
export const ZOOMS = {
  hours: { label: "Hours", pxPerMinute: 3, tickMinutes: 60, majorMinutes: 24 * 60 },
  day: { label: "Day", pxPerMinute: 0.6, tickMinutes: 6 * 60, majorMinutes: 24 * 60 },
  week: { label: "Week", pxPerMinute: 0.1, tickMinutes: 24 * 60, majorMinutes: 7 * 24 * 60 },
} as const;
export type Zoom = keyof typeof ZOOMS;

export const ROW_HEIGHT = 52;
export const HEADER_WIDTH = 200;

export function xOf(ms: number, origin: number, pxPerMinute: number): number {
  return ((ms - origin) / 60_000) * pxPerMinute;
}

export function timeAt(x: number, origin: number, pxPerMinute: number, snapMinutes = 5): number {
  const minutes = x / pxPerMinute;
  return origin + Math.round(minutes / snapMinutes) * snapMinutes * 60_000;
}

/** A stable, readable colour per job family (hue from a hash, so new families need no config). */
export function familyColor(family: string): string {
  let hash = 0;
  for (let i = 0; i < family.length; i++) hash = (hash * 31 + family.charCodeAt(i)) | 0;
  const hue = Math.abs(hash) % 360;
  return `hsl(${hue} 60% 52%)`;
}
