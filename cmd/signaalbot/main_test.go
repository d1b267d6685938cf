package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// testEnv looks variables up in env, with the tests' MODEL_CACHE unless
// env sets one: the commands run here keep their models in the tests'
// model cache, not in the bot's.
func testEnv(env map[string]string) func(string) string {
	return func(k string) string {
		if v, ok := env[k]; ok || k != "MODEL_CACHE" {
			return v
		}
		return modelCache
	}
}

func runApp(t *testing.T, stdin string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: testEnv(env)}
	code = a.run(context.Background(), args)
	return code, out.String(), errb.String()
}

// TestChatJSONToReferral scripts a whole path to a referral the way the
// README shows, by always pressing the first content option on screen,
// until an ending offers to start again.
func TestChatJSONToReferral(t *testing.T) {
	// Forty conversations replayed in process, seconds under -race: beside
	// the tests that wait for a running binary rather than before them.
	t.Parallel()
	var inputs []string
	for step := 0; step < 40; step++ {
		code, out, errOut := runApp(t, strings.Join(inputs, "\n")+"\n", nil, "chat", "--json")
		if code != 0 {
			t.Fatalf("chat --json exit %d: %s", code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if lines[len(lines)-1] != `{"await":true}` {
			t.Fatalf("last line = %s, want {\"await\":true}", lines[len(lines)-1])
		}
		var last struct {
			Text    string `json:"text"`
			Options []struct{ ID, Label string }
		}
		if err := json.Unmarshal([]byte(lines[len(lines)-2]), &last); err != nil {
			t.Fatal(err)
		}
		next := ""
		for _, o := range last.Options {
			if o.ID == "!restart" {
				if !strings.Contains(last.Text, "Bel:") && !strings.Contains(last.Text, "Chat:") && !strings.Contains(last.Text, "Website:") {
					t.Errorf("ending without contact details: %q", last.Text)
				}
				return
			}
			if next == "" && !strings.HasPrefix(o.ID, "!") {
				next = o.ID
			}
		}
		if next == "" {
			t.Fatalf("no content option to press after %v: %s", inputs, lines[len(lines)-2])
		}
		inputs = append(inputs, next)
	}
	t.Fatalf("no referral after %d inputs: %v", len(inputs), inputs)
}

func TestLintCommand(t *testing.T) {
	code, out, _ := runApp(t, "", nil, "lint")
	if code != 0 || !strings.Contains(out, "content is valid") {
		t.Errorf("lint (embedded) = %d, %q; want 0, content is valid", code, out)
	}
	// Copies of the test content: one that Load refuses, with an option
	// leading nowhere, and one that only the engine refuses, as it finds
	// a state that no move reaches in the machine it compiled.
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"unknown target", "next: last", "next: nowhere", `error: flows/other.yaml:7: state "first": unknown target state "nowhere"`},
		{"unreachable", "next: last", "next: first", `error: flows/other.yaml:8: state "last" is unreachable from start "first"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := contentWith(t, "flows/other.yaml", tc.old, tc.new)
			code, out, _ := runApp(t, "", nil, "lint", "--content", dir)
			if !strings.Contains(out, tc.want) {
				t.Errorf("lint output lacks %q:\n%s", tc.want, out)
			}
			if code != 1 {
				t.Errorf("lint exit = %d, want 1", code)
			}
			// The bot itself refuses to start on the same content.
			code, _, errOut := runApp(t, "", nil, "chat", "--content", dir)
			if code != 1 || !strings.Contains(errOut, "content is invalid") || !strings.Contains(errOut, strings.TrimPrefix(tc.want, "error: ")) {
				t.Errorf("chat on invalid content = %d, %q; want 1, 'content is invalid' and %q", code, errOut, tc.want)
			}
		})
	}
}

func TestGraphCommand(t *testing.T) {
	code, out, _ := runApp(t, "", nil, "graph", "--content", "../../content/testdata/good", "start")
	for _, want := range []string{"graph LR", "[ask]", "--> |nl yes|", "--> |if worry=yes|", "--> |otherwise|", "[flow:other]"} {
		if !strings.Contains(out, want) {
			t.Errorf("graph output lacks %q:\n%s", want, out)
		}
	}
	if code != 0 {
		t.Errorf("graph exit = %d", code)
	}
	if code, _, _ := runApp(t, "", nil, "graph", "nope"); code != 1 {
		t.Errorf("graph of an unknown flow exit = %d, want 1", code)
	}
}

func TestOverview(t *testing.T) {
	tests := []struct {
		args       []string
		wantCode   int
		wantStdout bool   // the overview on stdout (asked for) or stderr (a mistake)
		wantErr    string // part of stderr
	}{
		{args: []string{"help"}, wantCode: 0, wantStdout: true},
		{args: []string{"-h"}, wantCode: 0, wantStdout: true},
		{args: []string{"--help"}, wantCode: 0, wantStdout: true},
		{args: nil, wantCode: 2},
		{args: []string{"frobnicate"}, wantCode: 2, wantErr: `unknown command "frobnicate"`},
		{args: []string{"help", "frobnicate"}, wantCode: 2, wantErr: `unknown command "frobnicate"`},
		{args: []string{"help", "chat", "serve"}, wantCode: 2, wantErr: "name one command"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runApp(t, "", nil, tt.args...)
			if code != tt.wantCode {
				t.Errorf("run(%q) exit = %d, want %d", tt.args, code, tt.wantCode)
			}
			overview, other := errOut, out
			if tt.wantStdout {
				overview, other = out, errOut
			}
			if !strings.Contains(overview, "usage: signaalbot <command>") || !strings.Contains(overview, "signaalbot help <command>") {
				t.Errorf("run(%q) printed %q, want the overview there", tt.args, overview)
			}
			for _, c := range (&app{}).commands() {
				if !strings.Contains(overview, "  "+c.name+" ") {
					t.Errorf("run(%q) overview lacks the command %s:\n%s", tt.args, c.name, overview)
				}
			}
			if tt.wantStdout && other != "" {
				t.Errorf("run(%q) wrote %q to stderr, want nothing", tt.args, other)
			}
			if !tt.wantStdout && other != "" {
				t.Errorf("run(%q) wrote %q to stdout, want nothing", tt.args, other)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, errOut, tt.wantErr)
			}
		})
	}
}

// TestCommandHelp asks every command for help in the three ways a new user
// might: it must print the command's usage and flags on stdout, exit 0,
// and do nothing else (no conversation, no check, no file).
func TestCommandHelp(t *testing.T) {
	t.Chdir(t.TempDir()) // qr would write FLOW.png here
	for _, c := range (&app{}).commands() {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}, {c.name, "--json", "-h", "jong"}} {
			if args[1] == "--json" && c.name != "chat" {
				continue
			}
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				// Input and a Telegram token would let a command that
				// ignored -h go on, and show up in stdout or stderr.
				code, out, errOut := runApp(t, "start/welcome/ok\n", map[string]string{"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_API_ENDPOINT": "http://127.0.0.1:1/bot%s/%s"}, args...)
				if code != 0 || errOut != "" {
					t.Errorf("run(%q) = %d, stderr %q; want 0 and nothing on stderr", args, code, errOut)
				}
				head, flags, ok := strings.Cut(out, "\nflags:\n")
				if !ok || !strings.HasPrefix(head, "usage: signaalbot "+c.name+" "+c.args+"\n") || !strings.Contains(head, c.summary) {
					t.Fatalf("run(%q) stdout = %q, want the usage line, the summary and the flags", args, out)
				}
				// Every flag the synopsis shows is among the flags listed.
				for _, f := range regexp.MustCompile(`--[a-z-]+`).FindAllString(c.args, -1) {
					if !strings.Contains(flags, "  "+f[1:]+" ") && !strings.Contains(flags, "  "+f[1:]+"\n") {
						t.Errorf("run(%q) flags = %q, want %s among them", args, flags, f)
					}
				}
				// serve lists its secrets after the flags.
				flags, _, _ = strings.Cut(flags, "\n\nsecrets,")
				// After "flags:" come only flag.PrintDefaults lines: a
				// conversation or a report would not look like them.
				for _, line := range strings.Split(strings.TrimSuffix(flags, "\n"), "\n") {
					if !strings.HasPrefix(line, "  -") && !strings.HasPrefix(line, "    \t") {
						t.Errorf("run(%q) printed %q after the flags", args, line)
					}
				}
			})
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("help wrote files: %v", entries)
	}
}

func TestBadFlag(t *testing.T) {
	for _, c := range (&app{}).commands() {
		code, out, errOut := runApp(t, "", nil, c.name, "--no-such-flag")
		if code != 2 || out != "" || !strings.Contains(errOut, "flag provided but not defined: -no-such-flag") || !strings.Contains(errOut, "usage: signaalbot "+c.name) {
			t.Errorf("run(%s --no-such-flag) = %d, %q, %q; want 2, nothing on stdout, the mistake and the usage on stderr", c.name, code, out, errOut)
		}
	}
}

// TestChatEnvErrors checks that a mistake in the environment stops chat
// before it starts, naming the variable.
func TestChatEnvErrors(t *testing.T) {
	tests := []struct {
		env     map[string]string
		args    []string
		wantErr string
	}{
		{map[string]string{"SESSION_IDLE": "soon"}, nil, "SESSION_IDLE"},
		{map[string]string{"LOG_LEVEL": "loud"}, nil, "LOG_LEVEL"},
		{map[string]string{"REDIS_PASSWORD": "pw"}, nil, "REDIS_PASSWORD is set but no Redis is"},
		{nil, []string{"--redis-url", "http://h:1"}, "--redis-url has scheme"},
		{map[string]string{"EXIT_JOURNAL": "/nonexistent-directory/exits"}, nil, "EXIT_JOURNAL"},
	}
	for _, tt := range tests {
		code, out, errOut := runApp(t, "", tt.env, append([]string{"chat"}, tt.args...)...)
		if code != 1 || out != "" || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("chat %q with %v = %d, %q, %q; want 1, no conversation, an error naming %s", tt.args, tt.env, code, out, errOut, tt.wantErr)
		}
	}
}

// TestChatLogs runs the terminal chat: its log must not mix into the
// conversation on stdout, and is quiet on stderr unless LOG_LEVEL asks for
// more, in which case it is text for a person, not JSON.
func TestChatLogs(t *testing.T) {
	tests := []struct {
		name       string
		env        map[string]string
		args       []string
		wantStderr []string
		notStderr  []string
	}{
		{"default", nil, nil, nil, []string{"level=INFO", "sessions are kept", `{"time"`}},
		{"json", nil, []string{"--json"}, nil, []string{"level=INFO", "sessions are kept", `{"time"`}},
		{"LOG_LEVEL=info", map[string]string{"LOG_LEVEL": "info"}, nil, []string{"level=INFO", "sessions are kept in memory"}, []string{`{"time"`}},
		{"LOG_LEVEL=debug", map[string]string{"LOG_LEVEL": "debug"}, []string{"--json"}, []string{"level=INFO", "sessions are kept in memory"}, []string{`{"time"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runApp(t, "1\n", tt.env, append([]string{"chat"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("chat %q = exit %d: %s", tt.args, code, errOut)
			}
			if out == "" {
				t.Fatalf("chat %q printed no conversation", tt.args)
			}
			for _, line := range strings.Split(out, "\n") {
				if strings.Contains(line, "level=") || strings.Contains(line, `"level"`) || strings.Contains(line, "sessions are kept") {
					t.Errorf("chat %q stdout has a log line: %q", tt.args, line)
				}
			}
			for _, want := range tt.wantStderr {
				if !strings.Contains(errOut, want) {
					t.Errorf("chat %q with %v stderr = %q, want %q in it", tt.args, tt.env, errOut, want)
				}
			}
			for _, not := range tt.notStderr {
				if strings.Contains(errOut, not) {
					t.Errorf("chat %q with %v stderr = %q, want no %q in it", tt.args, tt.env, errOut, not)
				}
			}
		})
	}
}
