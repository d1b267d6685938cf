package flows

import (
	"os"
	"strings"
	"testing"
	"time"

	"fmt"
	"signaal/content"
)

var t0 = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// testEngine runs the small content in content/testdata/good, whose texts
// are "<lang> <key>", so that tests can tell every text apart.
func testEngine(t testing.TB) *Engine {
	t.Helper()
	c, err := content.Load(os.DirFS("../content/testdata/good"))
	if err != nil {
		t.Fatalf("load test content: %v", err)
	}
	e, err := New(c)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

// play runs inputs from a new session and returns the last result.
func play(e *Engine, inputs ...Input) Result {
	var r Result
	for _, in := range inputs {
		r = e.Step(r.Session, in, t0)
	}
	return r
}

func datas(opts []Option) string {
	var d []string
	for _, o := range opts {
		d = append(d, o.Data)
	}
	return strings.Join(d, " ")
}

func texts(rs []Reply) string {
	var t []string
	for _, r := range rs {
		t = append(t, r.Text)
	}
	return strings.Join(t, " | ")
}

var (
	start = TextInput("/start")
	goOn  = ChoiceInput("start/hello/go")
)

func TestStep(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name   string
		inputs []Input
		// want: where the conversation is, what the replies say, and the
		// options of the last reply.
		state, texts, options string
		signals               string
		forget                bool
	}{
		{name: "welcome", inputs: []Input{start},
			state: "start/hello", texts: "nl hello", options: "start/hello/go !lang:en !sos !exit"},
		{name: "any text starts a conversation", inputs: []Input{TextInput("hoi")},
			state: "start/hello", texts: "nl hello", options: "start/hello/go !lang:en !sos !exit"},
		{name: "the welcome's language choice", inputs: []Input{start, ChoiceInput(DataLangPrefix + "en")},
			state: "start/hello", texts: "en sys.lang | en hello", options: "start/hello/go !sos !exit"},
		{name: "option moves on and offers back", inputs: []Input{start, goOn},
			state: "start/ask", texts: "nl ask", options: "start/ask/yes start/ask/no start/ask/count start/ask/other !back !sos !exit"},
		{name: "branch to an ending with contacts", inputs: []Input{start, goOn, ChoiceInput("start/ask/yes")},
			state: "start/end-help", texts: "nl end.help\n\nHelpline\nHulp.\nnl sys.card.phone 0800-0000\nnl sys.card.web www.example.org\nnl sys.card.hours werkdagen",
			options: "!restart !back !sos !exit", signals: "worry=yes"},
		{name: "branch default", inputs: []Input{start, goOn, ChoiceInput("start/ask/no")},
			state: "start/end-fine", options: "!restart !back !sos !exit", signals: "worry=no"},
		{name: "typed label chooses", inputs: []Input{start, goOn, TextInput("  NL   Yes ")},
			state: "start/end-help", signals: "worry=yes"},
		{name: "stale button re-shows the question", inputs: []Input{start, goOn, goOn},
			state: "start/ask", texts: "nl sys.stale | nl ask", options: "start/ask/yes start/ask/no start/ask/count start/ask/other !back !sos !exit"},
		{name: "forged option", inputs: []Input{start, goOn, ChoiceInput("start/ask/nope")},
			state: "start/ask", texts: "nl sys.stale | nl ask"},
		{name: "garbage data", inputs: []Input{start, ChoiceInput("\x00;DROP")},
			state: "start/hello", texts: "nl sys.stale | nl hello"},
		{name: "button of an ended conversation", inputs: []Input{ChoiceInput("start/ask/yes")},
			state: "start/hello", texts: "nl sys.reset | nl hello"},
		{name: "free text mid-question", inputs: []Input{start, goOn, TextInput("ik weet het niet")},
			state: "start/ask", texts: "nl sys.free_text | nl ask"},
		{name: "media", inputs: []Input{start, goOn, {Kind: Media}},
			state: "start/ask", texts: "nl sys.media | nl ask"},
		{name: "huge text is cut and answered", inputs: []Input{start, goOn, TextInput(strings.Repeat("é", 1<<20))},
			state: "start/ask", texts: "nl sys.free_text | nl ask"},
		{name: "emergency keeps the place", inputs: []Input{start, goOn, ChoiceInput(DataSOS)},
			state: "start/ask", texts: "nl sys.emergency\n\nAlarm\nBij gevaar.\nnl sys.card.phone 112", options: "!resume !exit"},
		{name: "emergency by typed label", inputs: []Input{start, TextInput("NL 112")},
			state: "start/hello", options: "!resume !exit"},
		{name: "emergency by command", inputs: []Input{start, goOn, TextInput("/112")},
			state: "start/ask", options: "!resume !exit"},
		{name: "resume after emergency", inputs: []Input{start, goOn, ChoiceInput(DataSOS), ChoiceInput(DataResume)},
			state: "start/ask", texts: "nl ask"},
		{name: "quick exit", inputs: []Input{start, goOn, ChoiceInput("start/ask/yes"), ChoiceInput(DataExit)},
			texts: "nl sys.exit", forget: true},
		{name: "quick exit by typed label", inputs: []Input{start, TextInput("nl sys.opt.exit")},
			texts: "nl sys.exit", forget: true},
		{name: "stop", inputs: []Input{start, goOn, TextInput("/stop")},
			texts: "nl sys.exit", forget: true},
		{name: "back forgets the answer", inputs: []Input{start, goOn, ChoiceInput("start/ask/yes"), TextInput("/terug")},
			state: "start/ask", texts: "nl ask"},
		{name: "back button", inputs: []Input{start, goOn, ChoiceInput(DataBack)},
			state: "start/hello", options: "start/hello/go !sos !exit"},
		{name: "back at the start", inputs: []Input{start, TextInput("/terug")},
			state: "start/hello", texts: "nl sys.at_start | nl hello"},
		{name: "start over", inputs: []Input{start, goOn, ChoiceInput("start/ask/no"), TextInput("/start")},
			state: "start/hello", texts: "nl hello"},
		{name: "restart option", inputs: []Input{start, goOn, ChoiceInput("start/ask/no"), ChoiceInput(DataRestart)},
			state: "start/hello"},
		{name: "jump to another flow", inputs: []Input{start, goOn, ChoiceInput("start/ask/other")},
			state: "other/first", options: "other/first/on !back !sos !exit"},
		{name: "back across flows", inputs: []Input{start, goOn, ChoiceInput("start/ask/other"), ChoiceInput(DataBack)},
			state: "start/ask"},
		{name: "deep link", inputs: []Input{TextInput("/start other")},
			state: "other/first", texts: "nl hello | nl other.first"},
		{name: "deep link with bot name", inputs: []Input{TextInput("/start@SignaalBot other")},
			state: "other/first"},
		{name: "unknown deep link", inputs: []Input{TextInput("/start nope")},
			state: "start/hello", texts: "nl hello"},
		{name: "a loop records each answer", inputs: []Input{start, goOn, ChoiceInput("start/ask/count"), ChoiceInput("start/counter/inc"), ChoiceInput("start/counter/inc")},
			state: "start/counter", signals: "n=1 n=1"},
		{name: "help", inputs: []Input{start, TextInput("/help")},
			state: "start/hello", texts: "nl sys.help | nl hello"},
		{name: "unknown command", inputs: []Input{start, goOn, TextInput("/foo")},
			state: "start/ask", texts: "nl sys.free_text | nl ask"},
		{name: "language switch", inputs: []Input{start, goOn, TextInput("/taal")},
			state: "start/ask", texts: "en sys.lang | en ask"},
		{name: "language by name", inputs: []Input{start, TextInput("/taal en"), TextInput("/taal nl")},
			state: "start/hello", texts: "nl sys.lang | nl hello"},
		{name: "device language", inputs: []Input{{Kind: Text, Data: "/start", Lang: "en-GB"}},
			state: "start/hello", texts: "en hello"},
		{name: "free text at an ending", inputs: []Input{start, goOn, ChoiceInput("start/ask/no"), TextInput("veilig thuis")},
			state: "start/end-fine", texts: "nl sys.no_question", options: "!restart !back !sos !exit", signals: "worry=no"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := play(e, tt.inputs...)
			if r.Forget != tt.forget {
				t.Errorf("Forget = %v, want %v", r.Forget, tt.forget)
			}
			if got := r.Session.Flow + "/" + r.Session.State; tt.state != "" && got != tt.state {
				t.Errorf("state = %s, want %s", got, tt.state)
			}
			if tt.forget && (r.Session.State != "" || len(r.Session.Signals) > 0) {
				t.Errorf("session after quick exit = %+v, want zero", r.Session)
			}
			if got := texts(r.Replies); tt.texts != "" && got != tt.texts {
				t.Errorf("texts = %q, want %q", got, tt.texts)
			}
			if len(r.Replies) == 0 {
				t.Fatalf("no replies")
			}
			if got := datas(r.Replies[len(r.Replies)-1].Options); tt.options != "" && got != tt.options {
				t.Errorf("options = %s, want %s", got, tt.options)
			}
			if got := strings.Join(r.Session.Signals, " "); got != tt.signals {
				t.Errorf("signals = %q, want %q", got, tt.signals)
			}
		})
	}
}

