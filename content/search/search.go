// Package search finds contact cards for a message in plain language:
// "/contact keerpun", "baas houdt paspoort vast", "anoniem melden",
// "friesland". It owns the index over the content's contacts and the
// replies that show the results.
//
// Everything is built once in New: the words of every contact (name,
// keywords, about text in every language, forms, region, category), the
// synonym groups and stopwords of the content's search.yaml, a table of
// one-letter deletions for typo tolerance, and the ready-made cards. Find
// then only normalises the query, looks words up in maps and adds scores,
// so that it can answer every free-text message.
//
// Scoring: each query word (or synonym phrase) counts once, with the best
// of its matches in a contact: an exact word, a synonym, a word it starts
// (or that starts it) or a word one typo away, weighted by the field it
// stands in (name above keywords above region and forms above about text)
// and by how rare the word is among contacts. Contacts only for
// professionals count a little less, so that everyday words find the
// organisations for everyone first.
package search

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"signaal/content"
	"signaal/flows"
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
	qualityPrefix  = 0.75 // the query word starts a longer word: "keerpun"
	qualityTypo    = 0.7  // one letter off: "tuis"
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

// Index answers searches over one Content's contacts. It is immutable
// once New returns it and safe for concurrent use.
type Index struct {
	c      *content.Content
	docs   []*content.Contact
	index  map[*content.Contact]int // position in docs
	terms  map[string][]posting     // term -> contacts it stands in, best weight each
	idf    map[string]float64
	sorted []string            // every term, sorted, for prefix lookups
	vocab  map[string]bool     // every word worth matching a typo to
	dels   map[string][]string // a word with one letter deleted -> words
	syn    map[string]string   // word or phrase -> synonym group term
	stop   map[string]bool
	// pro[i] scales docs[i].
	pro []float64
	// Ready-made replies per language.
	cards map[string][]string // lang -> card of docs[i]
	none  map[string]flows.Reply
	all   map[string][]flows.Reply
	found map[string]string
}

type posting struct {
	doc    int
	weight float64
}

var _ flows.Searcher = (*Index)(nil)

// New builds the index over c's contacts. c must have passed content.Load.
func New(c *content.Content) *Index {
	x := &Index{
		c:     c,
		index: map[*content.Contact]int{},
		terms: map[string][]posting{},
		idf:   map[string]float64{},
		dels:  map[string][]string{},
		syn:   map[string]string{},
		stop:  map[string]bool{},
		cards: map[string][]string{},
		none:  map[string]flows.Reply{},
		all:   map[string][]flows.Reply{},
		found: map[string]string{},
	}
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
	vocab := map[string]bool{}
	x.vocab = vocab
	for t := range x.terms {
		vocab[t] = true
	}
	// Synonym words are worth correcting a typo towards even when no
	// contact uses them: "poier" is "pooier", which finds loverboy help.
	// Words of a letter or two are not: they would match too much.
	for phrase := range x.syn {
		if !strings.Contains(phrase, " ") {
			vocab[phrase] = true
		}
	}
	for t := range vocab {
		if isSynTerm(t) {
			delete(vocab, t)
			continue
		}
		x.sorted = append(x.sorted, t)
		if utf8.RuneCountInString(t) >= minTypoLen {
			for _, d := range deletions(t) {
				x.dels[d] = append(x.dels[d], t)
			}
		}
	}
	sort.Strings(x.sorted)
	n := float64(len(x.docs))
	for t, ps := range x.terms {
		x.idf[t] = math.Log(1 + n/float64(len(ps)))
	}
	x.render()
	return x
}

// synTerm is the term standing for synonym group i. It starts with a byte
// that Tokens never produces, so it cannot clash with a word.
func synTerm(i int) string    { return "\x00syn" + strconv.Itoa(i) }
func isSynTerm(t string) bool { return strings.HasPrefix(t, "\x00") }

