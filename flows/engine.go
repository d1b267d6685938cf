// Package flows is the dialogue engine. Given a session and one input, it
// returns the new session and the replies to show. It is pure and
// deterministic: no store, no network, no clock of its own, so every channel
// (terminal, Telegram, web) and every test drives exactly the same logic.
//
// Typed text that is no command and no option label is read for its
// meaning by an Understander, when the engine has one, and answered by
// what it means: danger first, then what someone tells, then what someone
// asks, then small talk (see understand.go).
//
// The content is compiled once, at start-up, into one looplab/fsm machine
// that holds every transition (see machine.go) and into ready-made replies
// for every state and language, so that handling an input builds almost
// nothing.
package flows

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"signaal/content"
	"signaal/understand"
)

// StartFlow is the flow every new conversation begins with.
const StartFlow = "start"

// Option data of the options the engine adds itself. They start with '!',
// which content ids cannot, so they never clash with the content's options.
const (
	DataSOS     = "!sos"
	DataExit    = "!exit"
	DataBack    = "!back"
	DataRestart = "!restart"
	DataResume  = "!resume"
	// DataGoPrefix starts the data of a button that goes on in a flow
	// after a typed message was understood: "!go:" and what was
	// understood (see goData). Only data the engine made is accepted.
	DataGoPrefix = "!go:"
	// DataLangPrefix starts the data of a button that goes on in a
	// language: "!lang:en", offered under a brief in another language.
	DataLangPrefix = "!lang:"
)

// InputKind tells typed text from a pressed option.
type InputKind uint8

const (
	// Text is anything typed, commands such as "/start" included.
	Text InputKind = iota
	// Choice is the data of a pressed option.
	Choice
	// Media is anything the bot cannot read: a photo, a sticker, a voice
	// message, a file. It is answered kindly and changes nothing.
	Media
)

// MaxInputText bounds the text the engine looks at. Longer text is cut
// first: no answer needs more, and matching stays cheap whatever arrives.
const MaxInputText = 1024

// Input is one thing the user did.
type Input struct {
	Kind InputKind
	Data string
	// Lang is the language the user's device reports, used only to pick
	// the language of a new conversation. Empty means the default.
	Lang string
}

// TextInput and ChoiceInput build inputs.
func TextInput(s string) Input      { return Input{Kind: Text, Data: s} }
func ChoiceInput(data string) Input { return Input{Kind: Choice, Data: data} }

// Option is one button of a reply: Data goes back to the engine as a
// Choice, Label is what the user sees.
type Option struct {
	Data  string `json:"id"`
	Label string `json:"label"`
}

// Reply is one message to show. Replies and their Options are shared
// between conversations: channels must not modify them.
type Reply struct {
	Text    string   `json:"text"`
	Options []Option `json:"options"`
}

// Result is what one step produced.
type Result struct {
	Session Session
	Replies []Reply
	// Refused is set when a pressed option did not belong to the current
	// question (an old or forged button, or one of a conversation that has
	// ended); the replies then show the current question again.
	Refused bool
	// Forget is set by a quick exit or /stop: the caller deletes everything
	// it keeps of this conversation. Session is then zero.
	Forget bool
	// KeepLine, with Forget: the line replied says how to come back, and
	// stays when the channel removes the conversation from the screen.
	KeepLine bool
	// Contacts are the ids of the contacts this step referred to: those of
	// an ending it moved to, and those an answer to a typed message shows.
	// They are for anonymous counts of where people are pointed; a
	// question shown again does not count twice.
	Contacts []string
}

// Understander reads a typed message for its meaning: danger, what it
// tells or asks, who it is about, their age, and the contacts it names or
// a search of it finds. The engine turns the meaning into replies. An
// Understander must not keep the text, and must be safe for concurrent
// use.
type Understander interface {
	Understand(lang, text string) understand.Meaning
	// Understanding is the understand.yaml the meanings come from, whose
	// texts, contacts and buttons the engine answers with; nil when the
	// content has none, and then only /contact is read.
	Understanding() *understand.Understanding
}

// Engine runs the flows of one Content. It is safe for concurrent use.
type Engine struct {
	c       *content.Content
	m       *machine
	flows   map[string]*compiled
	openNow bool
	// understander reads typed text; nil for an engine that only follows
	// buttons and commands.
	understander Understander
	// u is the understander's understand.yaml; nil without an
	// understander or when the content has none.
	u *understand.Understanding
	// jumps are the buttons that go on in a flow after a message was
	// understood, by their data.
	jumps map[string]*jump
	// welcome is where every conversation begins.
	welcome stateRef
	// listAll[lang] lists every contact, for /contacten.
	listAll  map[string][]Reply
	globals  map[string]string // normalised global label -> option data, all languages
	sysReply map[string]*sysReplies
	// exitWords are the words that, typed alone, are the quick exit, in
	// every language, normalised (content.KeyExitWords).
	exitWords map[string]bool
	// exitLang is the language an exit word or label belongs to, "" when
	// several languages share it ("stop"); see ExitLang.
	exitLang map[string]string
	// exitVocab are the words of every exit phrase, and exitCore those
	// that are an exit word alone: a short message of such words only,
	// one of them a core word, leaves too ("stoppen nu", "wissen en weg",
	// "gtg now"), however the words are put together.
	exitVocab, exitCore map[string]bool
	// exitWishes are wishes to leave that are no quick exit alone ("ik
	// wil hier weg", "i want out": it may be the situation someone wants
	// out of), normalised (content.KeyExitWishes). Before or after an
	// exit phrase they leave with it: "ik wil hier weg, sluiten".
	exitWishes map[string]bool
	// leaveOpts are the content's options that leave (content.Option
	// Leave), by their data, and leaveLabels by their labels as typed:
	// the text key of the line each leaves.
	leaveOpts, leaveLabels map[string]string
}

