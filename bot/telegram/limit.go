package telegram

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"signaal/internal/retry"
)

// limiter keeps Telegram's limits: about 30 messages a second overall and
// about one a second per chat (twenty a minute in groups). Only messages
// count, sent or edited; every other call goes without waiting.
//
// A message waits for its chat's limiter first and only then takes an
// overall token: the other order holds an overall token while the chat
// waits, and lets one second's sends exceed the overall bucket.
//
// Messages that wait for the overall limit go by class, and within a class
// by the arrival of the update they answer (see waitTurn): urgent ones
// first, then first answers, then other answers, then further messages.
// The later classes leave some headroom in the bucket to the earlier, so
// that when many people start at once each sees a first answer early.
//
// The per-chat limiters are dropped once they are full again.
type limiter struct {
	clock    retry.Clock
	global   *rate.Limiter
	headroom float64 // overall tokens that yielding calls leave alone
	yieldMu  sync.Mutex
	waiting  []*waiter     // the messages waiting for the overall limit, in turn; under yieldMu
	arrivals atomic.Uint64 // the last arrival handed out

	mu        sync.Mutex
	chatRate  rate.Limit
	groupRate rate.Limit
	chatBurst int
	chats     map[int64]*rate.Limiter
	pruneAt   int
}

// urgentBorrow is how far ahead of its chat's limit an urgent message may
// go: a couple of messages' worth.
const urgentBorrow = 2 * time.Second

// minPrune is the size of the per-chat map below which it is never swept.
const minPrune = 1024

func newLimiter(perSecond float64, burst int, chatPerSecond float64, chatBurst int, clock retry.Clock) *limiter {
	return &limiter{
		clock:     clock,
		global:    rate.NewLimiter(rate.Limit(perSecond), max(1, burst)),
		headroom:  float64(max(1, burst) / 3),
		chatRate:  rate.Limit(chatPerSecond),
		groupRate: min(rate.Limit(chatPerSecond), rate.Every(3*time.Second)),
		chatBurst: max(1, chatBurst),
		chats:     map[int64]*rate.Limiter{},
		pruneAt:   minPrune,
	}
}

// reserveChat reserves a message to chat at now.
func (l *limiter) reserveChat(chat int64, now time.Time) *rate.Reservation {
	l.mu.Lock()
	lim := l.chats[chat]
	if lim == nil {
		r := l.chatRate
		if chat < 0 {
			// Groups have negative ids; Telegram allows them fewer
			// messages.
			r = l.groupRate
		}
		lim = rate.NewLimiter(r, l.chatBurst)
		l.chats[chat] = lim
		if len(l.chats) >= l.pruneAt {
			l.prune(now)
		}
	}
	l.mu.Unlock()
	return lim.ReserveN(now, 1)
}

// urgentChatWait takes a token of chat's limiter for an urgent message and
// returns how long it must wait: nothing while the chat owes at most
// urgentBorrow, else the whole delay, so that a chat sending one urgent
// message after another waits like any other.
func (l *limiter) urgentChatWait(chat int64) time.Duration {
	now := l.clock.Time()
	d := l.reserveChat(chat, now).DelayFrom(now)
	if d <= urgentBorrow {
		return 0
	}
	return d
}

// prune drops the limiters that are full at now, as a new one would be.
func (l *limiter) prune(now time.Time) {
	for id, lim := range l.chats {
		if lim.TokensAt(now) >= float64(lim.Burst()) {
			delete(l.chats, id)
		}
	}
	l.pruneAt = max(minPrune, 2*len(l.chats))
}

// reserveAbove reserves a call when the overall bucket holds more than
// headroom tokens at now, and otherwise returns nil and how long until it
// would. Only urgent calls run the bucket into debt. Under yieldMu.
func (l *limiter) reserveAbove(now time.Time, headroom float64) (*rate.Reservation, time.Duration) {
	if need := 1 + headroom - l.global.TokensAt(now); need > 0 {
		wait := time.Duration(need / float64(l.global.Limit()) * float64(time.Second))
		return nil, max(wait, time.Millisecond)
	}
	return l.global.ReserveN(now, 1), 0
}

