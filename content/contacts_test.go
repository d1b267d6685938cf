package content

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// seedsDir holds copies of the seed documents every fact must come from;
// sharedSeeds is where the originals live, beside the repository.
const (
	seedsDir    = "seeds"
	sharedSeeds = "../../shared/seeds"
	// oldGuide is the older practical guide: newer documents win over it,
	// and a contact only it names is for professionals only.
	oldGuide = "004_71f4572d1385b4f6.txt"
)

// seedNorm makes a phone number, address or whole document comparable:
// lower case, "+31 (0)" as "0", no scheme or "www.", and no spaces,
// dashes or dots (the documents break lines and words with them).
func seedNorm(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("+31 (0)", "0", "https://", "", "http://", "", "www.", "").Replace(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '-', '.', '\u00ad':
			return -1
		}
		return r
	}, s)
}

// shippedContent is the embedded content, loaded once for the tests that
// only read it (TestLoadEmbedded loads it for itself): a load checks every
// file, which the race detector makes a good part of a second.
var shippedContent = sync.OnceValues(Default)

func shipped(t *testing.T) *Content {
	t.Helper()
	c, err := shippedContent()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return c
}

func readSeed(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seedsDir, name))
	if err != nil {
		t.Fatalf("seed %s: %v", name, err)
	}
	return seedNorm(string(b))
}

// TestContactsFromSeeds: every phone number, web or chat address, e-mail
// address and postal address of a contact stands, up to spacing and
// punctuation, in one of the seed documents the contact names. None is
// invented or remembered.
func TestContactsFromSeeds(t *testing.T) {
	c := shipped(t)
	for _, id := range c.ContactOrder {
		ct := c.Contacts[id]
		t.Run(id, func(t *testing.T) {
			var seeds []string
			for _, src := range ct.AllSources() {
				seeds = append(seeds, readSeed(t, src))
			}
			for field, v := range map[string]string{"phone": ct.Phone, "web": ct.Web, "chat": ct.Chat, "email": ct.Email, "address": ct.Address} {
				if v == "" {
					continue
				}
				found := slices.ContainsFunc(seeds, func(s string) bool { return strings.Contains(s, seedNorm(v)) })
				if !found {
					t.Errorf("%s %s %q is in none of %v", id, field, v, ct.AllSources())
				}
			}
		})
	}
}

// TestSeedsAreCopies: content/seeds holds the seed documents unchanged.
func TestSeedsAreCopies(t *testing.T) {
	shared, err := filepath.Glob(filepath.Join(sharedSeeds, "*"))
	if err != nil || len(shared) == 0 {
		// CI lays shared/ beside the checkout: there the comparison must
		// run. A plain clone elsewhere has nothing to compare with.
		if os.Getenv("CI") != "" {
			t.Fatalf("no seeds at %s: CI must place shared/seeds beside the checkout", sharedSeeds)
		}
		t.Skipf("no seeds at %s", sharedSeeds)
	}
	for _, orig := range shared {
		name := filepath.Base(orig)
		want, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(seedsDir, name))
		if err != nil {
			t.Errorf("seed %s is missing from content/seeds: %v", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("content/seeds/%s differs from %s", name, orig)
		}
	}
}

// TestContactsComplete: the shipped contacts say who they are for, which
// forms of exploitation, what to search them by, and where their facts
// come from; a contact that only the old practical guide names is for
// professionals only and listed as such.
func TestContactsComplete(t *testing.T) {
	c := shipped(t)
	for _, id := range c.ContactOrder {
		ct := c.Contacts[id]
		if len(ct.Audience) == 0 || len(ct.Forms) == 0 || len(ct.Keywords) == 0 || ct.Category == "" {
			t.Errorf("%s: audience %v, forms %v, keywords %v, category %q; want all of them", id, ct.Audience, ct.Forms, ct.Keywords, ct.Category)
		}
		for _, lang := range c.Langs {
			if ct.About[lang] == "" {
				t.Errorf("%s: no about text in %s", id, lang)
			}
		}
		for _, src := range ct.AllSources() {
			if _, err := os.Stat(filepath.Join(seedsDir, src)); err != nil {
				t.Errorf("%s: source %s: %v", id, src, err)
			}
		}
		if srcs := ct.AllSources(); len(srcs) == 1 && srcs[0] == oldGuide {
			if !slices.Equal(ct.Audience, []string{"professionals"}) || ct.Category != "handleiding" {
				t.Errorf("%s comes from the old guide only: audience %v, category %q; want [professionals], handleiding", id, ct.Audience, ct.Category)
			}
		}
	}
}

