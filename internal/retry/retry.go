// Package retry is the one way Signaal tries something again: the
// Telegram channel's calls and its polling, and the dispatcher's deletes
// of a quick exit and its handling again after a conflict. It waits on a
// Clock that the caller gives, so that a test can run through minutes of
// back-off without waiting for them.
package retry

import (
	"context"
	"math/rand/v2"
	"time"
)

// Clock is the time a retry waits on. A nil field is the machine's:
// time.Now and time.After.
type Clock struct {
	Now   func() time.Time
	After func(time.Duration) <-chan time.Time
}

// Time is the clock's time now.
func (c Clock) Time() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Timer returns a channel that receives once d has passed on the clock,
// and a func that lets go of the timer when it is no longer waited for.
func (c Clock) Timer(d time.Duration) (<-chan time.Time, func()) {
	if c.After != nil {
		return c.After(d), func() {}
	}
	t := time.NewTimer(d)
	return t.C, func() { t.Stop() }
}

// Sleep waits d, or until ctx ends, and then returns ctx's error. It
// returns at once when d is not positive.
func (c Clock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	ch, stop := c.Timer(d)
	defer stop()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Do calls try until it succeeds. After each failure, next is told the
// error and how many failures came before it, and returns how long to
// wait before trying again, or false to give up: Do then returns that
// error. When ctx ends while Do waits, it returns ctx's error.
func (c Clock) Do(ctx context.Context, try func() error, next func(err error, failures int) (time.Duration, bool)) error {
	for failures := 0; ; failures++ {
		err := try()
		if err == nil {
			return nil
		}
		wait, again := next(err, failures)
		if !again {
			return err
		}
		if err := c.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// Backoff is a pause that grows with each failure in a row: First after
// the first, doubled after each further one up to Max. Jitter is the
// share of the pause (0 to 1) drawn at random and taken off, so that many
// callers failing at once do not all try again at the same moment.
type Backoff struct {
	First, Max time.Duration
	Jitter     float64
}

// Pause is the pause after failure n, counted from 0.
func (b Backoff) Pause(n int) time.Duration {
	d := b.First << min(max(n, 0), 30)
	if d <= 0 || d > b.Max {
		d = b.Max
	}
	if j := time.Duration(float64(d) * min(max(b.Jitter, 0), 1)); j > 0 {
		d -= time.Duration(rand.Int64N(int64(j) + 1))
	}
	return d
}
