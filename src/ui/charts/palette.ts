// Run colours, shared by every chart so a run keeps one colour everywhere. Okabe–Ito (Okabe & Ito 2008,
// "Color Universal Design"): distinguishable under the common colour-vision deficiencies. The first two
// sit next to the app's warm Adam / cool Sadam so the default two-run scenes read the same in cards and
// charts.

export const RUN_COLORS = ['#d55e00', '#0072b2', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'] as const;

/** Colour of the run at this position in the snapshot's run list. */
export function runColor(index: number): string {
  const n = RUN_COLORS.length;
  return RUN_COLORS[((index % n) + n) % n] as string;
}

/** Class colours of the 2-D data sets (TF Playground's orange / blue first, then distinct hues). */
export const CLASS_COLORS = ['#f59322', '#0877bd', '#41a35a', '#a4508b', '#c9a227'] as const;

export function classColor(index: number): string {
  return CLASS_COLORS[index % CLASS_COLORS.length] as string;
}

/** The reference (bound) lines: neutral ink, so they never look like another run. */
export const BOUND_COLOR = '#343a40';
