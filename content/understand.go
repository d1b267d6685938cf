package content

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// understandFile holds what the bot needs to read typed messages for their
// meaning. It is optional: content without it (such as a test's) has a bot
// that only follows buttons.
const understandFile = "understand.yaml"

// Kinds of intent, in the order in which they win when one message holds
// several: someone in danger first, then what someone tells, then what
// someone asks, then small talk.
const (
	KindDanger     = "danger"
	KindDisclosure = "disclosure"
	KindQuestion   = "question"
	KindChat       = "chat"
)

// Kinds lists the kinds of intent.
var Kinds = []string{KindDanger, KindDisclosure, KindQuestion, KindChat}

// Who a message is about: the person typing, someone they know, or someone
// they work with (a pupil, a client).
const (
	WhoMe    = "me"
	WhoOther = "other"
	WhoProf  = "prof"
)

// WhoAudience is the audience of contacts.yaml and the flows that each
// answer of a disclosure is for.
var WhoAudience = map[string]string{WhoMe: "jongeren", WhoOther: "omstanders", WhoProf: "professionals"}

// Age is what a message says about the age of the person it is about.
type Age uint8

const (
	AgeUnknown Age = iota // the message does not say
	AgeMinor              // under 18
	AgeAdult              // 18 or older
)

// Understanding is understand.yaml: the intents people type, each with
// example sentences and keywords per language and what it leads to, and
// the words that say who a message is about and how old they are.
type Understanding struct {
	// Threshold is the least similarity between a message and an intent's
	// examples for the message to count as that intent.
	Threshold float64 `yaml:"threshold"`
	// Spellings map a way people type a word to the word itself: "mn" is
	// "mijn", "k" is "ik".
	Spellings map[string]string `yaml:"spellings"`
	// Emoji map an emoji to the word it says ("😰" is "bang"): young
	// people often say how they feel with one and nothing else.
	Emoji   map[string]string `yaml:"emoji"`
	Markers Markers           `yaml:"markers"`
	// Ages name, for each question that asks for an age, the option that
	// an age given in a message answers.
	Ages []*AgeAnswer `yaml:"ages"`
	// Young is what a young person under 18, or one who does not say
	// their age, is offered besides, as the jong flow offers Veilig Thuis.
	Young *Addition `yaml:"young"`
	// Switch are the ways to ask for a language, by the language asked
	// for ("english", "kan het in het engels"): the conversation goes on
	// in it.
	Switch map[string]Phrases `yaml:"switch"`
	// Fear is the help for a fear of the police or of being punished.
	Fear    *FearAnswer `yaml:"fear"`
	Intents []*Intent   `yaml:"intents"`

	byID map[string]*Intent
}

// FearAnswer is the help shown to someone afraid of the police or of being
// punished: Contacts (after those that fit the topic), and never the
// contacts of Never first or at all, however well they fit.
type FearAnswer struct {
	Contacts []string `yaml:"contacts"`
	Never    []string `yaml:"never"`

	Line int `yaml:"-"`
}

// Phrases are words or phrases per language. In a phrase, a word may start
// or end with '*': "pakketje*" stands for any word that starts with
// "pakketje", "*prostitutie" for any that ends with it.
type Phrases map[string][]string

// All returns the phrases of every language, the default language first.
func (p Phrases) All(langs []string) []string {
	var out []string
	for _, lang := range langs {
		out = append(out, p[lang]...)
	}
	return out
}

// Markers are the phrases that say who a message is about and how old
// they are.
type Markers struct {
	// Me says the message is about the person typing ("laat me", "ik
	// moet"); FirstPerson are their words that say less ("ik", "mijn"),
	// which count only when nothing else says who it is about.
	Me          Phrases `yaml:"me"`
	FirstPerson Phrases `yaml:"first_person"`
	Other       Phrases `yaml:"other"`
	Prof        Phrases `yaml:"prof"`
	// Home: it happens at home or in the family.
	Home Phrases `yaml:"home"`
	// Minor and Adult say an age without a number ("minderjarig").
	Minor Phrases `yaml:"minor"`
	Adult Phrases `yaml:"adult"`
	// AgeBefore and AgeAfter are the words that make a number an age
	// when they stand right before it ("ik ben 15", "van 14") or right
	// after it ("15 jaar").
	AgeBefore Phrases `yaml:"age_before"`
	AgeAfter  Phrases `yaml:"age_after"`
	// Partner are the people whose age a number after "van"/"of" gives
	// rather than the age of the person the message is about: in "mijn
	// dochter heeft een vriend van 22" the 22 is the boyfriend's.
	Partner Phrases `yaml:"partner"`
	// Watched says someone reads along or is right there, so that the
	// person cannot talk now ("hij kijkt mee", "cant talk"): the answer
	// then says nothing telling and offers the quick exit first.
	Watched Phrases `yaml:"watched"`
	// Police and Worry together are a fear of the police or of being
	// punished ("bang dat de politie me oppakt"): not danger now, but a
	// question that deserves an honest answer and help that thinks along
	// anonymously, never the police first.
	Police Phrases `yaml:"police"`
	Worry  Phrases `yaml:"worry"`

	Line int `yaml:"-"`
}

