// Run colours, shared by every chart so a run keeps one colour everywhere. Okabe–Ito (Okabe & Ito 2008,
// "Color Universal Design"): distinguishable under the common colour-vision deficiencies. The first two
// sit next to the app's warm Adam / cool Sadam so the default two-run scenes read the same in cards and
// charts. The first is Okabe–Ito's vermillion made darker (same hue) so that it also serves as text:
// the two runs of the default scenes have one colour for heading, panel frame and curves.

export const RUN_COLORS = ['#b95200', '#0072b2', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'] as const;

/**
 * The same hues dark enough for text (WCAG AA, 4.5:1 on the cards and the page): a run's name is
 * written in these. Where the run colour itself is dark enough, the two are the same.
 */
export const RUN_TEXT_COLORS = ['#b95200', '#0072b2', '#007f5d', '#b94786', '#976800', '#1777ae'] as const;

const cycle = (colours: readonly string[], index: number) =>
  colours[((index % colours.length) + colours.length) % colours.length] as string;

/** Colour of the run at this position in the snapshot's run list. */
export function runColor(index: number): string {
  return cycle(RUN_COLORS, index);
}

/** The text colour of the run at this position (its name). */
export function runTextColor(index: number): string {
  return cycle(RUN_TEXT_COLORS, index);
}

/** Class colours of the 2-D data sets (TF Playground's orange / blue first, then distinct hues). */
export const CLASS_COLORS = ['#f59322', '#0877bd', '#41a35a', '#a4508b', '#c9a227'] as const;

export function classColor(index: number): string {
  return CLASS_COLORS[index % CLASS_COLORS.length] as string;
}

/** The reference (bound) lines: neutral ink, so they never look like another run. */
export const BOUND_COLOR = '#343a40';
