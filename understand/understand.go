package understand

import (
	"cmp"
	"maps"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"signaal/content"
)

// Understanding a message, in the order the answer needs it:
//
//  1. The message is read as words the bot knows (see lexicon), and the
//     contacts it names are found and set aside ("wat is het nummer van
//     [veilig thuis]"), so that a name does not count as what the message
//     tells ("veilig" is not danger, "help wanted" is no cry for help).
//  2. Danger, by rules of the content. A rule phrase anywhere (one other
//     word may stand between its words) that no exception overlaps is
//     danger on its own ("hij slaat me"). Signs come in kinds: fear, a
//     weapon, someone at the door or following, being held, a threat,
//     and context such as "nu", "vannacht", "buiten" or "anders". A firm
//     kind (fear, a weapon, someone at the door) is danger on its own.
//     Another kind needs a second ("ze laten me niet gaan" and "hier";
//     "niet thuisgekomen" and "neemt niet op"), or a message that tells
//     nothing else: no disclosure and no question asked with a
//     question's keyword, or only plain words ("kan niet weg",
//     "they wont let me leave the flat"; but "my loverboy wont let me go"
//     is a disclosure). An everyday word takes one kind away and makes
//     none firm ("bang voor mijn toets", "mijn moeder komt me halen van
//     training"), and exceptions cancel what they overlap ("bang dat ik
//     te laat ben"). A long message that tells a story, in which the
//     danger model learnt from content/data/messages is sure there is
//     no danger now, keeps signs that are not firm as part of that story
//     ("er komt steeds een oudere man met telkens een ander jong meisje"
//     at a hotel's desk). In rules and signs, determiners stand for each
//     other ("voor de deur" is "voor mijn deur") and a Dutch verb may
//     stand last ("dat hij onderweg is"). A message that is only a cry
//     for help or begins with one is danger, and so is a message very
//     like a danger example. Danger is said in ever new words: short
//     lists of signs that combine reach more of them than whole phrases
//     do, and each decision can still be pointed at in understand.yaml.
//  3. Every other intent gets a score: the cosine similarity between the
//     message and its most similar example, over character n-grams (three
//     to five letters of a word, with its start and end marked), whole
//     words and pairs of words, each weighed by how rare it is among all
//     examples (TF-IDF). Letter groups make "naaktfotootjes" like
//     "naaktfoto" and "pakketjes" like "pakketje", and weigh a telling
//     word over "ik" and "de". A keyword of an intent adds a fixed amount,
//     so that one telling word is enough in a long message.
//  4. The intents that reach the threshold compete on their score plus
//     what their kind is worth (a disclosure before a question, a question
//     before small talk) plus the intent's own weight in the content (a
//     catch-all such as "not sure" only wins when nothing more telling
//     comes close). A contact named with nothing else asked is a question.
//  5. Markers say who the message is about (the person typing, someone
//     they know, someone they work with), an age ("ik ben 15", "van 14",
//     "minderjarig") and whether it happens at home.
//
// The technique is chosen to be explainable to a content editor: every
// decision comes from a phrase or an example in understand.yaml that can
// be pointed at, and adding an example is all it takes to teach the bot a
// new way of saying something.

const (
	// keywordBonus is what a keyword adds to an intent's similarity.
	keywordBonus = 0.3
	// chatKeywordWords is the most words a message may have for a
	// keyword of small talk ("doei", "dank je", "robot") to count.
	chatKeywordWords = 12
	// dangerSimilarity is how like a danger example a message must be to
	// count as danger without a rule: higher than the threshold, because
	// rules carry danger and examples only catch what they miss.
	dangerSimilarity = 0.6
	// maxWords bounds the words of one message that are read.
	maxWords = 48
	// minGram and maxGram are the sizes of the letter groups compared.
	minGram, maxGram = 3, 5
	// A number from minAge to maxAge next to an age word is an age; under
	// majority is a minor.
	minAge, maxAge = 10, 99
	majority       = 18
	// The kinds of feature, kept apart in their hashes.
	featureKindWord    = 'w'
	featureKindPair    = 'p'
	featureKindLetters = 'c'
)

// The tags of the phrases of everyday life and of routine (see
// Intent.Everyday).
const (
	everydayLife = iota
	everydayRoutine
)

// Marker tags.
const (
	markMe = iota
	markFirst
	markOther
	markProf
	markHome
	markMinor
	markAdult
	markWatched
	markPolice
	markWorry
	markAsks
	markReflexive
	markHelped
	markAbroad
	markDoubt
	markAway
	markWoman
	markSpouse
	markCount
)

// understander holds the compiled understand.yaml.
type understander struct {
	c   *content.Content
	lex *lexicon
	u   *Understanding
	// models trains the linear models, or reads them when trained before.
	models *modelCache
	// messages reads, while the models are trained, the words and
	// features of each message of messages/, once, when the first model
	// needs them: three models learn from the same messages, and a start
	// whose models the cache recalls reads none.
	messages func() map[string]messageFeatures
	// whole is true while the models learn from every message of the
	// content as loaded, so that the cache may note them by name (see
	// noteName); a model learnt from some of them has no note.
	whole   bool
	intents []*Intent
	danger  *Intent
	// dangerAt is the danger intent's place in intents.
	dangerAt int

	// Rules and signs of danger, and the phrases that tag intents and
	// markers. A sign phrase's tag is its kind's place in signKinds;
	// coreSigns has a bit for each kind that is not context.
	rules, except, signs, everyday, light, alone, opening *phrases
	// means are the keywords of Understanding.Means.
	means                               *phrases
	keywords, markers                   *phrases
	ageBefore, ageAfter, partner, child map[string]bool
	// ageBeforeWords are the phrases of more than one word that make a
	// number right after them an age: "zoon is 14", not "het is 14".
	ageBeforeWords [][]string
	// exText are the examples, for explain.
	exText []string
	// model guesses an intent no example came close to; see classifier.
	model *classifier
	// dangerModel reads danger from situations told in words no rule has.
	dangerModel *dangerModel
	// askModel says which contact a question asks for, topicModel what
	// someone tells about.
	askModel   *chooser[*content.Contact]
	topicModel *chooser[*Intent]
	// switchTo finds a request for a language; the tag is the place of
	// the language in switchLangs.
	switchTo             *phrases
	switchLangs          []string
	signKinds            []*Sign
	coreSigns, firmSigns uint64
	// deadlineSigns has a bit for each kind that says by when or else.
	deadlineSigns uint64
	plain         map[string]bool
	emoji         map[rune][]string
	// fallback is the disclosure that answers, for who a message is
	// about, when nothing else in it is understood.
	fallback map[string]*Intent

	// The examples as TF-IDF vectors, held as an inverted index: for
	// each feature, the examples that have it and its weight there.
	feature  map[uint64]int32
	idf      []float64
	postings [][]exampleWeight
	exIntent []int32 // example -> intent
	maxIDF   float64

	scratch sync.Pool // of *work
}

type exampleWeight struct {
	ex int32
	w  float32
}

// work is the memory one reading needs, kept between readings.
type work struct {
	ids  []uint32
	dot  []float32
	best []float64
	kw   []bool
	// kwAt are the spans of the keywords found, with their intents.
	kwAt [][3]int
	// form: the intent has a keyword that is not a means (see
	// Understanding.Means); meansAt are the spans of the means found.
	form    []bool
	meansAt [][2]int
	// homeAt and otherAt are the spans of the home and other markers,
	// profAt and helpedAt those of the professionals' and the writer's
	// own helpers.
	homeAt, otherAt, profAt, helpedAt [][2]int
	used                              []bool
	// asksAt and doubtAt are the spans of the question words and of the
	// doubts: a question word inside a doubt is the doubt's.
	asksAt, doubtAt [][2]int
	// named: the words of contacts' names, before a request for a
	// language is left out too (used holds both).
	named  []bool
	masked []string
	marks  [markCount]int
	offs   []int
	// covered marks the words a sign of danger stands on; spans are the
	// exceptions found.
	covered []bool
	spans   [][2]int
	// nearest is, for each intent, its example most like the message.
	nearest []int32
	// feats are the features of the message for the danger and contact
	// models; probs the contact model's probabilities.
	feats []uint32
	probs []float64
	// explained: the message has signs of danger that everyday life or
	// routine in it explains, set by signsSay.
	explained bool
	// firm: the signs signsSay read hold a firm kind.
	firm bool
}

func newUnderstander(c *content.Content, spec *Understanding, lex *lexicon, models *modelCache) *understander {
	// Phrases are read with the spellings, as messages are.
	spelt := func() *phrases { return newPhrases(lex.spell) }
	u := &understander{
		c: c, lex: lex, u: spec, models: models,
		rules: spelt(), except: spelt(), signs: spelt(), everyday: spelt(), light: spelt(), alone: spelt(), opening: spelt(),
		keywords: spelt(), markers: spelt(), means: spelt(),
		ageBefore: map[string]bool{}, ageAfter: map[string]bool{}, partner: map[string]bool{}, child: map[string]bool{}, switchTo: spelt(),
		plain: map[string]bool{}, emoji: map[rune][]string{}, fallback: map[string]*Intent{},
		feature: map[uint64]int32{},
	}
	for from, to := range u.u.Emoji {
		if r, size := utf8.DecodeRuneInString(from); size > 0 {
			u.emoji[r] = lex.words(to)
		}
	}
	all := func(p Phrases) []string { return p.All(c.Langs) }
	for _, s := range all(spec.Means) {
		u.means.add(s, 0)
	}
	m := u.u.Markers
	for tag, p := range map[int]Phrases{markMe: m.Me, markFirst: m.FirstPerson, markOther: m.Other,
		markProf: m.Prof, markHome: m.Home, markMinor: m.Minor, markAdult: m.Adult,
		markWatched: m.Watched, markPolice: m.Police, markWorry: m.Worry, markAsks: m.Asks, markReflexive: m.Reflexive, markHelped: m.Helped, markAbroad: m.Abroad, markDoubt: m.Doubt, markAway: m.Away, markWoman: m.Woman, markSpouse: m.Spouse} {
		for _, s := range all(p) {
			u.markers.add(s, tag)
		}
	}
	for _, s := range all(m.Partner) {
		for _, w := range lex.words(s) {
			u.partner[w] = true
		}
	}
	for _, to := range slices.Sorted(maps.Keys(u.u.Switch)) {
		for _, s := range all(u.u.Switch[to]) {
			u.switchTo.add(s, len(u.switchLangs))
		}
		u.switchLangs = append(u.switchLangs, to)
	}
	for _, s := range all(m.AgeBefore) {
		switch w := Tokens(s); {
		case len(w) == 1:
			u.ageBefore[w[0]] = true
		case len(w) > 1:
			u.ageBeforeWords = append(u.ageBeforeWords, w)
		}
	}
	for _, s := range all(m.AgeAfter) {
		if w := Tokens(s); len(w) > 0 {
			u.ageAfter[w[0]] = true
		}
	}
	for _, s := range all(m.Child) {
		if w := Tokens(s); len(w) > 0 {
			u.child[w[0]] = true
		}
	}
	// Examples, as term counts first; weights need every example's
	// features to count how rare each one is.
	type example struct {
		intent int32
		tf     map[int32]int
	}
	var examples []example
	df := []int{}
	for i, in := range u.u.Intents {
		u.intents = append(u.intents, in)
		if in.Kind == KindDanger && u.danger == nil {
			u.danger, u.dangerAt = in, i
			// Determiners stand for each other in the phrases of danger
			// ("voor de deur" is also "voor mijn deur", "voor zijn deur"),
			// and so do objects ("laten me niet gaan" is also "laten haar
			// niet gaan"): what happens to someone else is danger too.
			class := map[string]uint8{}
			for bit, p := range []Phrases{in.Determiners, in.Objects} {
				for _, s := range all(p) {
					for _, w := range lex.words(s) {
						class[w] |= 1 << bit
					}
				}
			}
			u.rules, u.except, u.signs = newPhrasesOf(class, lex.spell), newPhrasesOf(class, lex.spell), newPhrasesOf(class, lex.spell)
			moved := movedOrders(in.VerbLast)
			for _, s := range moved(in.Rules) {
				u.rules.add(s, i)
			}
			for _, s := range all(in.Except) {
				u.except.add(s, i)
			}
			for k, sg := range in.Signs {
				if k >= 64 {
					break // Load refuses more kinds than fit in a word
				}
				u.signKinds = append(u.signKinds, sg)
				if !sg.Context {
					u.coreSigns |= 1 << k
				}
				if sg.Firm {
					u.firmSigns |= 1 << k
				}
				if sg.Deadline {
					u.deadlineSigns |= 1 << k
				}
				for _, s := range moved(sg.Phrases) {
					u.signs.add(s, k)
				}
			}
			for _, s := range all(in.Plain) {
				for _, w := range lex.words(s) {
					u.plain[w] = true
				}
			}
			for _, s := range all(in.Everyday) {
				u.everyday.add(s, everydayLife)
			}
			for _, s := range all(in.Routine) {
				u.everyday.add(s, everydayRoutine)
			}
			for _, s := range all(in.Light) {
				u.light.add(s, i)
			}
			for _, s := range all(in.Alone) {
				u.alone.add(s, i)
			}
			for _, s := range all(in.Opening) {
				u.opening.add(s, i)
			}
		}
		for _, who := range in.Fallback {
			if u.fallback[who] == nil {
				u.fallback[who] = in
			}
		}
		for _, s := range all(in.Keywords) {
			u.keywords.add(s, i)
		}
		for _, s := range all(in.Examples) {
			tf := map[int32]int{}
			emitFeatures(lex.words(s), nil, func(h uint64) {
				id, ok := u.feature[h]
				if !ok {
					id = int32(len(df))
					u.feature[h] = id
					df = append(df, 0)
				}
				if tf[id] == 0 {
					df[id]++
				}
				tf[id]++
			})
			examples = append(examples, example{int32(i), tf})
			u.exText = append(u.exText, s)
		}
	}
	n := float64(len(examples))
	u.idf = make([]float64, len(df))
	for id, d := range df {
		u.idf[id] = math.Log(1 + n/float64(d))
		u.maxIDF = max(u.maxIDF, u.idf[id])
	}
	u.postings = make([][]exampleWeight, len(df))
	for ex, e := range examples {
		u.exIntent = append(u.exIntent, e.intent)
		norm := 0.0
		for id, tf := range e.tf {
			v := weight(tf) * u.idf[id]
			norm += v * v
		}
		norm = math.Sqrt(norm)
		for id, tf := range e.tf {
			u.postings[id] = append(u.postings[id], exampleWeight{int32(ex), float32(weight(tf) * u.idf[id] / norm)})
		}
	}
	// The words of each message are read once, then the three models
	// that learn from them are trained side by side, and beside them the
	// classifier of the examples: each has its own weights, and from here
	// the words, features and weights they share are only read.
	u.messages = sync.OnceValue(func() map[string]messageFeatures { return readMessages(lex, spec.Messages) })
	u.whole = true
	var trained sync.WaitGroup
	trained.Go(func() { u.model = u.trainClassifier(c) })
	trained.Go(func() { u.dangerModel = u.trainDanger(spec.Messages) })
	trained.Go(func() { u.askModel = u.trainAsk(c, spec.Messages) })
	trained.Go(func() { u.topicModel = u.trainTopic(spec.Messages) })
	trained.Wait()
	u.messages, u.whole = nil, false
	u.scratch.New = func() any {
		return &work{dot: make([]float32, len(examples)), best: make([]float64, len(u.intents)), kw: make([]bool, len(u.intents)), form: make([]bool, len(u.intents)), nearest: make([]int32, len(u.intents))}
	}
	return u
}

