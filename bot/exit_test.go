package bot

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"signaal/flows"
	"signaal/store"
)

var t0 = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// fakeClock is the Dispatcher's Now in tests that run through hours.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

// retryWaits is the Dispatcher's After in tests: each wait of the retry
// loop is handed to the test as a channel, which the test fires when it
// wants the loop to go on.
type retryWaits chan chan time.Time

func (w retryWaits) After(time.Duration) <-chan time.Time {
	ch := make(chan time.Time)
	w <- ch
	return ch
}

// never is the Dispatcher's After in tests whose retry loop must not run:
// it waits for ever.
func never(time.Duration) <-chan time.Time { return nil }

// next returns the retry loop's next wait. The time-out is no bound on the
// dispatcher, only on how long a stuck test hangs.
func (w retryWaits) next(t *testing.T) chan time.Time {
	t.Helper()
	select {
	case ch := <-w:
		return ch
	case <-time.After(20 * time.Second):
		t.Fatal("the retry loop does not wait for its next try")
		return nil
	}
}

// fire lets the loop make one round and returns once it waits for the
// next one. The loop reads the time from the Dispatcher's clock.
func (w retryWaits) fire(t *testing.T, tick chan time.Time) chan time.Time {
	t.Helper()
	tick <- time.Time{}
	return w.next(t)
}

// loopEnds fails unless the retry loop, fired with tick, ends rather than
// waits again.
func loopEnds(t *testing.T, d *Dispatcher, w retryWaits, tick chan time.Time) {
	t.Helper()
	tick <- time.Time{}
	ended := make(chan struct{})
	go func() {
		d.exits.loop.Wait()
		close(ended)
	}()
	select {
	case <-ended:
	case <-w:
		t.Fatal("the retry loop waits for another try, want it ended")
	}
}

func TestExitJournal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "exits")
	j := &ExitJournal{Path: path}
	if m, err := j.Load(); err != nil || len(m) != 0 {
		t.Fatalf("Load(missing file) = %v, %v; want an empty journal", m, err)
	}
	a, b := store.Key("aaaaaaaaaaaaaaaaaaaaaa"), store.Key("bb-b_bbbbbbbbbbbbbbbbb")
	steps := []struct {
		name string
		do   func() error
		want map[store.Key]time.Time
	}{
		{"add", func() error { return j.Add(a, t0) }, map[store.Key]time.Time{a: t0}},
		{"add another", func() error { return j.Add(b, t0.Add(time.Nanosecond)) }, map[store.Key]time.Time{a: t0, b: t0.Add(time.Nanosecond)}},
		{"add again, later", func() error { return j.Add(a, t0.Add(time.Hour)) }, map[store.Key]time.Time{a: t0.Add(time.Hour), b: t0.Add(time.Nanosecond)}},
		{"remove", func() error { return j.Remove(a, "not there") }, map[store.Key]time.Time{b: t0.Add(time.Nanosecond)}},
		{"remove nothing", func() error { return j.Remove() }, map[store.Key]time.Time{b: t0.Add(time.Nanosecond)}},
		{"remove the last", func() error { return j.Remove(b) }, map[store.Key]time.Time{}},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		// A journal of the same file, as after a restart.
		got, err := (&ExitJournal{Path: path}).Load()
		if err != nil {
			t.Fatalf("%s: Load = %v", st.name, err)
		}
		if !sameExits(got, st.want) {
			t.Errorf("%s: Load = %v, want %v", st.name, got, st.want)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("journal mode = %v, want 0600", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d files, want only the journal: a temporary file was left", len(entries))
	}
}

// TestExitJournalDamaged: a line that cannot be read costs only itself,
// and the next write drops it.
func TestExitJournalDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "exits")
	good := store.Key("aaaaaaaaaaaaaaaaaaaaaa")
	raw := "# a comment\n" + string(good) + " 1764244800000000000\nhalf a line\nbbbb notanumber\n\n"
	if err := os.WriteFile(path, []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	want := map[store.Key]time.Time{good: time.Unix(0, 1764244800000000000)}
	j := &ExitJournal{Path: path}
	got, err := j.Load()
	if err == nil || !sameExits(got, want) {
		t.Fatalf("Load(damaged) = %v, %v; want %v and an error", got, err, want)
	}
	if err := j.Remove(); err != nil {
		t.Fatal(err)
	}
	got, err = j.Load()
	if err != nil || !sameExits(got, want) {
		t.Errorf("Load after a write = %v, %v; want %v and no error", got, err, want)
	}
}

func TestExitJournalUnwritable(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	d := memDispatcher(t, testEngine(t), mem, store.NewKeyer(nil))
	d.Exits = &ExitJournal{Path: filepath.Join(t.TempDir(), "no such directory", "exits")}
	if err := d.ReplayExits(); err == nil {
		t.Errorf("ReplayExits(journal in a missing directory) = nil, want an error")
	}
}

func sameExits(a, b map[store.Key]time.Time) bool {
	if len(a) != len(b) {
		return false
	}
	for k, t := range a {
		if !b[k].Equal(t) {
			return false
		}
	}
	return true
}

