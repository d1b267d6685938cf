package flows

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"signaal/content"
	"signaal/understand"
)

// This file answers typed text that was read for its meaning (see
// Understander), in the order of understand.Kinds: danger, then what someone
// tells, then what someone asks, then small talk. Every answer shows the
// help that fits who is asking, and keeps 112 and the quick exit one tap
// away.

// maxFound is the most contacts an answer to a question shows.
const maxFound = 3

// maxHelplines is the most contacts a danger answer shows after 112.
const maxHelplines = 2

// ageNames name the age groups in a go button's data.
var ageNames = map[understand.Age]string{understand.AgeUnknown: "unknown", understand.AgeMinor: "minor", understand.AgeAdult: "adult"}

// jump is where a go button leads: the conversation begins flow afresh,
// records signals and presses the option data in presses, as the person
// would have. Every move is the machine's: open:<flow>, then each option.
type jump struct {
	flow    string
	presses []string
	signals []string
}

// goData is the data of a go button: the intent and, for a disclosure,
// who it answers and the age group. It holds only what was understood,
// never words of the message.
func goData(intent, who string, age understand.Age) string {
	if who == "" {
		return DataGoPrefix + intent
	}
	return DataGoPrefix + intent + "/" + who + "/" + ageNames[age]
}

// ageData names the jump an age typed at an age answer's state leads to;
// it is never an option's data.
func ageData(state string, age understand.Age) string {
	return "age:" + state + "/" + ageNames[age]
}