// TestWording: the bot never calls anyone a victim or perpetrator, in any
// language; the names of organisations (Slachtofferhulp) are theirs. The
// one exception is the conversation tip for professionals that names
// these labels, in quotes, as the ones to stay away from (seed 001, tip 9).
func TestWording(t *testing.T) {
	c := shipped(t)
	banned := regexp.MustCompile(`(?i)\b(slachtoffers?|daders?|victims?|perpetrators?)\b`)
	quoted := map[string]*regexp.Regexp{
		"prof.talk": regexp.MustCompile(`'dader' en 'slachtoffer'|'perpetrator' and 'victim'`),
	}
	for _, lang := range c.Langs {
		for key, text := range c.Texts[lang] {
			if q := quoted[key]; q != nil {
				if !q.MatchString(text) {
					t.Errorf("%s %s no longer quotes the labels to avoid; drop it from the exceptions", lang, key)
				}
				text = q.ReplaceAllString(text, "")
			}
			if m := banned.FindString(text); m != "" {
				t.Errorf("%s %s says %q", lang, key, m)
			}
		}
	}
	for _, id := range c.ContactOrder {
		for lang, about := range c.Contacts[id].About {
			if m := banned.FindString(about); m != "" {
				t.Errorf("contact %s about (%s) says %q", id, lang, m)
			}
		}
	}
}

// TestNoPromiseToTheYoung: no text that a young person or a bystander
// reads promises, or quotes a guide as if it promised, that someone will
// not be treated as a criminal: that line of seed 004 is about people
// without residence papers facing detention, and no seed says a Dutch
// teenager will not be prosecuted. Professionals read it with that
// context. Nor does one say it is good to hear that nothing happens: a
// groomed fifteen-year-old who 'agreed' may answer no.
func TestNoPromiseToTheYoung(t *testing.T) {
	c := shipped(t)
	promise := regexp.MustCompile(`(?i)niet als een crimineel|not as a criminal|fijn om te horen|good to hear`)
	for _, lang := range c.Langs {
		for key, text := range c.Texts[lang] {
			if strings.HasPrefix(key, "prof.") {
				continue
			}
			if promise.MatchString(text) {
				t.Errorf("%s %s: %q is read by young people or bystanders", lang, key, promise.FindString(text))
			}
		}
	}
}

// TestConsentInChecklist: the young people's checklist of sexual
// exploitation says what seed 004 says, that a 'yes' does not make it
// consent, and that someone else gets something for it; not "while you do
// not want to", which a groomed fifteen-year-old who agreed answers no to.
func TestConsentInChecklist(t *testing.T) {
	c := shipped(t)
	for lang, want := range map[string]*regexp.Regexp{
		"nl": regexp.MustCompile(`iemand anders krijgt daar geld of iets anders voor\. Ook als je zelf 'ja' zei`),
		"en": regexp.MustCompile(`someone else gets money or something else for it\. Even if you said 'yes' yourself`),
	} {
		text := c.Text(lang, "jong.sexual")
		if !want.MatchString(text) {
			t.Errorf("%s jong.sexual does not say that a yes is no consent:\n%s", lang, text)
		}
		if regexp.MustCompile(`(?i)terwijl jij dat niet wilt|when you don't want to`).MatchString(text) {
			t.Errorf("%s jong.sexual still asks whether it happens against your will", lang)
		}
	}
}

