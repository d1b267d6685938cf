package understand

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf16"

	"signaal/content"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad/*.txt")

// goodDir is the small content the content package tests with; here it
// gets an understand.yaml laid over it.
const goodDir = "../content/testdata/good"

// goodFS is goodDir in memory, to lay files over.
func goodFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(goodDir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(goodDir, p))
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// strict stands for a channel as strict as Telegram, as in the content
// package's tests.
var strict = content.Options{Limits: content.Limits{
	Channel:       "Telegram",
	MaxText:       4096,
	TextLen:       func(s string) int { return len(utf16.Encode([]rune(s))) },
	MaxOptionData: 64,
}}

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
		for _, key := range []string{content.KeyUnclear, content.KeyOptGo, content.KeyOptBegin, content.KeySearchFound, content.KeySearchNone, content.KeySearchAll,
			content.KeyWatched, content.KeyWatchedDanger, content.KeyFear, "u.danger", "u.worry", "u.hi"} {
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
	c, u, err := LoadWith(understandFS(t, understandGood), content.Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("Load = %v, want no error", err)
	}
	if u == nil || u.Intent("worry") == nil {
		t.Fatalf("Understanding = %+v, want the intents", u)
	}
	lines, ok := content.Lint(c, nil)
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
	_, _, err := LoadWith(understandFS(t, bad), content.Options{})
	want := `understand.yaml:12: intent "worry" me offers contact "pro", which is not for jongeren`
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v, want %q", err, want)
	}
}

// TestUnderstandingNeedsAudiences: the answers of understand.yaml are for
// me, other and prof, so contacts.yaml must say which audience each is.
func TestUnderstandingNeedsAudiences(t *testing.T) {
	fsys := understandFS(t, understandGood)
	contacts := strings.Replace(string(fsys["contacts.yaml"].Data), "  - {id: professionals, who: prof}\n", "", 1)
	contacts = strings.ReplaceAll(contacts, "audience: [professionals]", "audience: [omstanders]")
	fsys["contacts.yaml"] = &fstest.MapFile{Data: []byte(contacts)}
	_, _, err := LoadWith(fsys, content.Options{})
	if err == nil || !strings.Contains(err.Error(), `contacts.yaml has no audience for "prof"`) {
		t.Errorf("Load = %v, want a problem naming the missing audience for prof", err)
	}
}

// TestUnderstandingSigns: lint checks the signs of danger, the emoji and
// a disclosure's fallback and what it becomes at home for a child: a sign
// cannot be both firm and context, each has an id of its own, at least
// one kind is not context, an emoji is one symbol and a word, a fallback
// names who, at_home_minor names a disclosure, and only small talk has
// keywords that count alone.
func TestUnderstandingSigns(t *testing.T) {
	bad := strings.Replace(understandGood, "    rules: {nl: [voor de deur], en: [at the door]}\n", `    rules: {nl: [voor de deur], en: [at the door]}
    signs:
      - {id: now, firm: true, context: true, phrases: {nl: [nu]}}
      - {id: now, context: true, phrases: {en: [now]}}
`, 1)
	bad = strings.Replace(bad, "threshold: 0.3\n", "threshold: 0.3\nemoji: {\"ab\": bang, \"😰\": bang}\n", 1)
	bad = strings.Replace(bad, "  - id: worry\n    kind: disclosure\n", "  - id: worry\n    kind: disclosure\n    fallback: [teacher]\n    at_home_minor: nowhere\n    keywords_alone: true\n", 1)
	_, _, err := LoadWith(understandFS(t, bad), content.Options{})
	want := []string{
		`understand.yaml: emoji "ab": "bang" must be one symbol and the word it stands for`,
		`understand.yaml:4: intent "danger": every sign is context; one at least must not be`,
		`understand.yaml:10: intent "danger": sign "now" cannot be both firm and context`,
		`understand.yaml:11: intent "danger": sign "now" needs an id of its own`,
		`understand.yaml:13: intent "worry": fallback "teacher" must name me, other or prof, in a disclosure`,
		`understand.yaml:13: intent "worry": keywords_alone is for small talk; the keywords of a disclosure count in any message`,
		`understand.yaml:13: intent "worry": at_home_minor "nowhere" must name a disclosure, from a disclosure`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("Load = %v, want\n%s", err, strings.Join(want, "\n"))
	}
}

// TestFearTopics: a fear's answer of its own is for a topic that is a
// disclosure, once, and offers contacts for someone who may be young
// that a fear may show, as the fear's own contacts must be.
func TestFearTopics(t *testing.T) {
	fear := `fear:
  contacts: [pro]
  never: [alarm]
  topics:
    - {topic: hi, text: u.worry, contacts: [help]}
    - {topic: worry, text: u.worry, contacts: [help]}
    - {topic: worry, text: u.worry, contacts: [pro, alarm]}
    - {topic: worry, text: u.worry}
`
	_, _, err := LoadWith(understandFS(t, strings.Replace(understandGood, "intents:\n", fear+"intents:\n", 1)), content.Options{})
	want := []string{
		`understand.yaml:3: fear offers contact "pro", which is not for jongeren`,
		`understand.yaml:6: fear topic "hi" is no intent of kind disclosure`,
		`understand.yaml:8: fear topic "worry" has two answers`,
		`understand.yaml:8: fear topic "worry" offers contact "pro", which is not for jongeren`,
		`understand.yaml:8: fear topic "worry" offers contact "alarm", which a fear never shows`,
		`understand.yaml:9: fear topic "worry" has two answers`,
		`understand.yaml:9: fear topic "worry" offers no contact`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("Load = %v, want\n%s", err, strings.Join(want, "\n"))
	}
}

// TestDangerAnswer112: the first contact of a danger answer is the one
// shown as 112, so its phone must be 112.
func TestDangerAnswer112(t *testing.T) {
	bad := strings.Replace(understandGood, "    contacts: [alarm]\n", "    contacts: [help, alarm]\n", 1)
	_, _, err := LoadWith(understandFS(t, bad), content.Options{})
	want := `understand.yaml:3: intent "danger": the first contact of a danger answer is the one for 112, but contact "help" has phone "0800-0000"`
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v, want %q", err, want)
	}
}

// TestLoadEmbedded makes sure the shipped understand.yaml passes every
// check, with the content it belongs to.
func TestLoadEmbedded(t *testing.T) {
	c, u, err := Default()
	if err != nil {
		t.Fatalf("Default() = %v", err)
	}
	if u == nil || u.Intent("danger") == nil || c.Flows["start"] == nil {
		t.Errorf("Default() = content %v, understanding %v; want both, with a danger intent", c != nil, u != nil)
	}
}

// TestLoadNone: content without understand.yaml loads, with no
// understanding.
func TestLoadNone(t *testing.T) {
	c, u, err := Load(os.DirFS(goodDir))
	if err != nil || c == nil || u != nil {
		t.Errorf("Load(%s) = content %v, understanding %v, %v; want content, no understanding", goodDir, c != nil, u, err)
	}
}

// TestLoadBad loads the content of goodDir with the files of one
// testdata/bad/*.txt laid over it and compares the problems with the
// file's want section, which lists them exactly, one a line, as lint
// prints them. A fixture is a description, then sections opened by
// "-- path --" (replace that file), "-- append path --" (add to it) and
// "-- want --" (the expected problems).
func TestLoadBad(t *testing.T) {
	names, err := filepath.Glob("testdata/bad/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures in testdata/bad: %v", err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txt"), func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			fsys := goodFS(t)
			var want []string
			section, body := "", ""
			flush := func() {
				switch file, appending := strings.CutPrefix(section, "append "); {
				case section == "":
				case section == "want":
					for _, l := range strings.Split(body, "\n") {
						if l = strings.TrimSpace(l); l != "" {
							want = append(want, l)
						}
					}
				case appending:
					fsys[file] = &fstest.MapFile{Data: append(fsys[file].Data, body...)}
				default:
					fsys[section] = &fstest.MapFile{Data: []byte(body)}
				}
				body = ""
			}
			for _, line := range strings.SplitAfter(string(b), "\n") {
				if l := strings.TrimSpace(line); strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") {
					flush()
					section = strings.TrimSuffix(strings.TrimPrefix(l, "-- "), " --")
					continue
				}
				body += line
			}
			flush()
			_, _, err = LoadWith(fsys, strict)
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if *update {
				i := strings.Index(string(b), "-- want --\n") + len("-- want --\n")
				if err := os.WriteFile(name, []byte(string(b[:i])+strings.Join(got, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if len(want) == 0 {
				t.Fatalf("%s has no want lines", name)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("Load problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestMatchGapAtGaps: a phrase may have a word between its words, but not
// a gap where words were left out (see gaps): "komt ... halen" across the
// words of a fear is no one coming to fetch.
func TestMatchGapAtGaps(t *testing.T) {
	ps := newPhrases(nil)
	ps.add("komt halen", 1)
	for _, tc := range []struct {
		words []string
		want  bool
	}{
		{[]string{"hij", "komt", "halen"}, true},
		{[]string{"hij", "komt", "me", "halen"}, true},
		{[]string{"hij", "komt", "", "halen"}, false},
	} {
		got := false
		ps.matchGap(tc.words, 1, func(*phrase, int, int) { got = true })
		if got != tc.want {
			t.Errorf("matchGap(%q) found %v, want %v", tc.words, got, tc.want)
		}
	}
}

// TestMarkerNames: explain names every kind of marker it prints.
func TestMarkerNames(t *testing.T) {
	for tag := range markCount {
		if markerNames[tag] == "" {
			t.Errorf("marker %d has no name for explain", tag)
		}
	}
}
