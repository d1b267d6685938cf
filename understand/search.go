// Package understand reads what people type. It owns understand.yaml: its
// schema (Understanding, Intent, Meaning and the rest), reading and
// checking it with the content, with every problem at file and line (Load),
// and the one text-matching core of Signaal built from it and the content
// (New): it finds contact cards for a query ("/contact keerpun", "baas
// houdt paspoort vast", "friesland") and recognises what a message means
// (Understand: danger, a disclosure, a question, small talk; Explain says
// why). It returns hits and meanings, never replies: the engine (flows)
// turns them into what the user sees, and Telegram's inline mode shows the
// same hits. Package content knows nothing of it: understand.yaml is a
// content.Part, read and checked with the content's own files, so that
// lint lists the problems of every file at once.
//
// Everything is built once in New: the words the content knows (for typo
// tolerance that never changes a known word into another), the index over
// every contact's words (name, keywords, about text in every language,
// forms, region, category) with the synonym groups and stopwords of
// search.yaml, and the intents of understand.yaml. Reading a message then
// only normalises it, looks words up in maps and adds scores.
//
// Contact scoring: each query word (or synonym phrase) counts once, with
// the best of its matches in a contact: an exact word, a synonym, a word
// it starts (or that starts it), weighted by the field it stands in (name
// above keywords above region and forms above about text) and by how rare
// the word is among contacts. Contacts only for professionals count a
// little less, so that everyday words find the organisations for everyone
// first.
package understand

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"signaal/content"
)

// Limits and weights. Field weights say how much a word tells about a
// contact where it stands; match qualities how sure a match is.
const (
	// DefaultLimit is how many cards a search shows.
	DefaultLimit = 3
	// maxQueryWords bounds the work for a long message.
	maxQueryWords = 24
	// maxPhrase is the longest synonym phrase, in words.
	maxPhrase = 4

	weightName     = 3.0
	weightKeyword  = 2.0
	weightRegion   = 1.5
	weightForm     = 1.0
	weightCategory = 0.8
	weightAbout    = 0.6

	qualityExact   = 1.0
	qualitySynonym = 0.9
	qualityPrefix  = 0.75 // the query word starts a longer word: "zorgcoord"
	qualityStem    = 0.6  // a word starts the query word: "drugsdealer"
	// qualityPhrasePart scales a single word of a synonym phrase: the
	// phrase says more than its words ("gedwongen prostitutie").
	qualityPhrasePart = 0.5

	// proOnly scales contacts that are for professionals only.
	proOnly = 0.8
	// minScore is the least a contact needs to count as a match, and
	// minShare the least share of the best contact's score.
	minScore = 0.5
	minShare = 0.3
)

// Hit is one contact found, with its score (higher is better).
type Hit struct {
	Contact *content.Contact
	Score   float64
}

// Index reads messages against one Content: its contacts and its intents.
// It is immutable once New returns it and safe for concurrent use.
type Index struct {
	c      *content.Content
	lex    *lexicon
	docs   []*content.Contact
	terms  map[string][]posting // term -> contacts it stands in, best weight each
	idf    map[string]float64
	sorted []string          // every term, sorted, for prefix lookups
	syn    map[string]string // word or phrase -> synonym group term
	stop   map[string]bool
	// pro[i] scales docs[i].
	pro []float64
	// names finds contacts asked for by name; see names.go.
	names *names
	// u reads messages for their meaning; nil when the content has no
	// understand.yaml.
	u *understander
	// langs tells the language of a message.
	langs *languages
}

type posting struct {
	doc    int
	weight float64
}

// New builds the index over c's contacts and u's intents; u is nil for
// content without understand.yaml, and then only contacts are found. Both
// must come from one Load.
func New(c *content.Content, u *Understanding, opts ...Option) *Index {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	x := &Index{
		c:     c,
		terms: map[string][]posting{},
		idf:   map[string]float64{},
		syn:   map[string]string{},
		stop:  map[string]bool{},
	}
	x.lex = buildLexicon(c, u)
	x.langs = newLanguages(c)
	if c.Search != nil {
		for i, group := range c.Search.Synonyms {
			term := synTerm(i)
			for _, member := range group {
				if words := Tokens(member); len(words) > 0 {
					x.syn[strings.Join(words, " ")] = term
				}
			}
		}
		for _, w := range c.Search.Stopwords {
			for _, t := range Tokens(w) {
				x.stop[t] = true
			}
		}
	}
	for _, id := range c.ContactOrder {
		x.add(c.Contacts[id])
	}
	for t := range x.terms {
		if !isSynTerm(t) {
			x.sorted = append(x.sorted, t)
		}
	}
	sort.Strings(x.sorted)
	n := float64(len(x.docs))
	for t, ps := range x.terms {
		x.idf[t] = math.Log(1 + n/float64(len(ps)))
	}
	x.names = newNames(c)
	if u != nil {
		x.u = newUnderstander(c, u, x.lex, newModelCache(o.cacheDir, c.Digest()))
	}
	return x
}

