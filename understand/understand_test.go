package understand_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"signaal/content"
	"signaal/flows"
	"signaal/understand"
)

// row is one line of testdata/messages.txt.
type row struct {
	line           int
	where, want    string
	kind, wantID   string // want split: "danger", "tell", "ask", "chat"; a contact id
	message, input string // input is what is sent: the message, or "/contact " and it
}

func readTable(t testing.TB) []row { return readRows(t, "messages.txt") }

// readRows reads a table of messages in testdata: lines of
// where | want | message, and comments.
func readRows(t testing.TB, name string) []row {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var rows []row
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.SplitN(line, " | ", 3)
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want where | want | message", name, i+1)
		}
		r := row{line: i + 1, where: strings.TrimSpace(parts[0]), want: strings.TrimSpace(parts[1]), message: parts[2], input: parts[2]}
		r.kind, r.wantID, _ = strings.Cut(r.want, ":")
		if r.where == "contact" {
			r.input = "/contact " + r.message
		}
		rows = append(rows, r)
	}
	return rows
}

// places are the places in a conversation the table's messages arrive at,
// as the options pressed to get there.
var places = map[string][]string{
	"first":     nil,
	"start":     {"start/welcome/ok"},
	"contact":   {"start/welcome/ok"},
	"jong":      append(append([]string{}, toJong...), "jong/age/skip"),
	"jong-end":  append(append([]string{}, toJong...), "jong/age/skip", "jong/topic/unsure", "jong/unsure/yes", "jong/unsure-info/go", "jong/danger/no", "jong/home/no"),
	"omstander": {"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/other", "omstander/intro/go"},
	"prof":      {"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/prof"},
	"prof-end":  {"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/prof", "prof/menu/where"},
}

// sessionAt returns the session at a place.
func sessionAt(t *testing.T, e *flows.Engine, where string) flows.Session {
	t.Helper()
	presses, ok := places[where]
	if !ok {
		t.Fatalf("unknown place %q", where)
	}
	if presses == nil {
		return flows.Session{}
	}
	return run(t, e, tuesday, presses...).Session
}

// shown returns the ids of the contacts a text shows, in order: a card
// starts with a line that is the contact's name, a brief with the name and
// a colon.
func shown(c *content.Content, text string) []string {
	var ids []string
	for _, line := range strings.Split(text, "\n") {
		for _, id := range c.ContactOrder {
			name := c.Contacts[id].Name
			if line == name || strings.HasPrefix(line, name+": ") {
				ids = append(ids, id)
				break
			}
		}
	}
	return ids
}

// named reports whether a message asks for a contact by name: its id, or
// its name up to a bracket, stands in the message.
func named(ct *content.Contact, message string) bool {
	m := strings.ToLower(message)
	name, _, _ := strings.Cut(ct.Name, "(")
	return strings.Contains(m, strings.ReplaceAll(ct.ID, "-", " ")) || strings.Contains(m, ct.ID) ||
		strings.Contains(m, strings.ToLower(strings.TrimSpace(name)))
}

// judge says what is wrong with the answer to a row, or "".
func judge(c *content.Content, r row, res flows.Result) string {
	if len(res.Replies) == 0 {
		return "no reply"
	}
	answer := res.Replies[0]
	ids := shown(c, answer.Text)
	last := res.Replies[len(res.Replies)-1]
	if !hasOption(last.Options, flows.DataSOS) || !hasOption(last.Options, flows.DataExit) {
		return "the last reply lacks the emergency option or the quick exit"
	}
	danger := len(ids) > 0 && ids[0] == "alarm112"
	first := ""
	if len(ids) > 0 {
		first = ids[0]
	}
	switch r.kind {
	case "danger":
		if !danger {
			return "first contact " + first + ", want 112"
		}
		if msg := emergencyFirst(c, answer.Text); msg != "" {
			return msg
		}
		if r.wantID != "" && (len(ids) < 2 || ids[1] != r.wantID) {
			return "contacts " + strings.Join(ids, ",") + ", want " + r.wantID + " right after 112"
		}
	case "tell", "ask":
		if danger {
			return "answered as danger"
		}
		if first != r.wantID {
			return "first contact " + first + " (all: " + strings.Join(ids, ",") + "), want " + r.wantID
		}
		if r.kind == "tell" && !hasPrefix(answer.Options, flows.DataGoPrefix) && !hasOption(answer.Options, flows.DataResume) {
			return "a disclosure without a way to go on"
		}
	case "chat":
		if len(ids) > 0 {
			return "contacts " + strings.Join(ids, ",") + " in an answer to small talk"
		}
	default:
		return "unknown want " + r.want
	}
	return ""
}

// emergencyFirst says what is wrong when 112 is not named in the text
// before any other number.
func emergencyFirst(c *content.Content, text string) string {
	i := strings.Index(text, "112")
	if i < 0 {
		return "no 112 in the text"
	}
	for _, id := range c.ContactOrder {
		if p := c.Contacts[id].Phone; p != "" && p != "112" {
			if j := strings.Index(text, p); j >= 0 && j < i {
				return "the text names " + p + " before 112"
			}
		}
	}
	return ""
}

func hasOption(opts []flows.Option, data string) bool {
	for _, o := range opts {
		if o.Data == data {
			return true
		}
	}
	return false
}

func hasPrefix(opts []flows.Option, prefix string) bool {
	for _, o := range opts {
		if strings.HasPrefix(o.Data, prefix) {
			return true
		}
	}
	return false
}

// TestUnderstandTable sends every message of testdata/messages.txt, where
// the table says it arrives, through the engine with the shipped content,
// and checks the help that must come first. At least 95% must be right,
// every danger message must put 112 first, and no young person may be
// shown a contact that is not for young people (unless they asked for it
// by name): every message is also sent at the end of the young people's
// flow, and at the end of the professionals' flow.
func TestUnderstandTable(t *testing.T) {
	e, c := engine(t)
	rows := readTable(t)
	if len(rows) < 200 {
		t.Errorf("the table has %d messages, want at least 200", len(rows))
	}
	start := map[string]flows.Session{}
	for where := range places {
		start[where] = sessionAt(t, e, where)
	}
	var right, dangers, dangersRight, violations int
	langs := map[string]int{}
	for _, r := range rows {
		res := e.Step(start[r.where], flows.TextInput(r.input), tuesday)
		langs[res.Session.Lang]++
		if msg := judge(c, r, res); msg != "" {
			t.Errorf("messages.txt:%d: %s %q = %s", r.line, r.where, r.message, msg)
		} else {
			right++
			if r.kind == "danger" {
				dangersRight++
			}
		}
		if r.kind == "danger" {
			dangers++
		}
		// Both audiences: a young person sees only contacts for young
		// people; a professional may see any.
		for _, where := range []string{"jong-end", "prof-end"} {
			res := e.Step(start[where], flows.TextInput(r.message), tuesday)
			if len(res.Replies) == 0 {
				t.Errorf("messages.txt:%d: no reply at %s", r.line, where)
				continue
			}
			if where != "jong-end" {
				continue
			}
			for _, rep := range res.Replies {
				for _, id := range shown(c, rep.Text) {
					if ct := c.Contacts[id]; !ct.For("jongeren") && !named(ct, r.message) {
						violations++
						t.Errorf("messages.txt:%d: %q shows %s (for %s) to a young person", r.line, r.message, id, strings.Join(ct.Audience, ", "))
					}
				}
			}
		}
	}
	share := float64(right) / float64(len(rows))
	t.Logf("%d messages: %d right (%.1f%%); danger %d of %d (%.1f%%); %d contacts shown to a young person that are not for them; answered in %v",
		len(rows), right, 100*share, dangersRight, dangers, 100*float64(dangersRight)/float64(max(dangers, 1)), violations, langs)
	if share < 0.95 {
		t.Errorf("%.1f%% right, want at least 95%%", 100*share)
	}
	if dangersRight != dangers {
		t.Errorf("danger: %d of %d right, want all", dangersRight, dangers)
	}
}

// TestTableIsNotExamples: the table and the held-out rounds test how the
// bot reads messages it has not seen, so none of their messages is an
// example of understand.yaml.
func TestTableIsNotExamples(t *testing.T) {
	c, u := loaded(t)
	examples := map[string]string{}
	for _, in := range u.Intents {
		for _, e := range in.Examples.All(c.Langs) {
			examples[strings.Join(understand.Tokens(e), " ")] = in.ID
		}
	}
	files := []string{"messages.txt", "unseen.txt"}
	for _, round := range heldOutRounds {
		files = append(files, round.file)
	}
	for _, file := range files {
		for _, r := range readRows(t, file) {
			if id, ok := examples[strings.Join(understand.Tokens(r.message), " ")]; ok && len(understand.Tokens(r.message)) > 2 {
				t.Errorf("%s:%d: %q is an example of intent %s", file, r.line, r.message, id)
			}
		}
	}
}

// TestUnderstand checks what a message is read as, part by part: danger
// rules and their exceptions, who it is about, an age, at home, and
// contacts named.
func TestUnderstand(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct {
		text   string
		intent string // "" for none, "*" for any (what a fear is about)
		danger bool
		who    string
		age    understand.Age
		home   bool
		named  string
		fear   bool
	}{
		{text: "ik ben bang", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik ben bang dat mijn vriendin een loverboy heeft", intent: "sexual", who: understand.WhoOther},
		{text: "ik ben niet bang", intent: ""},
		{text: "dank je", intent: "thanks"},
		{text: "ik word bedreigd", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik word bedreigd met naaktfotos", intent: "online", who: understand.WhoMe},
		{text: "help", intent: "danger", danger: true},
		{text: "help wanted", intent: "question", named: "helpwanted"},
		{text: "ik wil hulp voor een leerling", intent: "question", who: understand.WhoProf},
		{text: "mn pooier komt eraan en hij is boos", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik ben 15 en moet sekswerk doen", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "im 19 and my boss keeps my passport", intent: "labour", who: understand.WhoMe, age: understand.AgeAdult},
		{text: "mijn zusje van 13 moet drugs verkopen", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mijn vriendin is minderjarig en wordt gechanteerd", intent: "online", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mijn vader laat me dingen doen die ik niet wil", intent: "home", who: understand.WhoMe, home: true},
		{text: "wat is het nummer van veilig thuis", intent: "question", named: "veilig-thuis"},
		{text: "ik werk 14 uur per dag zonder loon", intent: "labour", who: understand.WhoMe},
		// Signs of danger: a firm kind is enough, an everyday word or an
		// exception takes it away, a weak kind needs a second or a
		// message that tells nothing else.
		{text: "mijn pooier staat voor de deur", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik ben bang voor mijn pooier", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik ben bang voor spinnen", intent: ""},
		{text: "ik was bang dat ik te laat was", intent: ""},
		{text: "mn moeder komt me halen van training", intent: "", who: understand.WhoMe, home: true},
		{text: "hij heeft een mes", intent: "danger", danger: true},
		{text: "kan niet weg", intent: "danger", danger: true},
		{text: "they wont let me leave the flat", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "my loverboy wont let me go", intent: "sexual", who: understand.WhoMe},
		{text: "mijn dochter is niet thuisgekomen en neemt niet op", intent: "danger", danger: true, who: understand.WhoOther},
		// Any determiner for another, the verb at the end, an emoji.
		{text: "die gast staat voor mn raam", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik denk dat hij onderweg is", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "😰", intent: "danger", danger: true},
		{text: "mn ma slaat me", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// Objects stand for each other: danger to someone else is danger;
		// a word of two classes in a rule stands for an object only.
		{text: "ze laten haar niet gaan", intent: "danger", danger: true},
		{text: "the men at the party wont let her leave", intent: "danger", danger: true},
		{text: "au pair hier, ik werk 60 uur per week en ze houden mn zakgeld in", intent: "labour", who: understand.WhoMe},
		// A threat to family with a time, and what happens every day.
		{text: "als ik vandaag niet betaal haalt hij mn zusje op van school, over een uur", intent: "danger", danger: true},
		{text: "ze wordt elke dag na school opgehaald door een oudere man", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		// A fear of the police at the door is no one at the door now,
		// nor a question for a contact: the fear has its own answer.
		{text: "ik wil niet dat er politie bij ons aan de deur komt", intent: "", fear: true, who: understand.WhoMe},
		// Fear of what reporting brings, and a threat to go to the
		// police: a fear, not a question for the police.
		{text: "als ik aangifte doe kijken ze dan ook naar wat ik zelf gedaan heb", intent: "question", fear: true, who: understand.WhoMe},
		{text: "hij zegt dat ik door moet gaan anders gaat hij naar de politie", intent: "online", fear: true, who: understand.WhoMe},
		// Their threat to report someone to the police is a fear, not
		// danger now.
		{text: "zit er al te diep in, als ik stop zeggen ze dat ze me verlinken bij de politie", intent: "*", fear: true, who: understand.WhoMe},
		{text: "hij zegt dat hij me verlinkt bij de politie", intent: "*", fear: true, who: understand.WhoMe},
		// Harm if the person talks is that fear, however it is ordered.
		{text: "als zij erachter komen dat ik met iemand praat pakken ze mn kleine broertje", intent: "*", fear: true, who: understand.WhoOther},
		// A threat for tonight, with who is next: danger.
		{text: "vannacht moet ik naar een adres om iemand een lesje te leren zeggen ze, en als ik niet ga zijn mn ouders de volgende", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// Someone watching the home now; last year is who he is, not when.
		{text: "someone has been standing at the bus stop watching my flat for an hour. its the same man who took my sister last year", intent: "danger", danger: true, who: understand.WhoOther},
		// An ultimatum with a time is danger, whatever fear of them is
		// told beside it; without the time, or with "iemand anders" as
		// the "anders", the fear stays a fear.
		{text: "they said if im not at the car in 15 min they'll hurt my mum. i'm not going but they know where we live", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "if they find out i talked they'll hurt my mum", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "politie vertrouw ik echt niet meer na vorig jaar. is er iemand anders om mee te praten zonder dat het meteen een zaak wordt", intent: "*", fear: true, who: understand.WhoMe},
		{text: "i dont trust cops man, last time they just took me in and the guys said snitches end up in the canal", intent: "*", fear: true, who: understand.WhoMe},
		// A girl pulled away now is danger, told by a nurse too.
		{text: "Night nurse here. The man who brought in a girl (looks about 15) with injuries is now pulling her towards the exit against medical advice. She looks terrified.", intent: "danger", danger: true, who: understand.WhoProf},
		// "ergens op slaat" makes sense; it hits no one.
		{text: "idk of dit ergens op slaat maar mn nichtje van 14 zit op een site waar ze praat met mannen voor geld", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		// What happens to someone else again and again is a story, unless
		// the message says when or what else.
		{text: "zus (23) moet van haar vriend elke dag in winkels gaan stelen en als ze te weinig meeneemt slaat ie haar", intent: "criminal", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "mijn neefje van 13 wordt steeds door oudere jongens meegenomen naar het station, ze geven hem elke keer 50 euro", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mijn zus moet elke dag stelen en als ze niks meeneemt slaat hij haar, nu staat hij bij haar voor de deur", intent: "danger", danger: true, who: understand.WhoOther},
		// A fear of youth care taking siblings away; the words of the fear
		// leave a gap, so "komt jeugdzorg en halen" is no "komt halen".
		{text: "als ik dit zeg komt jeugdzorg en halen ze mn broertjes weg, dat wil ik niet", intent: "*", fear: true, who: understand.WhoMe},
		// Any "nu" says when beside what happens again and again.
		{text: "buurvrouw gilt en er wordt met spullen gegooid, die meisjes die daar wonen mogen nooit naar buiten en nu is het echt mis", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "nurse on a ward here, the patient's so called cousin refuses to leave and is threatening staff right now", intent: "danger", danger: true, who: understand.WhoProf},
		// A message that is one keyword asks what the keyword is about.
		{text: "is dit anoniem?", intent: "bot"},
		{text: "is this anonymous?", intent: "bot"},
		{text: "are you a human or ai", intent: "bot"},
		{text: "is dit anoniem? zien jullie mijn nummer?", intent: "bot"},
		{text: "is dit anoniem? kan iemand zien wat ik hier typ", intent: "bot"},
		{text: "is dit anoniem? kan iemand mijn naam of nummer zien", intent: "bot"},
		{text: "blijft dit anoniem? zien jullie mn nummer?", intent: "bot"},
		{text: "is dit echt anoniem? kunnen jullie mn nummer zien?", intent: "bot"},
		{text: "is dit gesprek anoniem? ziet iemand mijn nummer?", intent: "bot"},
		{text: "is dit anoniem of kunnen jullie mn nummer zien", intent: "bot"},
		// What they would do if the person talked is the fear of them.
		{text: "ik weet niet eens of dit uitbuiting heet maar ik ben bang dat ze me vinden als ik iets zeg, ze hebben overal mensen", intent: "*", fear: true, who: understand.WhoMe},
		{text: "they said snitches get stabbed. i want out but if they find out i talked to anyone im done", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ik heb geen papieren. als ik klaag over mijn baas dan sturen ze mij terug toch? politie is niet goed voor mensen zoals ik", intent: "*", fear: true, who: understand.WhoMe},
		{text: "als ik praat weten ze waar mn zusje op school zit, dat hebben ze letterlijk gezegd. dus ik zeg liever niks", intent: "*", fear: true, who: understand.WhoOther},
		// A young woman is an adult: the help for the topic before Veilig
		// Thuis, for the nurse too.
		{text: "verpleegkundige op de poli. jonge vrouw komt voor haar derde abortus dit jaar, steeds met dezelfde man die overal antwoord op geeft", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		// Someone who texted "they are here" and does not pick up now.
		{text: "my sister texted \"they r here\" and now she doesnt pick up. she lives with that guy who controls everything she does", intent: "danger", danger: true, who: understand.WhoOther},
		// Teaching material asked for: "zijn er ... over" is no one coming over.
		{text: "Zijn er lespakketten over uitbuiting voor de onderbouw van de middelbare school? Ik wil het onderwerp in mijn mentoruur bespreken.", intent: "question", who: understand.WhoProf},
		// What they would do if the person turned out to be right is a fear.
		{text: "Stel dat ik het verkeerd zie en ik beschuldig mijn eigen zwager, dan ben ik mijn hele familie kwijt. En als ik gelijk heb komen ze achter mij aan.", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Shame about telling the police, traitors shot, the police
		// reading along: fears, without the Police card.
		{text: "wat gebeurt er als ik aangifte doe, moet ik dan alles aan een agent vertellen? ik schaam me echt kapot", intent: "*", fear: true, who: understand.WhoMe},
		{text: "schaam me dood en ben bang dat mn ouders het horen als ik aangifte doe. blijft zoiets geheim of niet", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "mn neef zegt dat verraders een kogel krijgen. ik wil eruit maar durf niks te zeggen tegen niemand", intent: "*", fear: true, who: understand.WhoOther},
		{text: "ziet de politie wat ik hier typ?", intent: "*", fear: true, who: understand.WhoMe},
		{text: "als hij erachter komt dat ik dit typ weet ik niet wat ie doet. wordt dit ergens opgeslagen?", intent: "*", fear: true, who: understand.WhoMe},
		// Parents who "would actually kill me" and an agency's blacklist are
		// fears; a threat said to be for tonight is danger.
		{text: "if i report him will my parents find out what i did? they would actually kill me", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "im scared if i tell anyone the agency blacklists me and then i cant send money home anymore", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "he said he would kill me tonight", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "mn broer zit er helemaal in vast maar als hij praat pakken ze onze familie. hij zegt dat ze iemand bij de politie kennen", intent: "*", fear: true, who: understand.WhoOther, home: true},
		{text: "mn moeder mag hier niks van weten en de politie ook niet, dan ben ik een verklikker en dan kan ik nergens meer in de wijk komen", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Youth care or foster care feared: "als jeugdzorg komt, halen ze"
		// is no one coming to fetch the person now.
		{text: "mijn moeder mag dit echt nooit weten en als jeugdzorg komt halen ze mn broertjes weg, dat wil ik niet", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "if i report my dad will they take me away from my mum and my little brothers? im scared we all end up in foster care", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "they want to take me away from here right now, they are in the car outside", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "im so scared, they want to take me away to another city right now", intent: "danger", danger: true, who: understand.WhoMe},
		// Asking the bot for help is no cry for help; beside harm now it is.
		{text: "hey can u help me, my boss took my passport", intent: "labour", who: understand.WhoMe},
		{text: "can you help me he is hitting me right now", intent: "danger", danger: true, who: understand.WhoMe},
		// Wanting out of where one is, with a cry for help after it.
		{text: "ik wil hier weg, help", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "i want to get out of here, help", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "if i tell the police will they deport me? i overstayed my visa", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ze weten op welke school mn zusje zit. als ik ooit praat gaan ze naar haar toe, dat zeggen ze elke keer", intent: "*", fear: true, who: understand.WhoOther},
		// Not knowing whether it is abuse, asking whom to call: a question.
		{text: "wat is het nummer van veilig thuis? ik wil overleggen over een gezin uit mijn klas, weet niet of het mishandeling is of meer", intent: "question", who: understand.WhoOther, named: "veilig-thuis"},
		{text: "someone is trying to open my window right now", intent: "danger", danger: true},
		// "learn a lesson" is a threat, not school.
		{text: "they are driving me to some house to pay back what i owe them, they said tonight i learn a lesson", intent: "danger", danger: true, who: understand.WhoMe},
		// Being in class is where, not school life that explains a sign away.
		{text: "ik zit in de klas en hij stuurt dat hij me na school komt halen", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		// Which number to call is a question, not a call for help.
		{text: "what number do i call for the police if its not an emergency", intent: "question", who: understand.WhoMe},
		// What they threaten to do to someone close if the person talks
		// is the fear of them finding out.
		{text: "als ze erachter komen dat ik met iemand praat zoeken ze mn broertje op. ze weten alles echt alles", intent: "*", fear: true, who: understand.WhoOther},
		{text: "the cops already know me from before, theyll just think im one of them", intent: "*", fear: true, who: understand.WhoMe},
		// A professional's words for a child's home, and a threat to
		// share pictures: not danger now.
		{text: "teacher here, who do i contact about a possibly unsafe home situation of a student", intent: "question", who: understand.WhoProf, home: true},
		{text: "im 16, a man on insta says he will post my pics unless i send more 😭", intent: "online", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "hij laat me spullen jatten en als ik met lege handen kom krijg ik klappen", intent: "criminal", who: understand.WhoMe},
		// Going up to a room with a man, now: danger.
		{text: "night manager at a hotel. a man booked one room and 3 young girls went up with him, one looked about 13. theyre in there now", intent: "danger", danger: true},
		// What happens to someone else whenever they fall short is how
		// it goes, not danger now.
		{text: "mijn vriendin van 13 zegt dat haar vader haar slaat als ze niet genoeg geld mee naar huis neemt van het oppassen bij zijn kennissen", intent: "*", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "jongen uit mn klas moet van oudere gasten wiet verkopen en als hij te weinig verkoopt krijgt hij klappen. hij zegt dat hij er niet meer uit kan", intent: "criminal", who: understand.WhoOther},
		// A long story of home with no sign of now is the story of home;
		// beside a sign of now it is danger.
		{text: "mn stiefvader slaat mn moeder en als ik er wat van zeg krijg ik het ook. ben 13 en wil gewoon weg", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "mn stiefvader slaat mn moeder en als ik er wat van zeg krijg ik het ook. ben 13 en hij is nu weer bezig", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Held at a party: danger now.
		{text: "im 16 and im at a party and the older guys say i cant leave until ive been with their friend", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		// Afraid of Veilig Thuis coming, or that talking is no use as
		// they know people in the police: fears, not danger.
		{text: "als veilig thuis komt dan halen ze mij en mn zusje weg bij mn moeder, dat wil ik echt niet", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ze zeggen dat ze altijd weten wie er praat, dat ze iemand bij de politie kennen. dus wat heeft het voor zin", intent: "*", fear: true},
		{text: "i cant tell anyone, they said they have people everywhere, even in the police", intent: "*", fear: true, who: understand.WhoMe},
		// Whether the bot is the police: a question about the bot.
		{text: "are you the police?", intent: "bot"},
		{text: "ben jij de politie", intent: "bot"},
		// A neighbour's child: what happens at home, told by someone else.
		{text: "the kid next door is always alone, really skinny and has marks on his legs, his parents scream all night", intent: "home", who: understand.WhoOther},
		// Afraid they take someone for a snitch: a fear.
		{text: "mijn zoon wil niks zeggen, hij is doodsbang dat ze hem een snitch vinden en hem dan komen halen", intent: "*", fear: true, who: understand.WhoOther},
		{text: "ze gaan hem dan komen halen vannacht", intent: "danger", danger: true},
		// Home, where it always happens, and never enough: a story of
		// home; hiding from it now is danger.
		{text: "thuis slaat mn stiefvader me als ik niet genoeg geld meeneem van mn bijbaan, hij pakt alles af en ik mag niks houden", intent: "home", who: understand.WhoMe, home: true},
		{text: "mijn stiefvader slaat me thuis en ik zit nu in de badkamer, ik durf er niet uit, mn moeder is weg", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "als ik vanavond niet genoeg verdien slaat hij me", intent: "danger", danger: true, who: understand.WhoMe},
		// Following the meldcode is no one following; a youth
		// institution's worker is a professional.
		{text: "I'm a school counsellor. Following the meldcode, who do I report a suspected trafficking case to in step 5?", intent: "meldcode", who: understand.WhoProf},
		{text: "meldcode stap 5: bij wie leg ik de melding mensenhandel neer als het om een jongere in onze instelling gaat? we zitten in brabant", intent: "*", who: understand.WhoProf},
		{text: "someone is following my little brother right now", intent: "danger", danger: true, who: understand.WhoOther},
		// Someone comes in, or is back: the discreet answer.
		{text: "wacht ff hij komt de kamer in", intent: "danger", danger: true},
		{text: "is dit gesprek te traceren? ze zeggen dat ze mensen bij de politie hebben", intent: "*", fear: true},
		// A girl pulled into a hotel room now: danger.
		{text: "night receptionist here. a guest just pulled a girl who looks about 14 into room 212, she was crying and he paid cash", intent: "danger", danger: true, who: understand.WhoProf},
		// Every day after school is when a story of home happens; with a
		// sign of now it is danger.
		{text: "i live with my uncle and he makes me work in his shop every day after school and hits me when i complain. im 13", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "my dad hits me every day after school and now he is outside my room with a belt", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "is this chat anonymous?", intent: "bot"},
		// "huurt" is renting, no typo of "hurt".
		{text: "elke vrijdag huurt dezelfde man 3 kamers en er lopen steeds andere jonge vrouwen in en uit", intent: "sexual", age: understand.AgeAdult},
		// At the weekend is how it goes, told by a parent.
		{text: "mijn ex laat onze zoon van 11 in het weekend tot laat in zijn autobedrijf werken en slaat hem als hij iets fout doet", intent: "*", who: understand.WhoOther, age: understand.AgeMinor},
		// Found anyway, or gone if they find out: fears, not danger now.
		{text: "mn moeder mag het echt nooit weten, ik schaam me kapot. en die jongens vinden me toch wel", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ze weten waar mn ouders wonen. als ik hierover praat en zij komen erachter dan ben ik er geweest", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ze vinden me wel, ze staan nu beneden", intent: "danger", danger: true},
		// Tied to a bed: danger; a bike tied to a fence is not.
		{text: "hij heeft mn handen aan het bed vastgemaakt en is ff boodschappen doen. over een kwartier is ie terug", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "he tied my hands and went out, hes back in 10 min", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik heb de fiets vastgemaakt aan het hek", intent: "", who: understand.WhoMe},
		// What they would do if the person talked: a fear; a threat
		// with a time and someone outside stays danger.
		{text: "they have my address back home and know where my kids go to school, if I talk they will hurt them", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "they will hurt them tonight if i dont pay, they are outside", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "mn stiefvader slaat me als ik niet doe wat hij zegt, ik moet het hele huishouden doen en mag nooit naar vriendinnen", intent: "home", who: understand.WhoMe, home: true},
		{text: "als ik niet doe wat hij zegt slaat hij me vanavond, hij staat beneden", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "is dit echt anoniem? zie jij mijn nummer?", intent: "bot"},
		// Men with bats at the door; a bat for baseball.
		{text: "er staan drie mannen met knuppels voor ons huis, ze roepen de naam van mijn zoon", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "mijn zoon speelt honkbal en heeft een nieuwe knuppel nodig", intent: "", who: understand.WhoOther},
		{text: "my son plays baseball and needs a new bat", intent: "", who: understand.WhoOther},
		// Shelter for someone who escaped is asked for, no escape now.
		{text: "which organisation arranges shelter for someone who escaped trafficking?", intent: "question"},
		{text: "i escaped and they are looking for me", intent: "danger", danger: true, who: understand.WhoMe},
		// A drunk father at home: the help for home; with harm now, 112
		// and then that help.
		{text: "my dad gets drunk and throws stuff at me, im 14, mom acts like she doesnt see it", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Waiting for a brother at the schoolyard with a deadline: danger.
		{text: "ze wachten bij het schoolplein op mijn broertje van 14, ze hebben gezegd dat hij vandaag moet betalen of anders", intent: "danger", danger: true, who: understand.WhoOther, age: understand.AgeMinor},
		// "night shift here" says who writes, not where danger is.
		{text: "hotel night shift here. a girl who says shes 18 but looks maybe 15 checked in with a man who paid cash for 3 nights, and different men keep coming to the desk asking for her room", intent: "sexual", who: understand.WhoOther},
		// Fetched tonight and taken across the border: danger, whatever
		// fear of them is told beside it.
		{text: "ze zeiden net dat ik vannacht word opgehaald en naar belgie gebracht. ze weten waar mn moeder woont", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// Last year: a story of signs, no danger now.
		{text: "vorig jaar werd ik naar belgie gebracht om te werken", intent: "unsure", who: understand.WhoMe},
		// Like a question about Fier's training only in its examples'
		// words, asking for the helpdesk the model knows: CoMensha's.
		{text: "is there a national helpdesk where professionals can get advice about a possible trafficking victim", intent: "question", who: understand.WhoProf},
		// Taken out to the car against advice, now: danger.
		{text: "Ik ben verpleegkundige op de SEH. Een jonge vrouw met brandwonden is net binnengebracht door een man die haar geen seconde alleen laat, nu wil hij haar tegen advies in meenemen naar de auto", intent: "danger", danger: true, who: understand.WhoProf, age: understand.AgeAdult},
		// Someone hurting another now is danger; told as a worry, the
		// help for home.
		{text: "my boyfriend is hurting my son right now, he wont stop", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "my dad is hurting my little sister right now", intent: "danger", danger: true, who: understand.WhoOther, home: true},
		{text: "i think my ex's new partner is hurting my son. he's 7 and says he's scared to go there", intent: "home", who: understand.WhoOther},
		// Caught up in a drug thing and afraid for a sister, or of being
		// taken from mum: fears. Stuck in a room is danger.
		{text: "mn vriend zit vast in een drugsding en wil eruit maar als ie praat pakken ze zn zusje zegt hij", intent: "*", fear: true, who: understand.WhoOther},
		{text: "im scared if i tell school whats going on at home theyll take me away from my mum and itll be my fault", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ik zit vast in een kamer en ze laten me niet gaan", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "my dad takes all the money from my weekend job and hits me if i dont hand it over. im 16", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Barely conscious, or a cousin held for money: danger.
		{text: "nachtportier hier. in kamer 214 ligt een meisje dat nauwelijks aanspreekbaar is en de man die haar bracht laat niemand binnen", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "ze houden mn neef vast in een garage tot we 5000 euro brengen, net stuurden ze een foto van hem met een kapotte lip", intent: "danger", danger: true},
		{text: "mijn fiets staat vast in een garage", intent: "", who: understand.WhoMe},
		// Summoned now or else: danger; called in for dinner is not.
		{text: "mijn zoon werd net gebeld, hij moet nu meteen komen anders 'krijgt zijn moeder bezoek'. hij trilt helemaal en trekt zn schoenen aan", intent: "danger", danger: true, who: understand.WhoOther, home: true},
		{text: "ik moet nu meteen komen eten", intent: "*", who: understand.WhoMe},
		// Hiding in a cupboard with them inside: danger; clothes in it
		// are not.
		{text: "ze zijn binnen. ik zit in de kast", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "mijn kleren zitten in de kast", intent: "", who: understand.WhoMe},
		{text: "wat als jullie het aan mn ouders vertellen? dan vermoorden ze me bijna", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "hij zegt dat ik vannacht niet meer thuiskom als ik het geld niet heb dat ik hem zogenaamd schuldig ben", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "als ik aangifte doe weet hij het binnen een dag, zijn neef zit bij de politie zegt hij", intent: "*", fear: true},
		// How it goes at home, told at length: whenever money is short,
		// whenever he is drunk. Others who look afraid are told of.
		{text: "mn stiefvader slaat me als ik niet al mn geld van mn bijbaan afgeef. mn moeder doet alsof ze het niet ziet", intent: "home", who: understand.WhoMe, home: true},
		{text: "my mum's boyfriend hits us when he's drunk and she says to keep quiet or we'll be put in care", intent: "home", who: understand.WhoMe, home: true},
		{text: "in ons portiek staan elke avond jonge jongens die pakjes aannemen van een man op een scooter. ze lijken doodsbang als hij tegen ze praat", intent: "criminal"},
		// Violence against a colleague, now; asking whether the bot
		// sees who writes.
		{text: "verpleegkundige seh: vrouw met snijwonden binnengebracht, de man die haar bracht eist dat ze nu met hem meegaat en duwt mijn collega tegen de muur", intent: "danger", danger: true, who: understand.WhoProf, age: understand.AgeAdult},
		{text: "zet hem maar tegen de muur", intent: ""},
		{text: "is this anonymous? can you see my number or location", intent: "bot", who: understand.WhoMe},
		// What would follow if someone told, and threats that hang on
		// stopping: no danger now. Someone who fled, asked about, is no
		// one fleeing now.
		{text: "als ik het vertel en er komt iemand langs, worden mn broertjes dan uit huis gehaald? dan krijg ik het echt van mn vader", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "mn stiefvader slaat me als ik niet op tijd thuis ben en mn moeder kijkt gewoon weg. ik wil niet meer naar huis", intent: "home", who: understand.WhoMe, home: true},
		{text: "mn neefje van 15 moet van iemand wiet knippen op een zolder. hij krijgt er niks voor en zegt dat ze zn zusje iets aandoen als hij ermee stopt", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "ze gaan hem iets aandoen als hij vannacht niet komt", intent: "danger", danger: true},
		{text: "wij willen opvang regelen voor een vrouw die net uit de prostitutie is gevlucht. welke landelijke organisatie coördineert dat?", intent: "question", age: understand.AgeAdult},
		{text: "ik ben net gevlucht en hij zoekt me", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "came here from nigeria for cleaning work, the woman who brought me says i owe her 30k for the flight and she keeps my documents", intent: "labour", who: understand.WhoMe},
		{text: "if i tell someone will they tell my parents? they dont know what i did for money and they would kick me out", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Being found if they learn someone talked is a fear; found and
		// downstairs is danger. What happened once, and what a group
		// carries, told by someone who sees it, is a story; a secret
		// with an uncle is a worry at home.
		{text: "als ze erachter komen dat ik met iemand praat vinden ze me, ze hebben overal mensen zitten", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ze vinden me, ze staan beneden", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "mn stiefvader slaat mn moeder en soms mij ook, ik durf na school niet naar huis", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "jongerenwerker hier. een groepje van 12-13 jaar hangt bij ons buurthuis, oudere jongens betalen ze om op de uitkijk te staan en ze lopen met messen", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		{text: "hij loopt met een mes door het huis", intent: "danger", danger: true},
		{text: "neefje van 13 moet van oudere jongens in de wijk 'pakketjes' rondbrengen op zn scooter, toen hij een keer nee zei hebben ze hem in elkaar geslagen", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "my 13 yo son comes back from his uncle's place scared and silent, the uncle keeps giving him money and calls it \"our secret\"", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// All day long is how the work is, not since this morning; being
		// shut in all day already is danger.
		{text: "mijn ex neemt onze dochter (11) in het weekend mee naar zijn broer, daar moet ze de hele dag poetsen en op de kleintjes passen en ze krijgt klappen als het niet goed is", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "ik zit al de hele dag opgesloten in de kelder", intent: "danger", danger: true, who: understand.WhoMe},
		// Afraid to be taken from home: the help for home. Afraid to be
		// judged: no danger now. A knife taken to carrying, a friend
		// afraid of them: their story.
		{text: "als ik dit aan iemand vertel halen ze me dan weg bij mn moeder? ik wil niet naar een pleeggezin", intent: "home", who: understand.WhoMe, home: true},
		{text: "i dont even know if what happened to me counts and im scared people will think i wanted it", intent: "unsure", who: understand.WhoMe},
		{text: "my son is 14 and has started carrying a knife and a second phone. older boys ring him at all hours and he runs out", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mn beste vriend moet van een paar oudere jongens geld op zn rekening laten storten en dat dan weer doorsturen. hij krijgt er 50 euro voor maar hij is echt bang van ze", intent: "criminal"},
		{text: "im scared, he has a knife", intent: "danger", danger: true, who: understand.WhoMe},
		// Startled when asked, and unsure what to do with it: a worry.
		{text: "ik werk in de thuiszorg en bij een cliënt woont sinds kort een jonge man die de hele dag klust en kookt. hij spreekt geen nederlands en schrikt als ik hem iets vraag. weet niet of ik hier iets mee moet", intent: "*", who: understand.WhoProf},
		// "if i really loved him id help pay his debt": no cry for help.
		{text: "im 16 and my bf says if i really loved him id help pay his debt by meeting some of his friends. idk what to do", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "please help me", intent: "danger", danger: true, who: understand.WhoMe},
		// A son who came home with a cut, or startles at every sound: a
		// parent's worry; a cut that will not stop bleeding is danger.
		{text: "my son is 15 and keeps getting train tickets to cities we've never been to. he came home with a cut on his arm and a wad of cash he won't explain", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "mn zoon (14) zegt dat hij 'geld moet halen' voor een paar oudere jongens omdat hij hun scooter kapot heeft gemaakt. hij is ineens heel stil en schrikt van elk geluid", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "he has a cut on his arm and it wont stop bleeding", intent: "danger", danger: true},
		// Threats that hang on stopping or complaining, told as how it
		// goes; a son gone quiet; a live-in cleaner paying off the trip.
		{text: "my son is 14 and got caught shoplifting again, he says someone makes him do it and he'll get hurt if he stops", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "my dad makes me work at his friends shop after school till midnight and takes all the money, if i complain he hits me", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "sinds mijn nieuwe vriend bij ons woont is mijn zoon van 11 heel stil en schrikt hij als er iemand hard praat. ik weet niet wat er gebeurt als ik werk", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "ik doe de schoonmaak bij een familie, woon bij hen op zolder, mag niet alleen de deur uit en ze zeggen dat ik eerst de reis moet terugverdienen", intent: "labour", who: understand.WhoMe, home: true},
		{text: "they will hurt me if i stop, they are outside", intent: "danger", danger: true, who: understand.WhoMe},
		// Afraid the children are taken away is a fear; a building
		// where people are held, as the writer thinks, asked about
		// anonymously, is a tip; being held in one is danger.
		{text: "i want to tell someone but im scared theyll take my kids away because of what i did for money", intent: "*", fear: true, who: understand.WhoMe},
		{text: "kan ik iets doorgeven zonder dat mijn naam erbij komt? het gaat om een pand waar volgens mij meisjes vastgehouden worden", intent: "question", who: understand.WhoMe},
		{text: "ik word vastgehouden in een pand, volgens mij in amsterdam", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "mn beste vriendin (16) heeft volgens mij zo'n loverboy. hij haalt haar op na school en ze doet alles wat hij zegt", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "my ex has my 9 yr old every other weekend and she comes back with bruises and says daddy said its a secret", intent: "home", who: understand.WhoOther, home: true},
		// A man who wants to take a patient away right now is danger; a
		// mother taking her son to the zoo is not, nor what they would
		// do if someone told. Someone who fled, asked about for shelter,
		// fled before.
		{text: "Ik ben verpleegkundige op de SEH. Jonge vrouw met brandwonden en blauwe plekken, de man die bij haar is wil haar nu per se meenemen en praat steeds voor haar", intent: "danger", danger: true, who: understand.WhoProf, age: understand.AgeAdult},
		{text: "im a nurse in the ER. patient with bad burns on his hands, the man with him keeps answering for him and wants to take him away right now before we treat him", intent: "danger", danger: true, who: understand.WhoProf},
		{text: "mijn moeder wil hem meenemen naar de dierentuin", intent: "", who: understand.WhoMe, home: true},
		{text: "if i tell they will take her away from us", intent: "*"},
		{text: "ik werk bij een gemeente en zoek opvang voor een vrouw die uit een uitbuitingssituatie is gevlucht. wie regelt zoiets?", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "twijfel of dit huiselijk geweld of uitbuiting is, kan ik ergens gratis advies vragen als leerkracht?", intent: "question", who: understand.WhoProf},
		{text: "who made you? are you from the police?", intent: "bot"},
		// Not daring to tell for what he said would happen to a mother
		// is a fear; standing at her door now is danger. Not being
		// believed by the police is a fear; holding bags is criminal.
		{text: "ik durf niks te zeggen, hij weet waar mn moeder woont en hij heeft verteld wat er dan met haar gebeurt", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "hij weet waar mn moeder woont en hij staat nu voor haar deur", intent: "danger", danger: true, home: true},
		{text: "the cops already know me from when they caught me with the stuff. they wont believe i was forced, theyll just lock me up", intent: "*", fear: true, who: understand.WhoMe},
		{text: "my son is 13 and some guys on snapchat pay him to hold bags for them, now he is too scared to go outside", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Asking whether the bot is the police asks about the bot; its
		// number asks for the card. People "bij de politie" who would
		// hear, snitches who get stitches: fears.
		{text: "is dit de politie?", intent: "bot"},
		{text: "wat is het nummer van de politie", intent: "question", named: "politie"},
		{text: "zijn jullie van de politie ofzo? want snitches krijgen hechtingen hier", intent: "*", fear: true},
		{text: "ze zeggen dat ze overal mensen hebben, ook bij de politie. hoe weet ik dat dit niet uitlekt", intent: "*", fear: true, who: understand.WhoMe},
		// Caught up in running drugs, not held; held in a house is.
		{text: "mn neef zit vast in dat drugsrunnen, is er een plek waar hij zelf kan chatten zonder dat er meteen politie bij komt", intent: "*", who: understand.WhoOther},
		{text: "ik zit vast in dat huis en kan niet weg", intent: "danger", danger: true, who: understand.WhoMe},
		// Made to drive tonight, "if i stop" the family pays: an
		// ultimatum with a time is danger, whatever fear is told beside.
		{text: "they're making me drive the car with the stuff in it tonight and said if i stop or get caught my family back home pays for it", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "i want to stop but if i quit my boss says i lose my room", intent: "labour", who: understand.WhoMe},
		// "verraders worden gestoken" is what happens to whoever talks,
		// told as a fear; someone stabbed is danger.
		{text: "ze zeggen dat verraders gestoken worden. ik wil eruit maar durf tegen niemand iets te zeggen", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ze hebben hem gestoken omdat hij een verrader is", intent: "danger", danger: true},
		// A hand crushed in a machine is a medical emergency, not only
		// a model's guess; asking whether the police arrest whoever sold
		// is a fear.
		{text: "worker here got his hand crushed in the machine and the manager tells us to keep working and not call anyone", intent: "danger", danger: true},
		{text: "do the police arrest you if you were the one selling? they made me but i still did it", intent: "*", fear: true, who: understand.WhoMe},
		// "dat hij me kapot maakt" tonight, friends coming over and no
		// key: danger by rule, not by the model alone, which learning
		// moves. "als hij erachter komt ... maakt hij me kapot" is a
		// fear; grief that "maakt me kapot" is neither.
		{text: "hij is over een halfuur thuis en zei vanochtend dat hij me kapot maakt als ik niet genoeg heb verdiend vandaag", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "im 16 at a guys place and he says his friends are coming over and i have to be nice to them. cant find the door key", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		{text: "als hij erachter komt dat ik met iemand praat maakt hij me kapot, dus ik weet niet of ik dit wel moet doen", intent: "*", fear: true, who: understand.WhoMe},
		{text: "dat hij zo doet maakt me kapot van verdriet", intent: ""},
		// Next if they hear who told: a fear; a brother stabbed, and
		// "ben ik de volgende?": danger.
		{text: "mn beste vriend zit er diep in en ik wil het melden maar ze weten waar ik woon. als zij horen dat ik het was ben ik de volgende", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ze hebben mn broer neergestoken, ben ik de volgende?", intent: "danger", danger: true, who: understand.WhoOther},
		// A threat told beside a fear is what the fear is of; alone, or
		// with a time, it is danger. Losing the bed "if i quit" is how
		// the agency holds someone, no ultimatum now.
		{text: "mn ouders mogen dit echt nooit weten en ik wil geen politie aan de deur. zij weten ook waar ik woon", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ze weten waar ik woon", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik ben bang voor de politie maar ze weten waar ik woon en komen vannacht", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik heb geen papieren. als ik naar politie ga sturen ze me toch gewoon terug?", intent: "*", fear: true, who: understand.WhoMe},
		{text: "the agency put me in a house with 14 ppl, if i quit i lose my bed the same day. they also keep my bank card", intent: "labour", who: understand.WhoMe},
		// Sent out of the country if they go to the police: a fear.
		{text: "Mijn man werkt zonder papieren en wordt flink uitgebuit, maar als we naar de politie stappen worden we dan het land uitgezet?", intent: "*", fear: true},
		// Being locked up by the police, a visa cancelled: fears.
		{text: "ive sold stuff for them. if i go to the cops im the one getting locked up not them", intent: "*", fear: true, who: understand.WhoMe},
		{text: "I'm scared my visa will be cancelled if I report my employer. He is my sponsor.", intent: "*", fear: true, who: understand.WhoMe},
		{text: "they locked me in and said if i go to the cops i get locked up too, im scared", intent: "danger", danger: true, who: understand.WhoMe},
		// Criminal exploitation in words without drugs: made to sell,
		// companies put in someone's name.
		{text: "im 17, my cousins friends make me sell stuff at school and if the money is short i have to pay it back double", intent: "criminal", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "some men put a company in his name and he has to sign papers", intent: "criminal"},
		// Someone faints for want of air: 112 for a doctor.
		{text: "we are 20 people in the back of a truck, very hot, no air, one woman fainted", intent: "danger", danger: true, age: understand.AgeAdult},
		{text: "my friend just fainted at work", intent: "danger", danger: true, who: understand.WhoOther},
		// A deadline with a threat to a little brother is danger now;
		// a phone about to be taken away too.
		{text: "over twee uur moet ik geld ophalen anders doen ze mijn broertje wat", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ze pakken mijn telefoon af en ik zit hier in een kamer", intent: "danger", danger: true, who: understand.WhoMe},
		// Fined for illegal work, or found with the police: a fear.
		{text: "im scared because my work was illegal, will i get a fine", intent: "*", fear: true, who: understand.WhoMe},
		{text: "wordt dit gesprek opgeslagen? wil niet dat het bij de politie terechtkomt", intent: "*", fear: true},
		// Men going in and out of a young girl's room is danger now.
		{text: "in the flat below men keep going in and out, i think theres a young girl", intent: "danger", danger: true},
		// A teacher asking for lesson materials, and praise, are neither
		// a story nor a cry.
		{text: "any lesson materials on human trafficking for high school students? teaching a class next week", intent: "question", who: understand.WhoProf},
		{text: "you guys do good work, respect", intent: "thanks"},
		// A team of youth workers asks as professionals.
		{text: "geven jullie trainingen aan ons jeugdhulpteam over signalen herkennen? of wie wel", intent: "training", who: understand.WhoProf},
		// Picked up in a few minutes by strangers is danger now; by a
		// parent from practice it is not.
		{text: "my sister is 14 and getting picked up in an hour by some older guy", intent: "danger", danger: true, who: understand.WhoOther, age: understand.AgeMinor},
		{text: "im getting picked up in 5 min by my dad", intent: "*", who: understand.WhoMe, home: true},
		{text: "theres a kid on a bike who delivers stuff to the same house every hour", intent: "criminal"},
		// Being found out through the police is a fear; a team of
		// district nurses asks as professionals.
		{text: "ze hebben overal mensen ook bij de politie, als ik aangifte doe weten ze het meteen", intent: "*", fear: true, who: understand.WhoMe},
		{text: "we zijn een team wijkverpleging, kunnen we ergens een training volgen over signalen van seksuele uitbuiting", intent: "training", who: understand.WhoProf},
		{text: "kid across the street gets dropped off every day and leaves with backpacks, always looks scared", intent: "criminal"},
		// A parent to whom it happens is someone else, and no home where
		// it happens.
		{text: "my mum is being forced by her boyfriend to sell drugs", intent: "criminal", who: understand.WhoOther},
		{text: "mijn moeder wordt door haar vriend gedwongen pakketjes door te sturen", intent: "*", who: understand.WhoOther},
		// Smoke in a locked container is danger now, whatever happens
		// every night; a light that burns all night is not a fire.
		{text: "ze sluiten ons elke nacht op in de container en nu ruik ik rook", intent: "danger", danger: true},
		{text: "i smell smoke and we are locked in the room", intent: "danger", danger: true},
		{text: "in de nagelsalon brandt het licht de hele nacht, volgens mij slapen de meisjes daar", intent: "*"},
		// Someone worried about a kid who asks for advice is asking
		// about someone else; not trusting the police is a fear.
		{text: "who do i call in NL if im worried about a kid but not sure, just want advice", intent: "*", who: understand.WhoOther},
		{text: "ik vertrouw de politie echt niet meer, vorige keer lachten ze me uit. moet ik perse aangifte doen?", intent: "*", fear: true, who: understand.WhoMe},
		{text: "kunnen wij als team van een jeugdinstelling een training krijgen over signalen van seksuele uitbuiting", intent: "training", who: understand.WhoProf},
		// What happens to snitches, and a name passed on: a fear.
		{text: "ik durf niks te zeggen want snitches krijgen klappen", intent: "*", fear: true, who: understand.WhoMe},
		{text: "wordt mijn naam doorgegeven? mijn ouders mogen echt nooit weten wat ik heb gedaan", intent: "*", fear: true, home: true},
		// Drugs taped to the body on the way, a boy pulled onto a
		// scooter, a friend silent since they found out: danger now. A
		// bus to a concert is not.
		{text: "zit in de bus met pakketten op mn lijf getaped en ze zitten naast me", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "some older boys just pulled my brother onto a scooter", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "my friend texted that they found out and now she is not answering", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "ik zit in de flixbus naar amsterdam voor een concert", intent: "", who: understand.WhoMe},
		// Being found by him if one talks is a fear.
		{text: "hij zei als ik ooit met iemand praat weet hij mn familie te vinden", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Shame and being done for if they find out: a fear, not danger.
		{text: "ze weten alles van me, waar mn familie woont. als ze erachter komen dat ik hier typ ben ik klaar", intent: "*", fear: true, home: true},
		{text: "schaam me dood en ben bang dat mn ouders het horen als ik aangifte doe", intent: "*", fear: true, home: true},
		// Followed since the station, whatever happened last week, is
		// danger now; everyone knowing is a fear.
		{text: "die gast die me vorige week meenam loopt achter me sinds het station", intent: "danger", danger: true},
		{text: "hij loopt al 10 min achter me", intent: "danger", danger: true},
		{text: "durf niks te zeggen want dan weet iedereen het en wordt het alleen maar erger voor mij", intent: "*", fear: true, who: understand.WhoMe},
		// Quiet now: what someone lives with, not danger now.
		{text: "chef heeft mijn papieren afgepakt, ik werk 12 uur per dag en slaap in de kelder. is nu rustig maar ik wil hier weg", intent: "labour", who: understand.WhoMe},
		// Taken to spend the night with men, in half an hour.
		{text: "vanavond moet ze blijven slapen bij een paar mannen, ze is pas 15", intent: "danger", danger: true, age: understand.AgeMinor},
		// Mattresses on the floor and asparagus are where and how
		// someone works, not someone down or stabbed.
		{text: "hij slaapt in een schuur met matrassen op de grond en steekt asperges voor bijna niks", intent: "labour"},
		{text: "my son is 14 and got a snapchat offer to earn 500 quick just picking up a bag", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// A backpack carried at night for older guys is criminal, whatever
		// "older guys" says elsewhere.
		{text: "theres a kid in my building, maybe 12, who goes out every night at 2am with a backpack, older guys waiting downstairs", intent: "criminal", who: understand.WhoOther},
		// Someone who does not dare send them away is not held.
		{text: "mn buurman is verslaafd en er wonen nu 2 jongens bij hem die vanuit zijn huis dealen, hij durft ze niet weg te sturen", intent: "criminal", who: understand.WhoOther},
		// School grades that collapsed are no one collapsing.
		{text: "school counsellor. 14 yr old boy keeps showing up with new trainers and cash, says he works for friends. grades totally collapsed", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		// Harm threatened if the person talks is the fear of "them";
		// harm threatened with a time is danger.
		{text: "they have my familys address back home, if they find out i talked to anyone they will hurt them", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "they'll hurt me if i talk to anyone", intent: "*", fear: true, who: understand.WhoMe},
		{text: "they have my familys address back home, if they find out i told someone they will hurt them", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Someone at the window, looking in, who pulled her into a car.
		{text: "er staat iemand bij mijn raam te kijken, dezelfde die mij vorige week in zn auto trok. ben alleen thuis", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "ik zit in de klas bij het raam en verveel me", intent: ""},
		// Without papers, afraid of being sent back after reporting.
		{text: "ik heb geen verblijfsvergunning, sturen ze me terug als ik aangifte doe?", intent: "*", fear: true, who: understand.WhoMe},
		// Three men at the door of the caravan, now, or else.
		{text: "uitzendbaas staat met 3 kerels voor onze caravan, we moeten er NU uit zegt ie anders pakken ze ons", intent: "danger", danger: true},
		{text: "if i dont drop the bag tonight they'll hurt my sister", intent: "danger", danger: true},
		// Asking where someone can go after a rape is asking on their
		// behalf (the Centrum Seksueel Geweld's help, seed 001); asking
		// for oneself is telling what happened.
		{text: "waar kan iemand terecht vlak na een verkrachting, voor onderzoek en sporen en zo", intent: "question", who: understand.WhoOther},
		{text: "where can someone go right after being raped, for a medical check and to keep evidence", intent: "question", who: understand.WhoOther},
		{text: "ik ben gisteren verkracht, waar kan ik terecht voor onderzoek en zorg", intent: "assault", who: understand.WhoMe},
		// A parent's or teacher's fear in a story about someone else is a
		// worry about that story, not danger now.
		{text: "mijn zoon is 15 en heeft sinds kort een 2e telefoon en gaat s nachts weg. vond gister 2000 euro in zn kast 😰", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "my 14yo son came home with 500 euro cash and 2 phones, says hes holding stuff for a friend. im scared", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Something in a colleague's eyes at work, who can no longer see.
		{text: "collega in de kas heeft spul in zn ogen gekregen en de baas zegt dat ie gwn moet doorwerken, hij kan niks meer zien", intent: "danger", danger: true, who: understand.WhoOther},
		// "slaan ... op" is saving, not hitting; asking whether they can
		// see it is the fear of them finding out.
		{text: "stel ik praat hier met jullie, kunnen zij dat dan zien? slaan jullie mijn nummer op", intent: "*", fear: true, who: understand.WhoMe},
		{text: "hij slaat me en zegt dat hij mijn nummer heeft", intent: "danger", danger: true, who: understand.WhoMe},
		// A question the contact model is sure of, where no example
		// came near the story the model guessed: a question. Without a
		// question mark, "who" is no question.
		{text: "kan een slachtoffer ondersteuning krijgen in de strafzaak? bij wie moet ik dan zijn", intent: "question", who: understand.WhoMe},
		// Support in a trial asked in its own words: the question of
		// its own, for Slachtofferhulp.
		{text: "kan een slachtoffer ondersteuning krijgen bij de rechtszaak? bij wie moet ik dan zijn", intent: "court", who: understand.WhoMe},
		{text: "my little sister is 15 and has an older friend who pays for her nails and hair and now wants her to stay at his place in amsterdam for the weekend", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		// Cut wrists and blood everywhere is a medical emergency.
		{text: "my roommate cut her wrists after that man came, theres blood everywhere", intent: "danger", danger: true},
		// A locker is no typo of "locked".
		{text: "teacher here, a 14 yr old told me he works for older boys, keeps stuff in his locker for them", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		{text: "just wanted to say this site is useful, keep it up", intent: "thanks"},
		// Someone who wants the writer to do something: it is about the
		// writer, whoever "een jongen" is.
		{text: "ik zit in de jeugdzorg en een jongen van 22 wil dat ik met hem meega", intent: "sexual", who: understand.WhoMe},
		// Screaming next door, things thrown, "nu is het echt mis".
		{text: "buurvrouw gilt en er wordt met spullen gegooid, die meisjes die daar wonen mogen nooit naar buiten en nu is het echt mis", intent: "danger", danger: true, who: understand.WhoOther},
		// Whether they will find out is the fear of them.
		{text: "als ik jullie iets vertel komen ze daar dan achter? ze zeggen dat ze alles zien wat ik doe", intent: "*", fear: true, who: understand.WhoMe},
		// Someone being driven off now, who says they are scared; a
		// cousin about to be picked up to "work" at a party abroad.
		{text: "some older guys just picked up my little brother from football practice, he texted me hes scared, theyre driving to eindhoven", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "my 16yo cousin is about to get picked up by her 'boyfriend' to go to a party in germany, she said she'll have to 'work' there", intent: "danger", danger: true, who: understand.WhoOther, age: understand.AgeMinor},
		// Picked up by a stranger within the hour, "lent out" by a
		// boyfriend; picked up by a mother after school is no danger.
		{text: "over een uur word ik opgehaald door iemand die ik niet ken, mn vriend heeft me 'uitgeleend' voor het weekend", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik word opgehaald door mijn moeder na school", intent: "*", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Drugs swallowed for a flight, and bad pain now.
		{text: "moest bolletjes slikken voor de vlucht van morgen en nu heb ik zo erge buikpijn en ben ik duizelig", intent: "danger", danger: true, who: understand.WhoMe},
		// A threat to send nudes around, and where to have them removed.
		{text: "iemand dreigt mijn naaktjes rond te sturen, waar kan ik die laten verwijderen", intent: "question", who: understand.WhoMe},
		// Others stuck in a life, asked about, are no danger now.
		{text: "is there a chat for girls stuck in sex work against their will? asking for a friend", intent: "*", who: understand.WhoOther},
		{text: "im stuck in a room and cant get out", intent: "danger", danger: true, who: understand.WhoMe},
		// Whether one's name ends up in his file is a fear, not a question
		// for the police.
		{text: "als ik aangifte doe staat mijn naam dan in zijn dossier? hij heeft overal vrienden zitten", intent: "*", fear: true, who: understand.WhoMe},
		// A cry to be got out of where one is.
		{text: "get me out of here", intent: "danger", danger: true},
		{text: "haal me hier weg", intent: "danger", danger: true},
		// Whether the bot passes it on to youth care is a fear.
		{text: "mijn ouders mogen dit echt nooit weten. geven jullie iets door aan jeugdzorg als ik mijn verhaal vertel?", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Whether the police will tell them is the fear of them.
		{text: "they always say they know people in the police. is it true police will tell them i talked?", intent: "*", fear: true, who: understand.WhoMe},
		// The writer's own worry that they find out stays a fear.
		{text: "im so scared they will find out i talked to someone, they know where my family lives", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// What the bot is and keeps.
		{text: "are you like chatgpt or something", intent: "bot"},
		{text: "ben jij een soort chatgpt ofzo", intent: "bot"},
		{text: "is this chat saved somewhere", intent: "bot"},
		{text: "worden mijn berichten opgeslagen?", intent: "bot"},
		// A child's age as a parent gives it; a boyfriend's is not hers.
		{text: "mijn dochter is 15 en ik maak me zorgen", intent: "*", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mijn dochter heeft een vriend, hij is 22", intent: "sexual", who: understand.WhoOther},
		{text: "de schuld is 15 duizend en hij zegt dat ik moet werken", intent: "*", who: understand.WhoMe},
		// Criminal exploitation in other words again; a fear of the
		// parents or the school being called.
		{text: "came from nigeria for a football trial that didnt exist, now im selling stuff on the street to pay back the guy who flew me here", intent: "criminal", who: understand.WhoMe},
		{text: "gaan jullie meteen mijn ouders of school bellen als ik vertel wat er gebeurt? dan is alles kapot", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "youth worker, a boy i coach is being sextorted. which org helps get the images taken down", intent: "question", named: "", who: understand.WhoProf},
		// Pictures taken down, a parent's shock: not danger now.
		{text: "someone is blackmailing my friend with nudes online, is there a site that can help take them down", intent: "question", who: understand.WhoOther},
		{text: "mijn zoon van 13 staat op de uitkijk bij het winkelcentrum en krijgt er sneakers voor, ik schrik me dood", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// A parent's shock is the parent's; what happens is the son's.
		{text: "ik schaam me dood, mijn zoon deelt pakketjes rond voor oudere jongens", intent: "criminal", who: understand.WhoOther},
		// Being exposed to one's parents, or found out: a fear.
		{text: "ik wil stoppen maar durf niks te zeggen want dan laten ze die video aan mn ouders zien", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "they have people everywhere, even in the police. if they find out i wrote here they'll know it was me", intent: "*", fear: true, who: understand.WhoMe},
		// What they would do if he refused is how he is held.
		{text: "my cousin sells for them to pay a debt, they'd hurt him if he quits", intent: "criminal", who: understand.WhoOther},
		// Being jailed for talking is a fear: "put me in" is then no
		// sign of being taken somewhere.
		{text: "they told me the police here work with them and will put me in jail if i talk", intent: "*", fear: true, who: understand.WhoMe},
		// Whether telling goes on to the police is that fear.
		{text: "if i tell you what happened does it go to the cops automatically?", intent: "*", fear: true, who: understand.WhoMe},
		// Someone else's fear in a story is not danger now.
		{text: "neefje van 15 moet van zijn 'vrienden' telefoons jatten in de stad. hij is echt bang voor ze", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// A family's story is a guess when nothing in the message is
		// about a home: money sent to one's children from work is no
		// family that takes it. A niece's boyfriend who has her earn for
		// him is sexual exploitation.
		{text: "als ik de inspectie bel ben ik mijn werk en mijn bed kwijt en ik moet geld sturen naar mijn kinderen", intent: "labour", who: understand.WhoMe},
		{text: "mijn nichtje wordt uitgebuit door haar vriend, ze moet geld verdienen voor hem", intent: "sexual", who: understand.WhoOther},
		{text: "mijn ouders dwingen me om geld te verdienen voor de familie", intent: "home", who: understand.WhoMe, home: true},
		// Followed by a car, and a threat to family with a time and an
		// ultimatum, are danger now.
		{text: "same car has been behind me for 20 mins since i left the club, i think its his guys", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "hij zegt dat hij morgenochtend mn moeder wat aandoet als ik het geld niet heb", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// An oath sworn to juju, with what it would bring for talking, is
		// a fear of "them"; so is a fine for undeclared work.
		{text: "she said juju will kill my family if i tell anyone. is it even safe to write here", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "krijg ik een boete als ik zwart heb gewerkt en dat nu ga melden? durf echt niet", intent: "criminal", fear: true, who: understand.WhoMe},
		// A son who is terrified is not in danger now for it.
		{text: "mijn zoon van 16 moest van 'vrienden' zijn bankpas uitlenen, er is 4000 euro op gezet en meteen weer af. hij is doodsbang", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "someone keeps trying the handle of my door rn, its the landlord and he has a key", intent: "danger", danger: true, who: understand.WhoOther},
		// Followed since the station is danger now, whatever happened
		// the week before; so is being told to go upstairs at a party.
		{text: "iemand volgt me al vanaf het station, zelfde gast die me vorige week z'n auto in trok", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "im 16 and at a party and the older guys say i have to go upstairs with their friend", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		// Being traced as the one who told, and what would follow, is a
		// fear.
		{text: "if i report him will he know it was me? he knows where my mum lives", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// A debt is a means every form uses: the club says which form,
		// and a debt alone keeps its topic.
		{text: "ik moet terugwerken in de club omdat ik geld schuldig ben aan die gast", intent: "sexual", who: understand.WhoMe},
		{text: "ik sta 2000 in de min bij die jongens", intent: "criminal", who: understand.WhoMe},
		{text: "mijn vriend zegt dat ik met zijn maten moet slapen om zijn schuld af te lossen. ik doe het maar ik ben kapot", intent: "sexual", who: understand.WhoMe},
		// Not allowed to keep her own money is no one held.
		{text: "mn zus werkt in zon massagesalon en mag nooit zelf haar geld houden, haar vriend regelt alles en ze mag niet meer bij ons langskomen", intent: "sexual", who: understand.WhoOther},
		// In a fear of "them", being afraid is that fear; hit now is
		// still danger, afraid of the police or not.
		{text: "ze zeiden dat ze het weten als ik met iemand praat en dat mijn familie thuis dan problemen krijgt. ik durf eigenlijk niet eens dit te typen", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ze slaan me, ik durf niet naar de politie", intent: "danger", danger: true, who: understand.WhoMe},
		// Locked in where they sleep is danger; it is no routine.
		{text: "baas heeft de container waar we slapen op slot gedaan, we zitten er met 6 man in zonder verwarming en hij komt pas maandag terug", intent: "danger", danger: true},
		{text: "loopt al 20 min een man achter me sinds ik uit de bus stapte.. zelfde vent die me vorige week in zn auto trok", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "been followed from the train station by 2 guys in a black bmw, same ones who beat up my friend last week", intent: "danger", danger: true},
		{text: "i dont trust police, back home they work with these people. is it the same here", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "hij zei als je morgen niet betaalt steek ik je huis in de fik, en m'n kinderen slapen hier", intent: "danger", danger: true},
		{text: "moet ik dan aangifte doen met mijn naam erop? want dan weten ze het meteen wie het was", intent: "*", fear: true, who: understand.WhoMe},
		// A long story that names the police and asks nothing is read
		// for what it tells.
		{text: "jongen uit mn straat van 16 staat elke avond bij het station en rent weg als er politie komt, denk dat ie voor iemand moet lopen", intent: "criminal", age: understand.AgeMinor},
		// Tonight, or else they visit the mother whose address they
		// know; already at the school gate: danger now.
		{text: "moet vannacht om 3u een tas ophalen in rotterdam anders gaan ze langs bij mn moeder zeggen ze. ze weten waar ze woont", intent: "danger", danger: true, home: true},
		{text: "ze staan al bij school en zeggen dat ik vanmiddag mn bankpas moet afgeven anders krijg ik weer klappen zoals vorige week", intent: "danger", danger: true},
		{text: "they have my family's address back home in ghana. if i talk they say the juju oath will kill me", intent: "*", fear: true, home: true},
		{text: "ze zeiden dat als ik ooit iets zeg tegen wie dan ook, mn familie thuis het betaalt. ik durf gewoon niks", intent: "*", fear: true, home: true},
		{text: "we moeten van de baas in de vriescel blijven tot de controle weg is, het is -20 hier en een jongen valt bijna flauw", intent: "danger", danger: true},
		{text: "they told me if i go to the cops they'll find me, they have people everywhere. im ok right now but so scared to tell anyone", intent: "*", fear: true, who: understand.WhoMe},
		{text: "hij zei vannacht kom ik terug en dan maak ik je af. ik ben alleen thuis met de kleine", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "ze zeggen dat ze het altijd te weten komen als iemand praat. hoe weet ik zeker dat dit anoniem blijft", intent: "*", fear: true},
		{text: "hotel manager here, the cleaning company we hired sends staff who seem scared, one said she hasnt been paid in 2 months", intent: "labour", who: understand.WhoProf},
		{text: "buurvrouw gilt en ik hoor glas kapot gaan, daar wonen die meiden die steeds door andere mannen worden opgehaald", intent: "danger", danger: true},
		{text: "same 2 men follow me home from work every night, theyre right behind me now", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "over een uur moet ik een tas wegbrengen voor die gasten en als ik het niet doe weten ze waar mn zusje woont", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "they told me they have people everywhere even in the police. how do i know this chat is safe", intent: "*", fear: true},
		{text: "mijn familie in nigeria wordt bedreigd als ik iets vertel, ik durf echt niet naar de politie", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ze zeggen dat ze altijd weten met wie ik praat. kunnen zij dit gesprek zien?", intent: "*", fear: true},
		{text: "hij heeft gezegd dat hij mijn familie in nigeria iets aandoet als ik ooit met iemand praat. komt hij hier achter?", intent: "*", fear: true, home: true},
		{text: "mn zoon is 19 en moet van zijn 'vrienden' telefoonabonnementen op zijn naam afsluiten en doorgeven, hij is bang en slaapt niet meer", intent: "criminal", age: understand.AgeAdult},
		{text: "mn nichtje wordt morgenvroeg naar het buitenland gebracht om te trouwen, vlucht gaat om 7u", intent: "danger", danger: true},
		{text: "ik werk zonder vergunning als escort en wil stoppen maar ben bang voor een boete of dat ze mijn kinderen afpakken", intent: "*", fear: true},
		// A keyword of small talk ("stoppen") does not end a long story.
		{text: "ben 17, ik bracht spul naar adam voor een gast die me geld gaf toen ik blut was. wil stoppen maar hij zegt ik moet nog 2000", intent: "criminal", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "ik wil stoppen", intent: "leave"},
		// Where and who in a long story the danger model is sure tells no
		// danger now are that story; a firm sign in one is still danger.
		{text: "receptie hier, er komt steeds een oudere man met telkens een ander jong meisje, betaalt cash, meisjes kijken alleen naar de grond", intent: "sexual"},
		{text: "hotelmedewerker hier, nu staat er een man met een jong meisje bij de balie en ze huilt en zegt dat hij een mes heeft", intent: "danger", danger: true},
		{text: "my mother owes money to a man back home and now he says i have to work in his car wash here for free till its paid", intent: "labour", who: understand.WhoMe, home: true},
		// "een stuk of 10" is no one stuck; where people live is how they
		// live, not someone held now.
		{text: "de buurman heeft een stuk of 10 poolse jongens in zn schuur wonen, die gaan om 5 uur s ochtends weg en komen om 10 uur s avonds terug", intent: "labour"},
		{text: "er woont iemand in de kelder van de chinees bij ons om de hoek, hij lijkt nooit weg te mogen", intent: "labour"},
		{text: "neighbour kid maybe 14 is always outside at 3am handing things to cars, older guys watching him from a bench", intent: "criminal", age: understand.AgeMinor},
		// Someone who has nowhere to go is not held there: a question
		// for shelter.
		{text: "welke organisatie regelt opvang voor slachtoffers mensenhandel? heb als wijkagent een vrouw die nergens heen kan", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		// Who writes ("school nurse here"), what was ("mocht niet naar
		// buiten", "nu is hij terug") and what is asked in return are
		// not danger now.
		{text: "school nurse here, where do i get advice in nl when i suspect something is wrong at home with a kid", intent: "home", who: understand.WhoProf, home: true},
		{text: "vriend van me heeft paar maanden wiet geknipt op een zolder voor bijna niks en mocht niet naar buiten. nu is hij terug maar hij is helemaal kapot", intent: "criminal"},
		{text: "ben mentor op een vmbo. leerlinge van 15 gaat 'shoppen' met een man van rond de 30 en die wil daarna dat ze iets terug doet voor hem", intent: "sexual", who: understand.WhoProf, age: understand.AgeMinor},
		// "Been missing classes" is a pupil who skips school; a van for
		// 20 minutes behind someone is danger, whatever happened last week.
		{text: "teacher here. a student (14) keeps getting picked up by an older guy in a bmw and she's been missing classes", intent: "*", who: understand.WhoProf, age: understand.AgeMinor},
		{text: "al 20 min rijdt er een wit busje stapvoets achter me sinds ik uit school kwam, zelfde gast als vorige week", intent: "danger", danger: true, who: understand.WhoMe},
		// A sign that is not firm in a question is what it asks about; a
		// firm one is still danger.
		{text: "kan ik ergens iets doorgeven zonder mn naam? gaat om een huis waar steeds meisjes worden afgezet", intent: "question", who: understand.WhoMe},
		{text: "waar kan ik heen zonder dat hij het weet? hij staat beneden met een mes", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik word bedreigd, waar kan ik aangifte doen?", intent: "danger", danger: true, who: understand.WhoMe},
		// Said not to be in danger now, afraid of what talking brings.
		{text: "they have videos of me and said they'd send them to my family if i ever talk. not in danger right now i think, just scared", intent: "*", fear: true, home: true},
		{text: "hoort mijn baas dat ik dit gevraagd heb? ben bang dat ik dan mn kamer kwijt ben", intent: "*", fear: true, who: understand.WhoMe},
		// Papers arranged are how he holds her; what she must do is the
		// form. Someone else's fear in a story is not danger now.
		{text: "mijn zus haar vriend zegt dat hij haar papieren heeft geregeld en dat ze daarom nu drugs voor hem moet bewaren in haar huis", intent: "criminal", who: understand.WhoOther},
		{text: "jongerenwerker. paar jongens van 14 15 worden als koerier ingezet door een groep uit een andere wijk, ze zijn bang en zeggen niks", intent: "criminal", who: understand.WhoProf},
		// A threat to the family for talking is the fear of being found
		// out, not danger now.
		{text: "ze weten waar mijn familie woont. als ze merken dat ik met iemand praat gaat het slecht met mn moeder thuis", intent: "*", fear: true, home: true},
		// What they would do then is the fear: sent back, the family
		// paying for talking.
		{text: "heb geen verblijfsvergunning, sturen ze me dan terug als ik aangifte tegen hem doe?", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ze zeggen dat ze het altijd te weten komen als ik ga praten en dat mn familie dan gaat boeten", intent: "*", fear: true, home: true},
		// A son in a panic over a demand for money is his story, not
		// danger now.
		{text: "zoon van 16 heeft naaktfotos gestuurd naar een meisje dat een nepaccount bleek, nu moet hij 500 euro betalen en hij is in paniek", intent: "*", who: understand.WhoOther, age: understand.AgeMinor},
		// A visa tied to the boss is no one tied up; what he would do
		// for talking is the fear of being found out.
		{text: "if i report my boss will immigration deport me? my visa is tied to him", intent: "*", fear: true, who: understand.WhoMe},
		{text: "he tied me to the bed and said he is coming back tonight", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "als hij erachter komt dat ik met iemand over hem heb gepraat maakt hij me af, dat heeft ie letterlijk gezegd", intent: "*", fear: true, who: understand.WhoMe},
		// Being thrown out of school, locked up or shown in videos for
		// talking is a fear; a man who does not wake up is danger now.
		{text: "scared my school finds out and kicks me out, i did some runs for these guys and i want out", intent: "*", fear: true, who: understand.WhoMe},
		{text: "will the police lock me up? i worked with a fake id they gave me", intent: "*", fear: true},
		{text: "im scared if i talk theyll post the videos everywhere, they already told me so", intent: "*", fear: true, who: understand.WhoMe},
		{text: "krijgen mijn ouders het te horen als ik hier iets vertel? ben 15 en wil echt geen ruzie thuis", intent: "*", fear: true, home: true, age: understand.AgeMinor},
		{text: "one man has had high fever 3 days and now he doesnt wake up", intent: "danger", danger: true},
		// A parent's panic about a daughter safe at home now, and live-in
		// help kept in the house, are stories, not danger now.
		{text: "mn dochter van 17 heeft een vriend en ik zag op haar tel dat hij advertenties voor haar plaatst op een site, ze is nu veilig thuis maar ik ben in paniek", intent: "*", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mijn moeder werkt als inwonende hulp bij een familie in wassenaar, ze mag het huis niet uit en haar paspoort ligt in hun kluis", intent: "*", home: true},
		// Unsafe work is what is reported, and a parent scared of what
		// a debt means tells a story.
		{text: "who do i report unsafe work and no pay to in NL, like the government inspection", intent: "*"},
		{text: "my 15yo daughter has an older bf who buys her everything and now says she owes him. scared of what that means", intent: "*", who: understand.WhoOther, age: understand.AgeMinor},
		// Hurting the family for talking, said by someone safe now, is
		// the fear; a man who looks scared in a neighbour's story is his
		// story.
		{text: "they told me they know where my family lives back home and will hurt them if i talk. im safe rn but so scared", intent: "*", fear: true, home: true},
		{text: "mn buurman laat een poolse man bij hem wonen die elke dag met zn auto ergens wiet ophaalt, die man kijkt echt doodsbang", intent: "*"},
		// What he says the police would do is that fear; never going
		// anywhere alone is how she lives, not someone held now.
		{text: "hij zegt dat de politie mij meeneemt omdat ik zonder vergunning werk en dat mn familie in nigeria dan problemen krijgt", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "mn huisgenote werkt als masseuse maar haar vriend regelt alles, houdt haar geld en ze mag nergens alleen heen", intent: "sexual"},
		// Not wanting the police is that fear.
		{text: "mn ouders mogen dit nooit weten en ik wil geen politie erbij. kan ik dan wel iets vragen", intent: "*", fear: true, home: true},
		// A threat to report the person to the IND is a fear, not danger
		// now, though it is said with "dreigen" and "als ik niet".
		{text: "ze dreigen me aan te geven bij de IND als ik niet blijf werken", intent: "question", fear: true, who: understand.WhoMe},
		// A threat to family for talking, with a fear of being found
		// out, is a fear: "doet hij mijn zusje iets aan" is what the
		// talking would bring, not what happens now.
		{text: "als hij erachter komt dat ik met iemand heb gepraat doet hij mijn zusje iets aan", intent: "", fear: true, who: understand.WhoOther},
		// A dog at the door with the boss is no pet: only a fear of dogs
		// is everyday.
		{text: "niemand mag weg en de baas staat bij de deur met een hond", intent: "danger", danger: true},
		{text: "he is at the door with a dog and wont let us leave", intent: "danger", danger: true},
		// A long question nothing else reads is the contact model's before
		// it is the topic model's.
		{text: "wie doet er in nederland onafhankelijk onderzoek naar mensenhandel, ik schrijf een werkstuk en zoek rapporten", intent: "question", who: understand.WhoMe},
		// "if i dont show" is no TV show.
		{text: "they want me to bring a bag to utrecht tonight and if i dont show they go to my mums place", intent: "danger", danger: true, home: true},
		// Being found out for talking is a fear, not danger now, however
		// it is said ("ben ik de lul").
		{text: "als ze ooit horen dat ik met iemand heb gepraat ben ik de lul", intent: "", fear: true, who: understand.WhoMe},
		// Someone else's fear, told: no danger now. One's own is.
		{text: "mijn zoon werkt op een boot, ze hebben zijn paspoort en hij klinkt echt bang", intent: "labour", who: understand.WhoOther},
		{text: "im so scared of him", intent: "danger", danger: true, who: understand.WhoMe},
		// Out, hurt, and they will come looking: danger now.
		{text: "i got away but my leg is broken and they will come looking for me", intent: "danger", danger: true, who: understand.WhoMe},
		// A girl at a hotel with a man, now: danger by rule, not only
		// when the danger model happens to be sure.
		{text: "mijn dochter van 14 zit in een hotel met een man van 40", intent: "danger", danger: true, who: understand.WhoOther, age: understand.AgeMinor},
		// Out of consciousness and breathing strangely: a medical
		// emergency, said in words of its own.
		{text: "mijn vriend is buiten bewustzijn en ademt heel raar", intent: "danger", danger: true, who: understand.WhoMe},
		// Not wanting the police at home is a fear, even where "thuis
		// komt" would read as someone coming.
		{text: "mijn ouders mogen dit nooit weten en ik wil niet dat er politie bij ons thuis komt", intent: "home", fear: true, who: understand.WhoMe, home: true},
		// Where people sleep and what keeps happening is how they live:
		// no danger now.
		{text: "de schoonmakers slapen in hun busje op de parkeerplaats, ze zijn er nog steeds om 23 uur", intent: "labour"},
		// Fier's training before Fier's chat, when a professional asks.
		{text: "ik ben docent, geeft fier ook cursussen?", intent: "training", who: understand.WhoProf},
		// A name said not to be wanted is not asked for.
		{text: "is er een organisatie voor jongens in de criminaliteit, en dan niet de politie", intent: "question"},
		{text: "is er een centrum waar ze sporen onderzoeken en niet meteen politie", intent: "assault"},
		{text: "ik wil hulp maar niet naar de politie", intent: "question"},
		{text: "mijn vriendin is gisteren verkracht, waar kan ze heen voor onderzoek en hulp, ze wil niet per se naar de politie", intent: "assault", who: understand.WhoOther},
		// Someone who says a thing was sent to them writes about another.
		{text: "mijn dochter appt me vanuit een hotelkamer dat er zo een man komt", intent: "danger", danger: true, who: understand.WhoOther},
		// A contact that is the writer's own role is not asked for.
		{text: "ik ben mentor/zorgcoördinator, een leerling van 14 heeft een vriend van 22", intent: "sexual", who: understand.WhoProf, age: understand.AgeMinor},
		// The general question gives way to the meldcode's own.
		{text: "vraagje over de meldcode: eerst zelf de ouders bellen of eerst advies vragen?", intent: "meldcode", home: true, named: "meldcode"},
		// Sexual violence that happened, told by a friend.
		{text: "mijn vriendin is gisteravond verkracht op een feest, waar kan ze heen", intent: "assault", who: understand.WhoOther},
		// Another name a contact is known by asks for it.
		{text: "bnrm", intent: "question", named: "nationaal-rapporteur"},
		{text: "national rapporteur", intent: "question", named: "nationaal-rapporteur"},
		// Words of two topics: the model trained on the rounds says which
		// the message is about. A debt paid back in a club, or by
		// sleeping with someone, is sexual exploitation.
		{text: "ik ben 16 en mijn vriendje wil dat ik met zijn neef slaap omdat hij hem geld schuldig is", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "ging via een vriendin werken in een club, nu zegt de eigenaar dat ik 6000 schuld heb voor reis en kamer en pas mag stoppen als dat af is", intent: "sexual"},
		// What never happens is how someone lives; "nooit meer" is a
		// threat about what comes.
		{text: "hij zegt dat ik nooit meer naar huis mag en hij staat voor de deur", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "hij zegt dat ik hier nooit meer weg kom", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ze mag nooit alleen naar buiten", intent: "unsure"},
		// What goes on every evening does not take away what happens
		// now: two firm signs, a fire, being locked in.
		{text: "elke avond staat hij voor de deur en nu bonkt hij op het raam", intent: "danger", danger: true},
		{text: "they lock us in every night and there is a fire now", intent: "danger", danger: true},
		{text: "he is standing in my room and wont leave", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// A grandmother kept in is no one reading along; a parent not
		// sure of their worry, or a sister's boyfriend, is still a worry.
		{text: "onze oma wordt door haar zoon gedwongen haar hele pensioen af te geven en hij laat haar niet meer alleen naar buiten", intent: "home", who: understand.WhoOther, home: true},
		{text: "ik weet niet of ik overdrijf, mn zoon van 19 heeft een nieuwe 'vriend' die hem overal heen rijdt en sindsdien zegt hij niks meer tegen ons", intent: "unsure", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "not sure if im overreacting but my sister's new bf drives her everywhere and she stopped talking to us", intent: "unsure", who: understand.WhoOther},
		// Parents told: a fear, not a question for a contact.
		{text: "if i report it will they tell my parents? they have no idea what i was doing and it would destroy them", intent: "*", fear: true, home: true},
		{text: "wil wel praten maar de politie gelooft mij nooit, ik heb al een strafblad van dingen die ze me lieten doen", intent: "*", fear: true, who: understand.WhoMe},
		// Where a case stands in the meldcode says who writes.
		{text: "bij wie meld ik in de laatste stap van de meldcode als het om uitbuiting gaat en niet om gewone kindermishandeling", intent: "meldcode", who: understand.WhoProf},
		// A partner who keeps someone from her family is a story of home.
		{text: "my sister's husband controls all her money, took her ID, and she's not allowed to see us unless he's there", intent: "home", who: understand.WhoOther},
		{text: "volgens mij klopt er iets niet met mn buurvrouw, er komen de hele dag andere mannen langs", intent: "*", who: understand.WhoOther},
		// Drugged, the room spinning: danger now.
		{text: "ze gaf me een drankje en nu draait alles, straks komen er vrienden van hem \"langs voor mij\"", intent: "danger", danger: true, who: understand.WhoMe},
		// What someone else takes from what another earns is a worry.
		{text: "Ik werk bij de GGD in de straatzorg. Een jonge vrouw uit Hongarije zegt dat ze vrijwillig werkt, maar haar \"manager\" neemt al het geld in en ze heeft brandwonden op haar arm.", intent: "unsure", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "mn ouders mogen dit NOOIT weten. en als jullie nu de politie erbij halen ben ik er helemaal geweest", intent: "*", fear: true, home: true, who: understand.WhoMe},
		// A case in court, and "now" that tells what came next: no danger.
		{text: "mijn zaak tegen hem komt voor de rechter, wie kan me begeleiden tijdens dat strafproces", intent: "question", who: understand.WhoMe},
		{text: "met a guy online and moved to NL for him. now he says i owe him for the flight and the flat and i have to work in a window. i never agreed to this", intent: "sexual", who: understand.WhoMe},
		{text: "jongen uit mijn klas (hij is 15) heeft me verteld dat een man die hij via snap kent hem geld geeft voor filmpjes", intent: "*", who: understand.WhoOther},
		// A short question about a contact named.
		{text: "wat gebeurt er als ik keerpunt app?", intent: "question", who: understand.WhoMe, named: "keerpunt"},
		{text: "what happens when i message fier?", intent: "question", who: understand.WhoMe, named: "fier"},
		{text: "social worker in utrecht province, who is the regional care coordinator for trafficking victims", intent: "question", who: understand.WhoProf, named: "zorgcoordinator"},
		// A threat to a sister if the writer talks: a fear, not danger now.
		{text: "ze weten op welke school mn zusje zit. als ik tegen wie dan ook iets zeg doen ze haar wat, dat hebben ze letterlijk gezegd", intent: "*", fear: true, who: understand.WhoOther},
		{text: "Bestaat er een e-learning of training over seksuele en criminele uitbuiting die ik met mijn hele team kan volgen?", intent: "training", who: understand.WhoProf},
		{text: "als ik zeg wie mij laat dealen pakken ze mn kleine broertje, dat hebben ze letterlijk gezegd. en de politie neemt mij dan toch gewoon mee", intent: "*", fear: true, who: understand.WhoMe},
		{text: "my son is 13 and came home with 300 euros and a phone he wont explain", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Asking for support in court is no fear; youth care at the door is.
		{text: "krijg ik begeleiding als ik aangifte doe en er straks een rechtszaak komt?", intent: "question", who: understand.WhoMe},
		{text: "als ik het zeg komt jeugdzorg en word ik uit huis gehaald en krijgt mn moeder problemen", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "verpleegkundige seh. jonge vrouw met snijwonden, haar 'begeleider' wil haar meenemen voor de arts er is en wordt nu agressief tegen ons", intent: "danger", danger: true, who: understand.WhoProf, age: understand.AgeAdult},
		{text: "mn zoon van 14 zegt dat hij 'runner' is voor iemand maar wil niet zeggen wat dat inhoudt. is dat iets ergs?", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Made to beg is criminal exploitation (seed 000).
		{text: "mijn neefje moet elke dag bedelen bij het station voor een man", intent: "criminal", who: understand.WhoOther},
		{text: "durf niks te zeggen want hij weet waar mn moeder woont en hij zegt dat hij altijd alles te weten komt", intent: "*", fear: true, home: true},
		// A tip about a place where others are held, a woman who fled,
		// a doubt whether a child is abused: questions, not danger now.
		{text: "hoe geef ik anoniem een tip door over een pand waar mensen worden vastgehouden, zien ze dan mijn nummer?", intent: "question", who: understand.WhoMe},
		{text: "maatschappelijk werker hier, hoe regel ik een opvangplek voor een vrouw die net gevlucht is bij haar uitbuiter? ze komt uit nigeria", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "ik ben pedagogisch medewerker op een kdv en twijfel of een kindje thuis mishandeld wordt, waar kan ik overleggen zonder meteen een melding te doen?", intent: "*", who: understand.WhoProf, home: true},
		{text: "ik ben net gevlucht en hij zoekt me", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik heb in het begin zelf ja gezegd, dus ik tel toch niet mee? straks lachen ze me uit op het bureau", intent: "*", fear: true, who: understand.WhoMe},
		{text: "i can hear him on the stairs. he said if i ever told anyone id regret it and i think he saw my messages", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "als ik dit vertel komen ze me misschien uit huis halen en dan is mn moeder boos op mij. dat wil ik ook niet", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ze weten waar mn oma woont. als ze erachter komen dat ik met iemand hierover praat...", intent: "*", fear: true, home: true},
		// Selling for older guys is criminal exploitation; the older guys
		// alone made it a story of sex.
		{text: "my brother (16) sells stuff for older guys", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// "alles draait om geld" says what matters to someone.
		{text: "bij hem draait alles om geld, ik moet elke week meer inleveren", intent: "*", who: understand.WhoMe},
		{text: "alles draait, ik kan niet meer staan", intent: "danger", danger: true, who: understand.WhoMe},
		// A threat reported, for talking: the fear of it, not harm now.
		{text: "they know where my mum lives in romania. if i talk they said they'll hurt her", intent: "*", fear: true, home: true},
		// What was seen once, or happens for the third time, told by a
		// neighbour or a nurse, is their story.
		{text: "in het huis naast ons wonen minstens 12 mannen, ze worden om 5 uur s ochtends opgehaald met een busje en komen pas laat terug. 1 keer zag ik er een huilen op de stoep", intent: "labour"},
		{text: "verpleegkundige op de soa-poli hier. een vrouw van rond de 20 komt voor de derde keer dit jaar, er zit steeds een man in de wachtkamer die alle vragen voor haar beantwoordt en haar telefoon vasthoudt", intent: "*", who: understand.WhoProf, age: understand.AgeAdult},
		// A long story of a home with no money of one's own is read,
		// not met with the welcome.
		{text: "mijn man heeft me uit marokko hierheen gehaald, ik mag geen eigen geld hebben, moet voor zijn hele familie koken en poetsen en hij dreigt me terug te sturen zonder de kinderen", intent: "home", who: understand.WhoMe, home: true},
		{text: "ik durf na school niet naar huis", intent: "home", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "my son is 14 and someone online pays him to collect bank cards from other kids at school", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Someone seen never to leave, told by a neighbour, is their
		// story, not harm now.
		{text: "bij de snackbar om de hoek slaapt de kok volgens mij gewoon in de kelder. ik zie hem nooit buiten, hij lijkt doodsbang voor de eigenaar en ik spreek zijn taal niet", intent: "labour"},
		{text: "my neighbours' cleaner never leaves the house. she's there 7 days a week and i saw them put her passport in a drawer. is this something or am i just being nosy", intent: "*"},
		// An ultimatum for tonight is danger now, whatever everyday life
		// is told beside it.
		{text: "ze zeggen dat als ik vanavond niet kom opdraven ze mn broertje pakken. hij is 11 en loopt nu alleen van voetbal naar huis", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "if i report my boss will they check my visa? i overstayed and honestly im more scared of deportation than of him", intent: "*", fear: true, who: understand.WhoMe},
		{text: "our foster son (11) flinches whenever his older brother visits and told us he had to sleep on the balcony at his birth mother's", intent: "home", who: understand.WhoOther, age: understand.AgeMinor},
		// Keeping quiet about home for fear of youth care is that fear.
		{text: "als jeugdzorg erachter komt halen ze mn broertjes weg, dus ik zeg niks over wat er thuis gebeurt", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Holding bank cards for someone is criminal exploitation, no one
		// held.
		{text: "my 15 yo daughter keeps disappearing for days and comes back with bank cards in other peoples names. she says shes just holding them for a friend", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// A curse for talking is the fear of it.
		{text: "they said the juju will kill my family back home if i talk to anyone", intent: "*", fear: true, home: true},
		// Not answering messages is no one unconscious.
		{text: "Een vriendin van mij (21) zegt dat haar vriend advertenties van haar online zet en het geld 'voor hun toekomst' bewaart. Ze ziet er slecht uit en reageert bijna niet meer op berichten.", intent: "sexual", who: understand.WhoOther},
		{text: "Youth worker here. A 15 y/o girl in our group keeps showing up with hotel key cards and a brand new iPhone, and she steps outside every time a certain number calls.", intent: "sexual", who: understand.WhoProf, age: understand.AgeMinor},
		// Someone who just stepped out of exploitation is safe now; a
		// professional asks where she can stay.
		{text: "Ik werk bij de gemeente en zoek opvang voor een vrouw die net uit een uitbuitingssituatie is gestapt. Wie regelt dat landelijk?", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		// "like at home" is another country's number, not a home.
		{text: "what number do you call in the netherlands when something is happening right now, is it 911 like at home?", intent: "question", home: true},
		{text: "lol wrong app sorry", intent: "leave"},
		// Pocket money kept back is not a person held.
		{text: "mijn zus is au pair bij een gezin in wassenaar. ze mag alleen op zondag een uur bellen en heeft geen vrije dagen, haar zakgeld houden ze 'voor haar vast'. is dat normaal??", intent: "*", who: understand.WhoOther},
		{text: "ik kwam als au pair maar de man van het gezin komt s nachts op mn kamer en zegt dat ik anders terug moet naar mn land", intent: "sexual", who: understand.WhoMe},
		// In the back of a car that will not stop: taken now.
		{text: "im in the back of his car, he wont stop and keeps saying i work for him now", intent: "danger", danger: true, who: understand.WhoMe},
		// Dreading a trial is no danger now; the question is whom to ask.
		{text: "who can guide me through the court case against the man who exploited me? im scared of the trial", intent: "question", who: understand.WhoMe},
		{text: "bij ons in de straat is een huis waar steeds andere vrouwen in en uit gaan, ramen afgeplakt, s nachts stoppen er autos en dan weer weg. weet niet of ik me aanstel", intent: "unsure", who: understand.WhoMe},
		{text: "they drove me to some field and said im not going home till i sell everything in the bag. its dark and they have a dog", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// Photos shown to everyone if the person talks: the fear of it.
		{text: "ze zeggen dat ze mn fotos naar iedereen sturen als ik iets vertel. ik durf echt niet", intent: "*", fear: true, who: understand.WhoMe},
		// A trial to come is no one coming in.
		{text: "ik heb aangifte gedaan en de rechtszaak komt eraan, wie kan me daarbij begeleiden", intent: "question", who: understand.WhoMe},
		// Punished tonight by those who hold the person is danger; being
		// punished by the law is the fear.
		{text: "ze zeggen dat ik vanavond gestraft word omdat ik te weinig heb opgehaald. ik durf niet naar huis", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "word ik gestraft als ik vertel dat ik mijn rekening heb uitgeleend? wil niet de bak in", intent: "*", fear: true, who: understand.WhoMe},
		// A neighbour beating his wife, heard now, is danger whatever
		// her days are like.
		{text: "de buurman is zn vrouw aan het slaan ik hoor haar gillen door de muur. ze werkt altijd in zn nagelsalon en mag nooit alleen naar buiten", intent: "danger", danger: true, who: understand.WhoOther, age: understand.AgeAdult},
		{text: "my cousins crew said anyone who snitches gets stabbed. i did a few runs for them. will the cops charge me if i talk", intent: "*", fear: true},
		{text: "i want to tell someone about what my dad does but if social services come he'll know it was me and it'll be worse", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// What youth care or parents would do if told is the fear of it.
		{text: "zeggen jullie het tegen mn ouders? dan ben ik echt dood", intent: "*", fear: true, home: true},
		{text: "als jeugdzorg erbij komt halen ze mn kleine zusjes weg toch. dus ik zeg liever niks over wat er thuis gebeurt", intent: "*", fear: true, home: true},
		{text: "blijft dit gesprek anoniem? ziet iemand mijn naam of nummer", intent: "bot"},
		// A flight paid off is a debt, not someone flown away.
		{text: "our cleaner told me she hasnt been paid in 4 months because she is 'paying off' her flight to the family who brought her here", intent: "labour", who: understand.WhoOther, home: true},
		{text: "they're putting me on a flight to dubai tomorrow at 7am, i never agreed to this job", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "als ik aangifte doe komt hij er toch achter en dan doet hij mijn familie iets aan. ik durf het niet", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "scared that if i tell someone they'll split me and my little brothers up and put us in different homes", intent: "*", fear: true, who: understand.WhoMe},
		// "what is normal here", and asparagus cut on a farm.
		{text: "is it exploitation if the restaurant owner pays me 3 euro an hour cash but gives me a room upstairs? i don't have papers so idk what is normal here", intent: "labour", who: understand.WhoMe},
		// Passing something on without one's name, as they know where
		// one lives: the fear of being found out, not danger now.
		{text: "kan ik ergens iets doorgeven zonder mijn naam? ik ken de jongens die het doen en ze weten waar ik woon", intent: "*", fear: true, who: understand.WhoMe},
		// A client who ran away from her exploiter needs a place to stay:
		// the number asked for, not 112.
		{text: "wat is het telefoonnummer van comensha? ik zoek opvang voor een cliënt die net is weggelopen bij haar uitbuiter", intent: "*", who: understand.WhoProf, named: "comensha"},
		{text: "ik ben net weggelopen bij hem en hij zoekt me", intent: "danger", danger: true, who: understand.WhoMe},
		// What a father does whenever he gets drunk, told by a classmate.
		{text: "jongen uit mn klas heeft steeds blauwe plekken op zn armen, hij zegt dat zn vader dronken wordt en dan slaat. hij heeft ook nooit eten bij zich", intent: "home", who: understand.WhoOther, home: true},
		// Pushed into sex work is no one pushed into a van; never hit is
		// no one hit.
		{text: "is there an anonymous chat for girls whose boyfriend pushes them into sex work?", intent: "*"},
		{text: "he pushed them into the van and drove off", intent: "danger", danger: true},
		{text: "is het uitbuiting als je vriend zegt dat je geld moet verdienen om zijn schuld af te lossen? hij heeft me nog nooit geslagen ofzo", intent: "*", who: understand.WhoMe},
		// A district nursing team asking for training is professionals.
		{text: "Is er een training of e-learning voor ons wijkverpleegteam over het herkennen van uitbuiting?", intent: "training", who: understand.WhoProf},
		// Asking whether the bot calls the police, or must report one.
		{text: "ik heb dingen gedaan met mannen voor geld omdat mn vriend dat wilde. mn ouders mogen het nooit weten. gaan jullie nu de politie bellen als ik meer vertel?", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "if i tell you about the guys i sell for do you have to report me? i already have a case going and i cant get another one", intent: "*", fear: true, who: understand.WhoMe},
		// "er ... over praten" is no one who "zijn er over" an hour.
		{text: "waar kan mijn zoon anoniem chatten? hij moet geld verdienen voor een groep jongens en wil er met ons niet over praten", intent: "*", who: understand.WhoOther},
		{text: "hij zegt dat ik vanavond met zn vrienden moet feesten, ze zijn er over een uur", intent: "danger", danger: true},
		// What parents "would" do if told is the fear; "they would kill
		// me" with them outside now stays danger.
		{text: "do the police tell my parents if i say i was selling stuff for someone? they would kill me", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "they would kill me if they find me, they are outside now", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "hij weet waar mn oma woont. als ik praat gaat hij daar langs zei hij", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "they said if i go to the police they will hurt my little sister back home in nigeria", intent: "*", fear: true, home: true},
		{text: "they will hurt my little sister tonight, they are at her school now", intent: "danger", danger: true},
		// A woman with nowhere to go, for whom a social worker seeks a
		// place: a question, not someone held.
		{text: "maatschappelijk werker hier. wie regelt opvang voor een vrouw die uit een uitbuitingssituatie komt en nergens heen kan?", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		// A sister who hardly answers her family any more is no one
		// unconscious; someone on the floor who does not answer is.
		{text: "mn zus (20) is helemaal veranderd sinds ze die nieuwe vriend heeft. ze zit steeds in hotels in andere steden, zegt dat ze \"model\" is en reageert bijna niet meer op ons", intent: "sexual", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "hij ligt op de grond en reageert niet meer op ons", intent: "danger", danger: true},
		// Hurt, and kept from a doctor: danger. Not allowed to see a
		// doctor alone is how a life is controlled.
		{text: "ze hebben mn vinger gebroken omdat er geld mist bij de afrekening. ik mag niet naar de eerste hulp zeggen ze, het is helemaal dik en blauw", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ik ben wijkverpleegkundige, cliënte van me (rond de 30) moet van haar man in een kapsalon werken zonder loon en mag niet alleen naar de dokter", intent: "*", who: understand.WhoProf},
		{text: "mn zoon smeekt me niks te melden want dan 'weten ze dat hij gepraat heeft'. wat als ze ons adres hebben", intent: "*", fear: true},
		{text: "my boss said if anyone talks to inspectors the whole team gets sent home and our families pay back the travel money. i want to tell someone but im scared", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// A teacher in doubt whether it is abuse asks for Veilig Thuis.
		{text: "ik ben leerkracht in groep 6 en twijfel of het bij een leerling om mishandeling of iets anders gaat. met wie kan ik overleggen, wat is het nummer van veilig thuis?", intent: "*", who: understand.WhoProf, named: "veilig-thuis", age: understand.AgeMinor},
		{text: "they know where my kids live back home. if anyone finds out i talked to someone they will hurt them", intent: "*", fear: true, home: true},
		// Bailiffs at the door for debts in a son's name: his story.
		{text: "mijn zoon is 19 en heeft een licht verstandelijke beperking. zogenaamde vrienden hebben op zijn naam telefoonabonnementen afgesloten en autos gehuurd, nu staan de deurwaarders op de stoep", intent: "*", who: understand.WhoOther, age: understand.AgeAdult},
		// Picked up soon to "be nice" to someone who paid: danger now.
		{text: `ik ben 15 en word zo opgehaald door een vriend van mn vriendje, ik moet "lief zijn" voor iemand die al betaald heeft. ze weten waar ik woon`, intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		// A phone held, a boss who waited, a beggar put at a shop, a boy
		// dropped off again and again: what others see, not danger now.
		{text: "I work the front desk at a hotel. Same young woman, different men every hour, an older guy pays cash for the room and waits in the lobby holding her phone.", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "GP here. male patient from romania with crushed fingers, says he works at a car wash, won't give an address, his boss waited in the car the whole time", intent: "labour", who: understand.WhoProf},
		{text: "there's a man begging outside our supermarket every day, a car drops him at 8 and picks him up at 6 and someone takes his cup before he gets in", intent: "criminal"},
		{text: "bij ons in de straat wordt steeds een jongen afgezet die een uur later met een sporttas weer instapt. hij kijkt schichtig en ziet er heel jong uit, geen idee hoe oud", intent: "criminal", who: understand.WhoOther},
		// What a stepfather says the writer must do after school is how
		// home goes: the help for home.
		{text: "mn stiefvader slaat mn moeder en zegt dat ik na school bij zn vriend in de garage moet werken om 'mijn kosten' te betalen", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Told by a trainer, a courier, a hotel manager: what goes on
		// around someone else, not danger now.
		{text: "ik ben voetbaltrainer. een speler van de o15 komt niet meer trainen, hij zei tegen een teamgenoot dat hij voor een paar jongens moet werken en anders klappen krijgt", intent: "criminal", who: understand.WhoProf},
		{text: "ik bezorg pakketjes en bij een adres doet steeds een ander meisje open, heel jong, en er staat altijd een man achter haar die de deur meteen weer dichtdoet", intent: "sexual", who: understand.WhoMe},
		{text: "i manage a hotel. the cleaning subcontractor drops the women off at 6am and picks them up at 11pm, they eat standing in the linen room and they look terrified of the driver", intent: "labour", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "een vriend van me moet van een groep voor hun bij mensen aanbellen en zich voordoen als bankmedewerker. hij wil stoppen maar ze hebben een foto van zn id", intent: "criminal"},
		// A child made to work all day and hit at home: the help for home.
		{text: "my dad makes me skip school to work in my uncles shop all day and hits me when i say no. im 14", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// A home that locks the fridge, a stepfather who hits when he has
		// drunk, a boy hit when he brings back too little, a mate afraid
		// to go out: how life goes, not danger now.
		{text: "thuis word ik elke dag uitgescholden en mn stiefvader doet de koelkast op slot. ik mag nergens heen behalve school", intent: "home", who: understand.WhoMe, home: true},
		{text: "mn stiefvader slaat mn moeder en mij als hij gedronken heeft. ik durf na school niet meer naar huis", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "my cousin is 13 and some older boys make him sell weed at the skatepark, if he comes back with less money they hit him", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "yo ff vraagje, een gast uit de buurt wil dat ik voor hem ga lopen, 150 per dag. mn maat deed dat ook en die durft nu niet meer naar buiten. idk wat ik moet", intent: "criminal", who: understand.WhoMe},
		// Getting into a van that drives off: danger, also at a festival.
		{text: "we're at a festival and my 16yo sister just got into a van with three older guys she met online, they're pulling out of the parking lot now", intent: "danger", danger: true, who: understand.WhoOther, age: understand.AgeMinor},
		// Coming round tonight to "settle it" after a lost parcel: danger,
		// though they know where his mother lives, which is no fear of
		// the police.
		{text: `ik moest vanavond een pakketje wegbrengen maar het is gejat en nu zeggen ze dat ze vannacht langskomen om het "met mij te regelen". ze weten waar mn moeder woont`, intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// A neighbour's girl often left outside till late: her story.
		{text: "het buurmeisje van 11 staat vaak tot laat buiten te wachten, ik hoor veel geschreeuw door de muur en ze heeft vaak blauwe plekken op haar armen", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		// Pushed into crime, asked about: a question, not harm now.
		{text: "is er een chat voor jongens die de criminaliteit in zijn geduwd? mn vriend durft niet te bellen", intent: "question"},
		// What "they" now ask of someone in a job: a story, with its doubt.
		{text: "heb via insta een baantje als hostess gevonden, drankjes serveren. nu vragen ze of ik ook mee naar boven wil met gasten. is dit nog normaal?", intent: "*", who: understand.WhoMe},
		{text: "dankje, ik weet nu genoeg", intent: "thanks", who: understand.WhoMe},
		// A neighbour's little boy is someone else. "een jaar of 20" says
		// no age of the one a message is about: as often it is the man's,
		// "een man van een jaar of 50".
		{text: "het buurjongetje van een jaar of 8 staat vaak 's avonds laat buiten in de kou, binnen wordt er geschreeuwd en hij heeft blauwe plekken op zn armen", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		// A pupil who "komt doodmoe binnen", told by a teacher, is no one
		// coming in on the writer; "briefjes van 50" is money, no age.
		{text: "Leerling van mij (3 havo) is sinds de kerstvakantie vaak afwezig, komt doodmoe binnen, heeft twee telefoons en een jongen van een jaar of 20 haalt hem op bij het hek. Laatst zag ik een rol briefjes van 50 in zijn etui.", intent: "unsure", who: understand.WhoProf},
		{text: "ik zag een rol briefjes van 50 in de tas van mijn zoon", intent: "*", who: understand.WhoOther},
		// A parent's "we zijn er kapot van" tells; it asks nothing.
		{text: "onze dochter van 15 moet van een jongen pinpassen ophalen bij oude mensen, ze zegt dat ze anders haar naaktfoto rondstuurt. we zijn er kapot van", intent: "online", who: understand.WhoOther, age: understand.AgeMinor},
		// Harm to a grandmother if the writer ever talks: the fear of it.
		{text: "hij heeft mijn adres en dat van mn oma. hij zegt als ik ooit praat dat hij haar iets aandoet. ik durf echt niks", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "mn beste vriendin heeft opeens 3 telefoons en een gucci tas en ze gaat elk weekend 'logeren' bij een gast in amsterdam die niemand van ons kent", intent: "unsure", who: understand.WhoOther},
		{text: `my little brother (14) keeps getting picked up at night by older guys and comes back with cash and a cut on his hand, he says it's just "runs"`, intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Pushed into a van now: danger.
		{text: "ze duwen me nu in een busje", intent: "danger", danger: true, who: understand.WhoMe},
		// A boss who yells at his workers, those "exploited here" asked
		// about, "nergens anders slapen": no danger now, and no "or else".
		{text: "bij de carwash hier verderop werken jongens die er ook slapen. ze zien er heel jong uit en de baas staat de hele dag tegen ze te schreeuwen", intent: "labour"},
		{text: "is there an organisation for migrant workers who are exploited here that speaks english?", intent: "question"},
		{text: "thuis slaat mn stiefvader mn moeder en mij als hij gedronken heeft en ik mag nergens anders slapen", intent: "home", who: understand.WhoMe, home: true},
		// Family who will "feel it" if the writer talks: the fear of it.
		{text: "ze hebben gezegd dat mn familie het voelt als ik ga praten. ik durf niks", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// How a boy comes by things, a classmate hit when work is not
		// done, a neighbour's kid outside late: no danger now.
		{text: "onze zoon van 14 komt steeds later thuis, heeft 2 telefoons en nieuwe schoenen waarvan hij niet zegt hoe hij eraan komt. gisteren zag ik een pakketje in zn tas", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "mn klasgenootje mag na school nooit weg, moet de hele dag voor haar broertjes zorgen en het huis doen en ze krijgt klappen als iets niet af is", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "neighbour kid, maybe 10, is outside late every night, looks hungry and flinches when his uncle calls him. sometimes we hear screaming through the wall", intent: "home", who: understand.WhoOther, home: true, age: understand.AgeMinor},
		// "in de zaak van zn maat" is his mate's business, not a van.
		{text: "thuis slaat mn stiefvader mn moeder en mij en nu zegt hij dat ik na school in de zaak van zn maat moet werken zonder geld want ik kost hem alleen maar geld", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "ik poets voor een familie en woon bij ze op zolder. ze geven me eten maar geen geld omdat ik hun zou terugbetalen voor de reis. hoelang duurt dat nog", intent: "labour", who: understand.WhoMe, home: true},
		// "een klasgenootje van me": the "me" says whose classmate.
		{text: "klasgenootje van me heeft steeds blauwe plekken op haar armen, zegt dat ze gevallen is, en ze wil na school nooit naar huis", intent: "home", who: understand.WhoOther, age: understand.AgeMinor},
		// Someone safe in an office now, shelter asked for; a man who
		// waited outside; a girl kept from school: no danger now.
		{text: "Wie regelt opvang voor een buitenlandse vrouw die net weg is bij haar uitbuiter? Ze zit nu bij ons op kantoor en kan nergens heen.", intent: "question", age: understand.AgeAdult},
		{text: "I'm a dentist. A patient from a cleaning crew had untreated abscesses, said her agency keeps her bank card so she can't pay for anything. A man waited outside the whole appointment.", intent: "labour", who: understand.WhoProf},
		{text: "my 12 yo daughter keeps running away from her dads house, she says he makes her look after the babies all day and wont let her go to school", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: `my daughter is 17 and her dads family is planning a "holiday" back home, i overheard them talking about marrying her to someone there`, intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// A fine from the inspection is what a worker without papers
		// fears: a fear, not danger now.
		{text: "im scared the inspection will fine me too because i worked without papers", intent: "*", fear: true, who: understand.WhoMe},
		// Made to "borrow" from shops by a boyfriend, and caught: crime.
		{text: `mijn dochter van 16 moet van haar vriendje dingen "lenen" bij de primark en de kruidvat, hij zegt dat ze anders niet van hem houdt. ze is al twee keer betrapt en hij is nooit in de buurt als het misgaat`, intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Afraid to be laughed at or blamed: a fear, not danger now.
		{text: "i don't even know if what happened to me counts as anything and i'm scared they'll laugh at me or say it was my own fault", intent: "*", fear: true, who: understand.WhoMe},
		// A house set on fire if anyone calls the police: the fear of it.
		{text: "ze hebben gezegd dat als iemand van ons de wouten belt ze ons huis in de fik zetten. mn moeder weet van niks. ik durf gewoon niks", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Dreading a trial; a father who keeps a girl home but for
		// school: no danger now.
		{text: "my daughter's father won't let her leave the house except for school and reads all her messages. she's 13 and terrified of him, she cries before every visit", intent: "home", who: understand.WhoOther, home: true},
		{text: "my sister moved to amsterdam with her new boyfriend and now she works behind the windows and gives all her money to him. whenever i call he's there and she sounds scripted", intent: "sexual", who: understand.WhoOther},
		// Support through a trial is asked of Slachtofferhulp, also when
		// the message says what the trial is about.
		{text: "my daughter has to testify in court against the man who pimped her, who can come with her and explain how it works", intent: "court", who: understand.WhoOther},
		{text: "mijn zaak komt binnenkort voor de rechter en ik zie er zo tegenop. is er iemand die met me mee kan naar de rechtbank", intent: "court", who: understand.WhoMe},
		// Beaten if he says no, if he comes back with nothing, if she is
		// late home: how they are held, told as a story, not danger now.
		{text: "mn neef van 15 moet van een groep scooters jatten, als hij nee zegt slaan ze hem in elkaar. hij heeft al een blauw oog", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "jongerenwerker hier. jongen van 15 uit mijn groep moet van een oudere gast telefoons jatten in de binnenstad. komt hij met niks terug dan krijgt ie klappen", intent: "criminal", who: understand.WhoProf},
		{text: "mijn stiefvader slaat me als ik te laat thuis ben en mijn moeder doet niks. ik ben 13 en durf niet meer naar huis na school", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "het meisje van de buren is een jaar of 11, ze doet de hele dag het huishouden en gaat volgens mij nooit naar school. ik hoor vaak geschreeuw en klappen", intent: "home", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "ik doe webcamshows maar mn vriend beheert het account en ik zie nooit een cent. als ik zeg dat ik wil stoppen dreigt hij alles naar mn familie te sturen", intent: "sexual", who: understand.WhoMe, home: true},
		// Afraid Veilig Thuis takes the writer from home: a fear; wanting
		// it to stop at home is no one who will not stop a car.
		{text: "gaat veilig thuis me uit huis halen als ik dit vertel? ik wil alleen dat het thuis stopt, niet dat mn moeder in de problemen komt", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// A daughter who closes up when asked ("slaat ze dicht") is hit
		// by no one.
		{text: `mijn dochter van 15 heeft sinds kort een vriend van 22 die haar overal ophaalt. ze heeft opeens een nieuwe iphone en gelnagels en slaapt steeds "bij een vriendin". als ik ernaar vraag slaat ze dicht`, intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mn stiefvader slaat me als ik geen geld mee naar huis neem, ik ben 16 en werk zwart in de snackbar van zn neef", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Harm to a mother if the writer goes to the police: the fear.
		{text: "als ik naar de politie ga weet hij het binnen een dag, zn neef werkt daar. hij zei dat hij dan mn moeder iets aandoet", intent: "*", fear: true, home: true},
		// A mentor asks whom to call about a student not safe at home.
		{text: "Ik ben mentor op een mbo. Welk nummer bel ik om advies te vragen over een student waarvan ik denk dat het thuis niet veilig is?", intent: "question", who: understand.WhoProf, home: true},
		// A man who stood at the door once, men who come and go all night:
		// what goes on, not someone at the door now.
		{text: "Onze zoon van 15 is sinds een paar weken steeds weg, hij ruikt naar wiet en laatst stond er een man aan de deur die zei dat onze zoon 'nog iets moest afbetalen'. We slapen er niet meer van.", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "pretty sure the massage place downstairs isnt a massage place. the girls never leave, men come and go all night and some guy brings them food", intent: "sexual"},
		{text: "theres a kid, maybe 13, selling roses in the restaurants every night till 2am. a man waits outside and takes the money off her after every place", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Shut in a container without air, children going limp: danger,
		// however sure the model is.
		{text: "wij zitten in container achter in vrachtwagen al heel lang, bijna geen lucht, kinderen worden slap", intent: "danger", danger: true},
		// "people everywhere, even in the police": the fear of them.
		{text: "they say they have people everywhere, even in the police. how do i know this chat isnt them", intent: "*", fear: true, who: understand.WhoMe},
		// Asking how to reach the police fears nothing.
		{text: "how do i get in touch with the dutch police team for migration crime and human trafficking?", intent: "question", who: understand.WhoMe},
		// A phone taken away, a beating for coming home late, locked in
		// when he goes out, men driven to the fields on the farm next
		// door: how they are kept, not danger now.
		{text: "mn vader pakt mn telefoon af en slaat me als ik 5 min te laat ben. ik durf echt niet meer naar huis na school", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "my 9 year old came back from her dads saying he makes her do all the housework and locks her in her room when he goes out at night", intent: "home", who: understand.WhoOther, home: true, age: understand.AgeMinor},
		{text: "there's a group of men living in containers on the farm next to us. the farmer drives them to the fields at 5am and back at 9pm, sundays too", intent: "labour"},
		// Beaten if he does not come or says no, told by one who sees
		// it; a flat a worker is put in; a parcel that went missing:
		// their story, not danger now.
		{text: "mn broertje (13) moet van oudere jongens op de uitkijk staan bij het station. als hij niet komt krijgt hij klappen", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mn neefje van 13 moet van zn 'vrienden' jatten bij de jumbo en alles aan hun afgeven, als ie nee zegt wordt ie in elkaar geslagen", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "came here for a warehouse job but they put me in a flat with 14 people and take 400 a month for a bed. they still have my ID card since the first day", intent: "labour", who: understand.WhoMe},
		{text: "guy from my gym got pushed into driving 'parcels' to belgium. now one went missing and they say he owes them 10k and they know where his gf lives", intent: "criminal"},
		// Help for a woman who ran away, asked by one who supports her.
		{text: "Ik begeleid een vrouw die uit een uitbuitingssituatie is weggelopen. Waar regel ik opvang voor haar en wie kan mij daarover adviseren?", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		// A family that will "bezuren" it if the writer talks: the fear.
		{text: "ze zeiden dat als ik ooit iets zeg over het lopen mn familie het gaat bezuren. dus ik zeg liever niks maar ik slaap niet meer", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Locked up as a punishment, told by a parent; a boy caught
		// "twice this week" with a man waiting in a car: their story.
		{text: "sinds mn nieuwe partner bij ons woont is mn dochter van 11 heel stil geworden. hij straft haar door haar op te sluiten en ze eet bijna niet meer", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "I'm a youth worker. One of my boys (16) got caught shoplifting twice this week, always the same chain, and an older guy waits for him in a car outside.", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		{text: "some older guys make me and my friend pickpocket at central station, we give them everything and have to sleep at their place", intent: "criminal", who: understand.WhoMe},
		// Seen getting into an expensive car, a cousin who keeps getting
		// picked up, a girl in long sleeves in summer: signs to wonder
		// about, not danger now.
		{text: "Leerling uit 3 havo verzuimt veel, heeft twee telefoons en ik zag hem laatst bij de poort in een dure auto stappen bij mannen van in de twintig. Hij zegt dat hij 'iets moet afbetalen'.", intent: "unsure", who: understand.WhoProf},
		{text: `my cousin (14) keeps getting picked up by older guys in a car and comes home at 4am with cash. says hes "doing runs"`, intent: "*", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "In onze flat hoor ik bijna elke avond een kind huilen en een man tekeergaan. Het meisje van een jaar of 8 draagt midden in de zomer lange mouwen en ontwijkt me in de lift.", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mn stiefvader pakt al het geld af van mn bijbaantje en als ik nee zeg krijg ik klappen. ik mag ook nergens heen na school", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Taken to the airport tomorrow to a man never seen: danger now.
		{text: "mn vader heeft mn paspoort verscheurd en zegt dat ik morgenochtend mee moet naar het vliegveld, naar een man die ik nooit gezien heb", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// A sister hurt unless a bag is delivered "by midnight": an
		// ultimatum with a time, danger now though they know where she
		// goes to school.
		{text: "they gave me a bag and said if i dont deliver it by midnight they will hurt my little sister. they know where she goes to school", intent: "danger", danger: true},
		// A boy who stood at the door last night: what was, not now.
		{text: "mn zoon heeft opeens 3 telefoons en geld in zn sokken. vannacht stond er een jongen voor de deur die zei dat hij 'nog moest betalen'", intent: "unsure", who: understand.WhoOther},
		// Men who leave at 5am and come back at 10pm "every single day",
		// told at a hostel's desk: their story, not danger now.
		{text: "i work reception at a hostel. a company booked a group of men, the driver holds all their IDs, they leave at 5am and come back at 10pm every single day", intent: "labour"},
		// "my best mate" is someone else; his fear is his.
		{text: `my best mate (guy, 24) got into webcam stuff through someone who "manages" him. now hes scared and says he owes him for the equipment and the flat`, intent: "online", who: understand.WhoOther},
		// "mag nergens heen" after school is how a child is kept, told;
		// "ik ben niet opgesloten" is no one locked in; one who "net uit
		// een uitbuitingssituatie is gestapt" needs shelter, not 112.
		{text: "mn klasgenootje heeft steeds blauwe plekken op d'r armen en zegt dat haar broer haar 'straft'. ze mag na school echt nergens heen", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mn stiefvader slaat me als ik iets verkeerd doe en zegt dat ik mn eigen eten moet verdienen. buiten school mag ik nergens heen", intent: "home", who: understand.WhoMe, home: true},
		{text: "ik werk in een nagelsalon, de eigenaar houdt huur en kosten in en ik hou ongeveer 100 euro per maand over. ik ben niet opgesloten ofzo, dus telt dat eigenlijk wel?", intent: "labour", who: understand.WhoMe},
		{text: "Maatschappelijk werker hier: ik zoek een opvangplek voor een vrouw die net uit een uitbuitingssituatie is gestapt. Wie regelt dat landelijk?", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		// Little sisters taken away if the writer tells: the fear of it.
		{text: "als ik het zeg komen ze mn kleine zusjes weghalen en dan is het mijn schuld", intent: "*", fear: true, who: understand.WhoMe},
		// Locked in one's own room as a punishment, told: a story of
		// home, Veilig Thuis first with 112 a tap away. Locked in now,
		// or someone in the room now, stays danger.
		{text: "my dad takes all the money from my weekend job and locks me in my room if i come home late", intent: "home", who: understand.WhoMe, home: true},
		{text: "hes in my room right now", intent: "danger", danger: true, home: true},
		{text: "hij heeft me opgesloten in mijn kamer en ik kan er niet uit", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// A boy who "gets picked up" by older lads and "now has" three
		// phones, told by his youth worker: signs, not danger now.
		{text: "youth worker. one of my 14 year olds gets picked up outside school by older lads in a car, he's skipping classes and now has three phones", intent: "unsure", who: understand.WhoProf, age: understand.AgeMinor},
		// Hearing them come up the stairs: danger now.
		{text: "ik hoor ze de trap op komen", intent: "danger", danger: true},
		// Kept in a flat till a debt is paid back: held, danger now.
		{text: "my cousin is being kept in a flat in rotterdam till he pays back weed they say he lost. they sent a video of his face all bruised", intent: "danger", danger: true, who: understand.WhoOther},
		// A sister taken "als ik mn mond open doe": the fear of talking.
		{text: "ze zeiden dat ze mn zusje komen halen als ik mn mond open doe. ik durf tegen niemand iets te zeggen", intent: "*", fear: true, who: understand.WhoOther},
		// What a son had to do "or they would hurt" his brother, a till
		// that is short, women who never seem to go outside: stories,
		// not danger now.
		{text: "Our 15 year old son was stopped by police carrying someone else's package. He says he had to, or they would hurt his little brother.", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "my uncle makes me work in his shop after school and all weekend and hits me when the till is short. i'm 14", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "there's a massage place on my street open till 2am. the women never seem to go outside and the windows are covered. should i be worried or am i being nosy", intent: "sexual", age: understand.AgeAdult},
		// A threat unless a boy steals, told by a counsellor; a helper
		// never allowed out alone; a woman who asked which city she is
		// in: their stories, not danger now.
		{text: `school counsellor here. a year 9 boy told me he has to steal phones for his "cousins" and hand them over, otherwise they'll hurt his mum. he made me promise not to tell anyone`, intent: "criminal", who: understand.WhoProf, home: true, age: understand.AgeMinor},
		{text: "the family next door has a live-in helper who is never allowed out alone, i saw her crying on the balcony in january without a coat", intent: "labour", home: true},
		{text: "housekeeping supervisor at a hotel. one room has been booked for weeks by the same man, different women go in and out, and one of them quietly asked me which city we are in", intent: "sexual"},
		{text: "mn stiefvader laat mij na school het hele huis doen en zn winkel schoonmaken, als ik niet wil krijg ik klappen en geen eten", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Taken from home if the writer tells, or it is "klaar met mij"
		// once he hears: fears, answered as fears.
		{text: "als ik dit ergens vertel halen ze me dan uit huis? ik wil niet dat mn broertjes dan alleen met hem zijn", intent: "*", fear: true, who: understand.WhoMe},
		{text: "als hij ooit hoort dat ik met iemand heb gepraat is het klaar met mij. is dit echt anoniem", intent: "*", fear: true, who: understand.WhoMe},
		// Boys who seem locked in, asked about anonymously: the question.
		{text: "kan ik ergens melden dat er in een loods drugs worden gemaakt door jongens die daar opgesloten lijken, zonder mn naam te geven?", intent: "question", who: understand.WhoMe},
		{text: "goeiemorgen, ik wil eerst even weten met wie ik praat", intent: "bot", who: understand.WhoMe},
		// Put in a shed, allowed out only once 2000 euro is paid back:
		// held until then.
		{text: "ze hebben me in een schuur gezet en mn schoenen en telefoon afgepakt, ik mag pas weg als ik 2000 euro heb terugbetaald. dit is een leentelefoon", intent: "danger", danger: true, who: understand.WhoMe},
		// "wacht er komt iemand": someone coming, and reading along soon.
		{text: "wacht er komt iemand", intent: "danger", danger: true},
		// Beaten "anders", told by a parent; a man on the hall, told by
		// a cleaner; "airbnb of iets ergs?": stories, not danger now.
		{text: "mn zoon (14) moet van een groep oudere jongens telefoons jatten bij de mediamarkt, anders slaan ze hem in elkaar. hij heeft al een blauw oog", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "Ik doe de schoonmaak in een hotel. Op de derde verdieping zitten steeds andere jonge vrouwen in dezelfde kamer, altijd een man op de gang die de deur in de gaten houdt, overal condooms en cash.", intent: "sexual"},
		{text: "bij het huis naast ons stopt elke nacht rond 3 uur een auto, er stappen steeds andere meisjes uit die een uur later weer opgehaald worden. airbnb of iets ergs? geen idee eigenlijk", intent: "*"},
		{text: "my best friends dad takes all the money from her job and locks her in her room when he gets angry", intent: "home", who: understand.WhoOther, home: true},
		{text: "pls. being taken", intent: "danger", danger: true},
		// Told crying, angry if she tells; a boy in his pyjamas waiting
		// outside till the door opens; a foreman who screams at them all
		// day: stories, not danger now.
		{text: "m'n dochter van 16 moet van haar 'vriendje' tasjes afgeven bij mensen die ze niet kent, ze vertelde het huilend en wil niet dat ik er iets mee doe omdat hij dan boos wordt", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "het buurjongetje van een jaar of 9 staat vaak in zn pyjama buiten te wachten tot er open wordt gedaan, en savonds hoor ik geschreeuw en harde klappen", intent: "home", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "the guys renovating the house next door sleep inside it, no water, and the foreman screams at them all day. pretty sure they dont get paid", intent: "labour", who: understand.WhoOther},
		// Fears, not danger now: "wat schiet ik ermee op" shoots no one;
		// "hij weet ook waar mn moeder woont" is what he holds over her.
		{text: "als ik naar de politie ga pakken ze mij toch zelf op, ik heb echt dingen verkocht. dus wat schiet ik ermee op", intent: "*", fear: true, who: understand.WhoMe},
		{text: "als ik hier iets over zeg komt hij erachter, hij weet alles en hij weet ook waar mn moeder woont", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "blijft dit tussen ons? komt mn naam ergens te staan?", intent: "bot"},
		// A knife a son had on him, a man who waits in the car outside a
		// small hotel: stories, not danger now.
		{text: "my son is 15 and the police brought him home twice this month. he had cash and a knife on him. he says he owes someone and cant just stop", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "I run a small hotel. There's a woman who checks in every few days with a different man, always paid in cash by another guy who waits outside in the car. She looks terrified, never has her own ID and doesn't speak to staff. I don't want to accuse anyone wrongly but this has been going on for two months.", intent: "sexual", age: understand.AgeAdult},
		// Whether typing here reaches the police: a fear, no police card.
		{text: "komt dit bij de politie als ik hier iets typ? ze zeggen dat ze alles zien wat ik op mn telefoon doe", intent: "*", fear: true, who: understand.WhoMe},
		// Sitting in the library till it closes, told in a story of home;
		// boys at the door at night, told by a parent; a boss who
		// "tolkt" (no typo of "tolt"): no danger now.
		{text: "mn vader slaat mn moeder en soms mij ook. ik durf na school niet meer naar huis, ik zit nu bij de bieb tot die dicht gaat", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "zoon (16) heeft sinds kort een nieuwe vriendengroep, er komen s nachts jongens aan de deur en gister vond ik zakjes met wit poeder in zn jas", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "huisarts. patiënt met brandwonden aan zijn handen, werkt in een schoonmaakbedrijf. zijn baas tolkt alles en wil hem geen seconde alleen laten met mij", intent: "labour", who: understand.WhoProf},
		// Fears, not danger now: whether the writer is guilty too, and
		// whether he finds out "er via iemand achter".
		{text: "ik heb zelf ook meisjes aan hem voorgesteld omdat hij dat wilde. ben ik nu ook schuldig? ik durf nergens heen", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ik weet niet eens of het erg genoeg is om te melden en ben bang dat de politie me uitlacht of dat hij er via iemand achter komt", intent: "*", fear: true, who: understand.WhoMe},
		// An employer who will not let a patient be admitted and wants
		// to take him back now: danger, told by a nurse.
		{text: "Nurse here. Man in our ER with a crushed hand, his 'employer' is standing in the cubicle refusing to let him be admitted and wants to drive him back to the site now.", intent: "danger", danger: true, who: understand.WhoProf},
		// Where "ze" can go after a rape asks for someone else: the
		// question's answer, the Centrum Seksueel Geweld first, not
		// "het is niet jouw schuld" to the writer.
		{text: "Ze is nu veilig thuis. Waar kan ze terecht voor medisch onderzoek na een verkrachting?", intent: "question", who: understand.WhoOther},
		// A daughter locked in her room by her father, told by her
		// mother: a story of home ("in haar kamer" is at home).
		{text: "mn dochter van 13 durft niet meer naar haar vader, hij pakt haar telefoon af en sluit haar op in haar kamer en ik zag blauwe plekken op haar arm", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Told crying yesterday; a phone held by the man who comes along:
		// stories, not danger now. "oplichten" is crime done for others.
		{text: "Mijn zoon is 16 en vertelde gisteren huilend dat hij voor een groepje mensen moet bellen en oplichten. Hij krijgt 'provisie' maar hij is bang en durft niet te stoppen want ze kennen zijn school.", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "verpleegkundige SEH. jonge vrouw voor de 3e keer dit jaar met soa-klachten en een gescheurde lip, de man die meekomt praat steeds voor haar en houdt haar telefoon vast", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		// Fears, no police card: whether this is stored when "they" have
		// people at the police; harm to a sister if the writer reports.
		{text: "wordt dit ergens opgeslagen? die jongens hebben overal mensen, ook bij de politie zeggen ze", intent: "*", fear: true},
		{text: "Wat gebeurt er als ik aangifte doe, hoort hij dan dat ik het was? Ik ben echt bang dat hij mijn zusje iets aandoet.", intent: "*", fear: true, who: understand.WhoMe},
		// Hurt now stays danger, however afraid the writer says she is.
		{text: "hij slaat mijn zusje nu, ik ben bang dat hij mijn zusje iets aandoet", intent: "danger", danger: true},
		{text: `mn neefje (14) zit de hele dag op snap en krijgt 50 euro om "ff iets weg te brengen" naar rotterdam. hij vindt het normaal`, intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// How others look when the owner comes is told of them, no danger now.
		{text: "bij de wasstraat om de hoek werken jongens die er altijd zijn, ook om 11 uur 's nachts. ik zie ze nooit weggaan en ze kijken doodsbang als de eigenaar eraan komt", intent: "labour"},
		// A record if one tells is a fear of punishment.
		{text: "i was forced to sell stuff but i still did it. will i get a record if i tell someone", intent: "*", fear: true, who: understand.WhoMe},
		// A host family and a bed in the utility room are work in a home, not
		// the writer's family; bags picked up on orders are crime.
		{text: "I teach Dutch to newcomers. One of my students (24) says her host family makes her clean twelve hours a day for pocket money and won't let her keep her residence card.", intent: "labour", who: understand.WhoProf, age: understand.AgeAdult, home: true},
		{text: "De buren hebben een Filipijnse vrouw in huis die de hele dag poetst en op de kinderen past. Ik zie haar nooit alleen buiten en ze slaapt volgens mij in de bijkeuken.", intent: "labour", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "our 14yo keeps getting snapchat messages telling him where to pick up bags. he says its just a job for a mate but he jumps every time his phone buzzes", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// A daughter who moved in with a man her parents never met.
		{text: "onze dochter is net 18 en is ingetrokken bij een man die we nooit hebben ontmoet. ze belt alleen nog als hij ernaast zit, ze heeft geen eigen bankrekening meer en ze is zo mager geworden", intent: "sexual", who: understand.WhoOther},
		// What he does if he finds out, or if one snitches: a fear, no
		// danger now.
		{text: "ik wil wel praten maar als hij erachter komt dat ik met iemand chat doet hij mn broertje iets aan", intent: "*", fear: true, who: understand.WhoOther},
		{text: "they know where my mum lives. if i snitch they said shes next. i just want it to stop without anyone knowing it was me", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// How a life is kept, told: not allowed out without them, locked in
		// at night, angry when she cries.
		{text: "my classmate always comes to school hungry with marks on her arms. she told me her mums boyfriend locks her in her room at night", intent: "home", who: understand.WhoOther, home: true},
		{text: "Ik kom uit Oeganda en maak schoon bij een familie. Ik mag niet naar buiten zonder hen, ik krijg geen geld want ze zeggen ik krijg eten en bed", intent: "labour", who: understand.WhoMe, home: true},
		{text: "ik ben juf in groep 6, een meisje komt steeds met blauwe plekken op haar armen en zegt dat papa boos wordt als ze huilt", intent: "home", who: understand.WhoProf, home: true, age: understand.AgeMinor},
		{text: "ze mag niet naar buiten zonder hem en hij staat nu voor de deur", intent: "danger", danger: true, who: understand.WhoOther},
		// A young child's age after the child; not knowing what to do is
		// the writer's.
		{text: "mn ex neemt ons zoontje van 8 in het weekend mee naar een 'vriend' en hij komt steeds stil en met blauwe plekken terug. ik weet niet wat ik moet", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		// At a party, told to come along by an older man who keeps one's
		// coat and bag: danger now.
		{text: "ben op een feestje en n oudere gast zegt dat ik ff mee moet naar zn 'vriend', hij heeft mn jas en tas en ik ben 14 idk wat ik moet doen", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		// A grandchild's punishments, a daughter upset after a visit, a car
		// outside every night: told, no danger now.
		{text: "mn kleinkind van 8 vertelt dat papa haar met de riem slaat als ze niet luistert en dat ze dan in de kelder moet. wat moet ik als oma hiermee", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "mijn kleinkind zit nu in de kelder opgesloten", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "mijn ex neemt onze dochter van 12 mee naar zijn nieuwe huisgenoot en daarna is ze helemaal van slag en wil ze niet meer douchen. ik durf het niet hardop te denken", intent: "home", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "theres a car outside our building every night, different young women get in and out, always the same driver waiting. probably nothing?", intent: "sexual", age: understand.AgeAdult},
		{text: "ik ben mentor op een vmbo. een leerling van 14 verzuimt steeds vaker, heeft twee telefoons en ik zag haar bij het hek instappen bij oudere jongens in een dure auto", intent: "unsure", who: understand.WhoProf, age: understand.AgeMinor},
		// In the back of a van, to leave the country tonight: danger now.
		{text: "hij heeft mn paspoort en zegt dat ik vannacht het land uit ga. ik zit achter in een busje met nog 2 meiden", intent: "danger", danger: true, who: understand.WhoMe},
		// Told: locked up when late, stuck in crime as a life.
		{text: "mn klasgenootje moet na school altijd meteen naar huis om voor 5 broertjes te zorgen, haar vader sluit haar op als ze te laat is en ze heeft vaak blauwe plekken op haar armen", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "waar kan mn neef anoniem chatten? hij zit vast in criminele dingen waar ie niet meer uit komt", intent: "question", who: understand.WhoOther},
		// Immigration called, a visa run out: a fear of being sent away.
		{text: "if i tell you what happened will you call immigration? my visa ran out last year", intent: "*", fear: true, who: understand.WhoMe},
		// Whether the bot is the police is about the bot; a place to talk
		// anonymously is asked for.
		{text: "who runs this? is it the police", intent: "bot"},
		{text: "is er een plek waar ik anoniem kan praten", intent: "question", who: understand.WhoMe},
		{text: "my 13 yo son keeps getting snapchat messages from an older boy telling him to pick things up. he has new airpods and a moncler jacket i never bought", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// What happens to snitches, said of anyone, beside the fear of them
		// finding out: a fear.
		{text: "mn broer zegt dat verklikkers in ons blok worden gestoken. ik wil iets kwijt maar ben echt bang dat ze het te weten komen", intent: "*", fear: true, who: understand.WhoOther},
		{text: "mijn broer is net gestoken", intent: "danger", danger: true, who: understand.WhoOther},
		// Told, no danger now: a cut seen, men going up all day, a phone
		// taken, a child back quiet and scared.
		{text: "my little brother is 15 and he comes home at 4am with cash and a cut on his arm, says he 'works for some guys' doing deliveries", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "a girl in my building never leaves the flat unless a man is with her, and different men go up all day. last night i heard her crying through the wall", intent: "sexual", who: understand.WhoOther},
		{text: "sinds de scheiding gaat onze dochter van 12 om het weekend naar de familie van mijn ex. daar moet ze de hele dag poetsen, koken en op kleine neefjes passen, haar telefoon wordt afgepakt en ze komt stil en bang terug", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Put on a website by a boyfriend; a friend's age after "is".
		{text: "my friend is 15 and her boyfriend puts her on some website, she says its fine cause hes saving for their future together", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		// A manager who always waits in the car, a client who keeps coming
		// back, told by clinic staff: no danger now.
		{text: "i work at a sexual health clinic. one client keeps coming back with infections, says she cant say no to clients and her 'manager' always waits in the car outside", intent: "sexual", who: understand.WhoProf},
		{text: "he waits in the car outside right now and says i have to come", intent: "danger", danger: true, who: understand.WhoMe},
		// Deliveries for someone, in quotes, are crime.
		{text: "mijn zoon van 14 komt midden in de nacht thuis met briefjes van 50 en zegt dat hij 'bezorgt' voor iemand. hij slaapt slecht en durft niet meer alleen naar buiten", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Youth care coming to take the brothers away if one tells: a fear.
		{text: "als jeugdzorg erbij komt halen ze mn broertjes weg, daarom zeg ik niks over hoe het thuis is", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// A child out in the cold till late: neglect told, no danger now.
		{text: "the boy next door, maybe 10, is outside in the cold till late most nights and has bruises on his arms. his mum's boyfriend screams at him constantly", intent: "home", who: understand.WhoOther, home: true},
		// Selling on the market in school time is a child's work.
		{text: "op de markt staat een meisje van hooguit 13 elke dag kleding te verkopen, ook onder schooltijd. de man bij haar schreeuwt tegen haar en ik zie haar nooit eten", intent: "labour", who: understand.WhoOther},
		// Unsure signs, with a form's keyword the model agrees with: that form.
		{text: "mn zoon van 13 heeft een tweede telefoon die s nachts de hele tijd trilt. hij zegt dat hij klusjes doet voor jongens uit de wijk en dat ik me er niet mee moet bemoeien", intent: "criminal", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "buurvrouw heeft een meisje in huis dat alles doet, schoonmaken koken de kinderen. ik zie haar nooit alleen buiten, ze spreekt geen nederlands en ik heb haar nooit zien lachen", intent: "labour", who: understand.WhoOther},
		{text: "vriendin heeft een onlyfans maar haar vriend beheert alles, hij heeft haar wachtwoorden en bepaalt wat ze moet opnemen. zij ziet geen cent ervan", intent: "sexual", who: understand.WhoOther},
		// Videos sent to school if one tells: a fear of what follows.
		{text: "ze zegt dat ze mn filmpjes naar school stuurt als ik iemand iets vertel. ik durf echt niet", intent: "*", fear: true, who: understand.WhoMe},
		// A parent shaking at what a child told tonight: no danger now,
		// but a worry about home.
		{text: "mijn dochter van 12 vertelde vanavond dat opa aan haar zit als ze daar logeert. ik sta te trillen, wat moet ik nu doen", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "hij zit aan me nu en ik wil weg", intent: "danger", danger: true, who: understand.WhoMe},
		// Driven around by an older man; knives kept in a locker: told.
		{text: "my little sister is 15 and some older guy keeps buying her stuff and driving her around. she skips school now and hides a second phone", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "I'm a school counsellor. A year 9 boy told me older lads make him keep knives and drugs in his locker, he gets free food and vapes for it.", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		// Documents taken by an "agency" that books her for parties; a man
		// waiting outside with her phone; a pupil who "gets beaten up" if he
		// does not deliver: told, no danger now.
		{text: "a girl i chat with online says her \"agency\" in the netherlands took her documents and books her for parties with men. not sure how old she is", intent: "sexual", who: understand.WhoOther},
		{text: "nurse at an sti clinic. a young woman came in for the 4th time this year, a man waits outside with her phone and pays in cash", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "I teach year 9. One of my students keeps falling asleep in class, has cash he can't explain and told a classmate he \"has to\" deliver stuff or he gets beaten up.", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		// Coming back now with cousins: danger.
		{text: "hij zei net dat ie terugkomt met z'n neven en dat ik dan wel zie wat er gebeurt, ik zit hier nog met de kids", intent: "danger", danger: true, who: understand.WhoMe},
		// A child made to work at home is a story of home; a class at
		// primary school says a child.
		{text: "Ik ben juf van groep 6. Een meisje zegt dat ze thuis 's nachts voor haar broertjes moet zorgen en schoonmaken bij \"tantes\", ze valt in de klas in slaap.", intent: "home", who: understand.WhoProf, age: understand.AgeMinor, home: true},
		{text: "ik ben 15 en moet elke dag na school in de zaak van mijn vader werken zonder geld", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "mijn ex neemt ons zoontje van 9 in het weekend mee naar een loods waar hij plantjes moet verzorgen, hij komt terug met een rare lucht aan zn kleren en mag het van papa niet vertellen", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// "van 11 tot 1 uur" is a time, no age of 11.
		{text: "ik werk in het afhaalrestaurant van mijn oom, 7 dagen per week van 11 tot 1 uur s nachts, ik slaap boven de keuken en krijg alleen zakgeld. mijn papieren liggen in zijn kluis", intent: "labour", who: understand.WhoMe, home: true},
		// Men driven off at dawn who come back after dark, shouting heard
		// often: what neighbours see, no danger now.
		{text: "De buurman heeft een stuk of acht mannen in zijn schuur wonen, Oost-Europees denk ik. Om 5 uur 's ochtends gaan ze weg in een busje en pas na donker komen ze terug. Eentje vroeg mij laatst of ik brood had.", intent: "labour"},
		{text: "het buurmeisje van een jaar of 12 zit vaak tot laat op de trap buiten. ze zegt dat ze niet naar binnen mag van haar vader, ik hoor hem vaak schreeuwen en ze heeft blauwe plekken op haar armen", intent: "home", who: understand.WhoOther, home: true, age: understand.AgeMinor},
		{text: "ik hoor hem nu schreeuwen tegen mijn moeder", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		// Told by staff, relatives and neighbours, no danger now: snitches
		// stabbed as a saying (with the worry, a fear), a patient who looks
		// terrified, a child back exhausted and crying, a girl picked up
		// outside the centre, men in and out all week on a hotel floor.
		{text: "mn broer zegt dat verklikkers gestoken worden. hij zit er zelf ook in. als ik iets zeg ben ik hem kwijt of erger", intent: "*", fear: true, who: understand.WhoOther},
		{text: "Huisarts hier. Patiënt met handletsel uit een slachterij komt steeds met dezelfde 'tolk' die alles voor hem beantwoordt. Hij weet zijn eigen woonadres niet en oogt doodsbang.", intent: "labour", who: understand.WhoProf},
		{text: "mijn ex neemt onze dochter (11) mee naar zijn familie en daar moet ze het hele weekend poetsen en op kleine kinderen passen. ze komt uitgeput en huilend terug en mag er niks over zeggen", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "youth worker here. one of our girls (15) keeps getting picked up outside the centre by different cars. comes back with vodka, cash and hickeys and says theyre \"just friends\"", intent: "unsure", who: understand.WhoProf, age: understand.AgeMinor},
		{text: "housekeeping at a hotel. one room on my floor has had men going in and out all week, theres a girl who never leaves it and like 10 phones on the desk", intent: "sexual", who: understand.WhoOther},
		{text: "there is a girl maybe 13 in the room next to mine in this airbnb and men keep going in and out", intent: "danger", danger: true, who: understand.WhoOther, age: understand.AgeMinor},
		// Older boys waiting for a pupil after training, a boss who waits
		// outside the emergency room, not knowing how to get out of it:
		// told, no danger now.
		{text: "Jongen van 13 uit mijn groep in het buurthuis heeft opeens 3 telefoons en een jas van 600 euro. Na de training staan er oudere jongens op hem te wachten in een auto.", intent: "unsure", who: understand.WhoProf},
		{text: "verpleegkundige seh hier. man met gebroken hand, werkt in de bouw zonder contract, zijn baas wacht buiten en wil niet dat we iets opschrijven over hoe het gebeurd is", intent: "labour", who: understand.WhoProf},
		{text: "weet nie hoe ik hier uitkom. moet spullen rondbrengen voor een gast en hij zegt ik heb nog 2k schuld omdat ik een keer gepakt ben met zn spul", intent: "criminal", who: understand.WhoMe},
		{text: "ik weet niet hoe ik hier terecht ben gekomen, ze hebben me in een auto gezet", intent: "danger", danger: true, who: understand.WhoMe},
		// Harm to a mother if one tells ("is zij de lul"): a fear.
		{text: "hij weet waar mn moeder woont. als ik iets zeg is zij de lul. dus ik zeg niks, maar ik wil er wel uit", intent: "", fear: true, who: understand.WhoMe, home: true},
		// No bank card of one's own is a means of any form: the window
		// decides; clubs are clubs; a nursery is work, a nursery in the
		// attic is crime.
		{text: "hij zei dat hij van me hield. na een paar maanden moest ik achter het raam voor ons huis zei hij, maar het geld gaat allemaal naar hem en ik heb niet eens een eigen bankpas", intent: "sexual", who: understand.WhoMe},
		{text: "mn zus woont bij haar vriend in duitsland en ik mag haar nooit alleen spreken. ze zei een keer dat ze in clubs moet werken om de reis terug te betalen", intent: "sexual", who: understand.WhoOther},
		{text: "ik werk bij de voedselbank en er komt een man die geen nederlands spreekt, hij werkt bij een kwekerij maar moet toch hier eten halen. hij woont met 15 man in een schuur", intent: "labour", who: understand.WhoMe},
		{text: "mn broer van 19 moet voor een paar gasten een kwekerij op zijn zolder bijhouden", intent: "criminal", who: understand.WhoOther, age: understand.AgeAdult},
		// Not to the police because they would hurt his sister: a fear. A
		// threat with tonight and an ultimatum stays danger.
		{text: "Mijn zoon wil niet naar de politie want hij zegt dat die gasten dan zijn zusje iets aandoen", intent: "*", fear: true, who: understand.WhoOther},
		{text: "ze gaan vanavond mijn zusje iets aandoen als ik niet kom", intent: "danger", danger: true, who: understand.WhoOther},
		// "hielp hem met papieren" is no cry for help; kept only while one
		// is there, told the day before; a neighbour who looks terrified.
		{text: "mijn zoon is 19 en licht verstandelijk beperkt. hij staat nu op naam van een bv die hij niet kent en er komen brieven over leningen. een 'vriend' hielp hem met papieren tekenen", intent: "criminal", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "ik moet van die jongens in een huis de wietplanten water geven en mag niet weg als ik daar ben. mn ouders denken dat ik bij een vriend slaap. morgen moet ik weer", intent: "criminal", who: understand.WhoMe, home: true},
		// Sexual abuse of a child at home is a story of home; outside the
		// home it stays sexual exploitation; a fear of the parents knowing
		// keeps the help of its form.
		{text: "mama's nieuwe vriend komt s nachts mn kamer in en zegt dat ik niks mag zeggen want dan gaat mama weg. ik ben 13", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "ik ben 15 en moet van mijn vriend met mannen mee voor geld", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "mn ouders mogen echt nooit weten wat ik met die mannen heb gedaan, als ik iets meld krijgen zij het dan te horen? ben 15", intent: "*", fear: true, who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Cam work whose accounts someone else keeps; phones collected at
		// the door of an office.
		{text: "Ik ben 19 en doe camwerk. De man die mijn accounts regelt houdt 70% en geeft mijn wachtwoorden niet. Ik heb er zelf voor gekozen, dus dat is toch geen uitbuiting?", intent: "sexual", who: understand.WhoMe, age: understand.AgeAdult},
		{text: "the cleaning crew at our office gets dropped off in a van, a man collects their phones at the door and theyre not allowed to talk to any of us", intent: "labour"},
		// Beaten if he does not, boys waiting after school, pay collected
		// at the door: told of others, no danger now.
		{text: "jongen uit mn klas moet steeds bankpassen en telefoons van anderen lenen voor een oudere gozer, als hij het niet doet krijgt hij klappen zegt hij", intent: "criminal", who: understand.WhoOther},
		{text: "my 15yo son has cash he can't explain and older boys waiting for him after school. found a scale and little bags in his backpack", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "the cleaners at my office arrive in one car, five women, and a man collects all their pay envelopes at the door. maybe i'm overthinking?", intent: "labour", who: understand.WhoOther, age: understand.AgeAdult},
		// A sister who pays for it if one talks: a fear; with tonight and a
		// refusal it is an ultimatum, danger.
		{text: "they know my family's village back home. if i talk they said my little sister pays for it", intent: "*", fear: true, who: understand.WhoOther, home: true},
		{text: "they want me to drive the van over the border tonite, if i say no they said my little brother pays for it", intent: "danger", danger: true, who: understand.WhoMe},
		// How others are kept, told: beaten up if he does not steal,
		// terrified when his phone rings, locked in her room, "zegt ze".
		{text: "mijn neefje van 12 moet van oudere jongens spullen jatten bij de appie en die aan hun geven anders wordt hij in elkaar getrapt", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "Mijn zoon (16) zegt dat hij schulden heeft bij iemand omdat een scooter is gestolen die niet van hem was. Sindsdien moet hij steeds 'dingen wegbrengen' en is hij doodsbang als zijn telefoon gaat.", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "als onze dochter bij mijn ex is wordt ze daar door zijn nieuwe vriendin uitgescholden en op haar kamer opgesloten, zegt ze. ze is 9", intent: "home", who: understand.WhoOther},
		{text: "idk of dit uitbuiting is maar ik krijg geld van een oudere gast als ik met hem ga eten en soms meer. ik ben 17", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		// Cleaning and minding the children all day is work in a home; a
		// boyfriend's plan told, with "just a couple of times", no danger now.
		{text: "de buurvrouw heeft een jonge vrouw uit de filipijnen in huis die de hele dag poetst en oppast. ik zie haar nooit alleen buiten en ze fluisterde dat ze nog nooit geld heeft gehad", intent: "labour", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "my bf is 21 and says if i really love him i'll make some money for us with a few guys he knows, just a couple of times. im 16. idk what to do anymore", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		// Dead if they see one talk, videos sent to the police if one opens
		// one's mouth: fears. Beaten if he stops, told of a classmate: no
		// danger now; beaten now, with him beside the writer, is.
		{text: "als ze zien dat ik met iemand praat ben ik dood. letterlijk, zeggen ze", intent: "", fear: true, who: understand.WhoMe},
		{text: "ze hebben filmpjes waarop ik iets steel en zeggen dat ze die naar de politie sturen als ik mijn mond opendoe", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ff over mn klasgenoot, hij zegt dat hij moet runnen voor iemand en als hij stopt krijgt hij klappen. hij is 15", intent: "criminal", who: understand.WhoOther},
		{text: "als ik nu stop krijg ik klappen, hij staat naast me", intent: "danger", danger: true, who: understand.WhoMe},
		// A hammer held by a boss searching the rooms is a weapon; one
		// worked with is not.
		{text: "boss took everyones passports and now hes screaming that someone talked, he has a hammer and is going room to room", intent: "danger", danger: true},
		{text: "ik werk met een hamer in de bouw en krijg geen loon", intent: "labour", who: understand.WhoMe},
		// New girls every week across the street; paid in food and a bed;
		// a child touched strangely at her father's: what they are.
		{text: "the house across the street gets new girls every week, always the same man bringing them, curtains always closed", intent: "sexual"},
		{text: "mijn ex houdt onze dochter van 9 al een week bij zich en aan de telefoon zei ze dat de vriend van papa haar raar aanraakt", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Not allowed off the site, dogs let loose, whoever runs will pay:
		// danger, not a fear. Shut in with the key taken and a man who can
		// no longer walk: danger. A grandmother's fever, a gate shut on a
		// Sunday: none.
		{text: "hek is dicht, we mogen het terrein niet af, hij heeft de honden losgelaten en zegt dat wie wegloopt het gaat bezuren", intent: "danger", danger: true},
		{text: "ze sluiten ons 's nachts op in de loods, de baas neemt de sleutel mee. een man hier heeft hoge koorts en kan niet meer lopen", intent: "danger", danger: true},
		{text: "mijn oma heeft hoge koorts", intent: "", home: true},
		{text: "het hek is dicht want het is zondag", intent: ""},
		// Photos a stepfather takes of a girl of 13: a story of home.
		{text: "mijn dochter van 13 vertelde dat haar stiefvader haar in haar kamer opsluit als ze niet luistert en dat hij foto's van haar maakt als ik werk", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Put on a website by a boyfriend, told: no one taken now. A
		// stepmother is home.
		{text: "my boyfriend put me on a website and books men for me, i give him everything because he says we are saving for our future together", intent: "sexual", who: understand.WhoMe},
		{text: "my daughter is 11 and lives with her dad, she told me on the phone her stepmother hits her and makes her clean the whole house before school", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// A visa cancelled if one tells: a fear.
		{text: "i'm scared my visa gets cancelled if i say what really happened at the massage place", intent: "*", fear: true, who: understand.WhoMe},
		// "our 9-year-old": a young child's age, someone else; hit when she
		// stays there, told by the parent: a story of home. "my 3 years in
		// this job" is no age.
		{text: "My ex's new partner keeps hitting our 9-year-old when she stays there. She begged me not to say anything because he said he'd hurt the dog.", intent: "home", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "my 3 years in this job were hard", intent: "", who: understand.WhoMe},
		// Found if he finds out, he will find out anyway: fears.
		{text: "als hij erachter komt dat ik met iemand praat vindt hij me. hij heeft al mn wachtwoorden en mn locatie", intent: "*", fear: true, who: understand.WhoMe},
		{text: "ze weten alles van me, ook waar mijn moeder woont. als ik iemand vertel wat hij met me doet komt hij er toch achter", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Shouting and blows at the neighbours for weeks: their story.
		{text: "ik hoor al weken elke avond geschreeuw en klappen bij de buren en het meisje van 10 is deze week niet naar school geweest. de gordijnen zijn de hele dag dicht", intent: "home", who: understand.WhoOther, age: understand.AgeMinor},
		// "niet nu aan de hand" is no one coming: the police's number.
		{text: "welk nummer bel ik om aangifte te doen van mensenhandel? het is niet nu aan de hand, het is al een tijdje geleden", intent: "question", who: understand.WhoMe},
		// A fall through a roof and a man not moving: danger by its signs.
		{text: "guy on our site fell through the roof, boss says dont call anyone cause we all work cash. hes not moving", intent: "danger", danger: true},
		// Kicking in the bathroom door: danger. Men going in briefly, a man
		// at the door, told by a neighbour: a story.
		{text: "hij probeert de badkamerdeur in te trappen", intent: "danger", danger: true},
		{text: "Al weken zie ik in het appartement tegenover mij steeds andere mannen kort naar binnen gaan. De meisjes die er wonen komen nooit zelf buiten en er staat altijd een man bij de deur.", intent: "sexual", who: understand.WhoMe},
		{text: "het meisje van de bovenburen (een jaar of 10) zit vaak tot laat buiten op de trap, heeft in de winter geen jas aan en ik hoor bijna elke avond geschreeuw en klappen", intent: "home", who: understand.WhoOther, age: understand.AgeMinor},
		// "meet some of his friends for cash": sexual, however the bank card
		// beside it reads; men who come up every hour, told: no danger now.
		{text: "my bf says we need money for our future so i should \"meet\" some of his friends for cash, just for a while. he keeps all of it and i'm not allowed my own bank card", intent: "sexual", who: understand.WhoMe},
		{text: "The girl in the flat above mine never goes out alone. Different men come up every hour until late at night, and once I heard her crying on the stairs.", intent: "sexual", who: understand.WhoOther},
		{text: "men come up the stairs now and she is crying", intent: "danger", danger: true},
		// The 0800 line for child abuse and domestic violence is asked for:
		// "domestic violence" is no domestic work.
		{text: "whats the free advice line for child abuse and domestic violence, the 0800 one", intent: "question"},
		// A threat to cut the person by a time is danger; a parent's own
		// panic about a daughter's hidden phone is a worry about her, and
		// the phone no phone taken; sleeping on a floor is how someone
		// lives, not someone down.
		{text: "they say theyll cut me if i dont have their money by midnight", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "he will cut me if i tell anyone about the bags", intent: "*", fear: true, who: understand.WhoMe},
		{text: "mijn dochter heeft een telefoon die ik niet ken, ik ben in paniek maar weet niet wat ik moet doen", intent: "sexual", who: understand.WhoOther},
		{text: "the girl who cleans for them sleeps on the floor of the shop and she started crying when i asked about her pay", intent: "labour", who: understand.WhoOther},
		// All one earns handed over is a means: the job that turned out
		// to be another is the story.
		{text: "kwam hier voor werk als masseuse maar het is iets heel anders, ik moet alles afgeven aan de eigenaar en mag niet weg", intent: "sexual", who: understand.WhoMe},
		// Afraid that school or the parents hear of it: a fear.
		{text: "komt dit naar mijn school als ik het vertel? ik schaam me zo", intent: "*", fear: true, who: understand.WhoMe},
		// A woman's age told as a decade is an adult's.
		{text: "gp here, my patient in her thirties came in for her fourth sti test, the man who brings her holds her passport", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		// Someone heard screaming "stop" is hurt now, however often men go
		// in there; a patient "in her early 20s" is an adult; a threat
		// that a child never sees the parent again is no harm now.
		{text: "i can hear her screaming stop, men are always going in there", intent: "danger", danger: true},
		{text: "clinic nurse, a patient in her early 20s keeps coming back with the same man who pays cash", intent: "*", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "mijn ex dreigt haar dat ze mij nooit meer ziet als ze niet zegt waar ik woon", intent: "*", who: understand.WhoMe},
		// "stop" ends the chat only when nothing else is said.
		{text: "can we stop", intent: "leave"},
		{text: "i want to stop", intent: "leave", who: understand.WhoMe},
		{text: "ik wil stoppen met dit gesprek", intent: "leave", who: understand.WhoMe},
		{text: "i want to stop working for them", intent: "criminal", who: understand.WhoMe},
		{text: "hoe kan ik stoppen met dit werk", intent: "labour", who: understand.WhoMe},
		// Home only guessed from "voor hem werken" and "school", and no
		// topic the model knows: a boyfriend's doing is no family's.
		{text: "mijn vriend laat me voor hem werken en ik mag niet naar school", intent: "unsure", who: understand.WhoMe, age: understand.AgeMinor},
		// What someone else goes through always, seen by the writer, with
		// no sign of now: a story; "en nu" right before the harm is now.
		{text: "er zit altijd een meisje achter in een busje bij de pomp, een man doet het woord", intent: "*", who: understand.WhoOther},
		{text: "mijn vriendin wordt elke dag geslagen door haar vriend en nu slaat hij haar weer", intent: "danger", danger: true, who: understand.WhoOther},
		// The writer's own doubt says who it is about: someone else.
		{text: "the woman who cleans next door looks frightened, a van drops her off, maybe im overthinking it", intent: "*", who: understand.WhoOther, age: understand.AgeAdult},
		// Harm told as someone else's story is no small talk, however
		// like "what can i do here" it reads.
		{text: "my friend says her bf hits her every day, what can i do", intent: "sexual", who: understand.WhoOther},
		// Signs read as a story that goes so again and again are still a
		// story of signs; being put out of the house is no harm now.
		{text: "the woman who cleans our office always has a man waiting outside who picks her up. she never talks and looks so tired", intent: "*", age: understand.AgeAdult},
		{text: "mijn stiefvader slaat mijn moeder en nu moet ik van hem bij zijn broer in de snackbar werken, anders vlieg ik eruit", intent: "home", who: understand.WhoMe, home: true},
		// Who showed the writer something is the one it is about.
		{text: "my classmate showed me marks on her arms and says her dad did it", intent: "*", who: understand.WhoOther, home: true},
		// A photo shoot is a lure, no everyday life that explains the
		// danger away.
		{text: "ben 15 en zit in een hotelkamer, het zou een fotoshoot zijn maar ik moet me uitkleden en hij staat voor de deur", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		// Life at home, told by the one it happens to, with the loss of
		// the home as what follows if not: the help for home, 112 a tap
		// away. "at home" is the home, not a place besides it.
		{text: "mn stiefvader slaat me en zegt dat ik al mn geld moet afgeven anders mag ik niet meer thuis wonen", intent: "home", who: understand.WhoMe, home: true},
		{text: "my stepdad hits me and says i have to work in his friends shop for free or i cant live at home anymore", intent: "home", who: understand.WhoMe, home: true},
		// A neighbours' child is someone else, heard often: a story; "in
		// her room" is the home.
		{text: "het jongetje van de buren staat vaak uren buiten in de kou en ik hoor geschreeuw en klappen", intent: "home", who: understand.WhoOther},
		{text: "my daughter says her stepmom locks her in her room when she stays at her dads and gives her no dinner", intent: "home", who: understand.WhoOther, home: true},
		// Who knows which school a sister goes to is what a fear is of.
		{text: "if i say anything they'll go after my sister, they know which school she goes to", intent: "*", fear: true, who: understand.WhoOther},
		// A long story about someone else that nothing else was read in
		// is a worry, not "I don't understand".
		{text: "bij de buren woont een jongen van een jaar of 15 die ik nooit naar school zie gaan, hij sjouwt de hele dag dozen", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		// Someone who sat crying was seen before, not now.
		{text: "de schoonmaakster van ons kantoor krijgt haar loon van een man die de helft houdt, ze zat gisteren te huilen op de wc", intent: "*"},
		{text: "ze zit te huilen op de wc en hij staat voor de deur", intent: "danger", danger: true},
		// A video sent round if he does not steal is the threat, the
		// stealing the story.
		{text: "mijn broertje moet van oudere jongens bij de jumbo jatten, anders gaat er een filmpje van hem rond", intent: "criminal", who: understand.WhoOther},
		// A husband in the room to answer for her: control, told, no one
		// at the door now; mattresses at the window are no one there.
		{text: "my cousin hardly calls since she got married, and when she does her husband is in the room answering for her. is this trafficking?", intent: "home", who: understand.WhoOther},
		{text: "in de autowasstraat hier werken steeds dezelfde jongens tot laat, ze slapen boven de zaak en er hangen matrassen voor het raam", intent: "labour"},
		// A long story of one's own home that nothing else was read in:
		// the help for home.
		{text: "since summer my aunt makes me cook for the whole family every day after school and i have no time left for homework", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// A threat to burn the person: danger now; what was done to a boy who talked is what a fear
		// is of.
		{text: "my boss says he will burn me with the iron if i burn another shirt", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "this job is going to burn me out, 70 hours a week and they keep my passport", intent: "labour", who: understand.WhoMe},
		{text: "als iemand praat komen ze er toch achter, een jongen die praatte werd in elkaar geslagen. ik ben bang", intent: "*", fear: true, who: understand.WhoMe},
		// "vriend van me" is someone else; what follows whenever he brings
		// nothing is how it goes; not allowed out then, told when it is
		// over, is no one held now; a parent scared that someone uses a
		// son is worried about him.
		{text: "een vriend van me moet steeds telefoons jatten voor een gast en als hij niks meeneemt krijgt hij klappen", intent: "criminal", who: understand.WhoOther},
		{text: "ik zat maanden op een zolder bij een kwekerij en mocht het huis niet uit, nu ben ik weg maar ik zou ze nog geld schuldig zijn", intent: "criminal", who: understand.WhoMe},
		{text: "my son has 2 phones and cash from nowhere, i'm scared someone's using him to sell", intent: "criminal", who: understand.WhoOther},
		// Afraid that youth care takes the children, or of being told it
		// was one's own choice: fears, not danger; a court case to come
		// asks who can come along.
		{text: "ik wil niet dat ze mijn kinderen meenemen als ik vertel wat er thuis gebeurt", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "im scared theyll say i chose this if i tell anyone", intent: "*", fear: true, who: understand.WhoMe},
		{text: "mijn zaak komt voor de rechter en ik weet niet wat me te wachten staat, wie gaat er met me mee", intent: "question", who: understand.WhoMe},
		// Asking not to tell the police, afraid of being deported: a fear.
		{text: "please dont tell the police, i have no papers and they will deport me", intent: "*", fear: true, who: understand.WhoMe},
		// No food if not: life at home, told by the one it happens to.
		{text: "mn stiefvader zegt dat ik na school in zijn zaak moet werken anders krijg ik geen eten, en hij slaat", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Telling without the parents or school hearing of it: a fear.
		{text: "kan ik iets vertellen zonder dat mijn ouders het horen? ze weten waar we wonen", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Made to undress now, in a room: danger; on camera it is online.
		{text: "ben 15 en zit in een hotelkamer, het was een fotoshoot maar nu moet ik me uitkleden", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		{text: "im in a hotel room with a guy from insta and he says i have to undress", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "hij zegt dat ik me moet uitkleden voor de cam anders deelt hij mn fotos", intent: "online", who: understand.WhoMe},
		// "hier om de hoek" says where a place is, not someone here now;
		// wanting to be examined after an assault is the assault's story.
		{text: "bij de wasstraat hier om de hoek slapen de jongens in het hok en de baas schreeuwt de hele dag", intent: "labour"},
		{text: "waar kan ik heen na wat er gisteren op dat feest gebeurde, ik wil wel onderzocht worden", intent: "assault", who: understand.WhoMe},
		// Unconscious now, however often it happened before: 112.
		{text: "mijn vriendin is bewusteloos, ze is altijd zo als ze drinkt", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "my friend is unconscious again, she always gets like this when she drinks", intent: "danger", danger: true, who: understand.WhoOther},
		// A long story that asks only whom to call asks for its own help.
		{text: "my 12 year old told me her uncle makes her do things and then gives her money so she won't tell anyone. i feel sick, i don't know who to call", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// A pupil pulled into a car as a teacher watches, and a caravan to
		// be set on fire with the workers inside: danger now.
		{text: "Ik ben docent en zie vanuit het raam hoe een leerling van mij bij het hek door twee mannen een auto in wordt getrokken, ze verzet zich", intent: "danger", danger: true, who: understand.WhoProf},
		{text: "boss took all our passports today and now he's shouting he'll set the caravan on fire with us inside if anyone talks", intent: "danger", danger: true},
		// More men on their way now, to a girl of 14 at a stranger's
		// place: danger by its signs, not only by the model.
		{text: "ik ben 14 en zit bij iemand thuis die ik van snap ken. er komen nu nog 2 vrienden van hem en hij zegt dat ik moet blijven. mn moeder denkt dat ik bij een vriendin slaap", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Not knowing what to think asks for no contact: a teacher's
		// story of a girl taken to parties by her uncle is one of home.
		{text: "leerkracht groep 8 hier. een meisje vertelt dat ze in het weekend 'met oom mee naar feestjes' moet en daarna is ze dagen heel stil. ik weet niet goed wat ik ervan moet denken", intent: "home", who: understand.WhoProf, age: understand.AgeMinor, home: true},
		// Waited for after training with a threat for today: training
		// does not explain it away.
		{text: "ze wachten me op na de training, ze zeiden vandaag ga je boeten voor die kwijtgeraakte zak. ik zie hun scooters al staan", intent: "danger", danger: true, who: understand.WhoMe},
		// Someone gone overboard: danger by a rule, not only by the model.
		{text: "boss took all our phones, we're on a fishing boat and one of the guys went overboard, we can't see him anymore", intent: "danger", danger: true},
		{text: "een collega is overboord geslagen en de schipper vaart gewoon door", intent: "danger", danger: true, who: understand.WhoOther},
		// Three of them in the living room now: someone in the home.
		{text: "ik moest een schuld afbetalen en nu zitten ze met z'n drieën in mn woonkamer mn spullen te pakken, ze zeggen dat ik mee moet", intent: "danger", danger: true, who: understand.WhoMe},
		// A drop at a time, after which they will not let the person go;
		// a girl of 13 behind a do-not-disturb sign: danger by signs.
		{text: "ik moet om 23:00 een tas afgeven in zuidoost en ik weet zeker dat ze me daarna niet laten gaan want ik weet te veel", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "Guest in room 8 came in with a girl who looks maybe 13 and put the do not disturb sign up. I'm at reception, what do I do right now", intent: "danger", danger: true, who: understand.WhoMe},
		// Shelter sought for a woman who got away from prostitution: a
		// question, no one running from danger now.
		{text: "ik ben maatschappelijk werker en zoek opvang voor een vrouw die net uit de prostitutie is weggelopen, wie regelt zoiets", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		// What an uncle does at night, told by a best friend of 13: a
		// story of home, not someone at the door now.
		{text: "mn bff (13) zegt dat haar oom snachts op haar kamer komt en ze mag het tegen niemand zeggen. wat moet ik hiermee", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Looking for lesson materials asks for them, whatever they are about.
		{text: "teacher here, looking for lesson materials about grooming and exploitation for secondary school students, something ready to use in class", intent: "question", who: understand.WhoProf},
		// Not told to the parents, but to the police: asked for by name.
		{text: "ik wil het niet aan mijn ouders vertellen maar wel aan de politie, wat is het nummer", intent: "*", who: understand.WhoMe, home: true, named: "politie"},
		// A woman the story is about is grown up; a woman the writer
		// tells of says nothing of the writer's own age.
		{text: "verpleegkundige seh. vrouw binnen met verwondingen, man erbij die alles voor haar zegt en haar papieren vasthoudt", intent: "*", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "there is this woman who says i have to sell stuff for her boyfriend", intent: "*", who: understand.WhoMe},
		// What happened to someone who talked is what the fear is of.
		{text: "scared to tell anyone, last kid who snitched got stabbed. im not in trouble right now but i dont trust police at all", intent: "*", fear: true, who: understand.WhoMe},
		// Hit whenever a child talks back, at home: a story of home.
		{text: "my dad makes me clean and watch my brothers all day, hits me if i talk back. im 13 and not allowed to see friends", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Messages coming in on a phone, older boys hanging around the
		// house: a parent's story, no one at the door now.
		{text: "we vonden een tweede telefoon in de jas van onze zoon (13), er komen constant berichten op binnen. hij is doodmoe op school en er hangen oudere jongens rond bij ons huis", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Parents who would "kill" a child who did something for money,
		// and who must not come home: fears, not danger now.
		{text: "ik schaam me kapot en mn ouders vermoorden me als ze horen wat ik allemaal voor geld heb gedaan", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Their coming to the house is the fear, not where it happens.
		{text: "bent u verplicht dit door te geven aan de politie? want ik wil niet dat ze bij mij thuis komen, die gasten hebben overal mensen", intent: "*", fear: true, who: understand.WhoMe},
		// A neighbour's child outside at night all the time: a story.
		{text: "the kid next door, maybe 10, is outside alone at night all the time. moms boyfriend yells at him constantly and once i saw him shove the boy down the stairs", intent: "home", who: understand.WhoOther, home: true},
		// Hit whenever one comes home late, asked whether it belongs
		// here: a story of home.
		{text: "mn vader slaat me als ik te laat thuis ben en pakt dan mn telefoon af voor weken. ik ben 14. weet niet of dit hier hoort", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// A wife made to work for her husband or his family: a story of
		// home. A husband who works somewhere is what it is about.
		{text: "mn man neemt al mijn loon af en ik mag alleen met hem de deur uit. hij zegt dat mijn verblijfsvergunning van hem afhangt", intent: "home", who: understand.WhoMe, home: true},
		{text: "my husband brought me from Nigeria and I work for his whole family, cooking cleaning caring for his mother. I have no money no papers and cannot go out alone", intent: "home", who: understand.WhoMe, home: true},
		{text: "mijn man werkt op een bouwplaats in almere, de onderaannemer heeft van iedereen fotos van de paspoorten gemaakt en de echte gehouden. al 2 maanden niet betaald", intent: "labour", who: understand.WhoOther},
		// "Slaat iemand op" asks whether anything is stored.
		{text: "is dit anoniem? slaat iemand op wat ik hier typ", intent: "*", who: understand.WhoMe},
		// Not knowing where to take a story is no one lost; run away and
		// back now is no one gone now.
		{text: "Ik weet niet goed waar ik dit kwijt moet. Onze zoon is 14 en sinds een paar maanden is hij heel anders. Hij heeft ineens twee telefoons en komt midden in de nacht thuis. Ben ik aan het doordraaien of klopt hier iets niet?", intent: "*", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "dochter (15) was 4 dagen weggelopen en is nu terug. ze heeft een tattoo van een naam in haar nek die we niet kennen, een telefoon die we nooit gezien hebben en ze zegt alleen dat hij 'voor haar zorgt'", intent: "*", who: understand.WhoOther, age: understand.AgeMinor},
		// A pupil who keeps coming to school hurt: a mentor's story.
		{text: "Als mentor zie ik dat een leerling van 14 steeds gewond op school komt, schrammen en een blauw oog. Hij zegt dat hij \"dingen moet doen\" voor een groep ouderen in de wijk.", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		// Married off by her family and made to work for his: home.
		{text: "ik ben 20, mijn familie heeft me laten trouwen met een man hier in nl, ik werk in zijn winkel zonder loon en zijn moeder houdt mijn paspoort. als ik weg wil slaan ze me", intent: "home", who: understand.WhoMe, age: understand.AgeAdult, home: true},
		// Nothing of the writer, a woman: about her, and asked.
		{text: "Waar kan een volwassen vrouw die uit de prostitutie is gevlucht terecht voor opvang? Ze kan nergens heen.", intent: "question", who: understand.WhoOther, age: understand.AgeAdult},
		// Whether they will find out who told: a fear.
		{text: "will they find out it was me who told? they always know everything somehow", intent: "*", fear: true, who: understand.WhoMe},
		// Shelter for a woman who fled forced prostitution: asked.
		{text: "Ik ben maatschappelijk werker en zoek opvang voor een vrouw die uit gedwongen prostitutie is gevlucht. Wie coördineert dat landelijk?", intent: "question", who: understand.WhoProf, age: understand.AgeAdult},
		// Locked in whenever a child does not listen, no food till the
		// next day: a story of home.
		{text: "mn stiefvader sluit me op in mn kamer als ik niet luister, ik krijg dan geen eten tot de volgende dag. mn moeder zegt niks", intent: "home", who: understand.WhoMe, home: true},
		// Fears of the police without "de", and of a record: fears.
		{text: "ik heb geen papieren. als ik naar politie ga sturen ze mij gewoon terug toch? dan is alles voor niks geweest", intent: "*", fear: true, who: understand.WhoMe},
		{text: "mn moeder mag dit nooit weten en de politie ook niet want ik sta al ergens voor geregistreerd. kan ik dan nog wel ergens terecht", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// Videos made of a boy to hold him in collecting money: crime,
		// the videos its means.
		{text: "mijn neefje van 14 moet voor een paar jongens geld ophalen bij mensen. ze hebben filmpjes van hem gemaakt en dreigen die te verspreiden als hij stopt", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// A marriage to come, a school left: a girl's story of home.
		{text: "mn vriendin moet denk ik uitgehuwelijkt worden, ze moest van school af, doet het hele huishouden en haar telefoon is afgepakt", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Blows had again and again for too little money: a story.
		{text: "ben 17 en moet van mn \"neef\" geld ophalen bij mensen. als ik te weinig terugbreng zegt hij dat ik het hem schuldig ben, heb al 2x klappen gehad", intent: "criminal", who: understand.WhoMe, age: understand.AgeMinor},
		// "Mn oudste" is a parent's child.
		{text: "mn oudste is veranderd, draagt ineens gucci, heeft geen vrienden meer van vroeger en er staat soms een scooter voor de deur te toeteren waarna hij meteen weg moet", intent: "*", who: understand.WhoOther},
		// A drunk girl carried into a hotel room just now: danger.
		{text: "front desk here: a man just carried a very drunk girl into room 508, she looked about 14, he paid cash and wouldn't give a name", intent: "danger", danger: true, who: understand.WhoProf},
		// A bag gone missing is no one missing; locked in whenever she
		// has been bad is how that home goes.
		{text: "ngl ive been holding stuff for some older guys, started as a favour and now they say i owe them 2k cos a bag 'went missing'", intent: "criminal", who: understand.WhoMe},
		{text: "youth worker. a 12 year old girl from my group keeps showing up with bruises and says her stepmum locks her in her room without food when she's been bad", intent: "home", who: understand.WhoProf, age: understand.AgeMinor, home: true},
		// Asked where, a story beside it: the question.
		{text: "waar kan ik iets doorgeven zonder mijn naam te noemen? ik weet wie die jongens op het plein laat dealen", intent: "question", who: understand.WhoMe},
		// Where someone is made to sleep, again and again: a story.
		{text: "wijkverpleegkundige hier. bij een oudere cliënt woont een 'au pair' uit de filipijnen die 24/7 voor hem zorgt, nooit een vrije dag heeft, op een matras op de gang slaapt, en de familie heeft haar paspoort 'in de kluis'", intent: "labour", who: understand.WhoProf, home: true},
		{text: "mijn zoon woont bij zijn vader en sinds kort zegt hij dat hij 's nachts in de kelder moet slapen als hij 'ongehoorzaam' is geweest", intent: "home", who: understand.WhoOther, home: true},
		// An ib'er asks as a professional.
		{text: "ik ben ib'er op een mbo. bij wie moet ik uiteindelijk melden volgens de meldcode als het om mensenhandel gaat? is daar iemand per provincie voor?", intent: "meldcode", who: understand.WhoProf},
		// Taken along again and again by an uncle: a story of home.
		{text: "mijn dochter van 12 wil niet meer naar het huis van haar oom. hij neemt haar steeds mee 'voor een ritje' en daarna zegt ze dagen niks", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Grown men a pupil hands parcels to say nothing of the pupil's
		// age; a pupil "uit de 2e" is young.
		{text: "docent hier. leerling uit de 2e verzuimt veel, valt in slaap in de les en ik zag hem gisteren op het station pakketjes overhandigen aan volwassen mannen", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		// Taken along to banks to open accounts: a story of crime; a
		// woman checked in every few days: a story.
		{text: "Reclasseringswerker. Cliënt, 20 jaar, licht verstandelijk beperkt, wordt door 'vrienden' meegenomen naar de bank om rekeningen te openen en daarna moet hij zijn pasjes en codes afgeven.", intent: "criminal", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "Night manager at a hotel here. Same young woman checks in every few days with a different man, never any luggage, and a guy in the lobby holds onto her phone the whole time.", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		// "Bonken" is a word of the signs ("*bonk*"), not "banken".
		{text: "2 mannen bonken op mn deur en roepen dat ik mee moet om mn schuld af te werken", intent: "danger", danger: true, who: understand.WhoMe},
		// A girl who minds her brothers and misses school: young, and a
		// story of home; a parent's shock, a marriage to come and boys
		// who clam up are no danger now.
		{text: "het meisje van de buren, 10 ofzo, moet altijd op haar broertjes passen en de hele dag schoonmaken, volgens mij gaat ze niet eens naar school", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "mijn dochter van 17 zegt dat ze \"content\" maakt voor een man die haar betaalt. zij vindt het niks bijzonders maar ik schrik me rot", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mijn nichtje van 12 moet thuis voor alle kleintjes zorgen en gaat bijna niet naar school, mn tante zegt dat ze straks in het buitenland wordt uitgehuwelijkt", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "jongerenwerker hier. een paar jongens van 12-13 uit ons buurthuis hebben sinds kort 'schulden' bij een groep oudere jongens en werken die af. ze klappen dicht als ik ernaar vraag", intent: "criminal", who: understand.WhoProf},
		// Pictures sent to parents if he stops: the threat, not the topic.
		{text: "a guy online paid me to collect packages from lockers, now he says im part of it and have to keep going or he sends my pics to my parents", intent: "criminal", who: understand.WhoMe, home: true},
		// A neighbour's boy of about ten, no dinner: young, at home.
		{text: "buurjongen van een jaar of 10 wordt elke avond uitgescholden en geslagen, ik hoor het door de muur. hij loopt in de winter zonder jas en zegt dat hij geen avondeten krijgt", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Stuff gone missing is no one missing; being taken from home if
		// the parents are told is a fear; whether a number is kept asks
		// about the bot.
		{text: "guy at the skatepark asked me to keep a bag for a week, now he says stuff is missing and i owe him, he wants me to sell to kids at my school to pay it back", intent: "criminal", who: understand.WhoMe},
		{text: "ik ben bang dat jullie het meteen tegen mn ouders zeggen en dat ik dan uit huis word geplaatst", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "is dit anoniem? bewaren jullie mn nummer ergens", intent: "bot", who: understand.WhoMe},
		// What one can no longer do is told, not asked; money forwarded
		// is no image forwarded.
		{text: "ik heb mijn bankpas uitgeleend aan iemand voor 200 euro en nu gaan er duizenden euro's op en af en ze willen ook nog mijn id. nee zeggen kan ik niet meer", intent: "criminal", who: understand.WhoMe},
		{text: "ik heb mn bankrekening uitgeleend aan iemand voor 200 euro, nu moet ik steeds geld doorsturen en pasjes ophalen en ze weten waar ik woon", intent: "criminal", who: understand.WhoMe},
		// Hit whenever the housework is not done, whether it belongs
		// here: a story of home.
		{text: "idk if this belongs here but my moms boyfriend makes me do all the housework and hits me if its not done, he also takes my babysitting money", intent: "home", who: understand.WhoMe, home: true},
		// A way out blocked now: danger; a boss who waits outside in a
		// van the whole time: a story of work.
		{text: "Nurse at a walk-in clinic. The man who came with my patient is blocking the exam room door and says they're leaving right now. She mouthed 'please' at me.", intent: "danger", danger: true, who: understand.WhoProf},
		{text: "Volunteer at a food bank. A group of Romanian men come in, say they work in a warehouse for 'food and a bed' only, and their boss waits outside in a van the whole time.", intent: "labour"},
		// Nobody hit, help given to a boyfriend: no danger.
		{text: "is it exploitation if i agreed to the job but now they charge \"fees\" for everything and i earn less than i owe every month? nobody hit me or anything", intent: "labour", who: understand.WhoMe},
		{text: "im 17 and my bf says if i love him i'll help him make money with other guys, just this once. he already set it up for saturday", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		// Recruited on snapchat: the way in, not a story of images.
		{text: "my little brother (14) got recruited on snapchat to pick up phones from people's houses. he says its just a side job but he's scared all the time", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// A visa taken if one reports the boss: a fear.
		{text: "if i report my boss will they take my visa? i have family at home depending on the money", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// A team of youth care workers signing up for training asks for it.
		{text: "hoe kunnen wij ons als team inschrijven voor de online training mensenhandel? we werken in de jeugdzorg", intent: "training", who: understand.WhoProf},
		// A little bro of 14 is someone else, and young.
		{text: "my little bro (14) gets picked up by older boys on scooters, told me he \"holds stuff\" for them. he goes white every time his phone rings", intent: "*", who: understand.WhoOther, age: understand.AgeMinor},
		// His punishment in ten minutes: danger; the police's: a fear.
		{text: "hij komt over 10 min terug en zei dat ik dan mn straf krijg", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "als ik naar de politie ga krijg ik dan straf?", intent: "*", fear: true, who: understand.WhoMe},
		// Photos of the home are a threat, not a story of images.
		{text: "mijn broer moest van een gast zn auto lenen voor ritjes naar belgie en nu mag hij niet meer stoppen, ze hebben zn adres en foto's van ons huis", intent: "criminal", who: understand.WhoOther},
		// Whether the police can see this, being put on a plane back:
		// fears; a boyfriend who never hit: no danger.
		{text: "kunnen ze bij de politie zien dat ik dit typ? mn vriend zegt dat ze mij dan oppakken voor prostitutie en niet hem", intent: "*", fear: true, who: understand.WhoMe},
		{text: "they told me dutch police arrest girls like me and put us on a plane back. is that true", intent: "*", fear: true, who: understand.WhoMe},
		{text: "My boyfriend handles my escort bookings and keeps the money for us. He has never hit me. Is that exploitation or am I overthinking it?", intent: "sexual", who: understand.WhoMe},
		// Men in balaclavas waiting at the school gate: danger; a
		// balaclava a boy carries: his story.
		{text: "guys in balaclavas waiting at the school gate for my little brother, he lost a bag he was carrying for them", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "zoon van 15 komt snachts thuis met een bivakmuts in zn tas en heeft opeens 2 telefoons. wil er niks over zeggen", intent: "*", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Past: not now. A party he already took her to; a foreman who was
		// waiting outside while a doctor saw his worker. Not knowing how old
		// someone is asks nothing.
		{text: "im 16 and my bf says if i really love him i'll 'help him out' with his friends for money. he already took me to one party where that happened and i felt sick after", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "GP here. seasonal worker came in with chemical burns on both hands, says there's no protective gear and they do 14 hour days. his foreman was waiting in the car outside", intent: "labour", who: understand.WhoProf},
		{text: "in de nagelsalon bij ons op de hoek werken jonge vietnamese jongens, volgens mij slapen ze ook achter in de zaak want ik zie ze nooit naar huis gaan. geen idee hoe oud ze zijn, ze zien er jong uit", intent: "labour"},
		// A mentor sees a pupil get into a man's car after school, week after
		// week: a story. Camming for an ex who keeps the account: sexual. A
		// scale and offers to hold stuff: criminal, whatever app they came by.
		{text: "Als mentor op het vmbo zie ik een leerling van 15 die steeds vaker verzuimt, na school in de auto stapt bij een man van rond de 25 en blauwe plekken in haar nek heeft. Ze zegt dat het haar vriend is.", intent: "*", who: understand.WhoProf, age: understand.AgeMinor},
		{text: "ik ben 19 en doe camwerk, maar mijn ex heeft het account op zijn naam gezet en ik zie er geen cent van. hij heeft al mijn wachtwoorden", intent: "sexual", who: understand.WhoMe, age: understand.AgeAdult},
		{text: "my 15 year old keeps getting snapchat messages offering money to hold stuff for people. yesterday i found a scale and a knife under his bed", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// A fear for a family abroad is held over a worker: labour, not home.
		// A fear that they will know who told, in a parent's words: a fear.
		{text: "if i report my boss will they send me back? i have no visa and my family at home needs the money", intent: "labour", fear: true, who: understand.WhoMe, home: true},
		{text: "mijn zoon wil niet dat ik iemand bel, 'dan weten ze wie het verteld heeft'. kunnen ze dat echt te weten komen?", intent: "*", fear: true},
		// "The same man who pays" says which man, and asks nothing; a doctor's
		// young woman whose boyfriend answers for her and keeps her ID is
		// sexual exploitation; "pimped out" names it.
		{text: "I'm a GP. A young woman keeps coming in with STIs and bruises, always with the same man who pays in cash and refuses to leave the room.", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "GP trainee. Young woman came in for contraception, her 'boyfriend' answered every question and held on to her ID. She had bruises on both wrists.", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "is there an anonymous chat where I can talk to someone about being pimped out?", intent: "question", who: understand.WhoMe},
		// A debt's deadline tonight and someone at the door: danger, not a
		// deadline of school or work. Found out for telling, or the children
		// taken away for calling, or a mother hurt back home for talking: a
		// fear, not danger now. A question about a place where girls are held
		// asks how to report it.
		{text: "someone keeps trying the handle of my door. i owe them money and they said tonight was the deadline", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "bro als ik dit meld en ze vinden uit dat ik het was ben ik echt dood, snap je", intent: "*", fear: true, who: understand.WhoMe},
		{text: "als ik veilig thuis bel halen ze dan mn kinderen weg? mijn man is degene die ons dit aandoet maar ik ben bang", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "i'm scared they'll hurt my mum back in nigeria if i talk to anyone here. they did a ritual on me and said i'd get sick", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: "ik schaam me echt kapot en ben bang dat mijn ouders het horen. moeten jullie dat aan hun doorgeven als ik nog geen 18 ben?", intent: "*", fear: true, who: understand.WhoMe, age: understand.AgeMinor, home: true},
		{text: "hoe kan ik iets doorgeven over een pand waar meisjes worden vastgehouden zonder dat mijn naam erbij komt", intent: "question", who: understand.WhoMe},
		// A sister hurt back home if the writer tells, with nothing happening
		// now: a fear. Not leaving the flat until a debt is paid: held. A
		// boyfriend who drives her to dates and waits outside, told: her story.
		{text: "he said if I tell anyone he'll hurt my little sister back home. nothing is happening right now but I can't stop thinking about it", intent: "*", fear: true, home: true},
		{text: "he took my shoes and my passport and says i'm not leaving this flat until i pay him back", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "Ik ben 19 en mijn vriend zet advertenties van mij online. Hij spreekt de afspraken af, brengt me erheen en wacht buiten. Het geld gaat naar ons huis zegt hij, maar ik zie er niks van.", intent: "sexual", who: understand.WhoMe, age: understand.AgeAdult},
		// A guest who checks in with a child and asks for a floor without
		// cameras, upstairs now: danger. Threatened with the sack: labour.
		{text: "a guest checked in with a kid who looks maybe 12, he asked for a floor without cameras. they're upstairs right now", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "my brother drives trucks for a dutch company, gets like 3 euro an hour, lives in the cabin for months and they threaten to fire him if he complains", intent: "labour", who: understand.WhoOther},
		// "Ik ben er zelf ingestapt" is how one got into the work, said in a
		// fear that the police will call it one's own choice; not a car.
		{text: "ben bang dat niemand me gelooft en dat de politie zegt dat ik zelf voor dit werk heb gekozen. ik ben er toch zelf ingestapt", intent: "*", fear: true, who: understand.WhoMe},
		{text: "what happens to what i type here? does anyone save it", intent: "bot"},
		// Driven away now and told to "learn to listen": danger, though
		// "leren" is also school's word. A boyfriend who picks her up in a car
		// and she comes back late: her story. What the chat is for: the bot.
		{text: "ze rijden nu met me weg, ik zit achterin, ze hebben het over een loods en dat ik moet leren luisteren", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "my little sister is 14 and has an \"older boyfriend\" who picks her up in a car. she comes back late smelling of weed with expensive stuff and won't say where she's been", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "waar is deze chat eigenlijk voor bedoeld", intent: "bot"},
		// A man who wants to take the injured worker back now: danger; a cut
		// already treated is not. A mentor who must report it, and he hears of
		// it: a fear. A nail salon however small: labour.
		{text: "night nurse here, a worker was dropped at our entrance with a deep cut and the man with him keeps saying no police no papers and wants to take him back now", intent: "danger", danger: true, who: understand.WhoProf},
		{text: "ik durf niks tegen mn mentor te zeggen want dan moet ze het melden en dan hoort hij het toch", intent: "*", fear: true},
		{text: "in het nagelsalonnetje op de hoek werken steeds andere meisjes, ze eten en slapen daar boven en worden nooit alleen gelaten", intent: "labour"},
		// Told of, not happening now: helping a boyfriend earn as he asks it,
		// an adult who waited in a car for the kids, a man who sits outside for
		// hours, older lads who pick a boy up on scooters.
		{text: "ik ben 19, mijn vriend zegt als ik echt van hem hou dan help ik hem met geld verdienen met daten. ik wil het eigenlijk niet maar ik wil hem ook niet kwijt", intent: "sexual", who: understand.WhoMe, age: understand.AgeAdult},
		{text: "my little cousin got caught shoplifting with a group of kids and there was an adult waiting in a car for them. he says he has to do it", intent: "criminal", who: understand.WhoOther},
		{text: "theres a house on my street where young girls come and go at night in taxis, curtains always shut, a man sits outside in a car for hours. probably nothing but it bugs me", intent: "*"},
		{text: "youth worker here. a 14 y/o in my group keeps turning up with new trainers and a burner phone, older lads pick him up on scooters. he says he just 'runs errands'", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		// "A boyfriend who is 24" says which one and asks nothing. Stuck "in
		// iets" is caught up in it, not locked in; beaten if he does not steal,
		// told by his parent, is how he is held.
		{text: "my little sister (15) has a \"boyfriend\" who is 24, he gives her weed and money and last week she said he wants her to meet his friends for cash. idk what to do", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "bro ik zit vast in iets. moest ff een tas naar rdam brengen en nu zeggen ze dat ik voor hun werk. mn moeder weet van niks en ik wil er uit", intent: "criminal", who: understand.WhoMe, home: true},
		{text: "zoon van 16 moet voor zn zogenaamde vrienden in winkels jatten, hij zegt dat ie anders in elkaar wordt geslagen. is al 2x opgepakt", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Not believed by the police before and afraid of being locked up
		// again: a fear. Watering plants in an attic: criminal.
		{text: "i got caught once with the stuff and the cops didnt believe a word. why would they now, ill just get locked up again", intent: "*", fear: true, who: understand.WhoMe},
		{text: "im from vietnam, they told me restaurant work but i live in a house watering plants in the attic. they bring food once a week and i only go out with them", intent: "criminal", who: understand.WhoMe},
		// Detention for an expired visa: a fear. A colleague who took the
		// patient away before the doctor was done: past. Whether the police
		// know who types here: a question about the bot.
		{text: "scared to report my boss, he says they'll put me in detention because my visa ran out and that I'm the criminal here", intent: "labour", fear: true, who: understand.WhoMe},
		{text: "ER doctor here. Had a man with a crushed hand from a packing plant; the \"colleague\" who brought him answered every question and took him away before we were done.", intent: "labour", who: understand.WhoProf},
		{text: "weet de politie wie ik ben als ik hier typ?", intent: "bot"},
		// Put in an apartment to see men: her story, not being taken now.
		// Half a bag missing: no one missing. Found through a sister's school
		// if she tells: a fear.
		{text: "i came here for a hotel job but they put me in an apartment and now i have to see men. they say i owe them 8000 for the ticket", intent: "sexual", who: understand.WhoMe},
		{text: "got asked to hold a bag for a guy, now he says half is missing and i owe him. he knows where i live. im 16", intent: "criminal", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "ze hebben fotos van de school van mn zusje. als ik iets zeg weten ze haar te vinden. daarom zeg ik maar niks", intent: "*", fear: true, who: understand.WhoOther},
		// Told where to go and when, by someone on snapchat: a story that asks
		// nothing. Parents who come to know if it is reported: a fear.
		{text: "my son is 14 and keeps getting train tickets to other cities, comes home with cash, and someone on snapchat tells him where to go and when", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		{text: "mn ouders weten van niks en als ik dit meld komen ze het toch te weten? dan ben ik dood voor mn familie", intent: "*", fear: true, who: understand.WhoMe, home: true},
		// A woman out of labour exploitation needs a bed tonight: a question
		// for CoMensha, not being taken. A photo of a knife on a son's phone:
		// his story.
		{text: "wij hebben een vrouw die uit arbeidsuitbuiting is gestapt en vanavond geen slaapplek heeft, wie regelt opvang voor slachtoffers?", intent: "question", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "ik vond bij mn zoon van 15 een tweede telefoon met berichten over runs naar zwolle en een foto van een mes. hij zegt dat alles van een vriend is", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Picked up at ten for a "party" she dare not refuse: being taken.
		// Stuff gone missing, and older guys seen at the gate: a story.
		{text: "ben 15. hij haalt me om 10 uur op voor een \"feestje\" met zn vrienden en ik moet dat jurkje aan dat hij gekocht heeft. durf geen nee te zeggen", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		{text: "been keeping stuff at my place for some older guys, now they say i owe them cuz some went missing. idk what to do", intent: "criminal", who: understand.WhoMe},
		{text: "I teach at a secondary school in The Hague. One of my second-year students is absent a lot, has cash and two phones, and I've seen older guys waiting for him at the gate. How worried should I be?", intent: "criminal", who: understand.WhoProf},
		// A shelter that cannot keep her asks where she can go: not held.
		{text: "Wij hebben een vermoedelijk slachtoffer in onze daklozenopvang maar kunnen haar niet houden. Welke organisatie regelt opvang voor slachtoffers van mensenhandel?", intent: "question"},
		// Reporting the boss and being sent out of the country: a fear. A gate
		// shut on workers in containers, a friend with fever kept from a
		// doctor: danger. A girl heard screaming next door: danger, in a long
		// story too.
		{text: "ik heb geen papieren. als ik de baas aangeef word ik toch gewoon het land uitgezet?", intent: "*", fear: true, who: understand.WhoMe},
		{text: "wij slapen in container op bedrijf, man heeft hek dicht gedaan, zegt niemand weg voor geld terug is. mijn vriend heeft 3 dagen hoge koorts en hij mag niet naar dokter", intent: "danger", danger: true},
		{text: "hoor een meisje gillen in het pand naast ons, er gaan de hele avond al mannen in en uit en nu is het opeens stil", intent: "danger", danger: true, who: understand.WhoOther},
		// A son afraid their house is shot at if he talks: a fear, told by
		// his mother. What happens to girls who talk, tonight: a threat now.
		{text: "mn zoon wil wel stoppen maar hij is doodsbang dat ze ons huis komen beschieten als hij gaat praten", intent: "*", fear: true, who: understand.WhoOther},
		{text: "he said tonight i'll find out what happens to girls who talk", intent: "danger", danger: true},
		// What a group threatens a mother with if he stops, told of him: how
		// he is held, not danger now.
		{text: "mijn ex (19) wordt door een groep gedwongen om bankpassen van mensen te 'lenen' en geld op te nemen. hij wil stoppen maar ze dreigen zn moeder iets aan te doen", intent: "criminal", home: true},
		// Taken by train to another city, told by a youth worker: his story.
		// A boy met online who wants a 15-year-old to come and live with him:
		// grooming, not a question.
		{text: "youth worker here. a 14 y/o in our program told me he 'works' for older guys selling weed, they took him by train to another city and now he says he owes them", intent: "criminal", who: understand.WhoProf, age: understand.AgeMinor},
		{text: "idk of dit raar is maar een jongen die ik online ken wil dat ik naar zn stad kom, zegt dat ik daar kan werken en bij hem kan wonen. ik ben 15 en mn ouders weten het niet", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		// "for a client" says a professional asks; a greeting before "wheres"
		// still leaves a question.
		{text: "who coordinates care for trafficking victims in noord-brabant? need a contact for a client", intent: "question", who: understand.WhoProf},
		{text: "hi, wheres the nearest centre for sexual violence in rotterdam, need the address for a client", intent: "question", who: understand.WhoProf},
		// Danger told of the past to a professional, and abuse a child told a
		// babysitter, are stories; "if they find out, my family is not safe"
		// is a fear of them; a friend who comes back crying from his
		// "parties" is a story; going off on a train with a man met online,
		// seen now, is danger; a name tattooed on a woman is a sign of
		// sexual exploitation; "ons hotelpersoneel" is a professional's.
		{text: "huisarts hier. patient uit de bouw met een kapotte hand, zegt dat zijn baas hem niet naar het ziekenhuis liet gaan en hij heeft geen verzekering", intent: "labour", who: understand.WhoProf},
		{text: "im a babysitter and the kids told me their dad hits them. who can i call for advice here in holland", intent: "question", who: understand.WhoMe, home: true},
		{text: "wil iets vertellen maar als zij het te weten komen is mijn familie niet veilig", intent: "*", who: understand.WhoMe, home: true, fear: true},
		{text: "my best friend is 16 and her bf makes her go to \"parties\" at his mates house, she comes back crying but keeps saying its fine", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mn nichtje van 15 staat op het perron met een oudere vent die ze van insta kent, ik zie ze nu samen de trein in gaan", intent: "danger", danger: true, who: understand.WhoOther, age: understand.AgeMinor},
		{text: "verpleegkundige seh hier. vrouw binnengekomen met blauwe plekken, haar \"vriend\" wijkt niet van haar zijde en praat voor haar. ze heeft zijn naam in haar nek getatoeeerd", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		{text: "bestaat er een e-learning over signalen van uitbuiting voor ons hotelpersoneel", intent: "training", who: understand.WhoProf},
		// What they would do if they knew the person talks, told at home:
		// a fear. Young-looking people brought in by a man who does all the
		// talking, seen from work: someone else's story, a worry.
		{text: "als ze weten dat ik met iemand praat maken ze me af zeggen ze. ben nu thuis maar durf niks te zeggen", intent: "*", who: understand.WhoMe, home: true, fear: true},
		{text: "above the shop where i work, different young-looking people arrive every few days with a man who carries their bags and does all the talking. feels off", intent: "sexual", who: understand.WhoOther},
		// Beaten once already, and a threat to a brother if he stops: how a
		// boy is kept at it, told by others, not danger now.
		{text: "jongerenwerker hier. jongen van 13 uit mijn groep wordt door oudere jongens als uitkijk gebruikt, hij durft niet te stoppen want ze hebben hem al een keer in elkaar geslagen", intent: "criminal", who: understand.WhoProf},
		{text: "my 14 yo son has a second phone that rings all night and an older boy waits for him at the corner. he says if he stops they'll hurt his little brother", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		// Violence done before, promised again with a time: danger. "im not
		// locked up" says no one holds her; a slap "laatst" is in the past.
		{text: "he says the client comes at 11 and if i say no again he will do what he did last time. i still have the bruises", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "came here for a modelling job that turned out to be something else. im not locked up but all the money goes to the agency and they keep my passport", intent: "sexual", who: understand.WhoMe},
		{text: "neefje van 15 doet 'klusjes' voor een gast uit amsterdam, moet met de trein geld en spullen brengen. laatst kreeg hij een klap toen er iets kwijt was", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "is this a bot or a human", intent: "bot"},
		// A boyfriend "die ze nooit meeneemt" takes no one anywhere; "wil haar
		// helpen maar weet niet hoe" asks how to help, no one is lost; a stab
		// wound "from work" and a name put on a contract are criminal
		// exploitation; "one of my clients, 18," gives the client's age.
		{text: "mijn nichtje van 16 heeft een 'vriend' die ze nooit meeneemt, ze krijgt wel steeds geld van hem. kan ook gewoon verliefdheid zijn toch? ik weet het niet", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "mijn vriendin is gisteravond verkracht, ik wil haar helpen maar weet niet hoe. waar kan ik als vriendin terecht", intent: "assault", who: understand.WhoOther},
		{text: "verpleegkundige op de seh hier. jongen van 16 kwam binnen met een steekwond, zei dat het 'van het werk' was en dat hij terug moest naar zijn baas in amsterdam", intent: "criminal", who: understand.WhoProf},
		{text: "im 19, a guy paid me to put my name on a rental contract and now strangers live there and im getting letters from bailiffs", intent: "criminal", who: understand.WhoMe, age: understand.AgeAdult},
		{text: "I'm a youth worker. one of my clients, 18, told me her boyfriend \"manages\" her escort ads and she hands over everything she earns", intent: "sexual", who: understand.WhoProf, age: understand.AgeAdult},
		// Taken home by his boss, told after by an ER nurse; girls "pulled in
		// by a guy", asked about; a boyfriend who checks her phone: stories,
		// not danger now. Ads of someone put online are sexual exploitation.
		{text: "nurse in an ER here. construction worker came in with a bad injury and his 'boss' wouldn't let us talk to him alone, then took him home instead of letting us admit him", intent: "labour", who: understand.WhoProf, home: true},
		{text: "is there a chat for girls who got pulled in by a guy who pretends to be their boyfriend", intent: "sexual"},
		{text: "mijn dochter is 17 en haar vriendje bepaalt wat ze aantrekt en checkt haar telefoon. nu heeft ze ineens geld en gaat ze steeds 'logeren' in een andere stad", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "ik ben 19 en iemand zet advertenties van mij online. ik moet al het geld aan hem geven en mag niet stoppen want ik heb nog een schuld bij hem zegt ie", intent: "sexual", who: understand.WhoMe, age: understand.AgeAdult},
		// A girl who can barely stand, pulled towards the lift: danger. A
		// neighbour who hears a boy cry and "soms een klap": a worry about a
		// home. Courses "for nurses", "voor zorgmedewerkers": a
		// professional asks.
		{text: "ik sta achter de balie. meisje van een jaar of 14 met een veel oudere man, ze kan nauwelijks op haar benen staan en hij trekt haar richting de lift", intent: "danger", danger: true, who: understand.WhoMe, age: understand.AgeMinor},
		{text: "ik hoor het buurjongetje bijna elke avond huilen en gillen en de vader schreeuwt dan heel hard. soms een klap. moet ik me ermee bemoeien?", intent: "home", who: understand.WhoMe, home: true},
		{text: "are there online courses for nurses about recognising victims of trafficking", intent: "training", who: understand.WhoProf},
		{text: "bestaat er een e-learning over mensenhandel voor zorgmedewerkers? wij willen dat met het team doen", intent: "training", who: understand.WhoProf},
		// "if i tell the cops", asked by one who deals: a fear, not a question
		// for Veilig Thuis and the police.
		{text: "if i tell the cops about the guys im dealing for do they charge me too? im 17", intent: "*", who: understand.WhoMe, age: understand.AgeMinor, fear: true},
		// "die gasten hebben overal ogen" and "stel ik meld dit ... de IND":
		// fears of being found out, not danger. "durf niet te stoppen" says
		// how one is held; a GP's patient who "zegt dat hij niet naar het
		// ziekenhuis mag" has reached a doctor.
		{text: "als ik het aan iemand vertel weten ze het morgen al, die gasten hebben overal ogen. ik durf echt niet", intent: "*", who: understand.WhoMe, fear: true},
		{text: "stel ik meld dit, krijgt mijn vriend dan problemen met de IND? hij heeft geen papieren", intent: "*", who: understand.WhoMe, fear: true},
		{text: "ze hebben een bankrekening op mijn naam geopend en nu moet ik steeds geld doorsturen. ik ben 19 en durf niet te stoppen", intent: "criminal", who: understand.WhoMe, age: understand.AgeAdult},
		{text: "huisarts hier. patient uit polen met een gebroken hand zegt dat hij niet naar het ziekenhuis mag van zijn uitzendbureau anders is hij zijn kamer kwijt", intent: "labour", who: understand.WhoProf},
		// An errand tonight "als ik nee zeg weten ze waar m'n moeder woont": an
		// ultimatum, danger. She "cant talk about work": a story, no one
		// reading along. A mother who finds a scale in her daughter's room,
		// and tears when she asks: a worry. "my girlfriend was raped":
		// about her, so the help for those who support someone.
		{text: "moet vanavond iets ophalen in antwerpen en als ik nee zeg weten ze waar m'n moeder woont", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "my flatmate gets picked up by a van at 4am every day and comes back at midnight, always says she cant talk about work. idk if its just a crap job", intent: "unsure", who: understand.WhoOther},
		{text: "ik vond een zak met geld en een weegschaaltje in de kamer van mn dochter van 16. ze zegt dat ze het bewaart voor iemand en begint te huilen als ik doorvraag", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "my girlfriend was raped at a party last weekend, where can i get advice on how to support her", intent: "assault", who: understand.WhoOther},
		{text: "zijn er e-learnings voor wijkteammedewerkers over het herkennen van uitbuiting?", intent: "question", who: understand.WhoProf},
		// Not wanting parents or the police to know: a fear. Boys who come
		// and go all night at a flat: criminal exploitation. A long story
		// that asks nothing is read for what it tells, whatever contact a
		// question like it would ask for; "an older friend who pays" is
		// which friend, not a question. "zoek ik cijfers" asks.
		{text: "wil niet dat mn ouders of de politie het te weten komen. blijft dit echt anoniem?", intent: "*", who: understand.WhoMe, home: true, fear: true},
		{text: "theres a flat on my floor where boys come and go all night, some look really young and scared. one of them asked me for food yesterday", intent: "criminal", who: understand.WhoMe},
		{text: "my little sister is 15 and has an older friend who pays for her nails and hair and now wants her to stay at his place in amsterdam for the weekend", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "voor mn scriptie zoek ik cijfers over hoeveel minderjarige slachtoffers er per jaar zijn in nederland", intent: "question", who: understand.WhoMe, age: understand.AgeMinor},
		// Money owed by eight tonight, "weten ze waar mn moeder woont": an
		// ultimatum, danger. "some of it is missing" is no one missing; a
		// slap "toen hij wilde stoppen" is how he is held; videos they hold
		// of a boy who runs packages are how he is held, not images online.
		{text: "als ik vanavond om 8 niet met het geld kom weten ze waar mn moeder woont zeggen ze. ze stonden vanmiddag al bij onze flat", intent: "danger", danger: true, who: understand.WhoMe, home: true},
		{text: "got asked to \"hold\" a bag for someone for a few weeks, now they say i owe them cos some of it is missing. im 15", intent: "criminal", who: understand.WhoMe, age: understand.AgeMinor},
		{text: "mijn neefje van 15 staat hele nachten bij een flat in de buurt \"op de uitkijk\" zegt hij. kreeg een klap toen hij wilde stoppen", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "een jongen uit mijn klas moet van oudere jongens pakketjes naar amsterdam brengen, hij durft niet te stoppen want ze hebben filmpjes van hem", intent: "criminal", who: understand.WhoOther},
		// Something bad that happened last year, asked about support for:
		// a question, not danger now.
		{text: "something bad happened to me last year and I just need someone to talk to about it, is there any support for victims here?", intent: "question", who: understand.WhoMe},
		// A friend who cannot be woken after a drink a man gave her: danger.
		// Kicked once already: how a boy is held. A ceremony before leaving
		// and "what happens if i stop": the fear such an oath holds.
		{text: "mn vriendin heeft iets gedronken wat die gast haar gaf en ik krijg haar niet meer wakker", intent: "danger", danger: true, who: understand.WhoOther},
		{text: "mn neefje van 13 moet van een paar gasten uit de buurt op de uitkijk staan. ze hebben hem al een keer in elkaar getrapt toen hij niet kwam opdagen", intent: "criminal", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "i came here for a job in a hair salon but the madam says i owe her 30k for the travel and i must see men to pay it. i did a ceremony before leaving and im scared of what happens if i stop", intent: "sexual", who: understand.WhoMe, fear: true},
		// A man who just checked in with two girls of about 14, asked about
		// right now by the night manager: danger. "what is this" asks about
		// the bot.
		{text: "Hotel night manager here. A man just checked in with two girls who look about 14, paid cash, room 212. What do I do right now?", intent: "danger", danger: true, who: understand.WhoProf},
		{text: "what is this", intent: "bot"},
		// Made to go along soon to a party of his friends: taken, danger.
		// Help getting nudes removed asks for Helpwanted; "wordt het
		// doorgegeven" is what a fear of being found out asks.
		{text: "moet straks mee met een oudere jongen naar een feestje in een huis waar \"vrienden van hem\" zijn. hij zei dat ik het hem schuldig ben en dat ik niet moet zeuren", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "someone is threatening to post my nudes unless i pay. where can i get help getting them removed", intent: "question", who: understand.WhoMe},
		{text: "mijn ouders mogen dit echt nooit weten, wordt het doorgegeven aan school of zo?", intent: "*", who: understand.WhoMe, home: true, fear: true},
		// More afraid of the police going to one's parents than of him: a
		// fear, and never the police's card first.
		{text: "gaat de politie dan meteen naar mn ouders? daar ben ik eerlijk gezegd banger voor dan voor hem", intent: "*", who: understand.WhoMe, home: true, fear: true},
		// Someone who swallowed what he had to carry, drowsy and sweating:
		// danger. "lesmaterialen ... bovenbouw havo" and a hotel chain's
		// staff: a professional asks. Not wanting anyone to know one asks:
		// a fear.
		{text: "ik denk dat mijn vriend iets heeft ingeslikt wat hij moest vervoeren, hij is heel suf en zweet als een gek. we zitten in een appartement ergens in den haag", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "zijn er lesmaterialen over loverboys voor de bovenbouw havo?", intent: "question", who: understand.WhoProf},
		{text: "ik werk bij een hotelketen, hebben jullie een training voor personeel over signalen herkennen", intent: "training", who: understand.WhoProf},
		{text: "zien jullie mijn nummer? ik wil niet dat iemand weet dat ik dit vraag, ze komen er altijd achter", intent: "*", who: understand.WhoMe, fear: true},
		// "a house where men come" and "stopped coming to school" tell how a
		// life goes, not someone coming now.
		{text: "i came from nigeria for a job in a hair salon but now the madam says i owe 40k and i have to stay in a house where men come", intent: "sexual", who: understand.WhoMe},
		{text: "my friend is 16 and her \"bf\" is 24, he makes her sleep at his mates places and shes stopped coming to school", intent: "sexual", who: understand.WhoOther, age: understand.AgeMinor},
		// "ze hebben overal mensen", after "als ik het iemand vertel": a fear
		// of being found out, not danger now.
		{text: "als ik het iemand vertel weten zij het meteen, ze hebben overal mensen. ze weten ook waar mn oma woont", intent: "*", who: understand.WhoMe, home: true, fear: true},
		// Workers renovating the neighbours' house who sleep in their van: a
		// story of others' labour. Helping a boyfriend "met geld" is what he
		// asks, not a cry for help.
		{text: "the guys renovating our neighbours house sleep in their van in the street, get picked up at 5 every morning by the same man and look like they havent eaten in days", intent: "labour", who: understand.WhoOther},
		{text: "heb een vriend van 19 en hij is echt lief maar nu vraagt ie of ik met zn vrienden wil chillen en dat ik hem zo help met geld. is dat normaal? ben 15", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		// A teacher's "vermoeden van mishandeling" in a meldcode question is
		// a suspicion to act on, not violence now.
		{text: "ik ben leerkracht groep 8, welke stappen van de meldcode moet ik nu volgen bij een vermoeden van mishandeling?", intent: "meldcode", who: understand.WhoProf, age: understand.AgeMinor},
		// "missen veel school" is school missed, not "messen" (knives) by a
		// typo read into it.
		{text: "jongerenwerker hier. paar jongens van 12 13 hangen de hele tijd bij een oudere gast met een dikke auto, ze hebben het over 'tripjes' naar zwolle en missen veel school", intent: "criminal", who: understand.WhoProf},
		// Not wanting them at the door, after asking whether the police
		// can see this chat, is a fear of the police at the door.
		{text: "kan de politie zien dat ik deze chat gebruik? ik wil niet dat ze bij ons thuis aan de deur komen", intent: "home", fear: true, who: understand.WhoMe},
		{text: "wordt dit doorgestuurd naar de politie? ik wil niet dat ze bij mij thuis aanbellen", intent: "home", fear: true, who: understand.WhoMe},
		// Stepped out of it: no one getting into a car.
		{text: "mijn vriendin is uit de prostitutie gestapt en heeft aangifte gedaan. is er iemand die haar kan bijstaan bij alles wat nu komt, de rechtszaak enzo", intent: "question", who: understand.WhoOther},
		{text: "are you a real human", intent: "bot"},
		// Helping a friend is no call for help now.
		{text: "is there a national centre for trafficking victims in holland? i need to help a friend find a safe place to stay", intent: "question", who: understand.WhoOther},
		// Made to go with someone and do what one did not want: sexual
		// exploitation; "niet wilde. nu zegt hij" is no one watching.
		{text: "ik moest van hem met iemand anders meegaan en toen heb ik dingen gedaan die ik niet wilde. nu zegt hij dat ik het zelf wou", intent: "sexual", who: understand.WhoMe},
		// The IND coming for them if they complain, as the boss says: a
		// fear of the authorities, not someone coming now.
		{text: "de baas zegt dat de ind ons komt halen als we klagen en dat we dan nooit meer in europa mogen werken. klopt dat", intent: "labour", fear: true},
		{text: "is this anonymous?? i dont want them finding out i talked, they check everything", intent: "bot", fear: true, who: understand.WhoMe},
		// What he does if she tells anyone, where her family lives:
		// a fear of telling, not danger now.
		{text: "hij weet waar mijn ouders wonen. als ik iemand iets vertel zet hij alles online zegt hij", intent: "question", fear: true, who: understand.WhoMe, home: true},
		{text: "i want to tell someone but they said they know where my family lives back home", intent: "", fear: true, who: understand.WhoMe, home: true},
		// Unsafe housing is how the housing is.
		{text: "who do i report an employer to in the netherlands for not paying wages and putting workers in unsafe housing", intent: "question", who: understand.WhoMe},
		// Nowhere else to go, as he says: how he keeps her, not held now.
		{text: "ik ben 19 en mijn ex heeft een account voor me gemaakt op zo een site, ik moet het geld aan hem geven. hij zegt dat ik anders nergens heen kan", intent: "sexual", who: understand.WhoMe, age: understand.AgeAdult},
		// Videos shown to the family if one talks: a fear of telling.
		{text: "im scared if i talk to anyone they will show my family the videos", intent: "sexual", fear: true, who: understand.WhoMe, home: true},
		// Whom they would visit if one told: a fear of telling.
		{text: "ze weten waar mn oma woont. als ik iets zeg tegen wie dan ook dan gaan ze langs, zeiden ze", intent: "question", fear: true, who: understand.WhoMe, home: true},
		// Who the help is for, asked about, is no one trapped now.
		{text: "is there a chat for girls who got trapped by a loverboy", intent: "sexual"},
		// Whether reporting brings the police to her parents: a fear,
		// answered with help that thinks along, not the police's card.
		{text: "als ik dit meld komt de politie dan bij mijn ouders? ze mogen echt nooit weten wat ik voor geld heb gedaan", intent: "sexual", fear: true, who: understand.WhoMe, home: true},
		{text: "my mom picks me up after practice", intent: "", who: understand.WhoMe, home: true},
		// Killed, and not literally, as she says: a fear of her parents
		// finding out.
		{text: "if i talk to someone will my parents find out? they'll kill me, not literally but still", intent: "sexual", fear: true, who: understand.WhoMe, home: true},
		{text: "wordt dit opgeslagen? kan de politie dit lezen? ik wil niet dat ze me komen zoeken", intent: "question", fear: true, who: understand.WhoMe},
		// Whether the police see what one types, with parents who must
		// know nothing: a fear, never the police's card first.
		{text: "ziet de politie het als ik hier wat typ? want mijn ouders mogen echt niks weten", intent: "question", fear: true, who: understand.WhoMe, home: true},
		// A side job where the owner pays when he likes is work, even
		// with no word of a boss in it.
		{text: "heb een bijbaantje bij een snackbar, ik ben 15 maar moet vaak tot 2 uur s nachts blijven en de eigenaar betaalt soms gewoon niet", intent: "labour", who: understand.WhoMe, age: understand.AgeMinor},
		// A family next door is someone else's home, not the writer's.
		{text: "ik twijfel of ik iets moet melden over het gezin naast ons, waar kan ik advies vragen", intent: "unsure", who: understand.WhoOther},
		// A boyfriend who keeps the money of a woman picked up by men.
		{text: "my flatmate keeps getting picked up at night by different guys in the same car, she says her boyfriend manages her money for her", intent: "sexual", who: understand.WhoOther},
		// A partner given an adult's age after he is named is an older
		// boyfriend, as "een vriend van 22" is (see TestOlderPartner).
		{text: "mijn zusje heeft een vriend, hij is 24", intent: "sexual", who: understand.WhoOther},
		{text: "my niece has a boyfriend who is 27", intent: "sexual", who: understand.WhoOther},
		// A visa "tied to" an employer is no one tied up: a fear of
		// losing it (see TestFears for fears whose topic is a guess).
		{text: "if I report my employer will I lose my visa? it's tied to him", intent: "labour", fear: true, who: understand.WhoMe},
		// A parent's suspicion of her partner, over months, is a worry
		// for Veilig Thuis; the same words with a scream now are danger.
		{text: "mijn dochter van 12 is sinds een paar maanden heel stil en heeft blauwe plekken. ik denk dat mn nieuwe partner haar iets aandoet maar weet het niet zeker", intent: "unsure", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "ik denk dat hij haar iets aandoet, ze gilt nu", intent: "danger", danger: true},
		// A story with "what can i do" is not asking for 112 because
		// the contact model guesses so: the story's help answers it.
		{text: "my son (22) went to work on a farm in the netherlands, now he says they dont pay him and he cant buy a ticket home. we are in poland, what can i do", intent: "labour", who: understand.WhoOther, age: understand.AgeAdult, home: true},
		// A threat for stopping, told with nothing happening now: a fear.
		{text: "if i stop now they said theyll tell everyone im a snitch and come for me. nothing is happening right now but im scared all the time", intent: "criminal", fear: true, who: understand.WhoMe},
		// Not knowing where else to ask is no sign of being taken.
		{text: "buurmeisje van 10 staat vaak buiten in de kou, de ouders schreeuwen de hele dag en ze heeft blauwe plekken. weet niet of dit hier hoort maar weet niet waar anders", intent: "home", who: understand.WhoOther, age: understand.AgeMinor, home: true},
		// Losing work and a room for complaining is a fear of labour.
		{text: "als ik ga klagen ben ik mn werk en mn kamer kwijt en hij heeft het adres van mn familie thuis", intent: "labour", fear: true, who: understand.WhoMe, home: true},
		// A story with "where" inside it tells; it asks for no contact.
		{text: "youth worker here. girl (14) at our centre showed me insta dms where a man offers her 200 to model at a party this weekend. she thinks its her big chance", intent: "online", who: understand.WhoProf, age: understand.AgeMinor},
		// Girls exploited by their boyfriend: a loverboy, not work.
		{text: "bestaat er een anonieme chat voor meiden die door hun vriend worden uitgebuit", intent: "question"},
		// How to report a threat asks for the police; it is no threat now.
		{text: "hoe doe ik aangifte als iemand mij online bedreigt, moet ik daarvoor naar het bureau?", intent: "question", who: understand.WhoMe},
		// A friend who "must drive for the boys" is crime's story.
		{text: `mn beste vriend (15) spijbelt steeds en zegt dat hij "voor de jongens moet rijden", hij had laatst een blauw oog en wil niet zeggen van wie`, intent: "criminal"},
		// Asking for help to take nudes down is a question for
		// Helpwanted, not "help" in danger; locked out of the house is
		// home's story, not being locked in.
		{text: "someone is threatening to post my nudes unless i send more, where can i get help taking them down", intent: "question", who: understand.WhoMe},
		{text: "my stepdad screams at me every night and locked me out twice this week. im 14", intent: "home", who: understand.WhoMe, age: understand.AgeMinor, home: true},
		// Told just now, in tears, of images someone threatens to post:
		// a story for Helpwanted, not danger now.
		{text: "onze dochter (14) heeft foto's van zichzelf gestuurd naar iemand die ze online kende en nu moet ze meer sturen anders zet hij ze overal op. ze heeft het ons net huilend verteld", intent: "online", who: understand.WhoOther, age: understand.AgeMinor},
		// A helpline for when a child is hurt at home is asked for.
		{text: "is there a helpline here for when a kid is being hurt at home? asking about my neighbours kids", intent: "question", who: understand.WhoOther, home: true},
		// A debt to be paid "another way", or at his friends', is paid
		// with the body, whatever the debt was for.
		{text: "met a guy on snap, he gave me vapes and weed for free for weeks, now he says i owe him 600 and i can 'pay it back another way'", intent: "sexual", who: understand.WhoMe},
		{text: "ken een jongen van insta die kleren voor me kocht en nu zegt hij dat ik een schuld heb en bij zijn vrienden langs moet om het terug te betalen. ik ben 15", intent: "sexual", who: understand.WhoMe, age: understand.AgeMinor},
		// A courier's first job that makes one theirs.
		{text: "im 19, a guy offered me 1000 euro to pick up a suitcase at schiphol. i did it once and now he says i work for him", intent: "criminal", who: understand.WhoMe, age: understand.AgeAdult},
		{text: "got added to a snap group where they post 'jobs', did one pickup and now they have my address and say i work for them now", intent: "criminal", who: understand.WhoMe},
		// Threatened and robbed, reported already, and asking who helps
		// now: Slachtofferhulp's question, not danger.
		{text: "ik ben bedreigd en beroofd en heb aangifte gedaan, wie kan me nu verder helpen met alles", intent: "question", who: understand.WhoMe},
		// "cant get out" of a scheme, "bang" about a friend's bank
		// account, girls seen getting into cars again and again: stories.
		{text: "my cousin lent his bank card to some guys for quick money and now they use his account and his name for stuff, he says he cant get out", intent: "criminal", who: understand.WhoOther},
		{text: "mn beste vriend (19) laat zn bankrekening gebruiken door een paar jongens voor 'een paar dagen', nu is hij bang en zegt hij niks meer", intent: "criminal"},
		{text: "als jongerenwerker zie ik een meisje van 16 dat steeds in verschillende autos stapt bij het buurthuis, ze zegt dat het haar ooms zijn", intent: "sexual", who: understand.WhoProf, age: understand.AgeMinor},
		// A teacher who suspects abuse at home asks for the meldcode's
		// steps; abuse seen now is danger.
		{text: "ik ben juf van groep 7 en vermoed dat een leerling thuis wordt mishandeld. welke stappen van de meldcode moet ik nu volgen?", intent: "meldcode", who: understand.WhoProf, age: understand.AgeMinor, home: true},
		{text: "mijn leerling wordt nu mishandeld op het schoolplein, wat moet ik doen", intent: "danger", danger: true},
		// Beaten up before, and asking for victim support: a question.
		{text: "my brother was robbed and beaten up by the people he worked for. is there some kind of victim support", intent: "question", who: understand.WhoOther},
		// Calls only with him beside her, told by a cousin in doubt: a
		// story of control, not danger now.
		{text: "mijn nicht is met een man naar duitsland gegaan voor werk in de 'horeca', nu mag ze niet meer bellen zonder dat hij erbij zit. weet niet of ik me aanstel", intent: "sexual", who: understand.WhoOther},
		// A car threatened, a boss who kept a man from hospital told
		// after, and "hoe help ik haar": stories; a beating now still
		// asks for 112.
		{text: "mijn zoon is 19 en hij moet van een paar jongens pakketjes naar duitsland rijden. hij zegt dat ze anders zijn auto in de fik steken", intent: "criminal", who: understand.WhoOther, age: understand.AgeAdult},
		{text: "ik ben wijkverpleegkundige en kwam bij een man met een gebroken hand, werkt in een kas. de baas liet hem niet naar het ziekenhuis en hij krijgt geen loon tot zijn schuld weg is", intent: "labour", who: understand.WhoProf},
		{text: "mn beste vriendin is 16 en heeft fotos gestuurd naar een jongen en nu moet ze met hem afspreken anders zet hij ze online. hoe help ik haar", intent: "*", age: understand.AgeMinor},
		{text: "help ze slaan haar nu, hoe help ik haar", intent: "danger", danger: true},
		// Kids "here" are no one at the door; "pulled into dealing" is no
		// one pulled into a car; a doctor who must not put a patient at
		// risk asks how; a trip there and back is a story.
		{text: "is there help for young people who got pulled into dealing and want out? asking for my cousin, hes 17", intent: "question"},
		{text: "ik ben huisarts. patiënt uit het buitenland komt steeds met zijn 'werkgever' die het woord doet, heeft verwondingen aan zijn handen en geen verzekering. hoe pak ik dit aan zonder hem in gevaar te brengen?", intent: "labour", who: understand.WhoProf},
		{text: `ik ben moeder van een jongen van 16, hij moet van "vrienden" telkens met de trein naar zwolle en terug, komt dan met geld thuis. hij wil er niet over praten`, intent: "criminal", who: understand.WhoOther, home: true},
		// A chat for girls "stuck with" a guy is asked for, not danger.
		{text: "is there a chat for girls stuck with a guy who makes them work for him", intent: "question"},
		// A doctor's patient who was not allowed to go to hospital, told
		// after; bleeding now beside it is danger.
		{text: "ik ben huisarts. patient, poolse man, kwam met een kapotte hand. hij mocht niet naar het ziekenhuis van zijn uitzendbureau en ze houden zijn loon in", intent: "labour", who: understand.WhoProf},
		{text: "hij mag niet naar het ziekenhuis en bloedt heel erg", intent: "danger", danger: true},
		// What parents would do if they heard, said as people say it, is
		// the fear of it; a boy who starts when his phone rings, seen by a
		// youth worker, is a story.
		{text: "ik durf niks te zeggen want dan krijgen m'n ouders het te horen en die vermoorden me", intent: "*", fear: true, who: understand.WhoMe, home: true},
		{text: `als jongerenwerker zie ik een jongen van 16 die ineens met 2 telefoons loopt en schrikt zodra de ene overgaat. zegt dat hij moet "werken"`, intent: "criminal", who: understand.WhoProf},
		// A threat to call immigration on a cousin is his boss's hold on
		// him, told by someone else: a story of work.
		{text: "my cousin cleans houses for a woman who keeps half his pay and threatens to call immigration on him", intent: "labour", who: understand.WhoOther, age: understand.AgeAdult},
		// Let go only once a debt is paid: held until then.
		{text: "been in this party house since friday, cant find my shoes or phone, the guys say i can go when ive paid it off", intent: "danger", danger: true, who: understand.WhoMe},
		{text: "ze zeggen dat ik pas mag gaan als alles is terugbetaald, ik zit al dagen in dit huis", intent: "danger", danger: true, who: understand.WhoMe},
		// A parent names a child by its age alone.
		{text: "my 15yo keeps getting calls at night from a number saved as boss. he says he cant quit", intent: "*", who: understand.WhoOther, age: understand.AgeMinor},
		{text: "my 2 year contract ended and my boss kept my passport", intent: "labour", who: understand.WhoMe},
		// A roommate's work is about the roommate.
		{text: "i think my roommate is being forced to work at a car wash 7 days a week", intent: "labour", who: understand.WhoOther},
		{text: "mijn huisgenoot moet elke nacht werken in een fabriek zonder contract", intent: "labour", who: understand.WhoOther},
		// A professional's worry in words no example has.
		{text: "mijn leerling van 15 heeft opeens veel geld en dure kleding", intent: "unsure", who: understand.WhoProf, age: understand.AgeMinor},
		{text: "ik ben huisarts en maak me zorgen", intent: "unsure", who: understand.WhoProf},
	} {
		t.Run(tc.text, func(t *testing.T) {
			m := x.Understand("nl", tc.text)
			got := ""
			if m.Intent != nil {
				got = m.Intent.ID
			}
			if tc.intent != "*" && got != tc.intent || m.Danger != tc.danger {
				t.Errorf("Understand(%q) = intent %q, danger %v; want %q, %v", tc.text, got, m.Danger, tc.intent, tc.danger)
			}
			if tc.who != "" && m.Who != tc.who {
				t.Errorf("Understand(%q).Who = %q, want %q", tc.text, m.Who, tc.who)
			}
			if tc.fear && !m.Fear {
				t.Errorf("Understand(%q) is no fear, want one", tc.text)
			}
			if m.Age != tc.age || m.Home != tc.home {
				t.Errorf("Understand(%q) age, home = %v, %v; want %v, %v", tc.text, m.Age, m.Home, tc.age, tc.home)
			}
			if tc.named != "" && (len(m.Named) == 0 || m.Named[0].ID != tc.named) {
				t.Errorf("Understand(%q).Named = %v, want %s first", tc.text, m.Named, tc.named)
			}
			if strings.Contains(tc.text, "ik ben mentor/zorgcoördinator") && slices.ContainsFunc(m.Named, func(ct *content.Contact) bool { return ct.ID == "zorgcoordinator" }) {
				t.Errorf("Understand(%q) names the writer's own role as a contact asked for", tc.text)
			}
			for _, ct := range slices.Concat(m.Named, m.Found) {
				if strings.Contains(tc.text, "niet de "+ct.ID) || strings.Contains(tc.text, "niet meteen "+ct.ID) || strings.Contains(tc.text, "niet naar de "+ct.ID) || strings.Contains(tc.text, "niet per se naar de "+ct.ID) {
					t.Errorf("Understand(%q) offers %s, which the message says it does not want", tc.text, ct.ID)
				}
			}
		})
	}
}

// TestHelplineTopic: the help that comes with a fear, or after 112 with
// danger, fits what the message is about. A fear's own words may say it:
// a man who must not find out is most often a boyfriend or a pimp. Danger
// takes its topic from what the message tells besides the danger; one
// that tells only the danger gets none, and so the help for any danger or
// doubt.
func TestHelplineTopic(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct {
		text   string
		danger bool // else a fear
		want   string
	}{
		{"als hij merkt dat ik dit typ dan vindt hij me, hij weet alles van me", false, "sexual"},
		{"im scared to even type this. they said if i go to police they send the videos to my family back home", false, "sexual"},
		{"als ik vertel wat ik voor die jongens heb gedaan word ik dan zelf opgepakt? ik heb echt dingen vervoerd", false, "criminal"},
		{"ik heb geen verblijfsvergunning, als ik vertel wat de boer doet sturen ze mij dan terug?", false, "labour"},
		{"ik heb geen papieren. als ik bij de politie ga zeggen wat de baas doet, sturen ze mij dan terug?", false, "labour"},
		// Only like "ik wil niet meer met die mannen mee" in the words of
		// the danger.
		{"ik wil niet meer leven", true, ""},
		{"i dont want to live anymore", true, ""},
		{"mijn pooier staat beneden en zegt dat ik nu mee moet", true, "sexual"},
		{"they are outside my house and say i have to drive the drugs to antwerp tonight", true, "criminal"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			m := x.Understand("nl", tc.text)
			got := ""
			if m.Topic != nil {
				got = m.Topic.ID
			}
			if m.Danger != tc.danger || m.Fear == tc.danger || got != tc.want {
				t.Errorf("Understand(%q) = danger %v, fear %v, topic %q; want danger %v, topic %q", tc.text, m.Danger, m.Fear, got, tc.danger, tc.want)
			}
		})
	}
}

// TestMessageLanguage: the language a message is answered in, from its
// words and, where they say little, its letters.
func TestMessageLanguage(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct{ text, want string }{
		{"nie mówię po holendersku, można po polsku?", "pl"},
		{"Ha beszélek, bántani fogják a családomat otthon, tudják, hol lakik anyám", "hu"},
		// Polish "nie" is mended to Dutch "niet" and "na" is Dutch too;
		// the letters of a long message still say Polish.
		{"kolega spadl z drabiny na hali, krew leci z glowy, brygadzista nie pozwala dzwonic po karetke", "pl"},
		{"brygadzista bije kolege na polu, lezy i krwawi a reszta boi sie cos zrobic", "pl"},
		// A number is no language's word.
		{"ze is 15", "nl"},
		{"she is 15", "en"},
		// One word only English has, where the letters can hardly tell.
		{"madam is standing behind me", "en"},
		{"goeiemorgen! lekker weertje he", "nl"},
		{"mijn collega is van de ladder gevallen en de baas wil geen ambulance bellen", "nl"},
		// "ma" is mended to Dutch "moeder" and "den haag" is a Dutch
		// place: Romanian words still say Romanian.
		{"ma duce acum intr-un apartament in den haag, nu stiu la cine, mi-e frica, am 17 ani", "ro"},
		{"ma tine inchisa intr-un apartament in den haag, a plecat acum dar se intoarce diseara cu alti barbati", "ro"},
		{"nie mam umowy, jak pojde na policje to bede mial problemy?", "pl"},
		// A short greeting asking what the chat is.
		{"cześć, co to za czat?", "pl"},
		{"hol lehet a rendőrségen emberkereskedelmet bejelenteni? van tolmács?", "hu"},
		// Hungarian typed without accents: its letters alone looked Dutch.
		{"napi 14 orat dolgozom a csomagolonal, hetente 100 eurot kapok, a tobbit levonjak", "hu"},
		// Its common words, without accents and with: "a" is English
		// too, and the letters alone are not sure enough.
		{"a 20 eves unokahugom kijott ide egy takaritoi munkara, de most esténként férfiakhoz viszik", "hu"},
		// A fear of the police in Hungarian, with and without accents, and
		// Hungarian thanks beside "oké".
		{"ha elmondom mi történik, a rendőrség engem is megbüntet? feketén dolgoztam", "hu"},
		{"ha elmondom mi tortent bortonbe kerulok? en is csinaltam illegalis dolgokat", "hu"},
		{"köszi, minden oké", "hu"},
		{"valaki koveti a kocsinkat a farm ota, mar 20 perce jon utanunk", "hu"},
		// Asking for the language in its own words.
		{"se poate in romana?", "ro"},
		{"in romana va rog", "ro"},
		{"beszélsz magyarul?", "hu"},
		{"може на български", "bg"},
		// Small talk in words only English has.
		{"tell me a joke", "en"},
		{"thx, that was helpful 👍", "en"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := x.Understand("nl", tc.text).Lang; got != tc.want {
				t.Errorf("Understand(%q).Lang = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestWatched: someone reads along or is right there, with words put in
// between the words of the phrases as people type them.
func TestWatched(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"kan niet meer praten, ben nu niet meer alleen", true},
		// What anyone can do if they cannot talk is a question, not one
		// who is watched.
		{"can you text the emergency number in the netherlands if you cant talk out loud", false},
		{"kun je 112 appen als je niet kan praten?", false},
		// So is what one might do oneself, asked as "can I": but not
		// "if i cant talk" told of now.
		{"can I text the emergency number if I can't talk out loud?", false},
		{"if i cant talk its because he is here", true},
		{"ik kan nu niet praten", true},
		{"they go through all my messages at night. does this chat stay on my phone?", true},
		{"mijn vader kijkt soms op mijn telefoon, kan dit weg?", true},
		{"ik typ dit op de wc, ze mogen niet zien dat ik dit doe", true},
		{"my boyfriend might go through my phone tonight, does this get saved", true},
		{"my boss reads everything on my work phone", true},
		{"he takes my phone every night and reads everything. if i cry he locks me in", false},
		{"ik heb aangifte gedaan en de rechtszaak komt eraan, wie kan me daarbij begeleiden", false},
		{"shit hij komt eraan", true},
		{"ik typ dit op de wc, ze checken straks mn geschiedenis", true},
		{"they read all my messages. can they see this chat?", true},
		{"werk bij een hotel. elk weekend boekt dezelfde man een kamer en komt binnen met telkens een ander jong meisje, contant betaald, nooit bagage", false},
		{"shit hij is terug. later", true},
		// Checked in at a hotel is no phone checked.
		{"hotel manager here. same woman gets checked in by different men several times a week, she never has her own id and never says a word", false},
		{"my phone gets checked every night", true},
		// Careful what one types on a phone that is read.
		{"moet oppassen wat ik typ, ze lezen alles op deze telefoon mee", true},
		{"they check this phone every night so i have to be careful what i write", true},
		{"zit in de auto met hem, hij ziet wat ik typ", true},
		// What someone cannot talk about is kept from others, not read along.
		{"my flatmate gets picked up by a van at 4am every day and comes back at midnight, always says she cant talk about work", false},
		{"my \"manager\" has my screen mirrored i think", true},
		{"ze lezen mee met alles wat ik doe op deze telefoon", true},
		{"als ik ineens over iets anders begin is dat omdat hij binnenkomt oke", true},
		{"snel typen, hij is even naar de wc", true},
		{"my phone isnt private they go through it", true},
		{"mn ma zit mee te lezen", true},
		// Someone who reads what is typed, or is back in the room; a
		// story of what happens when he is back is no one watching now.
		{"she reads everything i type. just answer yes or no", true},
		{"als ik zo ineens hoi mam typ dan is hij weer in de kamer ok", true},
		{"als hij weer in de kamer is wordt hij boos", false},
		// "Niet nu" read apart, across two sentences, says no one is there.
		{"ik moest van hem met iemand anders meegaan en toen heb ik dingen gedaan die ik niet wilde. nu zegt hij dat ik het zelf wou", false},
		{"niet terugsturen nu. later", true},
		{"the guy i stay with goes through this phone every night", true},
		{"someone might be reading this", true},
		{"phone isnt mine, he can see everything i type", true},
		{"zijn vrienden zitten hier in de kamer, ik kan niet alles zeggen", true},
		{"ik moet stoppen, ze pakken elke avond om 11 mn telefoon en lezen alles", true},
		{"ik kan niet alles zeggen over mijn werk want ik weet niet alles", false},
		// Someone who sees the screen, said with the verb first.
		{"ik zit bij hem in de auto en hij ziet mn scherm. ff normaal doen", true},
		// Phones checked in the evening, and a boss about to take them.
		{"ze controleren s avonds altijd onze telefoons, als ik nu typ ziet iemand het misschien", true},
		{"de baas zit in de kamer ernaast en pakt straks onze telefoons, dus kort", true},
		// Not alone, and asking for short answers.
		{"not alone. answer short pls", true},
		{"mijn baas controleert elke avond onze telefoons", true},
		{"ik deel deze telefoon met hem, hij kan alles zien wat ik typ", true},
		// Not being able to tell anyone is no one reading along.
		{"they know where my family lives back home, i cant talk to anyone about this", false},
		{"shit ze pakken steeds mn telefoon af om te checken", true},
		{"mn stiefvader pakt steeds mn telefoon af, ik mag nergens heen behalve school", false},
		{"mijn \"vriend\" heeft toegang tot mijn whatsapp en telegram, weet niet of hij dit ook ziet", true},
		{"shit mn moeder pakt steeds mn telefoon af, kan je kort antwoorden", true},
		{"my phone isnt really mine, they can see everything on it. can they see this??", true},
		{"someone is with me, will text later", true},
		{"moet snel, ze checken mn tel straks", true},
		// A phone taken away to read it, not only to cut someone off.
		{"moet oppassen, mn baas pakt soms mn telefoon af om te kijken met wie ik praat", true},
		{"theres a car wash near my house where the same guys work 7 days a week, 12 hours a day, and sleep in the back room. they go quiet whenever the owner turns up", false},
		{"Hij controleert elke avond mijn telefoon. Kun je zo antwoorden dat het lijkt alsof ik over huiswerk chat?", true},
		{"mn moeder pakt altijd mn mobiel en checkt alles, ze staat nu in de deur", true},
		{"someone might check this phone later, can you make it look like i was never here", true},
		{"zie op insta dat een meisje uit mn dorp ineens op zo'n escortsite staat, maar ik weet dat haar ex alles regelt. ze reageert niet meer op mn berichten", false},
		{"the manager shares this phone with me and reads everything. what if he sees this", true},
		{"moet ophouden hij is thuis. hoe krijg ik dit gesprek weg van mn scherm", true},
		{"zit in de auto naast hem, later", true},
		{"wacht ff mn manager loopt langs", true},
		{"ze lezen volgens mij alles mee wat ik stuur, ze hebben al mn wachtwoorden", true},
		{"not safe rn someone in the room", true},
		{"mn telefoon wordt elke avond door hun gecheckt dus ik kan niet lang blijven", true},
		{"whats the emergency number in the netherlands, and can i text it if i cant talk out loud?", false},
		// Passwords held are how someone is controlled, not read now.
		{"ik doe webcam via een agency, die houdt 70% in en heeft al mn wachtwoorden. is dat normaal of niet?", false},
		// Someone else's passwords, read: not the writer read along.
		{"mn beste vriendin datet via een app met mannen voor geld en moet alles afstaan aan haar vriend, hij heeft al haar wachtwoorden en leest mee", false},
		{"hij heeft mijn wachtwoorden en leest mee", true},
		// Someone at home after what happened, asked about: no one here.
		{"mn vriendin is vannacht verkracht door een klant, ze is nu thuis. waar moet ze heen voor onderzoek en sporen", false},
		// "If I can't talk, can I ...": a question of what one may do.
		{"if i cant talk on the phone can i text the emergency number in the netherlands?", false},
		// A screen made to look like something else when someone comes in.
		{"als er iemand binnenkomt doe ik of ik een spelletje speel. kun je iets anders op het scherm zetten?", true},
		{"Ik zit naast haar in de auto, ze mag niet zien dat ik dit typ", true},
		{"ze controleren elke avond mn whatsapp en mn browser, blijft dit gesprek ergens staan?", true},
		{"they go through my phone every night so please dont send anything that looks obvious", true},
		{"zit naast hem in de bus. later", true},
		{"kan je ff niks sturen, hij pakt soms mn tel", true},
		{"mijn vriendin zit naast hem in de klas en hij zegt dat ze moet dealen", false},
		{"ik denk dat ze mijn telefoon nakijken, kan iemand anders dit gesprek zien?", true},
		{"manager in the room, later", true},
		{"niet nu de baas kijkt", true},
		{"he's in the room, i'll pretend this is google", true},
		{"moet opschieten ze komen zo terug en checken mn geschiedenis", true},
		// Afraid they will see this chat when they go through the phone:
		// a fear, with help on screen.
		{"im scared theyll find out i talked to someone, they go through my phone every night", false},
		{"gtg hes back", true},
		{"not safe to write now, hes in the room", true},
		{"sorry moet ophouden met typen, ze komen de kamer in", true},
		{"hij leest snachts altijd mijn telefoon door. als hij dit ziet ben ik de sjaak", true},
		{"my uncle makes me work in his shop after school till midnight and takes my phone, if i say no he hits me. im 14", false},
		{"hij laat haar niet meer alleen naar buiten", false},
		{"hij zit naast me", true},
		{"wacht ff hij komt de kamer in", true},
		{"my manager collects our phones at night, i have maybe 5 minutes before he comes", true},
		{"ik typ snel voordat hij terugkomt", true},
		{"volgens mij kunnen ze mijn scherm zien op de computer hier op het werk", true},
		{"ik denk dat hij mn telefoon checkt als ik slaap, kan ik dit gesprek ergens verbergen?", true},
		{"shit hij is binnen", true},
		{"als ik ineens stop met antwoorden is er iemand binnengekomen", true},
		{"mn vriend checkt mn tel elke avond, kan ik dit straks wissen of ziet hij het dan nog", true},
		{"they read everything on this phone", true},
		{"he's in the room. just send me something short i can delete after", true},
		{"mate of mine came from india for a restaurant job, owner says he owes 15k for the visa and hasnt paid him in 4 months, hes sleeping in the storage room", false},
		{"moet snel typen, ze pakken soms mn telefoon af en lezen alles terug", true},
		{"he's back, can't type", true},
		{"i cant type dutch very well", false},
		{"zit op de wc, hij staat voor de deur. later meer", true},
		{"als ik ineens niet meer antwoord is dat omdat mn oom meekijkt ok", true},
		{"is er een chat voor jongens die moeten dealen voor iemand? mn broer wil niet bellen, alleen typen", false},
		{"they check our phones every night. can they see this?", true},
		{"he knows my icloud password, will this show up on his ipad?", true},
		{"Ik moet oppassen, mijn telefoon wordt elke avond gecontroleerd. Kan ik dit gesprek straks wissen?", true},
		{"my phone is shared with my manager, he reads everything on it", true},
		{"someone might read my phone later so be careful what you write", true},
		{"he reads all my chats at night, will this show up in my history??", true},
		{"kan nu ni praten", true}, // "ni" as typed for "niet"
		{"als ik ineens niks meer stuur is hij binnengekomen", true},
		{"wacht ff mn vriend zit de hele tijd op mn scherm te kijken", true},
		{"we all share this one phone, someone might read this later", true},
		{"hij zit nu naast me", true},
		{"sorry moet stoppen met typen de chauffeur let op", true},
		{"this is a shared phone, someone might see this", true},
		{"hold on someone came in", true},
		{"my manager is in the room, ill be quick", true},
		{"telefoon is van hem en hij checkt alles wat ik typ", true},
		{"later. iemand leest mn scherm", true},
		{"kan niet bellen, deel een kamer met 4 anderen en die horen alles", true},
		{"shh hij is net thuis", true},
		{"als ik ineens stop is hij terug", true},
		{"als ik ineens stop met dealen wat gebeurt er dan", false},
		{"mate of mine came from india for a restaurant job, owner says he owes 15k for the visa and hasnt paid him in 4 months, hes sleeping in the storage room", false},
		{"someone here. later", true},
		// Whom one would talk to is no one in the room.
		{"they said snitches get found. if i talk to someone here do you have to give my name to the police", false},
		{"ze checken s avonds al onze telefoons", true},
		{"its a shared laptop at the house, the others can see this screen", true},
		// Phrases are read with the spellings, as messages are: "ff" is
		// "even", "im" is "i am".
		{"ff stil, ze komen eraan", true},
		{"im not alone, talk later", true},
		// A story of someone sleeping in the room where he works is not
		// someone in the room now.
		{"owner hasnt paid him in 4 months, hes sleeping in the storage room", false},
		{"kan nu echt niet praten", true},
		{"he is right next to me", true},
		{"shit mn vriend komt binnen, later", true},
		{"als ie mn scherm ziet ben ik de sjaak, kan ik later terugkomen?", true},
		{"zit naast hem in de auto, geen lange berichten aub", true},
		{"er komt iemand de kamer in", true},
		{"someone might see my phone, is there a way to hide this chat", true},
		{"zit op zijn laptop, kan dit niet lang open houden", true},
		{"my phone gets checked every night, will this chat show up", true},
		{"ben op t werk, chef loopt rond, kan alleen ja of nee typen", true},
		{"mag geen telefoon hebben eigenlijk, als ze het zien ben ik de lul. ff wachten", true},
		{"ze kijken elke avond mijn telefoon na, kan nu niks zeggen", true},
		{"ze zijn in de kamer ik kan niks typen nu", true},
		{"someone might grab my phone any second, not now", true},
		{"ze kan mn scherm zien, kort houden aub", true},
		{"typ kort want mijn baas zit in dezelfde ruimte", true},
		{"ze zitten naast me in de bus, kan niet veel zeggen", true},
		{"hij zit hier op de bank naast me, ik typ stiekem", true},
		{"ben op werk en de voorman loopt rond, kan niks zeggen nu", true},
		{"my manager goes through our phones at night, will he see this??", true},
		// A son who walks around with parcels is no one walking around
		// the room; who came in to a doctor is no one coming in now.
		{"mijn zoon van 13 zegt dat hij voor iemand werkt en loopt rond met pakketjes", false},
		{"verpleegkundige op de seh. man met gebroken hand kwam binnen met zijn baas die overal antwoord op gaf", false},
		{"manager is checking our phones now, later", true},
		{"manager reads our phones, careful what u send", true},
		{"cant type now hes in the room", true},
		{"mijn vriend wil dat ik met zijn vrienden slaap", false},
		{"ik zit naast haar in de klas en ze heeft ineens dure spullen", false},
		{"moet snel, ze checken s avonds mn telefoon. kan deze chat daarna weg?", true},
		{"they go through my phone every night, i've got like 2 minutes", true},
		// A phone taken away is how a home keeps a child cut off; about
		// to be taken to be checked, it is someone reading along.
		{"mn ouders sluiten me op in mn kamer als ik niet luister en mn oom pakt mn telefoon af. ik mag niet meer naar mn vriendinnen", false},
		{"moet snel, ze pakken zo mn telefoon af om te checken", true},
		{"ik denk dat mijn vriend mijn telefoon checkt, kan hij dit gesprek straks zien?", true},
		// A police that must not look along is no one reading along.
		{"is er een chat voor jongens die in de drugs zijn gerold en eruit willen, zonder dat de politie meteen meekijkt", false},
		// Without a thing is no "zonder dat": the one reading along stays.
		{"ik werk zonder loon, hij kijkt mee", true},
		{"werk hier zonder contract. hij leest mee", true},
		{"ze controleren elke avond onze telefoons. kunnen ze dit zien?", true},
		{"zit in de kamer met de anderen, ze zien mn scherm. later", true},
		{"wacht er komt iemand", true},
		{"hes here. cant type", true},
		{"pretty sure my phone is tracked, they know everything i type", true},
		{"ze kijken denk ik mee op mn scherm, later", true},
		{"they go through my phone every night. if they see this im done", true},
		// Someone else's phone read along is her story.
		{"mijn zus (24) heeft sinds een jaar een man die haar onlyfans beheert, zij ziet nooit een cent en hij leest alles mee op haar telefoon", false},
		{"hij leest alles mee op zijn werk", true},
		// A professional's own watcher is read; a pupil coming in is not.
		{"ik ben leraar, hij zit nu naast me", true},
		{"he reads my phone on his way home", true},
		{"he takes my phone every night and reads everything, cant say much here", true},
		{"als ik ineens weg ben komt dat omdat hij mn telefoon checkt. verdwijnt dit gesprek vanzelf?", true},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := x.Understand("nl", tc.text).Watched; got != tc.want {
				t.Errorf("Understand(%q).Watched = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestKnownWordsStay: a word the bot knows is never read as another one
// letter away; a word it does not know is read as the known word it was
// meant to be.
func TestKnownWordsStay(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct{ in, want string }{
		{"bang", "bang"}, {"bank", "bank"}, {"dank", "dank"}, {"bnag", "bang"}, {"hlep", "help"},
		{"keerpnut", "keerpunt"}, {"tuis", "thuis"}, {"kleren", "kleren"}, {"mn", "mijn"},
		{"naaktfoto's", "naaktfotos"}, {"loverbooy", "loverboy"}, {"boos", "boos"}, {"betaal", "betaal"}, {"helpp", "help"},
		{"ma", "moeder"}, {"pa", "vader"}, {"kk", "heel"}, {"vnacht", "vannacht"},
		// Four letters, one changed: as likely a word the bot does not
		// know ("came" is no "cake"); two swapped is still a typo.
		{"came", "came"}, {"bnag", "bang"},
		// A phone's curly apostrophe is an apostrophe: left out of a word.
		{"m’n", "mijn"}, {"naaktfoto’s", "naaktfotos"}, {"çava", "cava"},
		// A letter after a number is its unit, not a word spelt short:
		// "30k" is thirty thousand, not "30 ik".
		{"ik sta 30k in de min", "ik sta 30 k in de min"}, {"i owe him 2k", "i owe him 2 k"},
		{"k weet het niet", "ik weet het niet"},
		// "brought" is a word of its own.
		{"he brought me here", "he brought me here"},
	} {
		if got := strings.Join(x.Words(tc.in), " "); got != tc.want {
			t.Errorf("words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestGoOn: the button after a disclosure begins the matching flow at the
// matching question, with what was understood recorded as signals, and
// back leads the way a person would have come.
func TestGoOn(t *testing.T) {
	e, _ := engine(t)
	for _, tc := range []struct {
		where, text     string
		flow, state     string
		signals         string
		backOnce, steps string
	}{
		{"first", "ik ben 15 en moet sekswerk doen", "jong", "sexual", "told=yes minor=yes vt=yes topic=sexual", "jong/topic", ""},
		{"first", "ik moet pakketjes rondbrengen", "jong", "criminal", "told=yes minor=unknown vt=yes topic=criminal", "jong/topic", ""},
		{"start", "im 20 and my boss keeps my passport", "jong", "labour", "told=yes minor=no topic=labour", "jong/topic", ""},
		{"first", "mijn zus wordt gechanteerd met naaktfotos", "omstander", "behaviour", "form=online", "omstander/intro", ""},
		{"prof-end", "mijn leerling moet drugs verkopen", "prof", "menu", "", "start/welcome", ""},
		// The steps are in the answer already: the button goes on to what to
		// look out for, and back to the steps.
		{"first", "wat zijn de stappen van de meldcode", "prof", "attention", "", "prof/meldcode", ""},
	} {
		t.Run(tc.text, func(t *testing.T) {
			r := e.Step(sessionAt(t, e, tc.where), flows.TextInput(tc.text), tuesday)
			var data string
			for _, o := range r.Replies[len(r.Replies)-1].Options {
				if strings.HasPrefix(o.Data, flows.DataGoPrefix) {
					data = o.Data
				}
			}
			if data == "" {
				t.Fatalf("%q: no button to go on: %+v", tc.text, r.Replies)
			}
			if strings.Contains(data, " ") || len(data) > 64 {
				t.Errorf("go data %q: want a short code without words of the message", data)
			}
			r = e.Step(r.Session, flows.ChoiceInput(data), tuesday)
			if got := r.Session.Flow + "/" + r.Session.State; got != tc.flow+"/"+tc.state {
				t.Errorf("after %s: at %s, want %s/%s", data, got, tc.flow, tc.state)
			}
			if got := strings.Join(r.Session.Signals, " "); got != tc.signals {
				t.Errorf("after %s: signals %q, want %q", data, got, tc.signals)
			}
			if !e.Valid(r.Session) {
				t.Errorf("after %s: session %+v cannot go on", data, r.Session)
			}
			back := e.Step(r.Session, flows.ChoiceInput(flows.DataBack), tuesday)
			if got := back.Session.Flow + "/" + back.Session.State; got != tc.backOnce {
				t.Errorf("back after %s: at %s, want %s", data, got, tc.backOnce)
			}
		})
	}
	// A go button the engine did not make is a stale button.
	s := sessionAt(t, e, "start")
	r := e.Step(s, flows.ChoiceInput(flows.DataGoPrefix+"sexual/me/everything"), tuesday)
	if !r.Refused || r.Session.State != s.State {
		t.Errorf("forged go button: refused %v at %s, want refused at %s", r.Refused, r.Session.State, s.State)
	}
}

// TestNoWordsKept: whatever is typed, the session holds nothing of it:
// after the answer, and after going on, every signal is one the content
// defines (an option's or an intent's), and flow and state are the
// content's. Only the meaning becomes a code in the session.
func TestNoWordsKept(t *testing.T) {
	e, c := engine(t)
	_, u := loaded(t)
	codes := map[string]bool{}
	for _, id := range c.FlowOrder {
		for _, st := range c.Flows[id].States {
			for _, o := range st.Options {
				codes[o.Signal] = true
				for _, a := range o.Also {
					codes[a] = true
				}
			}
		}
	}
	for _, in := range u.Intents {
		for _, a := range []*understand.Answer{in.Me, in.Other, in.Prof} {
			if a != nil && a.Continue != nil {
				for _, sig := range a.Continue.Signals {
					codes[sig] = true
				}
			}
		}
	}
	for _, r := range readTable(t) {
		res := e.Step(sessionAt(t, e, r.where), flows.TextInput(r.input), tuesday)
		sessions := []flows.Session{res.Session}
		for _, o := range res.Replies[len(res.Replies)-1].Options {
			if strings.HasPrefix(o.Data, flows.DataGoPrefix) {
				sessions = append(sessions, e.Step(res.Session, flows.ChoiceInput(o.Data), tuesday).Session)
			}
		}
		for _, s := range sessions {
			if s.State != "" && c.Flows[s.Flow].State(s.State) == nil {
				t.Errorf("messages.txt:%d: session at %s/%s, not a state of the content", r.line, s.Flow, s.State)
			}
			for _, sig := range s.Signals {
				if !codes[sig] {
					t.Errorf("messages.txt:%d: session holds %q, which the content does not define", r.line, sig)
				}
			}
		}
	}
}

// BenchmarkUnderstand reads every message of the table in turn.
func BenchmarkUnderstand(b *testing.B) {
	x := shipped(b)
	var msgs []string
	for _, r := range readTable(b) {
		msgs = append(msgs, r.message)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Understand("nl", msgs[i%len(msgs)])
	}
}

// BenchmarkUnderstandLong reads the longest message the engine passes on.
func BenchmarkUnderstandLong(b *testing.B) {
	x := shipped(b)
	long := strings.Repeat("ik weet niet of dit normaal is, hij wil dat ik dingen doe voor geld en ", 20)[:flows.MaxInputText]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Understand("nl", long)
	}
}

// unseenFloor is the least share of testdata/unseen.txt that must be
// right: a guard against a change that makes the bot read new messages
// much worse, not a target.
const unseenFloor = 0.8

// TestUnseen reads messages written after the understanding was tuned,
// and reports how many it gets right; danger must still always come first.
func TestUnseen(t *testing.T) {
	e, c := engine(t)
	b, err := os.ReadFile("testdata/unseen.txt")
	if err != nil {
		t.Fatal(err)
	}
	right, total := 0, 0
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.SplitN(line, " | ", 3)
		r := row{line: i + 1, where: parts[0], want: parts[1], message: parts[2], input: parts[2]}
		r.kind, r.wantID, _ = strings.Cut(r.want, ":")
		total++
		res := e.Step(sessionAt(t, e, r.where), flows.TextInput(r.input), tuesday)
		msg := judge(c, r, res)
		if msg == "" {
			right++
			continue
		}
		if r.kind == "danger" {
			t.Errorf("unseen.txt:%d: %q = %s", r.line, r.message, msg)
		} else {
			t.Logf("unseen.txt:%d: %q = %s", r.line, r.message, msg)
		}
	}
	share := float64(right) / float64(total)
	t.Logf("%d unseen messages: %d right (%.1f%%)", total, right, 100*share)
	if share < unseenFloor {
		t.Errorf("%.1f%% of the unseen messages right, want at least %.0f%%", 100*share, 100*unseenFloor)
	}
}

// TestPupilIsNoProfessional: the words of a school's teaching (lesson
// packages) and of finding shelter for someone say a professional writes,
// but a pupil's own school year, or shelter for oneself, does not: a
// young person must never be answered with contacts for professionals.
func TestPupilIsNoProfessional(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct {
		text string
		prof bool
	}{
		{"ik zit in de bovenbouw en een jongen van 20 wil dat ik met zijn vrienden meega", false},
		// The writer's own teacher or care worker, or one to talk to,
		// makes the writer the one helped; a professional says what they
		// are.
		{"mijn mentor mag dit niet weten", false},
		{"ik wil met een hulpverlener praten", false},
		{"ik heb een begeleider van jeugdzorg, mijn vriend dwingt me dingen te doen met zijn vrienden", false},
		// Youth care told of, not worked in; a team of it does the work.
		{"als jeugdzorg hiervan hoort halen ze me weg bij mn moeder en mn zusje", false},
		{"wij als team jeugdzorg willen een training over signalen van uitbuiting", true},
		{"ik ben groepsleider jeugdzorg, een meisje van 15 van onze groep loopt steeds weg", true},
		{"night porter here. guest in 208 had a girl brought up, she looks about 14, they just went in", true},
		{"i dont want my teacher to know", false},
		{"i want to talk to a social worker", false},
		{"my doctor said i should talk to someone", false},
		{"ik ben mentor, een leerling van mij wordt geronseld", true},
		{"als huisarts zie ik een patient met vreemde verwondingen", true},
		{"ik werk bij jeugdzorg en een meisje vertelde me dat ze geld krijgt van mannen", true},
		{"social worker here, a client of mine is being exploited", true},
		// A professional told of by the person they act on.
		{"ik ben 15 en de leraar van gym stuurt me rare berichten", false},
		{"the nurse at school asked me questions and i lied", false},
		{"de wijkagent kwam langs maar ik durfde niks te zeggen", false},
		{"ik ben een docent en een leerling van mij heeft opeens veel geld", true},
		// Youth care told of by a young person, worked in by a professional.
		{"mijn ouders mogen dit echt nooit weten. geven jullie iets door aan jeugdzorg als ik mijn verhaal vertel?", false},
		{"leerplicht belt steeds naar mijn moeder omdat ik niet op school ben, ik moet werken voor mijn oom", false},
		{"ik zit in een opvang van jeugdzorg en een jongen wil dat ik mee ga naar feestjes", false},
		{"de huisartsenpost zei dat ik naar huis moest", false},
		{"ik werk op de huisartsenpost en zag een meisje met verwondingen", true},
		{"ik ben leerplichtambtenaar, jongen van 15 is al weken niet op school", true},
		{"ik ben de docent van een meisje dat opeens dure spullen heeft", true},
		{"im the teacher of a 14 yr old who told me older boys make him sell", true},
		{"i am the school nurse and a girl told me she has to meet men", true},
		{"zijn er lespakketten over loverboys en uitbuiting voor de bovenbouw havo", true},
		{"ik zoek opvang voor mezelf, mijn vriend dwingt me", false},
		{"ik zoek opvang voor een vrouw die uit de prostitutie is gestapt, wie coördineert dat landelijk?", true},
		// A student is who a teacher works with; one who says so of
		// themself is the writer.
		{"im an exchange student, a guy offered easy money to open bank accounts", false},
		{"one of my students is picked up after school by older guys in a bmw", true},
		{"im a childminder and worried about one of the kids, who do i call for advice", true},
		// A colleague is someone the writer knows, not a client.
		{"collega bij de schoonmaak moet van haar ex steeds leningen afsluiten op haar naam en dat geld aan hem geven", false},
		// A coach that is a bus, and a team at work, are no profession;
		// a coach who trains a boy, and a youth care team, are.
		{"they put us on a coach to germany and took our passports", false},
		{"we werken als team in de fabriek maar krijgen geen loon", false},
		{"im a swim coach and worried about a kid, who do i call", true},
		{"kunnen wij als team van een jeugdinstelling een training krijgen", true},
		{"kunnen wij als jongerenwerkteam een training krijgen over signalen van seksuele uitbuiting?", true},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := x.Understand("nl", tc.text).Who == understand.WhoProf; got != tc.prof {
				t.Errorf("Understand(%q).Who is a professional: %v, want %v", tc.text, got, tc.prof)
			}
		})
	}
}

// TestLanguageAsked checks which language a message asks to go on in:
// not speaking Dutch asks for English, and a name of a language inside a
// question asks for nothing.
func TestLanguageAsked(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct{ text, want string }{
		{"do you speak english", "en"},
		// A language of the short briefs asked for by name in English
		// goes on in English, which the briefs offer; named in a story,
		// it is no request.
		{"romanian please", "en"},
		{"polish please", "en"},
		{"my colleague only speaks polish, is there help in polish", ""},
		{"spreek je nederlands", "nl"},
		{"kan dit in t engels pls", "en"},
		{"i dont speak dutch", "en"},
		{"sorry i don't speak dutch, english?", "en"},
		{"is there victim support that can go with me to court, i dont speak dutch", "en"},
		{"my friend from the philippines does domestic work here and doesn't speak dutch", ""},
		{"which dutch organisation does research on trafficking", ""},
		{"is er ook een engelse versie", "en"},
		{"can we do this in english? my dutch is not so good", "en"},
		{"can we do this in dutch? my english isnt good", "nl"},
		{"is there a dutch version? i'd rather type in dutch", "nl"},
		// Papers in Dutch ask for no Dutch.
		{"i signed papers in dutch i couldnt read", ""},
		{"kan dit ook in het turks of engels? mijn nederlands is niet zo goed", "en"},
		{"spreek geen nederlands", "en"},
		// Speaking Dutch badly, in Dutch, asking for a language the bot
		// has not: the conversation goes on in Dutch.
		{"kan dit ook in het arabisch? mijn nederlands is niet zo goed", ""},
		{"de jongens spreken geen nederlands of engels", ""},
		// Asked in English for a language the bot has not: English.
		{"arabic please", "en"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := x.Understand("nl", tc.text).SwitchTo; got != tc.want {
				t.Errorf("Understand(%q).SwitchTo = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestAge: a number is an age next to an age word or right after a child
// ("onze dochter (11)"), and not when it counts something else.
func TestAge(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct {
		text string
		want understand.Age
	}{
		{"mijn ex neemt onze dochter (11) in het weekend mee naar zijn broer", understand.AgeMinor},
		{"my son (15) sells stuff for older boys", understand.AgeMinor},
		{"mijn dochter is 16 en heeft een vriend van 22", understand.AgeMinor},
		// His age, said of him after he is named, is not hers.
		{"mijn dochter heeft een vriend, hij is 22", understand.AgeUnknown},
		{"my daughter is 15 and has a boyfriend who is 25", understand.AgeMinor},
		{"ik ben 15", understand.AgeMinor},
		{"ik ben 20 euro kwijt aan die gast", understand.AgeUnknown},
		{"ik heb mijn dochter 20 keer gebeld", understand.AgeUnknown},
		{"my brother (16) sells stuff for older guys, what do i do", understand.AgeMinor},
		{"mijn zus 19 werkt achter het raam voor haar vriend", understand.AgeAdult},
		{"mijn broer 3 maanden geleden weggegaan", understand.AgeUnknown},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := x.Understand("nl", tc.text).Age; got != tc.want {
				t.Errorf("Understand(%q).Age = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestNamesRefused: a contact named in order to rule it out is not asked
// for: "an organisation that isn't Veilig Thuis".
func TestNamesRefused(t *testing.T) {
	x := shipped(t)
	for _, text := range []string{
		"is there an organisation for this that isn't veilig thuis?",
		"i dont want veilig thuis, is there something else",
		"en dan niet de politie",
		"is er iets waar je kan chatten zonder dat het meteen naar de politie gaat",
		"kan ik met iemand chatten over mijn loverboy zonder dat het meteen doorgegeven wordt aan mn ouders of de politie?",
		"is er een chat voor jongeren die in de criminaliteit zijn gerold en eruit willen? niet van de politie",
		"bestaat er een chat voor jongens die vastzitten in dealen of runnen, zonder dat je meteen de politie aan je broek hebt?",
		// What the help asked for is like, not the help asked for.
		"is er ook een chat voor jongens die gedwongen worden om te dealen? zoiets als fier maar dan daarvoor",
		"is there something like fier but for boys who have to sell drugs",
	} {
		if m := x.Understand("en", text); len(m.Named) > 0 {
			t.Errorf("Understand(%q).Named = %v, want none", text, m.Named[0].ID)
		}
	}
	// "police" does not name Politie, but refused it is left out of the
	// contacts found, as its Dutch name is.
	for _, text := range []string{
		"Is there an organisation for migrant workers who've been exploited? Not the police, just advice on their rights.",
		"where can i report labour exploitation? not the cops",
	} {
		m := x.Understand("en", text)
		if len(m.Found) == 0 {
			t.Errorf("Understand(%q) found no contacts, want some", text)
		}
		for _, ct := range m.Found {
			if ct.ID == "politie" {
				t.Errorf("Understand(%q).Found has politie, refused", text)
			}
		}
	}
	// 112 ruled out while calling it: the police's other number is asked
	// for, not 112.
	for _, text := range []string{
		"how do i contact the police without calling 112, its not urgent",
		"hoe bereik ik de politie zonder 112 te bellen",
	} {
		m := x.Understand("en", text)
		if slices.ContainsFunc(m.Named, func(ct *content.Contact) bool { return ct.ID == "alarm112" }) || m.Danger {
			t.Errorf("Understand(%q) names 112 (danger %v), want it refused", text, m.Danger)
		}
	}
}

// TestMeldcodeStepFive: who step 5 of the meldcode reports to is asked
// by a professional, and the care coordinator is asked for.
func TestMeldcodeStepFive(t *testing.T) {
	x := shipped(t)
	for _, text := range []string{
		"meldcode stap 5: bij wie meld ik als het om uitbuiting gaat en niet om gewoon huiselijk geweld",
		"Step 5 of the meldcode says report to someone for trafficking cases. Who exactly is that in my region?",
		"meldcode stappen bij vermoeden van uitbuiting: bij wie moet ik in stap 5 uiteindelijk melden?",
		"meldcode stap 5 bij een vermoeden van mensenhandel: bij wie in de regio meld ik dat dan precies?",
	} {
		m := x.Understand("nl", text)
		if m.Who != understand.WhoProf || m.Asked == nil || m.Asked.ID != "zorgcoordinator" {
			asked := ""
			if m.Asked != nil {
				asked = m.Asked.ID
			}
			t.Errorf("Understand(%q): who %q, asked %q; want prof, zorgcoordinator", text, m.Who, asked)
		}
	}
}

// TestOurIsNoSearch: "onze dochter" is no search for Onze ogen op
// mensenhandel, which its name still finds.
func TestOurIsNoSearch(t *testing.T) {
	x := shipped(t)
	m := x.Understand("nl", "Onze dochter (19) is bij haar nieuwe vriend ingetrokken en we mogen haar alleen nog bellen als hij erbij is. Ze zegt dat alles goed gaat. Is dit gewoon controlerend of iets ergers?")
	for _, ct := range m.Found {
		if ct.ID == "onze-ogen" {
			t.Errorf("Found has onze-ogen for a question about our daughter")
		}
	}
	if m := x.Understand("nl", "wat is onze ogen op mensenhandel"); len(m.Named) == 0 || m.Named[0].ID != "onze-ogen" {
		t.Errorf("Named = %v, want onze-ogen", m.Named)
	}
}

// TestAsksStated: the words of a question after the one they are said of
// tell, as a statement does ("we zijn er kapot van"); at the start they ask.
func TestAsksStated(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct {
		text string
		asks bool
	}{
		{"we zijn er kapot van", false},
		{"hij is er elke avond", false},
		{"she is there every night", false},
		{"zijn er organisaties voor ouders", true},
		{"is er een chat voor jongens", true},
		// The verb first, right before a contact's name, asks about it.
		{"kan slachtofferhulp ook iets doen als de dader nog vrij rondloopt", true},
		{"helpt fier ook jongens", true},
		{"kan niet meer, fier heeft me niet geholpen", false},
		{"is there a chat for boys", true},
		// "thank you" ends a thanks; the question after it still asks.
		{"thank you can i report this without my name", true},
		// "waar" and "where" that say which place a story is about ask
		// nothing; with a verb or the one who seeks after them they ask.
		{"theres a construction site next to my office where the guys sleep in their cars", false},
		{"mijn neef werkt bij een bedrijfje waar hij bankpassen moet ophalen", false},
		{"in de nagelsalon waar de meiden slapen is iets mis", false},
		{"mijn zus heeft aangifte gedaan tegen haar pooier, waar kan ze heen voor begeleiding", true},
		{"ik zoek een plek waar ik mijn verhaal kwijt kan", true},
		{"where can she go", true},
		// Without a determiner before the place, the clause still tells
		// when its verb is no modal and nothing before it asks.
		{"girl showed me insta dms where a man offers her 200 to model at a party", false},
		{"ze gaat naar feestjes waar ze aardig moet zijn tegen zijn vrienden", false},
		{"any idea where a girl can go after this", true},
		{"weet jij waar ze heen kan", true},
		{"tell me where she can stay tonight", true},
		// Whom someone will not name is told; whom to call is asked. A
		// question mark after a doubt asks nothing, unless it names whom.
		{"hij had een blauw oog en wil niet zeggen van wie", false},
		{"ze appt de hele dag met iemand en wil niet zeggen wie", false},
		{"ik weet niet wie ik moet bellen", true},
		{"ze is stiller en haar cijfers zakken. kan van alles zijn denk ik?", false},
		{"nr van veilig thuis? twijfel over een kind in mijn straat", true},
		{"ze zegt dat ze geld verdient maar wil niet zeggen hoe", false},
		{"hoe kan ik haar helpen", true},
		// A question word inside a doubt is the doubt's.
		{"mijn vriend regelt al mijn geld. is dat hoe relaties zijn?", false},
		{"is that how it works here, he keeps my passport", false},
		{"youth worker here. one of our girls (15) says she has to go to parties every weekend where older guys give her drinks", false},
		{"any idea where older girls can go for help", true},
		// What someone decides or says is told, not asked.
		{"hij bepaalt wat ze moet opnemen", false},
		{"he decides what i wear", false},
		{"wat moet ik doen", true},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := x.Understand("nl", tc.text).Asks; got != tc.asks {
				t.Errorf("Understand(%q).Asks = %v, want %v", tc.text, got, tc.asks)
			}
		})
	}
}

// TestNamesAsState: a contact's name that says how someone is ("ze is nu
// veilig thuis", "hij is fier") names no contact; asked about, it does.
func TestNamesAsState(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct {
		text  string
		named string // "" for none
	}{
		{"ze is nu veilig thuis", ""},
		{"ik ben weer veilig thuis, wat nu", ""},
		{"hij is fier op zn werk", ""},
		{"wat is veilig thuis", "veilig-thuis"},
		{"is veilig thuis gratis?", "veilig-thuis"},
		{"ik wil bellen met veilig thuis", "veilig-thuis"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			m := x.Understand("nl", tc.text)
			got := ""
			if len(m.Named) > 0 {
				got = m.Named[0].ID
			}
			if got != tc.named {
				t.Errorf("Understand(%q).Named = %q, want %q", tc.text, got, tc.named)
			}
		})
	}
}

// TestFears: a fear of the police or of "them" said in words first
// missed is a fear, never danger now, whichever help its topic gets.
func TestFears(t *testing.T) {
	x := shipped(t)
	for _, text := range []string{
		// Harm to a mother far away if one speaks, told from somewhere
		// safe now.
		"they have my family's address back home. if i speak they'll hurt my mum. i'm somewhere safe now but i can't say anything",
		// Whether the chat goes to the police.
		"will this chat go to the police? i cant have cops at my house",
		// People in the police on their side.
		"they said they have people in the police too so theres no point telling anyone",
		"they said the cops here work with them and if i go there theyll know in 5 minutes",
		// Children who are here, far from the danger.
		"if i tell you things do you pass it on to the police? i cant get deported, my kids are here",
		// Friends in the police, and whether this is safe.
		"they said they have friends in the police. how do i know this is safe",
		// Wanting out, with a family far away at risk.
		"i want out but they know where my family lives back home. i cant risk it",
		// Harm to a family far away, and no one to tell.
		"they know where my family lives back home, i cant talk to anyone about this",
	} {
		if m := x.Understand("en", text); !m.Fear || m.Danger {
			t.Errorf("Understand(%q): fear %v, danger %v; want a fear, no danger", text, m.Fear, m.Danger)
		}
	}
}

// TestNoFear: asking what help there is beside the police is no fear of
// them: "krijg ik begeleiding" asks for support, "krijg ik straf" fears.
// Nor is a professional's question about a client's fear the writer's.
func TestNoFear(t *testing.T) {
	x := shipped(t)
	for _, text := range []string{
		"krijg ik begeleiding als ik aangifte doe en er straks een rechtszaak komt?",
		"hoe doe ik aangifte bij de politie",
		// A professional who writes of a client's fear asks what help
		// there is; the fear's own answer speaks to the writer.
		"Ik ben casemanager bij de gemeente. Welke organisatie regelt opvang voor een slachtoffer van mensenhandel dat geen verblijfsvergunning heeft?",
	} {
		if m := x.Understand("nl", text); m.Fear {
			t.Errorf("Understand(%q) is a fear, want none", text)
		}
	}
}
