package content_test

import (
	"strings"
	"testing"
	"time"

	"signaal/content"
	"signaal/flows"
)

// TestYouthCases runs the three usual cases of young people in the
// Netherlands through the professional's screening, scored as a youth
// worker would score them with the act as seed 004 defines it (recruiting,
// transporting or transferring, housing or receiving) and the domestic and
// online forms of seeds 001 and 002. For a child an act and a purpose are
// enough (004:120-123), so each reaches step A, and the ending adds the
// contacts for the form of exploitation scored, and only those.
func TestYouthCases(t *testing.T) {
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := flows.New(c)
	if err != nil {
		t.Fatal(err)
	}
	categories := []string{"werving", "vervoer", "huisvesting", "dreiging", "geweld", "beweging", "isolatie",
		"documenten", "loon", "misleiding", "kwetsbaar", "betalingen", "doel-seks", "doel-arbeid", "doel-crimineel"}
	forms := map[string][]string{
		"sexual":   {"fier", "csg"},
		"criminal": {"keerpunt", "meld-misdaad-anoniem"},
		"labour":   {"arbeidsinspectie", "meld-arbeidsuitbuiting"},
	}
	for _, tc := range []struct {
		name   string
		scores map[string]int
		form   string
	}{
		// A 15-year-old whose "boyfriend" makes her meet men for money:
		// approached by him with promises (werving), picked up and brought
		// (vervoer), the money taken (loon), a love relationship and her
		// age (kwetsbaar), sexual exploitation.
		{"boyfriend, meeting men for money", map[string]int{"werving": 1, "vervoer": 1, "dreiging": 3, "isolatie": 3, "loon": 1, "kwetsbaar": 1, "doel-seks": 2}, "sexual"},
		// A 16-year-old who carries packages for older boys: recruited by
		// them (werving), made to commit crime.
		{"packages for older boys", map[string]int{"werving": 1, "dreiging": 3, "kwetsbaar": 1, "doel-crimineel": 2}, "criminal"},
		// An unaccompanied 17-year-old working unpaid in a restaurant: did
		// not know the work, no contract (werving), no pay (loon), no
		// parents or guardian (kwetsbaar), labour exploitation.
		{"unaccompanied, unpaid in a restaurant", map[string]int{"werving": 1, "huisvesting": 3, "documenten": 3, "loon": 2, "misleiding": 1, "kwetsbaar": 1, "doel-arbeid": 2}, "labour"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
			in := []string{"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/prof",
				"prof/menu/screen", "prof/scr-intro/start", "prof/scr-age/child"}
			for _, cat := range categories {
				in = append(in, "prof/scr-"+cat+"/s"+string(rune('0'+tc.scores[cat])))
			}
			in = append(in, "prof/scr-summary/next")
			r := e.Step(flows.Session{}, flows.TextInput("/start"), now)
			for _, d := range in {
				r = e.Step(r.Session, flows.ChoiceInput(d), now)
				if r.Refused {
					t.Fatalf("%s was not on screen at %s/%s", d, r.Session.Flow, r.Session.State)
				}
			}
			if r.Session.State != "step-a" {
				t.Fatalf("ending = %s, want step-a (a child: act and purpose suffice)", r.Session.State)
			}
			text := r.Replies[0].Text
			for form, ids := range forms {
				for _, id := range ids {
					card := c.Card("nl", c.Contacts[id])
					if got := strings.Contains(text, card); got != (form == tc.form) {
						t.Errorf("step A shows %s: %v, want %v (form scored: %s)", id, got, form == tc.form, tc.form)
					}
				}
			}
		})
	}
}
