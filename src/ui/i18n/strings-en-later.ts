// English strings that the first screen never shows: the tour's steps, the share dialog, the shortcut
// sheet, the verify panel and CSV import. They travel with those lazy parts (each imports
// './later-strings', which adds this table to the English one), not in the page's initial JavaScript.
// strings-zh.ts gives these keys too (strings.test.ts checks both tables together).

export const EN_LATER = {
  // Keyboard shortcuts
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.close': 'Close',
  'shortcuts.keySpace': 'Space',
  'shortcuts.playPause': 'play / pause',
  'shortcuts.step': 'one step (while paused)',
  'shortcuts.reset': 'reset (same initial weights)',
  'shortcuts.scene': 'load scene 1 … 9 of the scene list',
  'shortcuts.present': 'presentation mode (large type, high contrast, full screen)',
  'shortcuts.sheet': 'show or hide this sheet',
  'shortcuts.closeSheet': 'close this sheet',

  // Verify panel
  'verify.title': 'Verify optimizers',
  'verify.description':
    'Runs the optimizers on this backend against an independent float64 reference (the golden Adam and Sadam trajectories, a slice of the verification grid, a softplus stress case) and checks that no tensor leaked.',
  'verify.button': 'Verify optimizers',
  'verify.running': 'Verifying…',
  'verify.waiting': 'Waiting for a backend…',
  'verify.checking': 'Checking on {backend}…',
  'verify.error': 'The self-check could not run: {message}',
  'verify.took': ' in {seconds} s',
  'verify.headline': '{good}/{total} checks passed on {backend}',
  'verify.caseProblem': '{id}: max parameter error {param}, max A-LR relative error {alr}',
  'verify.noCases': 'the self-check ran no cases',
  'verify.leaked': '{count} tensor(s) leaked',
  'verify.reportedFailure': 'the self-check reported a failure',
  'share.title': 'Share or embed this experiment',
  'share.link': 'Link (opens this scene with these runs, settings and seeds)',
  'share.copyLink': 'Copy link',
  'share.copied': 'Copied ✓',
  'share.hide': 'Embedded copy: hide',
  'share.width': 'width',
  'share.height': 'height',
  'share.origin': 'only this origin may drive it (optional)',
  'share.snippet': 'Embed code',
  'share.copySnippet': 'Copy embed code',
  'share.close': 'Close',
  'csv.legend': 'Your own data',
  'csv.drop': 'Drop a CSV file here, or',
  'csv.choose': 'Choose a CSV…',
  'csv.hint':
    'Columns x, y, label (header optional, any order); comma, semicolon or tab separated; labels are numbers or names. Up to {rows} points, {classes} classes, {mb} MB. Training restarts on the new points.',
  'csv.reading': 'Reading {name}…',
  'csv.couldNotUse': 'Could not use',
  'share.slideLayout': 'Slide layout in a wide frame (one screen: heatmaps, Figure 1, max/min)',
  'share.originInvalid':
    'Not an origin: write scheme://host[:port] only, like https://slides.example.org (no path). The embed code is left empty until it is one.',
  'tour.spread.title': 'Adam’s step sizes span orders of magnitude',
  'tour.spread.caption':
    'The paper’s Figure 1 setting: a small network learns MNIST, Adam on the left and Sadam on the right, from the same initial weights on the same batches. Adam divides each weight’s step by √v + ε, so every weight has its own adaptive learning rate, A-LR = 1/(√v + ε) — and across one network these span many orders of magnitude.',
  'tour.spread.look': 'Adam’s max/min A-LR readout, in powers of ten.',
  'tour.border.title': 'Where the largest A-LRs sit',
  'tour.border.caption':
    'Each 28×28 tile is one hidden unit’s incoming weights, coloured by A-LR on a log scale. Many pixels near MNIST’s border are black in every image, so the weights they feed never receive a gradient: v stays 0 and Adam’s A-LR sits at exactly 1/ε = 10⁸.',
  'tour.border.look': 'The bright frame around the tiles of Adam’s first layer.',
  'tour.eps.title': 'ε is what caps it',
  'tour.eps.caption':
    'The same Adam twice, with ε = 10⁻⁸ (left) and ε = 10⁻³ (right). Since √v ≥ 0, no A-LR can exceed 1/ε, and the weights without a gradient sit right at that ceiling: 10⁸ on the left, 10³ on the right. A constant meant only to avoid dividing by zero decides how large Adam’s A-LR can grow.',
  'tour.eps.look': 'The A-LR ceiling and range of the ε = 10⁻³ run, against the ε = 10⁻⁸ run’s.',
  'tour.softplus.title': 'The softplus calibrates it with β',
  'tour.softplus.caption':
    'Sadam replaces √v + ε by softplus_β(√v) = ln(1 + e^(β√v))/β. Where √v is large the softplus follows √v, as Adam does; as √v → 0 it levels off at ln 2/β instead of falling to ε, so the A-LR can never exceed β/ln 2 (≈ 72 at the paper’s β = 50).',
  'tour.softplus.look':
    'Each run’s φ(z): Adam’s diagonal z + ε against Sadam’s softplus, which levels off at ln 2/β; the bold stretch and the band on the right are where each run’s weights sit.',
  'tour.beta.title': 'β: from SGD-momentum to Adam',
  'tour.beta.caption':
    'Four Sadam runs with β = 1, 10, 50 and 100: ceilings β/ln 2 ≈ 1.4, 14, 72 and 144. With a small β the floor dominates and every weight gets nearly the same A-LR, so Sadam moves like SGD with momentum; as β grows the A-LRs spread out more and more, and β → ∞ gives back Adam with ε = 0.',
  'tour.beta.look': 'The max/min A-LR readouts, from β = 1 (outlined) to β = 100.',
  'tour.switch.title': 'Same moments, calibrated denominator',
  'tour.switch.caption':
    'Both runs start as Adam; at step 150 the right one becomes Sadam (lr 10⁻², β = 50) and keeps its m and v. Only the denominator changes, and the top of its A-LR range drops at once from 1/ε = 10⁸ to below β/ln 2 ≈ 72.',
  'tour.switch.look': 'The right run’s Figure 1 chart around step 150.',
  'tour.sideBySide.title': 'Sadam next to Adam',
  'tour.sideBySide.caption':
    'Back to Figure 1 with the paper’s settings: Adam with lr 10⁻³ and ε = 10⁻⁸, Sadam with lr 10⁻² and β = 50. Both panels share one colour scale and one A-LR axis: Sadam’s A-LRs stay below 72 and its tiles show no bright frame, while Adam’s span many more orders of magnitude.',
  'tour.sideBySide.look': 'Sadam’s panel — readout, tiles and Figure 1 chart — against Adam’s.',
  'tour.training.title': 'What changes in training',
  'tour.training.caption':
    'Loss and accuracy of both runs, from the same start on the same batches. In the paper’s experiments the calibrated Sadam and SAMSGrad train as well as Adam or better, and generalize at least as well. Here you watch one seed of one small network: a demonstration, not a proof.',
  'tour.training.look': 'The loss and accuracy curves of Adam and Sadam.',
  // Why a CSV file was refused (state/csv/csv-problems.ts; ui/i18n/csv-text.ts)
  'csv.summary': '{points} points, {classes} classes{mapping}',
  'csv.p.empty': 'the file is empty',
  'csv.p.noRows': 'the file has a header but no data rows',
  'csv.p.tooLarge': 'too large: {size} (limit {limit})',
  'csv.p.unclosedQuote':
    'line {line}, column {column}: a quote (") is not closed (a field cannot span lines)',
  'csv.p.afterQuote': 'line {line}, column {column}: unexpected text after the closing quote',
  'csv.p.headerCount':
    'expected 3 columns (x, y, label), line {line} has {found} (a header naming x, y and label may have more)',
  'csv.p.headerMissing':
    'line {line}: the header has no {missing} column (it names {listed}); name the columns x, y and label, in any order',
  'csv.or': ' or ',
  'csv.p.separator': 'line {line}: unsupported separator {given} (use comma, semicolon or tab)',
  'csv.p.columns': 'expected {expected} columns ({names}), line {line} has {found}{hint}',
  'csv.p.readWith': ' (read with a {separator} separator)',
  'csv.sep.comma': 'comma',
  'csv.sep.semicolon': 'semicolon',
  'csv.sep.tab': 'tab',
  'csv.sep.whitespace': 'whitespace',
  'csv.p.tooManyRows': 'more than {max} rows (line {line} is one too many)',
  'csv.p.valueEmpty': 'line {line}, column {column}: the {name} value is empty',
  'csv.p.notANumber': 'line {line}, column {column}: {field} is not a number',
  'csv.p.notFinite': 'line {line}, column {column}: {field} is too large (not a finite number)',
  'csv.p.labelEmpty': 'line {line}, column {column}: the label is empty',
  'csv.p.tooManyClasses':
    'line {line}, column {column}: the label {label} would be class {classNo}; at most {max} classes are allowed',
  'csv.p.tooFewPoints': 'only {points} points; at least {min} are needed',
  'csv.p.onePoint': 'only 1 point; at least {min} are needed',
  'csv.p.oneLabel': 'all {points} points have the same label {label}; at least {min} classes are needed',
  'csv.p.spanOverflow':
    'column {column} ({axis}): the values run from {min} to {max}, a span larger than any number; rescale the column (e.g. divide it by 1e300)',
  'csv.p.spanCollapse':
    'column {column} ({axis}): the values ({min} to {max}) differ too little to be scaled apart; they would all be one point (multiply the column by 1e300)',
  'csv.p.utf32':
    'not UTF-8 text: the file is UTF-32 encoded (it starts with a UTF-32 byte-order mark); save it as "CSV UTF-8" and try again',
  'csv.p.utf16Bom':
    'not UTF-8 text: the file is UTF-16 ({order}) encoded, e.g. "Unicode text" from Excel; save it as "CSV UTF-8" and try again',
  'csv.p.utf16':
    'not UTF-8 text: the file looks UTF-16 ({order}) encoded; save it as "CSV UTF-8" and try again',
  'csv.littleEndian': 'little-endian',
  'csv.bigEndian': 'big-endian',
  'csv.p.signature': 'not UTF-8 text (it looks like {what}); export the data as CSV',
  'csv.what.zip': 'a ZIP archive (an Excel .xlsx or .ods spreadsheet is one)',
  'csv.what.oldOffice': 'an old Excel (.xls) or Office file',
  'csv.what.pdf': 'a PDF',
  'csv.what.png': 'a PNG image',
  'csv.what.jpeg': 'a JPEG image',
  'csv.what.gzip': 'a gzip archive',
  'csv.p.binary': 'not UTF-8 text (it looks like a binary file)',
  'csv.p.notUtf8': 'not UTF-8 text; save it as "CSV UTF-8" and try again',
  'csv.p.badByte':
    'not UTF-8 text: line {line}, column {column} has the byte {hex}, which is not UTF-8 (perhaps Latin-1 or Windows-1252); save it as "CSV UTF-8" and try again',
  'csv.p.unreadable': 'could not read the file: {detail}',
  'csv.detail': ' ({detail})',
  'csv.p.fileUnreadable': 'the file could not be read{detail}; is it a folder, or was it moved?',
  'csv.p.notAFile': 'that was not a file: drop or choose a .csv file',
  'csv.p.oneAtATime': 'one file at a time, please ({count} were given)',
  'csv.spreadsheet': '{message} (a spreadsheet file: use "Save as CSV" first)',
} as const satisfies Record<string, string>;
