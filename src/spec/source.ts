/** A parsed YAML spec that keeps every node's place in the file, for messages. */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml'
import type { InputProblem } from '../errors.js'
import type { Locator } from './shell.js'
import type { SourceLocation } from './types.js'

/**
 * Bounds on what a spec's YAML may expand to, so a hostile or broken file is a positioned spec error,
 * never a crash, a hang or exhausted memory. A real spec has a few hundred nodes and a depth under 10.
 */
export const YAML_LIMITS = {
  /** Nesting of mappings and sequences, aliases expanded. */
  maxDepth: 64,
  /** Nodes the document holds once every alias is expanded (an alias bomb grows exponentially). */
  maxExpandedNodes: 100_000,
  /** Alias nodes (`*name`) in one spec. */
  maxAliases: 1_000
} as const

/** The children of a YAML node in document order: a pair's key and value, a collection's items. */
function childrenOf(node: unknown): unknown[] {
  if (isMap(node) || isSeq(node)) return node.items
  if (isPair(node)) return [node.key, node.value]
  return []
}

function nodeOffset(node: unknown): number | undefined {
  const range = (node as YamlNode | null)?.range
  return range ? range[0] : undefined
}

export class Source {
  readonly lineCounter = new LineCounter()
  readonly doc: Document.Parsed

  constructor(
    readonly text: string,
    readonly file: string
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true })
  }

  /**
   * What the parsed document must not do before it is turned into data: aliases that refer to no
   * earlier anchor, to a node containing them, too many of them, or expanding the spec past the
   * limits; nesting deeper than the limit; strings holding a NUL byte. One problem per kind, at the
   * first node that shows it. Iterative: a deep document cannot exhaust the stack here.
   */
  guardProblems(): InputProblem[] {
    const problems = new Map<string, InputProblem>()
    const report = (kind: string, node: unknown, message: string) => {
      if (!problems.has(kind)) problems.set(kind, { ...this.at(nodeOffset(node) ?? 0), message })
    }
    const anchors = new Map<string, unknown>()
    const open = new Set<unknown>()
    /** Per node: how many nodes it stands for and how deep it goes, its aliases expanded. */
    const measured = new Map<unknown, { size: number; height: number }>()
    let aliases = 0
    type Frame = { node: unknown; children: unknown[]; next: number; size: number; height: number; depth: number }
    const root = this.doc.contents
    if (root === null || root === undefined) return []
    const stack: Frame[] = []
    const enter = (node: unknown, depth: number): { size: number; height: number } | null => {
      if (node === null || node === undefined) return { size: 0, height: 0 }
      if (isAlias(node)) {
        aliases++
        if (aliases > YAML_LIMITS.maxAliases) {
          report('aliases', node, `the spec uses more than ${YAML_LIMITS.maxAliases} aliases (*name); write the values out`)
          return { size: 1, height: 0 }
        }
        const target = anchors.get(node.source)
        if (target === undefined) {
          report(
            'alias-undefined',
            node,
            `alias *${node.source} refers to no anchor (&${node.source}) defined before it; define the anchor first or write the value out`
          )
          return { size: 1, height: 0 }
        }
        if (open.has(target)) {
          report('alias-cycle', node, `alias *${node.source} refers to a node that contains it, which would never end; write the value out`)
          return { size: 1, height: 0 }
        }
        return measured.get(target) ?? { size: 1, height: 0 }
      }
      const anchor = (node as { anchor?: string }).anchor
      if (anchor) anchors.set(anchor, node)
      if (isScalar(node)) {
        if (typeof node.value === 'string' && node.value.includes('\0')) {
          const at = node.value.indexOf('\0') + 1
          report(
            'nul',
            node,
            `${pathText()} contains a NUL byte (\\0) at character ${at}, which no command, argument or environment variable can carry; remove it`
          )
        }
        const m = { size: 1, height: 0 }
        measured.set(node, m)
        return m
      }
      if (!isPair(node) && depth > YAML_LIMITS.maxDepth) {
        report('depth', node, `the spec nests deeper than ${YAML_LIMITS.maxDepth} levels here; a spec needs only a few`)
        return { size: 1, height: 0 }
      }
      open.add(node)
      stack.push({ node, children: childrenOf(node), next: 0, size: 1, height: 0, depth })
      return null
    }
    const finishChild = (m: { size: number; height: number }) => {
      const top = stack[stack.length - 1]!
      top.size += m.size
      top.height = Math.max(top.height, m.height + (isPair(top.node) ? 0 : 1))
    }
    /** `params.a.default`, `steps[0].run`: where the walk is, for messages. */
    const pathText = (): string => {
      let out = ''
      for (let i = 0; i < stack.length; i++) {
        const frame = stack[i]!
        if (isPair(frame.node)) {
          if (frame.next <= 1) return out ? `the key in ${out}` : 'a key'
          const key = keyText(this.resolve(frame.node.key))
          out += /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key.slice(0, 40))}]`
        } else if (isSeq(frame.node)) {
          out += `[${frame.next - 1}]`
        }
      }
      return out || 'the spec'
    }
    let expanded = 0
    const first = enter(root, 1)
    if (first) return [...problems.values()]
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      if (top.next < top.children.length) {
        const child = top.children[top.next++]
        const childDepth = top.depth + (isPair(top.node) ? 0 : 1)
        const m = enter(child, childDepth)
        if (m) finishChild(m)
        if (isAlias(child) && m) {
          expanded += m.size
          if (childDepth + m.height - 1 > YAML_LIMITS.maxDepth) {
            report('depth', child, `alias *${child.source} nests the spec deeper than ${YAML_LIMITS.maxDepth} levels here; a spec needs only a few`)
          }
          if (expanded > YAML_LIMITS.maxExpandedNodes) {
            report(
              'expansion',
              child,
              `aliases expand the spec past ${YAML_LIMITS.maxExpandedNodes} nodes here (an alias bomb?); write the values out or use fewer aliases`
            )
            return [...problems.values()]
          }
        } else {
          expanded++
        }
        continue
      }
      stack.pop()
      open.delete(top.node)
      const m = { size: top.size, height: top.height }
      measured.set(top.node, m)
      if (stack.length > 0) finishChild(m)
    }
    return [...problems.values()]
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
        const found = node.items.find(item => keyText(this.resolve(item.key)) === segment)
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
      const found = node.items.find(item => keyText(this.resolve(item.key)) === key)
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
    return offset => {
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
