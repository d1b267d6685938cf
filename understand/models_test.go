package understand

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"signaal/internal/testmodels"
)

// shippedIndex is the shipped content's Understanding and the Index built
// from it, built once for the tests of this package that only read them:
// building trains the models, a second or more, unless the tests' model
// cache holds them. A test that swaps a model in and out uses keptIndex.
func shippedIndex(t *testing.T) (*Understanding, *Index) {
	t.Helper()
	s, err := builtIndex()
	if err != nil {
		t.Fatal(err)
	}
	return s.spec, s.x
}

// builtIndex builds the shared index through the tests' model cache (see
// testmodels), as the binary builds it through its own: a run reads the
// models a run before it, or another package's tests, trained, and
// TestCachedUnderstandingIsTheTrainedOne compares what it reads with
// models trained afresh.
var builtIndex = sync.OnceValues(func() (*specAndIndex, error) {
	c, spec, err := Default()
	if err != nil {
		return nil, err
	}
	dir := testmodels.Dir()
	return &specAndIndex{spec: spec, x: New(c, spec, ModelCache(dir)), cache: dir}, nil
})

// keptIndex is an index of the shipped content built again from the
// models the shared one kept (or read), as a restart builds it: the one
// TestCachedUnderstandingIsTheTrainedOne compares with models trained
// afresh, and the one the tests that swap its models in and out use.
// Those tests do not run in parallel, and each puts back what it took
// out.
func keptIndex(t *testing.T) *Index {
	t.Helper()
	x, err := buildKept()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

var buildKept = sync.OnceValues(func() (*Index, error) {
	s, err := builtIndex()
	if err != nil {
		return nil, err
	}
	return New(s.x.c, s.spec, ModelCache(s.cache)), nil
})

// heldOutTrainer trains the models of the shipped content on a part of
// its messages, for the tests that leave each quarter out in turn. It
// shares the shared index's content, lexicon, intents and model cache,
// and reads the words of each message once for every training (as New
// does for its three models). The cache keeps each quarter's models by
// the samples they learnt from, as it keeps the shipped ones: a run on
// unchanged content reads the twelve models instead of training them
// again, and TestCachedUnderstandingIsTheTrainedOne shows that a model
// read is the one trained.
func heldOutTrainer(t *testing.T) (*Understanding, *understander) {
	t.Helper()
	u, err := buildTrainer()
	if err != nil {
		t.Fatal(err)
	}
	return u.u, u
}

var buildTrainer = sync.OnceValues(func() (*understander, error) {
	s, err := builtIndex()
	if err != nil {
		return nil, err
	}
	x := s.x.u
	return &understander{c: x.c, lex: x.lex, u: x.u, intents: x.intents, models: x.models, messages: sync.OnceValue(func() map[string]messageFeatures { return readMessages(x.lex, s.spec.Messages) })}, nil
})

// eachFold runs fold(q) for every quarter of fs side by side: each
// trains models of its own from the others, and reads only what they
// share.
func eachFold(fs [][]Message, fold func(q int)) {
	var wg sync.WaitGroup
	for q := range fs {
		wg.Go(func() { fold(q) })
	}
	wg.Wait()
}

type specAndIndex struct {
	spec  *Understanding
	x     *Index
	cache string // the directory of its models, "" for none
}

// folds splits the messages of content/data/messages into four groups of
// whole rounds, each to be left out of the training in turn: four
// trainings instead of one a round keep the tests quick.
func folds(t *testing.T, ms []Message) [][]Message {
	t.Helper()
	var files []string
	byFile := map[string][]Message{}
	for _, m := range ms {
		if byFile[m.File] == nil {
			files = append(files, m.File)
		}
		byFile[m.File] = append(byFile[m.File], m)
	}
	if len(files) < 4 {
		t.Fatalf("%d files of messages, want at least 4 to leave some out", len(files))
	}
	out := make([][]Message, 4)
	for i, f := range files {
		out[i%4] = append(out[i%4], byFile[f]...)
	}
	return out
}

// without returns every fold but the k-th, as one list.
func others(fs [][]Message, k int) []Message {
	var out []Message
	for i, f := range fs {
		if i != k {
			out = append(out, f...)
		}
	}
	return out
}

// TestDangerModelHeldOut measures the danger model as a new round of
// messages will meet it: each quarter of the rounds of
// content/data/messages is left out of the training in turn and read by a
// model trained on the others. It logs, for each quarter, the danger
// messages the model finds on its own and the other messages it calls
// danger, and keeps the totals above floors a
// little under what they were when the model was made (about 70% found,
// 0.5% false alarms; run with -v to see the figures). A model that stops
// learning, or learns to call everything danger, fails.
func TestDangerModelHeldOut(t *testing.T) {
	SkipUnderRace(t)
	spec, u := heldOutTrainer(t)
	fs := folds(t, spec.Messages)
	type tally struct{ found, dangers, alarms, calm, fearAlarms int }
	per := make([]tally, len(fs))
	eachFold(fs, func(q int) {
		d := u.trainDanger(others(fs, q))
		n := &per[q]
		for _, m := range fs[q] {
			sure, _ := d.says(u.wordsOfMessage(m.Text), nil, dangerModelProb)
			switch {
			case m.Kind == "danger":
				n.dangers++
				if sure {
					n.found++
				}
			default:
				n.calm++
				if sure {
					n.alarms++
					if m.Kind == "fear" {
						n.fearAlarms++
					}
				}
			}
		}
	})
	var found, dangers, alarms, calm, fearAlarms int
	for q, n := range per {
		t.Logf("quarter %d: found %d of %d danger messages; called %d of %d others danger", q+1, n.found, n.dangers, n.alarms, n.calm)
		found, dangers, alarms, calm, fearAlarms = found+n.found, dangers+n.dangers, alarms+n.alarms, calm+n.calm, fearAlarms+n.fearAlarms
	}
	share := func(a, b int) string {
		return fmt.Sprintf("%d of %d (%.1f%%)", a, b, 100*float64(a)/float64(max(b, 1)))
	}
	t.Logf("left out in turn: found %s danger messages; called %s others danger, %d of them a fear", share(found, dangers), share(alarms, calm), fearAlarms)
	if 100*found < 65*dangers {
		t.Errorf("found %s danger messages, want at least 65%%", share(found, dangers))
	}
	if 100*alarms > 1*calm {
		t.Errorf("called %s others danger, want at most 1%%", share(alarms, calm))
	}
}

// TestDangerModelAddsDanger checks where the model is asked: it finds
// danger in situations that no rule, sign or example says (each such
// message is not danger without the model), also when someone reads
// along; a fear of the police stays a fear; and it is not asked for
// everyday words or a short message, where it would be wrong (each is
// sure for the model).
func TestDangerModelAddsDanger(t *testing.T) {
	SkipUnderRace(t)
	x := keptIndex(t)
	model := x.u.dangerModel
	if model == nil {
		t.Fatal("no danger model: content/data/messages has no danger messages")
	}
	tests := []struct {
		name, text string
		want       bool // danger with the model
	}{
		{"locked in a shed", "baas heeft de loods op slot gedaan en wij zitten er nog in. 6 man. sinds gister", true},
		{"phone taken, hiding", "zit op de wc in een huis in arnhem, ze hebben mn tel afgepakt dit is de tel van een ander meisje hier", true},
		{"fear of the police", "ik ben zo bang dat de politie me oppakt als ik vertel dat ik voor die jongens pakketjes moet wegbrengen", false},
		{"someone reads along", "hij leest mee, ze hebben mijn paspoort en de deur van de kamer is op slot sinds gister", true},
		{"everyday", "mn pa staat voor de deur hij brengt me naar voetbal", false},
		// "leren" is school, but not inside a threat: "een lesje leren".
		{"a lesson threatened", "mn broertje van 14 zit nu in een auto met die jongens die hem steeds laten bezorgen, hij neemt niet op en ze zeiden dat ze hem een lesje gaan leren", true},
		{"short", "ik help mijn moeder in de keuken", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x.u.dangerModel = nil
			without := x.Understand("nl", tt.text).Danger
			x.u.dangerModel = model // put back before any check can stop the test
			with := x.Understand("nl", tt.text).Danger
			if with != tt.want {
				t.Errorf("Understand(%q).Danger = %v, want %v", tt.text, with, tt.want)
			}
			if tt.want && without {
				t.Errorf("Understand(%q).Danger without the model = true, want a message only the model finds", tt.text)
			}
			if p := model.prob(hashed(x.lex.words(tt.text), nil, dangerModelBits)); !tt.want && tt.name != "fear of the police" && p < dangerModelProb {
				t.Errorf("model's probability for %q = %.2f, want a message the model alone would call danger", tt.text, p)
			}
		})
	}
}

