package understand

import (
	"maps"
	"slices"
	"unicode"

	"github.com/abadojack/whatlanggo"

	"signaal/content"
)

// Which language a message is written in. Dutch and English are answered
// in kind; the languages of content.Briefs (Polish, Romanian, Bulgarian,
// Hungarian) get their brief. Short messages are the hard case: letter
// statistics need a dozen letters to say anything, so the words come
// first.
//
//  1. Words only one language has. A brief's own list of common words
//     ("nie", "szef", "és"), then the words of understand.yaml's
//     examples that only one content language has ("ik", "mijn"; "my",
//     "the"): two such words, or one in a message of three words or
//     fewer with none of another language's.
//  2. Letter statistics (github.com/abadojack/whatlanggo, trigrams of
//     each language), limited to the content's languages and the briefs',
//     for a message of three words or more when it is confident enough.
//
// What stays unclear is "": the conversation keeps its language.
type languages struct {
	codes   []string           // content languages, then brief languages
	content int                // how many of codes are content languages
	words   map[string]uint64  // a brief's word -> bit of its place in codes
	options whatlanggo.Options // the languages the trigrams choose from
	byLang  map[whatlanggo.Lang]string
}

// maxLangText is how much of a message, in bytes, its language is read
// from: the letter statistics take time in proportion to the text.
const maxLangText = 256

// minLangConfidence is how sure the letter statistics must be. Measured on
// the rounds of messages: below it, short Dutch was read as Romanian.
const minLangConfidence = 0.5

func newLanguages(c *content.Content) *languages {
	l := &languages{words: map[string]uint64{}, byLang: map[whatlanggo.Lang]string{}}
	l.codes = append(l.codes, c.Langs...)
	l.content = len(c.Langs)
	l.codes = append(l.codes, slices.Sorted(maps.Keys(c.Briefs))...)
	for i, code := range l.codes {
		if i >= 64 {
			break
		}
		if b := c.Briefs[code]; b != nil {
			for _, w := range b.Words {
				for _, t := range Tokens(w) {
					l.words[t] |= 1 << i
				}
			}
		}
	}
	allow := map[whatlanggo.Lang]bool{}
	for lang := whatlanggo.Lang(0); lang < 200; lang++ {
		code := lang.Iso6391()
		for _, want := range l.codes {
			if code == want {
				allow[lang] = true
				l.byLang[lang] = code
			}
		}
	}
	l.options = whatlanggo.Options{Whitelist: allow}
	return l
}

// fewWords is the most words a message may have for one word that only
// one content language has to say its language where the letters cannot.
const fewWords = 5

// of returns the language of a message: its text, its words as typed
// (Tokens, not corrected towards the lexicon, which would read Polish
// "nie" as Dutch "niet"), and exclusive, the content language whose words
// alone it has, with how many (see Index.exclusiveLang).
func (l *languages) of(text string, words []string, exclusive string, count int) string {
	if len(words) == 0 {
		return ""
	}
	var hits [64]int
	best, second := -1, -1
	for _, w := range words {
		bits := l.words[w]
		for i := 0; bits != 0 && i < 64; i++ {
			if bits&(1<<i) != 0 {
				hits[i]++
				bits &^= 1 << i
			}
		}
	}
	for i := range l.codes {
		switch {
		case hits[i] == 0:
		case best < 0 || hits[i] > hits[best]:
			best, second = i, best
		case second < 0 || hits[i] > hits[second]:
			second = i
		}
	}
	short := len(words) <= 3
	brief := func(i int) bool { return i >= l.content }
	// The content languages' own words are counted after spellings and
	// typos were mended towards them ("mam" read as "moeder"), so a
	// brief's words win a tie.
	if best >= 0 && (second < 0 || hits[best] > hits[second]) && (hits[best] >= 2 && hits[best] >= count || short && count == 0) {
		return l.codes[best]
	}
	if best < 0 && exclusive != "" && (count >= 2 && count*4 > len(words) || short && count >= 1) {
		// Words of one content language and none of a brief's: the
		// letters cannot say more, and cost more than all else here.
		// A few such words in a long message may be a brief's language
		// mended towards them: the letters decide then.
		return exclusive
	}
	info := whatlanggo.DetectWithOptions(text, l.options)
	letters := slices.Index(l.codes, l.byLang[info.Lang])
	sure := info.Confidence >= sureLetters && (len(words) >= 3 || cyrillic(text))
	// Letters sure of a brief's language, and a word of it or hardly a
	// word of a content language: "zamkneli nas w kontenerze na noc",
	// "sora mea e inchisa intr-o casa in den haag" (a Dutch place name
	// does not make it Dutch).
	// So are a few words of a content language in a long message: Polish
	// "nie" is mended to Dutch "niet", "na" is Dutch too.
	if letters >= 0 && brief(letters) && sure && (hits[letters] >= 1 || len(words) >= 4 && count*4 <= len(words)) {
		return l.codes[letters]
	}
	if exclusive != "" && (count >= 2 || short && count >= 1) {
		return exclusive
	}
	if exclusive != "" && count >= 1 && len(words) <= fewWords && info.Confidence < minLangConfidence {
		// A word only one content language has says more than letters
		// that can hardly tell: "madam is standing behind me" is English.
		return exclusive
	}
	if letters < 0 || len(words) < 3 || info.Confidence < minLangConfidence {
		return ""
	}
	if brief(letters) && hits[letters] == 0 {
		// The letters alone choose among the content's languages: Dutch
		// names such as "centrum seksueel geweld" can look Hungarian.
		return ""
	}
	return l.codes[letters]
}

// sureLetters is how sure the letter statistics must be to name a brief's
// language on their own.
const sureLetters = 0.9

// cyrillic reports whether most letters of s are Cyrillic.
func cyrillic(s string) bool {
	cy, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if unicode.Is(unicode.Cyrillic, r) {
				cy++
			}
		}
	}
	return all > 0 && 2*cy > all
}
