/** Links to a tour and to presenting it (`#/tour/<id>/<chapter>`, `#/present/...`). */

export function tourHref(tourId: string, chapterId?: string): string {
  const tail = chapterId === undefined ? '' : `/${encodeURIComponent(chapterId)}`;
  return `#/tour/${encodeURIComponent(tourId)}${tail}`;
}

export function presentHref(tourId: string, chapterId?: string): string {
  const tail = chapterId === undefined ? '' : `/${encodeURIComponent(chapterId)}`;
  return `#/present/${encodeURIComponent(tourId)}${tail}`;
}