// TestDangerBySigns checks that danger the rounds first missed is read by
// its signs and rules alone, with the danger model left out: a model
// retrained on new rounds may move a message just below its threshold,
// and these must keep 112 first whatever it learns.
func TestDangerBySigns(t *testing.T) {
	SkipUnderRace(t)
	x := keptIndex(t)
	model := x.u.dangerModel
	x.u.dangerModel = nil
	defer func() { x.u.dangerModel = model }()
	for _, tc := range []struct{ lang, text string }{
		{"nl", "mijn dochter van 15 stuurde net 'help' en daarna niks meer, ze zou bij een 'vriend' in arnhem zijn"},
		{"nl", "mn zusje (14) is ingestapt bij een auto met oudere jongens en neemt haar telefoon niet meer op"},
		{"en", "im 16 and he says i have to go with his friend tonight to pay back the money for the hair and nails"},
		{"nl", "moet vanavond iets ophalen in antwerpen en als ik nee zeg weten ze waar m'n moeder woont"},
		{"nl", "als ik vanavond om 8 niet met het geld kom weten ze waar mn moeder woont zeggen ze. ze stonden vanmiddag al bij onze flat"},
		{"en", "Hotel night manager here. A man just checked in with two girls who look about 14, paid cash, room 212. What do I do right now?"},
		{"nl", "moet straks mee met een oudere jongen naar een feestje in een huis waar \"vrienden van hem\" zijn. hij zei dat ik het hem schuldig ben en dat ik niet moet zeuren"},
		{"nl", "ik denk dat mijn vriend iets heeft ingeslikt wat hij moest vervoeren, hij is heel suf en zweet als een gek. we zitten in een appartement ergens in den haag"},
		{"nl", "mn vriendin heeft iets gedronken wat die gast haar gaf en ik krijg haar niet meer wakker"},
		{"nl", "ik sta achter de balie. meisje van een jaar of 14 met een veel oudere man, ze kan nauwelijks op haar benen staan en hij trekt haar richting de lift"},
		{"en", "he says the client comes at 11 and if i say no again he will do what he did last time. i still have the bruises"},
		{"nl", "mn nichtje van 15 staat op het perron met een oudere vent die ze van insta kent, ik zie ze nu samen de trein in gaan"},
		{"en", "they made me swallow the stuff for the trip and i feel really really sick, my stomach hurts so bad"},
		{"nl", "zit achterin, ze rijden me naar zoetermeer, moet daar n pakketje afgeven. als ik het verpest zeggen ze dat ik het ga voelen"},
		{"nl", "heb teveel op op een feestje en een jongen zegt dat ik mee moet naar een andere plek met zn vrienden. ik kan nie goed lopen en ken hier niemand"},
		{"en", "youth worker here, a boy just walked into the centre with a stab wound in his side and begs me not to call anyone because \"they'll know\""},
		{"en", "boss took our passports and says nobody leaves the farm tonight, he has a dog and a baseball bat"},
		{"nl", "ik ben verpleegkundige op de SEH. hier zit een meisje van ongeveer 16 met een veel oudere man die haar niks laat zeggen. hij wil nu met haar vertrekken"},
		{"nl", "hij heeft net gezegd dat ik het niet overleef als ik praat. hij is nu even naar de winkel"},
		{"en", "he's downstairs. he has a key"},
		{"en", "im 14 and he picks me up in 20 min to meet his friends. i dont wanna go but he has my pics"},
		{"en", "he's downstairs. he found out where i live. what do i do"},
		{"nl", "m'n broertje van 13 is sinds vanmiddag weg, zijn vrienden zeggen dat hij in een flat zit bij die jongens van de scooters en daar moet blijven tot alles verkocht is"},
		{"nl", "morgenvroeg komt iemand mijn nichtje van 16 ophalen om naar duitsland te gaan, ze denkt dat het voor modellenwerk is"},
		{"en", "an older guy is making my little sister (13) come to his flat in an hour, she thinks hes her boyfriend"},
		{"nl", "over een uur moet ik een tas wegbrengen en ze zeggen dat ze mn moeder weten te vinden als ik het verkloot"},
		{"nl", "ze staan met zn drieën voor ons huis omdat ik de spullen kwijt ben. mn moeder slaapt en weet van niks"},
		{"nl", "ze zeggen dat ze me vanavond komen halen als ik die 800 niet heb. ze weten waar mn moeder woont"},
		{"en", "he says i have to go to belgium with him tomorrow morning to \"work\" and he has my passport"},
	} {
		if !x.Understand(tc.lang, tc.text).Danger {
			t.Errorf("Understand(%q).Danger without the danger model = false, want true", tc.text)
		}
	}
}