// messageFeatures are the words of a message of messages/ and its
// features folded to the danger model's ids (see hashed).
type messageFeatures struct {
	words []string
	ids   []uint32
}

// readMessages reads the words and features of every message, on every
// core.
func readMessages(lex *lexicon, ms []Message) map[string]messageFeatures {
	read := make([]messageFeatures, len(ms))
	workers := min(runtime.GOMAXPROCS(0), len(ms))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			memo := map[string]string{}
			for i := k; i < len(ms); i += workers {
				words := lex.wordsWith(ms[i].Text, memo)
				read[i] = messageFeatures{words: words, ids: hashed(words, nil, dangerModelBits)}
			}
		})
	}
	wg.Wait()
	out := make(map[string]messageFeatures, len(ms))
	for i, m := range ms {
		out[m.Text] = read[i]
	}
	return out
}

// noteName is the name the model cache notes the model name under: the
// name while the models learn from the whole content, else none.
func (u *understander) noteName(name string) string {
	if !u.whole {
		return ""
	}
	return name
}

// wordsOfMessage returns the words of a message of messages/, read once
// for all the models that learn from it.
func (u *understander) wordsOfMessage(text string) []string {
	if u.messages != nil {
		if f, ok := u.messages()[text]; ok {
			return f.words
		}
	}
	return u.lex.words(text)
}

// idsOfMessage returns the features of a message of messages/ folded to
// 1<<bits ids, bits at most dangerModelBits. They are hashed once, for the
// danger model, and folded further for the choosers: folding a hash to
// fewer bits keeps its low bits, so the ids are the ones hashed would give.
func (u *understander) idsOfMessage(text string, bits uint) []uint32 {
	var f messageFeatures
	ok := false
	if u.messages != nil {
		f, ok = u.messages()[text]
	}
	if !ok {
		return hashed(u.lex.words(text), nil, bits)
	}
	if bits == dangerModelBits {
		return f.ids
	}
	mask := uint32(1)<<bits - 1
	ids := make([]uint32, len(f.ids))
	for i, id := range f.ids {
		ids[i] = id & mask
	}
	return ids
}

// movedOrders returns a function that lists the phrases of every
// language and, for a language whose clauses may put the verb last, each
// phrase of two or three words once more with its first word moved back:
// "is onderweg" also as "onderweg is", "volgt me" as "me volgt", "komt me
// pakken" as "me komt pakken" and "me pakken komt". Words that stay put
// (fixed: "voor", "de") are not moved: "voor de deur" stays as it is.
func movedOrders(fixed Phrases) func(Phrases) []string {
	stay := map[string]map[string]bool{}
	for lang, list := range fixed {
		stay[lang] = map[string]bool{}
		for _, w := range list {
			stay[lang][w] = true
		}
	}
	return func(p Phrases) []string {
		var out []string
		for lang, list := range p {
			out = append(out, list...)
			fixed, ok := stay[lang]
			if !ok {
				continue
			}
			for _, s := range list {
				w := strings.Fields(s)
				if len(w) < 2 || len(w) > 3 || fixed[w[0]] {
					continue
				}
				out = append(out, strings.Join(append(slices.Clone(w[1:]), w[0]), " "))
				if len(w) == 3 {
					out = append(out, w[1]+" "+w[0]+" "+w[2])
				}
			}
		}
		return out
	}
}

// weight is the sublinear weight of a count: a word said twice says a
// little more than once, not twice as much.
func weight(tf int) float64 { return 1 + math.Log(float64(tf)) }

// emitFeatures calls emit for every feature of words: each word, each pair of
// neighbouring words, and the groups of minGram to maxGram letters of each
// word with its start and end marked. Features are hashed, so that
// nothing is allocated for them; offs is scratch space.
func emitFeatures(words []string, offs []int, emit func(uint64)) []int {
	for i, w := range words {
		emit(hashOf(featureKindWord, w, ""))
		if i+1 < len(words) {
			emit(hashOf(featureKindPair, w, words[i+1]))
		}
		// Rune offsets of "\x02" + w + "\x03", without building it: the
		// start mark is offset -1 and the end mark len(w).
		offs = offs[:0]
		offs = append(offs, -1)
		for j := range w {
			offs = append(offs, j)
		}
		offs = append(offs, len(w), len(w)+1)
		runes := len(offs) - 1
		for n := minGram; n <= maxGram; n++ {
			for s := 0; s+n <= runes; s++ {
				emit(gramHash(w, offs[s], offs[s+n]))
			}
		}
	}
	return offs
}

// featureCount is how many features emitFeatures emits for words.
func featureCount(words []string) int {
	n := 0
	for i, w := range words {
		n++
		if i+1 < len(words) {
			n++
		}
		runes := utf8.RuneCountInString(w) + 2
		for g := minGram; g <= maxGram; g++ {
			n += max(runes-g+1, 0)
		}
	}
	return n
}

// FNV-1a, written out so that hashing a feature allocates nothing.
const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

// hashOf hashes a feature of a kind over one word, or two.
func hashOf(kind byte, a, b string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(kind)) * fnvPrime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * fnvPrime
	}
	if b != "" {
		h = (h ^ ' ') * fnvPrime
		for i := 0; i < len(b); i++ {
			h = (h ^ uint64(b[i])) * fnvPrime
		}
	}
	return h
}

// gramHash hashes the letters of w from byte from to byte to, where -1
// stands for the mark before the word and len(w) for the mark after it.
func gramHash(w string, from, to int) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(featureKindLetters)) * fnvPrime
	if from < 0 {
		h = (h ^ 0x02) * fnvPrime
		from = 0
	}
	end := min(to, len(w))
	for i := from; i < end; i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	if to > len(w) {
		h = (h ^ 0x03) * fnvPrime
	}
	return h
}

// Understand reads one message for its meaning. The text is read and
// forgotten: what comes back holds no words of it.
func (x *Index) Understand(lang, text string) Meaning {
	return x.understand(lang, text, nil)
}

