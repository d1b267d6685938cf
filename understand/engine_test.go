package understand_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"signaal/content"
	"signaal/flows"
)

// These tests run the shipped content through the engine with contact
// search, as the bot does: the routing of every flow, the screening's
// summary, opening hours, and search inside a conversation.

// tuesday and saturday are 10:00 in the Netherlands.
var (
	tuesday  = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	saturday = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
)

func engine(t testing.TB) (*flows.Engine, *content.Content) {
	t.Helper()
	_, e, c := built(t)
	return e, c
}

// run starts a conversation and presses the given option data (or types
// the given text), failing when an option is not on screen.
func run(t *testing.T, e *flows.Engine, now time.Time, inputs ...string) flows.Result {
	t.Helper()
	r := e.Step(flows.Session{}, flows.TextInput("/start"), now)
	for _, in := range inputs {
		if strings.HasPrefix(in, "/") || !strings.Contains(in, "/") {
			r = e.Step(r.Session, flows.TextInput(in), now)
			continue
		}
		last := r.Replies[len(r.Replies)-1]
		found := false
		for _, o := range last.Options {
			found = found || o.Data == in
		}
		if !found {
			t.Fatalf("option %s is not on screen at %s/%s: %+v", in, r.Session.Flow, r.Session.State, last.Options)
		}
		r = e.Step(r.Session, flows.ChoiceInput(in), now)
	}
	return r
}

var toJong = []string{"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/me", "jong/intro/go"}

func TestJongRouting(t *testing.T) {
	e, _ := engine(t)
	for _, tc := range []struct {
		age, topic, home, want string
	}{
		{"adult", "sexual", "no", "ref-sexual"},
		{"adult", "sexual", "skip", "ref-sexual"},
		{"adult", "sexual", "yes", "ref-sexual-vt"},
		{"under18", "sexual", "no", "ref-sexual-vt"},
		{"skip", "sexual", "no", "ref-sexual-vt"},
		{"adult", "criminal", "no", "ref-criminal"},
		{"under18", "criminal", "skip", "ref-criminal-vt"},
		{"adult", "online", "no", "ref-online"},
		{"adult", "online", "yes", "ref-online-vt"},
		{"adult", "labour", "no", "ref-labour"},
		{"under18", "labour", "no", "ref-labour-vt"},
		{"adult", "unsure", "no", "ref-unsure"},
		{"adult", "unsure", "yes", "ref-unsure-vt"},
	} {
		t.Run(tc.age+"-"+tc.topic+"-"+tc.home, func(t *testing.T) {
			topicState := tc.topic
			in := append(append([]string{}, toJong...), "jong/age/"+tc.age, "jong/topic/"+tc.topic,
				"jong/"+topicState+"/yes", "jong/"+topicState+"-info/go", "jong/danger/no", "jong/home/"+tc.home)
			r := run(t, e, tuesday, in...)
			if r.Session.State != tc.want {
				t.Errorf("ending = %s, want %s", r.Session.State, tc.want)
			}
		})
	}
	// Acute danger: 112 first, then on at the user's pace.
	in := append(append([]string{}, toJong...), "jong/age/under18", "jong/topic/sexual", "jong/sexual/unsure", "jong/sexual-info/go", "jong/danger/yes")
	r := run(t, e, tuesday, in...)
	if r.Session.State != "acute" || !strings.Contains(r.Replies[0].Text, "Bel: 112") {
		t.Errorf("danger yes = %s %q, want the acute ending with 112", r.Session.State, r.Replies[0].Text)
	}
	r = run(t, e, tuesday, append(in, "jong/acute/later", "jong/home/no")...)
	if r.Session.State != "ref-sexual-vt" {
		t.Errorf("after the acute ending = %s, want ref-sexual-vt", r.Session.State)
	}
}

