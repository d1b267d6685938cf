package flows

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"signaal/content"
)

// strict stands for a channel as strict as Telegram, whose own Limits live
// in bot/telegram (which flows must not import).
var strict = content.Options{Limits: content.Limits{
	Channel:       "Telegram",
	MaxText:       4096,
	TextLen:       func(s string) int { return len(utf16.Encode([]rune(s))) },
	MaxOptionData: 64,
}}

// withFiles changes the good content: "path" replaces a file, "+path"
// appends to it, and "=path" replaces, for each "key: value" line, the
// line that defines key, so that the other lines keep their numbers.
func withFiles(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	fsys := goodFS(t)
	for name, body := range files {
		switch {
		case strings.HasPrefix(name, "+"):
			name = name[1:]
			fsys[name] = &fstest.MapFile{Data: append(slices.Clone(fsys[name].Data), body...)}
		case strings.HasPrefix(name, "="):
			name = name[1:]
			lines := strings.Split(string(fsys[name].Data), "\n")
			for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
				key, _, _ := strings.Cut(l, ":")
				i := slices.IndexFunc(lines, func(f string) bool { return strings.HasPrefix(f, key+":") })
				if i < 0 {
					t.Fatalf("%s defines no %q", name, key)
				}
				lines[i] = l
			}
			fsys[name] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
		default:
			fsys[name] = &fstest.MapFile{Data: []byte(body)}
		}
	}
	return fsys
}

// bothLangs adds the same lines to the texts of both languages.
func bothLangs(files map[string]string, lines string) map[string]string {
	files["+texts/nl.yaml"] += lines
	files["+texts/en.yaml"] += lines
	return files
}

// whenRules is the good content with an ending in other.yaml whose text
// in English is text characters long, and three When rules: two on one
// key whose texts are either characters long, and one on another key
// whose text is other characters long.
func whenRules(text, either, other int) map[string]string {
	return bothLangs(map[string]string{
		"flows/other.yaml": `flow: other
start: first
states:
  - id: first
    text: other.first
    options:
      - {id: on, label: go, next: last, signal: worry=yes}
  - id: last
    text: other.last
    end: true
    contacts: [help]
    when:
      - {if: [worry=yes], text: w.a}
      - {if: [worry=no], text: w.b}
      - {if: [n=1], text: w.c}
`,
		"=texts/en.yaml": "other.last: " + strings.Repeat("a", text),
	}, "w.a: "+strings.Repeat("b", either)+"\nw.b: "+strings.Repeat("c", either)+"\nw.c: "+strings.Repeat("d", other)+"\n")
}

// openingHours is the good content with opening hours for the contact of
// other.yaml's ending, whose line for when it is closed is far longer
// than the one for when it is open, and whose text in English is 3900
// characters long.
func openingHours() map[string]string {
	return bothLangs(map[string]string{
		"contacts.yaml": `emergency: [alarm]
safety: [alarm, help]
audiences:
  - {id: jongeren, who: me}
  - {id: omstanders, who: other}
  - {id: professionals, who: prof}
contacts:
  - id: alarm
    name: Alarm
    about: {nl: Bij gevaar., en: In danger.}
    phone: "112"
    always: true
    source: test.txt
    checked: 2026-01-01
  - id: help
    name: Helpline
    about: {nl: Hulp., en: Help.}
    phone: 0800-0000
    web: www.example.org
    hours: {nl: werkdagen, en: weekdays}
    open: {days: [mon], from: "09:00", until: "17:00"}
    alt: [alarm]
    source: test.txt
    checked: 2026-01-01
`,
		"=texts/en.yaml": "other.last: " + strings.Repeat("a", 3900),
	}, "sys.open.now: open\nsys.open.closed: "+strings.Repeat("c", 100)+"\n")
}