// sysReplies are the ready-made replies of the engine itself, per language.
type sysReplies struct {
	emergency, exit, safety Reply
}

// compiled is what one flow shows: its replies, ready-made.
type compiled struct {
	flow *content.Flow
	// replies[state][lang] is the question of a state, without and with
	// the back option.
	replies map[string]map[string]*[2]Reply
	// options[state][data] is the content option behind a button.
	options map[string]map[string]*content.Option
	// labels[state][lang][normalised label] is the option data, so that
	// typing an option's label chooses it.
	labels map[string]map[string]map[string]string
	// timed[state][lang] is an ending that offers contacts with opening
	// hours, in pieces, so that showing it only reads the clock.
	timed map[string]map[string]*timedEnding
	// reports[state] renders the answers a state reports.
	reports map[string]*report
	// when[state][lang] is what an ending's When rules can add.
	when map[string]map[string]*whenEnding
}

// whenEnding is what the When rules of an ending add in one language, their
// texts and cards looked up once. shown are the ending's own contacts,
// which no rule shows again.
type whenEnding struct {
	rules []whenRule
	shown []string
}

type whenRule struct {
	signals []string
	text    string
	cards   []whenCard
}

type whenCard struct {
	ct   *content.Contact
	card string
}

// timedEnding is an ending's text cut where a contact with opening hours
// says whether it is open now: text[0], then for each such contact its
// line (open[i] or closed[i]) and text[i+1]. It has no limit on the number
// of such contacts; the line is chosen when the ending is shown.
type timedEnding struct {
	text         []string
	scheduled    []*content.Contact
	open, closed []string
	replies      *[2]Reply // the options, without and with back
}

// report is a state's list of recorded answers, its texts looked up once.
type report struct {
	items []reportItem
	none  map[string]string // lang -> the text for an answer not given
	// date and end are, per language, the label of the date line and the
	// line under the answers; empty when the state has none.
	date, end map[string]string
}

type reportItem struct {
	key     string
	label   map[string]string            // lang -> label
	answers map[string]map[string]string // lang -> value -> answer text
}

// EngineOption configures an Engine.
type EngineOption func(*Engine)

// WithUnderstander sets what reads typed text for its meaning. Without
// one, typed text that is no command and no option label is answered by
// pointing to the buttons.
func WithUnderstander(u Understander) EngineOption { return func(e *Engine) { e.understander = u } }

// WithOpenNow makes every ending say, under each contact with opening
// hours, whether it is open at the time of the step, and which contacts can
// always be reached when it is not. Without it an ending reads the same at
// any hour, which golden transcripts rely on.
func WithOpenNow() EngineOption { return func(e *Engine) { e.openNow = true } }

// New compiles the content's flows and validates what it compiled: a
// state that cannot be reached, branch states that lead round, a question
// that leads nowhere, and a reply or button, in any language, that does
// not fit the channel the content was loaded for (content.Limits) are
// content.Problems at file and line, as Load reports its own. The content
// must have passed Load.
func New(c *content.Content, opts ...EngineOption) (*Engine, error) {
	e := &Engine{c: c, flows: map[string]*compiled{}, globals: map[string]string{}, sysReply: map[string]*sysReplies{}, exitWords: map[string]bool{}, exitLang: map[string]string{},
		exitVocab: map[string]bool{}, exitCore: map[string]bool{}, exitWishes: map[string]bool{}, leaveOpts: map[string]string{}, leaveLabels: map[string]string{}}
	for _, o := range opts {
		o(e)
	}
	if e.understander != nil {
		e.u = e.understander.Understanding()
	}
	m, err := buildMachine(c)
	if err != nil {
		return nil, err
	}
	e.m = m
	for _, id := range c.FlowOrder {
		e.flows[id] = e.compile(c.Flows[id])
	}
	at, err := m.move(none, evRestart, &Session{})
	if err != nil || !e.shows(at.flow, at.state) {
		// Every reset and restart lands here, so it must show something.
		return nil, fmt.Errorf("flows: the %q flow does not begin with a question", StartFlow)
	}
	e.welcome = at
	// The engine validates what it compiles (see validate.go): the
	// machine first, on which understand.yaml's buttons run, then every
	// reply.
	v := e.validation()
	v.graph()
	if len(v.ps) == 0 {
		if err := e.compileUnderstanding(); err != nil {
			return nil, err
		}
	}
	for _, lang := range c.Langs {
		for key, data := range map[string]string{
			content.KeyOptSOS: DataSOS, content.KeyOptExit: DataExit, content.KeyOptBack: DataBack,
			content.KeyOptRestart: DataRestart, content.KeyOptResume: DataResume,
		} {
			e.globals[normalise(c.Text(lang, key))] = data
		}
		for _, w := range strings.Split(c.Texts[lang][content.KeyExitWords], ",") {
			// "=ik wil dit afsluiten" leaves only when typed whole: its
			// words do not join the vocabulary, or "ik wil stoppen",
			// which may be about a job or a gang, would leave too.
			w, whole := strings.CutPrefix(strings.TrimSpace(w), "=")
			if w = normalise(trimMarks(w)); w != "" {
				e.exitWords[w] = true
				e.noteExitLang(w, lang)
				if !whole {
					e.noteExitVocab(w)
				}
			}
		}
		for _, w := range strings.Split(c.Texts[lang][content.KeyExitWishes], ",") {
			if w = normalise(trimMarks(w)); w != "" {
				// A wish never leaves alone; its language says in
				// which the neutral line of an exit in pieces is. Not
				// a wish of one word ("nu", "no"): other languages
				// have it too ("gata, nu mai vreau").
				e.exitWishes[w] = true
				if strings.Contains(w, " ") {
					e.noteExitLang(w, lang)
				}
			}
		}
		e.noteExitLang(normalise(c.Text(lang, content.KeyOptExit)), lang)
		for _, b := range c.Briefs {
			for _, w := range b.Exit {
				if w = normalise(trimMarks(w)); w != "" {
					e.exitWords[w] = true
					e.noteExitVocab(w)
				}
			}
		}
		e.sysReply[lang] = &sysReplies{
			emergency: Reply{
				Text:    c.Text(lang, content.KeyEmergency) + "\n\n" + c.Cards(lang, c.Emergency()),
				Options: []Option{e.opt(lang, DataResume, content.KeyOptResume), e.opt(lang, DataExit, content.KeyOptExit)},
			},
			exit:   Reply{Text: c.Text(lang, content.KeyExit)},
			safety: Reply{Text: c.Text(lang, content.KeyUnavailable) + "\n\n" + c.Cards(lang, c.Safety())},
		}
	}
	v.replies()
	if len(v.ps) > 0 {
		return nil, v.ps.Sorted()
	}
	return e, nil
}

