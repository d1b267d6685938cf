package telegram

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// errLaneFull is returned by lanes.Go when the key already has as many
// jobs as the caller allows it.
var errLaneFull = errors.New("telegram: the chat's queue is full")

// lanes runs jobs in the order they were queued for the same key, and jobs
// of different keys in parallel, with at most workers jobs running and at
// most max jobs queued or running in all. The bot keys them by chat, so
// that a chat sees its answers in order while a slow chat holds up no
// other. A key takes memory only while it has jobs. Workers take the keys
// with a job to start in turn, one job at a time, so that a chat with many
// jobs cannot keep a worker to itself.
//
// While the bot runs, an idle worker waits for the next job rather than
// exits (see keep): growing a new goroutine's stack for every job cost a
// sixth of the bot's time. The keys are spread over shards, each with its
// own lock: with one lock, hundreds of workers queued on it.
type lanes struct {
	workers int           // most jobs running at once
	slots   chan struct{} // a token per queued or running job
	onPanic func(any)

	shards  [laneShards]laneShard
	ready   chan *lane                    // keys with a job to start and none running, in turn
	first   chan *lane                    // the same for keys whose next job is urgent, taken before ready
	n       atomic.Int64                  // queued or running jobs
	running atomic.Int64                  // worker goroutines
	stay    atomic.Bool                   // workers wait for work rather than exit when there is none
	release atomic.Pointer[chan struct{}] // closed to send waiting workers away
}

// laneShards is the number of locks the keys are spread over.
const laneShards = 32

type laneShard struct {
	mu sync.Mutex
	q  map[int64]*lane // the keys with jobs
	_  [40]byte        // keeps neighbouring locks off one cache line
}

// lane is one key's jobs. Its fields belong to its shard's lock.
type lane struct {
	key    int64
	jobs   []laneJob // queued, not yet running; the first ones are urgent
	urgent int       // jobs at the head queued with GoFirst
	n      int       // queued or running
	busy   bool      // a job of the lane runs
}

// laneJob is a queued job, and whether it holds one of the lanes' slots:
// urgent jobs never wait for one (see GoFirst).
type laneJob struct {
	f       func()
	dropped func() // called instead of f when Discard drops the job
	slot    bool
}

func newLanes(workers, max int, onPanic func(any)) *lanes {
	l := &lanes{
		workers: workers,
		slots:   make(chan struct{}, max),
		onPanic: onPanic,
		// A key with a job queued is in ready at most once (see handOver
		// for the rest), and may be in first as well.
		ready: make(chan *lane, max),
		first: make(chan *lane, max),
	}
	for i := range l.shards {
		l.shards[i].q = map[int64]*lane{}
	}
	release := make(chan struct{})
	l.release.Store(&release)
	return l
}

func (l *lanes) shard(key int64) *laneShard {
	return &l.shards[uint64(key)%laneShards]
}

// keep sets whether idle workers wait for more work (while the bot runs)
// or exit (once it has stopped, so that nothing is left behind).
func (l *lanes) keep(stay bool) {
	if l.stay.Swap(stay) == stay {
		return
	}
	release := make(chan struct{})
	old := l.release.Swap(&release)
	if !stay {
		close(*old)
	}
}

// Go queues j behind the earlier jobs of key. When limit is above zero and
// key already has limit jobs queued or running, it returns errLaneFull at
// once: one chat must not fill the queue that all chats share. Otherwise
// it blocks while the lanes are full and returns ctx's error, without
// queueing j, if ctx ends first or, when wait is above zero, after wait.
func (l *lanes) Go(ctx context.Context, key int64, limit int, wait time.Duration, j laneJob) error {
	if limit > 0 && l.KeyLen(key) >= limit {
		return errLaneFull // without waiting for a slot it will not use
	}
	select {
	case l.slots <- struct{}{}:
	default:
		if wait > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, wait)
			defer cancel()
		}
		select {
		case l.slots <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	j.slot = true
	if !l.queue(key, limit, j, false) {
		<-l.slots // filled up while this call waited for its slot
		return errLaneFull
	}
	return nil
}

// GoFirst queues j ahead of the jobs of key that have not started, behind
// those queued with GoFirst before it, for the quick exit and answers with
// 112. It never waits and is never refused: an urgent job takes no slot.
// The caller bounds what a flood can put through here.
func (l *lanes) GoFirst(key int64, j laneJob) {
	j.slot = false
	l.queue(key, 0, j, true)
}

// queue adds j to key's lane, at the back or behind the urgent jobs,
// unless limit is above zero and the lane already has limit jobs.
func (l *lanes) queue(key int64, limit int, j laneJob, first bool) bool {
	sh := l.shard(key)
	sh.mu.Lock()
	ln := sh.q[key]
	if limit > 0 && ln != nil && ln.n >= limit {
		sh.mu.Unlock()
		return false
	}
	l.n.Add(1)
	if ln == nil {
		ln = &lane{key: key}
		sh.q[key] = ln
	}
	if first {
		ln.jobs = slices.Insert(ln.jobs, ln.urgent, j)
		ln.urgent++
	} else {
		ln.jobs = append(ln.jobs, j)
	}
	ln.n++
	start := !ln.busy && len(ln.jobs) == 1
	// An urgent job of a key waiting in ready is handed over again, ahead
	// of every other key.
	jump := first && !ln.busy && len(ln.jobs) > 1
	sh.mu.Unlock()
	switch {
	case start:
		l.start(ln, first)
	case jump:
		l.handOver(l.first, ln)
	}
	return true
}

