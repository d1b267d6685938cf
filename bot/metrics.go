package bot

import "signaal/flows"

// Metrics is told what the dispatcher did, so that anonymous statistics
// (the flows people enter, the endings and contacts they reach) can be
// counted outside it. Stepped is called after every step that was saved,
// with the session before the step and the engine's result, on the
// goroutine handling the update: it must be quick, safe for concurrent
// use, and keep nothing of either beyond counts by content id.
type Metrics interface {
	Stepped(before flows.Session, r flows.Result)
}
