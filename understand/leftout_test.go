package understand_test

import (
	"os"
	"path/filepath"
	"testing"

	"signaal/flows"
	"signaal/understand"
)

// TestRoundsLeftOut scores each learnt round with the models trained
// without it (the danger model learns from content/data/messages), as a
// new round would meet them: what the models add at first sight. The
// rules and examples were learnt from every round, so this is not a
// first-sight score of the whole; it is how to compare one way of
// training with another. It takes a model per round, so it runs only when
// asked: ROUNDS_LEFT_OUT=1 go test ./understand -run TestRoundsLeftOut -v
func TestRoundsLeftOut(t *testing.T) {
	if os.Getenv("ROUNDS_LEFT_OUT") == "" {
		t.Skip("set ROUNDS_LEFT_OUT=1 to run")
	}
	c, u := loaded(t)
	files, _ := filepath.Glob("../content/data/messages/round-*.txt")
	var right, rows, dangers, dangersRight int
	for _, f := range files {
		name := "messages/" + filepath.Base(f)
		without := *u
		without.Messages = nil
		for _, m := range u.Messages {
			if m.File != name {
				without.Messages = append(without.Messages, m)
			}
		}
		e, err := flows.New(c, flows.WithUnderstander(understand.New(c, &without)), flows.WithOpenNow())
		if err != nil {
			t.Fatal(err)
		}
		s := scoreRound(t, e, c, readRound(t, f))
		t.Logf("%s left out: %d of %d right; danger %d of %d", filepath.Base(f), s.right, s.rows, s.dangersRight, s.dangers)
		if os.Getenv("ROUNDS_LEFT_OUT") == "v" {
			for _, w := range s.wrong {
				t.Log(w)
			}
		}
		right, rows, dangers, dangersRight = right+s.right, rows+s.rows, dangers+s.dangers, dangersRight+s.dangersRight
	}
	t.Logf("all rounds, each left out: %d of %d right (%.1f%%); danger %d of %d (%.1f%%)", right, rows, 100*float64(right)/float64(rows), dangersRight, dangers, 100*float64(dangersRight)/float64(dangers))
}