// TestSaysWhatTheSeedsSay: sentences that said more than their seed, or
// something else, do not come back.
func TestSaysWhatTheSeedsSay(t *testing.T) {
	c := shipped(t)
	for _, tc := range []struct{ said, why string }{
		{"Ook dan heb je rechten, zoals een tijdelijke verblijfsvergunning", "seed 002 gives the permit to victims of trafficking, not to everyone from abroad"},
		{"you have rights too, such as a temporary residence permit", "seed 002 gives the permit to victims of trafficking, not to everyone from abroad"},
		{"factsheet Mensenhandel van CoMensha: print", "seed 001 says to print the campaign page's factsheet"},
		{"CoMensha's factsheet on human trafficking: print", "seed 001 says to print the campaign page's factsheet"},
		{"contact op met de kinderbescherming: overleg met Veilig Thuis", "Veilig Thuis and the care coordinator are not child protection"},
		{"De kinderbescherming beslist", "seed 004 gives that decision to the specialised agency"},
		{"Child protection decides", "seed 004 gives that decision to the specialised agency"},
		{"follow the reporting code for domestic violence and child abuse (meldcode):", "seeds 001 and 002 give steps based on the meldcode, not the meldcode itself"},
		{"Volg bij een vermoeden de meldcode huiselijk geweld en kindermishandeling:", "seeds 001 and 002 give steps based on the meldcode, not the meldcode itself"},
	} {
		for _, lang := range c.Langs {
			for key, text := range c.Texts[lang] {
				if strings.Contains(text, tc.said) {
					t.Errorf("%s %s says %q: %s", lang, key, tc.said, tc.why)
				}
			}
		}
	}
}

// TestShortSentences: on the paths of young people and bystanders (and in
// what the engine and the web page say to anyone), no sentence is longer than 20 words:
// B1 language, read on a phone, maybe in a hurry. Professionals' texts
// (prof.*, and the answers to a professional) are exempt.
func TestShortSentences(t *testing.T) {
	c := shipped(t)
	const maxWords = 20
	sentence := regexp.MustCompile(`[^.?!]+[.?!]*`)
	for _, lang := range c.Langs {
		for key, text := range c.Texts[lang] {
			young := strings.HasPrefix(key, "jong.") || strings.HasPrefix(key, "omstander.") || strings.HasPrefix(key, "start.") ||
				strings.HasPrefix(key, "understand.") || strings.HasPrefix(key, "sys.") || strings.HasPrefix(key, "web.")
			if !young || strings.HasSuffix(key, ".prof") || key == KeyExitWords || key == KeyExitWishes {
				continue
			}
			for _, line := range strings.Split(text, "\n") {
				for _, s := range sentence.FindAllString(line, -1) {
					if n := len(strings.Fields(s)); n > maxWords {
						t.Errorf("%s %s: a sentence of %d words, want at most %d: %q", lang, key, n, maxWords, strings.TrimSpace(s))
					}
				}
			}
		}
	}
}

// TestPlainWordsForTheYoung: the texts young people and bystanders read
// (and the general information anyone may open) do not use the law's
// terms for the parts of human trafficking, nor a police team's name
// without saying in plain words what it is. Professionals' texts keep
// them: the screening table is built on them.
func TestPlainWordsForTheYoung(t *testing.T) {
	c := shipped(t)
	// "seksuele handelingen" (sexual acts) is plain Dutch; "een
	// handeling" as a part of trafficking is not.
	terms := map[string]*regexp.Regexp{
		"nl": regexp.MustCompile(`\b(handeling|werven|opnemen|huisvesten)\b|een middel|een doel:`),
		"en": regexp.MustCompile(`an act:|a means:|a purpose:|\brecruiting\b|receiving them`),
	}
	for _, lang := range c.Langs {
		for key, text := range c.Texts[lang] {
			young := strings.HasPrefix(key, "jong.") || strings.HasPrefix(key, "omstander.") || strings.HasPrefix(key, "start.") ||
				strings.HasPrefix(key, "understand.") || strings.HasPrefix(key, "info.")
			if !young || strings.HasSuffix(key, ".prof") {
				continue
			}
			if term := terms[lang].FindString(strings.ToLower(text)); term != "" {
				t.Errorf("%s %s says %q, a term of the law, to someone who may be young", lang, key, term)
			}
			if strings.Contains(text, "Team Migratiecriminaliteit") {
				t.Errorf("%s %s names the Team Migratiecriminaliteit en Mensenhandel: say 'the human trafficking team'", lang, key)
			}
		}
	}
	for _, ct := range c.Contacts {
		for lang, about := range ct.About {
			if strings.Contains(about, "Team Migratiecriminaliteit") && !strings.Contains(about, "team voor mensenhandel (Team") && !strings.Contains(about, "human trafficking team (Team") {
				t.Errorf("contact %s (%s) names the Team Migratiecriminaliteit en Mensenhandel without saying what it is", ct.ID, lang)
			}
		}
	}
}