func TestOmstanderRouting(t *testing.T) {
	e, _ := engine(t)
	to := []string{"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/other", "omstander/intro/go",
		"omstander/behaviour/yes", "omstander/outside/unsure", "omstander/gut/go"}
	for kind, want := range map[string]string{"sexual": "ref-sexual", "criminal": "ref-criminal", "online": "ref-online", "labour": "ref-labour", "unknown": "ref-unknown"} {
		r := run(t, e, tuesday, append(append([]string{}, to...), "omstander/kind/"+kind, "omstander/danger/no", "omstander/todo/go")...)
		if r.Session.State != want {
			t.Errorf("%s: ending = %s, want %s", kind, r.Session.State, want)
		}
	}
	for how, want := range map[string]string{"anonymous": "ref-anonymous", "police": "ref-police", "work": "ref-work", "advice": "ref-advice"} {
		r := run(t, e, tuesday, append(append([]string{}, to...), "omstander/kind/sexual", "omstander/danger/unsure", "omstander/todo/go",
			"omstander/ref-sexual/report", "omstander/report/"+how)...)
		if r.Session.State != want {
			t.Errorf("report %s: ending = %s, want %s", how, r.Session.State, want)
		}
	}
}

var categories = []string{"werving", "vervoer", "huisvesting", "dreiging", "geweld", "beweging", "isolatie",
	"documenten", "loon", "misleiding", "kwetsbaar", "betalingen", "doel-seks", "doel-arbeid", "doel-crimineel"}

// screen answers the screening: scores maps a category to its score,
// every other category scores 0.
func screen(age string, scores map[string]int) []string {
	in := []string{"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/prof", "prof/menu/screen", "prof/scr-intro/start", "prof/scr-age/" + age}
	for _, c := range categories {
		in = append(in, "prof/scr-"+c+"/s"+string(rune('0'+scores[c])))
	}
	return append(in, "prof/scr-summary/next")
}

func all(n int) map[string]int {
	m := map[string]int{}
	for _, c := range categories {
		m[c] = n
	}
	return m
}

// TestScreeningSteps: the next step A-D follows the legal rule. For an
// adult, act, means and purpose; for a child, or in doubt about age, act
// and purpose suffice.
func TestScreeningSteps(t *testing.T) {
	e, _ := engine(t)
	actPurpose := map[string]int{"werving": 1, "doel-seks": 2}
	for _, tc := range []struct {
		name   string
		in     []string
		ending string
	}{
		{"adult, nothing", screen("adult", all(0)), "step-d"},
		{"adult, all three, consents", append(screen("adult", all(1)), "prof/consent/yes"), "step-b"},
		{"adult, all three, does not consent", append(screen("adult", all(2)), "prof/consent/no"), "step-c"},
		{"adult, act and purpose only", screen("adult", actPurpose), "adult-more"},
		{"adult, more information needed", screen("adult", all(3)), "adult-more"},
		{"adult, means only", screen("adult", map[string]int{"geweld": 2}), "adult-more"},
		{"child, act and purpose", screen("child", actPurpose), "step-a"},
		{"in doubt, act and purpose", screen("doubt", actPurpose), "step-a"},
		{"child, everything", screen("child", all(2)), "step-a"},
		{"child, means only", screen("child", map[string]int{"dreiging": 1}), "child-more"},
		{"child, more information needed", screen("doubt", all(3)), "child-more"},
		{"child, nothing", screen("child", all(0)), "step-d"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, e, tuesday, tc.in...)
			if r.Session.Flow != "prof" || r.Session.State != tc.ending {
				t.Errorf("ending = %s/%s, want prof/%s", r.Session.Flow, r.Session.State, tc.ending)
			}
		})
	}
}

