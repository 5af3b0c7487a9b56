/**
 * `${{ }}` expressions, in the language of GitHub workflows (through `@actions/expressions`), so users
 * meet the syntax they already know. Parse-time checks for the loader, evaluation for the engine.
 */
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Unary, type Expr, type ExprVisitor } from '@actions/expressions/ast'
import { InputError } from '../errors.js'
import { closest } from '../suggest.js'
import type { SourceLocation } from './types.js'

/** Plain JSON values by context name: params, data, env, github, baseline, candidate, steps. */
export type ExpressionContexts = Record<string, unknown>

/**
 * The contexts a spec's expressions may use. `inputs` is left out on purpose: dispatch inputs reach a
 * spec only as typed, validated params.
 */
export const SPEC_CONTEXTS: readonly string[] = ['params', 'data', 'env', 'github', 'baseline', 'candidate', 'steps']

/**
 * The contexts a data path may use: they are known before anything runs. Data is fingerprinted before
 * the first step, so `steps`, `env`, `data`, `baseline` and `candidate` do not exist yet there.
 */
export const DATA_CONTEXTS: readonly string[] = ['params', 'github']

/**
 * The fields of the `github` context, as the action fills them from the runner's variables (the CLI
 * leaves them empty). Only these: the language yields '' for any other, so `github.token` or
 * `github.event.…` would be an empty string without a word; the loader refuses them instead.
 */
export const GITHUB_CONTEXT_FIELDS = ['event_name', 'repository', 'ref', 'sha', 'actor', 'triggering_actor', 'run_id', 'run_attempt', 'workflow'] as const
export type GithubContextField = (typeof GITHUB_CONTEXT_FIELDS)[number]

export interface ExpressionSpan {
  /** Offset of `${{`. */
  start: number
  /** Offset just past `}}`. */
  end: number
  /** The text between the braces, trimmed. */
  expression: string
}

export interface TemplateScan {
  spans: ExpressionSpan[]
  /** Offset of a `${{` that is never closed; scanning stops there. */
  unterminated?: number
}

/** `text` with each `${{ }}` span replaced by one letter: its fixed shape, for checks on a path's literal parts. */
export function skeletonOf(text: string, spans: { start: number; end: number }[]): string {
  let skeleton = ''
  let from = 0
  for (const span of spans) {
    skeleton += text.slice(from, span.start) + 'x'
    from = span.end
  }
  return skeleton + text.slice(from)
}

/**
 * Offset just past the `}}` that closes the expression opening at `start` (which holds `${{`), or -1.
 * String literals are skipped so that `}}` inside `'...'` (where `''` escapes a quote) does not end it.
 */
export function findExpressionEnd(text: string, start: number): number {
  let i = start + 3
  while (i < text.length) {
    const c = text[i]
    if (c === "'") {
      i++
      for (;;) {
        if (i >= text.length) return -1
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            i += 2
            continue
          }
          break
        }
        i++
      }
      i++
    } else if (c === '}' && text[i + 1] === '}') {
      return i + 2
    } else {
      i++
    }
  }
  return -1
}

export function scanTemplate(text: string): TemplateScan {
  const spans: ExpressionSpan[] = []
  let from = 0
  for (;;) {
    const start = text.indexOf('${{', from)
    if (start < 0) return { spans }
    const end = findExpressionEnd(text, start)
    if (end < 0) return { spans, unterminated: start }
    spans.push({ start, end, expression: text.slice(start + 3, end - 2).trim() })
    from = end
  }
}

export const UNTERMINATED_MESSAGE = 'unterminated expression: "${{" without a matching "}}"'

function parse(expression: string, contextNames: readonly string[]): Expr {
  return new Parser(new Lexer(expression).lex().tokens, [...contextNames], []).parse()
}

function describeParseError(error: unknown, allowedContexts: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error)
  const unknownName = /^Unrecognized named-value: '([^']*)'/.exec(message)?.[1]
  if (unknownName !== undefined) {
    if (unknownName.toLowerCase() === 'inputs') {
      return 'the inputs context is not available in a spec; declare a param and use params.<name> ' + '(dispatch inputs set params)'
    }
    return `unknown context "${unknownName}"; expressions here may use ${allowedContexts.join(', ')}`
  }
  return message
}

class ParamReferences implements ExprVisitor<void> {
  readonly names: string[] = []
  /** The fields of `github` the expression reads (`github.<field>`, `github['<field>']`). */
  readonly githubFields: string[] = []
  visitLiteral(_literal: Literal): void {}
  visitUnary(unary: Unary): void {
    unary.expr.accept(this)
  }
  visitBinary(binary: Binary): void {
    binary.left.accept(this)
    binary.right.accept(this)
  }
  visitLogical(logical: Logical): void {
    for (const arg of logical.args) arg.accept(this)
  }
  visitGrouping(grouping: Grouping): void {
    grouping.group.accept(this)
  }
  visitContextAccess(_access: ContextAccess): void {}
  visitIndexAccess(access: IndexAccess): void {
    if (access.expr instanceof ContextAccess && access.index instanceof Literal && access.index.literal.kind === data.Kind.String) {
      const context = access.expr.name.lexeme.toLowerCase()
      if (context === 'params') this.names.push(access.index.literal.coerceString())
      if (context === 'github') this.githubFields.push(access.index.literal.coerceString())
    }
    access.expr.accept(this)
    access.index.accept(this)
  }
  visitFunctionCall(call: FunctionCall): void {
    for (const arg of call.args) arg.accept(this)
  }
}