// add indexes one contact.
func (x *Index) add(ct *content.Contact) {
	doc := len(x.docs)
	x.docs = append(x.docs, ct)
	x.index[ct] = doc
	scale := 1.0
	if !ct.For("jongeren") && !ct.For("omstanders") {
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
	if limit <= 0 {
		limit = DefaultLimit
	}
	words := Tokens(query)
	if len(words) > maxQueryWords {
		words = words[:maxQueryWords]
	}
	scores := make([]float64, len(x.docs))
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
	// A word that the query word starts: "keerpun", "zorgcoord".
	i := sort.SearchStrings(x.sorted, w)
	for k := 0; i+k < len(x.sorted) && k < 4 && strings.HasPrefix(x.sorted[i+k], w); k++ {
		x.via(u, x.sorted[i+k], qualityPrefix*f)
	}
	// A word one letter off: "tuis", "keerpnut", "loverbooy". The table
	// of deletions finds words with a letter less, changed or swapped;
	// the vocabulary itself those with a letter more.
	for _, d := range deletions(w) {
		if x.vocab[d] && len(d) >= minTypoLen {
			x.via(u, d, qualityTypo*f)
		}
		for _, t := range x.dels[d] {
			if typo(w, t) {
				x.via(u, t, qualityTypo*f)
			}
		}
	}
	for _, t := range x.dels[w] {
		x.via(u, t, qualityTypo*f)
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

// Search implements flows.Searcher: the best cards for the query, or, for
// an empty query, every contact by category. When nothing matches it says
// so and still shows the emergency contacts.
func (x *Index) Search(lang, query string) []flows.Reply {
	if _, ok := x.cards[lang]; !ok {
		lang = content.DefaultLang
	}
	if strings.TrimSpace(query) == "" {
		return x.all[lang]
	}
	hits := x.Find(lang, query, DefaultLimit)
	if len(hits) == 0 {
		return []flows.Reply{x.none[lang]}
	}
	var b strings.Builder
	b.WriteString(x.found[lang])
	for _, h := range hits {
		b.WriteString("\n\n")
		b.WriteString(x.cards[lang][x.index[h.Contact]])
	}
	return []flows.Reply{{Text: b.String()}}
}

// render builds the replies that do not depend on the query.
func (x *Index) render() {
	c := x.c
	for _, lang := range c.Langs {
		cards := make([]string, len(x.docs))
		for i, ct := range x.docs {
			cards[i] = c.Card(lang, ct)
		}
		x.cards[lang] = cards
		x.found[lang] = c.Text(lang, content.KeySearchFound)
		x.none[lang] = flows.Reply{Text: c.Text(lang, content.KeySearchNone) + "\n\n" + c.Cards(lang, c.Emergency())}
		x.all[lang] = x.renderAll(lang)
	}
}

// renderAll lists every contact in a line, grouped by category, a message
// per category: short messages that any channel can carry (and that a
// channel with a limit splits further if it must).
func (x *Index) renderAll(lang string) []flows.Reply {
	c := x.c
	var sections []string
	group := func(title string, cts []*content.Contact) {
		if len(cts) == 0 {
			return
		}
		lines := []string{title}
		for _, ct := range cts {
			lines = append(lines, "• "+Line(ct))
		}
		sections = append(sections, strings.Join(lines, "\n"))
	}
	if len(c.Categories) == 0 {
		group("", x.docs)
	}
	for _, cat := range c.Categories {
		var cts []*content.Contact
		for _, ct := range x.docs {
			if ct.Category == cat.ID {
				cts = append(cts, ct)
			}
		}
		group(c.Text(lang, cat.Title), cts)
	}
	replies := make([]flows.Reply, 0, len(sections))
	for i, s := range sections {
		if i == 0 {
			s = c.Text(lang, content.KeySearchAll) + "\n\n" + s
		}
		replies = append(replies, flows.Reply{Text: s})
	}
	if len(replies) == 0 {
		replies = append(replies, flows.Reply{Text: c.Text(lang, content.KeySearchAll)})
	}
	return replies
}

// Line is a contact in one line: its name and every way to reach it.
func Line(ct *content.Contact) string {
	var ways []string
	for _, v := range []string{ct.Phone, ct.Chat, ct.Web, ct.Email} {
		if v != "" && v != ct.Name {
			ways = append(ways, v)
		}
	}
	if len(ways) == 0 && ct.Address != "" {
		ways = append(ways, ct.Address)
	}
	if len(ways) == 0 {
		return ct.Name
	}
	return ct.Name + ": " + strings.Join(ways, " · ")
}

// Typo tolerance: words of minTypoLen letters or more may be one letter
// off (a letter missing, added, changed, or two swapped); a known word of
// minStemLen letters or more may start a longer query word.
const (
	minTypoLen = 4
	minStemLen = 4
)

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
		return equalFrom2(ra[i:], rb[i+1:])
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

func equalFrom2(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Tokens normalises text into search words: lower case, accents and
// punctuation removed ("Zorgcoördinator", "naaktfoto's" and "e-mail" become
// "zorgcoordinator", "naaktfoto", "s", "e", "mail").
func Tokens(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := fold[r]; ok {
			b.WriteString(f)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			continue
		}
		flush()
	}
	flush()
	return words
}

// fold maps letters with accents to plain ones, the way people type them
// when they leave the accents out.
var fold = func() map[rune]string {
	m := map[rune]string{}
	for plain, accented := range map[string]string{
		"a": "àáâãäåā", "c": "çćč", "e": "èéêëēėę", "i": "ìíîïī", "n": "ñń",
		"o": "òóôõöøō", "u": "ùúûüū", "y": "ýÿ", "s": "śš", "z": "źżž",
	} {
		for _, r := range accented {
			m[r] = plain
		}
	}
	m['ß'], m['æ'], m['œ'], m['ĳ'] = "ss", "ae", "oe", "ij"
	return m
}()
