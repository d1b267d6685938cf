package telegram

import (
	"context"
	"sync"
	"time"
)

// bucket is a token bucket: burst tokens at most, refilled at rate tokens a
// second. take reserves a token even when none is left, so that callers
// waiting in line are served in the order they asked.
type bucket struct {
	rate, burst float64
	tokens      float64
	last        time.Time
}

func newBucket(rate float64, burst int, now time.Time) *bucket {
	return &bucket{rate: rate, burst: float64(burst), tokens: float64(burst), last: now}
}

// take reserves one token and returns how long to wait before using it.
func (b *bucket) take(now time.Time) time.Duration {
	b.refill(now)
	b.tokens--
	if b.tokens >= 0 {
		return 0
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second))
}

func (b *bucket) refill(now time.Time) {
	if now.After(b.last) {
		b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
		b.last = now
	}
}

// full reports whether the bucket would be full at now, so that forgetting
// it changes nothing.
func (b *bucket) full(now time.Time) bool {
	b.refill(now)
	return b.tokens >= b.burst
}

// limiter keeps Telegram's limits: about 30 messages a second overall and
// about one a second per chat (twenty a minute in groups). The per-chat
// buckets are dropped once they are full again, so the map holds only the
// chats that sent recently.
type limiter struct {
	mu        sync.Mutex
	now       func() time.Time
	global    *bucket
	chatRate  float64
	groupRate float64
	chatBurst int
	chats     map[int64]*bucket
	pruneAt   int
}

// minPrune is the size of the per-chat map below which it is never swept.
const minPrune = 1024

func newLimiter(rate float64, burst int, chatRate float64, chatBurst int, now func() time.Time) *limiter {
	return &limiter{
		now:       now,
		global:    newBucket(rate, burst, now()),
		chatRate:  chatRate,
		groupRate: min(chatRate, 20.0/60),
		chatBurst: chatBurst,
		chats:     map[int64]*bucket{},
		pruneAt:   minPrune,
	}
}

// reserve takes a token from the global bucket and, when perChat is set,
// from the chat's, and returns how long to wait before the call.
func (l *limiter) reserve(chat int64, perChat bool) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	wait := l.global.take(now)
	if !perChat || chat == 0 {
		return wait
	}
	b := l.chats[chat]
	if b == nil {
		rate := l.chatRate
		if chat < 0 {
			// Groups have negative ids; Telegram allows them fewer messages.
			rate = l.groupRate
		}
		b = newBucket(rate, l.chatBurst, now)
		l.chats[chat] = b
		if len(l.chats) >= l.pruneAt {
			l.prune(now)
		}
	}
	return max(wait, b.take(now))
}

func (l *limiter) prune(now time.Time) {
	for id, b := range l.chats {
		if b.full(now) {
			delete(l.chats, id)
		}
	}
	l.pruneAt = max(minPrune, 2*len(l.chats))
}

// wait takes tokens as reserve does and sleeps until the call may go.
func (l *limiter) wait(ctx context.Context, chat int64, perChat bool) error {
	return sleep(ctx, l.reserve(chat, perChat))
}

// sleep waits d or until ctx ends, whichever is first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
