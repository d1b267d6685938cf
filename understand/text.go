package understand

import (
	"math/bits"
	"signaal/content"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the text side of the matching core: cutting a message into
// words, reading a word typed one letter wrong as the known word it is
// closest to, and finding phrases (with '*' for the start or end of a
// word) in a list of words. Contact search and understanding both read
// messages through it.

// Tokens normalises text into words: lower case, accents and punctuation
// removed, an apostrophe inside or after a word left out ("naaktfoto's" is
// "naaktfotos", "m'n" is "mn"), digits apart from letters ("15jaar" is
// "15", "jaar"), and a letter typed three or more times in a row kept
// twice ("heeeelp" is "heelp").
func Tokens(s string) []string { return tokens(s, -1) }

// tokens is Tokens, stopping after limit words when limit is not negative.
func tokens(s string, limit int) []string {
	var words []string
	var b strings.Builder
	var last rune
	run := 0
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
		last, run = 0, 0
	}
	put := func(r rune, s string) {
		if r == last && !unicode.IsDigit(r) {
			run++
			if run >= 2 {
				return // a third letter in a row adds nothing
			}
		} else {
			last, run = r, 0
		}
		b.WriteString(s)
	}
	for _, r := range s {
		if limit >= 0 && len(words) >= limit {
			return words
		}
		r = unicode.ToLower(r)
		if f, ok := content.FoldRune(r); ok && unicode.IsLetter(r) {
			put(r, f)
			continue
		}
		switch {
		case unicode.IsLetter(r):
			if last != 0 && unicode.IsDigit(last) {
				flush()
			}
			put(r, string(r))
		case unicode.IsDigit(r):
			if last != 0 && !unicode.IsDigit(last) {
				flush()
			}
			put(r, string(r))
		case (r == '\'' || r == '’' || r == '`') && b.Len() > 0:
			// Left out, so that the word goes on: "foto's", "m'n".
		default:
			flush()
		}
	}
	flush()
	return words
}

// Typo tolerance: words of minTypoLen letters or more may be one letter
// off (a letter missing, added, changed, or two swapped); a known word of
// minStemLen letters or more may start a longer word.
const (
	minTypoLen = 4
	minStemLen = 4
)

// lexicon is every word the content uses, in any text, example, keyword or
// contact: the words the bot knows. A typed word that is in it is taken as
// it is, never "corrected" into another: "bang" stays "bang" although
// "bank" is one letter away. A word that is not in it, of at least
// minTypoLen letters, is read as the known word one letter away, with the
// same first letter, that the content uses most.
type lexicon struct {
	freq  map[string]int      // known word -> how often the content uses it
	langs map[string]uint8    // known word -> the languages it is a word of, one bit each
	dels  map[string][]string // a known word with one letter left out -> the words
	spell map[string][]string // a way of typing -> the words meant
	// patterns are the words with '*' the content uses ("*bonk*",
	// "drugs*"): a typed word they match is known by them.
	patterns []wordPat
}

func newLexicon() *lexicon {
	return &lexicon{freq: map[string]int{}, langs: map[string]uint8{}, dels: map[string][]string{}, spell: map[string][]string{}}
}

// add records the words of a text; bit is the language's bit, or 0 when
// the text belongs to no language in particular.
func (l *lexicon) add(text string, bit uint8) {
	for _, w := range Tokens(text) {
		l.addWord(w, bit)
	}
}

func (l *lexicon) addWord(w string, bit uint8) {
	l.freq[w]++
	if isNumber(w) {
		// A number is no language's word: "in 15 min" among the
		// English phrases does not make "ze is 15" English.
		bit = 0
	}
	l.langs[w] |= bit
}

// addPhrase records the words of a phrase; those with '*' stand for many
// words, not for one the bot knows, and are kept as patterns.
func (l *lexicon) addPhrase(phrase string, bit uint8) {
	for _, w := range strings.Fields(phrase) {
		if !strings.Contains(w, "*") {
			l.add(w, bit)
		} else if stem := Tokens(strings.Trim(w, "*")); len(stem) == 1 {
			// The stem folded as typed words are: "*bonk*", "naaktfoto*".
			l.patterns = append(l.patterns, wordPat{s: stem[0], prefix: strings.HasSuffix(w, "*"), suffix: strings.HasPrefix(w, "*")})
		}
	}
}

// patterned reports whether a pattern of the content matches w: "bonken"
// is a word of "*bonk*", and never read as "banken".
func (l *lexicon) patterned(w string) bool {
	return slices.ContainsFunc(l.patterns, func(p wordPat) bool { return p.match(w) })
}

