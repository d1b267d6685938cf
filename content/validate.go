package content

import (
	"errors"
	"fmt"
	"regexp"
	"time"
	"unicode/utf16"
)

// Telegram's limits, which every channel has to live with because Telegram
// is the strictest one we serve.
const (
	MaxTextLen      = 4096 // characters of one message (UTF-16 code units)
	MaxCallbackData = 64   // bytes of the data behind an inline button
	// StaleAfter is how old a contact's check date may be before lint warns.
	StaleAfter = 365 * 24 * time.Hour
)

// OptionData is the data a channel sends back when an option is chosen. It
// names the flow and state, so that a press on an old button can be told
// apart from a press on the current question.
func OptionData(flow, state, option string) string {
	return flow + "/" + state + "/" + option
}

var (
	idPattern     = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	signalPattern = regexp.MustCompile(`^[a-z0-9_]+=[a-z0-9_]+$`)
)

// now is the clock for the check-date warning; tests replace it.
var now = time.Now

func (l *loader) validate() {
	for _, key := range systemKeys {
		l.useText("texts", 0, key)
	}
	l.validateContacts()
	for _, id := range l.c.FlowOrder {
		l.validateFlow(l.c.Flows[id])
	}
	l.checkTranslations()
	l.checkLen(contactsFile, 0, "the emergency answer", KeyEmergency, l.c.emergency)
	l.checkLen(contactsFile, 0, "the safety card", KeyUnavailable, l.c.safety)
}

func (l *loader) validateContacts() {
	for _, id := range l.c.ContactOrder {
		ct := l.c.Contacts[id]
		at := func(format string, args ...any) { l.addf(contactsFile, ct.Line, format, args...) }
		if !idPattern.MatchString(ct.ID) {
			at("contact id %q must be lower-case letters, digits, '-' or '_'", ct.ID)
		}
		if ct.Name == "" {
			at("contact %q has no name", ct.ID)
		}
		if ct.Phone == "" && ct.Web == "" && ct.Chat == "" && ct.Email == "" {
			at("contact %q has no phone, web, chat or e-mail", ct.ID)
		}
		if ct.Source == "" {
			at("contact %q names no source document", ct.ID)
		}
		checked, err := time.Parse(time.DateOnly, ct.Checked)
		switch {
		case err != nil:
			at("contact %q: checked %q is not a date (YYYY-MM-DD)", ct.ID, ct.Checked)
		case now().Sub(checked) > StaleAfter:
			l.warnings = append(l.warnings, Problem{File: contactsFile, Line: ct.Line,
				Msg: fmt.Sprintf("contact %q was last checked on %s, more than a year ago", ct.ID, ct.Checked)})
		}
	}
	for _, list := range [][]string{l.c.emergency, l.c.safety} {
		for _, id := range list {
			l.useContact(contactsFile, 0, id)
		}
	}
	if len(l.c.emergency) == 0 {
		l.addf(contactsFile, 0, "emergency lists no contact")
	}
	if len(l.c.safety) == 0 {
		l.addf(contactsFile, 0, "safety lists no contact")
	}
}

func (l *loader) validateFlow(f *Flow) {
	file := f.File
	if !idPattern.MatchString(f.ID) {
		l.addf(file, 1, "flow id %q must be lower-case letters, digits, '-' or '_'", f.ID)
	}
	f.byID = make(map[string]*State, len(f.States))
	for _, s := range f.States {
		if prev, dup := f.byID[s.ID]; dup {
			l.addf(file, s.Line, "state %q is defined twice (first on line %d)", s.ID, prev.Line)
			continue
		}
		if !idPattern.MatchString(s.ID) {
			l.addf(file, s.Line, "state id %q must be lower-case letters, digits, '-' or '_'", s.ID)
		}
		f.byID[s.ID] = s
	}
	if f.byID[f.Start] == nil {
		l.addf(file, 1, "start state %q does not exist", f.Start)
	}
	for _, s := range f.States {
		l.validateState(f, s)
	}
	// Every state must be reachable from the start, or it is dead content
	// that nobody will ever read.
	seen := map[string]bool{}
	queue := []string{f.Start}
	for len(queue) > 0 {
		s := f.byID[queue[0]]
		queue = queue[1:]
		if s == nil || seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		for _, o := range s.Options {
			if o.Next != "" {
				queue = append(queue, o.Next)
			}
		}
		for _, b := range s.Branch {
			queue = append(queue, b.Next)
		}
	}
	for _, s := range f.States {
		if !seen[s.ID] && f.byID[f.Start] != nil {
			l.addf(file, s.Line, "state %q is unreachable from start %q", s.ID, f.Start)
		}
	}
}