// AgeAnswer names the options of an age question ("flow/state") that
// answer for someone under 18, 18 or older, or an age not given.
type AgeAnswer struct {
	State   string `yaml:"state"`
	Minor   string `yaml:"minor"`
	Adult   string `yaml:"adult"`
	Unknown string `yaml:"unknown"`

	Line int `yaml:"-"`
}

// Option returns the option id for an age.
func (a *AgeAnswer) Option(age Age) string {
	switch age {
	case AgeMinor:
		return a.Minor
	case AgeAdult:
		return a.Adult
	}
	return a.Unknown
}

// Addition is a line and contacts added to an answer.
type Addition struct {
	Text     string   `yaml:"text"`
	Contacts []string `yaml:"contacts"`

	Line int `yaml:"-"`
}

// Intent is one thing people mean when they type: someone in danger, a
// worry about sexual exploitation, a question for a phone number, a
// greeting. It is recognised by its examples and keywords (and, for
// danger, by hard rules) and leads to an answer.
type Intent struct {
	ID   string `yaml:"id"`
	Kind string `yaml:"kind"`
	// Examples are sentences people type, per language; a message like
	// one of them counts as this intent.
	Examples Phrases `yaml:"examples"`
	// Keywords are words or phrases that say this intent on their own,
	// wherever they stand in a message.
	Keywords Phrases `yaml:"keywords"`

	// Danger only. Rules are phrases that make a message a danger
	// message whatever else it says, unless one of Except overlaps the
	// match ("bang dat ik" is a worry, not fear right now). Signs are
	// weaker: each is a kind of sign (fear, a weapon, someone at the
	// door, the time is now). A firm kind is danger on its own; any
	// other makes danger with a second kind, or when it is not context
	// and the message says nothing else ("kan niet weg"). Plain are the
	// words that say nothing else ("ik", "echt", "nu"). An everyday word
	// ("huiswerk", "spinnen") takes one kind away and makes no kind firm:
	// fear of a test is no danger. Alone are messages
	// that are danger when they are all there is ("help", "hulp nodig");
	// Opening are cries that make a message danger when it begins with
	// them ("help, hij is dronken").
	Rules  Phrases `yaml:"rules"`
	Except Phrases `yaml:"except"`
	// VerbLast is for languages whose clauses may put the verb last
	// ("dat hij onderweg is", "die me blijft volgen"): in a language
	// listed, a rule or sign of two or three words also matches with its
	// first word moved back, unless that word is one listed for it
	// (words such as "voor" and "de" that keep their place).
	VerbLast Phrases `yaml:"verb_last"`
	// Determiners stand for each other in rules, signs and exceptions:
	// "voor de deur" also matches "voor mijn deur" and "voor zijn deur".
	Determiners Phrases `yaml:"determiners"`
	// Objects stand for each other in the same way: "laten me niet gaan"
	// also matches "laten haar niet gaan", "wont let me leave" also "wont
	// let her leave", for a message about someone else in danger.
	Objects  Phrases `yaml:"objects"`
	Signs    []*Sign `yaml:"signs"`
	Plain    Phrases `yaml:"plain"`
	Everyday Phrases `yaml:"everyday"`
	Alone    Phrases `yaml:"alone"`
	Opening  Phrases `yaml:"opening"`

	// Danger, question and chat: the answer's text and contacts, and for
	// a question a flow to go on in.
	Text     string    `yaml:"text"`
	Contacts []string  `yaml:"contacts"`
	Continue *Continue `yaml:"continue"`

	// Weight is added to the intent's score when intents compete for a
	// message: below zero for an intent that should only win when no
	// other comes close, such as "not sure what it is".
	Weight float64 `yaml:"weight"`
	// AtHome names the disclosure that answers instead when the message
	// says it happens at home or in the family; for an intent that names
	// no form of exploitation of its own.
	AtHome string `yaml:"at_home"`
	// Fallback names who (me, other, prof) this disclosure answers when
	// a message says it is about them and nothing else in it is
	// understood: a teacher who writes about a pupil is telling a
	// worry, even in words no example has.
	Fallback []string `yaml:"fallback"`

	// Disclosure: the answer for who the message is about.
	Me    *Answer `yaml:"me"`
	Other *Answer `yaml:"other"`
	Prof  *Answer `yaml:"prof"`

	Line int `yaml:"-"`
}

