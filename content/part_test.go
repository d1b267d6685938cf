package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// notes is a Part for the tests: notes.yaml, notes that each name a
// contact and a text.
type notes struct {
	doc struct {
		Notes []*note `yaml:"notes"`
	}
	decoded, validated bool
}

type note struct {
	Contact string `yaml:"contact"`
	Text    string `yaml:"text"`

	Line int `yaml:"-"`
}

func (n *notes) File() string { return "notes.yaml" }

func (n *notes) Decode(k *Checker) { n.decoded = k.Decode(&n.doc) }

func (n *notes) Validate(c *Content, k *Checker) {
	n.validated = true
	for _, x := range n.doc.Notes {
		k.Contact(x.Line, x.Contact)
		k.Text(x.Line, x.Text)
		if x.Contact == "alarm" {
			k.Warnf(x.Line, "note on %q", x.Contact)
		}
	}
	if len(n.doc.Notes) > 1 {
		k.Errorf(0, "%d notes; one is enough", len(n.doc.Notes))
	}
}

// TestPart: a part's file is decoded as strictly as the content's own
// files and checked against them, and its problems and warnings stand in
// Load's lists at its file and line, in file and line order; when any
// file does not decode, nothing is checked; a part whose file the content
// does not have is left alone.
func TestPart(t *testing.T) {
	for _, tc := range []struct {
		name      string
		notes     string // "" for no notes.yaml
		flow      string // replaces "next: last" in flows/other.yaml when set
		want      string // the problems, or "warning: " and the warnings
		validated bool
	}{
		{
			name:      "good",
			notes:     "notes:\n  - {contact: alarm, text: hello}\n",
			want:      `warning: notes.yaml:2: note on "alarm"`,
			validated: true,
		},
		{
			name:  "problems",
			notes: "notes:\n  - {contact: nobody, text: hello}\n  - {contact: help, text: nothing}\n",
			flow:  "next: nowhere",
			want: strings.Join([]string{
				`flows/other.yaml:7: state "first": unknown target state "nowhere"`,
				`notes.yaml: 2 notes; one is enough`,
				`notes.yaml:2: unknown contact "nobody"`,
				`notes.yaml:3: missing text key "nothing" in texts/nl.yaml`,
			}, "\n"),
			validated: true,
		},
		{
			name:  "not decoded",
			notes: "notes:\n  - {contact: help, txt: hello}\n",
			flow:  "next: nowhere",
			want:  `notes.yaml:2: unknown field "txt"`,
		},
		{
			name: "no file",
			want: "",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := goodFS(t)
			if tc.notes != "" {
				fsys["notes.yaml"] = &fstest.MapFile{Data: []byte(tc.notes)}
			}
			if tc.flow != "" {
				other := "flows/other.yaml"
				fsys[other] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[other].Data), "next: last", tc.flow, 1))}
			}
			n := &notes{}
			c, err := LoadWith(fsys, Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Parts: []Part{n}})
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				lines, _ := Lint(c, nil)
				got = strings.Join(lines, "\n")
			}
			if got != tc.want {
				t.Errorf("Load(%s) = %q, want %q", tc.name, got, tc.want)
			}
			decoded := tc.notes != "" && tc.name != "not decoded"
			if n.decoded != decoded || n.validated != tc.validated {
				t.Errorf("Load(%s): decoded %v, validated %v; want %v, %v", tc.name, n.decoded, n.validated, decoded, tc.validated)
			}
		})
	}
}

// pages is a Part for the tests that is a directory of files.
type pages struct {
	files int
}

func (p *pages) File() string { return "pages" }

func (p *pages) Decode(k *Checker) {
	files, _ := k.Files()
	p.files = len(files)
}

func (p *pages) Validate(*Content, *Checker) {}

// TestPartFiles: a part that is a directory may hold maxPartFiles files,
// not one more.
func TestPartFiles(t *testing.T) {
	for _, n := range []int{maxPartFiles, maxPartFiles + 1} {
		fsys := goodFS(t)
		for i := range n {
			fsys[fmt.Sprintf("pages/%04d.txt", i)] = &fstest.MapFile{Data: []byte("page\n")}
		}
		p := &pages{}
		_, err := LoadWith(fsys, Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Parts: []Part{p}})
		tooMany := fmt.Sprintf("pages: %d files, at most %d may be in it", n, maxPartFiles)
		switch {
		case n <= maxPartFiles && (err != nil || p.files != n):
			t.Errorf("%d files: Load = %v, %d files read; want no problem and all read", n, err, p.files)
		case n > maxPartFiles && (err == nil || err.Error() != tooMany):
			t.Errorf("%d files: Load = %v; want %q", n, err, tooMany)
		}
	}
}
