package understand

import (
	"math"
	"slices"

	"signaal/content"
)

// classifier is a linear model over the same features as the examples'
// similarity (letter groups, words, pairs of words), trained when the bot
// starts from the examples and keywords of understand.yaml: multinomial
// logistic regression, as fastText does for short texts. Where nearest-
// example matching needs a message to resemble one example closely, the
// model weighs every letter group by how much it tells one intent from
// the others over all examples, so that a paraphrase nobody wrote down
// still leans the right way. It only speaks when nothing reached the
// threshold of similarity, and only when it is sure (minClassProb): the
// examples stay what decides, and what the model adds can be traced to
// the words that weighed most (Explain).
//
// Training is deterministic (examples in content order, a fixed number of
// passes), so the same content gives the same model on every instance.
type classifier struct {
	classes []int       // intent index of each class
	w       [][]float32 // feature id -> weight per class
	bias    []float32
}

const (
	// minClassProb is how sure the model must be to name an intent that
	// no example came close to.
	minClassProb = 0.75
	// trainPasses, learnRate and l2 shape the training: a few passes of
	// stochastic gradient descent over a few hundred short examples take
	// milliseconds.
	trainPasses = 30
	learnRate   = 0.5
	l2          = 1e-4
)

// sample is one training text: its feature ids (with repeats) and class.
type sample struct {
	ids   []int32
	class int
}

// trainClassifier trains a model for the intents that are not danger
// (danger is read by rules and signs, never guessed), from each intent's
// examples and, as short texts of their own, its keywords.
func (u *understander) trainClassifier(c *content.Content) *classifier {
	m := &classifier{}
	classOf := map[int]int{}
	for i, in := range u.intents {
		if in.Kind == KindDanger {
			continue
		}
		classOf[i] = len(m.classes)
		m.classes = append(m.classes, i)
	}
	if len(m.classes) < 2 {
		return nil
	}
	var samples []sample
	for i, in := range u.intents {
		k, ok := classOf[i]
		if !ok {
			continue
		}
		texts := append(in.Examples.All(c.Langs), in.Keywords.All(c.Langs)...)
		for _, t := range texts {
			var ids []int32
			u.features(u.lex.words(t), nil, func(h uint64) {
				if id, ok := u.feature[h]; ok {
					ids = append(ids, id)
				}
			})
			if len(ids) > 0 {
				samples = append(samples, sample{ids, k})
			}
		}
	}
	n := len(m.classes)
	m.w = make([][]float32, len(u.idf))
	for id := range m.w {
		m.w[id] = make([]float32, n)
	}
	m.bias = make([]float32, n)
	p := make([]float64, n)
	for pass := 0; pass < trainPasses; pass++ {
		rate := learnRate / (1 + float64(pass)/5)
		for _, s := range samples {
			m.probs(s.ids, p)
			scale := 1 / math.Sqrt(float64(len(s.ids)))
			for k := range p {
				g := p[k]
				if k == s.class {
					g--
				}
				m.bias[k] -= float32(rate * g * 0.1)
				for _, id := range s.ids {
					w := m.w[id]
					w[k] -= float32(rate * (g*scale + l2*float64(w[k])))
				}
			}
		}
	}
	return m
}

// probs sets p to the model's probability of each class for the features.
func (m *classifier) probs(ids []int32, p []float64) {
	scale := 1 / math.Sqrt(float64(max(len(ids), 1)))
	for k := range p {
		p[k] = float64(m.bias[k])
	}
	for _, id := range ids {
		for k, w := range m.w[id] {
			p[k] += float64(w) * scale
		}
	}
	top := slices.Max(p)
	sum := 0.0
	for k := range p {
		p[k] = math.Exp(p[k] - top)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
}

// guess returns the intent the model is sure of for the features, and its
// probability, or -1.
func (m *classifier) guess(ids []int32) (int, float64) {
	if m == nil || len(ids) == 0 {
		return -1, 0
	}
	p := make([]float64, len(m.classes))
	m.probs(ids, p)
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	if p[best] < minClassProb {
		return -1, p[best]
	}
	return m.classes[best], p[best]
}