// TestAgeAskedOnce: the young people's flow asks the age once, and a
// typed age ("ik ben 15") answers it; no text after that asks again
// whether the person is under 18, which reads as not listening.
func TestAgeAskedOnce(t *testing.T) {
	c := shipped(t)
	asks := map[string]string{"nl": "Ben je jonger dan 18", "en": "If you're under 18"}
	for _, lang := range c.Langs {
		for key, text := range c.Texts[lang] {
			if (strings.HasPrefix(key, "jong.") || strings.HasPrefix(key, "understand.")) && strings.Contains(text, asks[lang]) {
				t.Errorf("%s %s asks %q again", lang, key, asks[lang])
			}
		}
	}
}

func TestOpenAt(t *testing.T) {
	s := &Schedule{Days: []string{"mon", "tue", "wed", "thu", "fri"}, From: "09:00", Until: "17:00"}
	l := &loader{c: &Content{}}
	l.validateSchedule(&Contact{ID: "x", Open: s, Hours: map[string]string{"nl": "x"}, Alt: nil})
	for _, tc := range []struct {
		utc  string
		want bool
	}{
		{"2026-11-27T08:00:00Z", true},  // Friday 09:00 CET
		{"2026-11-27T07:59:00Z", false}, // Friday 08:59 CET
		{"2026-11-27T15:59:00Z", true},  // Friday 16:59 CET
		{"2026-11-27T16:00:00Z", false}, // Friday 17:00 CET
		{"2026-11-28T10:00:00Z", false}, // Saturday
		{"2026-06-01T07:00:00Z", true},  // Monday 09:00 CEST
		{"2026-06-01T06:59:00Z", false}, // Monday 08:59 CEST
		{"2026-06-01T15:00:00Z", false}, // Monday 17:00 CEST
		{"2026-03-29T00:59:00Z", false}, // Sunday, the night summer time starts
		{"2026-03-30T07:00:00Z", true},  // the Monday after: CEST
		{"2026-10-26T07:30:00Z", false}, // Monday after winter time starts: 08:30 CET
		{"2026-10-26T08:00:00Z", true},  // 09:00 CET
	} {
		at, err := time.Parse(time.RFC3339, tc.utc)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.OpenAt(at); got != tc.want {
			t.Errorf("OpenAt(%s) = %v, want %v", tc.utc, got, tc.want)
		}
	}
}

// TestDutchZone: Dutch summer time starts and ends on the last Sundays
// of March and October at 01:00 UTC.
func TestDutchZone(t *testing.T) {
	for _, tc := range []struct {
		utc, zone string
	}{
		{"2026-03-29T00:59:59Z", "CET"},
		{"2026-03-29T01:00:00Z", "CEST"},
		{"2026-10-25T00:59:59Z", "CEST"},
		{"2026-10-25T01:00:00Z", "CET"},
		{"2027-03-28T01:00:00Z", "CEST"},
	} {
		at, err := time.Parse(time.RFC3339, tc.utc)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := at.In(dutchTime).Zone(); got != tc.zone {
			t.Errorf("%s in dutchTime is in zone %s, want %s", tc.utc, got, tc.zone)
		}
	}
}

