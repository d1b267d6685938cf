package understand

import (
	"maps"
	"slices"

	"signaal/content"
)

// chooser says which of a few things a message is about, learnt from the
// messages of messages/ with a linear model (see linear) over the same
// features as the danger model: the contact a question asks for, the
// topic of what someone tells. Class c is of[c]; class 0, the zero value,
// is what a message is about when it is none of them, for the messages a
// label gives no class.
type chooser[T comparable] struct {
	m     *linear
	of    []T
	bits  uint
	sure  float64 // how sure the model must be
	words int     // the fewest words it reads
}

// trainChooser trains the chooser named model on ms: label names each
// message's class ("" for none of them, and the message is left out when
// skip); find turns a class name into its thing. It returns nil when no
// message has a class.
func trainChooser[T comparable](u *understander, model string, ms []Message, bits uint, sure float64, words int, label func(Message) (name string, skip bool), find func(string) T) *chooser[T] {
	var zero T
	names := map[string]bool{}
	for _, m := range ms {
		if name, skip := label(m); !skip && name != "" && find(name) != zero {
			names[name] = true
		}
	}
	if len(names) == 0 {
		return nil
	}
	ch := &chooser[T]{of: []T{zero}, bits: bits, sure: sure, words: words}
	class := map[string]int{}
	for _, name := range slices.Sorted(maps.Keys(names)) {
		class[name] = len(ch.of)
		ch.of = append(ch.of, find(name))
	}
	ch.m = u.models.train(1<<bits, len(ch.of), chooserPasses, linearL2, u.noteName(model), func() []linearSample {
		var samples []linearSample
		for _, m := range ms {
			name, skip := label(m)
			if skip {
				continue
			}
			s := linearSample{ids: u.idsOfMessage(m.Text, bits), class: class[name], weight: 1}
			if len(s.ids) > 0 {
				samples = append(samples, s)
			}
		}
		return samples
	})
	return ch
}

// choose returns the thing the model is sure words are about, or the zero
// value; buf and p are scratch space.
func (ch *chooser[T]) choose(words []string, buf []uint32, p []float64) (T, []uint32, []float64) {
	var zero T
	if ch == nil || len(words) < max(ch.words, 1) {
		return zero, buf, p
	}
	buf = hashed(words, buf[:0], ch.bits)
	p = slices.Grow(p[:0], ch.m.classes)[:ch.m.classes]
	ch.m.probs(buf, p)
	best := 0
	for c := range p {
		if p[c] > p[best] {
			best = c
		}
	}
	if p[best] < ch.sure {
		return zero, buf, p
	}
	return ch.of[best], buf, p
}

const (
	// chooserBits is the log2 of the number of hashed features of a
	// chooser: its weights are one per feature and class, and a few
	// thousand messages have some tens of thousands of features.
	chooserBits = 16
	// chooserPasses is how often the training goes over the messages:
	// with a weight for every class, ten passes learn as much as twenty
	// (TestRoundsLeftOut) in half the time.
	chooserPasses = 10
	// askSure and topicSure are how sure the models must be, chosen with
	// TestRoundsLeftOut (each round scored by models trained on the
	// others).
	askSure   = 0.6
	topicSure = 0.7
	// askWords and topicWords are the fewest words each model reads: in
	// a short message one word weighs too much ("aangifte doen" is for
	// the police, "loverboy" for Fier), and keywords say it better. Four
	// words were too few: one message of round 57 about talking after
	// "mijn aangifte" made "hoe doe ik aangifte" a question for victim
	// support; five change nothing else, with each round left out too.
	askWords   = 5
	topicWords = 6
)

// trainAsk learns which contact a question asks for, from the messages
// that ask for one (want ask:contact); it is asked only for a message read
// as a question. Professionals with one free minute ask for the
// rapporteur's reports, Fier's training for a team or victim support in
// court in words no keyword has, and the contact search alone weighs a
// message's words against each contact's, so that Fier comes first when a
// question names sexual exploitation.
func (u *understander) trainAsk(c *content.Content, ms []Message) *chooser[*content.Contact] {
	return trainChooser(u, "contact", ms, chooserBits, askSure, askWords, func(m Message) (string, bool) {
		if m.Kind == "ask" {
			return m.Args[0], false
		}
		return "", true
	}, func(id string) *content.Contact { return c.Contacts[id] })
}

// topicIntents name, for the topics of messages/ (tell:topic, danger:topic,
// fear:topic), the intent of understand.yaml that answers each.
var topicIntents = map[string]string{"sexual": "sexual", "criminal": "criminal", "labour": "labour"}

// learntTopics are the topics the topic model learns: the kinds of
// exploitation, and what happens at home (tell:home), which writers tell
// of a child's bruises or a family that takes the money in words no
// keyword of home has. Home stays out of topicIntents, whose keywords the
// model weighs against each other (topicIntent); doubt is no topic.
var learntTopics = func() map[string]string {
	t := maps.Clone(topicIntents)
	t["home"] = "home"
	return t
}()

// trainTopic learns the topic of what someone tells from the messages
// that have one: sexual exploitation through a debt is sexual
// exploitation, a boss who takes the passports is labour, whatever single
// word would say otherwise.
func (u *understander) trainTopic(ms []Message) *chooser[*Intent] {
	return trainChooser(u, "topic", ms, chooserBits, topicSure, topicWords, func(m Message) (string, bool) {
		switch m.Kind {
		case "tell", "danger", "fear":
			if len(m.Args) > 0 && learntTopics[m.Args[0]] != "" {
				return m.Args[0], false
			}
		}
		return "", true
	}, func(topic string) *Intent {
		for _, in := range u.intents {
			if in.ID == learntTopics[topic] && in.Kind == KindDisclosure {
				return in
			}
		}
		return nil
	})
}
