// Package bot is the channel-neutral dispatcher: for each update it loads
// the chat's session, hands the input to the engine, saves the result and
// gives the channel the replies to send. Channels (bot/console,
// bot/telegram) turn their own messages into Updates and replies into
// messages; they know nothing of sessions or flows.
package bot

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"signaal/flows"
	"signaal/store"
)

// Sessions is what the dispatcher needs of a session store; store.Memory
// and the Redis store satisfy it.
type Sessions interface {
	Load(ctx context.Context, key store.Key, update string) (flows.Session, bool, error)
	Save(ctx context.Context, key store.Key, s flows.Session) (flows.Session, error)
	Delete(ctx context.Context, key store.Key) error
}

// Update is one input from one chat.
type Update struct {
	// Platform and ChatID name the chat. They are turned into a store key
	// at once and never stored or logged.
	Platform string
	ChatID   int64
	// ID identifies the update for redelivery checks; empty when the
	// channel never redelivers.
	ID    string
	Input flows.Input
	// Track, when set, updates the message ids the channel keeps in the
	// session for a quick exit. It must be pure: it may run more than once.
	Track func(tracked []int64) []int64
}

// Outcome is what the channel does after an update.
type Outcome struct {
	Replies []flows.Reply
	// Forget: the conversation was wiped. Tracked holds the message ids the
	// channel had kept, so it can remove the messages too.
	Forget  bool
	Tracked []int64
	// Refused: a pressed option did not belong to the current question;
	// Replies show the current question again.
	Refused bool
	// Lang is the language of the conversation after the update, for what
	// a channel says around the replies.
	Lang string
	// Duplicate: the update was handled before; send nothing.
	Duplicate bool
	// Degraded: the session store could not be used; Replies hold the
	// safety card.
	Degraded bool
}

// maxAttempts bounds how often an update is handled again after another
// instance changed the same session in between. Between attempts the
// dispatcher waits a random moment that grows with each attempt, so that
// two instances racing for one chat stop colliding.
const maxAttempts = 8

// Dispatcher handles updates. Dependencies are fields; Engine, Sessions
// and Keys are required.
type Dispatcher struct {
	Engine   *flows.Engine
	Sessions Sessions
	Keys     *store.Keyer
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Log receives operational events, never a chat id or message text.
	// slog.Default() when nil.
	Log *slog.Logger

	locks keyLocks
}

// Handle handles one update. Updates of one chat never run at the same
// time in this process (and compare-and-set keeps instances apart); a
// channel keeps a chat's order by handing its updates over one after the
// other, as the console and the Telegram workers do. Different chats run in
// parallel. Handle never fails towards the user: when the store is down,
// the Outcome carries the safety card, and the error tells the operator.
func (d *Dispatcher) Handle(ctx context.Context, u Update) (Outcome, error) {
	key := d.Keys.Key(u.Platform, u.ChatID)
	unlock := d.locks.lock(key)
	defer unlock()

	now := d.now()
	updateID := u.ID
	for attempt := 0; attempt < maxAttempts; attempt++ {
		s, dup, err := d.Sessions.Load(ctx, key, updateID)
		updateID = "" // recorded by the first load; a retry must not see itself
		unreadable := errors.Is(err, store.ErrUnreadable)
		if err != nil && !unreadable {
			return d.degraded(u, err)
		}
		if dup {
			return Outcome{Duplicate: true}, nil
		}
		if unreadable {
			// Another version of the bot wrote this session. A state that
			// does not exist makes the engine start again kindly, with a
			// line saying so; the stored version lets the save replace the
			// old value under the usual compare-and-set.
			d.log().Warn("unreadable session reset", "key", string(key), "err", err)
			s = flows.Session{Flow: "-", State: "-", Version: s.Version}
		}
		r := d.Engine.Step(s, u.Input, now)
		if r.Forget {
			if err := d.Sessions.Delete(ctx, key); err != nil {
				// The user asked to leave: say so anyway, and let the idle
				// time-out remove what could not be deleted now.
				d.log().Error("quick exit: delete failed", "key", string(key), "err", err)
			}
			return Outcome{Replies: r.Replies, Forget: true, Tracked: s.Tracked, Lang: s.Lang}, nil
		}
		if u.Track != nil {
			r.Session.Tracked = u.Track(r.Session.Tracked)
		}
		if _, err := d.Sessions.Save(ctx, key, r.Session); err != nil {
			if errors.Is(err, store.ErrConflict) {
				backoff(ctx, attempt)
				continue
			}
			return d.degraded(u, err)
		}
		return Outcome{Replies: r.Replies, Refused: r.Refused, Lang: r.Session.Lang}, nil
	}
	return d.degraded(u, store.ErrConflict)
}

// backoff sleeps up to (attempt+1) milliseconds, or until ctx is done.
func backoff(ctx context.Context, attempt int) {
	t := time.NewTimer(time.Duration(rand.Int64N(int64(attempt+1) * int64(time.Millisecond))))
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func (d *Dispatcher) degraded(u Update, err error) (Outcome, error) {
	d.log().Error("session store failed; safety card sent", "platform", u.Platform, "err", err)
	return Outcome{Replies: []flows.Reply{d.Engine.SafetyCard(u.Input.Lang)}, Degraded: true}, err
}

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dispatcher) log() *slog.Logger {
	if d.Log != nil {
		return d.Log
	}
	return slog.Default()
}

// keyLocks serialises work per chat key. Entries live only while someone
// holds or waits for them, so the map stays as small as the number of chats
// being handled at this moment.
type keyLocks struct {
	mu sync.Mutex
	m  map[store.Key]*keyLock
}

type keyLock struct {
	mu      sync.Mutex
	waiters int
}

func (l *keyLocks) lock(k store.Key) (unlock func()) {
	l.mu.Lock()
	if l.m == nil {
		l.m = map[store.Key]*keyLock{}
	}
	e := l.m[k]
	if e == nil {
		e = &keyLock{}
		l.m[k] = e
	}
	e.waiters++
	l.mu.Unlock()
	e.mu.Lock()
	return func() {
		e.mu.Unlock()
		l.mu.Lock()
		if e.waiters--; e.waiters == 0 {
			delete(l.m, k)
		}
		l.mu.Unlock()
	}
}
