package console

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/testmodels"
	"signaal/store"
	"signaal/understand"
)

var update = flag.Bool("update", false, "rewrite testdata/transcripts/*.txt from their input lines")

// shippedEngine is the engine wired as the shipped bot is, reading typed
// messages with the matching core, its models read from the tests' model
// cache when a run before trained them. It is built once: an engine holds
// no conversation, so every transcript can share it.
var shippedEngine = sync.OnceValues(func() (*flows.Engine, error) {
	c, u, err := understand.Default()
	if err != nil {
		return nil, err
	}
	return flows.New(c, flows.WithUnderstander(understand.New(c, u, understand.ModelCache(testmodels.Dir()))))
})

func newDispatcher(t testing.TB) *bot.Dispatcher {
	t.Helper()
	e, err := shippedEngine()
	if err != nil {
		t.Fatal(err)
	}
	mem := store.NewMemory(0)
	t.Cleanup(func() { mem.Close() })
	// A fixed clock, so that what shows a date (the screening's summary)
	// reads the same every day.
	now := func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	return &bot.Dispatcher{Engine: e, Sessions: mem, Keys: store.NewKeyer(nil), Now: now}
}

// TestTranscripts replays every conversation in testdata/transcripts. A
// transcript is the record of one conversation: lines "> input" are what
// the user typed or pressed, lines "< ..." what the bot answered (its text,
// then "<   [data] label" a button), and lines "#" say what it is about.
// Lines "#! typed-first" and "#! lang en" at the top start the conversation
// with the user's first line instead of the welcome, and with a device in
// that language. With -update the answers are written anew from the
// inputs; review the diff before committing it.
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/transcripts/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var header, inputs []string
			c := &Console{JSON: true}
			for _, line := range strings.Split(string(b), "\n") {
				switch {
				case strings.HasPrefix(line, "> "):
					inputs = append(inputs, strings.TrimPrefix(line, "> "))
				case strings.HasPrefix(line, "#") && len(inputs) == 0:
					header = append(header, line)
					switch f := strings.Fields(strings.TrimPrefix(line, "#!")); {
					case !strings.HasPrefix(line, "#!") || len(f) == 0:
					case f[0] == "typed-first":
						c.WaitFirst = true
					case f[0] == "lang" && len(f) == 2:
						c.Lang = f[1]
					default:
						t.Fatalf("unknown directive %q", line)
					}
				}
			}
			c.Handler = newDispatcher(t)
			got := strings.Join(header, "\n") + "\n" + replay(t, c, inputs)
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(b) {
				t.Errorf("transcript differs (run go test ./bot/console -update and review the diff):\n%s", firstDiff(string(b), got))
			}
		})
	}
}

// replay runs the inputs through the console c in JSON mode and renders
// the conversation as a transcript.
func replay(t *testing.T, c *Console, inputs []string) string {
	t.Helper()
	var out bytes.Buffer
	c.In, c.Out = strings.NewReader(strings.Join(inputs, "\n")+"\n"), &out
	if err := c.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	var b strings.Builder
	turn := 0
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var msg struct {
			Text    string         `json:"text"`
			Options []flows.Option `json:"options"`
			Await   bool           `json:"await"`
		}
		if err := json.Unmarshal(sc.Bytes(), &msg); err != nil {
			t.Fatalf("output line %q is not JSON: %v", sc.Text(), err)
		}
		if msg.Await {
			if turn < len(inputs) {
				b.WriteString("> " + inputs[turn] + "\n")
			}
			turn++
			continue
		}
		for _, l := range strings.Split(msg.Text, "\n") {
			b.WriteString(strings.TrimRight("< "+l, " ") + "\n")
		}
		for _, o := range msg.Options {
			b.WriteString("<   [" + o.Data + "] " + o.Label + "\n")
		}
	}
	if turn != len(inputs)+1 {
		t.Errorf("%d turns answered, want %d (the welcome, or the wait for a first message, and one per input)", turn, len(inputs)+1)
	}
	return b.String()
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

// TestJSONProtocol checks what scripts rely on: one JSON object a line,
// options always a list, {"await": true} after the welcome and after each
// input, and a clean end at the end of input.
func TestJSONProtocol(t *testing.T) {
	var out bytes.Buffer
	in := "start/welcome/ok\nhallo\n\n!sos\n"
	c := &Console{Handler: newDispatcher(t), In: strings.NewReader(in), Out: &out, JSON: true}
	if err := c.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	awaits := 0
	for i, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d %q: %v", i+1, line, err)
		}
		if _, ok := m["await"]; ok {
			if string(m["await"]) != "true" || len(m) != 1 {
				t.Errorf("line %d = %s, want {\"await\":true}", i+1, line)
			}
			awaits++
			continue
		}
		if len(m["text"]) < 3 || len(m["options"]) < 2 || m["options"][0] != '[' {
			t.Errorf("line %d = %s, want text and an options list", i+1, line)
		}
	}
	// The welcome and three inputs: the empty line is no input.
	if awaits != 4 {
		t.Errorf("%d await lines, want 4", awaits)
	}
}