// index builds the table of deletions once every word is in.
func (l *lexicon) index() {
	for w := range l.freq {
		if utf8.RuneCountInString(w) < minTypoLen || isNumber(w) {
			continue
		}
		for _, d := range deletions(w) {
			l.dels[d] = append(l.dels[d], w)
		}
	}
}

func (l *lexicon) known(w string) bool { _, ok := l.freq[w]; return ok }

// correct returns the known word that w was most likely meant to be, or w.
// Some words one letter apart are not typos but other words, and are left
// alone: a different first letter ("kleren" is not "leren"), a letter more
// or less at the end ("betaal" and "betaald", "nieuwe" and "nieuw": the
// same word bent, whose letter groups match anyway) unless it doubles the
// last letter ("helpp"), and a changed letter that is not next to the
// right one on the keyboard, or a vowel for a vowel in a long word
// ("boos" is not "boss", "betaal" not "bepaal"), or any changed letter in
// a word of four letters.
func (l *lexicon) correct(w string) string {
	n := utf8.RuneCountInString(w)
	if l.known(w) || n < minTypoLen || isNumber(w) || l.patterned(w) {
		return w
	}
	best, bestFreq := "", 0
	first, _ := utf8.DecodeRuneInString(w)
	consider := func(t string) {
		m := utf8.RuneCountInString(t)
		if r, _ := utf8.DecodeRuneInString(t); r != first || m < minTypoLen {
			return
		}
		switch {
		case m == n+1 && strings.HasPrefix(t, w), m == n-1 && strings.HasPrefix(w, t) && !doubled(w):
			return
		case m == n && !swapped(w, t) && !neighbours(w, t):
			return
		case m == n && n == minTypoLen && !swapped(w, t):
			// In a word this short one changed letter is as likely
			// another word the content does not know ("came" is not
			// "cake"); two letters swapped ("hlep") is still a typo.
			return
		}
		if f := l.freq[t]; f > bestFreq || (f == bestFreq && t < best) {
			best, bestFreq = t, f
		}
	}
	// A letter too many: w without it is a known word.
	for _, d := range deletions(w) {
		if l.known(d) {
			consider(d)
		}
		// A letter changed, or two swapped: both lose a letter to the
		// same word.
		for _, t := range l.dels[d] {
			if typo(w, t) {
				consider(t)
			}
		}
	}
	// A letter missing: w is a known word without it.
	for _, t := range l.dels[w] {
		consider(t)
	}
	if best == "" {
		return w
	}
	return best
}

// words reads text as the words the bot knows: each typed word as itself
// when known, as the words a spelling stands for ("mn" is "mijn"), or as
// the known word one letter away. Only the first maxWords words are read:
// what a message says comes early, and reading stays cheap whatever
// arrives.
func (l *lexicon) words(text string) []string { return l.wordsWith(text, nil) }

// wordsWith is words, with the corrections made so far kept in memo (when
// not nil) for the next text: reading the thousands of messages of
// messages/ meets the same unknown words again and again.
func (l *lexicon) wordsWith(text string, memo map[string]string) []string {
	toks := tokens(text, maxWords)
	out := make([]string, 0, len(toks))
	for i, t := range toks {
		if i > 0 && len(t) == 1 && isNumber(toks[i-1]) {
			// A letter after a number is its unit ("30k"), not a word
			// spelt short ("k" for "ik").
			out = append(out, t)
			continue
		}
		if ws, ok := l.spell[t]; ok {
			out = append(out, ws...)
			continue
		}
		if memo == nil {
			out = append(out, l.correct(t))
			continue
		}
		c, ok := memo[t]
		if !ok {
			c = l.correct(t)
			memo[t] = c
		}
		out = append(out, c)
	}
	if len(out) > maxWords {
		out = out[:maxWords]
	}
	return out
}

// keyboard is the rows of a QWERTY keyboard, as phones in the Netherlands
// have them.
var keyboard = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// near[r] are the letters next to r on the keyboard, in its row and the
// rows above and below.
var near = func() map[rune]string {
	m := map[rune]string{}
	for i, row := range keyboard {
		for j, r := range row {
			var b strings.Builder
			for d := i - 1; d <= i+1; d++ {
				if d < 0 || d >= len(keyboard) {
					continue
				}
				other := keyboard[d]
				for k := j - 1; k <= j+1; k++ {
					if k >= 0 && k < len(other) && !(d == i && k == j) {
						b.WriteByte(other[k])
					}
				}
			}
			m[r] = b.String()
		}
	}
	return m
}()