func (e *Engine) opt(lang, data, key string) Option {
	return Option{Data: data, Label: e.c.Text(lang, key)}
}

// Content returns the content the engine runs.
func (e *Engine) Content() *content.Content { return e.c }

func (e *Engine) compile(f *content.Flow) *compiled {
	m := &compiled{
		flow:    f,
		replies: map[string]map[string]*[2]Reply{},
		options: map[string]map[string]*content.Option{},
		labels:  map[string]map[string]map[string]string{},
		timed:   map[string]map[string]*timedEnding{},
		reports: map[string]*report{},
		when:    map[string]map[string]*whenEnding{},
	}
	for _, s := range f.States {
		m.options[s.ID] = map[string]*content.Option{}
		for _, o := range s.Options {
			data := content.OptionData(f.ID, s.ID, o.ID)
			m.options[s.ID][data] = o
			if o.Leave != "" {
				e.leaveOpts[data] = o.Leave
				for _, lang := range e.c.Langs {
					e.leaveLabels[normalise(e.c.Text(lang, o.Label))] = o.Leave
				}
			}
		}
		if len(s.Branch) > 0 {
			continue
		}
		m.replies[s.ID] = map[string]*[2]Reply{}
		m.labels[s.ID] = map[string]map[string]string{}
		for _, lang := range e.c.Langs {
			m.replies[s.ID][lang] = e.renderState(f, s, lang)
			labels := map[string]string{}
			for _, o := range s.Options {
				labels[normalise(e.c.Text(lang, o.Label))] = content.OptionData(f.ID, s.ID, o.ID)
			}
			m.labels[s.ID][lang] = labels
		}
		if s.End && e.openNow {
			for _, lang := range e.c.Langs {
				if t := e.compileTimed(f, s, lang, m.replies[s.ID][lang]); t != nil {
					if m.timed[s.ID] == nil {
						m.timed[s.ID] = map[string]*timedEnding{}
					}
					m.timed[s.ID][lang] = t
				}
			}
		}
		if len(s.Report) > 0 {
			m.reports[s.ID] = e.compileReport(f, s)
		}
		if s.End && len(s.When) > 0 {
			m.when[s.ID] = map[string]*whenEnding{}
			for _, lang := range e.c.Langs {
				m.when[s.ID][lang] = e.compileWhen(s, lang)
			}
		}
	}
	return m
}

// compileWhen looks up the texts and cards of an ending's When rules in
// lang.
func (e *Engine) compileWhen(s *content.State, lang string) *whenEnding {
	w := &whenEnding{shown: s.Contacts}
	for _, rule := range s.When {
		r := whenRule{signals: rule.If}
		if rule.Text != "" {
			r.text = e.c.Text(lang, rule.Text)
		}
		for _, id := range rule.Contacts {
			if ct := e.c.Contacts[id]; ct != nil {
				r.cards = append(r.cards, whenCard{ct: ct, card: e.c.Card(lang, ct)})
			}
		}
		w.rules = append(w.rules, r)
	}
	return w
}

// render appends to an ending's text what the rules that hold for the
// session add: each rule's text, then the cards of its contacts that are
// not on screen yet. openNow adds, under a contact with opening hours,
// whether it is open, as open says.
func (w *whenEnding) render(text string, s *Session, c *content.Content, openNow bool, open func(*content.Contact) bool) string {
	var b strings.Builder
	b.WriteString(text)
	var shown []string
	for _, r := range w.rules {
		holds := true
		for _, sig := range r.signals {
			holds = holds && s.has(sig)
		}
		if !holds {
			continue
		}
		if r.text != "" {
			b.WriteString("\n\n")
			b.WriteString(r.text)
		}
		for _, wc := range r.cards {
			if slices.Contains(w.shown, wc.ct.ID) || slices.Contains(shown, wc.ct.ID) {
				continue
			}
			shown = append(shown, wc.ct.ID)
			b.WriteString("\n\n")
			b.WriteString(wc.card)
			if openNow && wc.ct.Open != nil {
				b.WriteString("\n")
				b.WriteString(c.OpenLine(s.Lang, wc.ct, open(wc.ct)))
			}
		}
	}
	return b.String()
}

