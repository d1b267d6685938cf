package understand

import (
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
	classes []int // intent index of each class
	m       *linear
}

const (
	// minClassProb is how sure the model must be to name an intent that
	// no example came close to.
	minClassProb = 0.75
	// trainPasses and l2 shape the training: a few passes over a few
	// hundred short examples take milliseconds.
	trainPasses = 30
	l2          = 1e-4
)

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
	m.m = u.models.train(len(u.idf), len(m.classes), trainPasses, l2, "", func() []linearSample { return u.intentSamples(c, classOf) })
	return m
}

// intentSamples are the examples and keywords of each intent of the
// classifier, as samples of its class in classOf.
func (u *understander) intentSamples(c *content.Content, classOf map[int]int) []linearSample {
	var samples []linearSample
	for i, in := range u.intents {
		k, ok := classOf[i]
		if !ok {
			continue
		}
		texts := append(in.Examples.All(c.Langs), in.Keywords.All(c.Langs)...)
		for _, t := range texts {
			var ids []uint32
			emitFeatures(u.lex.words(t), nil, func(h uint64) {
				if id, ok := u.feature[h]; ok {
					ids = append(ids, uint32(id))
				}
			})
			if len(ids) > 0 {
				samples = append(samples, linearSample{ids: ids, class: k, weight: 1})
			}
		}
	}
	return samples
}

// guess returns the intent the model is sure of for the features, and its
// probability, or -1.
func (m *classifier) guess(ids []uint32) (int, float64) {
	if m == nil || len(ids) == 0 {
		return -1, 0
	}
	p := make([]float64, len(m.classes))
	m.m.probs(ids, p)
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