// wait waits until a call of class may go: for the chat's limiter first,
// then for the overall one. Urgent messages take an overall token at once,
// in debt if need be; other messages wait by class (see waitTurn). A call
// that is no message (classOther) goes at once and takes no token.
func (l *limiter) wait(ctx context.Context, chat int64, class callClass) error {
	if class == classOther {
		return nil
	}
	if class == classUrgent {
		if chat != 0 {
			if err := l.clock.Sleep(ctx, l.urgentChatWait(chat)); err != nil {
				return err
			}
		}
		return l.await(ctx, l.global.ReserveN(l.clock.Time(), 1))
	}
	if chat != 0 {
		if err := l.await(ctx, l.reserveChat(chat, l.clock.Time())); err != nil {
			return err
		}
	}
	return l.waitTurn(ctx, class, arrivalOf(ctx, l))
}

// headroomFor is what a call of class leaves of the overall bucket: a
// first answer nothing; another answer half the headroom, for first
// answers; further messages all of it.
func (l *limiter) headroomFor(class callClass) float64 {
	return l.headroom * float64(classRank(class)) / 2
}

// arrival is the place of an update in the order updates came in, which
// the messages answering it carry in their context (withArrival).
type arrival uint64

type arrivalKey struct{}

func (l *limiter) next() arrival { return arrival(l.arrivals.Add(1)) }

// withArrival gives the calls made with ctx the place a of the update they
// answer.
func withArrival(ctx context.Context, a arrival) context.Context {
	return context.WithValue(ctx, arrivalKey{}, a)
}

// arrivalOf is the arrival the calls made with ctx answer, or, for a call
// that answers none, a new one: it comes after everything before it.
func arrivalOf(ctx context.Context, l *limiter) arrival {
	if a, ok := ctx.Value(arrivalKey{}).(arrival); ok && a > 0 {
		return a
	}
	return l.next()
}

// waiter is a message waiting for the overall limit.
type waiter struct {
	class callClass
	at    arrival
	turn  chan struct{} // told when it may have become the first in turn
}

// inTurn orders the waiting messages: by class, then by arrival.
func inTurn(a, b *waiter) int {
	return cmp.Or(cmp.Compare(classRank(a.class), classRank(b.class)), cmp.Compare(a.at, b.at))
}

// classRank is the order of the classes that wait for the overall limit.
func classRank(c callClass) int {
	switch c {
	case classFirst:
		return 0
	case classReply:
		return 1
	}
	return 2
}

// waitTurn waits until the message is the first in turn and the overall
// bucket holds more than its class's headroom, then takes a token. Only
// the first in turn watches the bucket; the others wait to be told.
func (l *limiter) waitTurn(ctx context.Context, class callClass, at arrival) error {
	headroom := l.headroomFor(class)
	w := &waiter{class: class, at: at, turn: make(chan struct{}, 1)}
	l.yieldMu.Lock()
	i, _ := slices.BinarySearchFunc(l.waiting, w, inTurn)
	l.waiting = slices.Insert(l.waiting, i, w)
	l.yieldMu.Unlock()
	for {
		l.yieldMu.Lock()
		if l.waiting[0] != w {
			l.yieldMu.Unlock()
			select {
			case <-w.turn:
				continue
			case <-ctx.Done():
				l.leave(w)
				return ctx.Err()
			}
		}
		r, wait := l.reserveAbove(l.clock.Time(), headroom)
		if r != nil {
			l.waiting = slices.Delete(l.waiting, 0, 1)
			l.tellFirst()
			l.yieldMu.Unlock()
			return l.await(ctx, r)
		}
		l.yieldMu.Unlock()
		if err := l.clock.Sleep(ctx, wait); err != nil {
			l.leave(w)
			return err
		}
	}
}

// leave takes w out of turn, when its call gives up waiting.
func (l *limiter) leave(w *waiter) {
	l.yieldMu.Lock()
	defer l.yieldMu.Unlock()
	if i := slices.Index(l.waiting, w); i >= 0 {
		l.waiting = slices.Delete(l.waiting, i, i+1)
		l.tellFirst()
	}
}

// tellFirst tells the first in turn that it may be. Under yieldMu.
func (l *limiter) tellFirst() {
	if len(l.waiting) == 0 {
		return
	}
	select {
	case l.waiting[0].turn <- struct{}{}:
	default: // told before, and not yet looked
	}
}

// await sleeps until r is due, or gives r back when ctx ends first. Every
// reservation of one token is granted: the bursts are one or more.
func (l *limiter) await(ctx context.Context, r *rate.Reservation) error {
	if err := l.clock.Sleep(ctx, r.DelayFrom(l.clock.Time())); err != nil {
		r.CancelAt(l.clock.Time())
		return err
	}
	return nil
}