// TestCardsOpen: a contact with opening hours says whether it is open now
// and, when closed, names the contacts that can always be reached. The
// shipped contacts show no opening hours (the only ones the seeds give are
// the old guide's), so this runs on the test content.
func TestCardsOpen(t *testing.T) {
	fsys := goodFS(t)
	contacts := strings.Replace(strings.Replace(goodContacts(t),
		"    hours: {nl: werkdagen, en: weekdays}\n", "    hours: {nl: werkdagen, en: weekdays}\n    open: {days: [mon], from: \"09:00\", until: \"17:00\"}\n    alt: [alarm]\n", 1),
		"    phone: \"112\"\n", "    phone: \"112\"\n    always: true\n", 1)
	fsys["contacts.yaml"] = &fstest.MapFile{Data: []byte(contacts)}
	for _, lang := range []string{"nl", "en"} {
		name := "texts/" + lang + ".yaml"
		fsys[name] = &fstest.MapFile{Data: append(append([]byte{}, fsys[name].Data...), "sys.open.now: open\nsys.open.closed: closed\n"...)}
	}
	c, err := LoadWith(fsys, strict)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	ct := c.Contacts["help"]
	for _, lang := range c.Langs {
		open := c.CardsOpen(lang, []string{"help"}, map[string]bool{"help": true})
		if want := c.Card(lang, ct) + "\n" + c.Text(lang, KeyOpenNow); open != want {
			t.Errorf("open card (%s) = %q, want %q", lang, open, want)
		}
		closed := c.CardsOpen(lang, []string{"help"}, map[string]bool{"help": false})
		if !strings.Contains(closed, c.Text(lang, KeyClosedNow)) || !strings.HasSuffix(closed, "112") {
			t.Errorf("closed card (%s) = %q, want the closed line and 112", lang, closed)
		}
		if got := c.Cards(lang, []string{"help"}); got != c.Card(lang, ct) {
			t.Errorf("Cards without the clock = %q, want the plain card", got)
		}
	}
}

// TestOldGuideFacts: what only the old practical guide (004, undated,
// after 2011) gives is marked as such, with that date, in every language;
// it is for professionals only and never the only help an ending offers;
// and no opening hours are shown, let alone as "open now", when the old
// guide is where they could come from.
func TestOldGuideFacts(t *testing.T) {
	c := shipped(t)
	mark := map[string]*regexp.Regexp{
		"nl": regexp.MustCompile(`oudere praktische handleiding \(zonder datum, van na 2011`),
		"en": regexp.MustCompile(`older practical guide \(undated, written after 2011`),
	}
	oldOnly := func(ct *Contact) bool {
		srcs := ct.AllSources()
		return len(srcs) == 1 && srcs[0] == oldGuide
	}
	for _, id := range c.ContactOrder {
		ct := c.Contacts[id]
		if oldOnly(ct) {
			for _, lang := range c.Langs {
				if !mark[lang].MatchString(ct.About[lang]) {
					t.Errorf("%s (old guide only): about (%s) %q does not say it is from the old guide and when", id, lang, ct.About[lang])
				}
			}
		}
		if (ct.Open != nil || len(ct.Hours) > 0) && slices.Contains(ct.AllSources(), oldGuide) {
			t.Errorf("%s shows opening hours and names the old guide as a source: hours only the old guide gives are not shown", id)
		}
	}
	for _, lang := range c.Langs {
		if !mark[lang].MatchString(c.Text(lang, "contacts.cat.handleiding")) {
			t.Errorf("the category of the old guide's contacts (%s) does not say which guide and when", lang)
		}
	}
	for _, fid := range c.FlowOrder {
		for _, s := range c.Flows[fid].States {
			ids := s.AllContacts()
			old := slices.ContainsFunc(ids, func(id string) bool { return oldOnly(c.Contacts[id]) })
			newer := slices.ContainsFunc(ids, func(id string) bool { return !oldOnly(c.Contacts[id]) })
			if old && !newer {
				t.Errorf("%s/%s offers only contacts from the old guide", fid, s.ID)
			}
		}
	}
}

