package understand_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"signaal/content"
	"signaal/flows"
)

// transcripts are the golden conversations of bot/console. Each is replayed
// there with its recorded answers; here only its inputs count.
const transcripts = "../bot/console/testdata/transcripts"

var optionData = regexp.MustCompile(`^[a-z0-9_-]+/[a-z0-9_-]+/[a-z0-9_-]+$`)

// TestTranscriptsCoverEveryPath replays the inputs of every golden
// transcript and checks that, together, they press every option of every
// question, take every rule of every branch and reach every ending. The
// paths through the screening multiply (four scores in fifteen
// categories), so every option and rule once is the measure, not every
// combination.
func TestTranscriptsCoverEveryPath(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(transcripts, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no transcripts in %s", transcripts)
	}
	e, c := engine(t)
	pressed := map[string]bool{} // option data
	reached := map[string]bool{} // flow/state
	rules := map[string]bool{}   // flow/state#rule
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		r := e.Step(flows.Session{}, flows.TextInput("/start"), tuesday)
		reached[r.Session.Flow+"/"+r.Session.State] = true
		var shown []flows.Option
		for _, line := range strings.Split(string(b), "\n") {
			in, ok := strings.CutPrefix(line, "> ")
			if !ok {
				continue
			}
			for _, rep := range r.Replies {
				if len(rep.Options) > 0 {
					shown = rep.Options
				}
			}
			before := r.Session
			input := flows.TextInput(in)
			if optionData.MatchString(in) || strings.HasPrefix(in, "!") {
				input = flows.ChoiceInput(in)
			}
			r = e.Step(before, input, tuesday)
			if input.Kind != flows.Choice || !onScreen(shown, in) {
				reached[r.Session.Flow+"/"+r.Session.State] = true
				continue
			}
			if parts := strings.Split(in, "/"); len(parts) == 3 && parts[0] == before.Flow && parts[1] == before.State {
				pressed[in] = true
				markRule(c, parts, r.Session, rules)
			}
			reached[r.Session.Flow+"/"+r.Session.State] = true
		}
	}
	for _, id := range c.FlowOrder {
		f := c.Flows[id]
		for _, s := range f.States {
			for _, o := range s.Options {
				if d := content.OptionData(f.ID, s.ID, o.ID); !pressed[d] {
					t.Errorf("no transcript presses %s", d)
				}
			}
			for i, b := range s.Branch {
				if !rules[f.ID+"/"+s.ID+"#"+itoa(i)] {
					t.Errorf("no transcript takes rule %d of %s/%s (%v -> %s)", i+1, f.ID, s.ID, b.If, b.Next)
				}
			}
			if len(s.Branch) == 0 && !reached[f.ID+"/"+s.ID] {
				t.Errorf("no transcript reaches %s/%s", f.ID, s.ID)
			}
		}
	}
}

func onScreen(opts []flows.Option, data string) bool {
	for _, o := range opts {
		if o.Data == data {
			return true
		}
	}
	return false
}

// markRule records which rule of a branch state the pressed option led
// through, judged by the signals after the press (the latest value of a
// key counts, as in the engine).
func markRule(c *content.Content, parts []string, after flows.Session, rules map[string]bool) {
	f := c.Flows[parts[0]]
	st := f.State(parts[1])
	var next string
	for _, o := range st.Options {
		if o.ID == parts[2] {
			next = o.Next
		}
	}
	for hops := 0; next != "" && hops < len(f.States); hops++ {
		b := f.State(next)
		if b == nil || len(b.Branch) == 0 {
			return
		}
		next = ""
		for i, rule := range b.Branch {
			if holds(after, rule.If) {
				rules[f.ID+"/"+b.ID+"#"+itoa(i)] = true
				next = rule.Next
				break
			}
		}
	}
}

func holds(s flows.Session, conds []string) bool {
	for _, cond := range conds {
		k, v, _ := strings.Cut(cond, "=")
		if s.Signal(k) != v {
			return false
		}
	}
	return true
}

func itoa(i int) string { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }
