package understand

import "slices"

// dangerModel says how likely a message tells danger now, from the way
// people who had never seen the examples wrote about danger and about
// everything else: the messages of messages/, each marked danger or not.
//
// Rules and signs name the kinds of thing that are danger ("slaat me",
// someone at the door with a threat); a situation told in words no rule
// has ("over een uur haalt een klant me op en ik wil echt niet", "baas
// heeft de loods op slot gedaan en wij zitten er nog in") was missed until
// someone wrote a rule for it. A linear model over words, pairs of words
// and letter groups (a logistic regression, see linear) learns
// from hundreds of such messages what danger sounds like, and reads a
// new one the way they were written. It adds danger, never takes it away:
// it is asked only when rules, signs and examples did not say danger, not
// for a fear of the police and not when someone reads along.
//
// Measured with each quarter of the rounds left out of the training in
// turn (TestDangerModelHeldOut), it finds about seven in ten danger
// messages on its own and calls well under one in a hundred other
// messages danger; what it finds is mostly what the rules missed.
//
// Training is deterministic (messages in file and line order, a fixed
// hash, a fixed number of passes), so the same content gives the same
// model on every instance.
type dangerModel struct {
	m *linear
}

const (
	// dangerModelBits is the log2 of the number of hashed features: a
	// few thousand messages have far fewer distinct features, so
	// collisions are rare, and the weights take 1 MiB.
	dangerModelBits = 18
	// dangerModelProb is how sure the model must be. Chosen when the
	// model was made, on rounds 1 to 15 left out in turn: at 0.7 it found
	// two thirds of the danger messages and called about 0.6% of the
	// others danger; at 0.6 three quarters, but three times as many
	// others. Raised to 0.72 on rounds 1 to 228, where a labour story with
	// no danger now ("my boss took my passport and i dont get paid") came
	// out at 0.71 (left out in turn: 96.6% of the danger messages found
	// instead of 96.9%, 0.13% of the others called danger instead of
	// 0.17%), and to 0.75 on rounds 1 to 238, where "mn ouders willen dat
	// ik trouw met een man die ik niet ken" came out at 0.73 (6,865 of
	// 7,130 found instead of 6,887, 30 of 24,170 others called danger
	// instead of 36). Neither changed an answer to a message of the
	// rounds. When the same message came out at 0.76 and then 0.79,
	// raising the bound for all again would have found fewer danger
	// messages; what the writer tells of their own family with no sign
	// at all needs dangerModelHome instead.
	dangerModelProb = 0.75
	// dangerModelHome is how sure the model must be of what the writer
	// tells of their own family with no sign of danger at all, not even
	// of when or where: plans of the family ("mn ouders willen dat ik
	// trouw met een man die ik niet ken", testdata/heldout.txt, 0.79 on
	// rounds 1 to 276) are like danger in their words, not in what
	// happens now. With it, the bound for every other message stays at
	// 0.75: left out in turn, 7,930 of 8,281 danger messages found
	// (rounds 1 to 276) against 7,907 at 0.77, and 40 of 28,115 others
	// called danger against 33.
	dangerModelHome = 0.9
	// dangerModelTold is how sure the model must be of a story that a
	// topic's keyword names and that has no sign of danger at all: "im 20,
	// my boss took my passport and i dont get paid" came out at 0.75 on
	// rounds 1 to 388 and at 0.80 on rounds 1 to 446, where the danger
	// messages that only the model found with such a keyword came out at
	// 0.84 and more (something to fetch at the harbour at 4 while they
	// know where one's mother lives, a man fallen through a roof whose
	// boss says not to call anyone). 0.82 was between the two. On rounds
	// 1 to 570 the passport came out at 0.82 and the fallen man at 0.85;
	// the fall now has signs of its own ("fell through the roof", "hes
	// not moving"), and no danger message of the rounds needs the model
	// between 0.82 and 0.86. On rounds 1 to 696 the passport came out at
	// 0.87, after danger messages where a passport is taken beside a van
	// or a locked flat; no danger message of those rounds needs the model
	// between 0.86 and 0.9 either.
	dangerModelTold = 0.9
	// dangerModelHomeRule is how like danger the model must find a long
	// story of home with no sign of danger now for a rule in it
	// ("slaat", "klappen") to say danger.
	dangerModelHomeRule = 0.3
	// dangerModelNot is how sure the model must be that a long story
	// tells no danger now for signs that are not firm to be read as
	// part of the story, and storyWords how long such a story is.
	dangerModelNot = 0.01
	storyWords     = 14
	// dangerModelWords is the fewest words the model reads: a situation
	// takes words to tell, and in a short message one word weighs so
	// much that "ik help mijn moeder in de keuken" sounds like a cry for
	// help. Short messages are for the rules and the cry alone.
	dangerModelWords = 8
	// dangerWeight is what a danger message counts for in the training:
	// danger messages are about a fifth of the messages, and missing one
	// costs more than a false alarm, so each counts twice.
	dangerWeight = 2
	// dangerPasses is how often the training goes over the messages: one
	// class is quick, and fewer passes left danger messages unlearnt.
	dangerPasses = 20
	// linearL2 is the weight decay of the models learnt from messages.
	linearL2 = 1e-5
)

// trainDanger trains the model on ms, or returns nil when they hold no
// danger message or nothing else.
func (u *understander) trainDanger(ms []Message) *dangerModel {
	pos := 0
	for _, m := range ms {
		if m.Kind == "danger" {
			pos++
		}
	}
	if pos == 0 || pos == len(ms) {
		return nil
	}
	return &dangerModel{m: u.models.train(1<<dangerModelBits, 1, dangerPasses, linearL2, u.noteName("danger"), func() []linearSample {
		var samples []linearSample
		for _, m := range ms {
			s := linearSample{ids: u.idsOfMessage(m.Text, dangerModelBits), weight: 1}
			if len(s.ids) == 0 {
				continue
			}
			if m.Kind == "danger" {
				s.class, s.weight = 1, dangerWeight
			}
			samples = append(samples, s)
		}
		return samples
	})}
}

// prob is the model's probability that the features tell danger.
func (d *dangerModel) prob(ids []uint32) float64 {
	var p [1]float64
	d.m.probs(ids, p[:])
	return p[0]
}

// says reports whether the model is sure that words tell danger; buf is
// scratch space for the features.
func (d *dangerModel) says(words []string, buf []uint32, sure float64) (bool, []uint32) {
	if d == nil {
		return false, buf
	}
	buf = hashed(words, buf[:0], dangerModelBits)
	return len(words) >= dangerModelWords && d.prob(buf) >= sure, buf
}

// WordWeight is a word's share in the danger model's sum for a message.
type WordWeight struct {
	Word   string
	Weight float64
}

// hashed appends to ids the features of words (see emitFeatures), each
// folded to one of 1<<bits ids.
func hashed(words []string, ids []uint32, bits uint) []uint32 {
	mask := uint64(1)<<bits - 1
	ids = slices.Grow(ids, featureCount(words))
	emitFeatures(words, nil, func(h uint64) { ids = append(ids, uint32(h&mask)) })
	return ids
}