// Sign is one kind of sign of danger and the phrases that show it. A
// firm kind (fear, a weapon, someone at the door) is danger on its own
// unless the message is about everyday life; context signs (when, where,
// "anders") add to another sign but are never danger on their own; soft
// signs count only when the message tells no disclosure of its own
// ("bedreigd" is danger, "bedreigd met naaktfoto's" is about images).
type Sign struct {
	ID      string  `yaml:"id"`
	Firm    bool    `yaml:"firm"`
	Context bool    `yaml:"context"`
	Soft    bool    `yaml:"soft"`
	Phrases Phrases `yaml:"phrases"`

	Line int `yaml:"-"`
}

// Answer is what a disclosure leads to for one kind of person: a text,
// the contacts that fit, and where in the flows to go on.
type Answer struct {
	Text     string    `yaml:"text"`
	Contacts []string  `yaml:"contacts"`
	Continue *Continue `yaml:"continue"`

	Line int `yaml:"-"`
}

// Continue is a button that goes on in a flow: the conversation begins the
// flow afresh and presses Answers, option data "flow/state/option" one
// after the other, as the person would have; "*" as the option answers an
// age question with the age the message gave (see Ages). Signals are
// recorded first. Label is the button's text key.
type Continue struct {
	Flow    string   `yaml:"flow"`
	Answers []string `yaml:"answers"`
	Signals []string `yaml:"signals"`
	Label   string   `yaml:"label"`

	Line int `yaml:"-"`
}

// Answer returns the answer of a disclosure for who, or nil.
func (in *Intent) Answer(who string) *Answer {
	switch who {
	case WhoMe:
		return in.Me
	case WhoOther:
		return in.Other
	case WhoProf:
		return in.Prof
	}
	return nil
}

// Intent returns the intent with the given id, or nil.
func (u *Understanding) Intent(id string) *Intent { return u.byID[id] }

// byIDAll finds an intent by id before validation has indexed them all.
func (u *Understanding) byIDAll(id string) *Intent {
	for _, in := range u.Intents {
		if in.ID == id {
			return in
		}
	}
	return nil
}

// AgeQuestion returns the age answers of the question "flow/state", or nil.
func (u *Understanding) AgeQuestion(flow, state string) *AgeAnswer {
	for _, a := range u.Ages {
		if a.State == flow+"/"+state {
			return a
		}
	}
	return nil
}

// Meaning is what one typed message says, as far as it was understood. It
// holds no words of the message: only the intent, who it is about, an age
// group and the contacts it asks for or finds. The engine turns it into
// replies; only the intent's signals may ever be recorded.
type Meaning struct {
	// Intent is what the message means; nil when nothing was recognised.
	Intent *Intent
	// Danger is set when the message says someone is in danger now.
	// Intent is then the danger intent, and Topic what else the message
	// tells, if anything.
	Danger bool
	Topic  *Intent
	// Who is WhoMe, WhoOther or WhoProf, or empty when the message does
	// not say.
	Who  string
	Age  Age
	Home bool
	// Named are contacts the message asks for by name, Found those a
	// search of the message finds; both best first.
	Named []*Contact
	Found []*Contact
	// Lang is the language the message is written in, when its words say
	// so clearly; empty otherwise. It may be a language the content only
	// has a brief answer in (Content.Briefs).
	Lang string
	// Watched: someone reads along or is right there.
	Watched bool
	// Fear: a fear of the police or of being punished, not danger now.
	Fear bool
	// SwitchTo is the language the message asks to go on in, or "".
	SwitchTo string
	// SwitchOnly: asking for the language is about all the message
	// says ("kan het in het nederlands"), so nothing else is answered.
	SwitchOnly bool
}