// TestChoosersHeldOut measures the contact and topic models as a new round
// will meet them: each quarter of the rounds of content/data/messages left
// out in turn, read by models trained on the others. Of the questions for a contact
// the contact model is sure of, and of the messages with a topic the
// topic model is sure of, most must be right; a model that stops learning
// is sure of nothing and fails too.
func TestChoosersHeldOut(t *testing.T) {
	SkipUnderRace(t)
	spec, u := heldOutTrainer(t)
	fs := folds(t, spec.Messages)
	type tally struct{ asks, askSure, askRight, tells, topicSure, topicRight int }
	per := make([]tally, len(fs))
	eachFold(fs, func(q int) {
		train := others(fs, q)
		ask, topic := u.trainAsk(u.c, train), u.trainTopic(train)
		n := &per[q]
		for _, m := range fs[q] {
			words := u.wordsOfMessage(m.Text)
			switch {
			case m.Kind == "ask":
				n.asks++
				if ct, _, _ := ask.choose(words, nil, nil); ct != nil {
					n.askSure++
					if ct.ID == m.Args[0] {
						n.askRight++
					}
				}
			case m.Kind == "tell" && topicIntents[m.Args[0]] != "":
				n.tells++
				if in, _, _ := topic.choose(words, nil, nil); in != nil {
					n.topicSure++
					if in.ID == topicIntents[m.Args[0]] {
						n.topicRight++
					}
				}
			}
		}
	})
	var asks, askSure, askRight, tells, topicSureN, topicRight int
	for _, n := range per {
		asks, askSure, askRight = asks+n.asks, askSure+n.askSure, askRight+n.askRight
		tells, topicSureN, topicRight = tells+n.tells, topicSureN+n.topicSure, topicRight+n.topicRight
	}
	t.Logf("questions: sure of %d of %d, right %d of those; told: sure of %d of %d, right %d of those", askSure, asks, askRight, topicSureN, tells, topicRight)
	if 2*askSure < asks || 100*askRight < 75*askSure {
		t.Errorf("contact model sure of %d of %d questions, right in %d: want sure of half, right in 75%% of those", askSure, asks, askRight)
	}
	if 2*topicSureN < tells || 100*topicRight < 85*topicSureN {
		t.Errorf("topic model sure of %d of %d messages, right in %d: want sure of half, right in 85%% of those", topicSureN, tells, topicRight)
	}
}

