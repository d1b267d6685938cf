package flows

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"signaal/content"
	"signaal/internal/testmodels"
	"signaal/understand"
)

// understood is the shipped content with its understanding, built once
// for every test of the package that reads typed messages: training the
// models is the slowest part of building an engine (seconds under the
// race detector), so they are read from the tests' model cache when a
// run before trained them, and neither the content nor the Index changes
// once built. Each test still compiles an engine of its own, with its
// options.
var understood = sync.OnceValues(func() (*contentAndIndex, error) {
	c, u, err := understand.Default()
	if err != nil {
		return nil, err
	}
	return &contentAndIndex{c: c, x: understand.New(c, u, understand.ModelCache(testmodels.Dir()))}, nil
})

type contentAndIndex struct {
	c *content.Content
	x *understand.Index
}

// shippedUnderstanding returns the shared content and its understanding.
func shippedUnderstanding(t testing.TB) (*content.Content, *understand.Index) {
	t.Helper()
	u, err := understood()
	if err != nil {
		t.Fatalf("understand.Default: %v", err)
	}
	return u.c, u.x
}

var (
	shippedOnce sync.Once
	shipped     *Engine
	shippedErr  error
)

// shippedEngine is the engine of the shipped content, built once for all
// fuzz inputs, wired as the bot is: typed text is read for its meaning.
func shippedEngine(t testing.TB) *Engine {
	t.Helper()
	c, x := shippedUnderstanding(t)
	shippedOnce.Do(func() {
		shipped, shippedErr = New(c, WithOpenNow(), WithUnderstander(x))
	})
	if shippedErr != nil {
		t.Fatal(shippedErr)
	}
	return shipped
}

// fuzzSession builds a session from fuzzed parts: signals one a line, and
// back-stack entries one a line as "flow/state/signals".
func fuzzSession(flow, state, lang, signals, back string) Session {
	s := Session{Flow: flow, State: state, Lang: lang}
	if signals != "" {
		s.Signals = strings.Split(signals, "\n")
	}
	if back != "" {
		for _, line := range strings.Split(back, "\n") {
			parts := strings.SplitN(line, "/", 3)
			for len(parts) < 3 {
				parts = append(parts, "")
			}
			n, _ := strconv.Atoi(parts[2])
			s.Back = append(s.Back, Step{Flow: parts[0], State: parts[1], Signals: n})
		}
	}
	return s
}

// FuzzStep feeds the engine arbitrary sessions (as a store might hand back
// after a content deploy, or damaged) and arbitrary inputs. Whatever comes
// in, the engine must answer without panicking, show 112 or the way to it
// (the emergency option) unless the person just left, and leave a session
// that can go on.
func FuzzStep(f *testing.F) {
	e := shippedEngine(f)
	c := e.Content()
	// Every state of the shipped content, with a plausible input each.
	for _, id := range c.FlowOrder {
		for _, st := range c.Flows[id].States {
			data := DataBack
			if len(st.Options) > 0 {
				data = content.OptionData(id, st.ID, st.Options[0].ID)
			}
			f.Add(id, st.ID, "nl", "minor=yes", "start/welcome/0", uint8(Choice), data, int64(0))
		}
	}
	for _, tc := range []struct {
		flow, state, lang, signals, back string
		kind                             uint8
		data                             string
	}{
		{"", "", "", "", "", uint8(Text), "/start"},
		{"", "", "", "", "", uint8(Text), "ik ben bang, hij staat voor de deur"},
		{"jong", "route", "nl", "", "", uint8(Text), "/terug"},                             // a branch state
		{"jong", "intro", "nl", "", "jong/route/0", uint8(Text), "/terug"},                 // a branch on the back-stack
		{"jong", "intro", "nl", "", "jong/renamed/0", uint8(Choice), DataBack},             // a state removed by a deploy
		{"gone", "intro", "en", "", "", uint8(Text), "hallo"},                              // a flow removed by a deploy
		{"jong", "intro", "xx", "a=b\n=\n\n", "start/welcome/-5", uint8(Choice), DataBack}, // odd signals and counts
		{"jong", "intro", "nl", "", "start/welcome/99", uint8(Text), "/back"},
		{"start", "welcome", "nl", "", "", uint8(Media), ""},
		{"start", "welcome", "nl", "", "", uint8(Text), "Snel weg"},
		{"start", "welcome", "nl", "", "", uint8(Text), "/contact veilig thuis"},
		{"start", "welcome", "nl", "", "", uint8(9), "!sos"},
		{"", "", "", "", "", uint8(Text), "ik ben 15 en moet sekswerk doen"},
		{"jong", "age", "nl", "", "start/welcome/0", uint8(Text), "ik ben 16"},
		{"prof", "menu", "nl", "", "", uint8(Text), "wat is het nummer van veilig thuis"},
		{"", "", "en", "", "", uint8(Choice), "!go:sexual/me/minor"},
		{"jong", "topic", "nl", "minor=yes", "start/welcome/0", uint8(Choice), "!go:nothing/me/minor"},
		{"omstander", "kind", "nl", "", "", uint8(Text), "/contact asja"},
	} {
		f.Add(tc.flow, tc.state, tc.lang, tc.signals, tc.back, tc.kind, tc.data, int64(1_790_000_000))
	}
	f.Fuzz(func(t *testing.T, flow, state, lang, signals, back string, kind uint8, data string, unix int64) {
		s := fuzzSession(flow, state, lang, signals, back)
		in := Input{Kind: InputKind(kind % 3), Data: data}
		r := e.Step(s, in, time.Unix(unix%(1<<40), 0))
		if len(r.Replies) == 0 {
			t.Fatalf("Step(%+v, %+v) gave no reply", s, in)
		}
		if r.Forget {
			return
		}
		// A conversation that has not begun may stay so (an answer to a
		// first message offers the way in); one that has must go on.
		if !(r.Session.IsNew() && s.IsNew()) && !e.Valid(r.Session) {
			t.Fatalf("Step(%+v, %+v) left session %+v, which cannot go on", s, in, r.Session)
		}
		if !showsEmergency(r.Replies) {
			t.Fatalf("Step(%+v, %+v) = %+v: neither 112 nor the emergency option", s, in, r.Replies)
		}
	})
}

// showsEmergency reports whether 112 is in sight: in a text, or behind the
// emergency option.
func showsEmergency(rs []Reply) bool {
	for _, r := range rs {
		if strings.Contains(r.Text, "112") {
			return true
		}
		for _, o := range r.Options {
			if o.Data == DataSOS {
				return true
			}
		}
	}
	return false
}
