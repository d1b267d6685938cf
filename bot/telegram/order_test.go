package telegram

import (
	"context"
	"testing"
	"time"

	"signaal/internal/retry"
)

// TestLimiterOrder checks Telegram's order at the overall limit, on a fake
// clock: with the bucket spent, a token goes to a person's first answer
// before the first message of any other answer, and to that before a
// further message; none of them runs the bucket into debt, so an urgent
// message waits behind nothing they took.
func TestLimiterOrder(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	l := newLimiter(30, 30, 1, 3, retry.Clock{Now: func() time.Time { return now }})
	for range 30 {
		l.global.ReserveN(now, 1)
	}
	tests := []struct {
		name  string
		after time.Duration // since the bucket was spent
		class callClass
		want  bool // a token at once
	}{
		{"first answer, bucket empty", 0, classFirst, false},
		{"first answer, one token", time.Second / 30, classFirst, true},
		{"reply, one token", 2 * time.Second / 30, classReply, false},
		{"message, one token", 2 * time.Second / 30, classMessage, false},
		{"reply, six tokens", 7 * time.Second / 30, classReply, true},
		{"message, six tokens", 7 * time.Second / 30, classMessage, false},
		{"message, eleven tokens", 18 * time.Second / 30, classMessage, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := now.Add(tc.after + time.Millisecond)
			r, _ := l.reserveAbove(at, l.headroomFor(tc.class))
			if got := r != nil; got != tc.want {
				t.Errorf("reserveAbove(%v, headroomFor(%v)) gave a token = %v, want %v", tc.after, tc.class, got, tc.want)
			}
		})
	}
	// Nothing above went into debt: an urgent message on the bucket left
	// waits for one token's worth at most.
	at := now.Add(18*time.Second/30 + time.Millisecond)
	if d := l.global.ReserveN(at, 1).DelayFrom(at); d > time.Second/30 {
		t.Errorf("an urgent message after them waits %v, want at most %v", d, time.Second/30)
	}
}

// TestLimiterArrivalOrder: messages waiting for the overall limit go in
// Telegram's order, on a fake clock: a person's first answer first, then
// the other answers in the order their updates came, so that the second
// message of an earlier answer (the question after the edit of a pressed
// one) goes before the first message of a later answer that began to
// wait before it.
func TestLimiterArrivalOrder(t *testing.T) {
	t.Parallel()
	clock := newManualClock()
	l := newLimiter(30, 30, 1, 3, clock.clock())
	for range 30 {
		l.global.ReserveN(clock.Now(), 1)
	}
	done := make(chan string, 3)
	wait := func(name string, at arrival, class callClass) {
		go func() {
			if err := l.wait(withArrival(context.Background(), at), 0, class); err != nil {
				t.Errorf("wait(%s) = %v", name, err)
			}
			done <- name
		}()
		<-clock.waiting // it waits on the clock: the first in turn
	}
	wait("a later answer's first message", 2, classReply)
	wait("an earlier answer's second message", 1, classReply)
	wait("a first answer", 3, classFirst)

	next := func(want string) {
		t.Helper()
		select {
		case got := <-done:
			if got != want {
				t.Errorf("next to go = %s, want %s", got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("nothing went, want %s", want)
		}
	}
	// One token: the first answer's.
	clock.advance(time.Second/30 + time.Millisecond)
	next("a first answer")
	// Enough for one answer above the headroom: the earlier one's.
	clock.advance(200 * time.Millisecond)
	next("an earlier answer's second message")
	<-clock.waiting // the later one waits for the next token
	select {
	case got := <-done:
		t.Errorf("%s went on the same token", got)
	default:
	}
	clock.advance(40 * time.Millisecond)
	next("a later answer's first message")
}
