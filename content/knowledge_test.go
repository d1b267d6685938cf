package content

import (
	"strings"
	"testing"
)

// The seed documents, by what they are.
const (
	seedPoster    = "000_6f19790d2e838955.txt" // poster 'Stop mensenhandel bij jongeren'
	seedCampaign  = "001_e19ded84cc19cabb.txt" // campaign page #mensenhandelwatdoejij (2024)
	seedFactsheet = "002_2468b6ca4c8b6f05.txt" // CoMensha's factsheet Mensenhandel
	seedRIEC      = "003_b76868bcd898f2a4.txt" // RIEC Noord-Nederland's page
)

// TestSeedKnowledge: what the seeds teach stays in what the bot says, in
// every language, where it was put. Each row names the text, the words it
// must hold, and the passage of the seed they come from, which must be in
// that seed (up to spacing, line breaks and hyphens), so that neither
// side can drift without this test failing.
func TestSeedKnowledge(t *testing.T) {
	c := shipped(t)
	for _, tc := range []struct {
		key, lang string
		says      []string
		seed      string
		quote     string
	}{
		// What a bystander should not do: Boyan's words on the campaign page.
		{"omstander.todo", "nl", []string{"Neem dan geen genoegen met 'alles is oké'"}, seedCampaign, "alles is oké"},
		{"omstander.todo", "nl", []string{"Schiet niet in de stress als je het verhaal hoort"}, seedCampaign, "niet in de stress schiet als hij je verhaal hoort"},
		{"omstander.todo", "nl", []string{"Zeg nooit iets als: 'Je kon toch weggaan?!'"}, seedCampaign, "Je kon toch weggaan?!"},
		{"omstander.todo", "en", []string{"don't settle for 'everything's fine'"}, seedCampaign, "alles is oké"},
		{"omstander.todo", "en", []string{"Don't panic when you hear their story"}, seedCampaign, "niet in de stress schiet als hij je verhaal hoort"},
		{"omstander.todo", "en", []string{"Never say anything like: 'Why didn't you just leave?!'"}, seedCampaign, "Je kon toch weggaan?!"},

		// The hotel receptionist, and where sexual exploitation happens.
		{"prof.sig.sexual", "nl", []string{"in een hotel: een nerveus, jong meisje gaat met een oudere man naar een kamer"}, seedCampaign, "nerveus jong meisje met een oudere man naar een kamer vertrok"},
		{"prof.sig.sexual", "nl", []string{"Overleg met collega's en haal zo nodig de politie erbij"}, seedCampaign, "we hebben de politie erbij gehaald"},
		{"prof.sig.sexual", "nl", []string{"in hotels en massagesalons"}, oldGuide, "in hotels en massagesalons"},
		{"prof.sig.sexual", "en", []string{"in a hotel: a nervous young girl goes to a room with an older man"}, seedCampaign, "nerveus jong meisje met een oudere man naar een kamer vertrok"},
		{"prof.sig.sexual", "en", []string{"Talk to your colleagues and call in the police if needed"}, seedCampaign, "we hebben de politie erbij gehaald"},
		{"prof.sig.sexual", "en", []string{"in hotels and massage parlours"}, oldGuide, "in hotels en massagesalons"},

		// Who can be a trafficker.
		{"prof.sig.sexual", "nl", []string{"Iedereen kan mensenhandelaar zijn: mannen en vrouwen, Nederlanders en arbeidsmigranten"}, oldGuide, "Iedereen kan mensenhandelaar zijn : zowel mannen en vrouwen als Nederlanders en arbeidsmigranten"},
		{"prof.sig.sexual", "en", []string{"Anyone can be a trafficker: men and women, Dutch nationals and migrant workers"}, oldGuide, "Iedereen kan mensenhandelaar zijn : zowel mannen en vrouwen als Nederlanders en arbeidsmigranten"},

		// Vulnerable young people: more at risk both ways.
		{"prof.sig.risk", "nl", []string{"lopen meer risico om uitgebuit te worden, maar ook om zelf anderen uit te buiten"}, seedCampaign, "lopen meer risico om slachtoffer of pleger te worden"},
		{"prof.sig.risk", "en", []string{"more at risk of being exploited, and also of going on to exploit others"}, seedCampaign, "lopen meer risico om slachtoffer of pleger te worden"},

		// Anyone, whatever their legal status.
		{"prof.sig.risk", "nl", []string{"wat hun juridische status ook is"}, oldGuide, "ongeacht hun juridische status"},
		{"prof.sig.risk", "en", []string{"whatever their legal status"}, oldGuide, "ongeacht hun juridische status"},
		{"info.risk", "nl", []string{"ook voor wie geen geldige verblijfspapieren heeft"}, oldGuide, "ongeacht hun juridische status"},
		{"info.risk", "en", []string{"people without valid residence papers"}, oldGuide, "ongeacht hun juridische status"},

		// Where people from abroad often come from.
		{"info.forms", "nl", []string{"Roemenië, Polen, Hongarije, Bulgarije of Nigeria", "land waar oorlog is"}, seedFactsheet, "uit Roemenië, Polen, Hongarije, Bulgarije en Nigeria en/of landen waar oorlog is"},
		{"info.forms", "en", []string{"Romania, Poland, Hungary, Bulgaria or Nigeria", "country at war"}, seedFactsheet, "uit Roemenië, Polen, Hongarije, Bulgarije en Nigeria en/of landen waar oorlog is"},
		{"prof.attention", "nl", []string{"Roemenië, Polen, Hongarije, Bulgarije of Nigeria", "land waar oorlog is"}, seedFactsheet, "uit Roemenië, Polen, Hongarije, Bulgarije en Nigeria en/of landen waar oorlog is"},
		{"prof.attention", "en", []string{"Romania, Poland, Hungary, Bulgaria or Nigeria", "country at war"}, seedFactsheet, "uit Roemenië, Polen, Hongarije, Bulgarije en Nigeria en/of landen waar oorlog is"},

		// How fast it can go.
		{"info.online", "nl", []string{"Dat kan tegenwoordig enorm snel gaan"}, seedFactsheet, "kan tegenwoordig enorm snel gaan (onder andere door de digitalisering)"},
		{"info.online", "en", []string{"These days that can happen extremely fast"}, seedFactsheet, "kan tegenwoordig enorm snel gaan (onder andere door de digitalisering)"},

		// CoMensha when there is no acute danger; in acute danger, 112.
		{"omstander.ref.labour", "nl", []string{"als er geen acuut gevaar is", "Bij acuut gevaar bel je 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"omstander.ref.labour_adult", "nl", []string{"als er geen acuut gevaar is", "Bij acuut gevaar bel je 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"omstander.ref.advice", "nl", []string{"is er geen acuut gevaar?", "Bij acuut gevaar bel je 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"prof.ref.labour", "nl", []string{"als er geen acuut gevaar is", "bij acuut gevaar bel je 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"prof.step.b", "nl", []string{"CoMensha is er als er geen acuut gevaar is. Bij acuut gevaar bel je 112."}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"prof.step.adult_more", "nl", []string{"CoMensha is er als er geen acuut gevaar is. Bij acuut gevaar bel je 112."}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"understand.labour.other", "nl", []string{"als er geen acuut gevaar is", "Bij acuut gevaar bel je 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"understand.labour.prof", "nl", []string{"CoMensha is er als er geen acuut gevaar is. Bij acuut gevaar bel je 112."}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"omstander.ref.labour", "en", []string{"when no one is in immediate danger", "call 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"omstander.ref.labour_adult", "en", []string{"when no one is in immediate danger", "call 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"omstander.ref.advice", "en", []string{"no one is in immediate danger?", "call 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"prof.ref.labour", "en", []string{"when no one is in immediate danger", "call 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"prof.step.b", "en", []string{"CoMensha is there when no one is in immediate danger. In immediate danger, call 112."}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"prof.step.adult_more", "en", []string{"CoMensha is there when no one is in immediate danger. In immediate danger, call 112."}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"understand.labour.other", "en", []string{"when no one is in immediate danger", "call 112"}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},
		{"understand.labour.prof", "en", []string{"CoMensha is there when no one is in immediate danger. In immediate danger, call 112."}, seedRIEC, "(bij geen acuut gevaar) ook contact opnemen met CoMensha"},

		// In conversation: identity only with consent; gender-aware.
		{"prof.safety", "nl", []string{"identiteit van de persoon alleen met diens toestemming doorgeeft, aan organisaties die die nodig hebben"}, oldGuide, "zijn/haar identiteit uitsluitend met zijn/haar toestemming zal worden doorgegeven aan organisaties"},
		{"prof.safety", "en", []string{"their identity will only be passed on with their consent, to organisations that need it"}, oldGuide, "zijn/haar identiteit uitsluitend met zijn/haar toestemming zal worden doorgegeven aan organisaties"},
		{"prof.safety", "nl", []string{"Werk genderbewust, zeker als het over seksuele uitbuiting gaat"}, oldGuide, "Ga ook genderbewust te werk, met name wanneer je of de betreffende persoon over seksuele uitbuiting praat"},
		{"prof.safety", "en", []string{"Be gender-aware, especially when you or the person talk about sexual exploitation"}, oldGuide, "Ga ook genderbewust te werk, met name wanneer je of de betreffende persoon over seksuele uitbuiting praat"},

		// Why signalling matters.
		{"prof.why", "nl", []string{"geef je jongeren een kans op een veilig leven"}, seedPoster, "Door te signaleren, te melden en te behandelen kunnen wij de jongeren een kans geven op een veilig leven"},
		{"prof.why", "en", []string{"you give young people a chance of a safe life"}, seedPoster, "Door te signaleren, te melden en te behandelen kunnen wij de jongeren een kans geven op een veilig leven"},
		{"prof.why", "nl", []string{"loopt waarschijnlijk gevaar", "beschermd worden tegen wie hem of haar uitbuit"}, oldGuide, "omdat deze mensen zeer waarschijnlijk gevaar lopen"},
		{"prof.why", "en", []string{"is probably in danger", "protected from whoever exploits"}, oldGuide, "omdat deze mensen zeer waarschijnlijk gevaar lopen"},
		{"prof.why", "nl", []string{"zonder signalering in detentie komen"}, oldGuide, "zou zonder signalering in een detentiecentrum geplaatst kunnen worden"},
		{"prof.why", "en", []string{"could end up in detention"}, oldGuide, "zou zonder signalering in een detentiecentrum geplaatst kunnen worden"},
		{"prof.why", "nl", []string{"anderen in dezelfde situatie helpen vrij te komen"}, oldGuide, "mensenhandelaren over het algemeen meer slachtoffers maken"},
		{"prof.why", "en", []string{"help free others in the same situation"}, oldGuide, "mensenhandelaren over het algemeen meer slachtoffers maken"},
		{"prof.why", "nl", []string{"arrestatie en vervolging", "schadevergoeding"}, oldGuide, "kan tot de arrestatie en vervolging leiden"},
		{"prof.why", "en", []string{"arrest and prosecution", "compensation"}, oldGuide, "kan tot de arrestatie en vervolging leiden"},
		{"prof.why", "nl", []string{"pas de eerste stap van een lang proces"}, oldGuide, "is pas de beginstap van een lang en uitgebreid proces"},
		{"prof.why", "en", []string{"only the first step in a long process"}, oldGuide, "is pas de beginstap van een lang en uitgebreid proces"},
	} {
		t.Run(tc.key+"/"+tc.lang, func(t *testing.T) {
			text := c.Text(tc.lang, tc.key)
			for _, s := range tc.says {
				if !strings.Contains(text, s) {
					t.Errorf("%s %s no longer says %q (from %s: %q):\n%s", tc.lang, tc.key, s, tc.seed, tc.quote, text)
				}
			}
			if !strings.Contains(readSeed(t, tc.seed), seedNorm(tc.quote)) {
				t.Errorf("%s does not say %q, the passage %s %s rests on", tc.seed, tc.quote, tc.lang, tc.key)
			}
		})
	}

	// Why signalling matters is one step from the signals.
	var why bool
	for _, s := range c.Flows["prof"].States {
		if s.ID == "why" && s.Text != "prof.why" {
			t.Errorf("prof/why shows %q, want prof.why", s.Text)
		}
		if s.ID != "signals" {
			continue
		}
		for _, o := range s.Options {
			if o.ID == "why" && o.Next == "why" {
				why = true
			}
		}
	}
	if !why {
		t.Errorf("prof/signals has no option why leading to prof/why")
	}
}