// compileTimed cuts an ending in lang into the pieces of a timedEnding, or
// returns nil when none of its contacts has opening hours.
func (e *Engine) compileTimed(f *content.Flow, s *content.State, lang string, replies *[2]Reply) *timedEnding {
	t := &timedEnding{replies: replies}
	var b strings.Builder
	b.WriteString(e.c.Text(lang, s.Text))
	b.WriteString("\n\n")
	first := true
	for _, id := range s.Contacts {
		ct := e.c.Contacts[id]
		if ct == nil {
			continue
		}
		if !first {
			b.WriteString("\n\n")
		}
		first = false
		b.WriteString(e.c.Card(lang, ct))
		if ct.Open != nil {
			b.WriteString("\n")
			t.text = append(t.text, b.String())
			b.Reset()
			t.scheduled = append(t.scheduled, ct)
			t.open = append(t.open, e.c.OpenLine(lang, ct, true))
			t.closed = append(t.closed, e.c.OpenLine(lang, ct, false))
		}
	}
	if len(t.scheduled) == 0 {
		return nil
	}
	t.text = append(t.text, b.String())
	return t
}

// render puts the ending together, each contact open or closed as open
// says.
func (t *timedEnding) render(open func(*content.Contact) bool) string {
	var b strings.Builder
	for i, ct := range t.scheduled {
		b.WriteString(t.text[i])
		if open(ct) {
			b.WriteString(t.open[i])
		} else {
			b.WriteString(t.closed[i])
		}
	}
	b.WriteString(t.text[len(t.text)-1])
	return b.String()
}

func (e *Engine) compileReport(f *content.Flow, s *content.State) *report {
	r := &report{none: map[string]string{}, date: map[string]string{}, end: map[string]string{}}
	for _, lang := range e.c.Langs {
		r.none[lang] = e.c.Text(lang, content.KeyReportNone)
		if s.ReportDate != "" {
			r.date[lang] = e.c.Text(lang, s.ReportDate)
		}
		if s.ReportEnd != "" {
			r.end[lang] = e.c.Text(lang, s.ReportEnd)
		}
	}
	for _, it := range s.Report {
		item := reportItem{key: it.Signal, label: map[string]string{}, answers: map[string]map[string]string{}}
		for _, lang := range e.c.Langs {
			item.label[lang] = e.c.Text(lang, it.Label)
			item.answers[lang] = map[string]string{}
		}
		// The answer is shown as the label of the option that recorded
		// it; the first option recording a value names it, looking in the
		// state's own flow first.
		order := append([]string{f.ID}, e.c.FlowOrder...)
		for _, id := range order {
			for _, st := range e.c.Flows[id].States {
				for _, o := range st.Options {
					key, value, _ := strings.Cut(o.Signal, "=")
					if key != it.Signal {
						continue
					}
					for _, lang := range e.c.Langs {
						if _, dup := item.answers[lang][value]; !dup {
							item.answers[lang][value] = e.c.Text(lang, o.Label)
						}
					}
				}
			}
		}
		r.items = append(r.items, item)
	}
	return r
}

// render appends the report's lines to a question's text: the date of
// the step (now, or when the session last moved), the answers, and the
// line under them.
func (r *report) render(text string, s *Session, now time.Time) string {
	var b strings.Builder
	b.WriteString(text)
	if label := r.date[s.Lang]; label != "" {
		if now.IsZero() {
			now = s.Updated
		}
		if !now.IsZero() {
			b.WriteString("\n")
			b.WriteString(label + ": " + content.DutchDate(now))
		}
	}
	for _, it := range r.items {
		answer, ok := it.answers[s.Lang][s.Signal(it.key)]
		if !ok {
			answer = r.none[s.Lang]
		}
		b.WriteString("\n")
		b.WriteString(content.ReportLine(it.label[s.Lang], answer))
	}
	if end := r.end[s.Lang]; end != "" {
		b.WriteString("\n")
		b.WriteString(end)
	}
	return b.String()
}

// renderState builds a state's question in one language, once without and
// once with the back option. The emergency option and the quick exit come
// last on every question, so they are always in the same place.
func (e *Engine) renderState(f *content.Flow, s *content.State, lang string) *[2]Reply {
	text := e.c.Text(lang, s.Text)
	if s.End {
		text += "\n\n" + e.c.Cards(lang, s.Contacts)
	}
	var opts []Option
	for _, o := range s.Options {
		opts = append(opts, Option{Data: content.OptionData(f.ID, s.ID, o.ID), Label: e.c.Text(lang, o.Label)})
	}
	if s.End {
		opts = append(opts, e.opt(lang, DataRestart, content.KeyOptRestart))
	}
	tail := []Option{e.opt(lang, DataSOS, content.KeyOptSOS), e.opt(lang, DataExit, content.KeyOptExit)}
	without := append(append([]Option(nil), opts...), tail...)
	with := append(append(append([]Option(nil), opts...), e.opt(lang, DataBack, content.KeyOptBack)), tail...)
	return &[2]Reply{{Text: text, Options: without}, {Text: text, Options: with}}
}

// Step handles one input. now is stored in the session's timestamps and,
// WithOpenNow, decides whether an ending says that a contact is open now.
func (e *Engine) Step(s Session, in Input, now time.Time) Result {
	if s.Lang == "" || !e.c.HasLang(s.Lang) {
		s.Lang = e.pickLang(in.Lang)
	}
	if !s.IsNew() && !e.Valid(s) {
		// The content changed under this conversation (or the session is
		// damaged): start again, kindly, rather than loop on an error.
		return e.finish(e.Reset(s.Lang, now), now)
	}
	return e.finish(e.step(s, in, now), now)
}

// finish stamps the session with the time of the step.
func (e *Engine) finish(r Result, now time.Time) Result {
	if r.Forget {
		return r
	}
	if r.Session.Started.IsZero() {
		r.Session.Started = now
	}
	r.Session.Updated = now
	return r
}