// neighbours reports whether a and b, of the same length, differ in one
// letter that is next to the other on the keyboard ("hrlp" for "help"),
// or in one vowel for another in a long word.
func neighbours(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	diff := -1
	for i := range ra {
		if ra[i] != rb[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	// One vowel for another is how long words are misspelt
	// ("zorgcoordinater"); in a short word it makes another word.
	if len(ra) >= 6 && strings.ContainsRune(vowels, ra[diff]) && strings.ContainsRune(vowels, rb[diff]) {
		return true
	}
	return strings.ContainsRune(near[rb[diff]], ra[diff])
}

const vowels = "aeiouy"

// doubled reports whether w ends in the same letter twice.
func doubled(w string) bool {
	r := []rune(w)
	return len(r) >= 2 && r[len(r)-1] == r[len(r)-2]
}

// swapped reports whether a and b, of the same length, differ by two
// neighbouring letters swapped.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := 0; i+1 < len(ra); i++ {
		if ra[i] != rb[i] {
			return ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
		}
	}
	return false
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// deletions returns w with each one letter left out.
func deletions(w string) []string {
	out := make([]string, 0, len(w))
	for i, r := range w {
		out = append(out, w[:i]+w[i+utf8.RuneLen(r):])
	}
	return out
}

// typo reports whether a and b differ by exactly one edit: a letter
// inserted, deleted or changed, or two neighbours swapped.
func typo(a, b string) bool {
	if a == b {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	switch len(rb) - len(ra) {
	case 0:
		diff := -1
		for i := range ra {
			if ra[i] != rb[i] {
				if diff >= 0 {
					// Two differences: only a swap of neighbours counts.
					return diff == i-1 && ra[diff] == rb[i] && ra[i] == rb[diff] && equalFrom(ra, rb, i+1)
				}
				diff = i
			}
		}
		return true
	case 1:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i:]) == string(rb[i+1:])
	}
	return false
}

