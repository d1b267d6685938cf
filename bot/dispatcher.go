// Package bot is the channel-neutral dispatcher: for each update it loads
// the chat's session, hands the input to the engine, saves the result and
// gives the channel the replies to send. Channels (bot/console,
// bot/telegram) turn their own messages into Updates and replies into
// messages; they know nothing of sessions or flows.
package bot

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"signaal/flows"
	"signaal/internal/retry"
	"signaal/store"
)

// Sessions is what the dispatcher needs of a session store; store.Memory
// and the Redis store satisfy it. store.Record says what each method
// promises, and storetest checks every store against it.
type Sessions interface {
	Load(ctx context.Context, key store.Key) (store.Record, error)
	Save(ctx context.Context, key store.Key, r store.Record) (store.Record, error)
	Delete(ctx context.Context, key store.Key) error
}

// Handler handles one update of a conversation; the Dispatcher is the
// Handler every channel is given. It is declared here, once, rather than
// in each channel, because every channel needs exactly this of it, and a
// channel can wrap it (to count or record updates) without knowing more.
type Handler interface {
	Handle(ctx context.Context, u Update) (Outcome, error)
}

var _ Handler = (*Dispatcher)(nil)

// Update is one input from one chat.
type Update struct {
	// Platform and ChatID name the chat. They are turned into a store key
	// at once and never stored or logged.
	Platform string
	ChatID   int64
	// Seq and ID identify the update for redelivery checks; both are empty
	// when the channel never delivers an update twice. A channel whose
	// update ids only grow, as Telegram's update_id does, gives Seq; any
	// other gives ID, of which only a hash is kept. The session remembers
	// the last few updates it handled (store.Handled), so that recognising
	// one costs no store call of its own.
	Seq uint64
	ID  string
	// MsgID is the channel's id of the message that carried this update
	// (for a button press, the message the button was on); 0 when none.
	// The first one of a conversation is kept as store.Record.Origin.
	MsgID int64
	Input flows.Input
}

// Outcome is what the channel does after an update.
type Outcome struct {
	Replies []flows.Reply
	// Forget: the user left with the quick exit or /stop. The session is
	// deleted (or, when the store is down, deleted as soon as it answers
	// again), and the channel removes what it can of the conversation from
	// the user's screen.
	Forget bool
	// KeepLine, with Forget: the neutral line says how to come back and
	// stays on the screen; everything before it goes.
	KeepLine bool
	// Origin is, with Forget, the channel's id of the conversation's first
	// message (store.Record.Origin), so that a channel can remove the
	// whole conversation; 0 when it is not known: the store did not
	// answer, or there was no conversation.
	Origin int64
	// Started: this update began a new conversation, so a channel can add
	// what it says once per conversation (Telegram's privacy note).
	Started bool
	// Refused: a pressed option did not belong to the current question;
	// Replies show the current question again.
	Refused bool
	// Lang is the language of the conversation after the update, for what
	// a channel says around the replies.
	Lang string
	// Duplicate: the update was handled before. Its replies may never
	// have reached the person (a channel redelivers what it could not
	// answer), so Replies show the conversation's current question again;
	// none when there is no conversation.
	Duplicate bool
	// Degraded: the session store could not be used; Replies hold the
	// safety card.
	Degraded bool
}

// maxAttempts bounds how often an update is handled again after another
// instance changed the same session in between. Between attempts the
// dispatcher waits a random moment that grows with each attempt, so that
// two instances racing for one chat stop colliding. Eight were too few
// on a busy machine: two dispatchers writing 25 updates each to one chat
// under the race detector ran out of them (TestRedisConcurrentDispatchers),
// and the person would have got the safety card instead of an answer. At
// most 8 ms a pause, sixteen attempts still end within a tenth of a
// second.
const maxAttempts = 16

// Dispatcher handles updates. Dependencies are fields; Engine, Sessions
// and Keys are required.
type Dispatcher struct {
	Engine   *flows.Engine
	Sessions Sessions
	Keys     *store.Keyer
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Log receives operational events, never a chat id, a session key or
	// message text. slog.Default() when nil.
	Log *slog.Logger
	// Idle is how long the store keeps a quiet session (SESSION_IDLE), and
	// so how long a quick exit the store could not carry out is retried
	// and remembered: after that the store has removed the session itself.
	// store.DefaultIdle when zero.
	Idle time.Duration
	// Exits, when set, keeps the quick exits the store could not carry out
	// across restarts (see ExitJournal and ReplayExits); without it they
	// are known to this process only.
	Exits *ExitJournal
	// RetryEvery is how often a session that a quick exit could not delete
	// is tried again (2s when zero).
	RetryEvery time.Duration
	// After waits between those tries; time.After when nil.
	After func(time.Duration) <-chan time.Time
	// Metrics is told of every step saved, for anonymous statistics (see
	// Metrics); nothing is told when nil.
	Metrics Metrics

	locks     keyLocks
	exits     exits
	replay    sync.Once
	replayErr error
}

