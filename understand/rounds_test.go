package understand_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"signaal/content"
	"signaal/flows"
	"signaal/understand"
)

// A round is a set of messages written by someone who had not seen the
// examples of understand.yaml nor the other tables, each with the language
// it is written in and what a good answer does. Every message is sent as
// the first message of a new chat on a phone set to Dutch, the hardest
// case: nothing but the words says who writes, in which language, and
// why. The score of a round when it was first run, before anything was
// learnt from it, is kept in its header; the test checks that no round
// falls below the share the issue asks for once it has been learnt from.
//
//	lang | want | message
//
// want is one of: danger[:topic], tell:topic:who:age, fear:topic,
// ask:contact, watched, exit, chat, lang; see judgeRound.
type roundRow struct {
	file       string
	line       int
	lang, want string
	kind       string   // the part of want before the first colon
	args       []string // the parts after it
	message    string
}

func readRound(t testing.TB, path string) []roundRow {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []roundRow
	for _, m := range understand.ParseMessages(filepath.Base(path), b, func(line int, msg string) {
		t.Fatalf("%s:%d: %s", path, line, msg)
	}) {
		rows = append(rows, roundRow{file: m.File, line: m.Line, lang: m.Lang, want: m.Want, kind: m.Kind, args: m.Args, message: m.Text})
	}
	return rows
}

// topicContacts are the contacts that are the right first help for a
// topic, by the seeds: Fier for sexual exploitation, Keerpunt for
// criminal exploitation, the labour inspectorate and CoMensha (and the
// reporting points for labour exploitation) for labour exploitation. For a
// minor, Veilig Thuis is right too.
//
// Sexual exploitation that happens online (sextortion, pictures) has its
// own helpline, Helpwanted, which the writers of the rounds could only
// label as sexual: it is right for sexual too.
//
// Some writers label a story of violence at home "home", and a story whose
// writer is not sure it is exploitation at all "doubt". Seed 001 sends
// both to Veilig Thuis ("Twijfel je of het gaat om huiselijk geweld,
// kindermishandeling of uitbuiting"); a doubt about what the story tells
// may as well get the help for that kind of exploitation.
var topicContacts = map[string][]string{
	"sexual":   {"fier", "helpwanted"},
	"criminal": {"keerpunt"},
	"labour":   {"arbeidsinspectie", "comensha", "meld-arbeidsuitbuiting", "fairwork"},
	"home":     {"veilig-thuis"},
	"doubt":    {"veilig-thuis", "fier", "helpwanted", "keerpunt", "arbeidsinspectie", "comensha", "meld-arbeidsuitbuiting", "fairwork"},
}

// discreetWords must not be on screen when someone says another person
// reads along.
var discreetWords = []string{"uitbuit", "exploit", "mensenhandel", "trafficking", "fier", "keerpunt", "veilig thuis", "loverboy", "arbeid", "labour"}

