//go:build !race

package flows

// raceOn: the tests run under the race detector.
const raceOn = false
