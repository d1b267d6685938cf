package understand

import (
	"strings"

	"signaal/content"
)

// names finds the contacts a message asks for by name: "veilig thuis",
// "nummer van keerpunt", "pg292", "spot 46". A contact is named by the
// words of its name (up to a bracket: "CoMensha", "Stichting Humanitas")
// or of its id ("meld-misdaad-anoniem", "asja"), in a row, or by those
// words run together ("veiligthuis", "helpwanted"). Contacts that are not
// for everyone are shown to someone who asks for them by name, so a name
// must be said in full: a single word of a longer name ("prostitutie",
// "rotterdam") does not count.
type names struct {
	seqs   map[string][]nameSeq        // first word -> names starting with it
	joined map[string]*content.Contact // a name's words run together
	// refusable are the words that stand for a contact only when it is
	// refused: a search synonym of a one-word name ("police", "cops"
	// for Politie). "not the police" leaves the Politie card out, but
	// "police" alone does not name it: a story that mentions the police
	// is not a question for its card.
	refusable map[string]*content.Contact
}

type nameSeq struct {
	words []string
	ct    *content.Contact
}

// maxJoin is the most words a message may run together into a name.
const maxJoin = 3

func newNames(c *content.Content) *names {
	n := &names{seqs: map[string][]nameSeq{}, joined: map[string]*content.Contact{}, refusable: map[string]*content.Contact{}}
	oneWord := map[string]*content.Contact{}
	for _, id := range c.ContactOrder {
		ct := c.Contacts[id]
		name, _, _ := strings.Cut(ct.Name, "(")
		if words := Tokens(name); len(words) == 1 {
			oneWord[words[0]] = ct
		}
		for _, s := range append([]string{name, strings.ReplaceAll(ct.ID, "-", " ")}, ct.Aliases...) {
			words := Tokens(s)
			if len(words) == 0 {
				continue
			}
			n.seqs[words[0]] = append(n.seqs[words[0]], nameSeq{words, ct})
			if j := strings.Join(words, ""); n.joined[j] == nil {
				n.joined[j] = ct
			}
		}
	}
	var synonyms [][]string
	if c.Search != nil {
		synonyms = c.Search.Synonyms
	}
	for _, group := range synonyms {
		var ct *content.Contact
		for _, s := range group {
			if w := Tokens(s); len(w) == 1 && oneWord[w[0]] != nil {
				ct = oneWord[w[0]]
			}
		}
		if ct == nil {
			continue
		}
		for _, s := range group {
			if w := Tokens(s); len(w) == 1 && n.seqs[w[0]] == nil && n.refusable[w[0]] == nil {
				n.refusable[w[0]] = ct
			}
		}
	}
	return n
}

// find returns the contacts named in words, in the order they are named,
// and marks the words that name them in used. Names that are negated
// ("niet de politie") are marked too, and returned as refused.
func (n *names) find(words []string, used []bool) (named, refused []*content.Contact) {
	var out []*content.Contact
	add := func(ct *content.Contact, i, j int) {
		for k := i; k < j; k++ {
			used[k] = true
		}
		for _, c := range out {
			if c == ct {
				return
			}
		}
		out = append(out, ct)
	}
	for i := 0; i < len(words); {
		// The longest name starting here wins: "chat met fier" over "fier".
		best, end := (*content.Contact)(nil), i
		for _, s := range n.seqs[words[i]] {
			if j := i + len(s.words); j > end && j <= len(words) && equalWords(words[i:j], s.words) {
				best, end = s.ct, j
			}
		}
		var joined strings.Builder
		for j := i; j < len(words) && j < i+maxJoin; j++ {
			joined.WriteString(words[j])
			if ct := n.joined[joined.String()]; ct != nil && j+1 > end {
				best, end = ct, j+1
			}
		}
		if best == nil {
			if ct := n.refusable[words[i]]; ct != nil && negated(words, i) {
				used[i] = true
				refused = append(refused, ct)
			}
			i++
			continue
		}
		if nameAsState(words, i) {
			// "ze is nu veilig thuis", "hij is fier": how someone is,
			// not a contact named. The words are still left out of
			// what the message tells, as a name's are: "thuis" there
			// is no home where it happens.
			for k := i; k < end; k++ {
				used[k] = true
			}
			i = end
			continue
		}
		if negated(words, i) || role(words, i) || likened(words, i, end) {
			// "en dan niet de politie", "no police", "zoiets als fier
			// maar dan voor jongens": the words are a name, but not one
			// asked for.
			for k := i; k < end; k++ {
				used[k] = true
			}
			refused = append(refused, best)
		} else {
			add(best, i, end)
		}
		i = end
	}
	return out, refused
}