// judgeRound says what is wrong with the answer to a round's row, or "".
func judgeRound(c *content.Content, r roundRow, res flows.Result) string {
	if r.kind == "exit" {
		if !res.Forget {
			return "did not leave"
		}
		return ""
	}
	if len(res.Replies) == 0 {
		return "no reply"
	}
	if b := c.Briefs[r.lang]; b != nil {
		// A language the content has no conversation in: its brief, in
		// that language, with 112 and the help for labour exploitation.
		if res.Replies[0].Text != b.Text {
			return fmt.Sprintf("answered %.60q, want the %s brief", res.Replies[0].Text, r.lang)
		}
		return ""
	}
	var all strings.Builder
	var ids []string
	for _, rep := range res.Replies {
		all.WriteString(rep.Text + "\n")
		ids = append(ids, shown(c, rep.Text)...)
	}
	first := ""
	if len(ids) > 0 {
		first = ids[0]
	}
	danger := first == "alarm112"
	if msg := judgeLang(r, res); msg != "" {
		return msg
	}
	young := r.kind == "tell" && r.args[1] == "me" && r.args[2] != "adult" || r.kind == "fear" || r.kind == "watched" || r.kind == "chat"
	if young {
		for _, id := range ids {
			if ct := c.Contacts[id]; !ct.For("jongeren") && !named(ct, r.message) {
				return "shows " + id + " (for " + strings.Join(ct.Audience, ", ") + ") to someone who may be young"
			}
		}
	}
	switch r.kind {
	case "danger":
		// 112 first: as the first card, or named in the first line of an
		// answer without cards (to someone who says another reads
		// along). A welcome that mentions the 112 button is not that.
		if !danger && len(ids) > 0 {
			return "first contact " + first + ", want 112"
		}
		if firstLine, _, _ := strings.Cut(res.Replies[0].Text, "\n"); !strings.Contains(firstLine, "112") {
			return fmt.Sprintf("first line %q does not name 112", firstLine)
		}
		return emergencyFirst(c, res.Replies[0].Text)
	case "tell":
		if danger {
			return "answered as danger"
		}
		want := slices.Clone(topicContacts[r.args[0]])
		if r.args[2] == "minor" || r.args[2] == "unknown" && r.args[1] != "other" {
			want = append(want, "veilig-thuis")
		}
		if !slices.Contains(want, first) {
			return fmt.Sprintf("first contact %q (all %v), want one of %v", first, ids, want)
		}
	case "fear":
		if danger || strings.Contains(res.Replies[0].Text, "112") && strings.Index(all.String(), "112") < 40 {
			return "fear of the police answered as danger"
		}
		if first == "politie" {
			return "the police first to someone afraid of the police"
		}
		// Without a topic, any help that thinks along is right.
		want := slices.Concat(topicContacts["sexual"], topicContacts["criminal"], topicContacts["labour"])
		if len(r.args) > 0 {
			want = topicContacts[r.args[0]]
		}
		if !slices.Contains(want, first) {
			return fmt.Sprintf("first contact %q (all %v), want one of %v", first, ids, want)
		}
	case "ask":
		if first != r.args[0] {
			return fmt.Sprintf("first contact %q (all %v), want %s", first, ids, r.args[0])
		}
	case "watched":
		text := strings.ToLower(all.String())
		for _, w := range discreetWords {
			if strings.Contains(text, w) {
				return "the answer says " + w + " on screen"
			}
		}
		last := res.Replies[len(res.Replies)-1]
		if len(last.Options) == 0 || last.Options[0].Data != flows.DataExit {
			return "the quick exit is not offered first"
		}
	case "chat":
		if len(ids) > 0 {
			return fmt.Sprintf("contacts %v in an answer to small talk", ids)
		}
	case "lang":
	default:
		return "unknown want " + r.want
	}
	return ""
}

// judgeLang checks that the answer is in the writer's language: Dutch and
// English in kind, and the other languages of the rounds in their own.
func judgeLang(r roundRow, res flows.Result) string {
	want := r.lang
	if r.kind == "lang" {
		// Asked for a language the conversation has: that one; for
		// another, an answer in the writer's language is kind.
		// The language named first is the one asked for: "do you speak
		// english? my dutch is bad" asks for English.
		m := strings.ToLower(r.message)
		at := len(m)
		for name, lang := range map[string]string{"dutch": "nl", "nederlands": "nl", "english": "en", "engels": "en"} {
			// "my dutch is not good", "my dutch is very bad", "no dutch
			// sorry", "mijn nederlands is niet zo goed" and "arabic or
			// only dutch" do not ask for Dutch.
			if strings.Contains(m, name+" is not good") || strings.Contains(m, name+" is bad") || strings.Contains(m, name+" is really bad") || strings.Contains(m, "my "+name+" is ") || strings.Contains(m, "mijn "+name+" is ") || strings.Contains(m, "only "+name) ||
				strings.Contains(m, "no "+name) || strings.Contains(m, "geen "+name) || notSpoken(m, name) {
				continue
			}
			if i := strings.Index(m, name); i >= 0 && i < at {
				at, want = i, lang
			}
		}
	}
	if got := res.Session.Lang; got != want {
		return fmt.Sprintf("answered in %q, want %q", got, want)
	}
	return ""
}

// notSpoken reports whether m says the writer does not speak or
// understand the language name: "i dont speak dutch, english ok?" asks
// for English.
func notSpoken(m, name string) bool {
	for _, not := range []string{"dont", "don't", "do not", "cant", "can't", "cannot"} {
		for _, verb := range []string{"speak", "understand", "read"} {
			if strings.Contains(m, not+" "+verb+" "+name) {
				return true
			}
		}
	}
	return false
}

// roundScore is the outcome of one round.
type roundScore struct {
	rows, right                   int
	dangers, dangersRight         int
	fearAsDanger, youngViolations int
	// policeFirst counts fears answered with the police's card first.
	policeFirst         int
	byLang, byLangRight map[string]int
	byKind, byKindRight map[string]int
	wrong               []string
}

