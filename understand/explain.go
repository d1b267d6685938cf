package understand

import (
	"slices"
	"strings"

	"github.com/abadojack/whatlanggo"
)

// Trace says why a message was understood as it was, for an editor who
// wants to know why a message went wrong (`signaalbot explain`). It holds
// the message's words, so it is for the editor's own test messages only:
// nothing the bot receives is ever traced.
type Trace struct {
	// Words are the message's words as the bot reads them: lower case,
	// spellings and typos mended; contact names left out of Masked.
	Words, Masked []string
	// Language: the content language only its words have and how many
	// (Exclusive, ExclusiveWords), the words of each brief's language,
	// and what the letter statistics say.
	Exclusive      string
	ExclusiveWords int
	BriefWords     map[string][]string
	Letters        string
	LettersSure    float64
	// Danger: the words a rule stood on, the kinds of sign found with
	// their words, and whether the message is a cry for help alone.
	Rules []string
	Signs map[string][]string
	Alone bool
	// SignsInStory: the signs were read as part of a long story that the
	// danger model is sure tells no danger now.
	SignsInStory bool
	// RuleInHomeStory: a rule stood in a long story of home with no sign
	// of danger now, which the danger model finds unlike danger.
	RuleInHomeStory bool
	// DangerModel is the danger model's probability for the message (-1
	// without a model or for a message too short for it), with Sure when
	// it reaches what the model must be for this message (DangerNeed);
	// DangerWords are the words that weigh most for danger in it.
	DangerModel float64
	DangerNeed  float64
	DangerSure  bool
	DangerWords []WordWeight
	// Asked and TopicOf are what the contact and topic models are sure
	// of ("" when not sure or not read); whether they were asked depends
	// on what else the message was understood as.
	Asked, TopicOf string
	// Markers found, by name, with their words.
	Markers map[string][]string
	// Scores of every intent that has any, best first.
	Scores []IntentScore
}

// IntentScore is how like an intent a message is.
type IntentScore struct {
	ID, Kind string
	// Similarity to the nearest example, and whether a keyword of the
	// intent stood in the message and counted (adding keywordBonus).
	Similarity float64
	Keyword    bool
	Nearest    string
}

// markerNames name the markers for a trace.
var markerNames = map[int]string{markMe: "me", markFirst: "first_person", markOther: "other", markProf: "prof", markHome: "home",
	markMinor: "minor", markAdult: "adult", markWatched: "watched", markPolice: "police", markWorry: "worry", markAsks: "asks", markReflexive: "reflexive", markHelped: "helped", markAbroad: "abroad", markDoubt: "doubt", markAway: "away", markWoman: "woman", markSpouse: "spouse"}

// Explain understands a message as Understand does and says why.
func (x *Index) Explain(lang, text string) (Meaning, Trace) {
	var tr Trace
	m := x.understand(lang, text, &tr)
	text = cutText(text)
	words := x.lex.words(text)
	u := x.u
	if u == nil {
		tr.Words = words
		return m, tr
	}
	words = u.withEmoji(text, words)
	tr.Words = words
	wk := u.scratch.Get().(*work)
	defer u.scratch.Put(wk)
	wk.used = slices.Grow(wk.used[:0], len(words))[:len(words)]
	clear(wk.used)
	_, _ = x.names.find(words, wk.used)
	for i, w := range words {
		if !wk.used[i] {
			tr.Masked = append(tr.Masked, w)
		}
	}
	tr.Exclusive, tr.ExclusiveWords = x.exclusiveLang(words)
	tr.BriefWords = map[string][]string{}
	for _, w := range Tokens(text) {
		for i, code := range x.langs.codes {
			if x.langs.words[w]&(1<<i) != 0 {
				tr.BriefWords[code] = append(tr.BriefWords[code], w)
			}
		}
	}
	info := whatlanggo.DetectWithOptions(text, x.langs.options)
	tr.Letters, tr.LettersSure = x.langs.byLang[info.Lang], info.Confidence

	span := func(i, j int) string { return strings.Join(words[i:j], " ") }
	u.rules.matchGap(words, ruleGap, func(_ *phrase, i, j int) { tr.Rules = append(tr.Rules, span(i, j)) })
	tr.Signs = map[string][]string{}
	u.signs.matchGap(words, ruleGap, func(p *phrase, i, j int) {
		id := u.signKinds[p.tag].ID
		tr.Signs[id] = append(tr.Signs[id], span(i, j))
	})
	tr.Alone = len(tr.Masked) > 0 && u.isAlone(tr.Masked)
	tr.DangerModel = -1
	if d := u.dangerModel; d != nil && len(words) >= dangerModelWords {
		all := hashed(words, nil, dangerModelBits)
		tr.DangerModel = d.prob(all)
		tr.DangerWords = d.m.contribution(words, all, func(i int) []uint32 {
			// The word, its letter groups, and the pair it starts.
			ids := hashed(words[i:i+1], nil, dangerModelBits)
			if i+1 < len(words) {
				ids = append(ids, uint32(hashOf(featureKindPair, words[i], words[i+1])&(1<<dangerModelBits-1)))
			}
			return ids
		}, 0)
		if len(tr.DangerWords) > 5 {
			tr.DangerWords = tr.DangerWords[:5]
		}
	}
	tr.Markers = map[string][]string{}
	u.markers.match(words, func(p *phrase, i, j int) {
		name := markerNames[p.tag]
		tr.Markers[name] = append(tr.Markers[name], span(i, j))
	})

	if ct, _, _ := u.askModel.choose(words, nil, nil); ct != nil {
		tr.Asked = ct.ID
	}
	if in, _, _ := u.topicModel.choose(tr.Masked, nil, nil); in != nil {
		tr.TopicOf = in.ID
	}

	var meaning Meaning
	u.read(tr.Masked, wk, &meaning)
	if tr.DangerModel >= 0 {
		tr.DangerNeed = u.dangerNeed(&meaning, words, u.told(wk))
		tr.DangerSure = tr.DangerModel >= tr.DangerNeed
	}
	for i, in := range u.intents {
		score := wk.best[i]
		counted := u.keywordCounts(i, tr.Masked, wk)
		if counted {
			score -= keywordBonus
		}
		if score <= 0 && !counted {
			continue
		}
		s := IntentScore{ID: in.ID, Kind: in.Kind, Similarity: score, Keyword: counted}
		if score > 0 {
			s.Nearest = u.exText[wk.nearest[i]]
		}
		tr.Scores = append(tr.Scores, s)
	}
	slices.SortFunc(tr.Scores, func(a, b IntentScore) int {
		sa, sb := a.Similarity, b.Similarity
		if a.Keyword {
			sa += keywordBonus
		}
		if b.Keyword {
			sb += keywordBonus
		}
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	return m, tr
}
