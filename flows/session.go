package flows

import "time"

// MaxBack bounds the back-stack and MaxSignals the recorded answers, so
// that no session grows without limit.
const (
	MaxBack    = 16
	MaxSignals = 64
)

// Session is the state of one conversation: only what it needs to go on.
// It never holds message text and never a chat id.
type Session struct {
	// Flow and State say where the conversation is. Both are empty in a new
	// session.
	Flow  string
	State string
	// Lang is the language of the conversation, e.g. "nl".
	Lang string
	// Signals are the answers recorded so far, as "key=value", oldest
	// first; a later entry for a key wins over an earlier one.
	Signals []string
	// Back is the back-stack: where /terug leads, newest last.
	Back []Step
	// Started and Updated are when the conversation began and last moved.
	Started, Updated time.Time
}

// Step is one entry of the back-stack: a state and how many signals had
// been recorded when it was left, so that going back also forgets the
// answers given after it.
type Step struct {
	Flow, State string
	Signals     int
}

// IsNew reports whether the conversation has not started yet.
func (s *Session) IsNew() bool { return s.State == "" }

// Signal returns the latest value recorded for key, or "".
func (s *Session) Signal(key string) string {
	for i := len(s.Signals) - 1; i >= 0; i-- {
		sig := s.Signals[i]
		if len(sig) > len(key) && sig[len(key)] == '=' && sig[:len(key)] == key {
			return sig[len(key)+1:]
		}
	}
	return ""
}

// has reports whether the signal "key=value" holds.
func (s *Session) has(sig string) bool {
	for i := 0; i < len(sig); i++ {
		if sig[i] == '=' {
			return s.Signal(sig[:i]) == sig[i+1:]
		}
	}
	return false
}
