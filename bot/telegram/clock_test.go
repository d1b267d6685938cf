package telegram

import (
	"sync"
	"time"

	"signaal/internal/retry"
)

// skipClock is a clock on which every wait is over at once: After moves
// the clock on by the wait and fires. It records the waits, so that a test
// can check what the bot waited for without waiting for it.
type skipClock struct {
	mu    sync.Mutex
	now   time.Time
	waits []time.Duration
}

func newSkipClock() *skipClock { return &skipClock{now: time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)} }

func (c *skipClock) clock() retry.Clock { return retry.Clock{Now: c.Now, After: c.After} }

func (c *skipClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *skipClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waits = append(c.waits, d)
	c.now = c.now.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}

// waited returns the waits so far.
func (c *skipClock) waited() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.waits...)
}

// manualClock is a clock that moves only when the test moves it. Each
// wait is announced on waiting, so that a test knows, without sleeping,
// that the bot now waits.
type manualClock struct {
	mu      sync.Mutex
	now     time.Time
	timers  []manualTimer
	waiting chan time.Duration
}

type manualTimer struct {
	at time.Time
	ch chan time.Time
}

func newManualClock() *manualClock {
	return &manualClock{now: time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC), waiting: make(chan time.Duration, 64)}
}

func (c *manualClock) clock() retry.Clock { return retry.Clock{Now: c.Now, After: c.After} }

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	ch := make(chan time.Time, 1)
	c.timers = append(c.timers, manualTimer{at: c.now.Add(d), ch: ch})
	c.mu.Unlock()
	c.waiting <- d
	return ch
}

// advance moves the clock on by d and fires the timers then due.
func (c *manualClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.timers[:0]
	for _, t := range c.timers {
		if t.at.After(c.now) {
			kept = append(kept, t)
			continue
		}
		t.ch <- c.now
	}
	c.timers = kept
}
