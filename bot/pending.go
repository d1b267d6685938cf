package bot

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"signaal/store"
)

// Retrying the deletes a quick exit could not make. Every few seconds the
// sessions left behind are tried again, for as long as a session can live
// at all (Dispatcher.Idle); after that the store's idle time-out has
// removed them anyway. retryEvery is the default of Dispatcher.RetryEvery.
const (
	retryEvery = 2 * time.Second
	// maxPending bounds the exits remembered while the store is down; past
	// it the oldest is left to the store's idle time-out.
	maxPending = 10000
)

// exit is a quick exit the store could not carry out at once: when it
// happened, and whether its session is still to be deleted. Once the
// session is deleted the exit is kept until the idle time after it has
// passed, so that a session older than the exit that comes back all the
// same (see Dispatcher.Handle) is known for what it is.
type exit struct {
	at      time.Time
	pending bool
}

// exits are the quick exits the store could not carry out at once, as this
// process knows them. One goroutine retries the pending ones while there
// are any.
type exits struct {
	mu      sync.Mutex
	m       map[store.Key]exit
	running bool
	// loop counts the retrying goroutine, so that a test can wait for it
	// to end.
	loop sync.WaitGroup
}

// pending reports whether the session of k is still to be deleted.
func (x *exits) pending(k store.Key) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.m[k].pending
}

// stale reports whether a session of k that started at started is older
// than an exit of k that happened less than idle before now.
func (x *exits) stale(k store.Key, started, now time.Time, idle time.Duration) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	e, ok := x.m[k]
	if !ok {
		return false
	}
	if now.Sub(e.at) >= idle {
		if !e.pending {
			delete(x.m, k) // past the idle time: no session can be that old
		}
		return false
	}
	return started.Before(e.at)
}

// add records a pending exit of k at at; a later exit of the same chat
// replaces an earlier one. It reports whether a retrying goroutine must be
// started, and the key it dropped to stay within maxPending, if any.
func (x *exits) add(k store.Key, at time.Time) (start bool, dropped store.Key) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.m == nil {
		x.m = map[store.Key]exit{}
	}
	if _, ok := x.m[k]; !ok && len(x.m) >= maxPending {
		var oldest time.Time
		for key, e := range x.m {
			if oldest.IsZero() || e.at.Before(oldest) {
				dropped, oldest = key, e.at
			}
		}
		delete(x.m, dropped)
	}
	if e, ok := x.m[k]; ok && e.at.After(at) {
		at = e.at
	}
	x.m[k] = exit{at: at, pending: true}
	if !x.running {
		x.running = true
		x.loop.Add(1)
		return true, dropped
	}
	return false, dropped
}

// deleted records that the session of k is gone, and reports whether an
// exit of k was pending.
func (x *exits) deleted(k store.Key) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	e, ok := x.m[k]
	if !ok || !e.pending {
		return false
	}
	x.m[k] = exit{at: e.at}
	return true
}

// due returns the pending exits to try again at now, and those whose idle
// time has passed. Deleted exits past their idle time are forgotten. When
// no exit is left to try, the retrying goroutine is to stop: stop is set,
// and the next add starts another.
func (x *exits) due(now time.Time, idle time.Duration) (try, expired []store.Key, stop bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for k, e := range x.m {
		switch {
		case now.Sub(e.at) < idle:
			if e.pending {
				try = append(try, k)
			}
		case e.pending:
			expired = append(expired, k)
		default:
			delete(x.m, k)
		}
	}
	if len(try) == 0 {
		x.running = false
		return nil, expired, true
	}
	return try, expired, false
}

// expire forgets the pending exit of k if its idle time has passed at now,
// and reports whether it did.
func (x *exits) expire(k store.Key, now time.Time, idle time.Duration) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if e, ok := x.m[k]; ok && e.pending && now.Sub(e.at) >= idle {
		delete(x.m, k)
		return true
	}
	return false
}

// ReplayExits takes up the quick exits in the journal (Exits) that are
// younger than Idle: each is deleted before its chat is answered again,
// and retried in the background. Exits older than that are dropped, and
// the journal is written once, which also shows that it can be. Handle
// calls it before the first update; a channel calls it at start, so that
// the retrying begins at once and a journal that cannot be read or written
// is reported before anything is served. Only the first call does the
// work; later calls return its error. Lines of the journal that cannot be
// read are logged and skipped, not returned.
func (d *Dispatcher) ReplayExits() error {
	d.replay.Do(func() { d.replayErr = d.replayExits() })
	return d.replayErr
}

func (d *Dispatcher) replayExits() error {
	if d.Exits == nil {
		return nil
	}
	journal, err := d.Exits.Load()
	if journal == nil {
		return err
	}
	if err != nil {
		d.log().Error("quick exit: part of the exit journal is unreadable; the rest is taken up", "err", err)
	}
	now, idle := d.now(), d.idle()
	var old []store.Key
	start := false
	for k, at := range journal {
		if now.Sub(at) >= idle {
			old = append(old, k)
			continue
		}
		s, dropped := d.exits.add(k, at)
		start = start || s
		if dropped != "" {
			old = append(old, dropped)
		}
	}
	if err := d.Exits.Remove(old...); err != nil {
		return err
	}
	if n := len(journal) - len(old); n > 0 {
		d.log().Warn("quick exit: sessions left by earlier exits are deleted before their chats are answered", "exits", n)
	}
	if start {
		go d.retryLoop()
	}
	return nil
}

