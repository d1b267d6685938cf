package retry

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// stepClock is a clock whose After fires at once and moves it on by the
// wait, recording each.
type stepClock struct {
	now   time.Time
	waits []time.Duration
}

func (c *stepClock) clock() Clock {
	return Clock{
		Now: func() time.Time { return c.now },
		After: func(d time.Duration) <-chan time.Time {
			c.waits = append(c.waits, d)
			c.now = c.now.Add(d)
			ch := make(chan time.Time, 1)
			ch <- c.now
			return ch
		},
	}
}

var errFail = errors.New("fail")

func TestDo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		fails     int // failures before try succeeds
		giveUp    int // next gives up at this failure (from 0); -1 never
		wantErr   bool
		wantTries int
		wantWaits []time.Duration
	}{
		{"at once", 0, -1, false, 1, nil},
		{"after two failures", 2, -1, false, 3, []time.Duration{time.Second, 2 * time.Second}},
		{"given up", 5, 1, true, 2, []time.Duration{time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &stepClock{now: time.Unix(0, 0)}
			tries := 0
			var seen []int
			err := c.clock().Do(context.Background(), func() error {
				if tries++; tries <= tc.fails {
					return errFail
				}
				return nil
			}, func(err error, failures int) (time.Duration, bool) {
				seen = append(seen, failures)
				if failures == tc.giveUp {
					return 0, false
				}
				return time.Duration(failures+1) * time.Second, true
			})
			if (err != nil) != tc.wantErr || tries != tc.wantTries || !slices.Equal(c.waits, tc.wantWaits) {
				t.Errorf("Do() = %v after %d tries, waits %v; want error %v after %d tries, waits %v", err, tries, c.waits, tc.wantErr, tc.wantTries, tc.wantWaits)
			}
			for i, f := range seen {
				if f != i {
					t.Errorf("next told of failures %v, want 0, 1, 2, ...", seen)
					break
				}
			}
		})
	}
}

func TestDoEndsWithContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	never := Clock{After: func(time.Duration) <-chan time.Time { return nil }}
	tries := 0
	err := never.Do(ctx, func() error {
		tries++
		cancel()
		return errFail
	}, func(error, int) (time.Duration, bool) { return time.Hour, true })
	if !errors.Is(err, context.Canceled) || tries != 1 {
		t.Errorf("Do() with its context ended while waiting = %v after %d tries, want context.Canceled after 1", err, tries)
	}
}

func TestBackoff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name            string
		b               Backoff
		n               int
		atLeast, atMost time.Duration
	}{
		{"first", Backoff{First: 100 * time.Millisecond, Max: time.Second, Jitter: 0.25}, 0, 75 * time.Millisecond, 100 * time.Millisecond},
		{"third", Backoff{First: 100 * time.Millisecond, Max: time.Second, Jitter: 0.25}, 2, 300 * time.Millisecond, 400 * time.Millisecond},
		{"capped", Backoff{First: 100 * time.Millisecond, Max: time.Second, Jitter: 0.25}, 30, 750 * time.Millisecond, time.Second},
		{"far past the cap", Backoff{First: 100 * time.Millisecond, Max: time.Second}, 1000, time.Second, time.Second},
		{"no jitter", Backoff{First: time.Second, Max: time.Minute}, 3, 8 * time.Second, 8 * time.Second},
		{"all jitter", Backoff{First: time.Millisecond, Max: time.Second, Jitter: 1}, 1, 0, 2 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 100 {
				if got := tc.b.Pause(tc.n); got < tc.atLeast || got > tc.atMost {
					t.Fatalf("%+v.Pause(%d) = %v, want within [%v, %v]", tc.b, tc.n, got, tc.atLeast, tc.atMost)
				}
			}
		})
	}
}