// TestTextMode drives the console as a person would: numbers for options,
// and the quick exit, after which a new conversation can begin.
func TestTextMode(t *testing.T) {
	d := newDispatcher(t)
	ct := d.Engine.Content()
	start := ct.Flows["start"]
	welcome := start.State(start.Start)
	// 1: the welcome's first option; then the quick exit, 0 on every
	// screen; then 1 again, which starts over.
	exit := "0"
	var out bytes.Buffer
	c := &Console{Handler: d, In: strings.NewReader("1\n" + exit + "\n1\n"), Out: &out}
	if err := c.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	got := out.String()
	for _, want := range []string{
		"  1) " + ct.Text("nl", welcome.Options[0].Label) + "\n",
		"  " + exit + ") " + ct.Text("nl", content.KeyOptExit) + "\n",
		"\n" + ct.Text("nl", content.KeyExit) + "\n> ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	first := strings.SplitN(ct.Text("nl", welcome.Text), "\n", 2)[0]
	if n := strings.Count(got, first); n != 2 {
		t.Errorf("welcome shown %d times, want 2:\n%s", n, got)
	}
	// Every screen with the quick exit shows it as 0, and as 0 only.
	exitLabel := ct.Text("nl", content.KeyOptExit)
	for _, line := range strings.Split(got, "\n") {
		if strings.HasSuffix(line, ") "+exitLabel) && line != "  0) "+exitLabel {
			t.Errorf("the quick exit is shown as %q, want %q", line, "  0) "+exitLabel)
		}
	}
}

// noTrace are words that, on a screen after a quick exit, would tell
// whoever looks what was there: what the bot is about, that help was
// sought, the emergency number, that something was deleted, or the bot
// itself.
var noTrace = regexp.MustCompile(`(?i)uitbuit|mensenhandel|exploit|traffick|seks|sex|loverboy|drugs|hulp|help|112|nood|emergency|gevaar|danger|veilig|safe|gewist|wis|verwijder|delet|eras|gesprek|conversation|chat|signaal|signal|bot|fier|keerpunt|politie|police`)

// TestQuickExitLeavesNoTrace: deep in a conversation, in either language,
// the quick exit (the button's number, its label typed, or /stop) clears
// the terminal, scrollback included, and what is on screen afterwards
// names nothing of what was there.
func TestQuickExitLeavesNoTrace(t *testing.T) {
	d := newDispatcher(t)
	ct := d.Engine.Content()
	deep := []string{"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/me", "jong/intro/go",
		"jong/age/under18", "jong/topic/sexual", "jong/sexual/yes", "jong/sexual-info/go", "jong/danger/no", "jong/home/no"}
	for _, lang := range ct.Langs {
		for _, exit := range []string{"!exit", ct.Text(lang, "sys.opt.exit"), "/stop", "exit-number"} {
			t.Run(lang+" "+exit, func(t *testing.T) {
				in := append([]string{"/taal " + lang}, deep...)
				if exit == "exit-number" {
					exit = "0" // the quick exit's key on every screen
				}
				var out bytes.Buffer
				// The quick exit is answered before the session is read,
				// in the language of the device.
				c := &Console{Handler: d, In: strings.NewReader(strings.Join(append(in, exit), "\n") + "\n"), Out: &out, Lang: lang}
				if err := c.Run(context.Background()); err != nil {
					t.Fatalf("Run: %v", err)
				}
				got := out.String()
				i := strings.LastIndex(got, ClearScreen)
				if i < 0 {
					t.Fatalf("the screen was not cleared after the quick exit:\n%s", got)
				}
				before, after := got[:i], got[i+len(ClearScreen):]
				if !strings.Contains(before, ct.Contacts["fier"].Chat) {
					t.Fatalf("the conversation did not reach the ending before the exit:\n%s", before)
				}
				if want := "\n" + ct.Text(lang, content.KeyExit) + "\n> "; after != want {
					t.Errorf("after the quick exit the screen shows %q, want only %q", after, want)
				}
				if m := noTrace.FindString(after); m != "" {
					t.Errorf("after the quick exit the screen says %q: %q", m, after)
				}
			})
		}
	}
}

// TestOverlongLine pastes a line of a mebibyte, then goes on: the long line
// gets an answer like any other and the next three lines are answered too.
func TestOverlongLine(t *testing.T) {
	huge := strings.Repeat("help ", 1<<20/5+1)
	in := strings.Join([]string{huge, "start/welcome/ok", "/help", "/terug"}, "\n") + "\n"
	var out bytes.Buffer
	c := &Console{Handler: newDispatcher(t), In: strings.NewReader(in), Out: &out, JSON: true}
	if err := c.Run(context.Background()); err != nil {
		t.Fatalf("Run() = %v", err)
	}
	// One wait for input after the welcome and one after each line.
	if got, want := strings.Count(out.String(), `{"await":true}`), 5; got != want {
		t.Errorf("the bot waited for input %d times, want %d (every line answered):\n%s", got, want, out.String())
	}
	if strings.Contains(out.String(), "help help help") {
		t.Error("the pasted text was echoed back")
	}
}

func TestReadLine(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"short lines", "a\nb\n", []string{"a", "b", ""}},
		{"no final newline", "a\nb", []string{"a", "b"}},
		{"overlong", strings.Repeat("x", 3*maxLine) + "\nnext\n", []string{strings.Repeat("x", maxLine), "next", ""}},
		{"cut inside a character", strings.Repeat("x", maxLine-1) + "é\n", []string{strings.Repeat("x", maxLine-1), ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bufio.NewReaderSize(strings.NewReader(tt.in), 16)
			var got []string
			for {
				line, err := readLine(r)
				got = append(got, strings.TrimSuffix(line, "\n"))
				if err != nil {
					break
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("readLine(%.20q...) lines = %.40q, want %.40q", tt.in, got, tt.want)
			}
		})
	}
}