func scoreRound(t *testing.T, e *flows.Engine, c *content.Content, rows []roundRow) roundScore {
	s := roundScore{byLang: map[string]int{}, byLangRight: map[string]int{}, byKind: map[string]int{}, byKindRight: map[string]int{}}
	for _, r := range rows {
		in := flows.Input{Kind: flows.Text, Data: r.message, Lang: "nl"}
		// As the dispatcher does: the quick exit is recognised first.
		var res flows.Result
		if e.Leaves(in) {
			res = e.Forget(in.Lang)
		} else {
			res = e.Step(flows.Session{}, in, tuesday)
		}
		msg := judgeRound(c, r, res)
		s.rows++
		s.byLang[r.lang]++
		s.byKind[r.kind]++
		if r.kind == "danger" {
			s.dangers++
		}
		if strings.Contains(msg, "fear of the police answered as danger") {
			s.fearAsDanger++
		}
		if strings.Contains(msg, "the police first to someone afraid of the police") {
			s.policeFirst++
		}
		if strings.Contains(msg, "to someone who may be young") {
			s.youngViolations++
		}
		if msg != "" {
			s.wrong = append(s.wrong, fmt.Sprintf("%s:%d: %s %s %q: %s", r.file, r.line, r.lang, r.want, r.message, msg))
			continue
		}
		s.right++
		s.byLangRight[r.lang]++
		s.byKindRight[r.kind]++
		if r.kind == "danger" {
			s.dangersRight++
		}
	}
	return s
}

func (s roundScore) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d right (%.0f%%); danger with 112 first %d of %d; fear read as danger %d; contacts not for young people %d\n",
		s.right, s.rows, 100*float64(s.right)/float64(max(s.rows, 1)), s.dangersRight, s.dangers, s.fearAsDanger, s.youngViolations)
	for _, part := range []struct{ all, right map[string]int }{{s.byLang, s.byLangRight}, {s.byKind, s.byKindRight}} {
		keys := make([]string, 0, len(part.all))
		for k := range part.all {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "  %-8s %3d of %3d\n", k, part.right[k], part.all[k])
		}
	}
	return b.String()
}

// TestRounds scores every round, logs the figures and
// what was wrong (run with -v to see them), and keeps every round, once it
// has been learnt from, where the understanding must be: at least 90%
// right, 112 first for every danger message, no fear of the police read as
// danger, and no contact that is not for young people shown to someone who
// may be young. The first-sight score of each round is in its header.
//
// A new round goes in testdata/rounds and is scored there, at first
// sight, before anything is learnt from it; its figures are logged, not
// held. Once learnt from, it moves to content/data/messages, where the
// danger model learns from it too and the floors above hold for it.
func TestRounds(t *testing.T) {
	e, c := engine(t)
	learnt, _ := filepath.Glob("../content/data/messages/round-*.txt")
	fresh, _ := filepath.Glob("testdata/rounds/round-*.txt")
	if len(learnt) == 0 {
		t.Fatal("no rounds in content/data/messages")
	}
	files := append(learnt, fresh...)
	// The rounds are scored side by side: the engine is shared, and
	// each round's figures are its own.
	for k, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			rows := readRound(t, f)
			s := scoreRound(t, e, c, rows)
			if k >= len(learnt) {
				// Not learnt from yet: its figures are for reading, and
				// held only once it moves to content/data/messages.
				t.Logf("%s (not learnt from yet): %s", filepath.Base(f), s)
				for _, w := range s.wrong {
					t.Log(w)
				}
				return
			}
			t.Logf("%s: %s", filepath.Base(f), s)
			for _, w := range s.wrong {
				t.Log(w)
			}
			name := filepath.Base(f)
			if 10*s.right < 9*s.rows {
				t.Errorf("%s: %d of %d right, want at least 90%%", name, s.right, s.rows)
			}
			if s.dangersRight != s.dangers {
				t.Errorf("%s: danger with 112 first %d of %d, want all", name, s.dangersRight, s.dangers)
			}
			if s.fearAsDanger != 0 || s.youngViolations != 0 {
				t.Errorf("%s: %d fears read as danger, %d contacts not for young people shown, want none", name, s.fearAsDanger, s.youngViolations)
			}
			if s.policeFirst != 0 {
				t.Errorf("%s: %d fears of the police answered with the police first, want none", name, s.policeFirst)
			}
		})
	}
}
