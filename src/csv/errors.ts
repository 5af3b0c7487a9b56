/** A problem of a CSV file; each caller turns it into its own error. */
export class CsvError extends Error {
  override readonly name = 'CsvError'
}