func (e *Engine) step(s Session, in Input, now time.Time) Result {
	data := in.Data
	switch in.Kind {
	case Media:
		return e.withInfo(s, e.c.Text(s.Lang, content.KeyMedia), now)
	case Text:
		text := in.Data
		if len(text) > MaxInputText {
			text = strings.ToValidUTF8(text[:MaxInputText], "")
		}
		text = strings.TrimSpace(text)
		if strings.HasPrefix(text, "/") {
			return e.command(s, text, now)
		}
		norm := normalise(text)
		if g, ok := e.globals[norm]; ok {
			data = g
		} else if d, ok := e.labelData(s, norm); ok {
			data = d
		} else {
			return e.freeText(s, text, now)
		}
	}
	if key := e.leaveOpts[data]; key != "" {
		return e.Leave(ChoiceInput(data), s.Lang)
	}
	switch data {
	case DataSOS:
		return Result{Session: s, Replies: []Reply{e.sysReply[s.Lang].emergency}}
	case DataExit:
		return e.Forget(s.Lang)
	case DataRestart:
		return e.restart(s.Lang, "", now)
	case DataBack, DataResume:
		if s.IsNew() {
			return e.restart(s.Lang, "", now)
		}
		if data == DataBack {
			return e.back(s, now)
		}
		return e.show(s, now)
	}
	if strings.HasPrefix(data, DataGoPrefix) {
		return e.goOn(s, data, now)
	}
	if lang, ok := strings.CutPrefix(data, DataLangPrefix); ok {
		return e.switchLang(s, lang, now)
	}
	if s.IsNew() {
		// A button from a conversation that has since ended or expired.
		return refused(e.Reset(s.Lang, now))
	}
	return e.choose(s, data, now)
}

// command handles "/name arg". Telegram may append "@botname" to the name.
func (e *Engine) command(s Session, text string, now time.Time) Result {
	name, arg, _ := strings.Cut(text, " ")
	name, _, _ = strings.Cut(strings.ToLower(name), "@")
	arg = strings.TrimSpace(arg)
	switch name {
	case "/start":
		return e.restart(s.Lang, arg, now)
	case "/terug", "/back":
		if s.IsNew() {
			return e.restart(s.Lang, "", now)
		}
		return e.back(s, now)
	case exitCommands[0], exitCommands[1]:
		return e.Forget(s.Lang)
	case "/help", "/hulp":
		return e.withInfo(s, e.c.Text(s.Lang, content.KeyHelp), now)
	case "/112", "/nood":
		return Result{Session: s, Replies: []Reply{e.sysReply[s.Lang].emergency}}
	case "/taal", "/lang", "/language":
		return e.switchLang(s, arg, now)
	case "/contact", "/contacten", "/contacts":
		if e.understander != nil {
			if name != "/contact" || arg == "" {
				return e.found(s, e.listAll[s.Lang], nil, now)
			}
			return e.understand(s, arg, true, now)
		}
	}
	if s.IsNew() {
		return e.restart(s.Lang, "", now)
	}
	return e.freeText(s, text, now)
}

// found shows contacts found. The last reply carries the buttons first,
// then those of where the conversation is, so that the user can go on
// from there (or start, when there is no conversation yet).
func (e *Engine) found(s Session, rs []Reply, first []Option, now time.Time) Result {
	out := append(make([]Reply, 0, len(rs)), rs...)
	last := out[len(out)-1]
	opts := append([]Option(nil), first...)
	if s.IsNew() {
		begin := content.KeyOptRestart
		if e.u != nil {
			begin = content.KeyOptBegin
		}
		opts = append(opts, e.opt(s.Lang, DataRestart, begin),
			e.opt(s.Lang, DataSOS, content.KeyOptSOS), e.opt(s.Lang, DataExit, content.KeyOptExit))
	} else {
		opts = append(opts, e.questionAt(s, now).Options...)
	}
	last.Options = opts
	out[len(out)-1] = last
	return Result{Session: s, Replies: out}
}

// choose moves along a content option, or re-shows the question when the
// option is not one of the current question's (an old or forged button).
func (e *Engine) choose(s Session, data string, now time.Time) Result {
	if e.flows[s.Flow].options[s.State][data] == nil {
		return refused(e.withInfo(s, e.c.Text(s.Lang, content.KeyStale), now))
	}
	next, ok := e.advance(s, data)
	if !ok {
		// Only content that validation refuses leads here (branches that
		// lead to each other, or whose rules all fail): start over rather
		// than leave the person without a question.
		return e.Reset(s.Lang, now)
	}
	return e.show(next, now)
}

// advance presses the option data of the current question: it records the
// option's signals and moves along the machine to the state that shows
// something. It reports false when the option is not the question's or
// the move does not settle.
func (e *Engine) advance(s Session, data string) (Session, bool) {
	o := e.flows[s.Flow].options[s.State][data]
	if o == nil {
		return s, false
	}
	next := s
	next.Back = pushBack(s.Back, Step{Flow: s.Flow, State: s.State, Signals: len(s.Signals)})
	// An option's signals are recorded all or none, so that a full
	// session never keeps half an answer.
	n := len(o.Also)
	if o.Signal != "" {
		n++
	}
	if n > 0 && len(s.Signals)+n <= MaxSignals {
		sigs := append(make([]string, 0, len(s.Signals)+n), s.Signals...)
		if o.Signal != "" {
			sigs = append(sigs, o.Signal)
		}
		next.Signals = append(sigs, o.Also...)
	}
	at, err := e.m.move(nodeName(s.Flow, s.State), data, &next)
	if err != nil || !e.shows(at.flow, at.state) {
		return s, false
	}
	next.Flow, next.State = at.flow, at.state
	return next, true
}

