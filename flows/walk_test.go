package flows

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"signaal/content"
)

// TestRandomWalk walks the shipped content at random for thousands of steps,
// mostly pressing the options on screen but also old buttons, commands,
// typed text and stickers, and checks after every step what must always
// hold: no panic, never a dead end, the emergency option and the quick exit
// on every question, 112 first in the emergency answer, a contact on every
// ending, and a session that points at a real state.
func TestRandomWalk(t *testing.T) {
	skipUnderRace(t)
	t.Parallel() // the walks compute, one CPU each
	c, err := content.Default()
	if err != nil {
		t.Fatalf("content.Default: %v", err)
	}
	e, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	steps := 20000
	if testing.Short() {
		steps = 2000
	}
	for _, seed := range []uint64{1, 2, 3} {
		walk(t, e, rand.New(rand.NewPCG(seed, 42)), steps)
	}
}

// TestRandomWalkUnderstanding is the random walk of the bot as it is
// wired: typed text is read for its meaning, and the buttons that go on
// after a disclosure are pressed as well.
func TestRandomWalkUnderstanding(t *testing.T) {
	skipUnderRace(t)
	t.Parallel()
	c, x := shippedUnderstanding(t)
	e, err := New(c, WithUnderstander(x))
	if err != nil {
		t.Fatal(err)
	}
	steps := 20000
	if testing.Short() {
		steps = 2000
	}
	for _, seed := range []uint64{4, 5, 6} {
		walk(t, e, rand.New(rand.NewPCG(seed, 42)), steps)
	}
}

// skipUnderRace skips a random walk under the race detector. The engine
// is pure and a walk runs on one goroutine, so the detector has nothing to
// find there; it only makes the walks take most of the package's time
// (every map write is checked, and sync.Pool drops a share of what is put
// back under -race, so many steps build a state machine anew). The walks
// run in full without it: in a plain go test, and in .ci/run's step after
// the race run.
func skipUnderRace(t *testing.T) {
	t.Helper()
	if raceOn {
		t.Skip("a pure, single-goroutine walk: run without -race (.ci/run does)")
	}
}

func walk(t *testing.T, e *Engine, rng *rand.Rand, steps int) {
	t.Helper()
	c := e.Content()
	var s Session
	var seen []string // every option data shown so far, for stale presses
	endings := map[string]bool{}
	now := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	in := TextInput("/start")
	for i := 0; i < steps; i++ {
		r := e.Step(s, in, now)
		now = now.Add(time.Minute)
		if len(r.Replies) == 0 {
			t.Fatalf("step %d (%q at %s/%s): no reply", i, in.Data, s.Flow, s.State)
		}
		last := r.Replies[len(r.Replies)-1]
		switch {
		case r.Forget:
			if r.Session.State != "" {
				t.Fatalf("step %d: quick exit kept state %s", i, r.Session.State)
			}
		case in.Data == DataSOS && r.Session.IsNew():
			// The emergency answer right after a quick exit: there is no
			// conversation to keep, and "back to the question" starts one.
		case r.Session.IsNew() && s.IsNew():
			// An answer to a first message (a question, something told):
			// the conversation has not begun, and the answer offers the
			// way in, 112 and the quick exit.
			if !hasData(last.Options, DataRestart) || !hasData(last.Options, DataSOS) || !hasData(last.Options, DataExit) {
				t.Fatalf("step %d (%q): an answer to a first message without a way in: %v", i, in.Data, last.Options)
			}
		default:
			if !e.Valid(r.Session) {
				t.Fatalf("step %d (%q): session points at %s/%s, which shows nothing", i, in.Data, r.Session.Flow, r.Session.State)
			}
			if len(last.Options) == 0 {
				t.Fatalf("step %d (%q): dead end at %s/%s", i, in.Data, r.Session.Flow, r.Session.State)
			}
			if !hasData(last.Options, DataSOS) && in.Data != DataSOS {
				t.Fatalf("step %d: no emergency option at %s/%s", i, r.Session.Flow, r.Session.State)
			}
			if !hasData(last.Options, DataExit) {
				t.Fatalf("step %d: no quick exit at %s/%s", i, r.Session.Flow, r.Session.State)
			}
			if len(r.Session.Back) > MaxBack || len(r.Session.Signals) > MaxSignals {
				t.Fatalf("step %d: session grew: %d back, %d signals", i, len(r.Session.Back), len(r.Session.Signals))
			}
			st := c.Flows[r.Session.Flow].State(r.Session.State)
			arrived := r.Session.Flow != s.Flow || r.Session.State != s.State
			if st.End && arrived {
				endings[r.Session.Flow+"/"+st.ID] = true
				if len(st.Contacts) == 0 || !strings.Contains(last.Text, c.Contacts[st.Contacts[0]].Name) {
					t.Fatalf("step %d: ending %s/%s shows no contact", i, r.Session.Flow, st.ID)
				}
			}
		}
		if in.Data == DataSOS {
			checkEmergency(t, c, last.Text)
		}
		for _, o := range last.Options {
			seen = append(seen, o.Data)
		}
		if len(seen) > 500 {
			seen = seen[len(seen)-500:]
		}
		s = r.Session
		in = nextInput(rng, last.Options, seen)
	}
	if len(endings) == 0 {
		t.Errorf("the walk reached no ending")
	}
}

