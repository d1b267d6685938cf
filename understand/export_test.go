package understand

import (
	"testing"

	"signaal/content"
)

// What the tests of package understand_test, which drive the engine of
// package flows and so cannot be inside this package, look at besides
// the API.

// Typo is typo.
var Typo = typo

// Words are the words of text as the index reads them: spellings and
// typos mended towards the words it knows.
func (x *Index) Words(text string) []string { return x.lex.words(text) }

// SkipUnderRace skips a test of the understanding alone under the race
// detector. Reading a message is pure computation on one goroutine, and
// the tables, rounds and models take a minute and a half under -race for
// nothing it could find; TestConcurrentUnderstand is what runs there, and
// .ci/run runs the rest without -race.
func SkipUnderRace(t testing.TB) {
	t.Helper()
	if RaceOn {
		t.Skip("pure computation on one goroutine: run without -race")
	}
}

// Shipped is the index of the shipped content that the tests of this
// package share, so that a test binary trains its models once.
func Shipped() (*content.Content, *Index, error) {
	s, err := builtIndex()
	if err != nil {
		return nil, nil, err
	}
	return s.x.c, s.x, nil
}