// understand is Understand, saying in tr (when not nil) what only the
// reading itself can tell.
func (x *Index) understand(lang, text string, tr *Trace) Meaning {
	var m Meaning
	text = cutText(text)
	words := x.lex.words(text)
	u := x.u
	if u == nil {
		used := make([]bool, len(words))
		var refused []*content.Contact
		m.Named, refused = x.names.find(words, used)
		m.Found = without(contactsOf(x.find(words, DefaultLimit)), refused)
		return m
	}
	words = u.withEmoji(text, words)
	wk := u.scratch.Get().(*work)
	defer u.scratch.Put(wk)
	wk.used = slices.Grow(wk.used[:0], len(words))[:len(words)]
	clear(wk.used)
	var refused []*content.Contact
	m.Named, refused = x.names.find(words, wk.used)
	wk.named = append(wk.named[:0], wk.used...)
	// A request for a language is not what the message is about: its
	// words are left out of the reading, as a contact's name is, so that
	// "can we do this in english? my dutch is not so good" asks for
	// English and tells nothing of work.
	requested := 0 // the words of the requests
	u.switchTo.match(words, func(p *phrase, i, j int) {
		// A language's name alone asks for it in a short message
		// ("english?", "english pls"), not in "which dutch organisation
		// does research"; "in english" asks for it anywhere.
		dont := func(k int) bool { return k >= 0 && notSpeak[words[k]] }
		if i > 0 && negation[words[i-1]] || dont(i-1) || dont(i-2) {
			return // "i dont speak dutch", "she doesnt speak dutch", "spreek geen nederlands"
		}
		if len(p.words) > 1 || len(words) <= maxSwitchWords {
			m.SwitchTo = u.switchLangs[p.tag]
			for k := i; k < j; k++ {
				if !wk.used[k] {
					wk.used[k] = true
					requested++
				}
			}
		}
	})
	// A contact named beside it is asked about: "nummer van fier in het
	// engels" wants the number, in English.
	m.SwitchOnly = m.SwitchTo != "" && len(m.Named) == 0 && len(words)-requested <= maxSwitchWords
	wk.masked = wk.masked[:0]
	for i, w := range words {
		if !wk.used[i] {
			wk.masked = append(wk.masked, w)
		}
	}
	masked := wk.masked

	u.read(masked, wk, &m)
	if len(m.Named) > 0 && m.Who != WhoProf && u.profInNamed(words) {
		// A professional's words may hold a contact's name, which is
		// left out of what is read: "de stappen van de meldcode", "step
		// 5 of the meldcode" are asked by a professional.
		m.Who = WhoProf
	}
	// A question may be only its word order: "kan slachtofferhulp ook
	// iets doen als ...", "helpt fier ook jongens". A question mark
	// after a doubt that names no one to ask asks only whether it is
	// something: "ze is stiller en haar cijfers zakken. kan van alles zijn
	// denk ik?"; "nr van veilig thuis? twijfel over een kind" asks.
	m.Asks = wk.marks[markAsks] > 0 || strings.Contains(text, "?") && (wk.marks[markDoubt] == 0 || len(m.Named) > 0) || len(m.Named) > 0 && len(words) > 1 && askingVerbs[words[0]] && wk.used[1]
	// aboutBot: small talk whose keyword holds a contact's name asks
	// about the bot, not for the contact: "is dit de politie?".
	aboutBot := false
	if len(m.Named) > 0 && len(masked) > 0 {
		// A question's keyword counts even where it is also a contact's
		// name: "welke stappen van de meldcode volg ik" asks about the
		// meldcode, whose answer has the steps, Veilig Thuis and the
		// meldcode's page. The name alone asks for its card.
		u.keywords.match(words, func(p *phrase, i, j int) {
			in := u.intents[p.tag]
			switch {
			case wk.kw[p.tag]:
			case in.Kind == KindQuestion:
				wk.kw[p.tag] = true
				wk.best[p.tag] += keywordBonus
			case in.Kind == KindChat && slices.Contains(wk.named[i:j], true):
				wk.kw[p.tag] = true
				wk.best[p.tag] += keywordBonus
				aboutBot = true
			}
		})
	}
	exclusive, n := x.exclusiveLang(words)
	// The first words say the language as well as all of them.
	head := content.Cut(text, maxLangText)
	m.Lang = x.langs.of(head, Tokens(head), exclusive, n)
	// Danger first. A fear of the police or of being punished is not
	// danger now: its words are left out when danger is read, so that
	// "bang dat de politie me oppakt" is a fear, and "ze slaan me, ik
	// durf niet naar de politie" still danger.
	danger := words
	dangerKept := words // danger without its gaps, for the model
	signWords := masked // the words the signs are read in
	police, worry := false, false
	homeInFear := false // the only home said is inside the fear's words
	// On every word: "politie" is also a contact's name, which the
	// masked words leave out.
	u.markers.match(words, func(p *phrase, _, _ int) {
		police = police || p.tag == markPolice
		worry = worry || p.tag == markWorry
	})
	// An ultimatum with a time (every kind that says when or else) is
	// danger now, whatever fear of them is told beside it.
	ultimatum := func() bool {
		return u.deadlineSigns != 0 && u.signKindsIn(words, true)&u.deadlineSigns == u.deadlineSigns
	}
	if police && worry && !ultimatum() {
		// The words of the fear are left out of both readings, found
		// on every word: "politie bij ons aan de deur" is a fear even
		// where "politie", a contact's name, is not in masked.
		m.Fear = true
		drop := u.marked(words, markPolice, markWorry)
		masked = keep(words, drop, wk.used)
		dangerKept = keep(words, drop, nil)
		// Rules and signs read the rest with a gap where the fear was,
		// so that no phrase spans it: "komt jeugdzorg en halen ze" is
		// not "komt halen".
		danger = gaps(words, drop, nil)
		signWords = gaps(words, drop, wk.used)
		// A house said only inside the fear is where they would come
		// ("ik wil niet dat ze bij mij thuis aanbellen"), not where it
		// happens: the help for home would answer the wrong worry. A
		// parent in the fear ("if my parents find out") is still home.
		// The home markers were read in wk.masked, the words without
		// names.
		inFear := make([]bool, 0, len(wk.masked))
		for k := range words {
			if !wk.used[k] {
				inFear = append(inFear, drop[k])
			}
		}
		if m.Home && !m.spouse && len(wk.homeAt) > 0 && !slices.ContainsFunc(wk.homeAt, func(h [2]int) bool {
			return !slices.Contains(inFear[h[0]:h[1]], true) || !slices.ContainsFunc(wk.masked[h[0]:h[1]], func(w string) bool { return houseWords[w] })
		}) {
			m.Home, homeInFear = false, true
		}
	}
	rule := u.ruleHit(danger, u.rules)
	storyRule := false // a rule read as someone else's story of harm
	if rule && u.deadlineSigns != 0 && (m.Who == WhoOther || m.Who == WhoProf) {
		// What happens to someone else again and again, or happened
		// ("elke dag", "last week"), told by one who sees it, is their
		// story, not harm now, unless the message says when or what
		// else. The writer's own "hij slaat me elke avond" stays
		// danger: tonight it may happen again.
		routine := u.routineIn(danger)
		// A sign of now says when here, but not one an exception
		// explains ("hij vertelde het me net", "en nu krijg ik
		// brieven"), unless the harm follows it: "en nu slaat hij haar
		// weer".
		rule = !routine || u.signKindsIn(danger, true)&u.deadlineSigns != 0 || u.nowBeforeRule(danger)
		storyRule = !rule
	}
	if rule && m.Home && len(masked) >= storyWords && u.dangerModel != nil && !u.signsBesidesHome(danger) {
		// A long story of what goes on at home, with no sign of now, of
		// anyone near or of a place but the home ("mijn stiefvader pakt
		// mijn geld af en als het te weinig is slaat hij me"), is how
		// life at home is: the help for home, with 112 a tap away,
		// unless the model finds it like danger now.
		wk.feats = hashed(dangerKept, wk.feats[:0], dangerModelBits)
		if u.dangerModel.prob(wk.feats) < dangerModelHomeRule {
			rule = false
			if tr != nil {
				tr.RuleInHomeStory = true
			}
		}
	}
	alone := len(masked) > 0 && u.isAlone(masked)
	var topic *Intent
	if d := u.best(KindDisclosure, wk); d >= 0 {
		topic = u.atHome(u.intents[d], m.Home)
	}
	// The model's guess never decides whether something is danger: only
	// examples and rules do. It may name what else a message is about.
	guess, _ := u.model.guess(wk.ids)
	if topic == nil && guess >= 0 && u.intents[guess].Kind == KindDisclosure {
		defer func() {
			if m.Topic == nil && (m.Danger || m.Fear) {
				m.Topic = u.atHome(u.intents[guess], m.Home)
			}
		}()
	}
	// storySure: the signs were read as part of a story because the
	// model was asked already and is sure there is no danger now.
	storySure := false
	modelSays := func() bool {
		// Asked last, and not for a fear: the model adds what rules and
		// examples missed. Someone who reads along does not stop it;
		// danger then gets its discreet answer.
		if m.Fear || storySure {
			return false
		}
		// Everyday life explains the words away; routine ("last
		// year") does not: "the man who took my sister last year" may
		// be watching the flat now. Nor does everyday life explain an
		// ultimatum with a time: "als ik vanavond niet kom pakken ze mn
		// broertje, hij loopt nu alleen van voetbal naar huis".
		// A word of everyday life inside a sign is the sign's: "ze
		// gaan hem een lesje leren" threatens, it is no school.
		var lifeAt [][2]int // on the danger words, which keep the names
		u.everyday.match(danger, func(p *phrase, i, j int) {
			if p.tag == everydayLife {
				lifeAt = append(lifeAt, [2]int{i, j})
			}
		})
		if len(lifeAt) > 0 {
			u.signs.matchGap(danger, ruleGap, func(p *phrase, i, j int) {
				if !u.signKinds[p.tag].Context {
					lifeAt = slices.DeleteFunc(lifeAt, func(s [2]int) bool { return s[0] < j && i < s[1] })
				}
			})
		}
		inDanger := len(lifeAt) > 0
		if inDanger && !ultimatum() {
			return false // "hij staat voor de deur, hij brengt me naar voetbal"
		}
		told := u.told(wk)
		if len(masked) < topicAloneWords && told {
			// In a short message a topic's keyword says what it is
			// about, as it does for the topic: "ze hebben mn paspoort
			// gepakt op het werk" is labour, not a guess at danger.
			return false
		}
		var sure bool
		sure, wk.feats = u.dangerModel.says(danger, wk.feats, u.dangerNeed(&m, danger, told))
		return sure
	}
	// Everyday life in what is left of the message (see signsSay, and
	// asking below), read once.
	everyday, life := false, false
	u.everyday.match(masked, func(p *phrase, _, _ int) {
		everyday = true
		life = life || p.tag == everydayLife
	})
	// The writer's fear in a story about someone else ("mijn zoon heeft
	// een 2e telefoon ... 😰") is a worry about that story, as a fear of
	// the police is that fear: neither is danger now.
	worried := m.Fear || topic != nil && (m.Who == WhoOther || m.Who == WhoProf)
	signs := func() bool {
		if !u.signsSay(signWords, topic != nil, u.asksQuestion(&m, wk), everyday, worried, wk) {
			return false
		}
		if (m.Who == WhoOther || m.Who == WhoProf) && u.deadlineSigns != 0 {
			// What happens to someone else again and again ("a girl
			// who always sits in the back of a car"), told by one who
			// sees it, with no sign saying when: their story, as for
			// the rules above, also when someone waits outside ("a car
			// waiting outside for her every time she's here").
			if u.routineIn(danger) && u.signKindsIn(danger, true)&u.deadlineSigns == 0 {
				return false
			}
		}
		if wk.firm || topic == nil || len(masked) < storyWords || u.dangerModel == nil {
			return true
		}
		// A long story whose signs are only where and who ("er komt
		// steeds een oudere man met een ander jong meisje", "work in his
		// car wash here"), which the model is sure tells no danger now,
		// is that story.
		wk.feats = hashed(dangerKept, wk.feats[:0], dangerModelBits)
		if u.dangerModel.prob(wk.feats) >= dangerModelNot {
			return true
		}
		storySure = true
		if tr != nil {
			tr.SignsInStory = true
		}
		return false
	}
	if u.danger != nil && (rule || alone || signs() || !m.Fear && wk.best[u.dangerAt] >= dangerSimilarity || modelSays()) {
		m.Intent, m.Danger, m.Topic, m.Fear = u.danger, true, topic, false
		besides := -1 // the words besides the danger, counted when asked
		wordsBesides := func() int {
			if besides < 0 {
				besides = u.wordsBesidesDanger(masked)
			}
			return besides
		}
		if d := u.best(KindDisclosure, wk); d >= 0 && !wk.kw[d] && (wk.best[d] < u.u.Threshold+dangerTopicMargin || wordsBesides() < topicWords) {
			// The helpline after 112 must fit: a topic only just like
			// an example ("hij wil niet stoppen" like "ik wil stoppen
			// met wiet verkopen") is no topic, nor one like an example
			// only in the words of the danger ("ik wil niet meer
			// leven" like "ik wil niet meer met die mannen mee").
			m.Topic = nil
		}
		if m.Topic == nil && wordsBesides() >= topicWords {
			// The topic that danger messages like this one were about:
			// the passports taken and a van coming is labour. Only when
			// the message says more than the danger: "hij staat nu voor
			// de deur en ik ben bang" tells no topic, whichever way such
			// words leaned in the messages learnt, and gets the help for
			// any danger at home or in doubt.
			if t := u.storyTopic(masked, &m, wk); t != nil {
				m.Topic = t
			}
		}
		m.Topic = u.youngAtHome(m.Topic, &m)
		return m
	}
	// Signs of danger that everyday life explains ("een mes voor de
	// taart", "hij brengt me naar voetbal"): nothing happens now, and
	// the message tells no story without a word of one.
	explained := wk.explained && life
	if m.Fear && m.Who == WhoProf {
		// A professional who writes of a client's fear ("een slachtoffer
		// dat geen verblijfsvergunning heeft") asks what help there is:
		// the words of the fear were left out of the danger as for
		// anyone, but the answer is not one for the writer's own fear.
		m.Fear = false
	}
	if m.Fear {
		m.Topic = topic
		if m.Topic == nil || topicIntent(m.Topic) || homeInFear && u.isHome(m.Topic) {
			// The help that thinks along fits what the fear is about,
			// read in the whole message first: the words of the fear
			// say it too ("als hij merkt dat ik dit typ" is about a
			// boyfriend, "geen verblijfsvergunning" about work), and
			// without them "als ik vertel wat de boer doet" says
			// little. Where the whole is unsure, the rest may be sure.
			var t *Intent
			t, wk.feats, wk.probs = u.topicModel.choose(words, wk.feats, wk.probs)
			if t == nil {
				t, wk.feats, wk.probs = u.topicModel.choose(masked, wk.feats, wk.probs)
			}
			if t != nil {
				m.Topic = u.atHome(t, m.Home)
			}
		}
		if m.Topic != nil && wk.marks[markAbroad] > 0 && u.isHome(m.Topic) {
			// "they will hurt my family back home if i talk": a threat
			// to a family abroad is how exploitation holds someone, not
			// what happens at home; the help that thinks along with any
			// form of it fits.
			m.Topic = nil
		}
	}
	// Then the intent that scores best, with what its kind is worth on
	// top: what someone tells comes before what they ask, and that before
	// small talk.
	choice, top := -1, 0.0
	for i, in := range u.intents {
		if in.Kind == KindDanger || wk.best[i] < u.u.Threshold {
			continue
		}
		if explained && in.Kind == KindDisclosure && !wk.kw[i] {
			// Signs of danger that everyday life explains make no story
			// without a word of one: "we hebben een mes nodig voor de
			// taart" is only a little like "ik moet seks hebben voor geld".
			continue
		}
		if s := wk.best[i] + kindWeight[in.Kind] + in.Weight; choice < 0 || s > top {
			choice, top = i, s
		}
	}
	if choice >= 0 && u.intents[choice].Kind == KindQuestion && len(u.intents[choice].Contacts) == 0 {
		// The general question gives way to a question with answers of
		// its own whose keyword the message has: "wat zijn de stappen
		// van het stappenplan, wie bel ik" is about the meldcode.
		for i, in := range u.intents {
			if in.Kind != KindQuestion || len(in.Contacts) == 0 {
				continue
			}
			if wk.kw[i] && wk.best[i] >= u.u.Threshold {
				choice = i
				break
			}
		}
	}
	if choice >= 0 && !covers(masked, wk.kwAt, choice) {
		// A message that is keywords of one intent and nothing else is
		// that intent's, however like another intent's example it is,
		// or whatever keyword of another it holds: "is dit anoniem? zien
		// jullie mijn nummer?" asks about the bot, not for the contacts
		// of "kan ik anoniem iets doorgeven".
		for _, a := range wk.kwAt {
			if w := a[0]; u.intents[w].Kind != KindDanger && wk.best[w] >= u.u.Threshold && covers(masked, wk.kwAt, w) {
				choice = w
				break
			}
		}
	}
	guessed := false // the intent is the model's guess, no example's
	switch {
	case choice >= 0 && len(m.Named) > 0 && m.Asks && u.intents[choice].Kind == KindDisclosure && len(masked) < topicAloneWords && !slices.ContainsFunc(wk.kwAt, func(a [3]int) bool { return u.intents[a[0]].Kind == KindDisclosure }):
		// A short question about a contact named, only like a story in
		// its letters and with no word of one: "wat gebeurt er als ik
		// keerpunt app?" is not "het gebeurt thuis". The general
		// question, with the named card.
		m.Intent = u.question()
	case choice >= 0 && (len(m.Named) == 0 || u.intents[choice].Kind != KindChat || aboutBot):
		m.Intent = u.atHome(u.intents[choice], m.Home)
	case len(m.Named) > 0 && (m.Asks || len(masked) < topicAloneWords):
		// Named, but not asked in words the examples know: the general
		// question, whose contacts are the search's. A long story that
		// names a contact and asks nothing ("rent weg als er politie
		// komt") is read for what it tells instead.
		m.Intent = u.question()
	case guess >= 0:
		// No example came close, but the model trained on all of them
		// is sure what kind of thing this is.
		m.Intent = u.atHome(u.intents[guess], m.Home)
		guessed = true
	case u.fallback[m.Who] != nil:
		// Nothing else understood, but the message says who it is
		// about, and for them that is a worry of its own ("mijn
		// leerling heeft opeens veel geld").
		m.Intent = u.atHome(u.fallback[m.Who], m.Home)
	}
	if storyRule && (m.Intent == nil || m.Intent.Kind == KindChat) {
		// Harm told as someone else's story ("my friend says her bf hits
		// her every day, what can i do") is no small talk, however like
		// "what can i do here" it reads: the topic the model knows.
		if t := u.storyTopic(masked, &m, wk); t != nil {
			m.Intent = t
		}
	}
	// The contact that questions like this one asked for, read once.
	var asked *content.Contact
	askedRead := false
	light := false // said in jest (see light), read when nothing else was understood
	if m.Intent == nil {
		// Nothing else understood. A question the contact model is sure
		// of is a question ("wie doet er onafhankelijk onderzoek naar
		// mensenhandel? schrijf een scriptie"); else the topic model may
		// be sure what a message this long tells: "dochter 13 chat met
		// iemand die zegt dat hij modellenscout is" is sexual
		// exploitation.
		//
		// Only a message that asks asks for a contact, or a short one
		// beside no everyday life ("nummer veilig thuis"): "mn moeder
		// komt me halen van training" is no question about Fier's
		// training, "wie doet onderzoek, ik schrijf een werkstuk" is one,
		// and a long story that asks nothing ("my little sister is 15
		// and has an older friend who pays for her nails ...") is read
		// for what it tells. Nor does the topic model make a
		// story of a short message of everyday life ("ik zit in de
		// flixbus naar amsterdam voor een concert"). A fear is no short
		// message for having its words of the fear left out: "als hij
		// erachter komt dat ik met iemand heb gepraat doet hij mijn zusje
		// iets aan" asks for no contact.
		askedRead = true
		u.light.match(masked, func(*phrase, int, int) { light = true })
		if m.Asks || !m.Fear && !everyday && len(masked) < topicAloneWords {
			asked, wk.feats, wk.probs = u.askModel.choose(words, wk.feats, wk.probs)
		}
		if asked == nil && len(masked) >= topicAloneWords && !light && !explained && !(life && len(masked) < storyWords) {
			if t := u.storyTopic(masked, &m, wk); t != nil {
				m.Intent = t
			}
		}
	}
	if m.Intent == nil && asked == nil && (storySure || wk.explained && !life || (m.Who == WhoOther || m.Home) && len(masked) >= storyWords && !light && !explained) {
		// Signs of danger read as part of a story (the model is sure it
		// tells no danger now, or it goes so again and again) are still
		// signs: "the girl who cleans our office always has a man
		// waiting outside who picks her up. she never talks ... am i
		// imagining things?" is a story whose form nothing says. So is
		// a long story about someone else, or of home, that nothing else
		// was read in ("6 men from abroad live in the flat next to me, a
		// van picks them up before sunrise every day", "is het uitbuiting
		// als mijn oom me elke dag na school in zijn winkel laat
		// werken"): a worry. Unsure, which at home is the help for home.
		if un := u.u.Intent(unsureID); un != nil {
			m.Intent = u.atHome(un, m.Home)
		}
	}
	// What happens at home, chosen for a message that says nothing of a
	// home and has no keyword of it, is a guess the topic may correct:
	// "mijn nichtje wordt uitgebuit door haar vriend, ze moet geld
	// verdienen voor hem" is only a little like a family that takes
	// the money.
	homeGuess := m.Intent != nil && !m.Home && u.isHome(m.Intent) && !(choice >= 0 && wk.kw[choice])
	// A story chosen only by a means ("anders gaat er een filmpje van hem
	// rond" threatens; it is no form of its own) is a story the topic may
	// correct too.
	meansChosen := choice >= 0 && m.Intent == u.intents[choice] && wk.kw[choice] && !wk.form[choice]
	if m.Intent != nil && m.Intent.Kind == KindDisclosure && (topicIntent(m.Intent) || homeGuess || meansChosen) {
		// A means ("schuld af te lossen") is no keyword that decides:
		// every form uses it.
		kw := choice >= 0 && wk.form[choice]
		// What someone tells is about the topic that messages like it
		// were about, whatever single word would say otherwise: a debt
		// paid back "met mannen" is sexual exploitation.
		var t *Intent
		t, wk.feats, wk.probs = u.topicModel.choose(masked, wk.feats, wk.probs)
		if homeGuess && t != nil && u.isHome(t) && slices.ContainsFunc(masked, func(w string) bool { return boyfriend[w] }) {
			// The model guessing home too, for a message that names a
			// boyfriend and no one at home, is the same guess again:
			// "mijn vriend laat me voor hem werken". A husband ("mijn
			// man") is family.
			t = nil
		}
		// A keyword of the intent chosen ("pakketjes") still decides,
		// unless the model is very sure of another topic: parcels
		// brought to a garage where people sleep locked in is labour.
		// Someone unsure what it is stays unsure.
		//
		// Keywords of two topics ("met zijn neef slapen" and "geld
		// schuldig") leave it to the model.
		rival, agreed := false, false
		for i, in := range u.intents {
			rival = rival || i != choice && wk.kw[i] && topicIntent(in)
			// Someone unsure what it is stays unsure, unless a keyword
			// of a form and the model both say which: "een tweede
			// telefoon" is a sign of anything, "klusjes voor jongens uit
			// de wijk" beside it is crime.
			agreed = agreed || i != choice && wk.kw[i] && wk.form[i] && in == t
		}
		// The writer's own doubt keeps it unsure: "ik weet niet of dit
		// normaal is, hij wil dat ik dingen doe voor geld". So does a
		// short message of signs alone ("mijn zoon heeft ineens veel
		// geld en twee telefoons"): Veilig Thuis is for such doubt.
		agreed = agreed && wk.marks[markDoubt] == 0 && len(masked) >= storyWords
		// Only a means ("geld schuldig", "een eigen bankpas") named the
		// topic chosen, and a rival's keyword names a form: the form
		// decides ("terugwerken in de club", "achter het raam"), unless
		// the model is very sure of another.
		meansOnly := choice >= 0 && !wk.form[choice] && slices.ContainsFunc(wk.kwAt, func(a [3]int) bool { return a[0] == choice }) &&
			slices.ContainsFunc(wk.kwAt, func(a [3]int) bool { return a[0] != choice && wk.form[a[0]] && topicIntent(u.intents[a[0]]) })
		if t != nil && !(meansOnly && slices.Max(wk.probs) < topicOverKeyword) && (!kw || m.Intent.ID != unsureID && (rival || len(masked) >= topicAloneWords && slices.Max(wk.probs) >= topicOverKeyword) || m.Intent.ID == unsureID && agreed) {
			m.Intent = u.atHome(t, m.Home)
		} else if meansOnly {
			for i, in := range u.intents {
				if i != choice && wk.form[i] && topicIntent(in) {
					m.Intent = u.atHome(in, m.Home)
					break
				}
			}
		} else if homeGuess && t == nil {
			// Home was only a guess, and the model knows no topic
			// either: "mijn vriend laat me voor hem werken en ik mag
			// niet naar school" is no family's doing. Unsure.
			if un := u.u.Intent(unsureID); un != nil {
				m.Intent = un
			}
		}
	}
	// A professional who tells about someone and asks mostly wants to
	// know whom to call: when the contact model is sure which ("een
	// client die in de criminaliteit wordt uitgebuit, is daar een team
	// voor?"), that contact's card comes first. So does someone who asks
	// for another about a story no keyword names ("is er een chat voor
	// meiden die worden uitgebuit door hun vriend? mn nichtje wil niet
	// bellen").
	forOther := m.Who == WhoOther && !(choice >= 0 && wk.kw[choice])
	// And so does anyone who asks where a story's keyword alone chose
	// it: "zijn er lespakketten over loverboys voor de bovenbouw"
	// asks for teaching material, not about a loverboy; or where the
	// model guessed the story with no example near: "kan een
	// slachtoffer ondersteuning krijgen bij de rechtszaak?" asks for
	// Slachtofferhulp, it tells no work without pay.
	// The contact must be one the writer may be shown, or the story's
	// own help is better: "where can i go after being raped" keeps
	// Fier for the person it happened to.
	onlyKeyword := choice >= 0 && m.Intent == u.intents[choice] && wk.kw[choice] && wk.best[choice]-keywordBonus < u.u.Threshold
	disclosure := m.Intent != nil && m.Intent.Kind == KindDisclosure
	// A question is its question mark, or its first word: "where can my
	// student get advice, someone is threatening to share her nudes".
	// A greeting before it does not count: "hi, wheres the nearest ...".
	first := words
	if len(first) > 1 && greetingWords[first[0]] {
		first = first[1:]
	}
	asksFirst := len(first) > 0 && whom[first[0]]
	question := strings.Contains(text, "?") || asksFirst
	profAsks := disclosure && (m.Who == WhoProf || forOther) && question
	// A story whose only question is whether it is bad or normal ("wil
	// niet zeggen wat dat inhoudt. is dat iets ergs?") doubts; it asks
	// for no contact.
	doubts := wk.marks[markDoubt] > 0 && wk.marks[markAsks] == 0
	anyAsks := disclosure && m.Asks && !doubts && (onlyKeyword || guessed && strings.Contains(text, "?") || asksFirst)
	if !askedRead && (m.Intent == nil || m.Intent.Kind == KindQuestion || profAsks || anyAsks) {
		asked, wk.feats, wk.probs = u.askModel.choose(words, wk.feats, wk.probs)
	}
	// 112 comes from reading danger, never from a guess at whom a story
	// asks for: "my son went to work on a farm, they dont pay him and he
	// cant buy a ticket home. what can i do" tells work without pay, and
	// 112 stays one tap away on every answer.
	emergency := asked != nil && x.c.IsEmergencyContact(asked.ID)
	if asked != nil && !emergency && (profAsks || anyAsks && asked.For(x.c.AudienceOf(cmp.Or(m.Who, WhoMe)))) {
		m.Intent = u.question()
	}
	if asked != nil && m.Intent != nil && m.Intent.Kind == KindQuestion && len(m.Intent.Contacts) > 0 && choice >= 0 && m.Intent == u.intents[choice] && !wk.kw[choice] && !slices.Contains(m.Intent.Contacts, asked.ID) {
		// A question like one with answers of its own only in its
		// examples' words, for a contact the model is sure of and that
		// is not among them: "is there a national helpdesk where
		// professionals can get advice" is like "does fier do training
		// for professionals", and asks for CoMensha.
		m.Intent = u.question()
	}
	if asked == nil && m.Intent != nil && m.Intent == u.question() && len(m.Named) == 0 && !m.Fear && len(masked) >= storyWords {
		// A long story that asks only who to turn to, for no contact
		// the model knows and naming none ("her uncle makes her do
		// things and gives her money so she won't tell. i don't know
		// who to call"), asks for the story's own help: the topic the
		// model knows, when it knows one.
		if t := u.storyTopic(masked, &m, wk); t != nil {
			m.Intent = t
		}
	}
	if m.Intent == nil && asked != nil {
		// Nothing else understood, but a question the contact model
		// is sure of ("wie doet het onafhankelijke onderzoek naar
		// mensenhandel", "is there a chat for girls who are being
		// pimped out"): the general question, with that contact.
		m.Intent = u.question()
	}
	if m.Intent == nil || m.Intent.Kind != KindDisclosure {
		// A question shows what a search finds; so does anything else
		// when the person asked for contacts (/contact).
		m.Found = without(contactsOf(x.find(words, DefaultLimit)), refused)
		if asked != nil && m.Intent.Kind == KindQuestion && !slices.Contains(refused, asked) {
			m.Found = append([]*content.Contact{asked}, without(m.Found, []*content.Contact{asked})...)
			if slices.ContainsFunc(words, func(w string) bool { return whom[w] }) {
				m.Asked = asked
			}
		}
		if asked != nil && m.Intent.Kind == KindQuestion && partOfNamed(asked, m.Named) {
			// "does fier do trainings for professionals": the named
			// organisation's training, before its chat.
			m.Named = append([]*content.Contact{asked}, without(m.Named, []*content.Contact{asked})...)
		}
	}
	if !m.Fear {
		// A fear's home is often whom it must be kept from ("mn ouders
		// mogen het nooit weten"): its help stays that of the form.
		m.Intent, m.Topic = u.youngAtHome(m.Intent, &m), u.youngAtHome(m.Topic, &m)
	}
	return m
}