func pushBack(back []Step, st Step) []Step {
	if len(back) >= MaxBack {
		back = back[len(back)-MaxBack+1:]
	}
	return append(append(make([]Step, 0, len(back)+1), back...), st)
}

func (e *Engine) back(s Session, now time.Time) Result {
	if len(s.Back) == 0 {
		return e.withInfo(s, e.c.Text(s.Lang, content.KeyAtStart), now)
	}
	top := s.Back[len(s.Back)-1]
	at, err := e.m.move(nodeName(s.Flow, s.State), backEvent(nodeName(top.Flow, top.State)), &s)
	if err != nil {
		// Valid let the session through, so the machine has this move;
		// should it not, start over rather than fail.
		return e.Reset(s.Lang, now)
	}
	s.Back = s.Back[: len(s.Back)-1 : len(s.Back)-1]
	s.Flow, s.State = at.flow, at.state
	if n := max(top.Signals, 0); n < len(s.Signals) {
		s.Signals = s.Signals[:n:n]
	}
	return e.show(s, now)
}

// restart begins a new conversation, keeping only the language. A payload
// naming a flow (a deep link such as "/start prof") opens that flow after
// the welcome text.
func (e *Engine) restart(lang, payload string, now time.Time) Result {
	s := Session{Lang: lang}
	// New checked that this move exists and ends in a question.
	at, _ := e.m.move(none, evRestart, &s)
	s.Flow, s.State = at.flow, at.state
	if flow := strings.ToLower(payload); e.flows[flow] != nil && flow != StartFlow {
		ev := openEvent(flow)
		welcome := e.c.Text(lang, e.flows[StartFlow].flow.State(s.State).Text)
		deep := Session{Lang: lang, Back: []Step{{Flow: s.Flow, State: s.State}}}
		at, err := e.m.move(none, ev, &deep)
		if err != nil || !e.shows(at.flow, at.state) {
			return e.show(s, now)
		}
		deep.Flow, deep.State = at.flow, at.state
		r := e.show(deep, now)
		r.Replies = append([]Reply{{Text: welcome}}, r.Replies...)
		return r
	}
	return e.withLangChoice(e.show(s, now), lang)
}

// withLangChoice offers, on the welcome, the content's other languages
// by their own names ("English" under Dutch), before the emergency option
// and the quick exit: not everyone finds /taal.
func (e *Engine) withLangChoice(r Result, lang string) Result {
	if len(r.Replies) == 0 {
		return r
	}
	last := &r.Replies[len(r.Replies)-1]
	opts := slices.Clone(last.Options)
	at := len(opts)
	for at > 0 && (opts[at-1].Data == DataSOS || opts[at-1].Data == DataExit) {
		at--
	}
	for _, other := range e.c.Langs {
		if other != lang {
			opts = slices.Insert(opts, at, Option{Data: DataLangPrefix + other, Label: e.c.Text(other, content.KeyLangName)})
			at++
		}
	}
	last.Options = opts
	return r
}

func refused(r Result) Result {
	r.Refused = true
	return r
}

// Reset starts a new conversation with a line saying that the earlier one
// could not go on, for a session that is damaged or was written by another
// version of the bot.
func (e *Engine) Reset(lang string, now time.Time) Result {
	lang = e.pickLang(lang)
	r := e.restart(lang, "", now)
	r.Replies = append([]Reply{{Text: e.c.Text(lang, content.KeyReset)}}, r.Replies...)
	r.Session.Started, r.Session.Updated = now, now
	return r
}

// Leaves reports whether in is the quick exit: the "Snel weg" option,
// its label typed in any language, one of the content's exit words typed
// alone (content.KeyExitWords: "weg", "stop", ...) or several one after
// the other, also beside a wish to leave ("forget it, gotta go", "ik wil
// hier weg, sluiten"; see exitPieces), or /stop. Punctuation
// around the text is ignored ("Snel weg!", "weg."), but a sentence that
// merely holds such a word ("ik kan niet weg") is no exit. The dispatcher
// asks before it loads the session, so that leaving never depends on the
// store.
func (e *Engine) Leaves(in Input) bool {
	switch in.Kind {
	case Choice:
		return in.Data == DataExit || e.leaveOpts[in.Data] != ""
	case Text:
		text := in.Data
		if len(text) > 64 {
			return false // longer than any label, exit word or command
		}
		text = strings.TrimSpace(text)
		if strings.HasPrefix(text, "/") {
			name, _, _ := strings.Cut(text, " ")
			name, _, _ = strings.Cut(strings.ToLower(name), "@")
			name = "/" + trimMarks(name[1:])
			return slices.Contains(exitCommands[:], name)
		}
		norm := normalise(trimMarks(text))
		return e.globals[norm] == DataExit || e.leaveLabels[norm] != "" || e.exitWords[norm] || e.exitPieces(text)
	}
	return false
}

// exitPieces reports whether text is exit phrases (or a few of their
// words, see exitBag) and wishes to leave one after the other, at least
// one of them an exit phrase, with or without marks between them: "gata,
// ies", "forget it, gotta go, end chat", "ik wil hier weg, sluiten",
// "delete this convo and close it". Each piece says to leave or goes with
// one that does, so the whole does, however many words they make.
func (e *Engine) exitPieces(text string) bool {
	ws := exitTextWords(text)
	// reach[j] says how ws[:j] can be cut into such pieces: -1 not at
	// all, 0 into wishes only, 1 with an exit phrase among them.
	reach := make([]int8, len(ws)+1)
	for j := 1; j <= len(ws); j++ {
		reach[j] = -1
		for i := 0; i < j && reach[j] < 1; i++ {
			if reach[i] < 0 {
				continue
			}
			switch piece := strings.Join(ws[i:j], " "); {
			case e.exitWords[piece] || e.exitBag(piece):
				reach[j] = 1
			case e.exitWishes[piece]:
				reach[j] = max(reach[j], reach[i])
			}
		}
	}
	return len(ws) > 0 && reach[len(ws)] == 1
}