func (l *loader) validateState(f *Flow, s *State) {
	file := f.File
	switch {
	case len(s.Branch) > 0:
		if s.Text != "" || len(s.Options) > 0 || s.End || len(s.Contacts) > 0 {
			l.addf(file, s.Line, "state %q: a branch state has only branch rules", s.ID)
		}
		for i, b := range s.Branch {
			l.checkTarget(f, b.Line, s.ID, b.Next)
			for _, sig := range b.If {
				if !signalPattern.MatchString(sig) {
					l.addf(file, b.Line, "state %q: condition %q is not key=value", s.ID, sig)
				}
			}
			if last := i == len(s.Branch)-1; last != (len(b.If) == 0) {
				l.addf(file, b.Line, "state %q: only the last branch rule, and it always, has no 'if'", s.ID)
			}
		}
		return
	case s.Text == "":
		l.addf(file, s.Line, "state %q has no text", s.ID)
	default:
		l.useText(file, s.Line, s.Text)
	}
	if len(s.Options) == 0 && !s.End {
		l.addf(file, s.Line, "state %q is a dead end: no options and not marked 'end: true'", s.ID)
	}
	if s.End && len(s.Contacts) == 0 {
		l.addf(file, s.Line, "ending %q names no contact", s.ID)
	}
	if !s.End && len(s.Contacts) > 0 {
		// Contacts are only shown on endings; elsewhere they would be lost.
		l.addf(file, s.Line, "state %q lists contacts but is not an ending", s.ID)
	}
	for _, id := range s.Contacts {
		l.useContact(file, s.Line, id)
	}
	l.checkLen(file, s.Line, fmt.Sprintf("state %q", s.ID), s.Text, s.Contacts)
	optIDs := map[string]int{}
	for _, o := range s.Options {
		if prev, dup := optIDs[o.ID]; dup {
			l.addf(file, o.Line, "state %q: option %q is defined twice (first on line %d)", s.ID, o.ID, prev)
		}
		optIDs[o.ID] = o.Line
		if !idPattern.MatchString(o.ID) {
			l.addf(file, o.Line, "option id %q must be lower-case letters, digits, '-' or '_'", o.ID)
		}
		if data := OptionData(f.ID, s.ID, o.ID); len(data) > MaxCallbackData {
			l.addf(file, o.Line, "option data %q is %d bytes; Telegram allows %d", data, len(data), MaxCallbackData)
		}
		if o.Label == "" {
			l.addf(file, o.Line, "option %q has no label", o.ID)
		} else {
			l.useText(file, o.Line, o.Label)
		}
		if o.Signal != "" && !signalPattern.MatchString(o.Signal) {
			l.addf(file, o.Line, "option %q: signal %q is not key=value", o.ID, o.Signal)
		}
		switch {
		case (o.Next == "") == (o.Flow == ""):
			l.addf(file, o.Line, "option %q needs exactly one of 'next' or 'flow'", o.ID)
		case o.Flow != "":
			if to := l.c.Flows[o.Flow]; to == nil {
				l.addf(file, o.Line, "option %q: unknown flow %q", o.ID, o.Flow)
			}
		default:
			l.checkTarget(f, o.Line, s.ID, o.Next)
		}
	}
}

func (l *loader) checkTarget(f *Flow, line int, from, to string) {
	if f.byID[to] == nil {
		l.addf(f.File, line, "state %q: unknown target state %q", from, to)
	}
}

// useText reports a key that the default language does not define; other
// languages are compared with it as a whole in checkTranslations.
func (l *loader) useText(file string, line int, key string) {
	if _, ok := l.c.Texts[DefaultLang][key]; !ok {
		l.addf(file, line, "missing text key %q in %s/%s.yaml", key, textsDir, DefaultLang)
	}
}

func (l *loader) useContact(file string, line int, id string) {
	if _, ok := l.c.Contacts[id]; !ok {
		l.addf(file, line, "unknown contact %q", id)
	}
}

// checkTranslations reports keys that one language has and another lacks,
// so that no language silently shows another's words.
func (l *loader) checkTranslations() {
	defFile := fmt.Sprintf("%s/%s.yaml", textsDir, DefaultLang)
	for _, lang := range l.c.Langs[1:] {
		file := fmt.Sprintf("%s/%s.yaml", textsDir, lang)
		for key, line := range l.textLines[DefaultLang] {
			if _, ok := l.c.Texts[lang][key]; !ok {
				l.addf(defFile, line, "text %q has no translation in %s", key, file)
			}
		}
		for key, line := range l.textLines[lang] {
			if _, ok := l.c.Texts[DefaultLang][key]; !ok {
				l.addf(file, line, "text %q has no original in %s", key, defFile)
			}
		}
	}
}

// checkLen reports a message, text plus contact cards, that is too long for
// one Telegram message in some language.
func (l *loader) checkLen(file string, line int, what, key string, contacts []string) {
	for _, lang := range l.c.Langs {
		text, ok := l.c.Texts[lang][key]
		if !ok {
			continue
		}
		if len(contacts) > 0 {
			text += "\n\n" + l.c.Cards(lang, contacts)
		}
		if n := len(utf16.Encode([]rune(text))); n > MaxTextLen {
			where := line
			if tl := l.textLines[lang][key]; where == 0 && tl > 0 {
				where = tl
			}
			l.addf(file, where, "%s in %s is %d characters; Telegram allows %d", what, lang, n, MaxTextLen)
		}
	}
}

// Lint is Load for content editors: the problems that stop the bot and the
// warnings that do not, as lines of text.
func Lint(c *Content, err error) (lines []string, ok bool) {
	if err != nil {
		var ps Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				lines = append(lines, "error: "+p.String())
			}
		} else {
			lines = append(lines, "error: "+err.Error())
		}
		return lines, false
	}
	for _, w := range c.Warnings {
		lines = append(lines, "warning: "+w.String())
	}
	return lines, true
}
