package flows

import (
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"signaal/content"
)

// goodFS is the test content of content/testdata/good, in memory, for a
// test to change.
func goodFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := "../content/testdata/good"
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path.Join(root, p))
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// goodWith is the test content of content/testdata/good with files
// replaced.
func goodWith(t *testing.T, files map[string]string) *Engine {
	t.Helper()
	fsys := goodFS(t)
	for name, body := range files {
		if strings.HasPrefix(name, "+") {
			name = name[1:]
			body = string(fsys[name].Data) + body
		}
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	e, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

const whenFlow = `flow: start
start: hello
states:
  - id: hello
    text: hello
    options:
      - {id: go, label: go, next: ask}
  - id: ask
    text: ask
    report_date: go
    report: [{signal: worry, label: count}]
    report_end: inc
    options:
      - {id: yes, label: yes, next: end, signal: worry=yes}
      - {id: no, label: no, next: end, signal: worry=no}
      - {id: other, label: other, flow: other}
  - id: end
    text: end.help
    end: true
    contacts: [help]
    when:
      - {if: [worry=yes], text: end.fine, contacts: [help, alarm]}
      - {if: [worry=yes], contacts: [alarm]}
      - {if: [worry=no, never=1], text: done}
`

var whenFiles = map[string]string{
	"flows/start.yaml": whenFlow,
	"+texts/nl.yaml":   "sys.report.none: \"nl sys.report.none\"\n",
	"+texts/en.yaml":   "sys.report.none: \"en sys.report.none\"\n",
}

// TestWhen: an ending adds the text and contacts of every rule that holds,
// each contact once and none that the ending shows already; rules that do
// not hold add nothing.
func TestWhen(t *testing.T) {
	e := goodWith(t, whenFiles)
	c := e.Content()
	base := "nl end.help\n\n" + c.Cards("nl", []string{"help"})
	for _, tt := range []struct {
		answer, want string
	}{
		{"start/ask/yes", base + "\n\nnl end.fine\n\n" + c.Cards("nl", []string{"alarm"})},
		{"start/ask/no", base},
	} {
		r := play(e, start, goOn, ChoiceInput(tt.answer))
		if got := r.Replies[0].Text; got != tt.want {
			t.Errorf("after %s:\n%s\nwant\n%s", tt.answer, got, tt.want)
		}
	}
}

// TestReportDate: a report shows the date of the step in Dutch time above
// the answers, and its closing line under them; the session keeps no date
// of its own for it.
func TestReportDate(t *testing.T) {
	e := goodWith(t, whenFiles)
	late := t0.Add(11*time.Hour + 30*time.Minute) // 23:30 UTC: already the next day in the Netherlands
	r := e.Step(play(e, start).Session, goOn, late)
	want := "nl ask\nnl go: 28-11-2026\n- nl count: nl sys.report.none\nnl inc"
	if got := r.Replies[0].Text; got != want {
		t.Errorf("report = %q, want %q", got, want)
	}
	for _, sig := range r.Session.Signals {
		if strings.Contains(sig, "2026") {
			t.Errorf("session holds the date: %v", r.Session.Signals)
		}
	}
}

// noTrace are words that, on a screen after a quick exit, would tell
// whoever looks what was there: what the bot is about, that help was
// sought, the emergency number, that something was deleted, or the bot
// itself.
var noTrace = regexp.MustCompile(`(?i)uitbuit|mensenhandel|exploit|traffick|seks|sex|loverboy|drugs|hulp|help|112|nood|emergency|gevaar|danger|veilig|safe|gewist|wis|verwijder|delet|eras|gesprek|conversation|chat|signaal|signal|bot`)

// TestQuickExitLeavesNoTrace: after a quick exit, in any language and
// wherever the conversation was, the one line the engine answers reads as
// an ordinary message: nothing in it names exploitation, help, 112,
// deletion or the bot.
func TestQuickExitLeavesNoTrace(t *testing.T) {
	e, c := defaultEngine(t)
	for _, lang := range c.Langs {
		for _, in := range []Input{ChoiceInput(DataExit), TextInput("/stop"), TextInput(c.Text(lang, content.KeyOptExit))} {
			r := e.Step(Session{Lang: lang}, TextInput("/start"), t0)
			r = e.Step(r.Session, ChoiceInput("start/welcome/ok"), t0)
			r = e.Step(r.Session, in, t0)
			if !r.Forget || len(r.Replies) != 1 || len(r.Replies[0].Options) != 0 {
				t.Fatalf("%s %q: forget %v, replies %+v; want one line without buttons", lang, in.Data, r.Forget, r.Replies)
			}
			if m := noTrace.FindString(r.Replies[0].Text); m != "" {
				t.Errorf("%s: the line after a quick exit %q says %q", lang, r.Replies[0].Text, m)
			}
		}
	}
}
