package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"signaal/content"
	"signaal/flows"
	"signaal/store"
)

// testEngine runs content/testdata/good, which has a counter state whose
// "inc" option loops and records one signal each time: the number of
// signals counts how many inputs were applied.
func testEngine(t testing.TB) *flows.Engine {
	t.Helper()
	c, err := content.Load(os.DirFS("../content/testdata/good"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := flows.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func memDispatcher(t testing.TB, e *flows.Engine, sessions Sessions, keys *store.Keyer) *Dispatcher {
	t.Helper()
	return &Dispatcher{Engine: e, Sessions: sessions, Keys: keys}
}

func choice(data string) flows.Input { return flows.ChoiceInput(data) }

// toCounter brings chat to the counter state.
func toCounter(t *testing.T, d *Dispatcher, chat int64) {
	t.Helper()
	for _, in := range []flows.Input{flows.TextInput("/start"), choice("start/hello/go"), choice("start/ask/count")} {
		if _, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: chat, Input: in}); err != nil {
			t.Fatalf("Handle(%q) = %v", in.Data, err)
		}
	}
}

func TestHandleConversation(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	keys := store.NewKeyer([]byte("test secret"))
	d := memDispatcher(t, testEngine(t), mem, keys)
	ctx := context.Background()
	steps := []struct {
		in        flows.Input
		wantFirst string
	}{
		{flows.TextInput("/start"), "nl hello"},
		{choice("start/hello/go"), "nl ask"},
		{choice("start/ask/yes"), "nl end.help"},
	}
	for _, st := range steps {
		out, err := d.Handle(ctx, Update{Platform: "test", ChatID: 42, Input: st.in})
		if err != nil || len(out.Replies) == 0 || !strings.HasPrefix(out.Replies[0].Text, st.wantFirst) {
			t.Fatalf("Handle(%q) = %+v, %v; want a reply starting %q", st.in.Data, out, err, st.wantFirst)
		}
	}
	s, _ := mem.Load(ctx, keys.Key("test", 42))
	if s.Session.State != "end-help" || s.Version != 3 {
		t.Errorf("stored session = %s v%d, want end-help v3", s.Session.State, s.Version)
	}
}

func TestHandleForget(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	keys := store.NewKeyer(nil)
	d := memDispatcher(t, testEngine(t), mem, keys)
	ctx := context.Background()
	for i, in := range []flows.Input{flows.TextInput("/start"), choice("start/hello/go")} {
		out, err := d.Handle(ctx, Update{Platform: "test", ChatID: 7, Input: in})
		if err != nil || out.Started != (i == 0) {
			t.Fatalf("Handle(%q) = %+v, %v; want Started only for the first", in.Data, out, err)
		}
	}
	out, err := d.Handle(ctx, Update{Platform: "test", ChatID: 7, Input: choice(flows.DataExit)})
	if err != nil || !out.Forget || len(out.Replies) != 1 {
		t.Fatalf("quick exit = %+v, %v; want Forget with one line", out, err)
	}
	if mem.Len() != 0 {
		t.Errorf("%d sessions kept after quick exit, want 0", mem.Len())
	}
	if s, _ := mem.Load(ctx, keys.Key("test", 7)); !s.Session.IsNew() || s.Version != 0 {
		t.Errorf("session after quick exit = %+v, want none", s)
	}
}

// TestHandleRedelivery delivers updates again, as Telegram does when it
// did not hear that an update arrived: each is applied once, whether the
// channel numbers its updates in a growing sequence or names them.
func TestHandleRedelivery(t *testing.T) {
	tests := []struct {
		name       string
		deliveries []Update // of chat 5, on the counter
		wantDup    []bool
		wantApply  int
	}{
		{"sequence", []Update{{Seq: 1001}, {Seq: 1001}, {Seq: 1002}, {Seq: 1001}, {Seq: 1002}}, []bool{false, true, false, true, true}, 2},
		{"sequence, an older one late", []Update{{Seq: 1001}, {Seq: 999}, {Seq: 999}}, []bool{false, false, true}, 2},
		{"ids", []Update{{ID: "a"}, {ID: "a"}, {ID: "b"}, {ID: "a"}}, []bool{false, true, false, true}, 2},
		{"neither", []Update{{}, {}}, []bool{false, false}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem := store.NewMemory(0)
			defer mem.Close()
			checkRedelivery(t, memDispatcher(t, testEngine(t), mem, store.NewKeyer(nil)), tt.deliveries, tt.wantDup, tt.wantApply)
		})
	}
}

func checkRedelivery(t *testing.T, d *Dispatcher, deliveries []Update, wantDup []bool, wantApply int) {
	t.Helper()
	toCounter(t, d, 5)
	ctx := context.Background()
	var question []flows.Reply
	for i, u := range deliveries {
		u.Platform, u.ChatID, u.Input = "test", 5, choice("start/counter/inc")
		out, err := d.Handle(ctx, u)
		if err != nil || out.Duplicate != wantDup[i] {
			t.Errorf("delivery %d (%+v): Duplicate = %v (%v), want %v", i+1, u, out.Duplicate, err, wantDup[i])
		}
		// A duplicate shows the question again, in case the first answer
		// never reached the person: the counter, as the last step left it.
		if question == nil {
			question = out.Replies
		}
		if len(out.Replies) != 1 || out.Replies[0].Text != question[0].Text || len(out.Replies[0].Options) != len(question[0].Options) {
			t.Errorf("delivery %d (%+v): Replies = %+v, want the counter question %+v", i+1, u, out.Replies, question)
		}
	}
	s, _ := d.Sessions.Load(ctx, d.Keys.Key("test", 5))
	if len(s.Session.Signals) != wantApply {
		t.Errorf("signals = %v, want %d updates applied", s.Session.Signals, wantApply)
	}
}

// TestHandleSameUpdateTwoDispatchers gives one update to two dispatchers
// at once, as when Telegram delivers it again to a second instance while
// the first still handles it: it is applied exactly once.
func TestHandleSameUpdateTwoDispatchers(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	checkSameUpdate(t, mem, store.NewKeyer([]byte("shared secret")))
}

