/** Numbers as the report, the console and rule reasons show them: short, and the same everywhere. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—'
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n)) return String(n)
  const abs = Math.abs(n)
  return abs !== 0 && (abs < 1e-4 || abs >= 1e6) ? n.toExponential(3) : String(Number(n.toPrecision(5)))
}

/**
 * Text the report did not choose (names and values from a metrics file, the data, params, a training
 * report, a comment) as plain text on one line of Markdown, wherever the report goes (a job summary,
 * a gate issue, a pull request comment): line breaks (a carriage return too, which Markdown also
 * ends a line at) become spaces, so the text cannot start a heading, a fake decision or a new table;
 * `\`, `` ` ``, `|`, `<`, `[` and `]` are escaped, so it cannot close a table cell, open code, raw
 * HTML (an `<!--` that hides the rest of the report, an image) or a link; and an `@` before a name
 * gets a zero-width space, so it mentions (notifies) nobody, and so does a `#` before a number, so it
 * links to no issue (where a cross-reference would show on that issue, of any repository). Controls
 * of the text's direction become U+FFFD.
 */
export function markdownText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
  return (
    oneLine
      // A control of the text's direction (an override, an embedding, an isolate) would show what follows
      // reversed (a name reading as another, on the rest of its line): shown as U+FFFD instead.
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '\uFFFD')
      .replace(/[\\`|<[\]]/g, ch => `\\${ch}`)
      .replace(/@(?=[A-Za-z0-9])/g, '@\u200B')
      .replace(/#(?=\d)/g, '#\u200B')
  )
}
