package content

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzTargets are the files FuzzLoad lays its input over: one of every
// kind that Load decodes.
var fuzzTargets = []string{"flows/other.yaml", "contacts.yaml", "texts/nl.yaml", "texts/en.yaml", "search.yaml"}

// fuzzTarget is the target a content file's seeds are laid over.
func fuzzTarget(name string) uint8 {
	switch {
	case strings.HasPrefix(name, flowsDir+"/"):
		name = "flows/other.yaml"
	case name == "texts/"+DefaultLang+".yaml":
	case strings.HasPrefix(name, textsDir+"/"):
		name = "texts/en.yaml"
	}
	return uint8(slices.Index(fuzzTargets, name))
}

// FuzzLoad lays arbitrary bytes over one file of testdata/good, chosen
// by target, and loads the result. Load must return content or problems
// naming a file, never panic, and content that loads must render.
func FuzzLoad(f *testing.F) {
	good := goodFS(f)
	for name, file := range good {
		f.Add(fuzzTarget(name), file.Data)
	}
	err := fs.WalkDir(os.DirFS("data"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".yaml" {
			return err
		}
		b, err := os.ReadFile(filepath.Join("data", p))
		f.Add(fuzzTarget(p), b)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	fixtures, err := filepath.Glob("testdata/bad/*.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range fixtures {
		fx := readFixture(f, name)
		for file, body := range fx.files {
			f.Add(fuzzTarget(file), []byte(body))
		}
		for file, body := range fx.appends {
			f.Add(fuzzTarget(file), append(slices.Clone(good[file].Data), body...))
		}
		for file, body := range fx.sets {
			f.Add(fuzzTarget(file), []byte(setKeys(f, string(good[file].Data), body)))
		}
	}
	for _, s := range []string{
		"", "~", "[]", "flow: other\nstates:\n  -\n", "states: [~]\n", "flow: x\nstates: [{id: a, options: [~], branch: [~], report: [null]}]\n",
		"contacts:\n  -\ncategories: [~]\n", "contacts: [{open: {days: [~]}}]\n", "a: &a [x]\nb: *a\n", "synonyms: [~, [~]]\n",
		aliasBomb(20),
	} {
		for i := range fuzzTargets {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, target uint8, body []byte) {
		fsys := maps.Clone(good)
		name := fuzzTargets[int(target)%len(fuzzTargets)]
		fsys[name] = &fstest.MapFile{Data: body}
		c, err := LoadWith(fsys, strict)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 || c != nil {
				t.Fatalf("Load(%s = %q) = %v, %v; want nil and Problems", name, body, c, err)
			}
			for _, p := range ps {
				if p.File == "" || p.Msg == "" {
					t.Errorf("Load(%s = %q): problem %+v names no file or says nothing", name, body, p)
				}
			}
			return
		}
		for _, lang := range c.Langs {
			c.Cards(lang, c.ContactOrder)
		}
	})
}
