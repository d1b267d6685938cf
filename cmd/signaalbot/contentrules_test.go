package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"signaal/bot/telegram/tgtest"
)

// contentWith copies content/testdata/good to a directory with one
// replacement made in one file, and returns the directory.
func contentWith(t *testing.T, file, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	src := "../../content/testdata/good"
	replaced := false
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if filepath.ToSlash(rel) == file {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s has no %q", file, old)
			}
			b, replaced = bytes.Replace(b, []byte(old), []byte(new), 1), true
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if !replaced {
		t.Fatalf("no file %s in %s", file, src)
	}
	return dir
}

// unsafeContent is content that must never reach anyone: each case breaks
// one of the rules that keep 112 and the quick exit working.
var unsafeContent = []struct {
	name, file, old, new string
	want                 string // the problem lint prints
}{
	{"112 with another number", "contacts.yaml", `phone: "112"`, `phone: "211"`,
		`error: contacts.yaml:8: contact "alarm" is the emergency contact (first in emergency), so its phone must be 112, not "211"`},
	{"web address that runs code", "contacts.yaml", "web: www.example.org", "web: javascript:alert(1)",
		`error: contacts.yaml:14: contact "help": web "javascript:alert(1)" is not a web address`},
	{"quick exit labelled yes", "texts/nl.yaml", `sys.opt.exit: "nl sys.opt.exit"`, `sys.opt.exit: "ja"`,
		`error: texts/nl.yaml:2: text "sys.opt.exit" is "ja", an ordinary answer`},
	{"group line without 112", "texts/en.yaml", `sys.group: "en sys.group 112"`, `sys.group: "en sys.group"`,
		`error: texts/en.yaml:18: text "sys.group": the group-chat line does not name 112`},
	{"helpline with the letter O", "contacts.yaml", "phone: 0800-0000", "phone: O8OO-OOOO",
		`error: contacts.yaml:14: contact "help": phone "O8OO-OOOO" is not a Dutch phone number`},
	{"helpline in words", "contacts.yaml", "phone: 0800-0000", "phone: call me maybe",
		`error: contacts.yaml:14: contact "help": phone "call me maybe" is not a Dutch phone number`},
	{"112 button without a label", "texts/en.yaml", `sys.opt.sos: "en 112"`, `sys.opt.sos: ""`,
		`error: texts/en.yaml:1: text "sys.opt.sos" is empty`},
	{"112 button without 112", "texts/nl.yaml", `sys.opt.sos: "nl 112"`, `sys.opt.sos: "Noodhulp"`,
		`error: texts/nl.yaml:1: text "sys.opt.sos" is "Noodhulp": the emergency option must name 112`},
	{"quick exit labelled as 112", "texts/nl.yaml", `sys.opt.exit: "nl sys.opt.exit"`, `sys.opt.exit: "NL 112"`,
		`error: texts/nl.yaml:2: text "sys.opt.exit" is "NL 112", the same label as text "sys.opt.sos" in nl`},
}

// TestLintUnsafeContent: lint names the problem with file and line and
// exits 1.
func TestLintUnsafeContent(t *testing.T) {
	for _, tc := range unsafeContent {
		t.Run(tc.name, func(t *testing.T) {
			dir := contentWith(t, tc.file, tc.old, tc.new)
			code, out, _ := runApp(t, "", nil, "lint", "--content", dir)
			if code != 1 || !strings.Contains(out, tc.want) {
				t.Errorf("lint = exit %d, %q; want exit 1 with %q", code, out, tc.want)
			}
		})
	}
}

// TestServeRefusesUnsafeContent: serve does not start on such content; it
// exits 1 before it asks the Bot API anything, saying what is wrong.
func TestServeRefusesUnsafeContent(t *testing.T) {
	for _, tc := range unsafeContent {
		t.Run(tc.name, func(t *testing.T) {
			srv := tgtest.New(t)
			env := map[string]string{"TELEGRAM_BOT_TOKEN": tgtest.Token, "TELEGRAM_API_ENDPOINT": srv.Endpoint(), "ADMIN_ADDR": "127.0.0.1:0"}
			dir := contentWith(t, tc.file, tc.old, tc.new)
			code, _, stderr := serveApp(t, env, "serve", "--content", dir)
			want := strings.TrimPrefix(tc.want, "error: ")
			if code != 1 || !strings.Contains(stderr, "content is invalid") || !strings.Contains(stderr, want) {
				t.Errorf("serve --content (%s) = exit %d, %q; want exit 1, content is invalid, with %q", tc.name, code, stderr, want)
			}
			if calls := srv.Calls("getMe"); len(calls) != 0 {
				t.Errorf("serve on invalid content called getMe %d times, want 0", len(calls))
			}
		})
	}
}
