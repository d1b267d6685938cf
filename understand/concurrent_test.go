package understand

import (
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentUnderstand reads messages from several goroutines at once,
// as the channels' lanes do with one Index, and checks that each reading
// is the one a single goroutine gets. Under the race detector it is the
// test of this package that runs (see SkipUnderRace): the scratch space
// the readings share is where a race would be.
func TestConcurrentUnderstand(t *testing.T) {
	spec, x := shippedIndex(t)
	// A few hundred messages spread over all of messages/: enough
	// readings side by side for the detector, however many rounds the
	// content holds.
	var texts []string
	step := max(len(spec.Messages)/300, 1)
	for i := 0; i < len(spec.Messages); i += step {
		texts = append(texts, spec.Messages[i].Text)
	}
	if len(texts) < 50 {
		t.Fatalf("%d messages to read, want at least 50", len(texts))
	}
	reading := func(text string) string {
		m := x.Understand("nl", text)
		s := fmt.Sprintf("danger=%v fear=%v who=%s lang=%s", m.Danger, m.Fear, m.Who, m.Lang)
		if m.Intent != nil {
			s += " intent=" + m.Intent.ID
		}
		if m.Topic != nil {
			s += " topic=" + m.Topic.ID
		}
		for _, ct := range m.Found {
			s += " " + ct.ID
		}
		return s
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = reading(text)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				i := (k*7 + g*13) % len(texts) // each goroutine in its own order
				if got := reading(texts[i]); got != want[i] {
					t.Errorf("goroutine %d: Understand(%q) = %s, want %s as read alone", g, texts[i], got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}