// TestChoosersDecide checks where the contact and topic models are asked,
// on messages as people write them: a question the search answers
// with another contact gets the one asked for first, and what someone
// tells gets the topic of the whole message; a keyword or a short message
// still decides on its own.
func TestChoosersDecide(t *testing.T) {
	SkipUnderRace(t)
	x := keptIndex(t)
	ask, topic := x.u.askModel, x.u.topicModel
	firstFound := func(m Meaning) string {
		if len(m.Found) == 0 {
			return ""
		}
		return m.Found[0].ID
	}
	intent := func(m Meaning) string {
		if m.Intent == nil {
			return ""
		}
		return m.Intent.ID
	}
	topicOf := func(m Meaning) string {
		if !m.Danger || m.Topic == nil {
			return ""
		}
		return m.Topic.ID
	}
	tests := []struct {
		name, text    string
		got           func(Meaning) string
		with, without string
	}{
		{"toolkit for doctors", "im a GP, is there some checklist for spotting trafficking in my patients", firstFound, "fairwork", "acm"},
		{"parcels for the boss", "ze werken in de kas en moeten daarna ook nog pakketjes rondbrengen voor de baas zonder loon", intent, "labour", "criminal"},
		{"asks, a story's keyword", "waar kan ik iets doorgeven zonder mijn naam? gaat over een massagesalon in mijn straat die echt niet pluis is", firstFound, "meld-misdaad-anoniem", ""},
		{"asks, a contact not for the writer", "waar moet je heen na een verkrachting, kan dat ook nog als het 3 dagen geleden is", intent, "assault", "assault"},
		{"asks for others", "is er een chat voor jongeren die drugs moeten verkopen voor iemand", firstFound, "keerpunt", ""},
		{"short, with a keyword", "loverboy", intent, "sexual", "sexual"},
		{"danger's helpline", "hij staat beneden met de auto en zegt dat ik vanavond mee moet naar een of ander hotel", topicOf, "sexual", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x.u.askModel, x.u.topicModel = nil, nil
			without := tt.got(x.Understand("nl", tt.text))
			x.u.askModel, x.u.topicModel = ask, topic // put back before any check can stop the test
			with := tt.got(x.Understand("nl", tt.text))
			if with != tt.with || without != tt.without {
				t.Errorf("Understand(%q): %q with the models, %q without; want %q and %q", tt.text, with, without, tt.with, tt.without)
			}
		})
	}
}