// readUnderstanding reads understand.yaml when the content has one.
func (l *loader) readUnderstanding(fsys fs.FS) {
	if _, err := fs.Stat(fsys, understandFile); errors.Is(err, fs.ErrNotExist) {
		return
	}
	var u Understanding
	if l.decodeFile(fsys, understandFile, &u) {
		l.c.Understanding = &u
	}
}

// maxIntentID bounds an intent's id, so that the data of a button that
// goes on from it stays well within what any channel carries.
const maxIntentID = 24

// validateUnderstanding checks understand.yaml: every intent leads to
// contacts and states that exist, every language has every intent, and
// each answer only offers contacts meant for who it answers.
func (l *loader) validateUnderstanding() {
	u := l.c.Understanding
	if u == nil {
		return
	}
	f := understandFile
	for _, key := range []string{KeyUnclear, KeyOptGo, KeyOptBegin, KeySearchFound, KeySearchNone, KeySearchAll, KeyWatched, KeyWatchedDanger, KeyFear} {
		l.useText(f, 0, key)
	}
	if u.Threshold <= 0 || u.Threshold >= 1 {
		l.addf(f, 0, "threshold %v must be between 0 and 1", u.Threshold)
	}
	for from, to := range u.Spellings {
		ok := isWord(from) && len(strings.Fields(to)) > 0
		for _, w := range strings.Fields(to) {
			ok = ok && isWord(w)
		}
		if !ok {
			l.addf(f, 0, "spelling %q: %q must be a word and the word or words it stands for", from, to)
		}
	}
	for from, to := range u.Emoji {
		r, size := utf8.DecodeRuneInString(from)
		if size == 0 || size != len(from) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || !isWord(to) {
			l.addf(f, 0, "emoji %q: %q must be one symbol and the word it stands for", from, to)
		}
	}
	m := u.Markers
	for name, p := range map[string]Phrases{"me": m.Me, "first_person": m.FirstPerson, "other": m.Other, "prof": m.Prof, "home": m.Home,
		"minor": m.Minor, "adult": m.Adult, "age_before": m.AgeBefore, "age_after": m.AgeAfter, "partner": m.Partner,
		"watched": m.Watched, "police": m.Police, "worry": m.Worry} {
		l.checkPhrases(f, m.Line, "markers "+name, p, false)
	}
	if fa := u.Fear; fa != nil {
		for _, id := range append(append([]string(nil), fa.Contacts...), fa.Never...) {
			l.useContact(f, fa.Line, id)
		}
		for _, id := range fa.Contacts {
			if ct := l.c.Contacts[id]; ct != nil && !ct.For("jongeren") {
				l.addf(f, fa.Line, "fear offers contact %q, which is not for jongeren", id)
			}
		}
	}
	for to, p := range u.Switch {
		if !l.c.HasLang(to) {
			l.addf(f, 0, "switch names language %q, which the content does not have", to)
		}
		l.checkPhrases(f, 0, "switch "+to, p, false)
	}
	for _, a := range u.Ages {
		l.checkAgeAnswer(a)
	}
	if y := u.Young; y != nil {
		l.useText(f, y.Line, y.Text)
		for _, id := range y.Contacts {
			l.useContact(f, y.Line, id)
			if ct := l.c.Contacts[id]; ct != nil && !ct.For("jongeren") {
				l.addf(f, y.Line, "young offers contact %q, which is not for jongeren", id)
			}
		}
	}
	u.byID = map[string]*Intent{}
	kinds := map[string]bool{}
	for _, in := range u.Intents {
		at := func(format string, args ...any) { l.addf(f, in.Line, format, args...) }
		if prev, dup := u.byID[in.ID]; dup {
			at("intent %q is defined twice (first on line %d)", in.ID, prev.Line)
			continue
		}
		u.byID[in.ID] = in
		if !idPattern.MatchString(in.ID) || len(in.ID) > maxIntentID {
			at("intent id %q must be at most %d lower-case letters, digits, '-' or '_'", in.ID, maxIntentID)
		}
		if !slices.Contains(Kinds, in.Kind) {
			at("intent %q: kind %q is not one of %s", in.ID, in.Kind, strings.Join(Kinds, ", "))
			continue
		}
		kinds[in.Kind] = true
		l.checkPhrases(f, in.Line, fmt.Sprintf("intent %q examples", in.ID), in.Examples, in.Kind != KindDanger)
		l.checkPhrases(f, in.Line, fmt.Sprintf("intent %q keywords", in.ID), in.Keywords, false)
		danger := map[string]Phrases{"rules": in.Rules, "except": in.Except, "verb_last": in.VerbLast, "determiners": in.Determiners, "objects": in.Objects, "plain": in.Plain, "everyday": in.Everyday,
			"alone": in.Alone, "opening": in.Opening}
		for name, p := range danger {
			if in.Kind != KindDanger && len(p) > 0 {
				at("intent %q: only a danger intent has %s", in.ID, name)
			}
		}
		if in.Kind != KindDanger && len(in.Signs) > 0 {
			at("intent %q: only a danger intent has signs", in.ID)
		}
		if in.Kind == KindDanger {
			l.checkPhrases(f, in.Line, fmt.Sprintf("intent %q rules", in.ID), in.Rules, true)
			for _, name := range []string{"except", "verb_last", "determiners", "objects", "plain", "everyday", "alone", "opening"} {
				l.checkPhrases(f, in.Line, fmt.Sprintf("intent %q %s", in.ID, name), danger[name], false)
			}
			l.checkSigns(in)
		}
		for _, who := range in.Fallback {
			if in.Kind != KindDisclosure || WhoAudience[who] == "" {
				at("intent %q: fallback %q must name me, other or prof, in a disclosure", in.ID, who)
			}
		}
		if in.AtHome != "" {
			if to := u.byIDAll(in.AtHome); to == nil || to.Kind != KindDisclosure || in.Kind != KindDisclosure {
				at("intent %q: at_home %q must name a disclosure, from a disclosure", in.ID, in.AtHome)
			}
		}
		if in.Kind == KindDisclosure {
			if in.Text != "" || len(in.Contacts) > 0 || in.Continue != nil {
				at("intent %q: a disclosure answers in me, other and prof, not with its own text, contacts or continue", in.ID)
			}
			for _, who := range []string{WhoMe, WhoOther, WhoProf} {
				a := in.Answer(who)
				if a == nil {
					at("intent %q has no answer for %s", in.ID, who)
					continue
				}
				l.checkAnswer(in, who, a.Line, a.Text, a.Contacts, a.Continue)
			}
			continue
		}
		if in.Me != nil || in.Other != nil || in.Prof != nil {
			at("intent %q: only a disclosure answers in me, other and prof", in.ID)
		}
		if in.Kind == KindDanger && len(in.Contacts) == 0 {
			at("intent %q: a danger intent names its contacts, 112 first", in.ID)
		}
		if in.Kind != KindQuestion && in.Text == "" {
			at("intent %q has no text", in.ID)
		}
		if in.Kind != KindQuestion && in.Continue != nil {
			at("intent %q: only a question or a disclosure goes on in a flow", in.ID)
		}
		l.checkAnswer(in, "", in.Line, in.Text, in.Contacts, in.Continue)
	}
	if !kinds[KindDanger] {
		l.addf(f, 0, "no intent of kind danger: every message must be read for danger first")
	}
	l.warnAlike()
}

