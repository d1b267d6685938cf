package telegram

import (
	"context"
	"errors"
	"sync"
)

// errLaneFull is returned by lanes.Go when the key already has as many
// jobs as the caller allows it.
var errLaneFull = errors.New("telegram: the chat's queue is full")

// lanes runs jobs in the order they were queued for the same key, and jobs
// of different keys in parallel, with at most workers jobs running and at
// most max jobs queued or running in all. The bot uses one lanes for
// handling updates and one for sending, both keyed by chat, so that a chat
// sees its answers in the order it asked while a slow chat (waiting out a
// flood limit, say) holds up no other.
//
// A key has a goroutine only while it has jobs, so idle chats cost nothing.
type lanes struct {
	workers chan struct{} // a token per running job
	slots   chan struct{} // a token per queued or running job
	onPanic func(any)

	mu   sync.Mutex
	q    map[int64]*lane // the keys with jobs; each has a goroutine
	n    int             // queued or running jobs
	idle chan struct{}   // closed when n drops to zero; nil while n is zero
}

// lane is one key's jobs.
type lane struct {
	jobs []func() // queued, not yet running
	n    int      // queued or running
}

func newLanes(workers, max int, onPanic func(any)) *lanes {
	return &lanes{
		workers: make(chan struct{}, workers),
		slots:   make(chan struct{}, max),
		onPanic: onPanic,
		q:       map[int64]*lane{},
	}
}

// Go queues f behind the earlier jobs of key. When limit is above zero and
// key already has limit jobs queued or running, it returns errLaneFull at
// once: one chat must not fill the queue that all chats share. Otherwise
// it blocks while the lanes are full and returns ctx's error, without
// queueing f, if ctx ends first.
func (l *lanes) Go(ctx context.Context, key int64, limit int, f func()) error {
	if limit > 0 && l.KeyLen(key) >= limit {
		return errLaneFull // without waiting for a slot it will not use
	}
	select {
	case l.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	l.mu.Lock()
	ln, running := l.q[key]
	if limit > 0 && running && ln.n >= limit {
		// Filled up while this call waited for its slot.
		l.mu.Unlock()
		<-l.slots
		return errLaneFull
	}
	if l.n == 0 {
		l.idle = make(chan struct{})
	}
	l.n++
	if !running {
		ln = &lane{}
		l.q[key] = ln
	}
	ln.jobs = append(ln.jobs, f)
	ln.n++
	l.mu.Unlock()
	if !running {
		go l.run(key, ln)
	}
	return nil
}

// run works through a key's jobs. A worker token is taken per job rather
// than per key, so that a chat with many jobs queued cannot keep a worker
// to itself.
func (l *lanes) run(key int64, ln *lane) {
	for {
		l.mu.Lock()
		if len(ln.jobs) == 0 {
			delete(l.q, key)
			l.mu.Unlock()
			return
		}
		f := ln.jobs[0]
		ln.jobs[0] = nil
		ln.jobs = ln.jobs[1:]
		l.mu.Unlock()

		l.workers <- struct{}{}
		l.do(f)
		<-l.workers

		l.mu.Lock()
		ln.n--
		l.doneLocked(1)
		l.mu.Unlock()
	}
}

// doneLocked accounts for k jobs that left the lanes.
func (l *lanes) doneLocked(k int) {
	for range k {
		<-l.slots
	}
	if l.n -= k; l.n == 0 && l.idle != nil {
		close(l.idle)
		l.idle = nil
	}
}

// do runs one job. A panic is reported and stops only that job: one odd
// update must not take the bot away from everyone else.
func (l *lanes) do(f func()) {
	defer func() {
		if v := recover(); v != nil && l.onPanic != nil {
			l.onPanic(v)
		}
	}()
	f()
}

// Discard drops the jobs of key that have not started, and returns how
// many it dropped. The job running, if any, goes on.
func (l *lanes) Discard(key int64) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	ln := l.q[key]
	if ln == nil || len(ln.jobs) == 0 {
		return 0
	}
	k := len(ln.jobs)
	clear(ln.jobs)
	ln.jobs = ln.jobs[:0]
	ln.n -= k
	l.doneLocked(k)
	return k
}

// Wait returns once no job is queued or running, or with ctx's error.
func (l *lanes) Wait(ctx context.Context) error {
	l.mu.Lock()
	idle := l.idle
	l.mu.Unlock()
	if idle == nil {
		return nil
	}
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Len is the number of jobs queued or running.
func (l *lanes) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n
}

// KeyLen is the number of jobs of key queued or running.
func (l *lanes) KeyLen(key int64) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ln := l.q[key]; ln != nil {
		return ln.n
	}
	return 0
}
