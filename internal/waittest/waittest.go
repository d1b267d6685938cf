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

// given is whether -parallel was given.
var given bool

// Main runs the tests as TestMain does, and returns the exit code:
//
//	func TestMain(m *testing.M) { os.Exit(waittest.Main(m)) }
func Main(m *testing.M) int {
	flag.Parse()
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		if err := flag.Set("test.parallel", strconv.Itoa(max(Parallel, runtime.GOMAXPROCS(0)))); err != nil {
			panic(err) // the testing package always defines it
		}
	}
	return m.Run()
}