/**
 * Checks an expression before anything runs: that it parses, uses only `allowedContexts`, and, when
 * `knownParams` is given, names only declared params (the language itself would yield '' for a typo).
 * Returns a message for the user, or null when the expression is fine.
 */
export function checkExpression(expression: string, allowedContexts: readonly string[], knownParams?: readonly string[]): string | null {
  if (expression.trim() === '') return 'empty expression ${{ }}'
  let ast: Expr
  try {
    ast = parse(expression, allowedContexts)
  } catch (error) {
    return `invalid expression \${{ ${expression} }}: ${describeParseError(error, allowedContexts)}`
  }
  const visitor = new ParamReferences()
  ast.accept(visitor)
  for (const field of visitor.githubFields) {
    if ((GITHUB_CONTEXT_FIELDS as readonly string[]).includes(field.toLowerCase())) continue
    const fields = `the github context of a spec holds ${GITHUB_CONTEXT_FIELDS.join(', ')}`
    if (field.toLowerCase() === 'token') {
      return (
        `\${{ ${expression} }}: the token is not given to the spec's steps, so github.token is not available in a spec (${fields}); ` +
        "a step that needs a token gets one from the workflow: set it in the action step's env: under a name of your own"
      )
    }
    const near = closest(field, GITHUB_CONTEXT_FIELDS)
    return `\${{ ${expression} }} refers to github.${field}, which a spec does not have${near ? `; did you mean github.${near}?` : ''} (${fields})`
  }
  if (knownParams) {
    const known = new Set(knownParams.map(p => p.toLowerCase()))
    for (const name of visitor.names) {
      if (known.has(name.toLowerCase())) continue
      const near = closest(name, knownParams)
      const declared = knownParams.length ? `declared params: ${knownParams.join(', ')}` : 'the spec declares no params'
      const suggestion = near ? `; did you mean params.${near}?` : ''
      return `\${{ ${expression} }} refers to params.${name}, which is not declared${suggestion} (${declared})`
    }
  }
  return null
}

/** The params an expression reads (`params.<name>`, `params['<name>']`), as written; [] when it does not parse. */
export function referencedParams(expression: string): string[] {
  let ast: Expr
  try {
    ast = parse(expression, SPEC_CONTEXTS)
  } catch {
    return []
  }
  const visitor = new ParamReferences()
  ast.accept(visitor)
  return [...new Set(visitor.names)]
}

function toDictionary(contexts: ExpressionContexts): data.Dictionary {
  const dictionary = new data.Dictionary()
  // Every spec context is present, if empty: the evaluator cannot read a context it was not given.
  for (const name of new Set([...SPEC_CONTEXTS, ...Object.keys(contexts)])) {
    const value = contexts[name] ?? {}
    dictionary.add(name, JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData)
  }
  return dictionary
}

function evaluateParsed(expression: string, dictionary: data.Dictionary, where?: SourceLocation): string {
  const names = dictionary.pairs().map(p => p.key)
  let ast: Expr
  try {
    ast = parse(expression, names)
  } catch (error) {
    throw new InputError([{ ...where, message: `invalid expression \${{ ${expression} }}: ${describeParseError(error, names)}` }])
  }
  try {
    return new Evaluator(ast, dictionary).evaluate().coerceString()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new InputError([{ ...where, message: `could not evaluate \${{ ${expression} }}: ${message}` }])
  }
}

/** Evaluates one expression (the text inside `${{ }}`) and returns its value as a string. */
export function evaluateExpression(expression: string, contexts: ExpressionContexts, where?: SourceLocation): string {
  return evaluateParsed(expression, toDictionary(contexts), where)
}

/**
 * Replaces every `${{ }}` in `text` by its value. For env values and working directories: the result
 * is data handed to a process, never shell text.
 */
export function evaluateTemplate(text: string, contexts: ExpressionContexts, where?: SourceLocation): string {
  const { spans, unterminated } = scanTemplate(text)
  if (unterminated !== undefined) throw new InputError([{ ...where, message: UNTERMINATED_MESSAGE }])
  if (spans.length === 0) return text
  const dictionary = toDictionary(contexts)
  let out = ''
  let from = 0
  for (const span of spans) {
    out += text.slice(from, span.start) + evaluateParsed(span.expression, dictionary, where)
    from = span.end
  }
  return out + text.slice(from)
}