// TestReplayExits starts a dispatcher on a journal of an earlier run: an
// exit younger than the idle time deletes its session before the chat is
// answered, one older is dropped from the journal, and other chats go on.
func TestReplayExits(t *testing.T) {
	mem := store.NewMemory(time.Hour)
	defer mem.Close()
	keys := store.NewKeyer(nil)
	e := testEngine(t)
	before := memDispatcher(t, e, mem, keys)
	for chat := int64(1); chat <= 3; chat++ {
		toCounter(t, before, chat)
	}
	path := filepath.Join(t.TempDir(), "exits")
	j := &ExitJournal{Path: path}
	young, old := keys.Key("test", 1), keys.Key("test", 2)
	if err := j.Add(young, t0.Add(-50*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := j.Add(old, t0.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	// The retry loop never runs: only the update deletes.
	clock := &fakeClock{now: t0}
	d := &Dispatcher{Engine: e, Sessions: mem, Keys: keys, Now: clock.Now, Idle: time.Hour, Exits: &ExitJournal{Path: path}, After: never}
	if err := d.ReplayExits(); err != nil {
		t.Fatal(err)
	}
	if got, _ := (&ExitJournal{Path: path}).Load(); !sameExits(got, map[store.Key]time.Time{young: t0.Add(-50 * time.Minute)}) {
		t.Errorf("journal after replay = %v, want only the exit younger than the idle time", got)
	}
	tests := []struct {
		chat    int64
		refused bool
	}{
		{1, true},  // left: the old button finds no conversation
		{2, false}, // left too long ago: its session (which Redis would have expired) goes on
		{3, false},
	}
	for _, tt := range tests {
		out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: tt.chat, Input: choice("start/counter/inc")})
		if err != nil || out.Refused != tt.refused {
			t.Errorf("chat %d: counter pressed = Refused %v, %v; want %v", tt.chat, out.Refused, err, tt.refused)
		}
	}
	if got, _ := (&ExitJournal{Path: path}).Load(); len(got) != 0 {
		t.Errorf("journal after the left chat was answered = %v, want empty", got)
	}
}

// TestHandleOrigin: a conversation remembers the id of its first message,
// and the quick exit hands it to the channel.
func TestHandleOrigin(t *testing.T) {
	tests := []struct {
		name       string
		msgIDs     []int64 // of /start, go, count: three updates
		wantOrigin int64
	}{
		{"ids", []int64{100, 101, 102}, 100},
		{"first without an id", []int64{0, 7, 8}, 7},
		{"no ids", []int64{0, 0, 0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem := store.NewMemory(0)
			defer mem.Close()
			d := memDispatcher(t, testEngine(t), mem, store.NewKeyer(nil))
			ctx := context.Background()
			for i, in := range []flows.Input{flows.TextInput("/start"), choice("start/hello/go"), choice("start/ask/count")} {
				if _, err := d.Handle(ctx, Update{Platform: "test", ChatID: 1, MsgID: tt.msgIDs[i], Input: in}); err != nil {
					t.Fatal(err)
				}
			}
			rec, _ := mem.Load(ctx, d.Keys.Key("test", 1))
			if rec.Origin != tt.wantOrigin {
				t.Errorf("stored Origin = %d, want %d", rec.Origin, tt.wantOrigin)
			}
			out, err := d.Handle(ctx, Update{Platform: "test", ChatID: 1, MsgID: 999, Input: choice(flows.DataExit)})
			if err != nil || !out.Forget || out.Origin != tt.wantOrigin {
				t.Errorf("quick exit = Forget %v, Origin %d, %v; want Forget, Origin %d", out.Forget, out.Origin, err, tt.wantOrigin)
			}
			// Leaving again, with nothing left, knows no origin; the
			// next conversation has an origin of its own.
			if out, _ := d.Handle(ctx, Update{Platform: "test", ChatID: 1, MsgID: 1000, Input: choice(flows.DataExit)}); out.Origin != 0 {
				t.Errorf("quick exit without a conversation: Origin = %d, want 0", out.Origin)
			}
			if _, err := d.Handle(ctx, Update{Platform: "test", ChatID: 1, MsgID: 2000, Input: flows.TextInput("/start")}); err != nil {
				t.Fatal(err)
			}
			if rec, _ := mem.Load(ctx, d.Keys.Key("test", 1)); rec.Origin != 2000 {
				t.Errorf("Origin of the next conversation = %d, want 2000", rec.Origin)
			}
		})
	}
}

// TestHandleDuplicateShowsQuestion: an update handled before answers with
// the conversation's current question, as the channel may never have sent
// the first answer.
func TestHandleDuplicateShowsQuestion(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	d := memDispatcher(t, testEngine(t), mem, store.NewKeyer(nil))
	ctx := context.Background()
	updates := []Update{
		{Seq: 10, Input: flows.TextInput("/start")},
		{Seq: 11, Input: choice("start/hello/go")},
	}
	var last []flows.Reply
	for _, u := range updates {
		u.Platform, u.ChatID = "test", 1
		out, err := d.Handle(ctx, u)
		if err != nil || out.Duplicate {
			t.Fatalf("Handle(%q) = %+v, %v", u.Input.Data, out, err)
		}
		last = out.Replies
	}
	for _, u := range updates {
		u.Platform, u.ChatID = "test", 1
		out, err := d.Handle(ctx, u)
		if err != nil || !out.Duplicate || out.Lang != "nl" {
			t.Fatalf("Handle(%q) again = %+v, %v; want a duplicate in nl", u.Input.Data, out, err)
		}
		// Both show where the conversation is now: the second question,
		// with its back option.
		if !reflect.DeepEqual(out.Replies, last) {
			t.Errorf("Handle(%q) again: Replies = %+v, want the current question %+v", u.Input.Data, out.Replies, last)
		}
	}
	if rec, _ := mem.Load(ctx, d.Keys.Key("test", 1)); rec.Session.State != "ask" || strings.Join(rec.Session.Signals, ",") != "" {
		t.Errorf("session after duplicates = %s %v, want ask with no signals: a duplicate changes nothing", rec.Session.State, rec.Session.Signals)
	}
}