// start hands a lane with a job to the workers, ahead of the others when
// its job is urgent, and makes sure there is a worker to take it.
func (l *lanes) start(ln *lane, urgent bool) {
	if urgent {
		l.handOver(l.first, ln)
	} else {
		l.handOver(l.ready, ln)
	}
	for {
		n := l.running.Load()
		if n >= int64(l.workers) {
			return // a busy worker takes it when it is done
		}
		if l.running.CompareAndSwap(n, n+1) {
			go l.work()
			return
		}
	}
}

// work starts jobs of the lanes in turn, those with an urgent job first,
// until there is none, then waits for more or, unless the bot runs, exits.
func (l *lanes) work() {
	for {
		ln := l.next(l.stay.Load())
		if ln == nil {
			l.running.Add(-1)
			// A lane handed over just before this worker left counted on
			// it: look once more.
			if ln = l.next(false); ln == nil {
				return
			}
			l.running.Add(1)
		}
		l.run(ln)
	}
}

// next takes a lane with a job to start, urgent ones first. When there is
// none it returns nil, or with wait waits for one until the lanes release
// their workers.
func (l *lanes) next(wait bool) *lane {
	select {
	case ln := <-l.first:
		return ln
	default:
	}
	select {
	case ln := <-l.ready:
		return ln
	default:
	}
	if !wait {
		return nil
	}
	select {
	case ln := <-l.first:
		return ln
	case ln := <-l.ready:
		return ln
	case <-*l.release.Load():
		return nil
	}
}

// run starts the next job of ln, and hands ln back to the workers when it
// has more.
func (l *lanes) run(ln *lane) {
	sh := l.shard(ln.key)
	sh.mu.Lock()
	if len(ln.jobs) == 0 || ln.busy {
		// Discarded while it waited, or handed over twice (see queue) and
		// taken the other time.
		sh.mu.Unlock()
		return
	}
	j := ln.jobs[0]
	ln.jobs[0] = laneJob{}
	ln.jobs = ln.jobs[1:]
	if ln.urgent > 0 {
		ln.urgent--
	}
	ln.busy = true
	sh.mu.Unlock()

	l.do(j.f)

	sh.mu.Lock()
	ln.busy = false
	ln.n--
	again := len(ln.jobs) > 0
	if ln.n == 0 {
		delete(sh.q, ln.key)
	}
	urgent := ln.urgent > 0
	sh.mu.Unlock()
	l.done(j.slot)
	if again {
		if urgent {
			l.handOver(l.first, ln) // ahead of the other chats' turns
		} else {
			l.handOver(l.ready, ln) // behind the other chats' turns
		}
	}
}

// handOver puts ln in ch (ready or first) without blocking. Keys whose
// jobs were all discarded while they waited stay in ready until a worker
// passes them by, so in a burst of quick exits ready can be full; the key
// then waits in a goroutine of its own for a worker, which comes, as every
// key in ready has one coming.
func (l *lanes) handOver(ch chan *lane, ln *lane) {
	select {
	case ch <- ln:
	default:
		go func() { ch <- ln }()
	}
}

// done accounts for a job that left the lanes.
func (l *lanes) done(slot bool) {
	l.n.Add(-1)
	if slot {
		<-l.slots
	}
}

// do runs one job. A panic is reported and stops only that job.
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
	sh := l.shard(key)
	sh.mu.Lock()
	ln := sh.q[key]
	if ln == nil || len(ln.jobs) == 0 {
		sh.mu.Unlock()
		return 0
	}
	jobs := slices.Clone(ln.jobs)
	k := len(jobs)
	clear(ln.jobs)
	ln.jobs = ln.jobs[:0]
	ln.urgent = 0
	ln.n -= k
	if ln.n == 0 {
		// Not running: the worker that takes it from ready passes it by.
		delete(sh.q, key)
	}
	sh.mu.Unlock()
	for _, j := range jobs {
		l.done(j.slot)
		if j.dropped != nil {
			j.dropped()
		}
	}
	return k
}

// Wait returns once no job is queued or running, or with ctx's error. It
// looks every few milliseconds rather than burden the lanes' hot path.
func (l *lanes) Wait(ctx context.Context) error {
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	for l.n.Load() > 0 {
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// Len is the number of jobs queued or running.
func (l *lanes) Len() int { return int(l.n.Load()) }

// KeyLen is the number of jobs of key queued or running; UrgentLen those
// queued with GoFirst that have not started.
func (l *lanes) KeyLen(key int64) int    { n, _ := l.count(key); return n }
func (l *lanes) UrgentLen(key int64) int { _, u := l.count(key); return u }

func (l *lanes) count(key int64) (n, urgent int) {
	sh := l.shard(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if ln := sh.q[key]; ln != nil {
		return ln.n, ln.urgent
	}
	return 0, 0
}
