package content

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf16"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad/*.txt")

func TestLoadGood(t *testing.T) {
	c, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatalf("Load(testdata/good) = %v, want no error", err)
	}
	if got, want := strings.Join(c.Langs, ","), "nl,en"; got != want {
		t.Errorf("Langs = %s, want %s", got, want)
	}
	if got, want := strings.Join(c.FlowOrder, ","), "other,start"; got != want {
		t.Errorf("FlowOrder = %s, want %s", got, want)
	}
	if s := c.Flows["start"].State("route"); s == nil || len(s.Branch) != 2 || s.Line != 15 {
		t.Errorf("state route = %+v, want a branch of 2 rules on line 15", s)
	}
	if got, want := c.Text("en", "hello"), "en hello"; got != want {
		t.Errorf("Text(en, hello) = %q, want %q", got, want)
	}
}

// TestLoadEmbedded makes sure the shipped content passes every check.
func TestLoadEmbedded(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatalf("Default() = %v", err)
	}
	if _, ok := c.Flows["start"]; !ok {
		t.Errorf("embedded content has no start flow")
	}
}

// TestDigest checks that the digest changes with every byte of a file Load
// reads, and only with those.
func TestDigest(t *testing.T) {
	digest := func(change func(fstest.MapFS)) [32]byte {
		t.Helper()
		fsys := goodFS(t)
		change(fsys)
		c, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return c.Digest()
	}
	base := digest(func(fstest.MapFS) {})
	if base == [32]byte{} {
		t.Fatal("Digest() is zero after a Load")
	}
	for _, tc := range []struct {
		name   string
		change func(fstest.MapFS)
		same   bool
	}{
		{"nothing changed", func(fstest.MapFS) {}, true},
		{"a file Load does not read", func(m fstest.MapFS) { m["notes.txt"] = &fstest.MapFile{Data: []byte("x")} }, true},
		{"a comment in a text file", func(m fstest.MapFS) {
			m["texts/nl.yaml"] = &fstest.MapFile{Data: append(slices.Clone(m["texts/nl.yaml"].Data), "\n# x\n"...)}
		}, false},
		{"a letter of a text, the length kept", func(m fstest.MapFS) {
			m["texts/nl.yaml"] = &fstest.MapFile{Data: bytes.Replace(m["texts/nl.yaml"].Data, []byte("nl sys.opt.exit"), []byte("nl sys.opt.exiT"), 1)}
		}, false},
		{"a contact's bytes", func(m fstest.MapFS) {
			m["contacts.yaml"] = &fstest.MapFile{Data: append(slices.Clone(m["contacts.yaml"].Data), ' ')}
		}, false},
	} {
		if got := digest(tc.change); (got == base) != tc.same {
			t.Errorf("%s: digest the same as before = %v, want %v", tc.name, got == base, tc.same)
		}
	}
}

// strict stands for a channel as strict as Telegram, whose own Limits live
// in bot/telegram (which content must not import). Content keeps the
// limits for the engine, which checks the replies it renders against them
// (flows' TestNewProblems); loading with them must change nothing else.
var strict = Options{Limits: Limits{
	Channel:       "Telegram",
	MaxText:       4096,
	TextLen:       func(s string) int { return len(utf16.Encode([]rune(s))) },
	MaxOptionData: 64,
}}

// TestLoadBad loads testdata/good with the files of one testdata/bad/*.txt
// laid over it and compares the problems with the file's want section,
// which lists them exactly, one a line, as lint prints them.
func TestLoadBad(t *testing.T) {
	names, err := filepath.Glob("testdata/bad/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures in testdata/bad: %v", err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txt"), func(t *testing.T) {
			fx := readFixture(t, name)
			fsys := goodFS(t)
			for file, body := range fx.files {
				fsys[file] = &fstest.MapFile{Data: []byte(body)}
			}
			for file, body := range fx.appends {
				fsys[file] = &fstest.MapFile{Data: append(fsys[file].Data, body...)}
			}
			for file, body := range fx.sets {
				fsys[file] = &fstest.MapFile{Data: []byte(setKeys(t, string(fsys[file].Data), body))}
			}
			_, err := LoadWith(fsys, strict)
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if *update {
				fx.rewrite(t, name, got)
				return
			}
			if len(fx.want) == 0 {
				t.Fatalf("%s has no want lines", name)
			}
			if strings.Join(got, "\n") != strings.Join(fx.want, "\n") {
				t.Errorf("Load problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(fx.want, "\n"))
			}
		})
	}
}