// remember records a quick exit whose session the store could not delete:
// in this process, in the journal when there is one, and with a goroutine
// that retries.
func (d *Dispatcher) remember(key store.Key) {
	at := d.now()
	start, dropped := d.exits.add(key, at)
	if d.Exits != nil {
		err := d.Exits.Add(key, at)
		if err == nil && dropped != "" {
			err = d.Exits.Remove(dropped)
		}
		if err != nil {
			d.log().Error("quick exit: not written to the exit journal; a restart before the store is back would forget it", "session", logKey(key), "err", err)
		}
	}
	if start {
		go d.retryLoop()
	}
}

// exitDone records that the session of key is gone, and takes a pending
// exit of it out of the journal.
func (d *Dispatcher) exitDone(key store.Key) {
	if d.exits.deleted(key) && d.Exits != nil {
		if err := d.Exits.Remove(key); err != nil {
			d.log().Error("quick exit: session deleted, but the exit journal still names it", "session", logKey(key), "err", err)
		}
	}
}

// retryLoop tries the pending exits every RetryEvery until none is left:
// each until its session is deleted or the idle time after the exit has
// passed. Its waiting is After, and its time Now, so that a test can run
// it through hours.
func (d *Dispatcher) retryLoop() {
	defer d.exits.loop.Done()
	every := cmp.Or(d.RetryEvery, retryEvery)
	ctx := context.Background()
	clock := d.clock()
	// The delete that failed was the first try: the loop waits before its
	// first round.
	_ = clock.Sleep(ctx, every)
	_ = clock.Do(ctx, func() error {
		now, idle := d.now(), d.idle()
		try, expired, stop := d.exits.due(now, idle)
		for _, k := range expired {
			d.expire(k, now, idle)
		}
		if stop {
			return nil
		}
		for _, k := range try {
			d.retryDelete(k)
		}
		return errPending
	}, func(error, int) (time.Duration, bool) { return every, true })
}

// errPending is a round of retryLoop that left exits to try again.
var errPending = errors.New("quick exits still pending")

// retryDelete tries once to delete a session a quick exit left behind.
func (d *Dispatcher) retryDelete(key store.Key) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	unlock := d.locks.lock(key)
	defer unlock()
	if !d.exits.pending(key) {
		return // a later update of the chat deleted it
	}
	if err := d.Sessions.Delete(ctx, key); err != nil {
		return
	}
	d.exitDone(key)
	d.log().Info("quick exit: session deleted after all", "session", logKey(key))
}

// expire gives up on an exit whose idle time has passed: by now the
// store's own time-out has removed the session, or will as soon as it is
// back.
func (d *Dispatcher) expire(key store.Key, now time.Time, idle time.Duration) {
	unlock := d.locks.lock(key)
	defer unlock()
	if !d.exits.expire(key, now, idle) {
		return // deleted, or left again, in the meantime
	}
	if d.Exits != nil {
		if err := d.Exits.Remove(key); err != nil {
			d.log().Error("quick exit: the exit journal still names an exit past its idle time", "session", logKey(key), "err", err)
		}
	}
	d.log().Warn("quick exit: session not deleted within the idle time; the store's time-out removes it", "session", logKey(key), "idle", idle.String())
}

// logSalt is drawn once per process: logKey names a session in this
// process's log without tying the line to its store key.
var logSalt = func() []byte {
	b := make([]byte, 16)
	rand.Read(b)
	return b
}()

// logKey names a session in a log line, so that the lines of one quick
// exit can be followed: eight hex digits of a hash of the session key
// under a secret of this process. The key itself is never logged, since it
// names the session in the store; this name cannot be matched with the
// store, with another process's log, or across a restart.
func logKey(k store.Key) string {
	h := sha256.New()
	h.Write(logSalt)
	h.Write([]byte(k))
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// PanicError is a panic recovered while handling an update. It carries the
// panic's value and where it happened (function, file and line), never
// the update or a stack's argument words, which could hold a chat id.
type PanicError struct {
	Value any
	Where string
}

func (e *PanicError) Error() string {
	v := e.Value
	if _, ok := v.(runtime.Error); !ok {
		// Only the runtime's own messages are known to carry no input.
		v = fmt.Sprintf("%T", v)
	}
	return fmt.Sprintf("panic at %s: %v", e.Where, v)
}

// PanicSite names the first frame outside the runtime of a panic being
// recovered: the function, its file and line. Call it from the deferred
// function that recovered. Every channel logs a panic's site this way.
func PanicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s (%s:%d)", f.Function, f.File, f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}