// compileUnderstanding prepares what answering typed text needs: the list
// of every contact and the jumps of every go button, each tried once so
// that a content the machine cannot carry fails here and not in a
// conversation.
func (e *Engine) compileUnderstanding() error {
	if e.understander != nil {
		e.listAll = map[string][]Reply{}
		for _, lang := range e.c.Langs {
			e.listAll[lang] = e.renderAll(lang)
		}
	}
	u := e.u
	if u == nil {
		return nil
	}
	for _, lang := range e.c.Langs {
		e.globals[normalise(e.c.Text(lang, content.KeyOptBegin))] = DataRestart
	}
	e.jumps = map[string]*jump{}
	add := func(data string, c *understand.Continue, age understand.Age) error {
		j := &jump{flow: c.Flow, signals: c.Signals}
		for _, a := range c.Answers {
			if rest, ok := strings.CutSuffix(a, "/*"); ok {
				flow, state, _ := strings.Cut(rest, "/")
				q := u.AgeQuestion(flow, state)
				if q == nil {
					return fmt.Errorf("flows: %s: %s is not an age question", data, rest)
				}
				a = rest + "/" + q.Option(age)
			}
			j.presses = append(j.presses, a)
		}
		if _, ok := e.runJump(content.DefaultLang, j); !ok {
			return fmt.Errorf("flows: %s does not lead to a question", data)
		}
		e.jumps[data] = j
		return nil
	}
	for _, q := range u.Ages {
		if q.Continue == nil {
			continue
		}
		for age := range ageNames {
			if age == understand.AgeUnknown {
				continue
			}
			if err := add(ageData(q.State, age), q.Continue, age); err != nil {
				return err
			}
		}
	}
	for _, in := range u.Intents {
		if in.Continue != nil {
			if err := add(goData(in.ID, "", understand.AgeUnknown), in.Continue, understand.AgeUnknown); err != nil {
				return err
			}
		}
		for _, who := range []string{understand.WhoMe, understand.WhoOther, understand.WhoProf} {
			a := in.Answer(who)
			if a == nil || a.Continue == nil {
				continue
			}
			for age := range ageNames {
				if err := add(goData(in.ID, who, age), a.Continue, age); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// runJump begins a conversation in the jump's flow, as a deep link does
// (so that back leads to the welcome), and presses its options. It
// reports false when the content does not carry the presses.
func (e *Engine) runJump(lang string, j *jump) (Session, bool) {
	s := Session{Lang: lang}
	if e.flows[j.flow] == nil {
		return s, false
	}
	ev := openEvent(j.flow)
	if ev != evRestart {
		s.Back = []Step{{Flow: e.welcome.flow, State: e.welcome.state}}
	}
	at, err := e.m.move(none, ev, &s)
	if err != nil || !e.shows(at.flow, at.state) {
		return s, false
	}
	s.Flow, s.State = at.flow, at.state
	if len(j.signals) <= MaxSignals {
		s.Signals = append([]string(nil), j.signals...)
	}
	for _, data := range j.presses {
		next, ok := e.advance(s, data)
		if !ok {
			return s, false
		}
		s = next
	}
	return s, true
}

// goOn follows a go button. A button the engine did not make is treated
// as any stale button: the current question again.
func (e *Engine) goOn(s Session, data string, now time.Time) Result {
	j := e.jumps[data]
	if j == nil {
		if s.IsNew() {
			return refused(e.Reset(s.Lang, now))
		}
		return refused(e.withInfo(s, e.c.Text(s.Lang, content.KeyStale), now))
	}
	next, ok := e.runJump(s.Lang, j)
	if !ok {
		return e.Reset(s.Lang, now)
	}
	next.Started = s.Started
	return e.show(next, now)
}

// understand answers typed text by its meaning. asked is set when the
// person asked for contacts (/contact and words): then a search answers
// what is not understood otherwise.
func (e *Engine) understand(s Session, text string, asked bool, now time.Time) Result {
	m := e.understander.Understand(s.Lang, text)
	if e.c.Briefs[m.Lang] != nil && !asked {
		return e.answerBrief(s, m, now)
	}
	if m.Lang != "" && e.c.HasLang(m.Lang) && !asked {
		// Dutch and English are answered in kind, whatever the device
		// says or the conversation was in; the conversation goes on in
		// the language the person now writes.
		s.Lang = m.Lang
	}
	if m.SwitchTo != "" && !m.Danger {
		// "in english" alone switches; with a question or a story
		// beside it ("how do i report this to the police, in
		// english"), that is answered in the language asked for.
		if m.SwitchOnly || m.Intent == nil || m.Intent.Kind == understand.KindChat || !e.c.HasLang(m.SwitchTo) {
			if !m.Fear && !m.Watched {
				return e.switchLang(s, m.SwitchTo, now)
			}
		}
		s.Lang = m.SwitchTo
	}
	if m.SwitchTo != "" && m.Danger && m.SwitchOnly && e.c.HasLang(m.SwitchTo) {
		// "help, in english": 112 first, in the language asked for; not
		// "een meisje roept in het engels dat ze weg wil".
		s.Lang = m.SwitchTo
	}
	h := e.hearer(s, m)
	kind := ""
	if m.Intent != nil {
		kind = m.Intent.Kind
	}
	u := e.u
	switch {
	case u == nil:
		// Content that does not say how to read messages: only what
		// was asked for by /contact is answered.
		return e.answerQuestion(s, m, h, nil, now)
	case m.Watched:
		return e.answerWatched(s, m, now)
	case m.Danger:
		return e.answerDanger(s, m, h, now)
	case m.Fear:
		return e.answerFear(s, m, h, now)
	case kind != understand.KindDisclosure && kind != understand.KindQuestion && e.answersAge(s, m):
		q := u.AgeQuestion(s.Flow, s.State)
		if q.Continue != nil {
			if m.Who != "" && m.Who != understand.WhoMe {
				// "ze is 15": about someone else, so not the
				// person's own age; the question stays.
				return e.withInfo(s, e.c.Text(s.Lang, content.KeyUnclear), now)
			}
			return e.goOn(s, ageData(q.State, m.Age), now)
		}
		return e.choose(s, content.OptionData(s.Flow, s.State, q.Option(h.age)), now)
	case kind == understand.KindDisclosure && (!asked || m.Who != ""):
		// A search with /contact is a question for contacts unless it
		// tells about someone: "/contact loverboy" is no one's own
		// story, "/contact ik ben 15 en ..." is.
		return e.answerDisclosure(s, m, h, now)
	case kind == understand.KindDisclosure:
		if len(m.Found) == 0 {
			if a := m.Intent.Answer(understand.WhoMe); a != nil {
				m.Found = e.contacts(a.Contacts)
			}
		}
		return e.answerQuestion(s, m, h, nil, now)
	case kind == understand.KindQuestion:
		return e.answerQuestion(s, m, h, m.Intent, now)
	case asked:
		return e.answerQuestion(s, m, h, nil, now)
	case kind == understand.KindChat:
		return e.answerChat(s, m.Intent.Text, now)
	}
	return e.answerChat(s, content.KeyUnclear, now)
}

// hearer is who the engine answers: who the message is about, the audience
// whose contacts may be shown, and an age group.
type hearer struct {
	who, audience string
	age           understand.Age
	named         []*content.Contact
}

// hearer works out who is asking. The message says it first ("mijn
// leerling", "ik ben 15"); else the flow the conversation is in does. A
// conversation in a flow only for young people, or a message about the
// person typing, is a young person's: contacts that are not for young
// people are not shown then, unless asked for by name. A message that does
// not say who, outside a flow that does, counts as a young person's too:
// the bot is there for them first.
func (e *Engine) hearer(s Session, m understand.Meaning) hearer {
	flowAud := ""
	if f, ok := e.c.Flows[s.Flow]; ok && len(f.Audience) == 1 {
		flowAud = f.Audience[0]
	}
	h := hearer{who: m.Who, age: m.Age, named: m.Named}
	if h.who == "" {
		h.who = e.c.WhoOf(flowAud)
	}
	if h.who == "" {
		// A message that says nothing of who writes, in a flow for no
		// one audience, is the person's own: the bot is for them first.
		h.who = understand.WhoMe
	}
	h.audience = e.c.AudienceOf(h.who)
	young := e.c.AudienceOf(understand.WhoMe)
	if flowAud == young {
		h.audience = young
	}
	if h.age == understand.AgeUnknown && flowAud == young {
		switch s.Signal("minor") {
		case "yes":
			h.age = understand.AgeMinor
		case "no":
			h.age = understand.AgeAdult
		}
	}
	return h
}

// allowed reports whether a contact may be shown to h: it is for h's
// audience, or h asked for it by name.
func (h hearer) allowed(ct *content.Contact) bool {
	if ct.For(h.audience) {
		return true
	}
	for _, n := range h.named {
		if n == ct {
			return true
		}
	}
	return false
}

// pick returns the contacts of the lists, in order, that h may see, each
// once, at most n.
func (e *Engine) pick(h hearer, n int, lists ...[]*content.Contact) []*content.Contact {
	var out []*content.Contact
	for _, list := range lists {
		for _, ct := range list {
			if len(out) == n {
				return out
			}
			if ct == nil || !h.allowed(ct) || contains(out, ct) {
				continue
			}
			out = append(out, ct)
		}
	}
	return out
}

// besides returns the contacts of named that the intent's keywords do
// not name: what a question asks for besides what it is about.
func besides(in *understand.Intent, named []*content.Contact) []*content.Contact {
	var out []*content.Contact
	for _, ct := range named {
		about := false
		for _, kws := range in.Keywords {
			for _, kw := range kws {
				about = about || normalise(kw) == normalise(ct.Name)
			}
		}
		if !about {
			out = append(out, ct)
		}
	}
	return out
}

// subset reports whether every contact of a is in b.
func subset(a, b []*content.Contact) bool {
	for _, ct := range a {
		if !contains(b, ct) {
			return false
		}
	}
	return true
}

func contains(list []*content.Contact, ct *content.Contact) bool {
	for _, c := range list {
		if c == ct {
			return true
		}
	}
	return false
}

func (e *Engine) contacts(ids []string) []*content.Contact {
	out := make([]*content.Contact, 0, len(ids))
	for _, id := range ids {
		if ct := e.c.Contacts[id]; ct != nil {
			out = append(out, ct)
		}
	}
	return out
}

// briefs renders contacts for an answer, each with whether it is open now
// when the engine says so.
func (e *Engine) briefs(lang string, cts []*content.Contact, now time.Time) string {
	parts := make([]string, len(cts))
	for i, ct := range cts {
		parts[i] = e.c.Brief(lang, ct)
		if e.openNow && ct.Open != nil && !now.IsZero() {
			parts[i] += "\n" + e.c.OpenLine(lang, ct, ct.Open.OpenAt(now))
		}
	}
	return strings.Join(parts, "\n\n")
}

// answerDanger puts 112 first, in the text and as the first contact, then
// one or two helplines that fit what else the message tells, then the
// current question again (or the welcome), so that the conversation can go
// on and the emergency option and the quick exit stay on the last reply.
func (e *Engine) answerDanger(s Session, m understand.Meaning, h hearer, now time.Time) Result {
	in := m.Intent
	all := e.contacts(in.Contacts)
	first, rest := all[:1], all[1:]
	var fit []*content.Contact
	if m.Topic != nil {
		if a := m.Topic.Answer(h.who); a != nil {
			fit = append(e.contacts(a.Contacts), e.young(h, m)...)
		}
	}
	helplines := e.pick(h, maxHelplines, fit, rest)
	cts := append(append([]*content.Contact(nil), first...), helplines...)
	answer := Reply{Text: e.c.Text(s.Lang, in.Text) + "\n\n" + e.briefs(s.Lang, cts, now)}
	if s.IsNew() {
		// Nothing after 112 but the buttons of the first question: the
		// welcome's whole text would bury the one line that matters.
		r := e.restart(s.Lang, "", now)
		answer.Options = r.Replies[len(r.Replies)-1].Options
		r.Replies = []Reply{answer}
		r.Contacts = ids(cts)
		return r
	}
	q := e.questionAt(s, now)
	if s.Flow == StartFlow && s.State == e.flows[StartFlow].flow.Start {
		// At the welcome, its buttons are the question: its text again
		// would bury the line with 112.
		answer.Options = q.Options
		return Result{Session: s, Replies: []Reply{answer}, Contacts: ids(cts)}
	}
	return Result{Session: s, Replies: []Reply{answer, q}, Contacts: ids(cts)}
}

// ids are the ids of contacts, for Result.Contacts.
func ids(cts []*content.Contact) []string {
	out := make([]string, len(cts))
	for i, ct := range cts {
		out[i] = ct.ID
	}
	return out
}

// young returns the contacts a young person under 18, or of unknown age,
// is offered besides, as the jong flow does; and as well when it happens
// at home.
func (e *Engine) young(h hearer, m understand.Meaning) []*content.Contact {
	y := e.u.Young
	if y == nil || h.who != understand.WhoMe || (h.age == understand.AgeAdult && !m.Home) {
		return nil
	}
	return e.contacts(y.Contacts)
}

// youngLast returns cts with the contacts of the young people's answer
// (Veilig Thuis) moved to the end.
func (e *Engine) youngLast(cts []*content.Contact) []*content.Contact {
	y := e.u.Young
	if y == nil {
		return cts
	}
	var first, last []*content.Contact
	for _, ct := range cts {
		if slices.Contains(y.Contacts, ct.ID) {
			last = append(last, ct)
		} else {
			first = append(first, ct)
		}
	}
	return append(first, last...)
}

// answerDisclosure acknowledges what someone tells, shows the help for
// that topic, for who it is about and their age, and offers a button to go
// on in the matching flow at the matching question.
func (e *Engine) answerDisclosure(s Session, m understand.Meaning, h hearer, now time.Time) Result {
	in := m.Intent
	a := in.Answer(h.who)
	if a == nil {
		a = in.Answer(understand.WhoMe)
	}
	own := e.contacts(a.Contacts)
	if h.age == understand.AgeAdult && !m.Home && !a.KeepOrder {
		// Help for children and for what happens at home comes after
		// the help for the topic when the person is known to be an
		// adult and it does not happen at home.
		own = e.youngLast(own)
	}
	extra := e.young(h, m)
	// A contact named in what someone tells, without a question, is
	// told of, not asked for: "mijn baas belt de IND als ik klaag" and
	// "hij stuurt ze naar de politie als we klagen" name a threat, and
	// neither card is what the person needs. Only the story's own help
	// is shown then, and a named card meant for professionals is not
	// shown to anyone else.
	named := h.named
	if !m.Asks {
		named, h.named = nil, nil
	}
	cts := e.pick(h, len(own)+len(extra)+len(named), named, own, extra)
	var b strings.Builder
	b.WriteString(e.c.Text(s.Lang, a.Text))
	for _, ct := range extra {
		if !contains(own, ct) && contains(cts, ct) {
			// Veilig Thuis comes along: say why.
			b.WriteString("\n")
			b.WriteString(e.c.Text(s.Lang, e.u.Young.Text))
			break
		}
	}
	if len(cts) > 0 {
		b.WriteString("\n\n")
		b.WriteString(e.briefs(s.Lang, cts, now))
	}
	var opts []Option
	if a.Continue != nil && !e.underWay(s, a.Continue.Flow) {
		opts = append(opts, Option{Data: goData(in.ID, h.who, h.age), Label: e.label(s.Lang, a.Continue)})
	}
	if s.IsNew() {
		opts = append(opts, e.opt(s.Lang, DataRestart, content.KeyOptBegin))
	} else {
		opts = append(opts, e.opt(s.Lang, DataResume, content.KeyOptResume))
	}
	opts = append(opts, e.opt(s.Lang, DataSOS, content.KeyOptSOS), e.opt(s.Lang, DataExit, content.KeyOptExit))
	return Result{Session: s, Replies: []Reply{{Text: b.String(), Options: opts}}, Contacts: ids(cts)}
}

// underWay reports whether the conversation is already in flow at a
// question: going on there is going on with the conversation itself.
func (e *Engine) underWay(s Session, flow string) bool {
	return !s.IsNew() && s.Flow == flow && !e.flows[s.Flow].flow.State(s.State).End
}

func (e *Engine) label(lang string, c *understand.Continue) string {
	if c.Label != "" {
		return e.c.Text(lang, c.Label)
	}
	return e.c.Text(lang, content.KeyOptGo)
}

// answerQuestion shows the contacts a question asks for, best first: the
// ones it names, then the intent's own or what a search of the message
// finds; when none fits, it says so and shows the emergency contacts.
func (e *Engine) answerQuestion(s Session, m understand.Meaning, h hearer, in *understand.Intent, now time.Time) Result {
	found := m.Found
	text := content.KeySearchFound
	var first []Option
	if in != nil {
		if len(in.Contacts) > 0 {
			found = e.contacts(in.Contacts)
			if contains(found, m.Asked) {
				// The one of its contacts the question asks for first.
				found = append([]*content.Contact{m.Asked}, slices.DeleteFunc(found, func(ct *content.Contact) bool { return ct == m.Asked })...)
			}
		}
		if in.Text != "" {
			text = in.Text
		}
		if in.Continue != nil && !e.underWay(s, in.Continue.Flow) {
			first = append(first, Option{Data: goData(in.ID, "", understand.AgeUnknown), Label: e.label(s.Lang, in.Continue)})
		}
	}
	lists := [][]*content.Contact{m.Named, found}
	if m.Asked != nil && (in == nil || len(in.Contacts) == 0) && !contains(m.Named, m.Asked) {
		// Asked who, the one the question is about comes before a name
		// said along the way: "ik zit in stap 2 van de meldcode, met wie
		// kan ik overleggen" asks for Veilig Thuis before the meldcode.
		lists = [][]*content.Contact{{m.Asked}, m.Named, found}
	}
	if in != nil && len(in.Contacts) > 0 && subset(m.Named, found) {
		// The intent's own order when what was named is among its
		// contacts: a question about the meldcode shows Veilig Thuis
		// first, however the meldcode was named. A contact named
		// besides what the intent is about is asked for: "stap 5 zegt
		// melden bij de zorgcoördinator, waar vind ik die" shows the
		// care coordinator first.
		lists = [][]*content.Contact{besides(in, m.Named), found}
	}
	cts := e.pick(h, maxFound, lists...)
	if len(cts) == 0 {
		none := Reply{Text: e.c.Text(s.Lang, content.KeySearchNone) + "\n\n" + e.c.Cards(s.Lang, e.c.Emergency())}
		return e.found(s, []Reply{none}, nil, now)
	}
	answer := Reply{Text: e.c.Text(s.Lang, text) + "\n\n" + e.briefs(s.Lang, cts, now)}
	r := e.found(s, []Reply{answer}, first, now)
	r.Contacts = ids(cts)
	return r
}

// answerChat answers small talk, or what could not be read, with a short
// line and the current question again; a first message gets the welcome,
// which says what the bot is.
func (e *Engine) answerChat(s Session, key string, now time.Time) Result {
	if s.IsNew() {
		return e.restart(s.Lang, "", now)
	}
	return e.withInfo(s, e.c.Text(s.Lang, key), now)
}

// answersAge reports whether the message gives an age and the current
// question asks for one: then the age answers it.
func (e *Engine) answersAge(s Session, m understand.Meaning) bool {
	return !s.IsNew() && m.Age != understand.AgeUnknown && e.u.AgeQuestion(s.Flow, s.State) != nil
}

// renderAll lists every contact in a line, grouped by category, a message
// per category: short messages that any channel can carry (and that a
// channel with a limit splits further if it must).
func (e *Engine) renderAll(lang string) []Reply {
	c := e.c
	var sections []string
	group := func(title string, cts []*content.Contact) {
		if len(cts) == 0 {
			return
		}
		lines := []string{title}
		for _, ct := range cts {
			lines = append(lines, "• "+content.Line(ct))
		}
		sections = append(sections, strings.Join(lines, "\n"))
	}
	var all []*content.Contact
	for _, id := range c.ContactOrder {
		all = append(all, c.Contacts[id])
	}
	if len(c.Categories) == 0 {
		group("", all)
	}
	for _, cat := range c.Categories {
		var cts []*content.Contact
		for _, ct := range all {
			if ct.Category == cat.ID {
				cts = append(cts, ct)
			}
		}
		group(c.Text(lang, cat.Title), cts)
	}
	replies := make([]Reply, 0, len(sections))
	for i, s := range sections {
		if i == 0 {
			s = c.Text(lang, content.KeySearchAll) + "\n\n" + s
		}
		replies = append(replies, Reply{Text: s})
	}
	if len(replies) == 0 {
		replies = append(replies, Reply{Text: c.Text(lang, content.KeySearchAll)})
	}
	return replies
}

// answerBrief answers a message in a language the content has no
// conversation in with that language's brief (112, what the bot is, help
// for labour exploitation), and offers to go on in English. The
// conversation stays where it was; its language becomes English, so that
// what the person types next in English is answered in English.
func (e *Engine) answerBrief(s Session, m understand.Meaning, now time.Time) Result {
	b := e.c.Briefs[m.Lang]
	const en = "en"
	lang := en
	if !e.c.HasLang(en) {
		lang = e.pickLang(s.Lang)
	}
	if s.IsNew() {
		s.Lang = lang
	}
	opts := []Option{
		{Data: DataLangPrefix + lang, Label: e.c.Text(lang, content.KeyLangName)},
		e.opt(lang, DataSOS, content.KeyOptSOS), e.opt(lang, DataExit, content.KeyOptExit),
	}
	return Result{Session: s, Replies: []Reply{{Text: b.Text, Options: opts}}, Contacts: []string{}}
}

// answerWatched answers someone who says another person reads along or is
// right there: one short line with no word about exploitation and no
// helpline on screen, the quick exit offered first, and 112 first when the
// message also tells of danger. The conversation stays where it was.
func (e *Engine) answerWatched(s Session, m understand.Meaning, now time.Time) Result {
	text := e.c.Text(s.Lang, content.KeyWatched)
	var cts []*content.Contact
	if m.Danger {
		// 112 is no helpline that tells what the chat is about.
		cts = e.contacts(m.Intent.Contacts[:1])
		text = e.c.Text(s.Lang, content.KeyWatchedDanger) + "\n\n" + e.briefs(s.Lang, cts, now)
	}
	opts := []Option{e.opt(s.Lang, DataExit, content.KeyOptExit), e.opt(s.Lang, DataSOS, content.KeyOptSOS)}
	return Result{Session: s, Replies: []Reply{{Text: text, Options: opts}}, Contacts: ids(cts)}
}

// answerFear answers a fear of the police or of being punished honestly:
// the bot cannot promise what happens, and help that thinks along
// anonymously comes first (Keerpunt, or what fits the topic), never the
// police first.
func (e *Engine) answerFear(s Session, m understand.Meaning, h hearer, now time.Time) Result {
	// The fear is the person's own: the help is what fits the topic for
	// them, and only what is meant for young people, as they may be one.
	text := content.KeyFear
	var fit []*content.Contact
	var never []string
	fa := e.u.Fear
	var own *understand.FearTopic
	if fa != nil && m.Topic != nil {
		own = fa.For(m.Topic.ID)
	}
	switch {
	case own != nil:
		// A fear about this topic has an answer of its own: what
		// happens at home if someone tells is for Veilig Thuis to talk
		// through, with an anonymous chat beside it.
		text = own.Text
		fit = e.contacts(own.Contacts)
		never = fa.Never
	default:
		if m.Topic != nil {
			if a := m.Topic.Answer(understand.WhoMe); a != nil {
				fit = e.contacts(a.Contacts)
			}
		}
		if fa != nil {
			fit = append(fit, e.contacts(fa.Contacts)...)
			never = fa.Never
		}
		// The help that thinks along anonymously comes first; Veilig
		// Thuis, which may act on what it hears, after it.
		fit = e.youngLast(fit)
	}
	var cts []*content.Contact
	for _, ct := range e.pick(h, len(fit), fit) {
		if !slices.Contains(never, ct.ID) && ct.For(e.c.AudienceOf(understand.WhoMe)) && len(cts) < maxHelplines {
			cts = append(cts, ct)
		}
	}
	answer := Reply{Text: e.c.Text(s.Lang, text) + "\n\n" + e.briefs(s.Lang, cts, now)}
	r := e.found(s, []Reply{answer}, nil, now)
	r.Contacts = ids(cts)
	return r
}
