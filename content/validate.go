package content

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Limits are what a channel can carry. The channel sets them (the Telegram
// channel's are telegram.Limits); content itself knows no messenger and
// keeps them with what it loaded (Content.Limits), and the engine checks
// every reply it renders against them when it is built, so that a question
// that does not fit is a problem at file:line rather than a message that
// fails to send. The zero Limits checks nothing.
type Limits struct {
	// Channel names the channel in problems ("Telegram allows 64").
	Channel string
	// MaxText bounds one message, as TextLen counts it.
	MaxText int
	TextLen func(string) int
	// MaxOptionData bounds the bytes of the data behind an option.
	MaxOptionData int
}

const (
	// MaxLabelLen is the longest option label, in characters: a button
	// on a phone shows little more before it cuts the label off.
	MaxLabelLen = 40
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
	keyPattern    = regexp.MustCompile(`^[a-z0-9_]+$`)
	clockPattern  = regexp.MustCompile(`^([01][0-9]|2[0-3]):([0-5][0-9])$`)
)

// IsID reports whether s has the form of an id in the content: lower-case
// letters, digits, '-' and '_', starting with a letter or digit.
func IsID(s string) bool { return idPattern.MatchString(s) }

// IsSignal reports whether s has the form of a signal an option records:
// key=value, each of lower-case letters, digits and '_'.
func IsSignal(s string) bool { return signalPattern.MatchString(s) }

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

func (l *loader) validate() {
	for _, key := range systemKeys {
		l.useText("texts", 0, key)
	}
	for _, key := range l.keys {
		l.useText("texts", 0, key)
	}
	l.validateContacts()
	for _, id := range l.c.FlowOrder {
		l.validateFlow(l.c.Flows[id])
	}
	l.checkTranslations()
	l.checkAudiences()
	l.validateParts()
	l.validateBriefs()
	l.checkEmergencyPhone()
	l.checkGlobalLabels()
	l.checkCarries112()
	if l.c.Search != nil {
		for _, key := range []string{KeySearchFound, KeySearchNone, KeySearchAll} {
			l.useText(searchFile, 0, key)
		}
		for i, group := range l.c.Search.Synonyms {
			if len(group) < 2 {
				l.addf(searchFile, 0, "synonym group %d has fewer than two words", i+1)
			}
		}
	}
}

func (l *loader) validateContacts() {
	ids, whos := map[string]bool{}, map[string]bool{}
	for _, a := range l.c.audiences {
		switch {
		case !idPattern.MatchString(a.ID):
			l.addf(contactsFile, a.Line, "audience id %q must be lower-case letters, digits, '-' or '_'", a.ID)
		case a.Who == "":
			l.addf(contactsFile, a.Line, "audience %q: say who a message is about when it is for them (who)", a.ID)
		case ids[a.ID] || whos[a.Who]:
			l.addf(contactsFile, a.Line, "audience %q (who %s) is given twice", a.ID, a.Who)
		}
		ids[a.ID], whos[a.Who] = true, true
	}
	aliasOf := map[string]string{}
	for _, id := range l.c.ContactOrder {
		ct := l.c.Contacts[id]
		at := func(format string, args ...any) { l.addf(contactsFile, ct.Line, format, args...) }
		for _, a := range ct.Aliases {
			// An alias asks for its contact by name, so it must say one
			// contact only.
			key := NormaliseLabel(a)
			switch {
			case key == "":
				at("contact %q: an empty alias", ct.ID)
			case aliasOf[key] != "":
				at("contact %q: alias %q is also %q's", ct.ID, a, aliasOf[key])
			default:
				aliasOf[key] = ct.ID
			}
		}
		if !idPattern.MatchString(ct.ID) {
			at("contact id %q must be lower-case letters, digits, '-' or '_'", ct.ID)
		}
		if ct.Name == "" {
			at("contact %q has no name", ct.ID)
		}
		if ct.Phone == "" && ct.Web == "" && ct.Chat == "" && ct.Email == "" && ct.Address == "" {
			at("contact %q has no phone, web, chat or e-mail", ct.ID)
		}
		if ct.Source == "" && len(ct.Sources) == 0 {
			at("contact %q names no source document", ct.ID)
		}
		for _, src := range ct.Sources {
			if src == "" {
				at("contact %q: an empty entry in sources", ct.ID)
			}
		}
		for _, a := range ct.Audience {
			if ids := l.c.AudienceIDs(); !slices.Contains(ids, a) {
				at("contact %q: unknown audience %q (use %s)", ct.ID, a, strings.Join(ids, ", "))
			}
		}
		for field, m := range map[string]map[string]string{"about": ct.About, "hours": ct.Hours} {
			if len(m) == 0 {
				continue
			}
			for _, lang := range l.c.Langs {
				if m[lang] == "" {
					at("contact %q: %s has no %s text", ct.ID, field, lang)
				}
			}
		}
		if ct.Address != "" {
			l.useText(contactsFile, ct.Line, KeyCardAddress)
		}
		l.checkReach(ct)
		l.validateCategory(ct)
		l.validateSchedule(ct)
		checked, err := time.Parse(time.DateOnly, ct.Checked)
		switch {
		case err != nil:
			at("contact %q: checked %q is not a date (YYYY-MM-DD)", ct.ID, ct.Checked)
		case l.now.Sub(checked) > StaleAfter:
			l.warnings = append(l.warnings, Problem{File: contactsFile, Line: ct.Line,
				Msg: fmt.Sprintf("contact %q was last checked on %s, more than a year ago", ct.ID, ct.Checked)})
		}
	}
	for _, list := range [][]string{l.c.emergency, l.c.safety} {
		for _, id := range list {
			l.useContact(contactsFile, 0, id)
		}
	}
	for _, cat := range l.c.Categories {
		if !idPattern.MatchString(cat.ID) {
			l.addf(contactsFile, cat.Line, "category id %q must be lower-case letters, digits, '-' or '_'", cat.ID)
		}
		l.useText(contactsFile, cat.Line, cat.Title)
	}
	if len(l.c.emergency) == 0 {
		l.addf(contactsFile, 0, "emergency lists no contact")
	}
	if len(l.c.safety) == 0 {
		l.addf(contactsFile, 0, "safety lists no contact")
	}
}

// validateCategory checks that a contact names a category of the list,
// when the content has one.
func (l *loader) validateCategory(ct *Contact) {
	if len(l.c.Categories) == 0 {
		if ct.Category != "" {
			l.addf(contactsFile, ct.Line, "contact %q: category %q, but contacts.yaml lists no categories", ct.ID, ct.Category)
		}
		return
	}
	for _, cat := range l.c.Categories {
		if cat.ID == ct.Category {
			return
		}
	}
	if ct.Category == "" {
		l.addf(contactsFile, ct.Line, "contact %q names no category", ct.ID)
		return
	}
	l.addf(contactsFile, ct.Line, "contact %q: unknown category %q", ct.ID, ct.Category)
}

// validateSchedule checks machine-readable opening hours and prepares them
// for OpenAt.
func (l *loader) validateSchedule(ct *Contact) {
	for _, id := range ct.Alt {
		alt, ok := l.c.Contacts[id]
		switch {
		case !ok:
			l.addf(contactsFile, ct.Line, "contact %q: unknown alt contact %q", ct.ID, id)
		case !alt.Always:
			l.addf(contactsFile, ct.Line, "contact %q: alt contact %q is not marked 'always: true'", ct.ID, id)
		}
	}
	s := ct.Open
	if s == nil {
		if len(ct.Alt) > 0 {
			l.addf(contactsFile, ct.Line, "contact %q has alt contacts but no opening hours (open)", ct.ID)
		}
		return
	}
	at := func(format string, args ...any) { l.addf(contactsFile, s.Line, format, args...) }
	l.useText(contactsFile, s.Line, KeyOpenNow)
	l.useText(contactsFile, s.Line, KeyClosedNow)
	if len(ct.Hours) == 0 {
		at("contact %q: opening hours (open) without hours to show", ct.ID)
	}
	if len(ct.Alt) == 0 {
		at("contact %q: opening hours (open) but no alt contact for when it is closed", ct.ID)
	}
	if len(s.Days) == 0 {
		at("contact %q: open lists no days", ct.ID)
	}
	for _, d := range s.Days {
		wd, ok := weekdays[d]
		if !ok {
			at("contact %q: open day %q is not one of mon, tue, wed, thu, fri, sat, sun", ct.ID, d)
			continue
		}
		s.days[wd] = true
	}
	clock := func(v string) int {
		m := clockPattern.FindStringSubmatch(v)
		if m == nil {
			at("contact %q: open time %q is not HH:MM", ct.ID, v)
			return -1
		}
		return (int(m[1][0]-'0')*10+int(m[1][1]-'0'))*60 + int(m[2][0]-'0')*10 + int(m[2][1]-'0')
	}
	s.from, s.until = clock(s.From), clock(s.Until)
	if s.from >= 0 && s.until >= 0 && s.from >= s.until {
		at("contact %q: open from %s is not before until %s", ct.ID, s.From, s.Until)
	}
}

func (l *loader) validateFlow(f *Flow) {
	file := f.File
	if !idPattern.MatchString(f.ID) {
		l.addf(file, 1, "flow id %q must be lower-case letters, digits, '-' or '_'", f.ID)
	}
	for _, a := range f.Audience {
		if ids := l.c.AudienceIDs(); !slices.Contains(ids, a) {
			l.addf(file, 1, "flow %q: unknown audience %q (use %s)", f.ID, a, strings.Join(ids, ", "))
		}
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
	switch start := f.byID[f.Start]; {
	case start == nil:
		l.addf(file, 1, "start state %q does not exist", f.Start)
	case len(start.Branch) > 0:
		// The engine shows the start state as it is when a conversation
		// begins, without following branch rules.
		l.addf(file, 1, "start state %q is a branch state; a flow must start with a question or an ending", f.Start)
	}
	for _, s := range f.States {
		l.validateState(f, s)
	}
}

func (l *loader) validateState(f *Flow, s *State) {
	file := f.File
	switch {
	case len(s.Branch) > 0:
		if s.Text != "" || len(s.Options) > 0 || s.End || len(s.Contacts) > 0 || len(s.Report) > 0 || len(s.When) > 0 {
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
	l.validateWhen(f, s)
	if len(s.Report) == 0 && (s.ReportDate != "" || s.ReportEnd != "") {
		l.addf(file, s.Line, "state %q: report_date and report_end belong to a report", s.ID)
	}
	for _, key := range []string{s.ReportDate, s.ReportEnd} {
		if key != "" {
			l.useText(file, s.Line, key)
		}
	}
	if len(s.Report) > 0 {
		l.useText(file, s.Line, KeyReportNone)
		if s.End {
			// The report stands under the question text; an ending's
			// contact cards would come between.
			l.addf(file, s.Line, "state %q: an ending cannot have a report", s.ID)
		}
	}
	for _, r := range s.Report {
		if !keyPattern.MatchString(r.Signal) {
			l.addf(file, r.Line, "state %q: report signal %q must be a signal key", s.ID, r.Signal)
		}
		if r.Label == "" {
			l.addf(file, r.Line, "state %q: report item %q has no label", s.ID, r.Signal)
		} else {
			l.useText(file, r.Line, r.Label)
		}
	}
	optIDs := map[string]int{}
	for _, o := range s.Options {
		if prev, dup := optIDs[o.ID]; dup {
			l.addf(file, o.Line, "state %q: option %q is defined twice (first on line %d)", s.ID, o.ID, prev)
		}
		optIDs[o.ID] = o.Line
		if !idPattern.MatchString(o.ID) {
			l.addf(file, o.Line, "option id %q must be lower-case letters, digits, '-' or '_'", o.ID)
		}
		if o.Label == "" {
			l.addf(file, o.Line, "option %q has no label", o.ID)
		} else {
			l.useText(file, o.Line, o.Label)
		}
		if o.Signal != "" && !signalPattern.MatchString(o.Signal) {
			l.addf(file, o.Line, "option %q: signal %q is not key=value", o.ID, o.Signal)
		}
		for _, sig := range o.Also {
			if !signalPattern.MatchString(sig) {
				l.addf(file, o.Line, "option %q: signal %q is not key=value", o.ID, sig)
			}
		}
		switch {
		case o.Leave != "":
			if o.Next != "" || o.Flow != "" || o.Signal != "" || len(o.Also) > 0 {
				l.addf(file, o.Line, "option %q leaves: it has no 'next', 'flow' or signals, as nothing of the conversation is kept", o.ID)
			}
			l.useText(file, o.Line, o.Leave)
		case (o.Next == "") == (o.Flow == ""):
			l.addf(file, o.Line, "option %q needs exactly one of 'next', 'flow' or 'leave'", o.ID)
		case o.Flow != "":
			if to := l.c.Flows[o.Flow]; to == nil {
				l.addf(file, o.Line, "option %q: unknown flow %q", o.ID, o.Flow)
			}
		default:
			l.checkTarget(f, o.Line, s.ID, o.Next)
		}
	}
}

// validateWhen checks an ending's When rules: each needs signals to test
// and something to add, and only an ending has them.
func (l *loader) validateWhen(f *Flow, s *State) {
	if len(s.When) > 0 && !s.End {
		l.addf(f.File, s.Line, "state %q: only an ending has 'when' rules", s.ID)
	}
	for _, w := range s.When {
		if len(w.If) == 0 {
			// A rule that always holds is the ending's own text and contacts.
			l.addf(f.File, w.Line, "state %q: a 'when' rule needs 'if'", s.ID)
		}
		for _, sig := range w.If {
			if !signalPattern.MatchString(sig) {
				l.addf(f.File, w.Line, "state %q: condition %q is not key=value", s.ID, sig)
			}
		}
		if w.Text == "" && len(w.Contacts) == 0 {
			l.addf(f.File, w.Line, "state %q: a 'when' rule adds neither text nor contacts", s.ID)
		}
		if w.Text != "" {
			l.useText(f.File, w.Line, w.Text)
		}
		for _, id := range w.Contacts {
			l.useContact(f.File, w.Line, id)
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

// ReportLine is one line of a report.
func ReportLine(label, answer string) string { return "- " + label + ": " + answer }

// checkAudiences makes sure nobody is offered a contact that is not for
// them: every ending offers only contacts that serve everyone its flow is
// for, where a flow without an audience of its own is for everyone whose
// flows lead to it; and the emergency answer and the safety card, which
// everyone sees, offer only contacts for every audience the flows name.
func (l *loader) checkAudiences() {
	aud := map[string]map[string]bool{} // flow -> audiences
	var queue []string
	all := map[string]bool{}
	for _, id := range l.c.FlowOrder {
		if f := l.c.Flows[id]; len(f.Audience) > 0 {
			aud[id] = map[string]bool{}
			for _, a := range f.Audience {
				aud[id][a] = true
				all[a] = true
			}
			queue = append(queue, id)
		}
	}
	for len(queue) > 0 {
		from := l.c.Flows[queue[0]]
		queue = queue[1:]
		for _, s := range from.States {
			for _, o := range s.Options {
				to, ok := l.c.Flows[o.Flow]
				if !ok || len(to.Audience) > 0 {
					continue
				}
				if aud[to.ID] == nil {
					aud[to.ID] = map[string]bool{}
				}
				grew := false
				for a := range aud[from.ID] {
					if !aud[to.ID][a] {
						aud[to.ID][a], grew = true, true
					}
				}
				if grew {
					queue = append(queue, to.ID)
				}
			}
		}
	}
	for _, id := range l.c.FlowOrder {
		f := l.c.Flows[id]
		for _, s := range f.States {
			for _, cid := range s.AllContacts() {
				ct, ok := l.c.Contacts[cid]
				if !ok {
					continue
				}
				for _, a := range l.c.AudienceIDs() {
					if aud[id][a] && !ct.For(a) {
						l.addf(f.File, s.Line, "state %q: flow %q is for %s, but contact %q is not (audience %s)",
							s.ID, id, a, cid, strings.Join(ct.Audience, ", "))
					}
				}
			}
		}
	}
	for _, list := range []struct {
		what string
		ids  []string
	}{{"emergency", l.c.emergency}, {"safety", l.c.safety}} {
		for _, cid := range list.ids {
			ct, ok := l.c.Contacts[cid]
			if !ok {
				continue
			}
			for _, a := range l.c.AudienceIDs() {
				if all[a] && !ct.For(a) {
					l.addf(contactsFile, ct.Line, "%s shows contact %q to everyone, but it is not for %s", list.what, cid, a)
				}
			}
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

// The rules below keep content from turning the bot's safety features
// against the people they are for: a wrong number under 112, a link that
// runs code, an emergency button that disappears or a quick exit that fires
// on an ordinary answer. Each is an error, so that lint fails and the bot
// refuses to start.

// EmergencyPhone is the number of the emergency contact, the first contact
// of 'emergency' in contacts.yaml, and of the first contact of every danger
// answer.
const EmergencyPhone = "112"

// names112 reports whether a text names 112 as a number of its own, not as
// part of a longer one ("0800 1120").
func names112(text string) bool { return number112.MatchString(text) }

var number112 = regexp.MustCompile(`(^|[^0-9])` + EmergencyPhone + `([^0-9]|$)`)

// phoneShape is digits with at most one space or hyphen between them: no
// letters (a letter O for a zero cannot be dialled), no plus or brackets.
var phoneShape = regexp.MustCompile(`^[0-9]+([ -][0-9]+)*$`)

// phoneProblem says what is wrong with a contact's phone number, or returns
// "" when it is a Dutch number a phone in the Netherlands can dial as
// written: 112; 0800 or 0900 and 4 or 7 digits (0800-2000, 0900 123 4561);
// or ten digits from 0, which covers mobile (06), company (088) and
// regional numbers (020, 033, 0111). Numbers are written without the
// international prefix, as contacts.yaml says.
func phoneProblem(phone string) string {
	if !phoneShape.MatchString(phone) {
		if strings.ContainsAny(phone, "oO") {
			return "it may hold only digits, with spaces or hyphens between them (a zero is the digit 0, not the letter O)"
		}
		return "it may hold only digits, with spaces or hyphens between them"
	}
	d := strings.NewReplacer(" ", "", "-", "").Replace(phone)
	switch {
	case d == EmergencyPhone:
		return ""
	case strings.HasPrefix(d, "0800") || strings.HasPrefix(d, "0900"):
		if len(d) == 8 || len(d) == 11 {
			return ""
		}
		return "a number starting with " + d[:4] + " has 4 or 7 digits after it"
	case len(d) == 10 && d[0] == '0' && d[1] != '0':
		return ""
	}
	return "write 112, 0800 or 0900 with 4 or 7 digits, or 10 digits starting with 0 (06, 088, 020 ...)"
}

// webPattern is a web address a card may show: https:// and a host, or the
// host alone as the seed documents write it (www.veiligthuis.nl), which a
// messenger links by itself; a path may follow. Any other scheme is
// refused: javascript: and data: run code or show a page of their own
// making, http: can be read and changed on the way.
var webPattern = regexp.MustCompile(`(?i)^(https://)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(/[^\s<>"'\\]*)?$`)

// urlInText finds what looks like an address with a scheme in a contact's
// other fields (about, hours, name, e-mail, address): anything with "://",
// and the schemes that need no slashes.
var urlInText = regexp.MustCompile(`(?i)\b([a-z][a-z0-9+.-]*://|(javascript|vbscript|data|file|blob):)\S*`)

// checkReach checks how a contact can be reached: a phone number that can
// be dialled, web and chat addresses that are only web addresses, and no
// other address in its texts that is not https.
func (l *loader) checkReach(ct *Contact) {
	at := func(format string, args ...any) { l.addf(contactsFile, ct.Line, format, args...) }
	// The emergency contact's phone must be 112 exactly, which
	// checkEmergencyPhone says on its own.
	if ct.Phone != "" && !l.c.IsEmergencyContact(ct.ID) {
		if why := phoneProblem(ct.Phone); why != "" {
			at("contact %q: phone %q is not a Dutch phone number: %s", ct.ID, ct.Phone, why)
		}
	}
	for _, f := range []struct{ name, v string }{{"web", ct.Web}, {"chat", ct.Chat}} {
		if f.v != "" && !webPattern.MatchString(f.v) {
			at("contact %q: %s %q is not a web address: write https:// and a host, or the host alone (www.example.nl)", ct.ID, f.name, f.v)
		}
	}
	texts := []string{ct.Name, ct.Email, ct.Address}
	for _, m := range []map[string]string{ct.About, ct.Hours} {
		for _, lang := range slices.Sorted(maps.Keys(m)) {
			texts = append(texts, m[lang])
		}
	}
	for _, t := range texts {
		for _, u := range urlInText.FindAllString(t, -1) {
			if !strings.HasPrefix(strings.ToLower(u), "https://") || !webPattern.MatchString(strings.TrimRight(u, ".,;:!?)")) {
				at("contact %q: %q is not a web address: an address in contact data must be https:// and a host", ct.ID, u)
			}
		}
	}
}

// checkEmergencyPhone makes sure that what the bot shows as 112 is 112: the
// emergency contact (the first of 'emergency', shown first with the
// emergency answer). Package understand holds the first contact of every
// danger answer to the same.
func (l *loader) checkEmergencyPhone() {
	if len(l.c.emergency) > 0 {
		if ct, ok := l.c.Contacts[l.c.emergency[0]]; ok && ct.Phone != EmergencyPhone {
			l.addf(contactsFile, ct.Line, "contact %q is the emergency contact (first in emergency), so its phone must be %s, not %q", ct.ID, EmergencyPhone, ct.Phone)
		}
	}
}

// ordinaryAnswers are words people type as an answer, a greeting or a
// plea, in the languages of the content. The emergency option and the quick
// exit also work when their label is typed, in any language, before
// anything else in a message is read: a quick exit labelled "ja" would
// wipe the chat of everyone who answers yes in words, and an emergency
// option labelled "ok" would answer every "ok" with emergency numbers. So
// neither label may be one of these, nor only digits (an age, a number of
// people), nor the label of another button. Labels are compared as
// foldLabel folds them, so "oke" stands for "oké" and "OKE!" as well.
var ordinaryAnswers = []string{
	"ja", "nee", "jawel", "neen", "ok", "oke", "okay", "prima", "goed", "top", "klopt",
	"misschien", "weet ik niet", "weet niet", "geen idee", "ik weet het niet",
	"hoi", "hallo", "hey", "hi", "hello", "dank je", "dankjewel", "bedankt", "thanks", "thank you",
	"yes", "no", "yep", "yeah", "nope", "maybe", "i don't know", "i dont know", "don't know", "dont know", "not sure",
	"help", "hulp", "klaar", "done", "verder", "next",
}

// onlyDigits is a label that is a number, with spaces at most.
var onlyDigits = regexp.MustCompile(`^[0-9 ]+$`)

// globalLabels are the text keys of the buttons whose labels work when
// typed, whatever the question; the first two are the ones checkGlobalLabels
// holds to its rules.
var globalLabels = []string{KeyOptSOS, KeyOptExit, KeyOptBack, KeyOptRestart, KeyOptResume, KeyOptBegin}

// foldLabel is a label or typed message as the engine compares them: lower
// case, spaces collapsed, accents dropped, and without the punctuation
// around it ("Ja!").
func foldLabel(s string) string {
	return NormaliseLabel(strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

// checkGlobalLabels holds the labels of the emergency option and the quick
// exit to the rules of ordinaryAnswers: present in every language, the
// emergency option naming 112, and neither an ordinary answer, a number or
// the label of any other button, in any language.
func (l *loader) checkGlobalLabels() {
	ordinary := map[string]bool{}
	for _, w := range ordinaryAnswers {
		ordinary[foldLabel(w)] = true
	}
	// Every label a typed message could mean, folded, with the text keys
	// and languages that define it.
	type use struct{ key, lang string }
	uses := map[string][]use{}
	add := func(lang, key string) {
		if t, ok := l.c.Texts[lang][key]; ok && foldLabel(t) != "" {
			uses[foldLabel(t)] = append(uses[foldLabel(t)], use{key, lang})
		}
	}
	for _, lang := range l.c.Langs {
		for _, key := range globalLabels {
			add(lang, key)
		}
		for _, id := range l.c.FlowOrder {
			for _, s := range l.c.Flows[id].States {
				for _, o := range s.Options {
					add(lang, o.Label)
				}
			}
		}
	}
	for _, key := range globalLabels[:2] {
		for _, lang := range l.c.Langs {
			t, ok := l.c.Texts[lang][key]
			if !ok {
				continue // reported as a missing text
			}
			file := fmt.Sprintf("%s/%s.yaml", textsDir, lang)
			at := func(format string, args ...any) { l.addf(file, l.textLines[lang][key], format, args...) }
			f := foldLabel(t)
			switch {
			case f == "":
				at("text %q is empty: the button would be missing from every question", key)
				continue
			case key == KeyOptSOS && !names112(t):
				at("text %q is %q: the emergency option must name %s", key, t, EmergencyPhone)
			}
			switch {
			case ordinary[f]:
				at("text %q is %q, an ordinary answer: typing it would work as the button", key, t)
			case onlyDigits.MatchString(f):
				at("text %q is %q, only a number: typing it would work as the button; say what the button does", key, t)
			}
			// The same button in another language may share the label.
			if i := slices.IndexFunc(uses[f], func(u use) bool { return u.key != key }); i >= 0 {
				o := uses[f][i]
				at("text %q is %q, the same label as text %q in %s: typing it could mean either button", key, t, o.key, o.lang)
			}
		}
	}
}

// checkCarries112 checks the answers the bot gives outside a flow, which
// may be all someone reads: each must name 112 in its text or show the
// emergency contact, whose phone checkEmergencyPhone holds to 112. (The
// cards themselves are not searched: "0800 1120" holds 112 too.)
func (l *loader) checkCarries112() {
	for _, m := range []struct {
		what, key string
		contacts  []string
	}{
		{"the group-chat line", KeyGroup, nil},
		{"the emergency answer", KeyEmergency, l.c.emergency},
		{"the safety card", KeyUnavailable, l.c.safety},
	} {
		for _, lang := range l.c.Langs {
			t, ok := l.c.Texts[lang][m.key]
			if !ok {
				continue
			}
			shows := len(l.c.emergency) > 0 && slices.Contains(m.contacts, l.c.emergency[0])
			if !shows && !names112(t) {
				nor := ""
				if m.contacts != nil {
					nor = ", nor show the emergency contact"
				}
				l.addf(fmt.Sprintf("%s/%s.yaml", textsDir, lang), l.textLines[lang][m.key],
					"text %q: %s does not name %s%s; every answer outside a conversation must", m.key, m.what, EmergencyPhone, nor)
			}
		}
	}
}
