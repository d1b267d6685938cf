package store

import (
	"context"
	"sync"
	"time"
)

// Memory keeps sessions in this process. It is the embedded default: it
// needs nothing set up, but sessions are neither shared between instances
// nor kept across a restart.
type Memory struct {
	idle time.Duration
	now  func() time.Time

	mu       sync.Mutex
	sessions map[Key]memEntry
	stop     chan struct{}
	stopOnce sync.Once
}

type memEntry struct {
	r       Record
	expires time.Time
}

// NewMemory returns an in-memory store whose sessions expire after idle
// without a Save (DefaultIdle when idle <= 0). A background sweep removes
// expired sessions so that memory does not grow; Close stops it.
func NewMemory(idle time.Duration) *Memory {
	if idle <= 0 {
		idle = DefaultIdle
	}
	m := &Memory{
		idle:     idle,
		now:      time.Now,
		sessions: map[Key]memEntry{},
		stop:     make(chan struct{}),
	}
	go m.sweepLoop()
	return m
}

// Load returns the record for key; see Record for the contract.
func (m *Memory) Load(_ context.Context, key Key) (Record, error) {
	now := m.now()
	m.mu.Lock()
	e, ok := m.sessions[key]
	m.mu.Unlock()
	if !ok || !now.Before(e.expires) {
		return Record{}, nil
	}
	// The stored record is never changed in place (Save replaces it with
	// a copy), so it is copied outside the lock.
	return clone(e.r), nil
}

// Save stores r under compare-and-set; see Record for the contract.
func (m *Memory) Save(_ context.Context, key Key, r Record) (Record, error) {
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	var stored uint64
	if e, ok := m.sessions[key]; ok && now.Before(e.expires) {
		stored = e.r.Version
	}
	if stored != r.Version {
		return r, ErrConflict
	}
	r.Version++
	m.sessions[key] = memEntry{r: clone(r), expires: now.Add(m.idle)}
	return r, nil
}

// Delete removes everything kept for key; see Record for the contract.
func (m *Memory) Delete(_ context.Context, key Key) error {
	m.mu.Lock()
	delete(m.sessions, key)
	m.mu.Unlock()
	return nil
}

// Len returns the number of sessions held, expired ones included until the
// next sweep. It is for tests and metrics.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.sessions)
}

// Close stops the background sweep.
func (m *Memory) Close() error {
	m.stopOnce.Do(func() { close(m.stop) })
	return nil
}

func (m *Memory) sweepLoop() {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			m.sweep()
		}
	}
}

// sweep drops expired sessions.
func (m *Memory) sweep() {
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, e := range m.sessions {
		if !now.Before(e.expires) {
			delete(m.sessions, k)
		}
	}
}

// clone copies the slices of r so that a caller cannot change what the
// store holds.
func clone(r Record) Record {
	r.Session.Signals = cloneSlice(r.Session.Signals)
	r.Session.Back = cloneSlice(r.Session.Back)
	r.Handled.Seqs = cloneSlice(r.Handled.Seqs)
	r.Handled.IDs = cloneSlice(r.Handled.IDs)
	return r
}

// cloneSlice copies s, keeping nil and empty apart as the caller gave
// them, in one allocation at most.
func cloneSlice[T any](s []T) []T {
	if len(s) == 0 {
		return s[:0:0]
	}
	return append(make([]T, 0, len(s)), s...)
}