func checkSameUpdate(t *testing.T, sessions Sessions, keys *store.Keyer) {
	t.Helper()
	e := testEngine(t)
	a, b := memDispatcher(t, e, sessions, keys), memDispatcher(t, e, sessions, keys)
	toCounter(t, a, 11)
	const updates = 30
	for i := range updates {
		for _, u := range []Update{{Seq: uint64(100 + i)}, {ID: fmt.Sprint("u", i)}} {
			u.Platform, u.ChatID, u.Input = "test", 11, choice("start/counter/inc")
			var wg sync.WaitGroup
			outs := make([]Outcome, 2)
			for n, d := range []*Dispatcher{a, b} {
				wg.Go(func() {
					var err error
					if outs[n], err = d.Handle(context.Background(), u); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			if outs[0].Duplicate == outs[1].Duplicate {
				t.Errorf("update %+v: Duplicate = %v and %v, want exactly one", u, outs[0].Duplicate, outs[1].Duplicate)
			}
		}
	}
	s, err := sessions.Load(context.Background(), keys.Key("test", 11))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Session.Signals); got != 2*updates {
		t.Errorf("%d inputs applied, want %d", got, 2*updates)
	}
}

// TestHandleConcurrentDispatchers runs two dispatchers, as two bot
// instances would be, on one store and sends interleaved inputs for the
// same chat. Their saves conflict; each loser reloads and handles its input
// again, so every input is applied exactly once.
func TestHandleConcurrentDispatchers(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	checkConcurrent(t, mem, store.NewKeyer([]byte("shared secret")))
}

func checkConcurrent(t *testing.T, sessions Sessions, keys *store.Keyer) {
	t.Helper()
	e := testEngine(t)
	a, b := memDispatcher(t, e, sessions, keys), memDispatcher(t, e, sessions, keys)
	toCounter(t, a, 9)
	const perInstance = 25 // 50 in all, within flows.MaxSignals
	var wg sync.WaitGroup
	errs := make(chan error, 2*perInstance)
	for n, d := range []*Dispatcher{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perInstance; i++ {
				id := fmt.Sprintf("%d-%d", n, i)
				out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 9, ID: id, Input: choice("start/counter/inc")})
				if err != nil || out.Duplicate || out.Degraded {
					errs <- fmt.Errorf("update %s: %+v, %v", id, out, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s, err := sessions.Load(context.Background(), keys.Key("test", 9))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Session.Signals); got != 2*perInstance {
		t.Errorf("%d inputs applied, want %d", got, 2*perInstance)
	}
}

// TestHandleOrderPerChat sends many inputs for many chats at once through
// one dispatcher and checks that each chat saw all of its own.
func TestHandleOrderPerChat(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	d := memDispatcher(t, testEngine(t), mem, store.NewKeyer(nil))
	const chats, per = 20, 10
	for c := int64(0); c < chats; c++ {
		toCounter(t, d, c)
	}
	var wg sync.WaitGroup
	for c := int64(0); c < chats; c++ {
		for i := 0; i < per; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: c, Input: choice("start/counter/inc")}); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	for c := int64(0); c < chats; c++ {
		s, _ := mem.Load(context.Background(), d.Keys.Key("test", c))
		if len(s.Session.Signals) != per {
			t.Errorf("chat %d: %d inputs applied, want %d", c, len(s.Session.Signals), per)
		}
	}
}

// TestHandlePanic makes handling panic (through the clock, a dependency
// the dispatcher takes as a field): the person still gets the safety card,
// the operator an error saying where, and the next update is handled as
// usual.
func TestHandlePanic(t *testing.T) {
	mem := store.NewMemory(0)
	defer mem.Close()
	d := memDispatcher(t, testEngine(t), mem, store.NewKeyer(nil))
	var logs strings.Builder
	d.Log = slog.New(slog.NewTextHandler(&logs, nil))
	d.Now = func() time.Time { panic("secret text 0612345678") }
	out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 3, Input: flows.TextInput("/start")})
	var pe *PanicError
	if !errors.As(err, &pe) || !out.Degraded || len(out.Replies) != 1 || out.Replies[0].Text != d.Engine.SafetyCard("").Text {
		t.Fatalf("Handle(panicking) = %+v, %v; want the safety card and a PanicError", out, err)
	}
	if !strings.Contains(err.Error(), "dispatcher_test.go") || strings.Contains(logs.String()+err.Error(), "0612345678") {
		t.Errorf("error %q, logs %q: want where it happened and not what the panic said", err, logs.String())
	}
	d.Now = nil
	if out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 3, Input: flows.TextInput("/start")}); err != nil || out.Degraded {
		t.Errorf("Handle after a panic = %+v, %v; want a normal answer", out, err)
	}
}

// TestLeavesBeforeLoading: every way of leaving is recognised without the
// session, in both languages, and nothing else is.
func TestLeavesBeforeLoading(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		in   flows.Input
		want bool
	}{
		{choice(flows.DataExit), true},
		{flows.TextInput("/stop"), true},
		{flows.TextInput("/STOP@SignaalBot"), true},
		{flows.TextInput("/weg"), true},
		{flows.TextInput(e.Forget("nl").Replies[0].Text), false},
		{flows.TextInput(e.Content().Text("nl", content.KeyOptExit)), true},
		{flows.TextInput("  " + strings.ToUpper(e.Content().Text("en", content.KeyOptExit)) + " "), true},
		{flows.TextInput("/start"), false},
		{flows.TextInput("stop"), false},
		{choice(flows.DataSOS), false},
		{flows.Input{Kind: flows.Media}, false},
	}
	for _, tt := range tests {
		if got := e.Leaves(tt.in); got != tt.want {
			t.Errorf("Leaves(%+v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