// TestStepTimestamps: every kind of step moves Updated; only starting over
// moves Started, as it begins a new conversation.
func TestStepTimestamps(t *testing.T) {
	e := testEngine(t)
	s := play(e, start, goOn).Session
	for _, in := range []Input{ChoiceInput("start/ask/yes"), ChoiceInput("bogus"), TextInput("x"), ChoiceInput(DataSOS), start} {
		r := e.Step(s, in, t0.Add(time.Minute))
		wantStarted := t0
		if in == start {
			wantStarted = t0.Add(time.Minute)
		}
		if !r.Session.Updated.Equal(t0.Add(time.Minute)) || !r.Session.Started.Equal(wantStarted) {
			t.Errorf("Step(%q): Started, Updated = %v, %v", in.Data, r.Session.Started, r.Session.Updated)
		}
	}
}

// TestStepDoesNotAlias makes sure that a step never writes into the slices
// of the session it was given: channels and stores may still hold them.
func TestStepDoesNotAlias(t *testing.T) {
	e := testEngine(t)
	s := play(e, start, goOn, ChoiceInput("start/ask/count"), ChoiceInput("start/counter/inc")).Session
	s.Signals = append(make([]string, 0, 8), s.Signals...)
	s.Back = append(make([]Step, 0, 8), s.Back...)
	before := strings.Join(s.Signals, ",")
	a := e.Step(s, ChoiceInput("start/counter/inc"), t0)
	b := e.Step(s, ChoiceInput(DataBack), t0)
	c := e.Step(s, ChoiceInput("start/counter/done"), t0)
	if got := strings.Join(s.Signals, ","); got != before {
		t.Errorf("input session signals changed to %q, want %q", got, before)
	}
	if len(a.Session.Signals) != 2 || len(b.Session.Signals) != 0 || len(c.Session.Signals) != 1 {
		t.Errorf("signals after inc, back, done = %v, %v, %v", a.Session.Signals, b.Session.Signals, c.Session.Signals)
	}
}

