package store

import (
	"context"
	"sync"
	"time"

	"signaal/flows"
)

// Memory keeps sessions in this process. It is the embedded default: it
// needs nothing set up, but sessions are neither shared between instances
// nor kept across a restart.
type Memory struct {
	idle time.Duration
	now  func() time.Time

	mu       sync.Mutex
	sessions map[Key]memEntry
	seen     map[Key]map[string]time.Time // update ids per chat, with expiry
	stop     chan struct{}
	stopOnce sync.Once
}

type memEntry struct {
	r       Record
	expires time.Time
}

// SeenTTL is how long an update id is remembered for redelivery checks.
// Telegram redelivers within minutes; a day leaves a wide margin.
const SeenTTL = 24 * time.Hour

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
		seen:     map[Key]map[string]time.Time{},
		stop:     make(chan struct{}),
	}
	go m.sweepLoop()
	return m
}

// Load returns the record for key; see Record for the contract.
func (m *Memory) Load(_ context.Context, key Key, update string) (Record, bool, error) {
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	dup := false
	if update != "" {
		ids := m.seen[key]
		if exp, ok := ids[update]; ok && now.Before(exp) {
			dup = true
		} else {
			if ids == nil {
				ids = map[string]time.Time{}
				m.seen[key] = ids
			}
			ids[update] = now.Add(SeenTTL)
		}
	}
	e, ok := m.sessions[key]
	if !ok || !now.Before(e.expires) {
		return Record{}, dup, nil
	}
	return clone(e.r), dup, nil
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
	delete(m.seen, key)
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

// sweep drops expired sessions and update ids.
func (m *Memory) sweep() {
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, e := range m.sessions {
		if !now.Before(e.expires) {
			delete(m.sessions, k)
		}
	}
	for k, ids := range m.seen {
		for id, exp := range ids {
			if !now.Before(exp) {
				delete(ids, id)
			}
		}
		if len(ids) == 0 {
			delete(m.seen, k)
		}
	}
}

// clone copies the slices of r so that a caller cannot change what the
// store holds.
func clone(r Record) Record {
	r.Session.Signals = append([]string(nil), r.Session.Signals...)
	r.Session.Back = append([]flows.Step(nil), r.Session.Back...)
	return r
}