// maxSigns bounds the kinds of sign of danger, so that a message's kinds
// fit in one machine word.
const maxSigns = 64

// checkSigns checks the signs of a danger intent: each has an id of its
// own and phrases, and at least one kind is not context (else no sign
// could ever make a message danger).
func (l *loader) checkSigns(in *Intent) {
	if len(in.Signs) == 0 {
		return
	}
	if len(in.Signs) > maxSigns {
		l.addf(understandFile, in.Line, "intent %q has %d kinds of sign; at most %d", in.ID, len(in.Signs), maxSigns)
	}
	seen := map[string]bool{}
	core := false
	for _, s := range in.Signs {
		if s.ID == "" || seen[s.ID] {
			l.addf(understandFile, s.Line, "intent %q: sign %q needs an id of its own", in.ID, s.ID)
		}
		seen[s.ID] = true
		core = core || !s.Context
		if s.Firm && s.Context {
			l.addf(understandFile, s.Line, "intent %q: sign %q cannot be both firm and context", in.ID, s.ID)
		}
		l.checkPhrases(understandFile, s.Line, fmt.Sprintf("intent %q sign %q", in.ID, s.ID), s.Phrases, false)
		if len(s.Phrases.All(l.c.Langs)) == 0 {
			l.addf(understandFile, s.Line, "intent %q: sign %q has no phrases", in.ID, s.ID)
		}
	}
	if !core {
		l.addf(understandFile, in.Line, "intent %q: every sign is context; one at least must not be", in.ID)
	}
}