// Handle handles one update. Updates of one chat never run at the same
// time in this process (and compare-and-set keeps instances apart); a
// channel keeps a chat's order by handing its updates over one after the
// other, as the console and the Telegram workers do. Different chats run in
// parallel. Handle never fails towards the user: when the store is down,
// or anything else goes wrong, the Outcome carries the safety card, and the
// error tells the operator. The quick exit works even then.
func (d *Dispatcher) Handle(ctx context.Context, u Update) (out Outcome, err error) {
	// Exits of an earlier run are known before any chat is answered; an
	// error was the channel's to report when it called ReplayExits.
	_ = d.ReplayExits()
	key := d.Keys.Key(u.Platform, u.ChatID)
	unlock := d.locks.lock(key)
	defer unlock()
	defer func() {
		// A panic anywhere below must not leave a person without an
		// answer: they get the safety card like any other failure.
		if v := recover(); v != nil {
			out, err = d.degraded(u, &PanicError{Value: v, Where: PanicSite()})
		}
	}()

	// The quick exit is recognised before the session is loaded: leaving
	// must not depend on the store being reachable.
	if d.Engine.Leaves(u.Input) {
		return d.leave(ctx, key, u), nil
	}
	if d.exits.pending(key) {
		// An earlier quick exit could not delete this session. It must
		// not come back: delete it now, or answer with the safety card.
		if err := d.Sessions.Delete(ctx, key); err != nil {
			return d.degraded(u, err)
		}
		d.exitDone(key)
	}

	now := d.now()
	var idHash uint64
	if u.Seq == 0 && u.ID != "" {
		idHash = d.Keys.UpdateHash(key, u.ID)
	}
	for attempt := 0; attempt < maxAttempts; attempt++ {
		rec, err := d.Sessions.Load(ctx, key)
		unreadable := errors.Is(err, store.ErrUnreadable)
		if err != nil && !unreadable {
			return d.degraded(u, err)
		}
		if !rec.Session.IsNew() && d.exits.stale(key, rec.Session.Started, now, d.idle()) {
			// The chat left after this conversation began, and the exit
			// was carried out, yet the conversation is back: restored by
			// a store that missed the delete (a replica that took over, a
			// backup). It was left, so it is gone: delete it and start
			// afresh.
			if err := d.Sessions.Delete(ctx, key); err != nil {
				return d.degraded(u, err)
			}
			d.log().Warn("quick exit: a session older than the exit came back; deleted", "session", logKey(key))
			continue
		}
		// Asked at every attempt: after a conflict, the session that won
		// may be another instance's handling of this very update.
		if rec.Handled.Has(u.Seq, idHash) {
			return Outcome{Duplicate: true, Replies: d.Engine.Current(rec.Session, now), Lang: rec.Session.Lang}, nil
		}
		var r flows.Result
		if unreadable {
			// Another version of the bot wrote this session: start again
			// kindly, with a line saying so. The stored version lets the
			// save replace the old value under the usual compare-and-set.
			d.log().Warn("unreadable session reset", "err", err)
			r = d.Engine.Reset(u.Input.Lang, now)
		} else {
			r = d.Engine.Step(rec.Session, u.Input, now)
		}
		if r.Forget {
			// Only a quick exit forgets, and it was handled above; an
			// engine that forgets anyway is obeyed all the same.
			return d.leave(ctx, key, u), nil
		}
		// The update is recorded by the same write that saves its step,
		// so that it counts as handled exactly when its step is kept.
		// The first message of a conversation is where a quick exit
		// removes it from; an unreadable one begins again here.
		next := store.Record{Session: r.Session, Handled: rec.Handled.With(u.Seq, idHash), Version: rec.Version, Origin: cmp.Or(rec.Origin, u.MsgID)}
		if _, err := d.Sessions.Save(ctx, key, next); err != nil {
			if errors.Is(err, store.ErrConflict) {
				_ = retry.Clock{}.Sleep(ctx, conflictBackoff.Pause(attempt))
				continue
			}
			return d.degraded(u, err)
		}
		if d.Metrics != nil {
			d.Metrics.Stepped(rec.Session, r)
		}
		return Outcome{Replies: r.Replies, Refused: r.Refused, Lang: r.Session.Lang, Started: rec.Session.IsNew() && !unreadable}, nil
	}
	return d.degraded(u, store.ErrConflict)
}

// leave is the quick exit: load the session to learn where the
// conversation began (Origin), delete it and answer the neutral line.
// When the store does not answer, the exit is remembered (in the journal
// too, when there is one): the session is deleted before anything else of
// this chat is handled, and retried in the background for the idle time.
// The user is told nothing more than the neutral line either way.
func (d *Dispatcher) leave(ctx context.Context, key store.Key, u Update) Outcome {
	out := Outcome{Forget: true}
	rec, err := d.Sessions.Load(ctx, key)
	if err == nil || errors.Is(err, store.ErrUnreadable) {
		// A store that cannot load will not delete either; asking it
		// again would only make the person wait twice as long.
		out.Origin = rec.Origin
		err = d.Sessions.Delete(ctx, key)
	}
	// The neutral line in the words the person typed, or else in the
	// language of the conversation, or of the device.
	r := d.Engine.Leave(u.Input, cmp.Or(d.Engine.ExitLang(u.Input), rec.Session.Lang, u.Input.Lang))
	out.Replies, out.KeepLine = r.Replies, r.KeepLine
	if err != nil {
		d.log().Error("quick exit: session not deleted yet; retrying in the background", "session", logKey(key), "err", err)
		d.remember(key)
		return out
	}
	d.exitDone(key)
	return out
}

// conflictBackoff is the pause before handling an update again after a
// conflict: a random moment that grows with each attempt, on the
// machine's clock, as it waits for another instance rather than for time
// to pass.
var conflictBackoff = retry.Backoff{First: time.Millisecond, Max: 8 * time.Millisecond, Jitter: 1}

func (d *Dispatcher) degraded(u Update, err error) (Outcome, error) {
	d.log().Error("update not handled; safety card sent", "platform", u.Platform, "err", err)
	return Outcome{Replies: []flows.Reply{d.Engine.SafetyCard(u.Input.Lang)}, Degraded: true}, err
}

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dispatcher) idle() time.Duration { return cmp.Or(d.Idle, store.DefaultIdle) }

// clock is the dispatcher's Now and After, for the retries of quick exits.
func (d *Dispatcher) clock() retry.Clock { return retry.Clock{Now: d.Now, After: d.After} }

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
