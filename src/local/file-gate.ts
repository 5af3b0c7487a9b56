/**
 * The local release gate: the candidate waits in the registry as `pending`; a person resolves it with
 * `retrain approve N` or `retrain reject N`. The report is kept beside the run's outputs.
 */
import type { Gate, GateRef, GateRequest } from '../ports.js'

export class FileGate implements Gate {
  constructor(private readonly specArg: string) {}

  async open(request: GateRequest): Promise<GateRef> {
    const spec = this.specArg ? ` --spec ${this.specArg}` : ''
    return {
      kind: 'local',
      where: `retrain approve ${request.candidate}${spec}   (or: retrain reject ${request.candidate}${spec})`
    }
  }
}
