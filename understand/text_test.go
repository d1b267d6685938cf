package understand

import "testing"

// TestCorrectKeepsPatterned: a typed word that a pattern of the content
// matches is known by it, and never read as another word one letter away:
// with "*bonk*" among the signs, "bonken" is not the "banken" of some
// other phrase.
func TestCorrectKeepsPatterned(t *testing.T) {
	for _, tc := range []struct {
		name    string
		phrases []string
		typed   string
		want    string
	}{
		{"no pattern: a typo of a known word", []string{"banken"}, "bonken", "banken"},
		{"a pattern that contains it", []string{"banken", "*bonk*"}, "bonken", "bonken"},
		{"a pattern that starts it", []string{"drugs", "drugs*"}, "drugsdealer", "drugsdealer"},
		{"a pattern that ends it", []string{"banken", "*onken"}, "bonken", "bonken"},
		{"a pattern of another word", []string{"banken", "*bonst*"}, "bonken", "banken"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLexicon()
			for _, p := range tc.phrases {
				l.addPhrase(p, 1)
			}
			l.index()
			if got := l.correct(tc.typed); got != tc.want {
				t.Errorf("correct(%q) = %q, want %q", tc.typed, got, tc.want)
			}
		})
	}
}
