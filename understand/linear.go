package understand

import (
	"math"
	"slices"
)

// linear is a logistic regression over the features of a message (see
// emitFeatures), as fastText does for short texts, trained at
// start-up: with one class it says how likely a message is of that class
// (the danger model); with more, which class it is most likely of (the
// intents no example came close to, the contact a question asks for, the
// topic). The training is deterministic: samples in content order, a
// fixed hash and a fixed number of passes.
type linear struct {
	classes int       // 1: yes or no; more: one of them
	w       []float32 // feature*classes + class -> weight
	bias    []float32
}

// linearSample is one training text: its features, its class, and how
// much it counts.
type linearSample struct {
	ids    []uint32
	class  int // for one class: 1 yes, 0 no
	weight float64
}

const (
	// linearRate is the step of the training: a few passes of stochastic
	// gradient descent (see trainLinear) over a few thousand short
	// messages take tens of milliseconds.
	linearRate = 0.5
	// minGradient is the least error a sample must still make in a class
	// for the class's weights to move.
	minGradient = 1e-3
)

// trainLinear trains a model with the given number of classes on samples
// whose feature ids are below features, in passes over them, with l2 the
// weight decay that keeps rare features from weighing too much.
//
// It runs on one goroutine, on a model no other goroutine can see yet and
// samples its caller built for it alone, so the race detector has nothing
// to find in its own reads and writes, while checking them made every
// build of the understanding under -race seconds longer (go:norace leaves
// the functions it calls, such as probs, checked).
//
//go:norace
func trainLinear(features, classes, passes int, l2 float64, samples []linearSample) *linear {
	m := &linear{classes: classes, w: make([]float32, classes*features), bias: make([]float32, classes)}
	p := make([]float64, classes)
	for pass := 0; pass < passes; pass++ {
		rate := linearRate / (1 + float64(pass)/5)
		for _, s := range samples {
			m.probs(s.ids, p)
			scale := 1 / math.Sqrt(float64(len(s.ids)))
			for c := range p {
				y := 0.0
				if classes == 1 && s.class == 1 || classes > 1 && s.class == c {
					y = 1
				}
				g := (p[c] - y) * s.weight
				if g < minGradient && g > -minGradient {
					// Learnt already: most classes of most samples,
					// after the first passes. Skipping them keeps the
					// training to tens of milliseconds.
					continue
				}
				m.bias[c] -= float32(rate * g * 0.1)
				if classes == 1 {
					// The danger model: one weight a feature.
					for _, id := range s.ids {
						w := float64(m.w[id])
						m.w[id] = float32(w - rate*(g*scale+l2*w))
					}
					continue
				}
				for _, id := range s.ids {
					i := int(id)*classes + c
					w := float64(m.w[i])
					m.w[i] = float32(w - rate*(g*scale+l2*w))
				}
			}
		}
	}
	return m
}

// probs sets p to the probability of each class for the features: a
// logistic for one class, a softmax for more.
func (m *linear) probs(ids []uint32, p []float64) {
	scale := 1 / math.Sqrt(float64(max(len(ids), 1)))
	if m.classes == 1 {
		// The danger model, read for every long message and a few
		// hundred thousand times in its training: one weight a feature.
		sum := float64(m.bias[0])
		for _, id := range ids {
			sum += float64(m.w[id]) * scale
		}
		p[0] = 1 / (1 + math.Exp(-sum))
		return
	}
	for c := range p {
		p[c] = float64(m.bias[c])
	}
	for _, id := range ids {
		row := m.w[int(id)*m.classes : int(id+1)*m.classes]
		for c, w := range row {
			p[c] += float64(w) * scale
		}
	}
	top := slices.Max(p)
	sum := 0.0
	for c := range p {
		p[c] = math.Exp(p[c] - top)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
}

// contribution is each word's share in class c's sum, given the
// features of the whole message (all) and of each word (one), for
// Explain: the words that weigh most first.
func (m *linear) contribution(words []string, all []uint32, one func(i int) []uint32, c int) []WordWeight {
	scale := 1 / math.Sqrt(float64(max(len(all), 1)))
	var out []WordWeight
	for i, w := range words {
		sum := 0.0
		for _, id := range one(i) {
			sum += float64(m.w[int(id)*m.classes+c]) * scale
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
