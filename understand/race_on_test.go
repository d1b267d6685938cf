//go:build race

package understand

// RaceOn: the tests run under the race detector.
const RaceOn = true