// TestScreeningSummary: the summary lists every score as answered, in the
// conversation's language, with nothing personal; going back and answering
// again changes it.
func TestScreeningSummary(t *testing.T) {
	e, c := engine(t)
	in := screen("doubt", map[string]int{"werving": 1, "geweld": 2, "doel-arbeid": 3})
	in = in[:len(in)-1] // stay at the summary
	r := run(t, e, tuesday, in...)
	text := r.Replies[0].Text
	for _, want := range []string{
		c.Text("nl", "prof.scr.summary"),
		"- " + c.Text("nl", "prof.scr.name.minor") + ": " + c.Text("nl", "prof.scr.age.doubt"),
		"- " + c.Text("nl", "prof.scr.name.werving") + ": " + c.Text("nl", "prof.scr.score1"),
		"- " + c.Text("nl", "prof.scr.name.vervoer") + ": " + c.Text("nl", "prof.scr.score0"),
		"- " + c.Text("nl", "prof.scr.name.geweld") + ": " + c.Text("nl", "prof.scr.score2"),
		"- " + c.Text("nl", "prof.scr.name.doel_arbeid") + ": " + c.Text("nl", "prof.scr.score3"),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "\n- "); n != 16 {
		t.Errorf("summary has %d lines, want 16 (age and 15 categories):\n%s", n, text)
	}
	// Back to the last category, score it differently.
	r = e.Step(r.Session, flows.ChoiceInput(flows.DataBack), tuesday)
	r = e.Step(r.Session, flows.ChoiceInput("prof/scr-doel-crimineel/s2"), tuesday)
	if want := "- " + c.Text("nl", "prof.scr.name.doel_crimineel") + ": " + c.Text("nl", "prof.scr.score2"); !strings.Contains(r.Replies[0].Text, want) {
		t.Errorf("summary after a new answer lacks %q:\n%s", want, r.Replies[0].Text)
	}
	r = e.Step(r.Session, flows.TextInput("/taal en"), tuesday)
	if want := "- " + c.Text("en", "prof.scr.name.werving") + ": " + c.Text("en", "prof.scr.score1"); !strings.Contains(r.Replies[1].Text, want) {
		t.Errorf("English summary lacks %q:\n%s", want, r.Replies[1].Text)
	}
	// Before any answer, a report says so.
	s := r.Session
	s.Signals = nil
	r = e.Step(s, flows.TextInput("/help"), tuesday)
	if !strings.Contains(r.Replies[1].Text, ": "+c.Text("en", content.KeyReportNone)) {
		t.Errorf("summary without answers:\n%s\nwant %q", r.Replies[1].Text, c.Text("en", content.KeyReportNone))
	}
}

// TestScreeningBackForgetsFlags: going back forgets the act, means and
// purpose that the answers after that point recorded, so that answering
// again routes on the new answers only.
func TestScreeningBackForgetsFlags(t *testing.T) {
	e, _ := engine(t)
	r := run(t, e, tuesday, screen("child", all(2))...)
	if r.Session.State != "step-a" {
		t.Fatalf("first round = %s, want step-a", r.Session.State)
	}
	s := r.Session
	for i := 0; s.State != "scr-werving"; i++ {
		if i > flows.MaxBack {
			t.Fatalf("could not go back to the first category; at %s", s.State)
		}
		s = e.Step(s, flows.ChoiceInput(flows.DataBack), tuesday).Session
	}
	r = flows.Result{Session: s}
	for _, d := range screen("child", all(0))[7:] {
		r = e.Step(r.Session, flows.ChoiceInput(d), tuesday)
	}
	if r.Session.State != "step-d" {
		t.Errorf("after going back and scoring 0 = %s, want step-d", r.Session.State)
	}
}

// TestOpenNow: no referral says whether a contact is open now. The only
// opening hours in the seeds are the old practical guide's (CoMensha's
// helpdesk, 004:571-572), and hours from that guide are not shown as live
// facts (issue 11), so the labour ending reads the same at any hour, with
// WithOpenNow or without. flows.TestOpenNowEveryContact covers the
// mechanism on test content.
func TestOpenNow(t *testing.T) {
	e, c := engine(t)
	plain, err := flows.New(c)
	if err != nil {
		t.Fatal(err)
	}
	in := append(append([]string{}, toJong...), "jong/age/adult", "jong/topic/labour", "jong/labour/yes", "jong/labour-info/go", "jong/danger/no", "jong/home/no")
	for _, lang := range c.Langs {
		tue := run(t, e, tuesday, append([]string{"/taal " + lang}, in...)...).Replies[0].Text
		sat := run(t, e, saturday, append([]string{"/taal " + lang}, in...)...).Replies[0].Text
		bare := run(t, plain, tuesday, append([]string{"/taal " + lang}, in...)...).Replies[0].Text
		if tue != sat || tue != bare || strings.Contains(tue, c.Text(lang, content.KeyOpenNow)) || strings.Contains(tue, c.Text(lang, content.KeyClosedNow)) {
			t.Errorf("%s: the labour ending differs by the hour or says open/closed now:\n%q\n%q\n%q", lang, tue, sat, bare)
		}
		if !strings.Contains(tue, c.Card(lang, c.Contacts["comensha"])) {
			t.Errorf("%s: the labour ending lacks CoMensha: %q", lang, tue)
		}
	}
}

