package telegram

import (
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
		l.reserveGlobal(now)
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
	if d := l.reserveGlobal(at).DelayFrom(at); d > time.Second/30 {
		t.Errorf("an urgent message after them waits %v, want at most %v", d, time.Second/30)
	}
}
