package content

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// aliasBomb is a flow file in which every state is an alias of the first,
// every option of the first state an alias of its first option, and that
// option's signals aliases of one signal: n states of n options of n
// signals, from a file of a few bytes per alias. A decoder that expands
// the aliases, and starts counting afresh for each state and option,
// does n*n*n decodes and keeps n*n copies of the signals: n = 150 took
// the loader before this check 15 seconds, and n = 800 makes some 19 KB
// and half a billion decodes.
func aliasBomb(n int) string {
	var b strings.Builder
	b.WriteString("flow: other\nstart: first\nstates:\n  - &st\n    id: first\n    text: other.first\n    options: &ol\n")
	b.WriteString("      - &op {id: on, label: go, next: first, also: &al [&a x=y")
	b.WriteString(strings.Repeat(", *a", n-1))
	b.WriteString("]}\n")
	b.WriteString(strings.Repeat("      - *op\n", n-1))
	b.WriteString(strings.Repeat("  - *st\n", n-1))
	return b.String()
}

// TestLoadAliasBomb: a file built to expand into gigabytes is refused at
// its first anchor, before anything is decoded.
func TestLoadAliasBomb(t *testing.T) {
	bomb := aliasBomb(800)
	fsys := goodFS(t)
	fsys["flows/other.yaml"] = &fstest.MapFile{Data: []byte(bomb)}
	start := time.Now()
	_, err := Load(fsys)
	t.Logf("Load refused a %d-byte alias bomb in %v", len(bomb), time.Since(start))
	want := Problem{File: "flows/other.yaml", Line: 4, Msg: "aliases are not allowed in content (found &st)"}
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0] != want {
		t.Errorf("Load(alias bomb) = %v, want %v", err, want)
	}
}

// BenchmarkLoadAliasBomb measures how long refusing the bomb takes.
func BenchmarkLoadAliasBomb(b *testing.B) {
	fsys := goodFS(b)
	fsys["flows/other.yaml"] = &fstest.MapFile{Data: []byte(aliasBomb(800))}
	for b.Loop() {
		if _, err := Load(fsys); err == nil {
			b.Fatal("Load(alias bomb) = nil error")
		}
	}
}

// TestLoadFileSize: a file of maxFileSize bytes is read, one byte more is
// refused, whichever kind of file it is.
func TestLoadFileSize(t *testing.T) {
	good := goodFS(t)
	for _, name := range []string{"flows/other.yaml", "contacts.yaml", "texts/en.yaml"} {
		for _, size := range []int{maxFileSize, maxFileSize + 1} {
			t.Run(fmt.Sprintf("%s/%d", name, size), func(t *testing.T) {
				fsys := goodFS(t)
				// A comment pads the good file to size, so that only the
				// size can be wrong with it.
				body := append([]byte{}, good[name].Data...)
				body = append(body, "\n#"...)
				body = append(body, strings.Repeat("x", size-len(body))...)
				fsys[name] = &fstest.MapFile{Data: body}
				_, err := Load(fsys)
				if size <= maxFileSize {
					if err != nil {
						t.Errorf("Load(%s of %d bytes) = %v, want no error", name, size, err)
					}
					return
				}
				want := Problem{File: name, Msg: fmt.Sprintf("the file is larger than %d bytes, the most a content file may be", maxFileSize)}
				var ps Problems
				if !errors.As(err, &ps) || len(ps) != 1 || ps[0] != want {
					t.Errorf("Load(%s of %d bytes) = %v, want %v", name, size, err, want)
				}
			})
		}
	}
}