// Understanding is the understand.yaml the index reads messages by, nil
// when it has none: the engine answers a meaning with its texts, contacts
// and buttons.
func (x *Index) Understanding() *Understanding {
	if x.u == nil {
		return nil
	}
	return x.u.u
}

// langBit is the bit of a language in lexicon.langs; the content has a
// handful of languages at most.
func langBit(c *content.Content, lang string) uint8 {
	for i, l := range c.Langs {
		if l == lang && i < 8 {
			return 1 << i
		}
	}
	return 0
}

// buildLexicon gathers every word of the content: texts, contacts, search
// words and the phrases of understand.yaml, with the languages they are
// words of.
func buildLexicon(c *content.Content, u *Understanding) *lexicon {
	l := newLexicon()
	for _, lang := range c.Langs {
		bit := langBit(c, lang)
		for _, t := range c.Texts[lang] {
			l.add(t, bit)
		}
	}
	for _, id := range c.ContactOrder {
		ct := c.Contacts[id]
		for _, s := range append([]string{ct.Name, ct.Region, ct.Category, ct.ID}, append(ct.Keywords, ct.Forms...)...) {
			l.add(s, 0)
		}
		for lang, about := range ct.About {
			l.add(about, langBit(c, lang))
		}
	}
	if c.Search != nil {
		for _, group := range c.Search.Synonyms {
			for _, w := range group {
				l.add(w, 0)
			}
		}
		for _, w := range c.Search.Stopwords {
			l.add(w, 0)
		}
	}
	if u != nil {
		each := func(p Phrases) {
			for lang, list := range p {
				for _, s := range list {
					l.addPhrase(s, langBit(c, lang))
				}
			}
		}
		m := u.Markers
		for _, p := range []Phrases{m.Me, m.FirstPerson, m.Other, m.Prof, m.Home, m.Spouse, m.Abroad, m.Minor, m.Adult, m.Woman, m.AgeBefore, m.AgeAfter,
			m.Child, m.Partner, m.Doubt, m.Away, m.Watched, m.Police, m.Worry} {
			each(p)
		}
		for _, p := range u.Switch {
			each(p)
		}
		each(u.Means)
		for _, in := range u.Intents {
			for _, p := range []Phrases{in.Examples, in.Keywords, in.Rules, in.Except, in.VerbLast, in.Determiners, in.Objects, in.Plain, in.Everyday, in.Routine, in.Alone, in.Opening} {
				each(p)
			}
			for _, sg := range in.Signs {
				each(sg.Phrases)
			}
		}
		for _, w := range u.Emoji {
			l.add(w, 0)
		}
		for from, to := range u.Spellings {
			words := Tokens(to)
			for _, w := range words {
				l.addWord(w, 0)
			}
			if k := Tokens(from); len(k) == 1 && len(words) > 0 {
				l.spell[k[0]] = words
			}
		}
	}
	l.index()
	return l
}

// synTerm is the term standing for synonym group i. It starts with a byte
// that Tokens never produces, so it cannot clash with a word.
func synTerm(i int) string    { return "\x00syn" + strconv.Itoa(i) }
func isSynTerm(t string) bool { return strings.HasPrefix(t, "\x00") }

// add indexes one contact.
func (x *Index) add(ct *content.Contact) {
	doc := len(x.docs)
	x.docs = append(x.docs, ct)
	scale := 1.0
	if !ct.For(x.c.AudienceOf(WhoMe)) && !ct.For(x.c.AudienceOf(WhoOther)) {
		scale = proOnly
	}
	x.pro = append(x.pro, scale)
	best := map[string]float64{}
	field := func(text string, weight float64) {
		words := Tokens(text)
		for i, w := range words {
			if !x.stop[w] && weight > best[w] {
				best[w] = weight
			}
			// Synonym phrases, and synonym words, add their group.
			for n := 1; n <= maxPhrase && i+n <= len(words); n++ {
				if g, ok := x.syn[strings.Join(words[i:i+n], " ")]; ok && weight > best[g] {
					best[g] = weight
				}
			}
		}
	}
	field(ct.Name, weightName)
	// The name often stands in the address too: "veiligthuis", "chatmetfier".
	for _, addr := range []string{ct.Web, ct.Chat, ct.Email} {
		field(addr, weightKeyword)
	}
	for _, k := range ct.Keywords {
		field(k, weightKeyword)
	}
	field(ct.Region, weightRegion)
	for _, f := range ct.Forms {
		field(f, weightForm)
	}
	field(ct.Category, weightCategory)
	for _, about := range ct.About {
		field(about, weightAbout)
	}
	for t, w := range best {
		x.terms[t] = append(x.terms[t], posting{doc: doc, weight: w})
	}
}

// Find returns up to limit contacts for the query (DefaultLimit when limit
// is not positive), best first, or none when nothing matches well enough.
// lang does not change what is found: every contact is indexed in every
// language, so that a Dutch word finds help in an English conversation.
func (x *Index) Find(lang, query string, limit int) []Hit {
	return x.find(x.lex.words(query), limit)
}

