package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runApp(t *testing.T, stdin string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }}
	code = a.run(context.Background(), args)
	return code, out.String(), errb.String()
}

// TestChatJSONToReferral scripts a whole path to a referral the way the
// README shows, by always pressing the first content option on screen,
// until an ending offers to start again.
func TestChatJSONToReferral(t *testing.T) {
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
	// A copy of the test content with an option leading nowhere.
	dir := t.TempDir()
	src := "../../content/testdata/good"
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == filepath.Join("flows", "other.yaml") {
			b = bytes.Replace(b, []byte("next: last"), []byte("next: nowhere"), 1)
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ = runApp(t, "", nil, "lint", "--content", dir)
	for _, want := range []string{
		`error: flows/other.yaml:7: state "first": unknown target state "nowhere"`,
		`error: flows/other.yaml:8: state "last" is unreachable from start "first"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lint output lacks %q:\n%s", want, out)
		}
	}
	if code != 1 {
		t.Errorf("lint exit = %d, want 1", code)
	}
	// The bot itself refuses to start on the same content.
	code, _, errOut := runApp(t, "", nil, "chat", "--content", dir)
	if code != 1 || !strings.Contains(errOut, "content is invalid") {
		t.Errorf("chat on invalid content = %d, %q; want 1 and 'content is invalid'", code, errOut)
	}
}

func TestGraphCommand(t *testing.T) {
	code, out, _ := runApp(t, "", nil, "graph", "--content", "../../content/testdata/good", "start")
	for _, want := range []string{"flowchart TD", `s_ask -->|"nl yes"| s_route`, `s_route -->|"worry=yes"| s_end_help`, `flow_other[["flow other"]]`} {
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

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}} {
		if code, _, errOut := runApp(t, "", nil, args...); code != 2 || !strings.Contains(errOut, "usage:") {
			t.Errorf("run(%q) = %d, %q; want 2 and usage", args, code, errOut)
		}
	}
	if code, _, _ := runApp(t, "", map[string]string{"SESSION_IDLE": "soon"}, "chat"); code != 1 {
		t.Errorf("chat with a bad SESSION_IDLE exit = %d, want 1", code)
	}
}
