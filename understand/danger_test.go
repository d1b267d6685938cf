package understand

import (
	"fmt"
	"testing"
)

// TestDangerModelHeldOut measures the danger model as a new round of
// messages will meet it: each round of content/data/messages is left out
// of the training in turn and read by a model trained on the others. It
// logs, for each round, the danger messages the model finds on its own and
// the other messages it calls danger, and keeps the totals above floors a
// little under what they were when the model was made (about 72% found,
// 0.5% false alarms; run with -v to see the figures). A model that stops
// learning, or learns to call everything danger, fails.
func TestDangerModelHeldOut(t *testing.T) {
	c, spec, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(c, spec)
	u := x.u
	byFile := map[string][]Message{}
	var files []string
	for _, m := range spec.Messages {
		if byFile[m.File] == nil {
			files = append(files, m.File)
		}
		byFile[m.File] = append(byFile[m.File], m)
	}
	if len(files) < 5 {
		t.Fatalf("%d files of messages, want at least 5 to leave one out", len(files))
	}
	var found, dangers, alarms, calm, fearAlarms int
	for _, left := range files {
		var train []Message
		for _, f := range files {
			if f != left {
				train = append(train, byFile[f]...)
			}
		}
		d := u.trainDanger(train)
		var f, n, a, k int
		for _, m := range byFile[left] {
			sure, _ := d.says(u.lex.words(m.Text), nil)
			switch {
			case m.Kind == "danger":
				n++
				if sure {
					f++
				}
			default:
				k++
				if sure {
					a++
					if m.Kind == "fear" {
						fearAlarms++
					}
				}
			}
		}
		t.Logf("%s: found %d of %d danger messages; called %d of %d others danger", left, f, n, a, k)
		found, dangers, alarms, calm = found+f, dangers+n, alarms+a, calm+k
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
	c, spec, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(c, spec)
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
		{"short", "ik help mijn opa in de tuin", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x.u.dangerModel = nil
			without := x.Understand("nl", tt.text).Danger
			x.u.dangerModel = model
			with := x.Understand("nl", tt.text).Danger
			if with != tt.want {
				t.Errorf("Understand(%q).Danger = %v, want %v", tt.text, with, tt.want)
			}
			if tt.want && without {
				t.Errorf("Understand(%q).Danger without the model = true, want a message only the model finds", tt.text)
			}
			if p := model.prob(dangerFeatures(x.lex.words(tt.text), nil)); !tt.want && tt.name != "fear of the police" && p < dangerModelProb {
				t.Errorf("model's probability for %q = %.2f, want a message the model alone would call danger", tt.text, p)
			}
		})
	}
}