func hasData(opts []Option, data string) bool {
	for _, o := range opts {
		if o.Data == data {
			return true
		}
	}
	return false
}

// checkEmergency asserts that the emergency answer names 112 before any
// other number.
func checkEmergency(t *testing.T, c *content.Content, text string) {
	t.Helper()
	i := strings.Index(text, "112")
	if i < 0 {
		t.Fatalf("emergency answer without 112: %q", text)
	}
	for _, id := range c.ContactOrder {
		if p := c.Contacts[id].Phone; p != "" && p != "112" {
			if j := strings.Index(text, p); j >= 0 && j < i {
				t.Fatalf("emergency answer names %s before 112", p)
			}
		}
	}
}

// nextInput picks what a restless user might do next. Quick exits and
// restarts are rare so that the walk also gets deep into the flows.
func nextInput(rng *rand.Rand, opts []Option, seen []string) Input {
	var content []Option
	for _, o := range opts {
		if o.Data[0] != '!' || strings.HasPrefix(o.Data, DataGoPrefix) {
			content = append(content, o)
		}
	}
	switch p := rng.IntN(100); {
	case p < 70 && len(content) > 0:
		return ChoiceInput(content[rng.IntN(len(content))].Data)
	case p < 78:
		return ChoiceInput(seen[rng.IntN(len(seen))]) // an old button, often stale
	case p < 83:
		return ChoiceInput(DataSOS)
	case p < 86:
		return ChoiceInput(DataBack)
	case p < 88:
		return ChoiceInput(DataResume)
	case p < 89:
		return ChoiceInput(DataExit)
	case p < 92:
		return TextInput([]string{"/start", "/terug", "/help", "/taal", "/start prof", "/start jong", "/contact fier"}[rng.IntN(7)])
	case p < 95:
		typed := []string{"hallo?", "ik weet het niet", "", "😊", strings.Repeat("x", 5000),
			"help", "ik ben 15 en moet sekswerk doen", "mijn baas heeft mijn paspoort", "mijn leerling moet drugs verkopen",
			"wat is het nummer van veilig thuis", "ik ben 19", "dank je", "my sister is blackmailed with nudes"}
		return TextInput(typed[rng.IntN(len(typed))])
	case p < 97:
		return Input{Kind: Media}
	case len(opts) > 0:
		return ChoiceInput(opts[rng.IntN(len(opts))].Data)
	default: // after a quick exit there is nothing on screen
		return TextInput("hoi")
	}
}
