/** Numbers as the report, the console and rule reasons show them: short, and the same everywhere. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—'
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n)) return String(n)
  const abs = Math.abs(n)
  return abs !== 0 && (abs < 1e-4 || abs >= 1e6) ? n.toExponential(3) : String(Number(n.toPrecision(5)))
}