func equalFrom(a, b []rune, i int) bool {
	for ; i < len(a); i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// wordPat is one word of a phrase: the word itself, or with '*' any word
// that starts with it (prefix), ends with it (suffix), or holds it (both).
type wordPat struct {
	s              string
	prefix, suffix bool
	// class, when not 0, is the set of word classes the word belongs to
	// in its phrases: it stands for any word of those classes ("de" for
	// any determiner: "voor de deur" is also "voor mijn deur"; "me" for
	// any object: "laten me niet gaan" is also "laten haar niet gaan").
	class uint8
}

func (p wordPat) match(w string) bool {
	switch {
	case p.prefix && p.suffix:
		return strings.Contains(w, p.s)
	case p.prefix:
		return strings.HasPrefix(w, p.s)
	case p.suffix:
		return strings.HasSuffix(w, p.s)
	}
	return w == p.s
}

// phrase is a compiled phrase and what it stands for: tag says to which
// list of the content it belongs (an intent's keywords, a marker).
type phrase struct {
	words []wordPat
	tag   int
}

// compilePhrase turns a phrase of the content into word patterns, with
// its words normalised as messages are. It returns nil for a phrase
// without words.
//
// A whole word that is a spelling ("im", "hes", "mn") becomes the words it
// stands for, as it does in a message (see lexicon.words): "hes in the
// room" matches what "he's in the room" is read as, "he is in the room".
func compilePhrase(s string, spell map[string][]string) []wordPat {
	var out []wordPat
	for _, raw := range strings.Fields(s) {
		prefix, suffix := strings.HasSuffix(raw, "*"), strings.HasPrefix(raw, "*")
		toks := Tokens(strings.Trim(raw, "*"))
		for i, t := range toks {
			pre, suf := prefix && i == len(toks)-1, suffix && i == 0
			if ws, ok := spell[t]; ok && !pre && !suf {
				for _, w := range ws {
					out = append(out, wordPat{s: w})
				}
				continue
			}
			out = append(out, wordPat{s: t, prefix: pre, suffix: suf})
		}
	}
	return out
}

// phrases finds many phrases in a list of words at once. Phrases are
// looked up by their first word, so that a message of n words costs n
// look-ups and not a pass over every phrase.
type phrases struct {
	exact map[string][]*phrase // first word as it is
	start map[string][]*phrase // first word "abc*": by its first three bytes
	other []*phrase            // first word "*abc", "*abc*", or a short "ab*"
	// classed holds the phrases whose first word stands for a class, by
	// the class's bit.
	classed [8][]*phrase
	// class gives the words that stand for each other in these phrases,
	// such as the determiners, a bit for each class (a word may be in
	// two: "her" is a determiner and an object): a phrase's word in a
	// class matches any word that shares one of its classes.
	class map[string]uint8
	// spell is the lexicon's spellings, which phrases are read with
	// as messages are (see compilePhrase).
	spell map[string][]string
}

// newPhrases returns phrases read with the lexicon's spellings.
func newPhrases(spell map[string][]string) *phrases {
	return &phrases{exact: map[string][]*phrase{}, start: map[string][]*phrase{}, spell: spell}
}

// newPhrasesOf returns phrases whose words of a class stand for any word
// of that class.
func newPhrasesOf(class map[string]uint8, spell map[string][]string) *phrases {
	ps := newPhrases(spell)
	ps.class = class
	return ps
}

// matches reports whether wp matches w.
func (ps *phrases) matches(wp wordPat, w string) bool {
	if wp.class != 0 {
		return ps.class[w]&wp.class != 0
	}
	return wp.match(w)
}

// add compiles a phrase with a tag.
func (ps *phrases) add(s string, tag int) {
	words := compilePhrase(s, ps.spell)
	if len(words) == 0 {
		return
	}
	for i, wp := range words {
		if !wp.prefix && !wp.suffix {
			// A phrase's word of two classes stands for the last:
			// "houden haar" is "houden hem", not "houden mijn".
			if c := ps.class[wp.s]; c != 0 {
				words[i].class = 1 << (bits.Len8(c) - 1)
			}
		}
	}
	p := &phrase{words: words, tag: tag}
	// The same phrase in two languages ("me", "ok") counts once.
	for _, q := range ps.candidates(words[0]) {
		if q.tag == tag && slices.Equal(q.words, words) {
			return
		}
	}
	switch first := words[0]; {
	case first.class != 0:
		b := bits.TrailingZeros8(first.class)
		ps.classed[b] = append(ps.classed[b], p)
	case first.suffix:
		ps.other = append(ps.other, p)
	case first.prefix && len(first.s) >= 3:
		ps.start[first.s[:3]] = append(ps.start[first.s[:3]], p)
	case first.prefix:
		ps.other = append(ps.other, p)
	default:
		ps.exact[first.s] = append(ps.exact[first.s], p)
	}
}

// candidates returns the phrases filed under the same first word as w.
func (ps *phrases) candidates(w wordPat) []*phrase {
	switch {
	case w.class != 0:
		return ps.classed[bits.TrailingZeros8(w.class)]
	case w.suffix, w.prefix && len(w.s) < 3:
		return ps.other
	case w.prefix:
		return ps.start[w.s[:3]]
	}
	return ps.exact[w.s]
}

// match calls fn for every phrase that matches words[i:j], its words
// side by side.
func (ps *phrases) match(words []string, fn func(p *phrase, i, j int)) {
	ps.matchGap(words, 0, fn)
}

// matchGap is match, with up to gap other words allowed between the words
// of a phrase: "slaat me" also matches "slaat hij me", "kan niet weg"
// also "kan echt niet weg".
func (ps *phrases) matchGap(words []string, gap int, fn func(p *phrase, i, j int)) {
	try := func(p *phrase, i int) {
		at := i
		for k, wp := range p.words {
			if k == 0 {
				continue // the first word matched where it was looked up
			}
			found := false
			for next := at + 1; next <= at+1+gap && next < len(words); next++ {
				if words[next] == "" {
					break // where words were left out (see gaps)
				}
				if ps.matches(wp, words[next]) {
					at, found = next, true
					break
				}
			}
			if !found {
				return
			}
		}
		fn(p, i, at+1)
	}
	for i, w := range words {
		for _, p := range ps.exact[w] {
			try(p, i)
		}
		if len(w) >= 3 {
			for _, p := range ps.start[w[:3]] {
				if p.words[0].match(w) {
					try(p, i)
				}
			}
		}
		for _, p := range ps.other {
			if ps.matches(p.words[0], w) {
				try(p, i)
			}
		}
		for c := ps.class[w]; c != 0; c &= c - 1 {
			for _, p := range ps.classed[bits.TrailingZeros8(c)] {
				try(p, i)
			}
		}
	}
}
