/**
 * The action's Reporter: step logs folded in groups, warnings and errors as annotations on the spec
 * file's line, the report in the job summary.
 */
import * as core from '@actions/core'
import { logText } from './log.js'
import type { Reporter } from '../ports.js'
import { routineAnnotation, stepAnnotation } from './annotations.js'
import { SummaryRoom, addToSummary, closeOpenBlocks } from './job-summary.js'

function annotation(where?: { file?: string; line?: number; col?: number }): core.AnnotationProperties {
  return where?.file ? { file: where.file, startLine: where.line, startColumn: where.col } : {}
}

export class JobReporter implements Reporter {
  info(message: string): void {
    logText(message)
  }

  warn(message: string, where?: { file?: string; line?: number; col?: number }): void {
    routineAnnotation('warning', message, annotation(where))
  }

  error(message: string, where?: { file?: string; line?: number; col?: number }): void {
    routineAnnotation('error', message, annotation(where))
  }

  startGroup(title: string): void {
    core.startGroup(title)
  }

  endGroup(): void {
    core.endGroup()
  }

  stepOutput(step: string, _stream: 'stdout' | 'stderr', line: string): void {
    logText(line)
    // Its annotations (and nothing else it prints) are issued again, as the action's own.
    stepAnnotation(step, line)
  }

  async report(markdown: string): Promise<void> {
    logText(markdown)
    await addToSummary(markdown, SummaryRoom.beforeStepsSummary, 'the whole report is in report.md (the output report-path, and the report artifact)')
  }

  async stepsSummary(markdown: string): Promise<void> {
    // Whatever the steps left open is closed, so that it hides nothing the action writes after it.
    await addToSummary(`### From the steps\n\n${closeOpenBlocks(markdown)}\n`, SummaryRoom.beforeTail, "the rest of the steps' summary is left out")
  }
}
