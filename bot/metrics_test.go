package bot

import (
	"context"
	"sync"
	"testing"

	"signaal/flows"
	"signaal/store"
)

// stepLog records the steps a Dispatcher reports, as "flow/state" before
// and after.
type stepLog struct {
	mu    sync.Mutex
	steps []string
}

func (l *stepLog) Stepped(before flows.Session, r flows.Result) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.steps = append(l.steps, before.Flow+"/"+before.State+" -> "+r.Session.Flow+"/"+r.Session.State)
}

// TestMetricsStepped checks that every saved step is reported once, with
// the session before it, and that a quick exit, which saves nothing, is
// not.
func TestMetricsStepped(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	log := &stepLog{}
	d := memDispatcher(t, testEngine(t), mem, store.NewKeyer([]byte("test secret")))
	d.Metrics = log
	for _, in := range []flows.Input{flows.TextInput("/start"), choice("start/hello/go"), choice("start/ask/yes"), choice(flows.DataExit)} {
		if _, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 7, Input: in}); err != nil {
			t.Fatalf("Handle(%q) = %v", in.Data, err)
		}
	}
	want := []string{"/ -> start/hello", "start/hello -> start/ask", "start/ask -> start/end-help"}
	if len(log.steps) != len(want) {
		t.Fatalf("Stepped calls = %q, want %q", log.steps, want)
	}
	for i := range want {
		if log.steps[i] != want[i] {
			t.Errorf("Stepped call %d = %q, want %q", i, log.steps[i], want[i])
		}
	}
}