// exitCommands are the commands that leave like the quick exit, in every
// language: Leaves (which the channels ask before anything is loaded) and
// the engine's own commands both read them here.
var exitCommands = [...]string{"/stop", "/weg"}

// maxExitBag is the most words of a message read as a bag of exit words.
const maxExitBag = 5

// maxVocabPhrase is the most words of an exit phrase whose words join the
// exit vocabulary.
const maxVocabPhrase = 4

// noteExitVocab adds the words of an exit phrase to the exit vocabulary,
// and a phrase of one word to the core words. A phrase of more than
// maxVocabPhrase words leaves only when typed whole: its words ("i wanna
// quit this chat") would otherwise make "i wanna quit", which may be about
// a job or a gang, a quick exit.
func (e *Engine) noteExitVocab(phrase string) {
	words := strings.Fields(phrase)
	if len(words) > maxVocabPhrase {
		return
	}
	for _, w := range words {
		e.exitVocab[w] = true
	}
	if len(words) == 1 {
		e.exitCore[words[0]] = true
	}
}

// exitBag reports whether words (normalised, spaces between) are a few
// exit words in any order, with a core word or a whole exit phrase among
// them: "laat maar ik ga weg", "nvm gotta go now". A wish of one word
// ("alsjeblieft", "nu") may stand among them: "sluit dit alsjeblieft nu
// af".
func (e *Engine) exitBag(words string) bool {
	ws := strings.Fields(words)
	if len(ws) == 0 || len(ws) > maxExitBag {
		return false
	}
	core := false
	for i, w := range ws {
		if !e.exitVocab[w] && !e.exitWishes[w] {
			return false
		}
		core = core || e.exitCore[w]
		for j := i + 2; j <= len(ws) && !core; j++ {
			core = e.exitWords[strings.Join(ws[i:j], " ")]
		}
	}
	return core
}

// noteExitLang notes that w leaves in lang, or in several languages.
func (e *Engine) noteExitLang(w, lang string) {
	if prev, ok := e.exitLang[w]; ok && prev != lang {
		e.exitLang[w] = ""
		return
	}
	e.exitLang[w] = lang
}

// ExitLang returns the language of a typed quick exit when its words
// belong to one language only ("gotta go", "Snel weg"), so that the
// neutral line is in the words the person used; "" otherwise.
func (e *Engine) ExitLang(in Input) string {
	if in.Kind != Text || len(in.Data) > 64 {
		return ""
	}
	if lang, ok := e.exitLang[normalise(trimMarks(in.Data))]; ok {
		return lang
	}
	// Typed in pieces ("i want to end this chat now please", "nvm
	// gotta go now"): the language that every exit phrase and wish in it
	// of one language only agrees on.
	ws := exitTextWords(in.Data)
	lang := ""
	for i := range ws {
		for j := i + 1; j <= len(ws); j++ {
			switch l := e.exitLang[strings.Join(ws[i:j], " ")]; {
			case l == "" || l == lang:
			case lang == "":
				lang = l
			default:
				return ""
			}
		}
	}
	return lang
}

// exitTextWords are the normalised words of a typed message, cut at marks
// and spaces, not at an apostrophe: "i'm out".
func exitTextWords(text string) []string {
	ws := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '\'' && r != '’'
	})
	for i, w := range ws {
		ws[i] = normalise(w)
	}
	return ws
}

