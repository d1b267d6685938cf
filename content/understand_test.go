package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// understandFS is testdata/good with an understand.yaml, the texts it
// needs in both languages, and a contact only for professionals.
func understandFS(t *testing.T, understand string) fstest.MapFS {
	t.Helper()
	fsys := goodFS(t)
	fsys[understandFile] = &fstest.MapFile{Data: []byte(understand)}
	for _, lang := range []string{"nl", "en"} {
		file := "texts/" + lang + ".yaml"
		var b strings.Builder
		b.Write(fsys[file].Data)
		for _, key := range []string{KeyUnclear, KeyOptGo, KeyOptBegin, KeySearchFound, KeySearchNone, KeySearchAll, KeyWatched, KeyWatchedDanger, KeyFear, "u.danger", "u.worry", "u.hi"} {
			b.WriteString(key + ": \"" + lang + " " + key + "\"\n")
		}
		fsys[file] = &fstest.MapFile{Data: []byte(b.String())}
	}
	contacts := string(fsys["contacts.yaml"].Data) + `  - id: pro
    name: Pro
    about: {nl: Voor het werk., en: For work.}
    phone: 0800-1111
    audience: [professionals]
    source: test.txt
    checked: 2026-01-01
`
	fsys["contacts.yaml"] = &fstest.MapFile{Data: []byte(contacts)}
	return fsys
}

const understandGood = `threshold: 0.3
intents:
  - id: danger
    kind: danger
    text: u.danger
    contacts: [alarm]
    rules: {nl: [voor de deur], en: [at the door]}
    examples: {nl: [hij staat voor de deur], en: [he is at the door]}
  - id: worry
    kind: disclosure
    examples: {nl: [ik maak me zorgen over mijn vriendin], en: [i worry about my friend]}
    me: {text: u.worry, contacts: [help], continue: {flow: start, answers: [start/hello/go]}}
    other: {text: u.worry, contacts: [help]}
    prof: {text: u.worry, contacts: [pro, help]}
  - id: hi
    kind: chat
    text: u.hi
    examples: {nl: [ik maak me zorgen over mijn vriendin hoor], en: [hello]}
`

// TestUnderstandingLint: valid understanding loads, with a warning for
// two intents whose examples are too alike.
func TestUnderstandingLint(t *testing.T) {
	c, err := LoadWith(understandFS(t, understandGood), Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("Load = %v, want no error", err)
	}
	if c.Understanding == nil || c.Understanding.Intent("worry") == nil {
		t.Fatalf("Understanding = %+v, want the intents", c.Understanding)
	}
	lines, ok := Lint(c, nil)
	want := `warning: understand.yaml:9: intents "worry" and "hi" have examples that are too alike: "ik maak me zorgen over mijn vriendin" and "ik maak me zorgen over mijn vriendin hoor"`
	if !ok || strings.Join(lines, "\n") != want {
		t.Errorf("Lint = %v, %q; want true, %q", ok, lines, want)
	}
}

// TestUnderstandingAudience: an answer may only offer contacts meant for
// who it answers; a young person is never offered a contact for
// professionals only.
func TestUnderstandingAudience(t *testing.T) {
	bad := strings.Replace(understandGood, "me: {text: u.worry, contacts: [help]", "me: {text: u.worry, contacts: [pro]", 1)
	_, err := LoadWith(understandFS(t, bad), Options{})
	want := `understand.yaml:12: intent "worry" me offers contact "pro", which is not for jongeren`
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v, want %q", err, want)
	}
}

// TestUnderstandingSigns: lint checks the signs of danger, the emoji and
// a disclosure's fallback: a sign cannot be both firm and context, each
// has an id of its own, at least one kind is not context, an emoji is one
// symbol and a word, and a fallback names who.
func TestUnderstandingSigns(t *testing.T) {
	bad := strings.Replace(understandGood, "    rules: {nl: [voor de deur], en: [at the door]}\n", `    rules: {nl: [voor de deur], en: [at the door]}
    signs:
      - {id: now, firm: true, context: true, phrases: {nl: [nu]}}
      - {id: now, context: true, phrases: {en: [now]}}
`, 1)
	bad = strings.Replace(bad, "threshold: 0.3\n", "threshold: 0.3\nemoji: {\"ab\": bang, \"😰\": bang}\n", 1)
	bad = strings.Replace(bad, "  - id: worry\n    kind: disclosure\n", "  - id: worry\n    kind: disclosure\n    fallback: [teacher]\n", 1)
	_, err := LoadWith(understandFS(t, bad), Options{})
	want := []string{
		`understand.yaml: emoji "ab": "bang" must be one symbol and the word it stands for`,
		`understand.yaml:4: intent "danger": every sign is context; one at least must not be`,
		`understand.yaml:10: intent "danger": sign "now" cannot be both firm and context`,
		`understand.yaml:11: intent "danger": sign "now" needs an id of its own`,
		`understand.yaml:13: intent "worry": fallback "teacher" must name me, other or prof, in a disclosure`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("Load = %v, want\n%s", err, strings.Join(want, "\n"))
	}
}