// checkAnswer checks the text, contacts and continue of an answer; who is
// empty for an intent that answers everyone alike.
func (l *loader) checkAnswer(in *Intent, who string, line int, text string, contacts []string, cont *Continue) {
	f := understandFile
	what := fmt.Sprintf("intent %q", in.ID)
	if who != "" {
		what += " " + who
	}
	if text != "" {
		l.useText(f, line, text)
	} else if who != "" {
		l.addf(f, line, "%s has no text", what)
	}
	for _, id := range contacts {
		l.useContact(f, line, id)
		ct := l.c.Contacts[id]
		if ct == nil || who == "" {
			continue
		}
		if aud := WhoAudience[who]; !ct.For(aud) {
			l.addf(f, line, "%s offers contact %q, which is not for %s", what, id, aud)
		}
	}
	if who != "" && len(contacts) == 0 {
		l.addf(f, line, "%s names no contact", what)
	}
	if cont != nil {
		l.checkContinue(what, cont)
	}
}

// checkContinue follows a continue's answers from the start of its flow:
// each must be an option of the question the one before led to.
func (l *loader) checkContinue(what string, cont *Continue) {
	file := understandFile
	at := func(format string, args ...any) { l.addf(file, cont.Line, format, args...) }
	if cont.Label != "" {
		l.useText(file, cont.Line, cont.Label)
		for _, lang := range l.c.Langs {
			if n := utf8.RuneCountInString(l.c.Texts[lang][cont.Label]); n > MaxLabelLen {
				at("%s: label in %s is %d characters; keep buttons to %d", what, lang, n, MaxLabelLen)
			}
		}
	}
	for _, sig := range cont.Signals {
		if !signalPattern.MatchString(sig) {
			at("%s: signal %q is not key=value", what, sig)
		}
	}
	fl := l.c.Flows[cont.Flow]
	if fl == nil {
		at("%s: unknown flow %q", what, cont.Flow)
		return
	}
	state := fl.State(fl.Start)
	for _, data := range cont.Answers {
		parts := strings.Split(data, "/")
		if len(parts) != 3 || parts[0] != fl.ID || state == nil || parts[1] != state.ID {
			at("%s: answer %q is not an option of %s/%s, where the answers before lead", what, data, fl.ID, idOf(state))
			return
		}
		ids := []string{parts[2]}
		if parts[2] == "*" {
			a := l.c.Understanding.AgeQuestion(fl.ID, state.ID)
			if a == nil {
				at("%s: answer %q: %s/%s is not an age question in ages", what, data, fl.ID, state.ID)
				return
			}
			ids = []string{a.Minor, a.Adult, a.Unknown}
		}
		var next string
		for _, id := range ids {
			o := optionOf(state, id)
			if o == nil {
				at("%s: answer %q: %s/%s has no option %q", what, data, fl.ID, state.ID, id)
				return
			}
			if o.Flow != "" {
				at("%s: answer %q leaves the flow; name the other flow in continue instead", what, data)
				return
			}
			if next != "" && o.Next != next {
				at("%s: answer %q: the age options of %s/%s lead to different states", what, data, fl.ID, state.ID)
				return
			}
			next = o.Next
		}
		state = fl.State(next)
		if state == nil || len(state.Branch) > 0 {
			at("%s: answer %q leads to %q, which is not a question; continue must end at a question", what, data, next)
			return
		}
	}
}

func optionOf(s *State, id string) *Option {
	for _, o := range s.Options {
		if o.ID == id {
			return o
		}
	}
	return nil
}

func idOf(s *State) string {
	if s == nil {
		return "?"
	}
	return s.ID
}