// TestSearchInConversation: /contact, /contacten and typed text answer
// with cards; the last reply carries the buttons of where the conversation
// is (after a disclosure: going on, and back to the question), and the
// conversation stays where it was.
func TestSearchInConversation(t *testing.T) {
	e, c := engine(t)
	q := run(t, e, tuesday, "start/welcome/ok")
	for _, in := range []string{"/contact keerpun", "/contacten", "/contact"} {
		r := e.Step(q.Session, flows.TextInput(in), tuesday)
		last := r.Replies[len(r.Replies)-1]
		if r.Session.State != "safe" || datas(last.Options) != datas(q.Replies[0].Options) {
			t.Errorf("%s: state %s, options %s; want safe and the question's options %s", in, r.Session.State, datas(last.Options), datas(q.Replies[0].Options))
		}
	}
	if r := e.Step(q.Session, flows.TextInput("/contact keerpun"), tuesday); !strings.Contains(r.Replies[0].Text, c.Contacts["keerpunt"].Chat) {
		t.Errorf("/contact keerpun = %q, want Keerpunt", r.Replies[0].Text)
	}
	// Typed text while a question waits is read as well.
	for _, end := range []flows.Result{q, run(t, e, tuesday, "start/welcome/ok", "start/safe/yes")} {
		r := e.Step(end.Session, flows.TextInput("loverboy"), tuesday)
		if !strings.Contains(r.Replies[0].Text, c.Contacts["fier"].Chat) || r.Session.State != end.Session.State {
			t.Errorf("loverboy at %s = %q at %s, want Chat met Fier and to stay", end.Session.State, r.Replies[0].Text, r.Session.State)
		}
		if got, want := datas(r.Replies[len(r.Replies)-1].Options), "!go:sexual/me/unknown !resume !sos !exit"; got != want {
			t.Errorf("options after loverboy at %s = %s, want %s", end.Session.State, got, want)
		}
	}
	// Before any conversation: the results and a way in.
	r := e.Step(flows.Session{}, flows.TextInput("/contact politie"), tuesday)
	if !strings.Contains(r.Replies[0].Text, "0900-8844") || datas(r.Replies[0].Options) != "!restart !sos !exit" {
		t.Errorf("/contact in a new conversation = %q %s", r.Replies[0].Text, datas(r.Replies[0].Options))
	}
}

func datas(opts []flows.Option) string {
	var d []string
	for _, o := range opts {
		d = append(d, o.Data)
	}
	return strings.Join(d, " ")
}

// TestAnswerContacts: an answer to a typed message names, for anonymous
// counts, exactly the contacts whose cards it shows, 112 first in danger.
func TestAnswerContacts(t *testing.T) {
	e, c := engine(t)
	for _, msg := range []string{"hij staat nu voor de deur en ik ben bang", "wat is het nummer van veilig thuis", "ik ben 16 en moet sekswerk doen"} {
		r := e.Step(flows.Session{}, flows.TextInput(msg), tuesday)
		if len(r.Contacts) == 0 {
			t.Errorf("Step(%q).Contacts is empty", msg)
			continue
		}
		text := ""
		for _, rep := range r.Replies {
			text += rep.Text
		}
		for _, id := range r.Contacts {
			if ct := c.Contacts[id]; ct == nil || !strings.Contains(text, ct.Name) {
				t.Errorf("Step(%q).Contacts names %q, whose card is not shown", msg, id)
			}
		}
	}
	if r := e.Step(flows.Session{}, flows.TextInput("hij staat nu voor de deur en ik ben bang"), tuesday); r.Contacts[0] != c.Emergency()[0] {
		t.Errorf("danger answer Contacts = %q, want %q first", r.Contacts, c.Emergency()[0])
	}
}

