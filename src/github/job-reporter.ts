/**
 * The action's Reporter: step logs folded in groups, warnings and errors as annotations on the spec
 * file's line, the report in the job summary.
 */
import * as core from '@actions/core'
import type { Reporter } from '../ports.js'

/** The job summary holds at most 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024

function annotation(where?: { file?: string; line?: number; col?: number }): core.AnnotationProperties {
  return where?.file ? { file: where.file, startLine: where.line, startColumn: where.col } : {}
}

export class JobReporter implements Reporter {
  info(message: string): void {
    core.info(message)
  }

  warn(message: string, where?: { file?: string; line?: number; col?: number }): void {
    core.warning(message, annotation(where))
  }

  error(message: string, where?: { file?: string; line?: number; col?: number }): void {
    core.error(message, annotation(where))
  }

  startGroup(title: string): void {
    core.startGroup(title)
  }

  endGroup(): void {
    core.endGroup()
  }

  stepOutput(_step: string, _stream: 'stdout' | 'stderr', line: string): void {
    core.info(line)
  }

  async report(markdown: string): Promise<void> {
    core.info(markdown)
    if (!process.env.GITHUB_STEP_SUMMARY) return
    const text =
      Buffer.byteLength(markdown) > SUMMARY_LIMIT
        ? markdown.slice(0, SUMMARY_LIMIT / 4) + '\n\n…the report was cut to fit the job summary; the whole report is in report.md\n'
        : markdown
    await core.summary.addRaw(text, true).write()
  }

  async stepsSummary(markdown: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return
    await core.summary.addRaw(`### From the steps\n\n${markdown}\n`, true).write()
  }
}
