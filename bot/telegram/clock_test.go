package telegram

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"signaal/internal/retry"
)

// skipClock is a clock on which every wait is over at once: After moves
// the clock on by the wait and fires. It records the waits, so that a test
// can check what the bot waited for without waiting for it.
type skipClock struct {
	fakeTime // its time only: no wait is left to fire
	waits    []time.Duration
}

func newSkipClock() *skipClock { return &skipClock{fakeTime: newFakeTime()} }

func (c *skipClock) clock() retry.Clock { return retry.Clock{Now: c.Now, After: c.After} }

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
	fakeTime
	waiting chan time.Duration
}

// fakeTime is what the clocks a test moves share: the time, and the waits
// still to fire. Methods ending in Locked need mu held.
type fakeTime struct {
	mu     sync.Mutex
	now    time.Time
	timers []manualTimer
}

type manualTimer struct {
	at time.Time
	ch chan time.Time
}

func newFakeTime() fakeTime { return fakeTime{now: time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)} }

func (f *fakeTime) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// waitLocked returns a channel that fires once the clock reaches d from
// now.
func (f *fakeTime) waitLocked(d time.Duration) chan time.Time {
	ch := make(chan time.Time, 1)
	f.timers = append(f.timers, manualTimer{at: f.now.Add(d), ch: ch})
	return ch
}

// earliestLocked is when the earliest wait is over; false when none is
// waited for.
func (f *fakeTime) earliestLocked() (time.Time, bool) {
	if len(f.timers) == 0 {
		return time.Time{}, false
	}
	next := f.timers[0].at
	for _, t := range f.timers[1:] {
		if t.at.Before(next) {
			next = t.at
		}
	}
	return next, true
}

// moveLocked moves the clock on to at and fires the waits then due.
func (f *fakeTime) moveLocked(at time.Time) {
	f.now = at
	kept := f.timers[:0]
	for _, t := range f.timers {
		if t.at.After(f.now) {
			kept = append(kept, t)
			continue
		}
		t.ch <- f.now
	}
	f.timers = kept
}

func newManualClock() *manualClock {
	return &manualClock{fakeTime: newFakeTime(), waiting: make(chan time.Duration, 64)}
}

func (c *manualClock) clock() retry.Clock { return retry.Clock{Now: c.Now, After: c.After} }

func (c *manualClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	ch := c.waitLocked(d)
	c.mu.Unlock()
	c.waiting <- d
	return ch
}

// advance moves the clock on by d and fires the timers then due.
func (c *manualClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.moveLocked(c.now.Add(d))
}

// idleClock is a clock that moves on only while the bot has nothing to do
// but wait for it: then it jumps to the earliest wait and fires it. A wait
// of a second under Telegram's limits is over as soon as everything else
// that could happen first has happened, so a test sees the order of a
// run on the machine's clock with no time in between. What "nothing to do"
// means is the test's idle func: updates on their way to the bot, work in
// its lanes, calls being answered.
type idleClock struct {
	fakeTime
	asked uint64        // After calls so far, to see a new wait between looks
	wake  chan struct{} // told of a new wait
}

func newIdleClock() *idleClock {
	return &idleClock{fakeTime: newFakeTime(), wake: make(chan struct{}, 1)}
}

func (c *idleClock) clock() retry.Clock { return retry.Clock{Now: c.Now, After: c.After} }

func (c *idleClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked++
	if d <= 0 {
		ch := make(chan time.Time, 1)
		ch <- c.now
		return ch
	}
	ch := c.waitLocked(d)
	select {
	case c.wake <- struct{}{}:
	default:
	}
	return ch
}

// state is the number of waits asked for so far and whether one is due
// to fire.
func (c *idleClock) state() (asked uint64, waiting bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.asked, len(c.timers) > 0
}

// soonest is how long until the earliest wait is over; false when none
// is waited for.
func (c *idleClock) soonest() (time.Duration, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	next, ok := c.earliestLocked()
	if !ok {
		return 0, false
	}
	return next.Sub(c.now), true
}

// jump moves the clock on to the earliest wait and fires every wait then
// due.
func (c *idleClock) jump() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if next, ok := c.earliestLocked(); ok {
		c.moveLocked(next)
	}
}

// idleLooks is how many looks in a row must find the bot idle, with no new
// wait asked for and no progress made, before the clock moves: a goroutine
// between two states (a call answered and the next wait not yet asked
// for) is seen busy by a later look.
const idleLooks = 8

// run moves the clock whenever idle holds and progress stands still,
// until ctx ends; the clock then stands still. Progress counts what the
// bot does that a look may fall between (calls made, updates taken in).
// The looks are spaced by a short sleep so that the goroutines being
// looked at get to run; that sets only how fast the clock goes, not what
// a test sees happen first.
func (c *idleClock) run(ctx context.Context, idle func() bool, progress func() int64) {
	for {
		asked, waiting := c.state()
		if !waiting {
			select {
			case <-c.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		quiet, done := true, progress()
		for range idleLooks {
			if ctx.Err() != nil {
				return
			}
			time.Sleep(100 * time.Microsecond)
			if now, _ := c.state(); now != asked || !idle() || progress() != done {
				quiet = false
				break
			}
		}
		if quiet && ctx.Err() == nil {
			c.jump()
		}
	}
}

// callsOut is an http.RoundTripper that counts the bot's calls on their
// way to the Bot API and back, from the request being written to the
// answer being read, long polls of getUpdates aside, which may wait at the
// server for a long while with nothing to bring: while one is out, the
// bot is not idle.
type callsOut struct {
	base http.RoundTripper
	n    atomic.Int64
}

func (c *callsOut) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Path, "/getUpdates") {
		return c.base.RoundTrip(req)
	}
	c.n.Add(1)
	resp, err := c.base.RoundTrip(req)
	if err != nil {
		c.n.Add(-1)
		return nil, err
	}
	resp.Body = &countedBody{ReadCloser: resp.Body, done: func() { c.n.Add(-1) }}
	return resp, nil
}

// countedBody calls done once, when the answer is closed.
type countedBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *countedBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.done)
	return err
}

// withCallsOut sends the bot's calls through a callsOut.
func withCallsOut(c *callsOut) option {
	return func(b *Bot) {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = 128
		c.base = tr
		b.Client = &http.Client{Transport: c}
	}
}
