package understand

import (
	"math"
	"slices"
)

// dangerModel says how likely a message tells danger now, from the way
// people who had never seen the examples wrote about danger and about
// everything else: the messages of messages/, each marked danger or not.
//
// Rules and signs name the kinds of thing that are danger ("slaat me",
// someone at the door with a threat); a situation told in words no rule
// has ("over een uur haalt een klant me op en ik wil echt niet", "baas
// heeft de loods op slot gedaan en wij zitten er nog in") was missed until
// someone wrote a rule for it. A linear model over words, pairs of words
// and letter groups (logistic regression, as in dangerModel.train) learns
// from hundreds of such messages what danger sounds like, and reads a
// new one the way they were written. It adds danger, never takes it away:
// it is asked only when rules, signs and examples did not say danger, not
// for a fear of the police and not when someone reads along.
//
// Measured on the rounds with each round left out of the training in
// turn (TestDangerModelHeldOut), it finds about seven in ten danger
// messages on its own and calls well under one in a hundred other
// messages danger; what it finds is mostly what the rules missed.
//
// Training is deterministic (messages in file and line order, a fixed
// hash, a fixed number of passes), so the same content gives the same
// model on every instance.
type dangerModel struct {
	w    []float32 // hashed feature -> weight
	bias float32
	n    int // messages trained on
}

const (
	// dangerModelBits is the log2 of the number of hashed features: a
	// few thousand messages have far fewer distinct features, so
	// collisions are rare, and the weights take 1 MiB.
	dangerModelBits = 18
	// dangerModelProb is how sure the model must be. Chosen on the rounds
	// left out in turn: at 0.7 it finds two thirds of the danger messages
	// and calls about 0.6% of the others danger; at 0.6 it finds three
	// quarters but calls three times as many others danger.
	dangerModelProb = 0.7
	// dangerModelWords is the fewest words the model reads: a situation
	// takes words to tell, and in a short message one word weighs so
	// much that "ik help mijn opa in de tuin" sounds like a cry for
	// help. Short messages are for the rules and the cry alone.
	dangerModelWords = 8
	// dangerPasses, dangerRate, dangerL2 and dangerWeight shape the
	// training: danger messages are about a fifth of the messages, and
	// missing one costs more than a false alarm, so each counts twice.
	dangerPasses = 20
	dangerRate   = 0.5
	dangerL2     = 1e-5
	dangerWeight = 2
)

// trainDanger trains the model on ms, or returns nil when they hold no
// danger message or nothing else.
func (u *understander) trainDanger(ms []Message) *dangerModel {
	type sample struct {
		ids    []uint32
		danger bool
	}
	var samples []sample
	pos := 0
	add := func(text string, danger bool) {
		s := sample{ids: dangerFeatures(u.lex.words(text), nil), danger: danger}
		if len(s.ids) == 0 {
			return
		}
		if s.danger {
			pos++
		}
		samples = append(samples, s)
	}
	for _, m := range ms {
		add(m.Text, m.Kind == "danger")
	}
	if pos == 0 || pos == len(samples) {
		return nil
	}
	d := &dangerModel{w: make([]float32, 1<<dangerModelBits), n: len(samples)}
	for pass := 0; pass < dangerPasses; pass++ {
		rate := dangerRate / (1 + float64(pass)/5)
		for _, s := range samples {
			y, weight := 0.0, 1.0
			if s.danger {
				y, weight = 1, dangerWeight
			}
			g := (d.prob(s.ids) - y) * weight
			scale := 1 / math.Sqrt(float64(len(s.ids)))
			d.bias -= float32(rate * g * 0.1)
			for _, id := range s.ids {
				w := float64(d.w[id])
				d.w[id] = float32(w - rate*(g*scale+dangerL2*w))
			}
		}
	}
	return d
}

// prob is the model's probability that the features tell danger.
func (d *dangerModel) prob(ids []uint32) float64 {
	s := float64(d.bias)
	scale := 1 / math.Sqrt(float64(max(len(ids), 1)))
	for _, id := range ids {
		s += float64(d.w[id]) * scale
	}
	return 1 / (1 + math.Exp(-s))
}

// says reports whether the model is sure that words tell danger; buf is
// scratch space for the features.
func (d *dangerModel) says(words []string, buf []uint32) (bool, []uint32) {
	if d == nil {
		return false, buf
	}
	buf = dangerFeatures(words, buf[:0])
	return len(words) >= dangerModelWords && d.prob(buf) >= dangerModelProb, buf
}

// weighed returns each word's share in the model's sum, the words that
// weigh most for danger first, for Explain.
func (d *dangerModel) weighed(words []string) []WordWeight {
	all := dangerFeatures(words, nil)
	scale := 1 / math.Sqrt(float64(max(len(all), 1)))
	var out []WordWeight
	for i, w := range words {
		var one []uint32
		one = wordFeatures(words, i, one)
		sum := 0.0
		for _, id := range one {
			sum += float64(d.w[id]) * scale
		}
		out = append(out, WordWeight{Word: w, Weight: sum})
	}
	slices.SortStableFunc(out, func(a, b WordWeight) int {
		switch {
		case a.Weight > b.Weight:
			return -1
		case a.Weight < b.Weight:
			return 1
		}
		return 0
	})
	return out
}

// WordWeight is a word's share in the danger model's sum for a message.
type WordWeight struct {
	Word   string
	Weight float64
}

// dangerFeatures appends to ids the hashed features of words: each word,
// each pair of neighbouring words and the groups of three to five letters
// of each word with its ends marked, so that "opgehaald" and "ophalen"
// share "<op" and "haal".
func dangerFeatures(words []string, ids []uint32) []uint32 {
	for i := range words {
		ids = wordFeatures(words, i, ids)
	}
	return ids
}

// wordFeatures appends the features that words[i] brings: itself, the pair
// it ends, and its letter groups.
func wordFeatures(words []string, i int, ids []uint32) []uint32 {
	w := words[i]
	ids = append(ids, featureHash('w', w, ""))
	if i > 0 {
		ids = append(ids, featureHash('b', words[i-1], w))
	}
	// Letter groups over "<" + w + ">", by byte offsets of whole runes.
	var at [66]int // rune starts of the marked word, and where it ends
	n := 0
	marked := "<" + w + ">"
	for k := range marked {
		if n == len(at)-1 {
			break // a word of over 64 letters gives its first groups only
		}
		at[n] = k
		n++
	}
	if n < len(at)-1 {
		at[n] = len(marked)
	} else {
		n-- // the last start found ends the last group
	}
	for size := 3; size <= 5; size++ {
		for k := 0; k+size <= n; k++ {
			ids = append(ids, featureHash('g', marked[at[k]:at[k+size]], ""))
		}
	}
	return ids
}

// featureHash is FNV-1a of a kind and one or two strings, folded to
// dangerModelBits: fixed, so every instance hashes alike.
func featureHash(kind byte, a, b string) uint32 {
	const offset, prime = 2166136261, 16777619
	h := uint32(offset)
	h = (h ^ uint32(kind)) * prime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint32(a[i])) * prime
	}
	if b != "" {
		h = (h ^ ' ') * prime
		for i := 0; i < len(b); i++ {
			h = (h ^ uint32(b[i])) * prime
		}
	}
	return h & (1<<dangerModelBits - 1)
}