// storyTopic is the topic the topic model is sure words tell, as it
// happens where m says (see atHome), or nil; wk keeps the model's work.
func (u *understander) storyTopic(words []string, m *Meaning, wk *work) *Intent {
	var t *Intent
	t, wk.feats, wk.probs = u.topicModel.choose(words, wk.feats, wk.probs)
	if t == nil {
		return nil
	}
	return u.atHome(t, m.Home)
}

// unsureID is the intent of someone not sure what goes on: a topic of
// its own, and what a story no form is read in becomes.
const unsureID = "unsure"

// topicIntent reports whether in is one of the intents a topic of
// messages/ stands for, or the one for someone unsure what it is: the
// topic model may put another of them in its place.
func topicIntent(in *Intent) bool {
	if in.ID == unsureID {
		return true
	}
	for _, id := range topicIntents {
		if in.ID == id {
			return true
		}
	}
	return false
}

// partOfNamed reports whether ct is a part of a contact named, not named
// itself: contacts of one organisation share the start of their id
// ("fier", "fier-training").
func partOfNamed(ct *content.Contact, named []*content.Contact) bool {
	if slices.Contains(named, ct) {
		return false
	}
	return slices.ContainsFunc(named, func(n *content.Contact) bool { return strings.HasPrefix(ct.ID, n.ID+"-") })
}