func TestInvalidSessionResets(t *testing.T) {
	e := testEngine(t)
	for _, s := range []Session{
		{Flow: "gone", State: "hello"},
		{Flow: "start", State: "route"}, // a branch shows nothing
		{Flow: "start", State: "removed"},
	} {
		r := e.Step(s, ChoiceInput("start/ask/yes"), t0)
		if got, want := texts(r.Replies), "nl sys.reset | nl hello"; got != want {
			t.Errorf("Step(%s/%s) texts = %q, want %q", s.Flow, s.State, got, want)
		}
		if r.Session.State != "hello" {
			t.Errorf("Step(%s/%s) session = %+v, want hello", s.Flow, s.State, r.Session)
		}
	}
}

func TestBackStackIsBounded(t *testing.T) {
	e := testEngine(t)
	r := play(e, start, goOn, ChoiceInput("start/ask/count"))
	for i := 0; i < MaxBack*3; i++ {
		r = e.Step(r.Session, ChoiceInput("start/counter/inc"), t0)
	}
	if len(r.Session.Back) != MaxBack {
		t.Errorf("len(Back) = %d, want %d", len(r.Session.Back), MaxBack)
	}
	if len(r.Session.Signals) > MaxSignals {
		t.Errorf("len(Signals) = %d, want <= %d", len(r.Session.Signals), MaxSignals)
	}
}

func TestSafetyCard(t *testing.T) {
	e := testEngine(t)
	for lang, want := range map[string]string{"": "nl sys.unavailable", "en": "en sys.unavailable", "xx": "nl sys.unavailable"} {
		r := e.SafetyCard(lang)
		if !strings.HasPrefix(r.Text, want) || !strings.Contains(r.Text, "Alarm") || !strings.Contains(r.Text, "Helpline") {
			t.Errorf("SafetyCard(%q) = %q, want %q with Alarm and Helpline", lang, r.Text, want)
		}
	}
}