// TestProfAboutAnAdult: a professional who tells about a grown woman or a
// client of 20 gets the help for the form first, Veilig Thuis (for children and homes)
// after it; one in doubt what is going on gets Veilig Thuis first, the
// help for doubt, whatever the age.
func TestProfAboutAnAdult(t *testing.T) {
	e, _ := engine(t)
	for _, tc := range []struct{ text, first string }{
		{"huisarts hier. vrouw rond de 25 komt voor de derde keer voor een soa test, de man die meekomt heeft haar paspoort", "fier"},
		{"ER nurse. woman came in with a man's name tattooed on her neck, the man with her answered every question", "fier"},
		{"Verpleegkundige SEH. Vrouw dit jaar al voor de derde keer binnen met een soa, steeds een andere \"neef\" erbij die het woord voert. Ik twijfel of ik hier iets mee moet.", "veilig-thuis"},
		{"reclasseringswerker. cliënt van 20 moet wiet knippen op een zolder om een schuld af te lossen", "keerpunt"},
		// The age of someone young, or none: Veilig Thuis first.
		{"huisarts hier. meisje van 16 komt voor de derde keer voor een soa test, de man die meekomt heeft haar paspoort", "veilig-thuis"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			r := e.Step(flows.Session{}, flows.TextInput(tc.text), tuesday)
			if len(r.Contacts) == 0 || r.Contacts[0] != tc.first {
				t.Errorf("Step(%q).Contacts = %q, want %s first", tc.text, r.Contacts, tc.first)
			}
		})
	}
}

// TestNamedInAStory: a contact named in what someone tells, without a
// question, is told of and not asked for: a card not meant for the person
// is not shown for it. A question, or a contact meant for them, still is.
func TestNamedInAStory(t *testing.T) {
	e, _ := engine(t)
	for _, tc := range []struct {
		name, text string
		first      string // the first contact shown
		shown      bool   // whether the named contact is shown at all
		named      string
	}{
		{"threat of the IND", "mijn baas zegt dat hij de ind belt als ik klaag", "arbeidsinspectie", false, "ind"},
		{"threat of the IND, a sister", "mijn zus krijgt al maanden geen loon en de baas dreigt haar bij de ind aan te geven", "arbeidsinspectie", false, "ind"},
		{"a threat of the police", "de baas maakt foto's van onze paspoorten en zegt dat hij ze naar de politie stuurt als we klagen. we plukken aardbeien bij venlo", "arbeidsinspectie", false, "politie"},
		{"asked for by name", "wat is het nummer van de ind", "ind", true, "ind"},
		{"shelter asked for, a story's keyword beside it", "ik zoek opvang voor een vrouw die uit de prostitutie is gestapt, wie coördineert dat landelijk?", "comensha", true, "comensha"},
		{"a question in the story", "wie is de zorgcoordinator mensenhandel in regio twente? heb 1 min tussen 2 afspraken", "zorgcoordinator", true, "zorgcoordinator"},
		// Named besides what a question is about: asked for first.
		{"the meldcode, and the one it says to report to", "stap 5 van de meldcode zegt melden bij de zorgcoördinator, waar vind ik de contactgegevens per provincie?", "zorgcoordinator", true, "zorgcoordinator"},
		{"what a question is about", "wat zijn de stappen van de meldcode", "veilig-thuis", true, "meldcode"},
		// Among a question's own contacts, the one the contact model is
		// sure it asks for comes first.
		{"step 5 of the meldcode, asked by a professional", "wijkverpleegkundige hier, stap 5 van de meldcode: bij wie meld ik een vermoeden van mensenhandel in mijn regio?", "zorgcoordinator", true, "meldcode"},
		// Only the meldcode's own words say who asks: a professional, to
		// whom the care coordinator may be shown.
		{"the steps of the meldcode and whom the report reaches", "welke stappen van de meldcode moet ik doorlopen bij een vermoeden van mensenhandel en bij wie komt de melding uiteindelijk terecht?", "zorgcoordinator", true, "meldcode"},
		// Asked who, besides a name said along the way: the one asked
		// for first, the name after it.
		{"asked who, the meldcode said along the way", "ik zit in stap 2 van de meldcode en twijfel of het huiselijk geweld is of uitbuiting, met wie kan ik daarover overleggen", "veilig-thuis", true, "meldcode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.Step(flows.Session{}, flows.TextInput(tc.text), tuesday)
			if len(r.Contacts) == 0 || r.Contacts[0] != tc.first {
				t.Errorf("Step(%q).Contacts = %q, want %s first", tc.text, r.Contacts, tc.first)
			}
			if got := slices.Contains(r.Contacts, tc.named); got != tc.shown {
				t.Errorf("Step(%q).Contacts = %q: %s shown %v, want %v", tc.text, r.Contacts, tc.named, got, tc.shown)
			}
		})
	}
}

