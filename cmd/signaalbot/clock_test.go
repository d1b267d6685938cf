package main

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"signaal/internal/retry"
)

// clockSpeed is how many times as fast as the machine's a fastClock
// passes: Telegram's second between two messages to a chat, a
// retry_after of a second and the half second of back-off take a
// twentieth of that, in the same order.
const clockSpeed = 20

// fastClock is the time the Telegram channel of a serve run in process
// waits on. It passes clockSpeed times as fast as the machine's, so that
// what the tests check of the channel's waits (that it waits, retries,
// goes on) holds while the waits take a fraction of their time. A test
// that must see the bot in the middle of a wait holds the clock: no wait
// ends until it lets go, however busy the machine is.
type fastClock struct {
	start time.Time

	mu      sync.Mutex
	held    bool
	waiting []chan time.Time // waits that ended while the clock was held
}

func newFastClock() *fastClock { return &fastClock{start: time.Now()} }

// now is the clock's time: the machine's time since the clock was made,
// clockSpeed times over.
func (c *fastClock) now() time.Time {
	return c.start.Add(time.Since(c.start) * clockSpeed)
}

// after is time.After on the clock.
func (c *fastClock) after(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	time.AfterFunc(d/clockSpeed, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.held {
			c.waiting = append(c.waiting, ch)
			return
		}
		ch <- c.now()
	})
	return ch
}

func (c *fastClock) clock() retry.Clock {
	return retry.Clock{Now: c.now, After: c.after}
}

// hold stops every wait on the clock from ending until release.
func (c *fastClock) hold() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held = true
}

// release ends the waits that were due while the clock was held, and
// lets the others end when they are due.
func (c *fastClock) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held = false
	now := c.now()
	for _, ch := range c.waiting {
		ch <- now
	}
	c.waiting = nil
}

// TestFastClock checks the clock the tests run serve on: its waits end in
// the order of their lengths, none before its time on the clock, and none
// while it is held.
func TestFastClock(t *testing.T) {
	c := newFastClock()
	begin := c.now()
	long, short := c.after(2*time.Second), c.after(time.Second)
	at := <-short
	select {
	case <-long:
		t.Errorf("after(2s) ended before after(1s) had")
	default:
	}
	if got := at.Sub(begin); got < time.Second {
		t.Errorf("after(1s) ended %v after it began on the clock, want at least 1s", got)
	}
	if got := (<-long).Sub(begin); got < 2*time.Second {
		t.Errorf("after(2s) ended %v after it began on the clock, want at least 2s", got)
	}

	c.hold()
	held := c.after(time.Millisecond)
	// Once its time has come, it waits for the release.
	for parked := false; !parked; {
		select {
		case <-held:
			t.Fatal("after(1ms) ended while the clock was held")
		default:
		}
		runtime.Gosched()
		c.mu.Lock()
		parked = len(c.waiting) == 1
		c.mu.Unlock()
	}
	select {
	case <-held:
		t.Fatal("after(1ms) ended while the clock was held")
	default:
	}
	c.release()
	<-held
}