// TestNewProblems: content that Load accepts but that the engine cannot
// carry is refused by New, every problem at the file and line behind it,
// in file and line order: a state nobody reaches, branch states that lead
// round, a question that leads nowhere, and a reply or button, in its
// longest form and in any language, that does not fit Telegram or a phone.
func TestNewProblems(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name    string
		files   map[string]string
		openNow bool
		want    []string
	}{
		{name: "good", files: map[string]string{}},
		{
			name: "unreachable",
			files: map[string]string{"+flows/other.yaml": `  - id: lost
    text: other.first
    end: true
    contacts: [help]
`},
			want: []string{`flows/other.yaml:12: state "lost" is unreachable from start "first"`},
		},
		{
			name: "branch loop",
			files: map[string]string{"flows/other.yaml": `flow: other
start: first
states:
  - id: first
    text: other.first
    options:
      - {id: on, label: go, next: one, signal: worry=yes}
      - {id: off, label: go, next: self}
  - id: one
    branch:
      - {if: [worry=yes], next: two}
      - {next: last}
  - id: two
    branch:
      - {next: one}
  - id: self
    branch:
      - {if: [worry=no], next: self}
      - {next: last}
  - id: last
    text: other.last
    end: true
    contacts: [help]
`},
			want: []string{
				`flows/other.yaml:9: branch states lead round in a loop without reaching a question or an ending: "one" -> "two" -> "one"`,
				`flows/other.yaml:16: branch states lead round in a loop without reaching a question or an ending: "self" -> "self"`,
			},
		},
		{
			name: "dead end",
			files: map[string]string{"flows/other.yaml": `flow: other
start: first
states:
  - id: first
    text: other.first
`},
			want: []string{`flows/other.yaml:4: state "first" is a dead end: no options and not marked 'end: true'`},
		},
		{
			// An ending's text, with its contact's card, in one language.
			name: "state too long",
			files: map[string]string{
				"=texts/en.yaml": "other.last: " + long(4170),
			},
			want: []string{`flows/other.yaml:8: state "last" in en is 4273 characters; Telegram allows 4096`},
		},
		{
			// The answer a report can show that is longest decides, not
			// the text for an answer not given.
			name: "report too long",
			files: bothLangs(map[string]string{
				"flows/other.yaml": `flow: other
start: first
states:
  - id: first
    text: other.first
    options:
      - {id: on, label: answer, next: last, signal: worry=yes}
    report:
      - {signal: worry, label: rep}
  - id: last
    text: other.last
    end: true
    contacts: [help]
`,
				"=texts/nl.yaml": "other.first: " + long(4060),
			}, "sys.report.none: \"-\"\nrep: \"Zorg\"\nanswer: \""+long(40)+"\"\n"),
			want: []string{`flows/other.yaml:4: state "first" in nl is 4109 characters; Telegram allows 4096`},
		},
		{
			// Every When rule that can hold together adds its text: here
			// the first and the third.
			name:  "when rules too long",
			files: whenRules(3800, 100, 100),
			want:  []string{`flows/other.yaml:8: state "last" in en is 4107 characters; Telegram allows 4096`},
		},
		{
			// Two rules on one key never hold at once, so the first two
			// texts do not add up.
			name:  "when rules that cannot hold together",
			files: whenRules(3800, 100, 20),
		},
		{
			// An ending that says whether a contact is open shows the
			// longer of its two lines.
			name:    "opening hours too long",
			files:   openingHours(),
			openNow: true,
			want:    []string{`flows/other.yaml:8: state "last" in en is 4114 characters; Telegram allows 4096`},
		},
		{
			// Without WithOpenNow an ending never says so.
			name:  "opening hours not shown",
			files: openingHours(),
		},
		{
			name: "callback data",
			files: map[string]string{"flows/other.yaml": `flow: other
start: first
states:
  - id: first
    text: other.first
    options:
      - {id: this-option-id-is-much-too-long-for-a-telegram-button, label: go, next: last}
  - id: last
    text: other.last
    end: true
    contacts: [help]
`},
			want: []string{`flows/other.yaml:7: option "this-option-id-is-much-too-long-for-a-telegram-button": data "other/first/this-option-id-is-much-too-long-for-a-telegram-button" is 65 bytes; Telegram allows 64`},
		},
		{
			name:  "option label too long",
			files: map[string]string{"=texts/nl.yaml": "go: " + long(41)},
			want: []string{
				`flows/other.yaml:7: option "on": label in nl is 41 characters; keep buttons to 40`,
				`flows/start.yaml:7: option "go": label in nl is 41 characters; keep buttons to 40`,
			},
		},
		{
			name:  "engine's button label too long",
			files: map[string]string{"=texts/en.yaml": "sys.opt.back: " + long(41)},
			want:  []string{`texts/en.yaml:3: text "sys.opt.back": label in en is 41 characters; keep buttons to 40`},
		},
		{
			name:  "emergency answer too long",
			files: map[string]string{"=texts/en.yaml": "sys.emergency: " + long(4096)},
			want:  []string{`texts/en.yaml:6: text "sys.emergency": the emergency answer in en is 4136 characters; Telegram allows 4096`},
		},
		{
			name:  "safety card too long",
			files: map[string]string{"=texts/nl.yaml": "sys.unavailable: " + long(4096)},
			want:  []string{`texts/nl.yaml:16: text "sys.unavailable": the safety card in nl is 4241 characters; Telegram allows 4096`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := content.LoadWith(withFiles(t, tt.files), strict)
			if err != nil {
				t.Fatalf("Load = %v, want content that Load accepts", err)
			}
			var opts []EngineOption
			if tt.openNow {
				opts = append(opts, WithOpenNow())
			}
			e, err := New(c, opts...)
			var got []string
			if err != nil {
				var ps content.Problems
				if !errors.As(err, &ps) {
					t.Fatalf("New = %v, want content.Problems", err)
				}
				got = strings.Split(err.Error(), "\n")
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("New problems =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if (e == nil) != (len(tt.want) > 0) {
				t.Errorf("New = %v, want an engine only without problems", e)
			}
		})
	}
}
