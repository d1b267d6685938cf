package store_test

import (
	"sync"
	"testing"
	"time"

	"signaal/flows"
	"signaal/store"
	"signaal/store/storetest"
)

func TestMemoryConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, idle time.Duration) (storetest.Store, storetest.Clock) {
		m := store.NewMemory(idle)
		t.Cleanup(func() { m.Close() })
		c := &memClock{now: time.Now()}
		store.SetClock(m, c.Now)
		return m, c
	})
}

func TestMemoryLen(t *testing.T) {
	ctx := t.Context()
	m := store.NewMemory(0)
	defer m.Close()
	k := store.NewKeyer(nil)
	steps := []struct {
		name string
		do   func() error
		want int
	}{
		{"new", func() error { return nil }, 0},
		{"load does not create", func() error { _, err := m.Load(ctx, k.Key("t", 1)); return err }, 0},
		{"save", func() error { _, err := m.Save(ctx, k.Key("t", 1), flowsSession("a")); return err }, 1},
		{"save other", func() error { _, err := m.Save(ctx, k.Key("t", 2), flowsSession("b")); return err }, 2},
		{"delete", func() error { return m.Delete(ctx, k.Key("t", 1)) }, 1},
		{"delete missing", func() error { return m.Delete(ctx, k.Key("t", 3)) }, 1},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: error = %v, want nil", st.name, err)
		}
		if got := m.Len(); got != st.want {
			t.Errorf("after %s: Len() = %d, want %d", st.name, got, st.want)
		}
	}
}

func TestMemoryCloseTwice(t *testing.T) {
	m := store.NewMemory(0)
	// The bot closes the store on shutdown and tests close it in Cleanup;
	// both may happen, and neither may panic.
	if err := m.Close(); err != nil {
		t.Errorf("Close() = %v, want nil", err)
	}
	if err := m.Close(); err != nil {
		t.Errorf("second Close() = %v, want nil", err)
	}
}

func flowsSession(state string) store.Record {
	return store.Record{Session: flows.Session{State: state}}
}

// memClock is the memory store's clock in the conformance suite: it
// stands still until the suite makes time pass.
type memClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *memClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Pass moves the clock on for every session of the store; the keys do not
// matter, as each subtest has a store of its own.
func (c *memClock) Pass(d time.Duration, _ ...store.Key) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}
