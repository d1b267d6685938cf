package store

import "time"

// SetClock makes m read the time from now, for tests that make time pass
// without waiting for it.
func SetClock(m *Memory, now func() time.Time) {
	m.mu.Lock()
	m.now = now
	m.mu.Unlock()
}