func (l *loader) checkAgeAnswer(a *AgeAnswer) {
	at := func(format string, args ...any) { l.addf(understandFile, a.Line, format, args...) }
	flow, state, _ := strings.Cut(a.State, "/")
	fl := l.c.Flows[flow]
	var st *State
	if fl != nil {
		st = fl.State(state)
	}
	if st == nil {
		at("ages: unknown state %q (write flow/state)", a.State)
		return
	}
	for _, id := range []string{a.Minor, a.Adult, a.Unknown} {
		if optionOf(st, id) == nil {
			at("ages: %s has no option %q", a.State, id)
		}
	}
}

// checkPhrases checks the syntax of phrases and, when required, that every
// language has some.
func (l *loader) checkPhrases(file string, line int, what string, p Phrases, required bool) {
	for lang, list := range p {
		if !l.c.HasLang(lang) {
			l.addf(file, line, "%s: unknown language %q", what, lang)
		}
		for _, phrase := range list {
			if msg := phraseProblem(phrase); msg != "" {
				l.addf(file, line, "%s: %q %s", what, phrase, msg)
			}
		}
	}
	if !required {
		return
	}
	for _, lang := range l.c.Langs {
		if len(p[lang]) == 0 {
			l.addf(file, line, "%s: none in %s; every language needs every intent", what, lang)
		}
	}
}

// phraseProblem says what is wrong with a phrase, or returns "".
func phraseProblem(phrase string) string {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return "is empty"
	}
	for _, w := range words {
		core := strings.Trim(w, "*")
		if strings.Contains(core, "*") {
			return "has '*' inside a word; it may only start or end one"
		}
		if core != w && utf8.RuneCountInString(core) < 3 {
			return "has a '*' word of fewer than three letters, which would match almost anything"
		}
	}
	return ""
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// alikeShare is how much two examples of different intents may share
// before lint warns: the share of the telling words of the shorter one
// that the longer one has as well.
const alikeShare = 0.8

// warnAlike warns when an example of one intent is nearly the same as an
// example of another: the two intents then compete for the same messages,
// and which one wins is luck.
func (l *loader) warnAlike() {
	type ex struct {
		intent, text string
		words        map[string]bool
	}
	var all []ex
	posting := map[string][]int{} // word -> examples that have it
	for _, in := range l.c.Understanding.Intents {
		for _, lang := range l.c.Langs {
			for _, e := range in.Examples[lang] {
				words := wordSet(e)
				for w := range words {
					posting[w] = append(posting[w], len(all))
				}
				all = append(all, ex{in.ID, e, words})
			}
		}
	}
	// Words that many examples have ("ik", "the", "moet") say nothing
	// about an intent: only the others are compared.
	common := func(w string) bool { return len(posting[w]) > max(3, len(all)/25) }
	size := make([]int, len(all))
	for i, e := range all {
		for w := range e.words {
			if !common(w) {
				size[i]++
			}
		}
	}
	// shared[j] counts the words example i has in common with example j;
	// going through the words' postings touches only examples that share
	// one, rather than every pair.
	shared := make([]int, len(all))
	seen := map[[2]string]bool{}
	for i, a := range all {
		clear(shared)
		for w := range a.words {
			if common(w) {
				continue
			}
			for _, j := range posting[w] {
				if j > i {
					shared[j]++
				}
			}
		}
		for j := i + 1; j < len(all); j++ {
			b := all[j]
			small := min(size[i], size[j])
			if a.intent == b.intent || small < 2 || float64(shared[j]) < alikeShare*float64(small) {
				continue
			}
			pair := [2]string{a.intent, b.intent}
			if seen[pair] {
				continue
			}
			seen[pair] = true
			l.warnings = append(l.warnings, Problem{File: understandFile, Line: l.intentLine(a.intent),
				Msg: fmt.Sprintf("intents %q and %q have examples that are too alike: %q and %q", a.intent, b.intent, a.text, b.text)})
		}
	}
}

func (l *loader) intentLine(id string) int {
	if in := l.c.Understanding.byID[id]; in != nil {
		return in.Line
	}
	return 0
}

// wordSet is the words of a sentence in lower case, for comparing
// examples; apostrophes inside words are dropped ("foto's" is "fotos").
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		w = strings.NewReplacer("'", "", "’", "").Replace(w)
		if w != "" {
			set[w] = true
		}
	}
	return set
}