// TestExplainModels checks that explain says what the models are sure of,
// so that an editor can see why a contact or topic came first.
func TestExplainModels(t *testing.T) {
	SkipUnderRace(t)
	_, x := shippedIndex(t)
	_, tr := x.Explain("en", "im a GP, is there some checklist for spotting trafficking in my patients")
	if tr.Asked != "fairwork" {
		t.Errorf("Explain(GP's question).Asked = %q, want fairwork", tr.Asked)
	}
	_, tr = x.Explain("nl", "baas heeft de loods op slot gedaan en wij zitten er nog in. 6 man. sinds gister")
	if !tr.DangerSure || len(tr.DangerWords) == 0 {
		t.Errorf("Explain(locked in a shed) = danger model %.2f, sure %v, %d words; want sure, with the words that weighed most", tr.DangerModel, tr.DangerSure, len(tr.DangerWords))
	}
	_, tr = x.Explain("nl", "mijn nicht moet van haar vriend elke avond met andere mannen mee om zijn schuld af te lossen")
	if tr.TopicOf != "sexual" {
		t.Errorf("Explain(debt paid with men).TopicOf = %q, want sexual", tr.TopicOf)
	}
	_, tr = x.Explain("nl", "receptie hier, er komt steeds een oudere man met telkens een ander jong meisje, betaalt cash, meisjes kijken alleen naar de grond")
	if len(tr.Signs) == 0 || !tr.SignsInStory {
		t.Errorf("Explain(a hotel desk's story) = signs %v, in the story %v; want signs, read as part of the story", tr.Signs, tr.SignsInStory)
	}
	_, tr = x.Explain("en", "the kid next door is always alone, really skinny and has marks on his legs, his parents scream all night")
	if tr.TopicOf != "home" {
		t.Errorf("Explain(a neighbour's child).TopicOf = %q, want home", tr.TopicOf)
	}
	// A keyword that does not count is shown as none, with the score
	// the example gave.
	_, tr = x.Explain("nl", "mn vriend zegt dat ik moet stoppen met school en voor hem gaan werken")
	if i := slices.IndexFunc(tr.Scores, func(s IntentScore) bool { return s.ID == "leave" }); i < 0 || tr.Scores[i].Keyword || tr.Scores[i].Similarity <= 0 {
		t.Errorf("Explain(a story with \"stoppen\").Scores = %+v; want leave by its example alone, its keyword not counted", tr.Scores)
	}
	m, tr := x.Explain("nl", "mijn stiefvader pakt al mijn geld van mn bijbaan af en als het te weinig is slaat hij me. mn moeder zegt niks")
	if len(tr.Rules) == 0 || !tr.RuleInHomeStory || m.Danger {
		t.Errorf("Explain(a story of home) = rules %v, in a story of home %v, danger %v; want a rule, read as part of the story, no danger", tr.Rules, tr.RuleInHomeStory, m.Danger)
	}
}

