package telegram

import (
	"context"
	"sync"
)

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
	q    map[int64][]func()
	n    int           // queued or running jobs
	idle chan struct{} // closed when n drops to zero; nil while n is zero
}

func newLanes(workers, max int, onPanic func(any)) *lanes {
	return &lanes{
		workers: make(chan struct{}, workers),
		slots:   make(chan struct{}, max),
		onPanic: onPanic,
		q:       map[int64][]func(){},
	}
}

// Go queues f behind the earlier jobs of key. It blocks while the lanes are
// full and returns ctx's error, without queueing f, if ctx ends first.
func (l *lanes) Go(ctx context.Context, key int64, f func()) error {
	select {
	case l.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	l.mu.Lock()
	if l.n == 0 {
		l.idle = make(chan struct{})
	}
	l.n++
	q, running := l.q[key]
	l.q[key] = append(q, f)
	l.mu.Unlock()
	if !running {
		go l.run(key)
	}
	return nil
}

// run works through key's jobs. A worker token is taken per job rather than
// per key, so that a chat with many jobs queued cannot keep a worker to
// itself.
func (l *lanes) run(key int64) {
	for {
		l.mu.Lock()
		q := l.q[key]
		if len(q) == 0 {
			delete(l.q, key)
			l.mu.Unlock()
			return
		}
		f := q[0]
		q[0] = nil
		l.q[key] = q[1:]
		l.mu.Unlock()

		l.workers <- struct{}{}
		l.do(f)
		<-l.workers
		<-l.slots

		l.mu.Lock()
		if l.n--; l.n == 0 {
			close(l.idle)
			l.idle = nil
		}
		l.mu.Unlock()
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