// without returns cts less those in refused: a contact the message says
// it does not want ("en dan niet de politie") is not offered.
func without(cts, refused []*content.Contact) []*content.Contact {
	if len(refused) == 0 {
		return cts
	}
	return slices.DeleteFunc(cts, func(ct *content.Contact) bool { return slices.Contains(refused, ct) })
}

// topicOverKeyword is how sure the topic model must be to put its topic
// in the place of one a keyword chose.
const topicOverKeyword = 0.9

// topicAloneWords is the fewest words from which the topic model alone
// decides what a message tells: "mn moeder komt me zo halen van training" is
// no worry at all.
const topicAloneWords = 10

// dangerTopicMargin is how far above the threshold a disclosure without
// a keyword must be to name the topic of a danger message.
const dangerTopicMargin = 0.1

// maxSwitchWords is the longest message in which a language's name alone
// asks to go on in that language.
const maxSwitchWords = 3

// kindWeight is what each kind of intent adds to its score when intents of
// different kinds compete for a message.
var kindWeight = map[string]float64{KindDisclosure: 0.15, KindQuestion: 0, KindChat: -0.1}

// atHome returns the intent that answers in, for a message that says it
// happens at home.
func (u *understander) atHome(in *Intent, home bool) *Intent {
	if home && in.AtHome != "" {
		if to := u.u.Intent(in.AtHome); to != nil {
			return to
		}
	}
	return in
}

// youngAtHome is in, or the disclosure it becomes when it happens at home
// to someone under 18 (Intent.AtHomeMinor): a girl of ten made to clean
// and mind her brothers at night is a story of home, for Veilig Thuis. So
// is a wife made to work for her husband's family (Intent.AtMarriage).
func (u *understander) youngAtHome(in *Intent, m *Meaning) *Intent {
	if in == nil {
		return in
	}
	to := ""
	switch {
	case m.Home && m.Age == AgeMinor && in.AtHomeMinor != "":
		to = in.AtHomeMinor
	case m.spouse && in.AtMarriage != "":
		to = in.AtMarriage
	}
	if to == "" {
		return in
	}
	if t := u.u.Intent(to); t != nil {
		return t
	}
	return in
}

// isHome reports whether in is the intent a topic becomes when it
// happens at home (Intent.AtHome).
func (u *understander) isHome(in *Intent) bool {
	for _, t := range u.intents {
		if t.AtHome == in.ID {
			return true
		}
	}
	return false
}

// asksQuestion reports whether the message asks (see Meaning.Asks) with a
// keyword of a question ("kan ik ergens iets doorgeven zonder mijn
// naam"): a sign that is not firm in it is part of what it asks about
// ("een huis waar meisjes worden afgezet"), as it is of a story.
func (u *understander) asksQuestion(m *Meaning, wk *work) bool {
	if !m.Asks {
		return false
	}
	for i, in := range u.intents {
		if wk.kw[i] && in.Kind == KindQuestion {
			return true
		}
	}
	return false
}

// question is the first question intent without contacts of its own: the
// one whose answer is the search's.
func (u *understander) question() *Intent {
	for _, in := range u.intents {
		if in.Kind == KindQuestion && len(in.Contacts) == 0 {
			return in
		}
	}
	return nil
}

// notWatched reports whether the words of someone reading along,
// words[i:j], say something else: said of anyone, in a question of what
// one can do ("can you text 112 if you cant talk" asks, "ik kan nu niet
// praten" is said by one who is watched); of a day to come ("de
// rechtszaak komt eraan" is no one coming in); of someone who comes in
// with others ("komt binnen met telkens een ander meisje" is a story, "ze
// lezen mee met alles" is not); of what cannot be talked about ("she cant
// talk about work" is what she keeps from others, not one who reads
// along); or of a phone taken away ("pakt mijn telefoon af"), how a home
// keeps a child cut off, not someone reading along, unless it is about to
// happen ("ze pakken zo mn telefoon af om te checken") or it is taken to
// read it ("pakt mn telefoon af om te kijken met wie ik praat"); or of
// what must not happen ("een chat zonder dat de politie meteen
// meekijkt"); or of someone else's phone ("hij leest alles mee op haar
// telefoon", "hij heeft al haar wachtwoorden en leest mee"); or of
// whom one would talk to ("if i talk to someone here"), or what is not
// answered ("ze reageert niet meer op mn berichten"); or of what might
// be, in a question that asks what one may do ("can I text the emergency
// number if I can't talk out loud?", "if i cant talk, can i text 112?").
func notWatched(words []string, i, j int) bool {
	return i >= 2 && ifWords[words[i-2]] && (youWords[words[i-1]] || selfWords[words[i-1]] && asksBeside(words, i-2, j)) ||
		i >= 1 && (events[words[i-1]] || words[i-1] == "to" || words[i-1] == "op") ||
		j < len(words) && ((words[j] == "met" || words[j] == "with") && !(j+1 < len(words) && everything[words[j+1]]) || words[j] == "about" || words[j] == "over" || words[j] == "af" && !slices.Contains(words[i:j], "zo") && !toRead(words, j+1)) ||
		onTheirs(words, j) || theirsBefore(words, i) || mustNotHappen(words, i) ||
		// Not talking to anyone is keeping it to oneself: "i cant talk
		// to anyone about this".
		j+1 < len(words) && (words[j] == "to" || words[j] == "met") && anyone[words[j+1]]
}

// anyone are the words for whomever one might tell.
var anyone = map[string]bool{"anyone": true, "anybody": true, "nobody": true, "iemand": true, "niemand": true}

// houseWords are the words of a home that say a place, not a person.
var houseWords = map[string]bool{"thuis": true, "huis": true, "home": true, "house": true}

// splitNotNow reports whether p, a phrase that starts with "niet nu" or
// "not now", matched words[i:j] with more than one word put in: "niet
// terugsturen nu, later" says not now, but "dingen die ik niet wilde. nu
// zegt hij ..." is two sentences that only their words join.
func splitNotNow(p *phrase, i, j int) bool {
	if len(p.words) < 2 || j-i <= len(p.words)+1 {
		return false
	}
	first, second := p.words[0].s, p.words[1].s
	return first == "niet" && second == "nu" || first == "not" && second == "now"
}

// everything are the words after "met" or "with" that say what is read,
// not whom one comes with: "ze lezen mee met alles wat ik doe".
var everything = map[string]bool{"alles": true, "everything": true}

// toRead reports whether words[k:] say that a phone is taken to read it:
// "om te kijken", "om te checken".
func toRead(words []string, k int) bool {
	return k+2 < len(words) && words[k] == "om" && words[k+1] == "te" && readingVerbs[words[k+2]]
}

// readingVerbs are what one takes a phone for to see what is on it.
var readingVerbs = map[string]bool{"kijken": true, "checken": true, "lezen": true, "controleren": true, "zien": true}

// asksBeside reports whether the words outside words[i:j] ask what one
// may do: "can I text the emergency number if I can't talk out loud?", "if
// i cant talk on the phone, can i text 112?", "whats the emergency number,
// and can i text it if i cant talk out loud?".
func asksBeside(words []string, i, j int) bool {
	for k := 0; k+1 < len(words); k++ {
		if (k+1 < i || k >= j) && askingVerbs[words[k]] && selfWords[words[k+1]] {
			return true
		}
	}
	return false
}

// mustNotHappen reports whether "zonder dat" or "without" and whom, in the
// withoutReach words before words[i], say that what follows must not
// happen: "zonder dat de politie meteen meekijkt". "zonder" alone is
// without a thing ("ik werk zonder loon, hij kijkt mee"), which leaves the
// one reading along read.
func mustNotHappen(words []string, i int) bool {
	for k := max(0, i-withoutReach); k+1 < i; k++ {
		if (words[k] == "zonder" || words[k] == "without") && withoutWhom[words[k+1]] {
			return true
		}
	}
	return false
}

// withoutReach is how many words before a phrase "zonder dat" may stand
// and still say the phrase is what must not happen.
const withoutReach = 5

// withoutWhom are the words after "zonder" or "without" that make what
// follows something that must not happen, not a thing one is without.
var withoutWhom = map[string]bool{"dat": true, "that": true, "anyone": true, "someone": true, "him": true, "her": true, "them": true, "iemand": true}

// noLonger reports whether the words from j say what one can no longer
// do: "nee zeggen kan ik niet meer" tells, it does not ask.
func noLonger(words []string, j int) bool {
	return j+1 < len(words) && (words[j] == "niet" || words[j] == "nooit") && words[j+1] == "meer"
}

// stated reports whether the question's words at words[i] follow the
// one they are said of, as a statement's do: "we zijn er kapot van" tells,
// "zijn er organisaties" asks.
func stated(words []string, i int) bool {
	return i >= 1 && pronouns[words[i-1]]
}

// relative reports whether "waar" or "where" at words[i] opens a clause
// that says which place is meant, as in a story: "een nagelsalon waar de
// meiden slapen", "a site where the guys sleep in their cars". Such a
// clause goes on with someone else as its subject; a verb after it asks
// ("haar pooier, waar kan ze heen"), and so does the writer or anyone
// who may go there ("een plek waar ik terecht kan"). "who" after one of
// a story's people says which person is meant (relativeWho).
func relative(words []string, i int) bool {
	if relativeWho(words, i) {
		return true
	}
	if i < 2 || i+1 >= len(words) || words[i] != "waar" && words[i] != "where" {
		return false
	}
	next := words[i+1]
	if !(determiners[next] || subjects[next] || describers[next]) || seekers[next] {
		return false
	}
	if determiners[words[i-2]] && !describers[next] {
		return true
	}
	// Without a determiner before the place ("insta dms where a man
	// offers her 200") the clause must go on as a statement: its verb,
	// after a subject or after a determiner and its noun, is no modal
	// that asks ("any idea where a girl can go"), and nothing before it
	// asks either ("weet jij waar ze ...").
	verb := i + 2
	if determiners[next] || describers[next] {
		verb = i + 3
	}
	return verb < len(words) && !modals[words[verb]] && !askedWhere[words[i-1]]
}

