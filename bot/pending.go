package bot

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"signaal/store"
)

// Retrying the deletes a quick exit could not make. Every few seconds the
// sessions left behind are tried again, for as long as a session can live
// at all; after that the store's idle time-out has removed them anyway.
// retryEvery is the default of Dispatcher.RetryEvery.
const (
	retryEvery = 2 * time.Second
	retryFor   = store.DefaultIdle
	// maxPending bounds the keys remembered while the store is down; past
	// it the oldest is left to the store's idle time-out.
	maxPending = 10000
)

// pendingDeletes are sessions a quick exit could not delete yet, with when
// that was. One goroutine retries them while there are any.
type pendingDeletes struct {
	mu      sync.Mutex
	keys    map[store.Key]time.Time
	running bool
}

func (p *pendingDeletes) has(k store.Key) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.keys[k]
	return ok
}

func (p *pendingDeletes) remove(k store.Key) {
	p.mu.Lock()
	delete(p.keys, k)
	p.mu.Unlock()
}

// add remembers k and makes sure a goroutine retries with try, which
// reports whether the key is gone.
func (p *pendingDeletes) add(k store.Key, every time.Duration, try func(store.Key) bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.keys == nil {
		p.keys = map[store.Key]time.Time{}
	}
	if len(p.keys) >= maxPending {
		oldest, at := store.Key(""), time.Time{}
		for key, t := range p.keys {
			if at.IsZero() || t.Before(at) {
				oldest, at = key, t
			}
		}
		delete(p.keys, oldest)
	}
	if _, ok := p.keys[k]; !ok {
		p.keys[k] = time.Now()
	}
	if !p.running {
		p.running = true
		go p.retry(every, try)
	}
}

// retry works through the pending keys until none is left.
func (p *pendingDeletes) retry(every time.Duration, try func(store.Key) bool) {
	for {
		time.Sleep(every)
		p.mu.Lock()
		keys := make([]store.Key, 0, len(p.keys))
		for k, since := range p.keys {
			if time.Since(since) > retryFor {
				delete(p.keys, k)
				continue
			}
			keys = append(keys, k)
		}
		if len(keys) == 0 {
			p.running = false
			p.mu.Unlock()
			return
		}
		p.mu.Unlock()
		for _, k := range keys {
			if try(k) {
				p.remove(k)
			}
		}
	}
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

// panicSite names the first frame outside the runtime of a panic being
// recovered, called from the deferred function.
func panicSite() string {
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
