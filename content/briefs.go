package content

import (
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// briefsFile holds the short answers in languages the content has no flows
// in. It is optional.
const briefsFile = "briefs.yaml"

// Brief is the one answer the bot gives in a language it has no
// conversation in: many people exploited for labour here write Polish,
// Romanian, Bulgarian or Hungarian (seed 002). It says what the bot is,
// 112, and where help for labour exploitation is, and offers to go on in
// English.
type Brief struct {
	// Name is the language's own name ("Polski").
	Name string `yaml:"name"`
	Text string `yaml:"text"`
	// Words are common words of the language, as people type them with
	// and without accents, that no content language shares: they tell a
	// short message's language where letter statistics cannot.
	Words []string `yaml:"words"`
	// Exit are words a person types to leave at once, like "Snel weg".
	Exit []string `yaml:"exit"`

	Line int `yaml:"-"`
}

// readBriefs reads briefs.yaml when the content has one.
func (l *loader) readBriefs(fsys fs.FS) {
	if _, err := fs.Stat(fsys, briefsFile); errors.Is(err, fs.ErrNotExist) {
		return
	}
	briefs := map[string]*Brief{}
	if l.decodeFile(fsys, briefsFile, &briefs) {
		l.c.Briefs = briefs
	}
}

var (
	briefLang = regexp.MustCompile(`^[a-z]{2}$`)
	// phoneRun finds what looks like a phone number in a text: digits
	// with single spaces or hyphens between them.
	phoneRun = regexp.MustCompile(`\d[\d -]*\d`)
)

// validateBriefs checks every brief: a language code the content has no
// texts in, a name and a text, 112 in the text, and no number in it that
// is not a contact's phone of contacts.yaml, where every number comes from
// a seed.
func (l *loader) validateBriefs() {
	phones := map[string]bool{}
	for _, ct := range l.c.Contacts {
		if ct.Phone != "" {
			phones[digitsOf(ct.Phone)] = true
		}
	}
	langs := make([]string, 0, len(l.c.Briefs))
	for lang := range l.c.Briefs {
		langs = append(langs, lang)
	}
	slices.Sort(langs)
	for _, lang := range langs {
		b := l.c.Briefs[lang]
		at := func(format string, args ...any) {
			l.addf(briefsFile, b.Line, "brief %s: "+format, append([]any{lang}, args...)...)
		}
		switch {
		case !briefLang.MatchString(lang):
			at("the language must be a two-letter code")
		case l.c.HasLang(lang):
			at("the content has every text in this language; a brief is for the others")
		}
		if strings.TrimSpace(b.Name) == "" || strings.TrimSpace(b.Text) == "" {
			at("needs a name and a text")
			continue
		}
		if !strings.Contains(b.Text, "112") {
			at("the text must name 112")
		}
		for _, run := range phoneRun.FindAllString(b.Text, -1) {
			if d := digitsOf(run); len(d) >= 3 && !phones[d] {
				at("the text names %q, which is no contact's phone in %s", run, contactsFile)
			}
		}
		if len(b.Words) == 0 {
			at("needs words that tell its language")
		}
		for _, w := range append(slices.Clone(b.Words), b.Exit...) {
			if strings.TrimSpace(w) == "" || w != strings.ToLower(w) {
				at("word %q must be lower case and not empty", w)
			}
		}
	}
}

// digitsOf keeps only the digits of s.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
