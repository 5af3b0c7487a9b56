// First, before the toolkit loads (ES modules are evaluated in the order they are imported).
import './event-guard.js'
import { run } from './action.js'

await run()
// A request abandoned after its deadline (a blob upload that got no answer) can leave a socket open;
// the step is over, so do not let it keep the runner waiting. The exit code is what run() set.
process.exit()