// TestLanguageAskedAnswered: a request for a language is not what a
// message is about. Alone it switches, beside a question the question is
// answered in it, and beside a cry for help 112 comes first in it; in a
// story ("een meisje roept in het engels") it changes nothing of danger.
func TestLanguageAskedAnswered(t *testing.T) {
	e, _ := engine(t)
	for _, tc := range []struct {
		name, text string
		lang       string // the language the conversation goes on in
		first      string // the first contact shown, or "" for none
	}{
		{"not speaking Dutch well, in English", "can we do this in english? my dutch is not so good", "en", ""},
		{"a contact named beside the request", "nummer van fier in het engels", "en", "fier"},
		{"a cry for help, in English", "help in english", "en", "alarm112"},
		{"English heard in a story of danger", "bij de buren wordt keihard geschreeuwd en een meisje roept in het engels dat ze weg wil, echt nu op dit moment", "nl", "alarm112"},
		{"not speaking Dutch at all", "spreek geen nederlands", "en", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.Step(flows.Session{}, flows.TextInput(tc.text), tuesday)
			if r.Session.Lang != tc.lang {
				t.Errorf("Step(%q).Session.Lang = %q, want %q", tc.text, r.Session.Lang, tc.lang)
			}
			first := ""
			if len(r.Contacts) > 0 {
				first = r.Contacts[0]
			}
			if first != tc.first {
				t.Errorf("Step(%q).Contacts = %q, want %q first", tc.text, r.Contacts, tc.first)
			}
		})
	}
}

// TestAskedWhom: the contact the contact model is sure of comes before a
// question's own order only when the question asks who or where. A
// teacher who asks for the steps of the meldcode gets them with Veilig
// Thuis first, as the meldcode's order has it; asked whom to report to at
// the end, the care coordinator.
func TestAskedWhom(t *testing.T) {
	e, _ := engine(t)
	// A teacher's story, then on to the menu for professionals.
	r := e.Step(flows.Session{Lang: "en"}, flows.TextInput("im a teacher and a pupil of 14 has a loverboy"), tuesday)
	opts := r.Replies[len(r.Replies)-1].Options
	if len(opts) == 0 {
		t.Fatal("no way on after a teacher's story")
	}
	teacher := e.Step(r.Session, flows.ChoiceInput(opts[0].Data), tuesday).Session
	for _, tc := range []struct{ text, first string }{
		{"what are the steps of the meldcode", "veilig-thuis"},
		{"gp here. what are the meldcode steps if i suspect trafficking and who do i report to at the end", "zorgcoordinator"},
		// Asked where, without a question mark: the contact asked for.
		{"where can my student get advice, someone is threatening to share her nudes online", "helpwanted"},
		{"gp in utrecht. what are the meldcode steps for suspected trafficking, and who's the regional care coordinator i should report to?", "zorgcoordinator"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			r := e.Step(teacher, flows.TextInput(tc.text), tuesday)
			if len(r.Contacts) == 0 || r.Contacts[0] != tc.first {
				t.Errorf("Step(%q).Contacts = %q, want %s first", tc.text, r.Contacts, tc.first)
			}
		})
	}
}

// TestFearAtHome: a fear of what happens at home if someone tells, or of
// being taken from home, gets its own answer, with Veilig Thuis to talk it
// through and the anonymous chat beside it; a threat to a family abroad
// gets the help that thinks along with any form of exploitation. A fear of
// being sent away for work without papers gets the right to a residence
// permit and CoMensha's advice, not the inspectorate first.
func TestFearAtHome(t *testing.T) {
	e, c := engine(t)
	for _, tc := range []struct {
		name, lang, text string
		key              string // the text the answer starts with
		first            string
	}{
		{"taken from home", "nl", "als ik vertel wat mn vader doet haalt jeugdzorg me dan weg? dan heb ik helemaal niemand meer", "understand.fear.home", "veilig-thuis"},
		{"foster care, in English", "en", "if i report my dad will they take me away from my mum and my little brothers? im scared we all end up in foster care", "understand.fear.home", "veilig-thuis"},
		{"a family abroad", "en", "if they find out i talked to anyone they will hurt my family back home, they always know everything", content.KeyFear, "keerpunt"},
		{"sent to grandparents abroad by a father", "en", "my dad gets drunk and throws stuff at me and my mum. he said if i tell anyone at school he'll send me back to my grandparents abroad", "understand.fear.home", "veilig-thuis"},
		{"what befell a boy who talked", "nl", "durf niks te zeggen, een jongen die wel had gepraat is in elkaar geslagen. ze hebben overal mensen", content.KeyFear, "keerpunt"},
		{"a sister fetched if one talks", "nl", "hij zegt dat als ik ooit met iemand praat hij mn zusje komt halen. ik durf gewoon niks te zeggen", content.KeyFear, "fier"},
		{"a mother abroad threatened", "en", "they know where my mum lives in Lagos. if I speak to anyone they said they will hurt her", content.KeyFear, "keerpunt"},
		{"sent back to a country", "en", "if i talk to someone will they send me back to nigeria? my madam says police here are the same as at home", content.KeyFear, "keerpunt"},
		{"sent away for work", "nl", "ik heb geen papieren. als ik klaag over mn baas zet de politie mij dan gewoon het land uit?", "understand.fear.labour", "comensha"},
		{"sent away for work, in English", "en", "if i report my boss will they check my visa? i overstayed and honestly im more scared of deportation than of him", "understand.fear.labour", "comensha"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.Step(flows.Session{}, flows.TextInput(tc.text), tuesday)
			if len(r.Replies) == 0 || !strings.HasPrefix(r.Replies[0].Text, c.Text(tc.lang, tc.key)) {
				t.Errorf("Step(%q) does not start with %s: %+v", tc.text, tc.key, r.Replies)
			}
			if len(r.Contacts) == 0 || r.Contacts[0] != tc.first {
				t.Errorf("Step(%q).Contacts = %q, want %s first", tc.text, r.Contacts, tc.first)
			}
		})
	}
}

// TestNoRepeatedReassurance: on a young person's path through a topic, the
// bot does not say "Het is niet jouw schuld" more than once, which reads
// as not listening, nor thank someone for telling who answered "not sure".
func TestNoRepeatedReassurance(t *testing.T) {
	e, _ := engine(t)
	for _, topic := range []string{"sexual", "criminal", "labour"} {
		for _, answer := range []string{"yes", "unsure"} {
			t.Run(topic+"/"+answer, func(t *testing.T) {
				path := []string{"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/me", "jong/intro/go", "jong/age/under18",
					"jong/topic/" + topic, "jong/" + topic + "/" + answer, "jong/" + topic + "-info/go", "jong/danger/no", "jong/home/no"}
				r := e.Step(flows.Session{}, flows.TextInput("/start"), tuesday)
				var said strings.Builder
				for _, data := range path {
					r = e.Step(r.Session, flows.ChoiceInput(data), tuesday)
					if r.Refused {
						t.Fatalf("%s was refused at %s/%s", data, r.Session.Flow, r.Session.State)
					}
					for _, rep := range r.Replies {
						said.WriteString(rep.Text + "\n")
					}
				}
				if n := strings.Count(said.String(), "Het is niet jouw schuld"); n > 1 {
					t.Errorf("'Het is niet jouw schuld' said %d times on one path, want at most once", n)
				}
				if answer == "unsure" && strings.Contains(said.String(), "Goed dat je dit vertelt") {
					t.Errorf("'Goed dat je dit vertelt' after 'Weet ik niet'")
				}
			})
		}
	}
}