// find is Find over words already read by the lexicon.
func (x *Index) find(words []string, limit int) []Hit {
	if limit <= 0 {
		limit = DefaultLimit
	}
	if len(words) > maxQueryWords {
		words = words[:maxQueryWords]
	}
	var buf [64]float64
	scores := buf[:0]
	if len(x.docs) > len(buf) {
		scores = make([]float64, 0, len(x.docs))
	}
	scores = scores[:len(x.docs)]
	clear(scores)
	for i := 0; i < len(words); {
		// The longest synonym phrase starting here counts as one unit.
		n, group := 0, ""
		for k := min(maxPhrase, len(words)-i); k >= 2; k-- {
			if g, ok := x.syn[strings.Join(words[i:i+k], " ")]; ok {
				n, group = k, g
				break
			}
		}
		// Two words that are one word in a name: "help wanted", "co mensha".
		if n == 0 && i+1 < len(words) {
			if _, ok := x.terms[words[i]+words[i+1]]; ok {
				u := unit{}
				x.candidates(&u, words[i]+words[i+1], 1)
				x.score(scores, &u)
				i += 2
				continue
			}
		}
		if n > 0 {
			u := unit{}
			u.add(group, qualityExact)
			for _, w := range words[i : i+n] {
				if !x.stop[w] {
					x.candidates(&u, w, qualityPhrasePart)
				}
			}
			x.score(scores, &u)
			i += n
			continue
		}
		w := words[i]
		i++
		if x.stop[w] || utf8.RuneCountInString(w) < 2 {
			continue
		}
		u := unit{}
		x.candidates(&u, w, 1)
		x.score(scores, &u)
	}
	best := 0.0
	for i := range scores {
		scores[i] *= x.pro[i]
		best = max(best, scores[i])
	}
	var hits []Hit
	for i, s := range scores {
		if s >= minScore && s >= best*minShare {
			hits = append(hits, Hit{Contact: x.docs[i], Score: s})
		}
	}
	// Best first; on a tie, the order of contacts.yaml, which lists the
	// main organisations first.
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].Score > hits[b].Score })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// unit is what one query word (or phrase) may match: terms, each with how
// sure the match is.
type unit struct {
	terms   [16]string
	quality [16]float64
	n       int
}

func (u *unit) add(term string, q float64) {
	for i := 0; i < u.n; i++ {
		if u.terms[i] == term {
			u.quality[i] = max(u.quality[i], q)
			return
		}
	}
	if u.n < len(u.terms) {
		u.terms[u.n], u.quality[u.n] = term, q
		u.n++
	}
}

// candidates adds what the word w may match, each quality scaled by f.
// The lexicon has already read a word typed one letter wrong as the word
// it was meant to be; what is left is a word that starts a longer one
// ("zorgcoord", only for a word the bot does not know) or one that a
// known word starts ("drugsdealer").
func (x *Index) candidates(u *unit, w string, f float64) {
	exact := false
	if _, ok := x.terms[w]; ok {
		u.add(w, qualityExact*f)
		exact = true
	}
	if g, ok := x.syn[w]; ok {
		u.add(g, qualitySynonym*f)
		exact = true
	}
	if exact {
		return
	}
	runes := utf8.RuneCountInString(w)
	if runes < minTypoLen {
		return
	}
	if !x.lex.known(w) {
		// A word that the query word starts: "keerpu", "zorgcoord".
		i := sort.SearchStrings(x.sorted, w)
		for k := 0; i+k < len(x.sorted) && k < 4 && strings.HasPrefix(x.sorted[i+k], w); k++ {
			x.via(u, x.sorted[i+k], qualityPrefix*f)
		}
	}
	// A word that starts the query word: "drugsdealer", "loverboytje".
	for end := len(w) - 1; end >= minStemLen; end-- {
		if !utf8.RuneStart(w[end]) {
			continue
		}
		if _, ok := x.terms[w[:end]]; ok {
			x.via(u, w[:end], qualityStem*f)
			break
		}
	}
}

// via adds a vocabulary word and its synonym group.
func (x *Index) via(u *unit, t string, q float64) {
	if _, ok := x.terms[t]; ok {
		u.add(t, q)
	}
	if g, ok := x.syn[t]; ok {
		u.add(g, q*qualitySynonym)
	}
}

// score adds a unit's best match in every contact.
func (x *Index) score(scores []float64, u *unit) {
	if u.n == 0 {
		return
	}
	// The best per contact, on the stack for a content of usual size.
	var buf [64]float64
	per := buf[:]
	if len(x.docs) > len(buf) {
		per = make([]float64, len(x.docs))
	}
	per = per[:len(x.docs)]
	for i := 0; i < u.n; i++ {
		t, q := u.terms[i], u.quality[i]
		idf := x.idf[t]
		for _, p := range x.terms[t] {
			per[p.doc] = max(per[p.doc], q*idf*p.weight)
		}
	}
	for d, s := range per {
		scores[d] += s
	}
}