func equalWords(a, b []string) bool {
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

// nameAsState reports whether the name that starts at words[i] says how
// someone is, after a pronoun and "is" or "ben", with "nu" or "weer"
// between: "ze is nu veilig thuis", "ik ben weer veilig thuis". A question
// about the contact stays one: "wat is veilig thuis", "is veilig thuis
// gratis".
func nameAsState(words []string, i int) bool {
	k := i - 1
	for k >= 0 && k >= i-2 && stateAdverbs[words[k]] {
		k--
	}
	return k >= 1 && copulas[words[k]] && pronouns[words[k-1]]
}

var (
	copulas      = map[string]bool{"is": true, "ben": true, "bent": true, "zijn": true, "was": true, "waren": true}
	stateAdverbs = map[string]bool{"nu": true, "weer": true, "al": true, "gewoon": true, "eindelijk": true, "nog": true}
)

// negation are the words that, right before a name or before a
// determiner before it, say the name is not what is asked for.
var negation = map[string]bool{"niet": true, "geen": true, "zonder": true, "not": true, "no": true, "without": true,
	// "an organisation that isnt the police", "i dont want the police"
	"isnt": true, "arent": true, "dont": true}

// negated reports whether the name that starts at words[i] is negated:
// "niet de politie", "geen politie", "not the police", "niet meteen
// politie", "niet naar de politie", "niet per se naar de politie".
func negated(words []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-maxNegationGap-1; k-- {
		if negation[words[k]] {
			return true
		}
		if !negationGap[words[k]] {
			return false
		}
	}
	return false
}

// likened reports whether the name at words[i:j] is what something else
// is like: "zoiets als fier maar dan voor jongens die moeten dealen",
// "something like fier but for boys". The "but" comes within a few words.
func likened(words []string, i, j int) bool {
	like := i >= 2 && words[i-1] == "als" && (words[i-2] == "zoiets" || words[i-2] == "iets") ||
		i >= 1 && words[i-1] == "like"
	if !like {
		return false
	}
	for k := j; k < len(words) && k < j+3; k++ {
		if words[k] == "maar" || words[k] == "but" {
			return true
		}
	}
	return false
}

// role reports whether the name that starts at words[i] is what the
// person typing is: "ik ben mentor/zorgcoördinator", "i am a
// zorgcoordinator". Up to two words (a determiner, another role) may
// stand between.
func role(words []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if words[k] == "ben" || words[k] == "am" || words[k] == "im" {
			return true
		}
	}
	return false
}

// maxNegationGap is the most words that may stand between a negation and
// a name: "zonder dat het meteen naar de politie", "zonder dat het meteen
// doorgegeven wordt aan mn ouders of de politie".
const maxNegationGap = 10

// negationGap are the words that may stand between a negation and a name:
// a determiner, "naar"/"to", "met"/"with", when ("meteen", "straight"),
// how much, and the "dat er" of "zonder dat er".
var negationGap = map[string]bool{"de": true, "het": true, "een": true, "the": true, "a": true, "any": true,
	"naar": true, "to": true, "meteen": true, "direct": true, "gelijk": true, "eerst": true, "straight": true, "directly": true,
	// "niet per se naar de politie", "not really the police"
	"per": true, "se": true, "perse": true, "persé": true, "echt": true, "really": true, "necessarily": true,
	// "zonder dat er meteen politie bij komt", "niet met de politie",
	// "zonder dat je meteen de politie aan je broek hebt"
	"dat": true, "er": true, "je": true, "met": true, "with": true, "want": true, "wil": true,
	// "zonder dat het meteen doorgegeven wordt aan mn ouders of de
	// politie": passed on to whom, and to whom else.
	"doorgegeven": true, "gemeld": true, "verteld": true, "wordt": true, "aan": true, "of": true, "or": true, "passed": true, "on": true, "told": true,
	"mn": true, "mijn": true, "my": true, "ouders": true, "parents": true,
	// "niet van de politie", "not from the police"
	"van": true, "from": true,
	// "without calling 112", "zonder 112 te bellen" (the name before
	// the verb needs none), "not phoning the police"
	"calling": true, "call": true, "phoning": true, "bellen": true}
