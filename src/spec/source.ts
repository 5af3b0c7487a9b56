/** A parsed YAML spec that keeps every node's place in the file, for messages. */
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type Pair
} from 'yaml'
import type { Locator } from './shell.js'
import type { SourceLocation } from './types.js'

export class Source {
  readonly lineCounter = new LineCounter()
  readonly doc: Document.Parsed

  constructor(
    readonly text: string,
    readonly file: string
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true })
  }

  at(offset: number): SourceLocation {
    const { line, col } = this.lineCounter.linePos(offset)
    return { file: this.file, line: Math.max(line, 1), col: Math.max(col, 1) }
  }

  resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node
  }

  /** The deepest node (and the pair holding it) on a path of keys and indexes. */
  find(segments: readonly string[]): { node: YamlNode | null; pair?: Pair } {
    let node = this.resolve(this.doc.contents) as YamlNode | null
    let pair: Pair | undefined
    for (const segment of segments) {
      if (isMap(node)) {
        const found = node.items.find((item) => keyText(this.resolve(item.key)) === segment)
        if (!found) break
        pair = found
        node = this.resolve(found.value) as YamlNode | null
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)]
        if (item === undefined) break
        pair = undefined
        node = this.resolve(item) as YamlNode | null
      } else {
        break
      }
    }
    return { node, pair }
  }

  /** Where a value is; a key without a value points at its key. */
  valueAt(segments: readonly string[]): SourceLocation {
    const { node, pair } = this.find(segments)
    const offset = node?.range?.[0] ?? (pair?.key as YamlNode | undefined)?.range?.[0] ?? this.firstOffset()
    return this.at(offset)
  }

  /** Where a key is written (for an unknown or duplicated key). */
  keyAt(segments: readonly string[], key: string): SourceLocation {
    const { node } = this.find(segments)
    if (isMap(node)) {
      const found = node.items.find((item) => keyText(this.resolve(item.key)) === key)
      const offset = (found?.key as YamlNode | undefined)?.range?.[0]
      if (offset !== undefined) return this.at(offset)
    }
    return this.valueAt(segments)
  }

  private firstOffset(): number {
    return (this.doc.contents as YamlNode | null)?.range?.[0] ?? 0
  }

  /**
   * Places offsets of a scalar's value in the file. Escapes and folding make a general mapping hard,
   * but `${{` survives them all: the n-th `${{` of the value is the n-th of the node's source text.
   */
  locator(segments: readonly string[], value: string): Locator {
    const { node } = this.find(segments)
    const start = node?.range?.[0]
    const fallback = this.valueAt(segments)
    if (!isScalar(node) || start === undefined || !node.range) return () => fallback
    const raw = this.text.slice(start, node.range[1])
    const inValue = occurrences(value, '${{')
    const inSource = occurrences(raw, '${{')
    if (inValue.length !== inSource.length) return () => fallback
    return (offset) => {
      let index = -1
      while (index + 1 < inValue.length && (inValue[index + 1] as number) <= offset) index++
      return index < 0 ? fallback : this.at(start + (inSource[index] as number))
    }
  }
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key)
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = []
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) found.push(i)
  return found
}
