package understand

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"signaal/content"
)

// understandFile holds what the bot needs to read typed messages for their
// meaning. It is optional: content without it (such as a test's) has a bot
// that only follows buttons.
const understandFile = "understand.yaml"

// Load reads a content directory as content.Load does, and understand.yaml
// with it: decoded as strictly, checked against the flows, texts and
// contacts it refers to, and its problems in the same list as those of
// every other file, at file and line. The Understanding is nil when the
// directory has no understand.yaml.
func Load(fsys fs.FS) (*content.Content, *Understanding, error) {
	return LoadWith(fsys, content.Options{})
}

// LoadWith is Load with options.
func LoadWith(fsys fs.FS, o content.Options) (*content.Content, *Understanding, error) {
	return load(o, func(o content.Options) (*content.Content, error) { return content.LoadWith(fsys, o) })
}

// Default loads and checks the content embedded in the binary, with its
// understand.yaml.
func Default() (*content.Content, *Understanding, error) { return DefaultWith(content.Options{}) }

// DefaultWith is Default with options, such as the limits of the channel
// the content will be shown in.
func DefaultWith(o content.Options) (*content.Content, *Understanding, error) {
	return load(o, content.DefaultWith)
}

// load runs a content loader with understand.yaml as one of its parts.
func load(o content.Options, with func(content.Options) (*content.Content, error)) (*content.Content, *Understanding, error) {
	p, ms := &part{}, &messagesPart{}
	o.Parts = append(slices.Clip(o.Parts), p, ms)
	c, err := with(o)
	if err != nil {
		return nil, nil, err
	}
	if p.u != nil {
		p.u.Messages = ms.ms
	}
	return c, p.u, nil
}

// part is understand.yaml as a part of the content, which content.Load
// reads and checks with its own files.
type part struct {
	u *Understanding
}

var _ content.Part = (*part)(nil)

func (p *part) File() string { return understandFile }

func (p *part) Decode(k *content.Checker) {
	var u Understanding
	if k.Decode(&u) {
		p.u = &u
	}
}

// Validate checks understand.yaml: every intent leads to contacts and
// states that exist, every language has every intent, each answer only
// offers contacts meant for who it answers, and a danger answer shows 112
// first.
func (p *part) Validate(c *content.Content, k *content.Checker) {
	if p.u == nil {
		return
	}
	ck := &checker{c: c, k: k, u: p.u}
	ck.validate()
	ck.check112()
}

// checker checks one understand.yaml against the content it belongs to,
// and reports to k.
type checker struct {
	c *content.Content
	k *content.Checker
	u *Understanding
}

// maxIntentID bounds an intent's id, so that the data of a button that
// goes on from it stays well within what any channel carries.
const maxIntentID = 24