// describers are the words that open a clause's subject as a determiner
// does: "parties where older guys give her drinks".
var describers = map[string]bool{"older": true, "oudere": true, "other": true, "andere": true, "young": true, "jonge": true, "some": true, "sommige": true}

// modals are the verbs with which a clause after "waar" or "where" asks
// where one may go: "where a girl can go", "waar een meisje terecht kan".
var modals = map[string]bool{"can": true, "could": true, "should": true, "may": true, "might": true, "would": true, "will": true, "to": true,
	"kan": true, "kun": true, "kunnen": true, "moet": true, "moeten": true, "mag": true, "mogen": true, "zou": true, "zouden": true}

// askedWhere are the words before "waar" or "where" that make it a
// question: "any idea where", "weet jij waar", "tell me where".
var askedWhere = map[string]bool{"know": true, "idea": true, "me": true, "us": true, "ask": true, "asking": true, "wonder": true, "wondering": true,
	"weet": true, "weten": true, "idee": true, "vraag": true, "vragen": true, "zeggen": true, "vertellen": true, "jij": true, "u": true}

// relativeWho reports whether "who" at words[i] says which person of a
// story is meant: "the same man who pays in cash". One who may help is
// asked for: "a woman who can talk to me", "a lady who speaks polish".
func relativeWho(words []string, i int) bool {
	if i < 1 || i+1 >= len(words) || words[i] != "who" || !persons[words[i-1]] {
		return false
	}
	return !helpers[words[i+1]]
}

// persons are the nouns of a story's people that "who" may follow.
var persons = map[string]bool{"man": true, "men": true, "guy": true, "guys": true, "woman": true, "women": true, "girl": true, "girls": true,
	"boy": true, "boys": true, "lady": true, "bloke": true, "driver": true, "boss": true, "manager": true,
	"boyfriend": true, "girlfriend": true, "uncle": true, "cousin": true, "neighbour": true, "neighbor": true,
	"friend": true, "mate": true, "sister": true, "brother": true}

// helpers are the words after "who" that ask for someone who may help:
// "a woman who can talk to me".
var helpers = map[string]bool{"can": true, "could": true, "will": true, "would": true, "might": true, "knows": true, "speaks": true, "helps": true, "to": true}

// decided reports whether "wat" or "what" at words[i], or where or when,
// says what someone decides or tells, as a story does: "hij bepaalt wat ze
// moet opnemen", "he decides what i wear", "someone on snapchat tells him
// where to go and when".
func decided(words []string, i int) bool {
	if i < 1 {
		return false
	}
	told := toldWords[words[i]]
	if told && (deciders[words[i-1]] || i >= 2 && toldTo[words[i-1]] && deciders[words[i-2]]) {
		return true
	}
	// "where to go and when": a second one, after "and", is told as the
	// first is; so is "who" there ("tells her what to post and who to
	// talk to"), which alone would ask.
	if (told || words[i] == "who" || words[i] == "wie") && (words[i-1] == "and" || words[i-1] == "en") {
		for k := i - 2; k >= max(0, i-5); k-- {
			if toldWords[words[k]] {
				return decided(words, k)
			}
		}
	}
	return false
}

// toldWords are the question words a story may say someone decides.
var toldWords = map[string]bool{"wat": true, "what": true, "waar": true, "where": true, "wanneer": true, "when": true}

// toldTo are the ones told, between the verb and what they are told:
// "tells him where".
var toldTo = map[string]bool{"him": true, "her": true, "me": true, "them": true, "us": true, "hem": true, "haar": true, "mij": true, "ons": true}

// unknowing reports whether "wat" or "what" at words[i], or "hoe oud" or
// "how old", says what the writer does not know, as one who tells does:
// "ik weet niet goed wat ik ervan moet denken", "i dont know what to
// think", "geen idee hoe oud ze zijn". No contact is asked for; a question
// mark still asks.
func unknowing(words []string, i int) bool {
	if withheld(words, i) {
		return true
	}
	age := i+1 < len(words) && (words[i] == "hoe" && words[i+1] == "oud" || words[i] == "how" && words[i+1] == "old")
	if words[i] != "wat" && words[i] != "what" && !age {
		return false
	}
	for k := max(0, i-3); k+1 < i; k++ {
		if words[k] == "weet" && words[k+1] == "niet" || words[k] == "dont" && words[k+1] == "know" ||
			words[k] == "geen" && words[k+1] == "idee" || words[k] == "no" && words[k+1] == "idea" {
			return true
		}
	}
	return false
}

// withheld reports whether a question word at words[i] says what someone
// will not tell, as a story does: "ze wil niet zeggen wie", "ze zegt dat
// ze geld verdient maar wil niet zeggen hoe", "he wont say who". "ik weet
// niet wie ik moet bellen" still asks.
func withheld(words []string, i int) bool {
	if !withheldWords[words[i]] {
		return false
	}
	for k := max(0, i-3); k+1 < i; k++ {
		if words[k] == "niet" && sayWords[words[k+1]] || notWords[words[k]] && sayWords[words[k+1]] {
			return true
		}
	}
	return false
}

// withheldWords are the question words someone may not tell.
var withheldWords = map[string]bool{"wie": true, "wat": true, "waar": true, "hoe": true, "wanneer": true, "who": true, "what": true, "where": true, "how": true, "when": true}

// sayWords and notWords make "niet zeggen", "wont tell" and the like.
var (
	sayWords = map[string]bool{"zeggen": true, "zegt": true, "vertellen": true, "vertelt": true, "say": true, "says": true, "tell": true, "tells": true}
	notWords = map[string]bool{"wont": true, "doesnt": true, "didnt": true, "wouldnt": true, "cant": true, "refuses": true}
)

// deciders are the verbs of deciding and telling that "wat" may follow in
// a story.
var deciders = map[string]bool{"bepaalt": true, "bepalen": true, "beslist": true, "beslissen": true, "zegt": true, "zeggen": true,
	"decides": true, "decide": true, "tells": true, "says": true, "controls": true}

// subjects are the pronouns a relative clause of a story goes on with.
var subjects = map[string]bool{"hij": true, "ze": true, "zij": true, "he": true, "she": true, "they": true, "it": true}

// determiners are the words before a noun that a relative "waar" or
// "where" may follow: "een bedrijfje waar".
var determiners = map[string]bool{"een": true, "de": true, "het": true, "mijn": true, "zijn": true, "haar": true, "onze": true, "ons": true, "hun": true, "deze": true, "die": true, "dat": true,
	"a": true, "an": true, "the": true, "my": true, "his": true, "her": true, "our": true, "their": true, "this": true, "that": true}

// seekers are the ones who may look for a place: after "een plek waar"
// they make it a question ("waar ik terecht kan").
var seekers = map[string]bool{"ik": true, "je": true, "jij": true, "u": true, "we": true, "wij": true, "men": true, "iemand": true, "mensen": true,
	"i": true, "you": true, "one": true, "someone": true, "people": true}

// pronouns are the words a person is named by as the one something is
// said of: before the words of a question ("we zijn er"), or before "is"
// and a contact's name ("ze is nu veilig thuis").
var pronouns = map[string]bool{"ik": true, "je": true, "jij": true, "hij": true, "ze": true, "zij": true, "we": true, "wij": true, "jullie": true,
	"i": true, "he": true, "she": true, "they": true}

// onTheirs reports whether the words from j, a word or two on, say "on
// her phone": "leest alles mee op haar telefoon". Only a phone or screen
// makes it someone else's: "he reads my phone on his way home" is still
// the writer's phone.
func onTheirs(words []string, j int) bool {
	for k := j; k < j+2 && k+2 < len(words); k++ {
		if (words[k] == "op" || words[k] == "on") && theirs[words[k+1]] && screens[words[k+2]] {
			return true
		}
	}
	return false
}

// theirsBefore reports whether someone else's phone or passwords are named
// in the words right before i: "hij heeft al haar wachtwoorden en leest
// mee" reads along on hers.
func theirsBefore(words []string, i int) bool {
	for k := max(i-5, 0); k+1 < i; k++ {
		if theirs[words[k]] && (screens[words[k+1]] || secrets[words[k+1]]) {
			return true
		}
	}
	return false
}

// secrets are what opens someone's phone and accounts.
var secrets = map[string]bool{"wachtwoorden": true, "wachtwoord": true, "codes": true, "passwords": true, "password": true, "accounts": true}

// screens are what someone reads along on.
var screens = map[string]bool{"telefoon": true, "gsm": true, "mobiel": true, "scherm": true, "phone": true, "screen": true, "laptop": true}

// writer reports whether w names the one who writes: "me", "mijn", "my".
func writer(w string) bool {
	switch w {
	case "ik", "me", "mij", "mijn", "i", "my":
		return true
	}
	return false
}

// theirs are the words that make a phone someone else's.
var theirs = map[string]bool{"haar": true, "zijn": true, "hun": true, "her": true, "his": true, "their": true}

var (
	ifWords   = map[string]bool{"if": true, "when": true, "als": true, "wanneer": true}
	youWords  = map[string]bool{"you": true, "u": true, "je": true, "jij": true, "someone": true, "iemand": true, "people": true, "mensen": true}
	selfWords = map[string]bool{"i": true, "ik": true}
	events    = map[string]bool{"rechtszaak": true, "zaak": true, "zitting": true, "afspraak": true, "toets": true, "vakantie": true, "trial": true, "hearing": true}
)

// read scores every intent for the words, and reads who, age and home.
func (u *understander) read(words []string, wk *work, m *Meaning) {
	clear(wk.best)
	clear(wk.kw)
	clear(wk.form)
	wk.explained = false
	wk.marks = [markCount]int{}
	wk.meansAt = wk.meansAt[:0]
	u.means.match(words, func(_ *phrase, i, j int) { wk.meansAt = append(wk.meansAt, [2]int{i, j}) })
	wk.kwAt = wk.kwAt[:0]
	u.keywords.match(words, func(p *phrase, i, j int) {
		wk.kw[p.tag] = true
		wk.kwAt = append(wk.kwAt, [3]int{p.tag, i, j})
		if !slices.ContainsFunc(wk.meansAt, func(s [2]int) bool { return s[0] <= i && j <= s[1] }) {
			wk.form[p.tag] = true
		}
	})
	if u.olderPartner(words) {
		// "een vriend van 22" with someone young in view is what the
		// content calls an older boyfriend, however it is said.
		u.keywords.match(olderPartnerWords, func(p *phrase, _, _ int) { wk.kw[p.tag] = true })
	}
	wk.homeAt, wk.otherAt, wk.profAt, wk.helpedAt = wk.homeAt[:0], wk.otherAt[:0], wk.profAt[:0], wk.helpedAt[:0]
	wk.asksAt, wk.doubtAt = wk.asksAt[:0], wk.doubtAt[:0]
	u.markers.match(words, func(p *phrase, i, j int) {
		if p.tag == markWatched && notWatched(words, i, j) || p.tag == markAsks && (stated(words, i) || relative(words, i) || decided(words, i) || unknowing(words, i) || noLonger(words, j)) {
			return
		}
		wk.marks[p.tag]++
		switch p.tag {
		case markHome:
			wk.homeAt = append(wk.homeAt, [2]int{i, j})
		case markOther:
			wk.otherAt = append(wk.otherAt, [2]int{i, j})
		case markProf:
			wk.profAt = append(wk.profAt, [2]int{i, j})
		case markHelped:
			wk.helpedAt = append(wk.helpedAt, [2]int{i, j})
		case markAsks:
			wk.asksAt = append(wk.asksAt, [2]int{i, j})
		case markDoubt:
			wk.doubtAt = append(wk.doubtAt, [2]int{i, j})
		}
	})
	wk.marks[markMe] = max(wk.marks[markMe]-wk.marks[markReflexive], 0)
	// "is dat hoe relaties zijn?" doubts; its "hoe" asks for no one.
	wk.marks[markAsks] -= inside(wk.asksAt, wk.doubtAt)
	// A relative to whom it happens ("mijn moeder wordt gedwongen") is
	// someone else the message is about, not a home where it happens; the
	// writer's own teacher or care worker ("mijn mentor mag dit niet
	// weten") makes the writer the one helped, not a professional.
	wk.marks[markHome] -= inside(wk.homeAt, wk.otherAt)
	// Away from home ("ze slaapt niet meer thuis") says where it does
	// not happen.
	wk.marks[markHome] = max(wk.marks[markHome]-wk.marks[markAway], 0)
	wk.marks[markProf] -= inside(wk.profAt, wk.helpedAt)
	if wk.marks[markWatched] == 0 {
		// Someone reading along is said with words put in as often as
		// danger is ("hij zit nu naast me", "kan nu echt niet praten"):
		// its phrases match as the rules do. Not what a professional
		// tells of someone else: "een leerling komt doodmoe binnen" is
		// no one coming in on the writer; "ik ben leraar, hij zit nu
		// naast me" still is someone beside the writer.
		prof := wk.marks[markProf] > 0
		u.markers.matchGap(words, ruleGap, func(p *phrase, i, j int) {
			if p.tag == markWatched && !splitNotNow(p, i, j) && !notWatched(words, i, j) && (!prof || slices.ContainsFunc(words[i:j], writer)) {
				wk.marks[markWatched]++
			}
		})
	}
	u.similarity(words, wk)
	for i := range u.intents {
		if u.keywordCounts(i, words, wk) {
			wk.best[i] += keywordBonus
		}
	}
	mk := wk.marks
	if u.childByAge(words) {
		mk[markOther]++ // "my 15yo keeps getting calls at night"
	}
	m.Watched = mk[markWatched] > 0
	switch {
	case mk[markProf] > 0:
		m.Who = WhoProf
	case mk[markOther] > mk[markMe]:
		m.Who = WhoOther
	case mk[markMe] > 0 || mk[markFirst] > 0:
		m.Who = WhoMe
	case mk[markWoman] > 0:
		// Nothing of the writer, and a woman: "waar kan een vrouw die
		// uit de prostitutie is gevlucht terecht" is about her.
		m.Who = WhoOther
	}
	// A husband or his family is the writer's home; "mijn man werkt op
	// een bouwplaats" is about him.
	m.spouse = mk[markSpouse] > 0 && m.Who == WhoMe
	m.Home = mk[markHome] > 0 || m.spouse
	m.Age = u.age(words)
	switch {
	case m.Age != AgeUnknown:
	case mk[markMinor] > 0:
		m.Age = AgeMinor
	case mk[markAdult] > 0 || mk[markWoman] > 0 && m.Who != WhoMe:
		m.Age = AgeAdult
	}
}

