package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestModelCacheDir checks where MODEL_CACHE keeps the trained models.
func TestModelCacheDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/home/editor/.cache")
	for _, c := range []struct{ setting, want string }{
		{"", "/home/editor/.cache/signaal"},
		{"  ", "/home/editor/.cache/signaal"},
		{"off", ""},
		{"/var/cache/signaal", "/var/cache/signaal"},
	} {
		if got := modelCacheDir(c.setting); got != c.want {
			t.Errorf("modelCacheDir(%q) = %q, want %q", c.setting, got, c.want)
		}
	}
}

// TestBinaryKeepsModels starts the shipped binary on an empty MODEL_CACHE
// of its own: its models are kept there, not in the user's cache
// directory, with notes of their keys; then it starts the binary again,
// which finds them and writes nothing. (That "off" keeps none is TestModelCacheDir's and
// understand's to show.) The content is the shipped one with two rounds
// of messages: keeping and finding models does not depend on how many
// messages trained them, and fewer train in a blink.
func TestBinaryKeepsModels(t *testing.T) {
	t.Parallel()
	models := func(dir string) []string {
		t.Helper()
		var files []string
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	content := t.TempDir()
	if err := os.CopyFS(content, os.DirFS("../../content/data")); err != nil {
		t.Fatal(err)
	}
	rounds, err := filepath.Glob(filepath.Join(content, "messages", "round-*.txt"))
	if err != nil || len(rounds) < 2 {
		t.Fatalf("content/data/messages holds %d rounds (%v), want at least 2", len(rounds), err)
	}
	for _, f := range rounds[2:] {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	start := func() (home string) {
		t.Helper()
		home = t.TempDir()
		if code, out := runBinary(t, []string{"MODEL_CACHE=" + dir, "XDG_CACHE_HOME=" + home}, "lint", "--content", content); code != 0 {
			t.Fatalf("signaalbot lint exited %d:\n%s", code, out)
		}
		return home
	}
	// Four models, and a note of the key of each of the three learnt from
	// messages, so that a start of the same binary on the same content
	// reads them without reading the messages.
	kinds := func(files []string) (models, notes int) {
		for _, f := range files {
			switch filepath.Ext(f) {
			case ".model":
				models++
			case ".key":
				notes++
			}
		}
		return models, notes
	}
	home := start()
	first := models(dir)
	if m, n := kinds(first); m != 4 || n != 3 || len(first) != 7 {
		t.Fatalf("MODEL_CACHE holds %v after a start, want the four models and three notes", first)
	}
	if kept := models(home); len(kept) != 0 {
		t.Errorf("with MODEL_CACHE set the user's cache holds %v after a start, want nothing", kept)
	}
	stats := map[string]os.FileInfo{}
	for _, f := range first {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		stats[f] = st
	}
	home = start()
	if again := models(dir); !slices.Equal(again, first) {
		t.Errorf("MODEL_CACHE holds %v after a second start, want the same files %v", again, first)
	}
	for f, stat := range stats {
		if st, err := os.Stat(f); err != nil {
			t.Error(err)
		} else if !st.ModTime().Equal(stat.ModTime()) {
			t.Errorf("%s was written again by the second start, want it read", filepath.Base(f))
		}
	}
	if kept := models(home); len(kept) != 0 {
		t.Errorf("with MODEL_CACHE set the user's cache holds %v after a second start, want nothing", kept)
	}
}