func TestCheckedDateWarning(t *testing.T) {
	c, err := LoadWith(os.DirFS("testdata/good"), Options{Now: time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("LoadWith(testdata/good, 2027-06-01) = %v", err)
	}
	lines, ok := Lint(c, nil)
	want := []string{
		`warning: contacts.yaml:8: contact "alarm" was last checked on 2026-01-01, more than a year ago`,
		`warning: contacts.yaml:14: contact "help" was last checked on 2026-01-01, more than a year ago`,
	}
	if !ok || strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Lint = %v, %q; want true, %q", ok, lines, want)
	}
}

func goodFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/good"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join("testdata/good", p))
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// fixture is a testdata/bad file: a description, then sections opened by
// "-- path --" (replace that file), "-- append path --" (add to it),
// "-- set path --" (replace lines of it: each "key: value" line replaces
// the line where the top-level key is defined, so that the other lines
// keep their numbers) and "-- want --" (the expected problems).
type fixture struct {
	head                 string
	files, appends, sets map[string]string
	want                 []string
}

// setKeys replaces, for each "key: value" line of set, the line of file
// that defines the top-level key.
func setKeys(t testing.TB, file, set string) string {
	t.Helper()
	lines := strings.Split(file, "\n")
	for _, l := range strings.Split(strings.TrimSpace(set), "\n") {
		key, _, _ := strings.Cut(l, ":")
		i := slices.IndexFunc(lines, func(f string) bool { return strings.HasPrefix(f, key+":") })
		if i < 0 {
			t.Fatalf("set %q: no line defines %q", l, key)
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

func readFixture(t testing.TB, name string) fixture {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fx := fixture{files: map[string]string{}, appends: map[string]string{}, sets: map[string]string{}}
	var section string
	var body strings.Builder
	flush := func() {
		switch {
		case section == "":
			fx.head = body.String()
		case section == "want":
			for _, l := range strings.Split(strings.TrimSpace(body.String()), "\n") {
				if l != "" {
					fx.want = append(fx.want, l)
				}
			}
		case strings.HasPrefix(section, "append "):
			fx.appends[strings.TrimPrefix(section, "append ")] = body.String()
		case strings.HasPrefix(section, "set "):
			fx.sets[strings.TrimPrefix(section, "set ")] = body.String()
		default:
			fx.files[section] = body.String()
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if l := strings.TrimSpace(line); strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") {
			flush()
			section = strings.TrimSuffix(strings.TrimPrefix(l, "-- "), " --")
			continue
		}
		body.WriteString(line)
	}
	flush()
	return fx
}

func (fx fixture) rewrite(t *testing.T, name string, got []string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	s = s[:strings.Index(s, "-- want --\n")+len("-- want --\n")] + strings.Join(got, "\n") + "\n"
	if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestChannelKeys: the keys a channel shows itself are required like the
// engine's, in the default language and, through it, in every other.
func TestChannelKeys(t *testing.T) {
	tests := []struct {
		name string
		nl   string // appended to texts/nl.yaml
		want []string
	}{
		{"present", "", nil},
		{"missing", "", []string{`texts: missing text key "page.title" in texts/nl.yaml`}},
		{"untranslated", "page.title: \"Titel\"\n", []string{`texts/nl.yaml:%d: text "page.title" has no translation in texts/en.yaml`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodFS(t)
			keys := []string{"sys.opt.sos"}
			if tt.name != "present" {
				keys = append(keys, "page.title")
			}
			nl := fsys["texts/nl.yaml"].Data
			line := bytes.Count(nl, []byte("\n")) + 1
			fsys["texts/nl.yaml"] = &fstest.MapFile{Data: append(append([]byte(nil), nl...), tt.nl...)}
			_, err := LoadWith(fsys, Options{Keys: keys})
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			var want []string
			for _, w := range tt.want {
				if strings.Contains(w, "%d") {
					w = fmt.Sprintf(w, line)
				}
				want = append(want, w)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("LoadWith(Keys: %q) problems = %q, want %q", keys, got, want)
			}
		})
	}
}