// TestNewerSeedWins: where two seeds give a different address for the same
// thing, the contact uses the newer one: the campaign page (001, 2024)
// over the factsheet it quotes (002), the RIEC page (003) over the old
// guide (004).
func TestNewerSeedWins(t *testing.T) {
	c := shipped(t)
	for _, tc := range []struct {
		contact, got, newer, older, seed string
	}{
		{"veilig-thuis", c.Contacts["veilig-thuis"].Web, "www.veiligthuis.nl", "www.vooreenveiligthuis.nl", "001_e19ded84cc19cabb.txt"},
		{"zorgcoordinator", c.Contacts["zorgcoordinator"].Web, "www.comensha.nl/voor-professionals/zorgcoordinatoren", "www.comensha.nl/voor-professionals/zorgcoordinator/", "001_e19ded84cc19cabb.txt"},
		{"arbeidsinspectie", c.Contacts["arbeidsinspectie"].Name, "Nederlandse Arbeidsinspectie", "Inspectie SZW", "003_b76868bcd898f2a4.txt"},
	} {
		if tc.got != tc.newer {
			t.Errorf("%s = %q, want %q from the newer seed, not %q", tc.contact, tc.got, tc.newer, tc.older)
		}
		if !strings.Contains(readSeed(t, tc.seed), seedNorm(tc.newer)) {
			t.Errorf("%s: %q is not in %s", tc.contact, tc.newer, tc.seed)
		}
	}
	// Neither older address is anywhere in what the bot shows.
	for _, id := range c.ContactOrder {
		ct := c.Contacts[id]
		for _, v := range []string{ct.Web, ct.Chat, ct.Name} {
			if strings.Contains(v, "vooreenveiligthuis") || strings.HasSuffix(strings.TrimSuffix(v, "/"), "/zorgcoordinator") || strings.Contains(v, "inspectieszw") {
				t.Errorf("%s shows %q, an address a newer seed replaced", id, v)
			}
		}
	}
}

// TestNoUnsourcedClaims: claims that no seed makes stay out of what the
// bot says. Lending out a bank account or card, or moving money for
// someone, is in no seed; search may still know the words people type.
func TestNoUnsourcedClaims(t *testing.T) {
	c := shipped(t)
	claim := regexp.MustCompile(`(?i)bankpas|bankrekening|rekening uitlenen|wegzetten|bank card|bank account|move money`)
	for _, lang := range c.Langs {
		for key, text := range c.Texts[lang] {
			if m := claim.FindString(text); m != "" {
				t.Errorf("%s %s says %q, which no seed says", lang, key, m)
			}
		}
	}
	for _, id := range c.ContactOrder {
		for lang, about := range c.Contacts[id].About {
			if m := claim.FindString(about); m != "" {
				t.Errorf("contact %s about (%s) says %q, which no seed says", id, lang, m)
			}
		}
	}
	// The reflection period of at least 30 days is the European guide's
	// minimum, for adults, and differs per country (004:428-436, 481-483).
	for lang, want := range map[string][]string{
		"nl": {"30 dagen", "Europese handleiding", "volwassene", "verschilt per land"},
		"en": {"30 days", "European guide", "adult", "differs from country to country"},
	} {
		for _, w := range want {
			if !strings.Contains(c.Text(lang, "info.rights"), w) {
				t.Errorf("info.rights (%s) lacks %q: the 30 days only with what the guide says around them", lang, w)
			}
		}
	}
}

// The checks below lay a file or two over testdata/good and expect the
// problems lint must report for the features this file's content uses.

