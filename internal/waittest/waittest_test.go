package waittest

import (
	"os"
	"sync"
	"testing"
	"time"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestSideBySide runs Parallel tests that each wait for all of them to be
// running: with Go's default of one at a time per CPU they never would.
func TestSideBySide(t *testing.T) {
	if !raised {
		t.Skip("-parallel was given, or this is fuzzing")
	}
	var mu sync.Mutex
	running := 0
	all := make(chan struct{})
	for i := range Parallel {
		t.Run("", func(t *testing.T) {
			t.Parallel()
			mu.Lock()
			if running++; running == Parallel {
				close(all)
			}
			mu.Unlock()
			select {
			case <-all:
			case <-time.After(10 * time.Second):
				mu.Lock()
				defer mu.Unlock()
				t.Errorf("test %d: %d of %d tests running side by side after 10s", i, running, Parallel)
			}
		})
	}
}