// profInNamed reports whether words, names of contacts and all, say the
// writer is a professional, as read does for the words without the names.
func (u *understander) profInNamed(words []string) bool {
	var prof, helped [][2]int
	u.markers.match(words, func(p *phrase, i, j int) {
		switch p.tag {
		case markProf:
			prof = append(prof, [2]int{i, j})
		case markHelped:
			helped = append(helped, [2]int{i, j})
		}
	})
	return len(prof) > inside(prof, helped)
}

// olderPartnerWords are the words an adult partner of a message stands for
// among the keywords of understand.yaml.
var olderPartnerWords = []string{"oudere", "vriend"}

// olderPartner reports whether the words give a partner ("vriend",
// "boyfriend") an age of 18 or more: "een vriend van 22", "a guy of 30",
// or said of him right after: "een vriend, hij is 22", "a boyfriend who
// is 25".
func (u *understander) olderPartner(words []string) bool {
	adult := func(i int) bool { // words[i] is an adult's age
		if !isNumber(words[i]) || len(words[i]) > 2 || i+1 < len(words) && counted[words[i+1]] {
			return false
		}
		n, _ := strconv.Atoi(words[i])
		return n >= majority && n <= maxAge
	}
	for i := 2; i < len(words); i++ {
		if !u.partner[words[i-2]] {
			continue
		}
		if (u.ageBefore[words[i-1]] || words[i-1] == "of") && adult(i) {
			return true
		}
		if i+1 < len(words) && partnerIs[words[i-1]] && words[i] == "is" && adult(i+1) {
			return true
		}
	}
	return false
}

// partnerIs are the words that go on about a partner just named, before
// "is" and his age: "een vriend, hij is 22", "a boyfriend who is 25".
var partnerIs = map[string]bool{"hij": true, "die": true, "he": true, "who": true}

// inside counts the spans of words that lie within one of outer.
func inside(spans, outer [][2]int) int {
	n := 0
	for _, s := range spans {
		if slices.ContainsFunc(outer, func(o [2]int) bool { return o[0] <= s[0] && s[1] <= o[1] }) {
			n++
		}
	}
	return n
}

// ageBeforePhrase reports whether words end with one of ageBeforeWords.
func (u *understander) ageBeforePhrase(words []string) bool {
	for _, p := range u.ageBeforeWords {
		if len(words) >= len(p) && slices.Equal(words[len(words)-len(p):], p) {
			return true
		}
	}
	return false
}

// counted are the words after which a number counts something else than
// years of age.
var counted = map[string]bool{"keer": true, "times": true, "euro": true, "euros": true, "minuten": true, "minutes": true,
	"uur": true, "hours": true, "dagen": true, "days": true, "weken": true, "weeks": true, "maanden": true, "months": true, "km": true, "procent": true, "percent": true,
	// A time from ... till: "van 11 tot 1 uur s nachts".
	"tot": true, "till": true, "until": true}

// banknotes are the words before "van" after which a number is money:
// "briefjes van 50".
var banknotes = map[string]bool{"briefjes": true, "briefje": true, "biljetten": true, "biljet": true, "notes": true, "bills": true}

// boyfriend are the words for a boyfriend, who is no family.
var boyfriend = map[string]bool{"vriend": true, "vriendje": true, "loverboy": true, "boyfriend": true, "bf": true}

// possessive are the words with which a parent names a child by its age
// alone: "my 15yo", "onze 12 jarige".
var possessive = map[string]bool{"my": true, "our": true, "mijn": true, "onze": true, "ons": true}

// childByAge reports whether the words name someone by their age after
// "my" ("my 15yo", "my 14 year old"): a parent's child, someone else than
// the writer. Not "my 20 years of teaching" or "mijn 3 jaar geleden".
func (u *understander) childByAge(words []string) bool {
	for i := 1; i+1 < len(words); i++ {
		if !possessive[words[i-1]] || !isNumber(words[i]) || !u.ageAfter[words[i+1]] {
			continue
		}
		if n, _ := strconv.Atoi(words[i]); n < minAge && !youngAgeAfter(words, i) || n > maxAge {
			continue
		}
		if i+2 < len(words) && notAge[words[i+2]] {
			continue
		}
		return true
	}
	return false
}

// youngChild reports whether the number at i is the age of a child named
// right before it ("ons zoontje van 8", "my son (7)"), or by the age
// itself after "my" or "our" ("our 9-year-old").
func (u *understander) youngChild(words []string, i int) bool {
	if i > 0 && u.child[words[i-1]] {
		return true
	}
	if i > 0 && possessive[words[i-1]] && youngAgeAfter(words, i) {
		return true
	}
	return i > 1 && (words[i-1] == "van" || words[i-1] == "of") && u.child[words[i-2]]
}

// youngAgeAfter reports whether the words after the number at i call it
// a child's age outright, as ages under minAge must be to count: "9 year
// old", "9yo", "6 jarige"; not "3 years in this job".
func youngAgeAfter(words []string, i int) bool {
	if i+1 >= len(words) {
		return false
	}
	switch words[i+1] {
	case "yo", "jarige":
		return true
	case "year", "jaar":
		return i+2 < len(words) && (words[i+2] == "old" || words[i+2] == "oud")
	}
	return false
}

// notAge are the words after "3 years" that make it a time, not an age.
var notAge = map[string]bool{"of": true, "ago": true, "van": true, "geleden": true, "lang": true, "long": true}

// age finds an age given as a number: "ik ben 15", "van 14", "15 jaar".
func (u *understander) age(words []string) Age {
	for i, w := range words {
		if !isNumber(w) || len(w) > 2 {
			continue
		}
		if !(i > 0 && u.ageBefore[words[i-1]]) && !u.ageBeforePhrase(words[:i]) && !(i+1 < len(words) && u.ageAfter[words[i+1]]) {
			continue
		}
		if i+1 < len(words) && counted[words[i+1]] {
			continue // "ik ben 20 euro kwijt", "mijn dochter 12 keer gebeld"
		}
		if i >= 2 && u.partner[words[i-2]] && !(i+1 < len(words) && u.ageAfter[words[i+1]]) {
			continue // "een vriend van 22": his age, not hers
		}
		if i >= 2 && banknotes[words[i-2]] {
			continue // "een rol briefjes van 50"
		}
		n, _ := strconv.Atoi(w)
		switch {
		case n > 0 && n < minAge && u.youngChild(words, i):
			return AgeMinor
		case n < minAge || n > maxAge:
		case n < majority:
			return AgeMinor
		default:
			return AgeAdult
		}
	}
	return AgeUnknown
}

// similarity sets wk.best[i] to the cosine similarity between words and
// the most similar example of intent i.
func (u *understander) similarity(words []string, wk *work) {
	wk.ids = wk.ids[:0]
	unknown := 0.0
	wk.offs = emitFeatures(words, wk.offs, func(h uint64) {
		if id, ok := u.feature[h]; ok {
			wk.ids = append(wk.ids, uint32(id))
			return
		}
		// A feature no example has still makes the message less like
		// every example: it counts in the message's length as a feature
		// as rare as can be.
		unknown += u.maxIDF * u.maxIDF
	})
	if len(wk.ids) == 0 {
		return
	}
	slices.Sort(wk.ids)
	clear(wk.dot)
	norm := unknown
	for i := 0; i < len(wk.ids); {
		j := i
		for j < len(wk.ids) && wk.ids[j] == wk.ids[i] {
			j++
		}
		id := wk.ids[i]
		v := weight(j-i) * u.idf[id]
		norm += v * v
		for _, p := range u.postings[id] {
			wk.dot[p.ex] += float32(v) * p.w
		}
		i = j
	}
	norm = math.Sqrt(norm)
	for ex, d := range wk.dot {
		if s := float64(d) / norm; s > wk.best[u.exIntent[ex]] {
			wk.best[u.exIntent[ex]] = s
			wk.nearest[u.exIntent[ex]] = int32(ex)
		}
	}
}

// best returns the intent of a kind with the highest score and its weight
// that reaches the threshold, or -1.
func (u *understander) best(kind string, wk *work) int {
	b, top := -1, 0.0
	for i, in := range u.intents {
		if in.Kind != kind || wk.best[i] < u.u.Threshold {
			continue
		}
		if s := wk.best[i] + in.Weight; b < 0 || s > top {
			b, top = i, s
		}
	}
	return b
}

// ruleGap is how many other words may stand between the words of a danger
// rule or exception: people put words in ("hij slaat me", "hij slaat mij
// elke dag", "ik kan echt niet weg").
const ruleGap = 1

// wordsBesidesDanger counts the words that no rule or sign of danger
// stands on: what is left to tell a topic by.
func (u *understander) wordsBesidesDanger(words []string) int {
	on := make([]bool, len(words))
	mark := func(_ *phrase, i, j int) {
		for k := i; k < j; k++ {
			on[k] = true
		}
	}
	u.rules.matchGap(words, ruleGap, mark)
	u.signs.matchGap(words, ruleGap, mark)
	n := 0
	for _, d := range on {
		if !d {
			n++
		}
	}
	return n
}

// routineIn reports whether words tell what goes on again and again, or
// went on before (the routine phrases of everyday).
func (u *understander) routineIn(words []string) bool {
	routine := false
	u.everyday.match(words, func(p *phrase, _, _ int) { routine = routine || p.tag == everydayRoutine })
	return routine
}

// nowBeforeRule reports whether a rule no exception explains begins right
// after a sign that says when (at most two words between): what happens
// now, whatever exception explains the sign as a turn in a story ("en
// nu", "and now").
func (u *understander) nowBeforeRule(words []string) bool {
	var when [][2]int
	u.signs.matchGap(words, ruleGap, func(p *phrase, i, j int) {
		if u.deadlineSigns&(1<<p.tag) != 0 {
			when = append(when, [2]int{i, j})
		}
	})
	if len(when) == 0 {
		return false
	}
	hit := false
	u.rules.matchGap(words, ruleGap, func(_ *phrase, i, j int) {
		if hit || !slices.ContainsFunc(when, func(w [2]int) bool { return w[1] <= i && i-w[1] <= 2 }) {
			return
		}
		hit = !u.excepted(words, i, j)
	})
	return hit
}