func overlay(t *testing.T, files map[string]string) error {
	t.Helper()
	fsys := goodFS(t)
	for name, body := range files {
		if strings.HasPrefix(name, "+") {
			name = name[1:]
			fsys[name] = &fstest.MapFile{Data: append(append([]byte{}, fsys[name].Data...), body...)}
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	_, err := LoadWith(fsys, strict)
	return err
}

func TestLintContentFeatures(t *testing.T) {
	const texts = "sys.open.now: x\nsys.open.closed: x\nsys.card.address: x\nsys.report.none: x\nsys.search.found: x\nsys.search.none: x\nsys.search.all: x\ncat: x\nname: x\n"
	bothTexts := map[string]string{"+texts/nl.yaml": texts, "+texts/en.yaml": texts}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range bothTexts {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // substrings of the problems, all of which must appear
	}{
		{
			name: "young people get a contact for professionals",
			files: map[string]string{
				"+flows/other.yaml": "audience: [jongeren]\n",
				"contacts.yaml": `emergency: [alarm]
safety: [alarm]
audiences: [{id: jongeren, who: me}, {id: professionals, who: prof}]
contacts:
  - {id: alarm, name: A, about: {nl: a, en: a}, phone: "112", audience: [jongeren, professionals], source: s, checked: 2026-01-01}
  - {id: help, name: H, about: {nl: h, en: h}, phone: "1", audience: [professionals], source: s, checked: 2026-01-01}
`},
			want: []string{`flows/other.yaml:`, `flow "other" is for jongeren, but contact "help" is not (audience professionals)`},
		},
		{
			name:  "emergency contact not for everyone",
			files: map[string]string{"+flows/start.yaml": "audience: [jongeren, omstanders]\n", "contacts.yaml": strings.Replace(goodContacts(t), "    phone: \"112\"\n", "    phone: \"112\"\n    audience: [jongeren]\n", 1)},
			want:  []string{`emergency shows contact "alarm" to everyone, but it is not for omstanders`},
		},
		{
			name:  "unknown audience",
			files: map[string]string{"+flows/other.yaml": "audience: [kinderen]\n"},
			want:  []string{`flow "other": unknown audience "kinderen"`},
		},
		{
			name:  "contact about without a translation",
			files: map[string]string{"contacts.yaml": strings.Replace(goodContacts(t), "about: {nl: Hulp., en: Help.}", "about: {nl: Hulp.}", 1)},
			want:  []string{`contact "help": about has no en text`},
		},
		{
			name: "opening hours",
			files: with(map[string]string{"contacts.yaml": goodContacts(t) + `  - id: shop
    name: Shop
    about: {nl: s, en: s}
    phone: "2"
    open: {days: [mon, fri, zon], from: "9:00", until: "17:00"}
    alt: [help]
    source: s
    checked: 2026-01-01
`}),
			want: []string{`contact "shop": opening hours (open) without hours to show`, `open day "zon" is not one of`,
				`open time "9:00" is not HH:MM`, `alt contact "help" is not marked 'always: true'`},
		},
		{
			name:  "opening hours without texts",
			files: map[string]string{"contacts.yaml": strings.Replace(goodContacts(t), "    hours: {nl: werkdagen, en: weekdays}\n", "    hours: {nl: werkdagen, en: weekdays}\n    open: {days: [mon], from: \"09:00\", until: \"17:00\"}\n    alt: [alarm]\n", 1)},
			want:  []string{`missing text key "sys.open.now"`, `missing text key "sys.open.closed"`, `alt contact "alarm" is not marked 'always: true'`},
		},
		{
			name: "categories",
			files: with(map[string]string{"contacts.yaml": strings.Replace(goodContacts(t), "contacts:\n", "categories: [{id: main, title: cat}, {id: other, title: no.such.title}]\ncontacts:\n", 1) +
				"  - {id: third, name: T, about: {nl: t, en: t}, phone: \"3\", category: nope, source: s, checked: 2026-01-01}\n"}),
			want: []string{`missing text key "no.such.title"`, `contact "alarm" names no category`, `contact "third": unknown category "nope"`},
		},
		{
			name:  "search words need their texts",
			files: map[string]string{"search.yaml": "synonyms: [[a, b], [c]]\nstopwords: [de]\n"},
			want:  []string{`search.yaml: missing text key "sys.search.found"`, `synonym group 2 has fewer than two words`},
		},
		{
			name:  "search.yaml is strict",
			files: map[string]string{"search.yaml": "synonym: [[a, b]]\n"},
			want:  []string{`search.yaml:1: unknown field "synonym"`},
		},
		{
			name: "report",
			files: with(map[string]string{"flows/other.yaml": `flow: other
start: first
states:
  - id: first
    text: other.first
    report:
      - {signal: "bad key", label: name}
      - {signal: ok, label: no.such.label}
    options:
      - {id: on, label: go, next: last, also: [nope]}
  - id: last
    text: other.last
    end: true
    report: [{signal: ok, label: name}]
    contacts: [help]
`}),
			want: []string{`report signal "bad key" must be a signal key`, `missing text key "no.such.label"`,
				`option "on": signal "nope" is not key=value`, `state "last": an ending cannot have a report`},
		},
		{
			name: "when rules",
			files: with(map[string]string{"flows/other.yaml": `flow: other
start: first
audience: [jongeren]
states:
  - id: first
    text: other.first
    when: [{if: [x=1], contacts: [help]}]
    options:
      - {id: on, label: go, next: last}
  - id: last
    text: other.last
    end: true
    contacts: [alarm]
    when:
      - {contacts: [help]}
      - {if: [bad], text: no.such.text}
      - {if: [x=1]}
      - {if: [x=2], contacts: [nobody, prof]}
`, "contacts.yaml": goodContacts(t) + "  - {id: prof, name: P, about: {nl: p, en: p}, phone: \"2\", audience: [professionals], source: s, checked: 2026-01-01}\n"}),
			want: []string{`state "first": only an ending has 'when' rules`, `state "last": a 'when' rule needs 'if'`,
				`condition "bad" is not key=value`, `missing text key "no.such.text"`, `a 'when' rule adds neither text nor contacts`,
				`unknown contact "nobody"`, `flow "other" is for jongeren, but contact "prof" is not`},
		},
		{
			name: "report date and end",
			files: with(map[string]string{"flows/other.yaml": `flow: other
start: first
states:
  - id: first
    text: other.first
    report_date: no.such.date
    options:
      - {id: on, label: go, next: last}
  - id: last
    text: other.last
    end: true
    contacts: [help]
`}),
			want: []string{`state "first": report_date and report_end belong to a report`, `missing text key "no.such.date"`},
		},
		{
			name:  "sources",
			files: map[string]string{"contacts.yaml": strings.Replace(goodContacts(t), "    source: test.txt\n", "    sources: [\"\"]\n", 1)},
			want:  []string{`contact "alarm": an empty entry in sources`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := overlay(t, tc.files)
			if err == nil {
				t.Fatalf("Load = nil, want problems with %q", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Load problems:\n%v\nwant one with %q", err, w)
				}
			}
		})
	}
}

// TestLintContentFeaturesValid: the features used correctly load without
// problems, and sources alone are enough.
func TestLintContentFeaturesValid(t *testing.T) {
	const texts = "sys.open.now: x\nsys.open.closed: x\n"
	err := overlay(t, map[string]string{
		"+texts/nl.yaml": texts, "+texts/en.yaml": texts,
		"+flows/other.yaml": "audience: [professionals]\n",
		"contacts.yaml": strings.Replace(strings.Replace(goodContacts(t),
			"    hours: {nl: werkdagen, en: weekdays}\n", "    hours: {nl: werkdagen, en: weekdays}\n    open: {days: [mon, tue], from: \"09:00\", until: \"17:30\"}\n    alt: [alarm]\n", 1),
			"    phone: \"112\"\n", "    phone: \"112\"\n    always: true\n", 1),
	})
	if err != nil {
		t.Fatalf("Load = %v, want no problems", err)
	}
}

func goodContacts(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/good/contacts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSeedNorm: the comparison forgives spacing, punctuation and the
// international prefix, and nothing else.
func TestSeedNorm(t *testing.T) {
	seed := readSeed(t, oldGuide)
	for _, tc := range []struct {
		v    string
		want bool
	}{
		{"033 448 1186", true},  // "+31 (0)33 448 1186"
		{"033-4481186", true},   // the same number, written otherwise
		{"033 448 1187", false}, // one digit off
		{"www.fierfryslan.nl", true},
		{"https://fierfryslan.nl", true},
		{"www.fierfriesland.nl", false},
		{"www.bureaujeugdzorg.info/Hoofdlocaties", true}, // broken over two lines in the seed
	} {
		if got := strings.Contains(seed, seedNorm(tc.v)); got != tc.want {
			t.Errorf("%q in the old guide = %v, want %v", tc.v, got, tc.want)
		}
	}
}