// BenchmarkNew measures building the understanding from the content, the
// models' training included: what every start of the bot costs.
func BenchmarkNew(b *testing.B) {
	c, spec, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		New(c, spec)
	}
}

// BenchmarkNewCached measures a start with the models already in the
// cache: what a restart, or a new build, on the same content costs.
func BenchmarkNewCached(b *testing.B) {
	c, spec, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	New(c, spec, ModelCache(dir))
	for b.Loop() {
		New(c, spec, ModelCache(dir))
	}
}

// TestMessageFeaturesFoldOnce checks what the training reads of each
// message of messages/: the words hashed once at the danger model's
// size, and folded further for the choosers, are the features hashed at
// each size, and featureCount, which sizes them, counts every one.
func TestMessageFeaturesFoldOnce(t *testing.T) {
	spec, u := heldOutTrainer(t)
	for i, m := range spec.Messages {
		if i%10 != 0 {
			continue // a tenth of them is thousands of messages
		}
		words := u.lex.words(m.Text)
		for _, bits := range []uint{dangerModelBits, chooserBits} {
			if got, want := u.idsOfMessage(m.Text, bits), hashed(words, nil, bits); !slices.Equal(got, want) {
				t.Fatalf("%s:%d: idsOfMessage(%q, %d) = %v, want %v", m.File, m.Line, m.Text, bits, got, want)
			}
		}
		var n int
		emitFeatures(words, nil, func(uint64) { n++ })
		if got := featureCount(words); got != n {
			t.Fatalf("%s:%d: featureCount(%q) = %d, want %d", m.File, m.Line, words, got, n)
		}
	}
}

// TestDangerNeed: the danger model must be surer of what the writer tells
// of their own family with no sign of danger at all; a sign of when or
// where, or someone else's family, needs what every message needs.
func TestDangerNeed(t *testing.T) {
	u := keptIndex(t).u
	for _, tc := range []struct {
		text string
		who  string
		home bool
		told bool
		want float64
	}{
		{"mijn ouders willen dat ik met een man uit hun dorp trouw", WhoMe, true, false, dangerModelHome},
		{"mijn ouders willen dat ik nu met een man uit hun dorp trouw", WhoMe, true, false, dangerModelProb},
		{"haar ouders willen dat ze met een man uit hun dorp trouwt", WhoOther, true, false, dangerModelProb},
		{"mijn baas wil dat ik met een man uit zijn dorp trouw", WhoMe, false, false, dangerModelProb},
		// A story a topic's keyword names, with no sign of now; with one.
		{"im 20, my boss took my passport and i dont get paid", WhoMe, false, true, dangerModelTold},
		{"my boss took my passport and now hes outside my door", WhoMe, false, true, dangerModelProb},
	} {
		m := Meaning{Who: tc.who, Home: tc.home}
		if got := u.dangerNeed(&m, u.lex.words(tc.text), tc.told); got != tc.want {
			t.Errorf("dangerNeed(%q, who %s, home %v) = %.2f, want %.2f", tc.text, tc.who, tc.home, got, tc.want)
		}
	}
}

// TestOlderPartner: a partner is older when an adult's age is given to
// him, right after his name or in the words said of him next, and not
// when the age is someone else's or a boy's.
func TestOlderPartner(t *testing.T) {
	_, x := shippedIndex(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"mijn dochter heeft een vriend van 22", true},
		{"mijn dochter heeft een vriend, hij is 22", true},
		{"my daughter has a boyfriend who is 25", true},
		{"my sister has a boyfriend, he's 31", true},
		{"mijn dochter heeft een vriend, hij is 16", false},
		{"mijn dochter is 22 en heeft een vriend", false},
		{"mijn vriend is boos, hij is 22 euro kwijt", false},
		{"haar vriend, hij is er 22 uur per dag", false},
		{"haar vriend, hij is 22 euro kwijt", false},
		{"een vriend van 25 euro per uur", false},
	} {
		if got := x.u.olderPartner(x.Words(tc.text)); got != tc.want {
			t.Errorf("olderPartner(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