// ruleHit reports whether a phrase of set matches words where no exception
// overlaps it.
func (u *understander) ruleHit(words []string, set *phrases) bool {
	hit := false
	set.matchGap(words, ruleGap, func(_ *phrase, i, j int) {
		if hit {
			return
		}
		hit = !u.excepted(words, i, j)
	})
	return hit
}

// excepted reports whether an exception overlaps words[i:j]: the phrase
// there is part of what the exception says ("hij vertelde het me net").
func (u *understander) excepted(words []string, i, j int) bool {
	excepted := false
	u.except.matchGap(words, ruleGap, func(_ *phrase, a, b int) { excepted = excepted || a < j && i < b })
	return excepted
}

// signsSay reports whether the signs of danger in words add up to
// danger: a firm kind; two kinds, at least one of them not context; or
// one kind that is not context in a message that tells no disclosure
// (topic) and asks no question with a question's keyword (asks), or
// whose other words are all plain. An everyday word (everyday:
// the message has one) takes one kind away and makes one firm kind alone
// not enough; two firm kinds stay danger. A soft kind (a threat) counts
// only when the message tells no disclosure and no fear (what they would
// do if they found out is what the fear is of), a worry kind (being
// afraid) only when the writer is not worried about something else: a
// fear of the police, or a story about someone else.
func (u *understander) signsSay(words []string, topic, asks, everyday, worried bool, wk *work) bool {
	wk.explained, wk.firm = false, false
	if len(u.signKinds) == 0 || len(words) == 0 {
		return false
	}
	wk.spans = wk.spans[:0]
	u.except.matchGap(words, ruleGap, func(_ *phrase, a, b int) { wk.spans = append(wk.spans, [2]int{a, b}) })
	wk.covered = slices.Grow(wk.covered[:0], len(words))[:len(words)]
	clear(wk.covered)
	var kinds uint64
	u.signs.matchGap(words, ruleGap, func(p *phrase, i, j int) {
		for _, s := range wk.spans {
			if s[0] < j && i < s[1] {
				return
			}
		}
		if u.signKinds[p.tag].Soft && (topic || worried) || u.signKinds[p.tag].Worry && worried {
			return
		}
		kinds |= 1 << p.tag
		for k := i; k < j; k++ {
			wk.covered[k] = true
		}
	})
	if kinds&u.coreSigns == 0 {
		return false
	}
	n := bits.OnesCount64(kinds)
	firm := bits.OnesCount64(kinds & u.firmSigns)
	wk.firm = firm > 0
	switch {
	case !everyday && firm > 0:
		return true
	case everyday && firm >= 2:
		// What goes on every evening does not take away two firm
		// signs: "elke avond staat hij voor de deur en nu bonkt hij".
		return true
	case everyday:
		n--
	}
	if n >= 2 {
		return true
	}
	if everyday {
		wk.explained = true
		return false
	}
	// One kind: danger when nothing else in the message explains it,
	// that is when it tells no disclosure ("they wont let me leave the
	// flat"; but not "my loverboy wont let me go") and asks no question
	// (a firm kind is danger in a question too: "ik word bedreigd, waar
	// kan ik aangifte doen?"), or says nothing else.
	if !topic && !asks {
		return true
	}
	for k, w := range words {
		if !wk.covered[k] && !u.plain[w] {
			return false
		}
	}
	return true
}

// keywordCounts reports whether a keyword of intent i in words (read into
// wk) adds keywordBonus to its score. Small talk's keywords speak for a
// short message only: "wil stoppen" in a long story about running errands
// for someone is no wish to end the chat.
func (u *understander) keywordCounts(i int, words []string, wk *work) bool {
	in := u.intents[i]
	return wk.kw[i] && (in.Kind != KindChat || len(words) <= chatKeywordWords && (!in.KeywordsAlone || u.plainBesides(words, wk.kwAt, i)))
}

// plainBesides reports whether every word of words outside the keywords
// of intent in (spans at) is a plain word (Intent.KeywordsAlone).
func (u *understander) plainBesides(words []string, at [][3]int, in int) bool {
	for k, w := range words {
		if !u.plain[w] && !slices.ContainsFunc(at, func(a [3]int) bool { return a[0] == in && a[1] <= k && k < a[2] }) {
			return false
		}
	}
	return true
}

// covers reports whether the keywords of intent in (spans at, with their
// intents) together cover every word: "is dit anoniem? zien jullie mijn
// nummer?" is the bot's keywords and nothing else.
func covers(words []string, at [][3]int, in int) bool {
	next := 0 // the first word not covered yet
	for next < len(words) {
		if joiners[words[next]] && next > 0 {
			next++ // "is dit anoniem of kunnen jullie mijn nummer zien"
			continue
		}
		k := slices.IndexFunc(at, func(b [3]int) bool { return b[0] == in && b[1] <= next && next < b[2] })
		if k < 0 {
			return false
		}
		next = at[k][2]
	}
	return len(words) > 0
}

// notSpeak are the words that, a word or two before a language's name,
// say it is not spoken: "i dont speak dutch", "she cant speak english".
var notSpeak = map[string]bool{"dont": true, "don't": true, "doesnt": true, "doesn't": true, "cant": true, "can't": true, "cannot": true}

// greetingWords may stand before a question's first word.
var greetingWords = map[string]bool{"hi": true, "hoi": true, "hey": true, "hallo": true, "hello": true, "hoihoi": true, "yo": true}

// whom are the words with which a question asks for someone to turn to.
// Only such a question puts the contact model's contact before the order
// of a question with contacts of its own (Meaning.Asked): "stap 5 van de
// meldcode: bij wie meld ik" and "who do i report to at the end" want the
// care coordinator, "what are the steps of the meldcode" the meldcode's
// own order, Veilig Thuis first, though the model came out at 0.64 for
// the care coordinator there on rounds 1 to 324.
var whom = map[string]bool{"wie": true, "who": true, "whom": true, "whos": true, "waar": true, "where": true, "wheres": true}

// askingVerbs are the verbs that, first in a message and right before a
// contact's name, ask about it: Dutch and English put the verb first in a
// question.
var askingVerbs = map[string]bool{
	"kan": true, "kun": true, "kunnen": true, "mag": true, "may": true, "helpt": true, "helpen": true, "doet": true, "doen": true, "is": true, "zijn": true,
	"heeft": true, "hebben": true, "weet": true, "can": true, "could": true, "does": true, "do": true, "are": true, "will": true,
}

// joiners are the words that may join two keywords of one intent in a
// message the keywords cover.
var joiners = map[string]bool{"of": true, "en": true, "or": true, "and": true}

// dangerNeed is how sure the danger model must be that words tell danger
// now: surer of what the writer tells of their own family with no sign
// of danger at all (see dangerModelHome), and a little surer of a story a
// topic's keyword names with no such sign (dangerModelTold). A sign an
// exception explains ("can u help me") is none here.
func (u *understander) dangerNeed(m *Meaning, words []string, told bool) float64 {
	if u.signKindsIn(words, true) != 0 {
		return dangerModelProb
	}
	switch {
	case m.Home && m.Who == WhoMe:
		return dangerModelHome
	case told:
		return dangerModelTold
	}
	return dangerModelProb
}

// told reports whether the message read into wk holds a keyword of a
// topic: it names what it tells.
func (u *understander) told(wk *work) bool {
	for i, in := range u.intents {
		if wk.kw[i] && topicIntent(in) {
			return true
		}
	}
	return false
}

// signsBesidesHome reports whether words hold a sign of danger that no
// exception explains and that is more than the home itself or its
// routine: "thuis" is a place and "every day after school" a time, but in
// a story of home they say where and when it always happens.
func (u *understander) signsBesidesHome(words []string) bool {
	var where [][2]int // the spans of the home and its routine
	u.markers.match(words, func(p *phrase, i, j int) {
		if p.tag == markHome {
			where = append(where, [2]int{i, j})
		}
	})
	u.everyday.match(words, func(p *phrase, i, j int) {
		if p.tag == everydayRoutine {
			where = append(where, [2]int{i, j})
		}
	})
	var except [][2]int // the spans exceptions explain, read once
	u.except.matchGap(words, ruleGap, func(_ *phrase, a, b int) { except = append(except, [2]int{a, b}) })
	found := false
	u.signs.matchGap(words, ruleGap, func(p *phrase, i, j int) {
		if found {
			return
		}
		for _, h := range where {
			if u.signKinds[p.tag].Context && h[0] < j && i < h[1] {
				return
			}
		}
		found = !slices.ContainsFunc(except, func(e [2]int) bool { return e[0] < j && i < e[1] })
	})
	return found
}

// signKindsIn returns the kinds of sign in words, a bit for each; with
// except, a sign an exception explains does not count ("iemand anders"
// is no "or else").
func (u *understander) signKindsIn(words []string, except bool) uint64 {
	var kinds uint64
	u.signs.matchGap(words, ruleGap, func(p *phrase, i, j int) {
		if !except || !u.excepted(words, i, j) {
			kinds |= 1 << p.tag
		}
	})
	return kinds
}

// withEmoji adds to words the words that the emoji of text say, each run
// of the same emoji once.
func (u *understander) withEmoji(text string, words []string) []string {
	if len(u.emoji) == 0 {
		return words
	}
	var last rune
	for _, r := range text {
		// Joiners and the mark that asks for an emoji's colour say
		// nothing of their own.
		if r < 0x2000 || r == last || r == 0x200d || r == 0xfe0f {
			continue
		}
		last = r
		if ws, ok := u.emoji[r]; ok && len(words)+len(ws) <= maxWords {
			words = append(words, ws...)
		}
	}
	return words
}

// isAlone reports whether the words are a cry for help, however often
// repeated ("help", "help help help", "help me pls"), or begin with one
// that says it on its own ("help hij is dronken").
func (u *understander) isAlone(words []string) bool {
	// Repeated words count once: "help help".
	var buf [8]string
	dedup := buf[:0]
	for i, w := range words {
		if i == 0 || w != words[i-1] {
			dedup = append(dedup, w)
		}
	}
	hit := false
	u.alone.match(dedup, func(_ *phrase, i, j int) { hit = hit || (i == 0 && j == len(dedup)) })
	u.opening.match(dedup, func(_ *phrase, i, _ int) { hit = hit || i == 0 })
	return hit
}

// marked says which of words the markers of the given tags cover.
func (u *understander) marked(words []string, tags ...int) []bool {
	drop := make([]bool, len(words))
	u.markers.match(words, func(p *phrase, i, j int) {
		if slices.Contains(tags, p.tag) {
			for k := i; k < j; k++ {
				drop[k] = true
			}
		}
	})
	return drop
}

// gaps returns words with those drop marks as empty words, which no
// phrase matches nor spans (see matchGap), and without those also (when
// not nil) marks.
func gaps(words []string, drop, also []bool) []string {
	out := make([]string, 0, len(words))
	for k, w := range words {
		switch {
		case also != nil && also[k]:
		case drop[k]:
			out = append(out, "")
		default:
			out = append(out, w)
		}
	}
	return out
}

// keep returns the words that neither drop nor also (when not nil) marks.
func keep(words []string, drop, also []bool) []string {
	out := make([]string, 0, len(words))
	for k, w := range words {
		if !drop[k] && (also == nil || !also[k]) {
			out = append(out, w)
		}
	}
	return out
}

// exclusiveLang returns the content language whose own words the message
// has, and how many more than of any other language's: "they took me from
// outside school" has English words only, and "flat" being a Dutch word
// too does not make it Dutch; a message with as many words of each says
// nothing.
func (x *Index) exclusiveLang(words []string) (string, int) {
	var count [8]int
	for _, w := range words {
		bits := x.lex.langs[w]
		if bits != 0 && bits&(bits-1) == 0 { // one language only
			for i := range count {
				if bits == 1<<i {
					count[i]++
				}
			}
		}
	}
	found, second := -1, 0
	for i, n := range count {
		switch {
		case n == 0:
		case found < 0 || n > count[found]:
			if found >= 0 {
				second = count[found]
			}
			found = i
		default:
			second = max(second, n)
		}
	}
	if found < 0 || found >= len(x.c.Langs) || count[found] <= second {
		return "", 0
	}
	return x.c.Langs[found], count[found] - second
}

func contactsOf(hits []Hit) []*content.Contact {
	if len(hits) == 0 {
		return nil
	}
	out := make([]*content.Contact, len(hits))
	for i, h := range hits {
		out[i] = h.Contact
	}
	return out
}

// maxText bounds the text that is read, whatever a channel passes on.
const maxText = 1024

// cutText cuts text to maxText bytes without splitting a character.
func cutText(s string) string { return content.Cut(s, maxText) }