// validate checks the intents, their answers and phrases, and the tables
// beside them.
func (ck *checker) validate() {
	u := ck.u
	for _, key := range []string{content.KeyUnclear, content.KeyOptGo, content.KeyOptBegin, content.KeySearchFound, content.KeySearchNone, content.KeySearchAll, content.KeyWatched, content.KeyWatchedDanger, content.KeyFear} {
		ck.k.Text(0, key)
	}
	if u.Threshold <= 0 || u.Threshold >= 1 {
		ck.k.Errorf(0, "threshold %v must be between 0 and 1", u.Threshold)
	}
	for from, to := range u.Spellings {
		ok := isWord(from) && len(strings.Fields(to)) > 0
		for _, w := range strings.Fields(to) {
			ok = ok && isWord(w)
		}
		if !ok {
			ck.k.Errorf(0, "spelling %q: %q must be a word and the word or words it stands for", from, to)
		}
	}
	for from, to := range u.Emoji {
		r, size := utf8.DecodeRuneInString(from)
		if size == 0 || size != len(from) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || !isWord(to) {
			ck.k.Errorf(0, "emoji %q: %q must be one symbol and the word it stands for", from, to)
		}
	}
	m := u.Markers
	for name, p := range map[string]Phrases{"me": m.Me, "first_person": m.FirstPerson, "reflexive": m.Reflexive, "doubt": m.Doubt, "away": m.Away, "other": m.Other, "prof": m.Prof, "helped": m.Helped, "home": m.Home, "spouse": m.Spouse, "abroad": m.Abroad,
		"minor": m.Minor, "adult": m.Adult, "woman": m.Woman, "age_before": m.AgeBefore, "age_after": m.AgeAfter, "child": m.Child, "partner": m.Partner,
		"watched": m.Watched, "police": m.Police, "worry": m.Worry, "asks": m.Asks} {
		ck.checkPhrases(m.Line, "markers "+name, p, false)
	}
	if fa := u.Fear; fa != nil {
		// offers checks the contacts a fear's answer offers: they exist
		// and are for someone who may be young, as the fear is the
		// person's own.
		offers := func(line int, what string, ids []string) {
			for _, id := range ids {
				ck.k.Contact(line, id)
				if aud := ck.c.AudienceOf(WhoMe); ck.c.Contacts[id] != nil && !ck.c.Contacts[id].For(aud) {
					ck.k.Errorf(line, "%s offers contact %q, which is not for %s", what, id, aud)
				}
			}
		}
		offers(fa.Line, "fear", fa.Contacts)
		for _, id := range fa.Never {
			ck.k.Contact(fa.Line, id)
		}
		seen := map[string]bool{}
		for _, t := range fa.Topics {
			i := slices.IndexFunc(u.Intents, func(in *Intent) bool { return in.ID == t.Topic })
			switch {
			case i < 0 || u.Intents[i].Kind != KindDisclosure:
				ck.k.Errorf(t.Line, "fear topic %q is no intent of kind %s", t.Topic, KindDisclosure)
			case seen[t.Topic]:
				ck.k.Errorf(t.Line, "fear topic %q has two answers", t.Topic)
			}
			seen[t.Topic] = true
			ck.k.Text(t.Line, t.Text)
			if len(t.Contacts) == 0 {
				ck.k.Errorf(t.Line, "fear topic %q offers no contact", t.Topic)
			}
			offers(t.Line, fmt.Sprintf("fear topic %q", t.Topic), t.Contacts)
			for _, id := range t.Contacts {
				if slices.Contains(fa.Never, id) {
					ck.k.Errorf(t.Line, "fear topic %q offers contact %q, which a fear never shows", t.Topic, id)
				}
			}
		}
	}
	ck.checkPhrases(0, "means", u.Means, false)
	for to, p := range u.Switch {
		if !ck.c.HasLang(to) {
			ck.k.Errorf(0, "switch names language %q, which the content does not have", to)
		}
		ck.checkPhrases(0, "switch "+to, p, false)
	}
	for _, a := range u.Ages {
		ck.checkAgeAnswer(a)
	}
	if y := u.Young; y != nil {
		ck.k.Text(y.Line, y.Text)
		for _, id := range y.Contacts {
			ck.k.Contact(y.Line, id)
			if aud := ck.c.AudienceOf(WhoMe); ck.c.Contacts[id] != nil && !ck.c.Contacts[id].For(aud) {
				ck.k.Errorf(y.Line, "young offers contact %q, which is not for %s", id, aud)
			}
		}
	}
	for _, w := range Whos {
		if ck.c.AudienceOf(w) == "" && len(u.Intents) > 0 {
			ck.k.Errorf(0, "contacts.yaml has no audience for %q, whom the answers of understand.yaml are for", w)
		}
	}
	u.byID = map[string]*Intent{}
	kinds := map[string]bool{}
	for _, in := range u.Intents {
		at := func(format string, args ...any) { ck.k.Errorf(in.Line, format, args...) }
		if prev, dup := u.byID[in.ID]; dup {
			at("intent %q is defined twice (first on line %d)", in.ID, prev.Line)
			continue
		}
		u.byID[in.ID] = in
		if !content.IsID(in.ID) || len(in.ID) > maxIntentID {
			at("intent id %q must be at most %d lower-case letters, digits, '-' or '_'", in.ID, maxIntentID)
		}
		if !slices.Contains(Kinds, in.Kind) {
			at("intent %q: kind %q is not one of %s", in.ID, in.Kind, strings.Join(Kinds, ", "))
			continue
		}
		kinds[in.Kind] = true
		ck.checkPhrases(in.Line, fmt.Sprintf("intent %q examples", in.ID), in.Examples, in.Kind != KindDanger)
		ck.checkPhrases(in.Line, fmt.Sprintf("intent %q keywords", in.ID), in.Keywords, false)
		danger := map[string]Phrases{"rules": in.Rules, "except": in.Except, "verb_last": in.VerbLast, "determiners": in.Determiners, "objects": in.Objects, "plain": in.Plain, "everyday": in.Everyday, "routine": in.Routine,
			"light": in.Light, "alone": in.Alone, "opening": in.Opening}
		for name, p := range danger {
			if in.Kind != KindDanger && len(p) > 0 {
				at("intent %q: only a danger intent has %s", in.ID, name)
			}
		}
		if in.Kind != KindDanger && len(in.Signs) > 0 {
			at("intent %q: only a danger intent has signs", in.ID)
		}
		if in.Kind == KindDanger {
			ck.checkPhrases(in.Line, fmt.Sprintf("intent %q rules", in.ID), in.Rules, true)
			for _, name := range []string{"except", "verb_last", "determiners", "objects", "plain", "everyday", "routine", "light", "alone", "opening"} {
				ck.checkPhrases(in.Line, fmt.Sprintf("intent %q %s", in.ID, name), danger[name], false)
			}
			ck.checkSigns(in)
		}
		for _, who := range in.Fallback {
			if in.Kind != KindDisclosure || !slices.Contains(Whos, who) {
				at("intent %q: fallback %q must name me, other or prof, in a disclosure", in.ID, who)
			}
		}
		if in.AtHome != "" {
			if to := u.byIDAll(in.AtHome); to == nil || to.Kind != KindDisclosure || in.Kind != KindDisclosure {
				at("intent %q: at_home %q must name a disclosure, from a disclosure", in.ID, in.AtHome)
			}
		}
		if in.KeywordsAlone && in.Kind != KindChat {
			at("intent %q: keywords_alone is for small talk; the keywords of a %s count in any message", in.ID, in.Kind)
		}
		for field, id := range map[string]string{"at_home_minor": in.AtHomeMinor, "at_marriage": in.AtMarriage} {
			if id == "" {
				continue
			}
			if to := u.byIDAll(id); to == nil || to.Kind != KindDisclosure || in.Kind != KindDisclosure {
				at("intent %q: %s %q must name a disclosure, from a disclosure", in.ID, field, id)
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
				ck.checkAnswer(in, who, a.Line, a.Text, a.Contacts, a.Continue)
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
		ck.checkAnswer(in, "", in.Line, in.Text, in.Contacts, in.Continue)
	}
	if !kinds[KindDanger] {
		ck.k.Errorf(0, "no intent of kind danger: every message must be read for danger first")
	}
	ck.warnAlike()
}

// check112 makes sure that what a danger answer shows as 112 is 112: its
// first contact has phone 112, unless it is the emergency contact, whose
// phone content checks itself.
func (ck *checker) check112() {
	em := ck.c.Emergency()
	for _, in := range ck.u.Intents {
		if in.Kind != KindDanger || len(in.Contacts) == 0 {
			continue
		}
		ct, ok := ck.c.Contacts[in.Contacts[0]]
		if ok && ct.Phone != content.EmergencyPhone && (len(em) == 0 || em[0] != ct.ID) {
			ck.k.Errorf(in.Line, "intent %q: the first contact of a danger answer is the one for %s, but contact %q has phone %q", in.ID, content.EmergencyPhone, ct.ID, ct.Phone)
		}
	}
}

// maxSigns bounds the kinds of sign of danger, so that a message's kinds
// fit in one machine word.
const maxSigns = 64

// checkSigns checks the signs of a danger intent: each has an id of its
// own and phrases, and at least one kind is not context (else no sign
// could ever make a message danger).
func (ck *checker) checkSigns(in *Intent) {
	if len(in.Signs) == 0 {
		return
	}
	if len(in.Signs) > maxSigns {
		ck.k.Errorf(in.Line, "intent %q has %d kinds of sign; at most %d", in.ID, len(in.Signs), maxSigns)
	}
	seen := map[string]bool{}
	core := false
	for _, s := range in.Signs {
		if s.ID == "" || seen[s.ID] {
			ck.k.Errorf(s.Line, "intent %q: sign %q needs an id of its own", in.ID, s.ID)
		}
		seen[s.ID] = true
		core = core || !s.Context
		if s.Firm && s.Context {
			ck.k.Errorf(s.Line, "intent %q: sign %q cannot be both firm and context", in.ID, s.ID)
		}
		ck.checkPhrases(s.Line, fmt.Sprintf("intent %q sign %q", in.ID, s.ID), s.Phrases, false)
		if len(s.Phrases.All(ck.c.Langs)) == 0 {
			ck.k.Errorf(s.Line, "intent %q: sign %q has no phrases", in.ID, s.ID)
		}
	}
	if !core {
		ck.k.Errorf(in.Line, "intent %q: every sign is context; one at least must not be", in.ID)
	}
}

// checkAnswer checks the text, contacts and continue of an answer; who is
// empty for an intent that answers everyone alike.
func (ck *checker) checkAnswer(in *Intent, who string, line int, text string, contacts []string, cont *Continue) {
	what := fmt.Sprintf("intent %q", in.ID)
	if who != "" {
		what += " " + who
	}
	if text != "" {
		ck.k.Text(line, text)
	} else if who != "" {
		ck.k.Errorf(line, "%s has no text", what)
	}
	for _, id := range contacts {
		ck.k.Contact(line, id)
		ct := ck.c.Contacts[id]
		if ct == nil || who == "" {
			continue
		}
		if aud := ck.c.AudienceOf(who); !ct.For(aud) {
			ck.k.Errorf(line, "%s offers contact %q, which is not for %s", what, id, aud)
		}
	}
	if who != "" && len(contacts) == 0 {
		ck.k.Errorf(line, "%s names no contact", what)
	}
	if cont != nil {
		ck.checkContinue(what, cont)
	}
}

// checkContinue follows a continue's answers from the start of its flow:
// each must be an option of the question the one before led to.
func (ck *checker) checkContinue(what string, cont *Continue) {
	at := func(format string, args ...any) { ck.k.Errorf(cont.Line, format, args...) }
	if cont.Label != "" {
		ck.k.Text(cont.Line, cont.Label)
		for _, lang := range ck.c.Langs {
			if n := utf8.RuneCountInString(ck.c.Texts[lang][cont.Label]); n > content.MaxLabelLen {
				at("%s: label in %s is %d characters; keep buttons to %d", what, lang, n, content.MaxLabelLen)
			}
		}
	}
	for _, sig := range cont.Signals {
		if !content.IsSignal(sig) {
			at("%s: signal %q is not key=value", what, sig)
		}
	}
	fl := ck.c.Flows[cont.Flow]
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
			a := ck.u.AgeQuestion(fl.ID, state.ID)
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

func optionOf(s *content.State, id string) *content.Option {
	for _, o := range s.Options {
		if o.ID == id {
			return o
		}
	}
	return nil
}

func idOf(s *content.State) string {
	if s == nil {
		return "?"
	}
	return s.ID
}

func (ck *checker) checkAgeAnswer(a *AgeAnswer) {
	at := func(format string, args ...any) { ck.k.Errorf(a.Line, format, args...) }
	flow, state, _ := strings.Cut(a.State, "/")
	fl := ck.c.Flows[flow]
	var st *content.State
	if fl != nil {
		st = fl.State(state)
	}
	if st == nil {
		at("ages: unknown state %q (write flow/state)", a.State)
		return
	}
	if a.Continue != nil {
		if a.Minor != "" || a.Adult != "" || a.Unknown != "" {
			at("ages: %s goes on with continue or answers with options, not both", a.State)
		}
		ck.checkContinue("ages "+a.State, a.Continue)
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
func (ck *checker) checkPhrases(line int, what string, p Phrases, required bool) {
	for lang, list := range p {
		if !ck.c.HasLang(lang) {
			ck.k.Errorf(line, "%s: unknown language %q", what, lang)
		}
		for _, phrase := range list {
			if msg := phraseProblem(phrase); msg != "" {
				ck.k.Errorf(line, "%s: %q %s", what, phrase, msg)
			}
		}
	}
	if !required {
		return
	}
	for _, lang := range ck.c.Langs {
		if len(p[lang]) == 0 {
			ck.k.Errorf(line, "%s: none in %s; every language needs every intent", what, lang)
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
func (ck *checker) warnAlike() {
	type ex struct {
		intent, text string
		words        map[string]bool
	}
	var all []ex
	posting := map[string][]int{} // word -> examples that have it
	for _, in := range ck.u.Intents {
		for _, lang := range ck.c.Langs {
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
			ck.k.Warnf(ck.intentLine(a.intent), "intents %q and %q have examples that are too alike: %q and %q", a.intent, b.intent, a.text, b.text)
		}
	}
}

func (ck *checker) intentLine(id string) int {
	if in := ck.u.byID[id]; in != nil {
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
