package content

import (
	"strings"
	"unicode/utf8"
)

// FoldRune returns what an accented letter (lower case) is read as, and
// whether it is one: "é" is "e", "ß" is "ss", a curly quote a straight
// one. Labels, exit words, understanding and contact search all fold
// through it, so that what a person types means the same everywhere,
// however their phone writes it.
func FoldRune(r rune) (string, bool) {
	f, ok := folds[r]
	return f, ok
}

var folds = func() map[rune]string {
	m := map[rune]string{}
	for plain, accented := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćč", "e": "èéêëēėę", "i": "ìíîïī", "n": "ñń",
		"o": "òóôõöøōő", "u": "ùúûüūű", "y": "ýÿ", "s": "śšșş", "z": "źżž",
		"t": "țţ", "l": "ł",
	} {
		for _, r := range accented {
			m[r] = plain
		}
	}
	m['ß'], m['æ'], m['œ'], m['ĳ'] = "ss", "ae", "oe", "ij"
	m['’'], m['‘'] = "'", "'"
	return m
}()

// NormaliseLabel folds case, spacing and accents, so that a label typed
// as a message matches however it was typed. The engine compares typed
// text with labels through it, and lint checks labels with it, so that
// both see the same thing.
func NormaliseLabel(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if f, ok := FoldRune(r); ok {
			b.WriteString(f)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Cut shortens s to at most n bytes without splitting a character: the
// one way an input, a label or a line is cut to a limit.
func Cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
