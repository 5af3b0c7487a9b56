import { setAsideUnusablePayload } from './events.js'

// Before the toolkit loads: it parses the event's payload as it is imported, and a file it cannot
// read would end the step with a stack trace instead of a message.
setAsideUnusablePayload(process.env)
const { run } = await import('./action.js')
await run()
// A request abandoned after its deadline (a blob upload that got no answer) can leave a socket open;
// the step is over, so do not let it keep the runner waiting. The exit code is what run() set.
process.exit()
