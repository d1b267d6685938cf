// Package waittest runs the tests of packages whose tests mostly wait: on
// Telegram's limit of about a message a second per chat, on Redis
// time-outs, on a process to start. Go runs as many parallel tests at once
// as there are CPUs (-parallel defaults to GOMAXPROCS), so on a small
// machine such tests queue up to wait one after the other. Main lets more
// of them wait side by side; an explicit -parallel still decides.
package waittest

import (
	"flag"
	"runtime"
	"strconv"
	"testing"
)

// Parallel is how many parallel tests run at once when -parallel is not
// given (or GOMAXPROCS, when that is more).
const Parallel = 8

// raised is whether Main raised -parallel.
var raised bool

// Main runs the tests as TestMain does, and returns the exit code:
//
//	func TestMain(m *testing.M) { os.Exit(waittest.Main(m)) }
func Main(m *testing.M) int {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	// When fuzzing, -parallel is the number of fuzzing processes, which
	// compute: as many as CPUs is right.
	fuzzing := flag.Lookup("test.fuzz").Value.String() != ""
	if !given && !fuzzing {
		if err := flag.Set("test.parallel", strconv.Itoa(max(Parallel, runtime.GOMAXPROCS(0)))); err != nil {
			panic(err) // the testing package always defines it
		}
		raised = true
	}
	return m.Run()
}