// trimMarks drops punctuation and spaces around s: "Snel weg!" and
// "'weg.'" read as the words. Emoji and other symbols stay, so that
// "weg 😊" is not taken for a word alone.
func trimMarks(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// Current is what a conversation shows at this moment: its current
// question (or ending) once more, for an update handled before whose
// replies may never have reached the person. A conversation that is new,
// has ended or cannot go on under the current content shows nothing.
func (e *Engine) Current(s Session, now time.Time) []Reply {
	if s.IsNew() || !e.c.HasLang(s.Lang) || !e.Valid(s) {
		return nil
	}
	return []Reply{e.questionAt(s, now)}
}

// Welcome is what a conversation in lang opens with (a language the
// content lacks picks as Step does): the welcome question with its
// options, exactly as Step answers /start to a new session, but without a
// session. A channel that shows the welcome before anyone has said
// anything (the web page) asks this, so that merely opening it stores
// nothing and counts as no conversation; the conversation begins with the
// person's first answer.
func (e *Engine) Welcome(lang string) []Reply {
	return e.restart(e.pickLang(lang), "", time.Time{}).Replies
}

// Leave is Forget for an input that Leaves: its line is the quick exit's,
// or, for an option that leaves ("Nee, iemand kan meekijken"), that
// option's own neutral line, which says how to come back.
func (e *Engine) Leave(in Input, lang string) Result {
	key := e.leaveOpts[in.Data]
	if in.Kind == Text && len(in.Data) <= 64 {
		key = e.leaveLabels[normalise(trimMarks(in.Data))]
	}
	if key == "" || in.Kind == Media {
		return e.Forget(lang)
	}
	return Result{Forget: true, KeepLine: true, Replies: []Reply{{Text: e.c.Text(e.pickLang(lang), key)}}}
}

// Forget is the quick exit: nothing of the conversation is kept, and the
// only reply is one neutral line.
func (e *Engine) Forget(lang string) Result {
	return Result{Forget: true, Replies: []Reply{e.sysReply[e.pickLang(lang)].exit}}
}

// SafetyCard is what to show when the conversation cannot go on, for
// instance when the session store cannot be reached: 112 and the main
// helplines, with a line saying so.
func (e *Engine) SafetyCard(lang string) Reply {
	return e.sysReply[e.pickLang(lang)].safety
}

func (e *Engine) switchLang(s Session, arg string, now time.Time) Result {
	lang := strings.ToLower(arg)
	if !e.c.HasLang(lang) {
		// Without an argument, or with an unknown one, move to the next
		// language in turn.
		langs := e.c.Langs
		lang = langs[0]
		for i, l := range langs {
			if l == s.Lang {
				lang = langs[(i+1)%len(langs)]
			}
		}
	}
	s.Lang = lang
	return e.withInfo(s, e.c.Text(lang, content.KeyLang), now)
}

// freeText answers typed text that is no command and no option label: it
// is read for its meaning when the engine has an Understander and the
// content says how (understand.yaml), and otherwise answered by pointing
// to the buttons.
func (e *Engine) freeText(s Session, text string, now time.Time) Result {
	if e.u != nil {
		return e.understand(s, text, false, now)
	}
	if s.IsNew() {
		return e.restart(s.Lang, "", now)
	}
	if e.waiting(s) {
		return e.withInfo(s, e.c.Text(s.Lang, content.KeyFreeText), now)
	}
	q := e.questionAt(s, now)
	return Result{Session: s, Replies: []Reply{{Text: e.c.Text(s.Lang, content.KeyNoQuestion), Options: q.Options}}}
}

// waiting reports whether the current state asks a question, as opposed
// to an ending, where free text is a search.
func (e *Engine) waiting(s Session) bool {
	return !e.flows[s.Flow].flow.State(s.State).End
}

// withInfo shows a line of information, then the current question again.
func (e *Engine) withInfo(s Session, info string, now time.Time) Result {
	if s.IsNew() {
		r := e.restart(s.Lang, "", now)
		r.Replies = append([]Reply{{Text: info}}, r.Replies...)
		return r
	}
	return Result{Session: s, Replies: []Reply{{Text: info}, e.questionAt(s, now)}}
}

func (e *Engine) show(s Session, now time.Time) Result {
	return Result{Session: s, Replies: []Reply{e.questionAt(s, now)}, Contacts: e.endingContacts(s)}
}

// endingContacts lists the contacts an ending shows for s: its own, then
// those its When rules add for the answers given. Nil for a question.
func (e *Engine) endingContacts(s Session) []string {
	st := e.flows[s.Flow].flow.State(s.State)
	if st == nil || !st.End {
		return nil
	}
	ids := st.Contacts
	for _, rule := range st.When {
		if holds(&s, rule.If) {
			for _, id := range rule.Contacts {
				if !slices.Contains(ids, id) {
					ids = append(slices.Clip(ids), id)
				}
			}
		}
	}
	return ids
}

// questionAt is the current question at now. Everything is ready-made
// except a report, which lists the session's answers, and, when now is
// known, the variant of an ending that fits its contacts' opening hours.
func (e *Engine) questionAt(s Session, now time.Time) Reply {
	return e.question(s, now, func(ct *content.Contact) bool { return ct.Open.OpenAt(now) })
}

// question is questionAt with open saying whether a contact with opening
// hours is open, so that New can render the longest form of a reply.
func (e *Engine) question(s Session, now time.Time, open func(*content.Contact) bool) Reply {
	m := e.flows[s.Flow]
	i := 0
	if len(s.Back) > 0 {
		i = 1
	}
	var r Reply
	if t := m.timed[s.State][s.Lang]; t != nil && !now.IsZero() {
		r = t.replies[i]
		r.Text = t.render(open)
	} else {
		r = m.replies[s.State][s.Lang][i]
	}
	if rep := m.reports[s.State]; rep != nil {
		r.Text = rep.render(r.Text, &s, now)
	}
	if w := m.when[s.State][s.Lang]; w != nil {
		r.Text = w.render(r.Text, &s, e.c, e.openNow && !now.IsZero(), open)
	}
	return r
}

func (e *Engine) labelData(s Session, norm string) (string, bool) {
	if s.IsNew() {
		return "", false
	}
	d, ok := e.flows[s.Flow].labels[s.State][s.Lang][norm]
	return d, ok
}

// Valid reports whether the session can go on under the current content:
// it points at a state that shows something, and so does every entry of its
// back-stack, since /terug leads there. After a content deploy that renamed
// or removed a state, a session fails this and starts over kindly.
func (e *Engine) Valid(s Session) bool {
	if !e.shows(s.Flow, s.State) {
		return false
	}
	// Going back must be a move the machine has, all the way down the
	// stack: otherwise /terug would lead where the content no longer goes.
	at := nodeName(s.Flow, s.State)
	for i := len(s.Back) - 1; i >= 0; i-- {
		st := s.Back[i]
		if !e.shows(st.Flow, st.State) {
			return false
		}
		if !e.m.can(at, backEvent(nodeName(st.Flow, st.State))) {
			return false
		}
		at = nodeName(st.Flow, st.State)
	}
	return true
}

// shows reports whether a state exists and is a question or an ending, as
// opposed to a branch, which only passes the conversation on.
func (e *Engine) shows(flow, state string) bool {
	m, ok := e.flows[flow]
	if !ok {
		return false
	}
	_, ok = m.replies[state]
	return ok
}

func (e *Engine) pickLang(lang string) string {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i] // "en-GB" -> "en"
	}
	if e.c.HasLang(lang) {
		return lang
	}
	return content.DefaultLang
}

// normalise folds case, spacing and common accents so that a typed label
// matches however it was typed; lint compares labels the same way.
func normalise(s string) string { return content.NormaliseLabel(s) }