// BenchmarkStep measures one step on the shipped content: a question
// answered, which is the engine's share of handling a button press.
// BenchmarkStep measures one step on the shipped content: pressing an
// option, an option that passes through a branch state, and going back.
func BenchmarkStep(b *testing.B) {
	e, _ := defaultEngine(b)
	s := e.Step(Session{}, TextInput("/start"), t0).Session
	first := e.Step(s, TextInput("/help"), t0).Replies[1].Options[0].Data
	home := Session{Flow: "jong", State: "home", Lang: "nl", Signals: []string{"age=minor", "topic=sexual"},
		Back: []Step{{Flow: "jong", State: "danger"}}}
	if !e.Valid(home) {
		b.Fatal("jong/home is not a state to benchmark from")
	}
	for _, bb := range []struct {
		name string
		s    Session
		in   Input
	}{
		{"option", s, ChoiceInput(first)},
		{"branch", home, ChoiceInput("jong/home/yes")},
		{"back", home, TextInput("/terug")},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := e.Step(bb.s, bb.in, t0)
				if len(r.Replies) == 0 || r.Refused {
					b.Fatalf("Step(%s) = %+v", bb.name, r)
				}
			}
		})
	}
}

// TestRefused: channels learn from the result, not from its wording, that
// a press was refused, so that they can leave the old question as it was.
func TestRefused(t *testing.T) {
	e := testEngine(t)
	for _, tt := range []struct {
		name   string
		inputs []Input
		want   bool
	}{
		{"current option", []Input{start, goOn}, false},
		{"old button", []Input{start, goOn, goOn}, true},
		{"forged", []Input{start, ChoiceInput("start/hello/nope")}, true},
		{"button of an ended conversation", []Input{ChoiceInput("start/hello/go")}, true},
		{"free text", []Input{start, TextInput("hoi")}, false},
		{"emergency", []Input{start, ChoiceInput(DataSOS)}, false},
	} {
		if got := play(e, tt.inputs...).Refused; got != tt.want {
			t.Errorf("%s: Refused = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestStepAfterDeploy: sessions saved before a content deploy may point,
// directly or through their back-stack, at flows and states that no longer
// exist or that are branches. Every such session starts over kindly with
// the reset line; none may panic or go silent.
func TestStepAfterDeploy(t *testing.T) {
	e := testEngine(t)
	reset := e.Content().Text("nl", content.KeyReset)
	ask := Step{Flow: "start", State: "ask"}
	tests := []struct {
		name string
		s    Session
	}{
		{"state renamed", Session{Flow: "start", State: "gone", Lang: "nl"}},
		{"flow removed", Session{Flow: "gone", State: "ask", Lang: "nl"}},
		{"at a branch", Session{Flow: "start", State: "route", Lang: "nl"}},
		{"back to a renamed state", Session{Flow: "start", State: "counter", Lang: "nl", Back: []Step{ask, {Flow: "start", State: "gone"}}}},
		{"back to a removed flow", Session{Flow: "start", State: "counter", Lang: "nl", Back: []Step{{Flow: "gone", State: "ask"}}}},
		{"back to a branch", Session{Flow: "start", State: "counter", Lang: "nl", Back: []Step{{Flow: "start", State: "route"}}}},
	}
	for _, tt := range tests {
		for _, in := range []Input{TextInput("/terug"), ChoiceInput(DataBack), ChoiceInput("start/counter/inc"), TextInput("hallo")} {
			t.Run(tt.name+"/"+in.Data, func(t *testing.T) {
				r := e.Step(tt.s, in, t0)
				if len(r.Replies) < 2 || r.Replies[0].Text != reset || !e.Valid(r.Session) {
					t.Errorf("Step(%+v, %q) = %+v; want the reset line, then the start", tt.s, in.Data, r)
				}
			})
		}
	}
	// A sound back-stack still works as before.
	s := Session{Flow: "start", State: "counter", Lang: "nl", Back: []Step{ask}}
	if r := e.Step(s, TextInput("/terug"), t0); r.Session.State != "ask" {
		t.Errorf("/terug from a sound session went to %q, want ask", r.Session.State)
	}
}

// TestOpenNowEveryContact: an ending with five contacts that keep opening
// hours says for each of them whether it is open at the time of the step;
// none is left out.
func TestOpenNowEveryContact(t *testing.T) {
	fsys := goodFS(t)
	var ids []string
	contacts := string(fsys["contacts.yaml"].Data)
	for i := 1; i <= 5; i++ {
		id := fmt.Sprintf("timed%d", i)
		ids = append(ids, id)
		contacts += fmt.Sprintf(`  - id: %s
    name: Timed %d
    about: {nl: Soms open., en: Sometimes open.}
    phone: 0800-000%d
    hours: {nl: werkdagen, en: weekdays}
    open: {days: [mon, tue, wed, thu, fri], from: "09:00", until: "17:00"}
    alt: [alarm]
    source: test.txt
    checked: 2026-01-01
`, id, i, i)
	}
	contacts = strings.Replace(contacts, "    phone: \"112\"\n", "    phone: \"112\"\n    always: true\n", 1)
	fsys["contacts.yaml"].Data = []byte(contacts)
	for _, lang := range []string{"nl", "en"} {
		name := "texts/" + lang + ".yaml"
		fsys[name].Data = append(fsys[name].Data, fmt.Sprintf("sys.open.now: %s open\nsys.open.closed: %s closed\n", lang, lang)...)
	}
	other := strings.Replace(string(fsys["flows/other.yaml"].Data), "contacts: [help]", "contacts: ["+strings.Join(ids, ", ")+"]", 1)
	fsys["flows/other.yaml"].Data = []byte(other)
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(c, WithOpenNow())
	if err != nil {
		t.Fatal(err)
	}
	s := play(e, start, goOn, ChoiceInput("start/ask/other")).Session
	for _, tt := range []struct {
		name string
		at   time.Time
		key  string
	}{
		{"tuesday noon", time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC), content.KeyOpenNow},
		{"saturday", time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC), content.KeyClosedNow},
	} {
		r := e.Step(s, ChoiceInput("other/first/on"), tt.at)
		text := r.Replies[len(r.Replies)-1].Text
		if n := strings.Count(text, c.Text("nl", tt.key)); n != 5 {
			t.Errorf("%s: the ending says %q %d times, want 5 (once per contact):\n%s", tt.name, c.Text("nl", tt.key), n, text)
		}
	}
}

// TestMermaid reads the diagram back: every option and branch rule of the
// flow is an arrow from its state, labelled in the language asked for,
// and nothing else the machine holds (going back, beginning a
// conversation) is.
func TestMermaid(t *testing.T) {
	e := testEngine(t)
	out, ok := e.Mermaid("start", "en")
	if !ok {
		t.Fatal(`Mermaid("start") found no flow`)
	}
	names := map[string]string{} // node id -> state
	arrows := map[string]bool{}  // "from -label-> to"
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if id, name, ok := strings.Cut(line, "["); ok && !strings.Contains(line, "-->") {
			names[id] = strings.TrimSuffix(name, "]")
		}
	}
	for _, line := range strings.Split(out, "\n") {
		var from, label, to string
		if n, _ := fmt.Sscanf(strings.ReplaceAll(strings.TrimSpace(line), "|", " | "), "%s --> | %s", &from, &label); n == 2 {
			_, rest, _ := strings.Cut(line, "|")
			label, rest, _ = strings.Cut(rest, "|")
			to = strings.TrimSpace(rest)
			arrows[names[from]+" -"+label+"-> "+names[to]] = true
		}
	}
	want := []string{
		"hello -en go-> ask",
		"ask -en yes-> route",
		"ask -en no-> route",
		"ask -en count-> counter",
		"ask -en other-> flow:other",
		"route -if worry=yes-> end-help",
		"route -otherwise-> end-fine",
		"counter -en inc-> counter",
		"counter -en done-> end-fine",
	}
	for _, w := range want {
		if !arrows[w] {
			t.Errorf("diagram lacks %q; it has %v:\n%s", w, arrows, out)
		}
	}
	if len(arrows) != len(want) {
		t.Errorf("diagram has %d arrows, want %d: %v", len(arrows), len(want), arrows)
	}
	if _, ok := e.Mermaid("nope", "nl"); ok {
		t.Error(`Mermaid("nope") = ok, want false`)
	}
}

// TestResultContacts: a step that moves to an ending names the ending's
// contacts, and only then; showing the same ending again names none.
func TestResultContacts(t *testing.T) {
	e := testEngine(t)
	s := play(e, start, goOn).Session
	r := e.Step(s, ChoiceInput("start/ask/yes"), t0)
	if got := strings.Join(r.Contacts, ","); got != "help" {
		t.Errorf("moving to end-help: Contacts = %q, want %q", got, "help")
	}
	if again := e.Step(r.Session, TextInput("/help"), t0); len(again.Contacts) != 0 {
		t.Errorf("/help at the ending: Contacts = %q, want none", again.Contacts)
	}
	if q := e.Step(s, ChoiceInput("start/ask/count"), t0); len(q.Contacts) != 0 {
		t.Errorf("moving to a question: Contacts = %q, want none", q.Contacts)
	}
}
