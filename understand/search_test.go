package understand_test

import (
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"

	"signaal/content"
	"signaal/flows"
	"signaal/understand"
)

func shipped(t testing.TB) *understand.Index {
	t.Helper()
	x, _, _ := built(t)
	return x
}

// built is the shipped content with its index and engine, built once for
// all tests: building trains the models, most of a second each time, and
// neither the index nor the engine changes once built.
func built(t testing.TB) (*understand.Index, *flows.Engine, *content.Content) {
	t.Helper()
	understand.SkipUnderRace(t)
	shared.once.Do(func() {
		c, x, err := understand.Shipped()
		if err != nil {
			shared.err = err
			return
		}
		shared.c, shared.x = c, x
		shared.e, shared.err = flows.New(c, flows.WithUnderstander(x), flows.WithOpenNow())
	})
	if shared.err != nil {
		t.Fatalf("building the shipped content: %v", shared.err)
	}
	return shared.x, shared.e, shared.c
}

var shared struct {
	once sync.Once
	x    *understand.Index
	e    *flows.Engine
	c    *content.Content
	err  error
}

// loaded is the shipped content and its understand.yaml.
func loaded(t testing.TB) (*content.Content, *understand.Understanding) {
	t.Helper()
	understand.SkipUnderRace(t)
	c, u, err := understand.Default()
	if err != nil {
		t.Fatalf("understand.Default: %v", err)
	}
	return c, u
}

// TestFind is the contact-search table: what people type, and the contact
// that must come first. It covers case, accents, typos, synonyms and
// everyday words, provinces, English, and every contact by name.
func TestFind(t *testing.T) {
	x := shipped(t)
	for _, tc := range []struct{ query, want string }{
		// Names, in any case, with and without accents, with typos.
		{"veilig thuis", "veilig-thuis"},
		{"Veilig Thuis", "veilig-thuis"},
		{"VEILIG THUIS", "veilig-thuis"},
		{"veilig tuis", "veilig-thuis"},
		{"veiligthuis", "veilig-thuis"},
		{"veilig thuis bellen", "veilig-thuis"},
		{"keerpunt", "keerpunt"},
		{"keerpun", "keerpunt"},
		{"keerpnut", "keerpunt"},
		{"Keerpunt chat", "keerpunt"},
		{"chat met fier", "fier"},
		{"CHAT MET FIER", "fier"},
		{"fier", "fier"},
		{"helpwanted", "helpwanted"},
		{"help wanted", "helpwanted"},
		{"meld misdaad anoniem", "meld-misdaad-anoniem"},
		{"comensha", "comensha"},
		{"co mensha", "comensha"},
		{"zorgcoordinator", "zorgcoordinator"},
		{"zorgcoördinator", "zorgcoordinator"},
		{"Zorgcoordinater", "zorgcoordinator"},
		{"zorgcoordinator utrecht", "zorgcoordinator"},
		{"coördinator per regio voor opvang", "zorgcoordinator"},
		{"slachtofferhulp", "slachtofferhulp"},
		{"centrum seksueel geweld", "csg"},
		{"arbeidsinspectie", "arbeidsinspectie"},
		{"inspectie szw", "arbeidsinspectie"},
		{"112", "alarm112"},
		{"meldcode", "meldcode"},
		{"wegwijzer", "wegwijzer"},
		{"nationaal rapporteur", "nationaal-rapporteur"},
		{"fairwork", "fairwork"},
		{"onze ogen op mensenhandel", "onze-ogen"},
		{"ckm", "ckm"},
		{"nidos", "nidos"},
		{"ecpat", "ecpat"},
		{"IND", "ind"},
		{"iom", "iom"},
		{"vluchtelingenwerk", "vluchtelingenwerk"},
		{"tussenvoorziening", "tussenvoorziening"},
		{"spot 46", "spot46"},
		{"jeugdzorg", "bureau-jeugdzorg"},
		{"asja", "asja"},
		// Everyday words and synonyms.
		{"loverboy", "fier"},
		{"loverbooy", "fier"},
		{"pooier", "fier"},
		{"pimp", "fier"},
		{"mijn vriendje wil dat ik seks heb met zijn vrienden", "fier"},
		{"gedwongen prostitutie", "fier"},
		{"drugs lopen", "keerpunt"},
		{"drugsrunner", "keerpunt"},
		{"ik moet drugs verkopen", "keerpunt"},
		{"geld wegzetten", "keerpunt"},
		{"bankpas uitlenen", "keerpunt"},
		{"money mule", "keerpunt"},
		{"ze laten me stelen", "keerpunt"},
		{"baas houdt paspoort vast", "arbeidsinspectie"},
		{"mijn baas betaalt me niet", "arbeidsinspectie"},
		{"arbeidsuitbuiting", "arbeidsinspectie"},
		{"passport taken by my boss", "arbeidsinspectie"},
		{"naaktfoto", "helpwanted"},
		{"naaktfoto's", "helpwanted"},
		{"chantage", "helpwanted"},
		{"sextortion", "helpwanted"},
		{"iemand dreigt mijn nudes te verspreiden", "helpwanted"},
		{"blackmail nude photos", "helpwanted"},
		{"aangifte doen", "politie"},
		{"police report", "politie"},
		{"politie", "politie"},
		{"anoniem melden", "meld-misdaad-anoniem"},
		{"tip geven zonder naam", "meld-misdaad-anoniem"},
		{"spoed", "alarm112"},
		{"acuut gevaar", "alarm112"},
		{"emergency", "alarm112"},
		{"opvang", "comensha"},
		{"mensenhandel", "comensha"},
		{"huiselijk geweld", "veilig-thuis"},
		{"domestic violence", "veilig-thuis"},
		{"kindermishandeling", "veilig-thuis"},
		{"kinderbescherming", "veilig-thuis"},
		{"ik twijfel", "veilig-thuis"},
		{"mijn rechten", "slachtofferhulp"},
		{"verkrachting", "csg"},
		{"e-learning", "fier-training"},
		{"training mensenhandel", "fier-training"},
		{"lesmateriaal school", "ckm"},
		{"huisarts", "fairwork"},
		{"soa", "ggd-soa"},
		{"verblijfsvergunning", "ind"},
		{"vluchteling", "vluchtelingenwerk"},
		{"sekswerker den haag", "spot46"},
		{"ik word gedwongen om drugs te dealen", "keerpunt"},
		{"i am forced to sell drugs", "keerpunt"},
		{"wiet", "keerpunt"},
		{"mijn vriendin moet seks hebben voor geld", "fier"},
		{"onlyfans", "fier"},
		{"ze hebben naaktfoto's van me", "helpwanted"},
		{"someone is blackmailing me with nudes", "helpwanted"},
		{"my boss took my passport", "arbeidsinspectie"},
		{"ik moet werken zonder loon", "arbeidsinspectie"},
		{"arbeidsmigrant", "arbeidsinspectie"},
		{"mijn stiefvader", "veilig-thuis"},
		{"ouders", "veilig-thuis"},
		{"kind", "veilig-thuis"},
		{"uitbuiting", "fier"},
		{"seksueel misbruik", "csg"},
		{"politie bellen", "politie"},
		{"112 bellen", "alarm112"},
		{"bedreigd", "alarm112"},
		{"docent", "ckm"},
		{"asiel", "ind"},
		{"cijfers", "comensha"}, // seed 002: "zie voor recente cijfers de website van CoMensha"
		{"bnrm", "nationaal-rapporteur"},
		{"national rapporteur", "nationaal-rapporteur"},
		// Places: every province has a zorgcoördinator.
		{"friesland", "zorgcoordinator"},
		{"Fryslân", "zorgcoordinator"},
		{"Noord-Holland", "zorgcoordinator"},
		{"noord brabant", "zorgcoordinator"},
		{"limburg", "zorgcoordinator"},
		{"gelderland", "zorgcoordinator"},
		{"utrecht", "zorgcoordinator"},
		{"zeeland", "zorgcoordinator"},
		{"amsterdam", "acm"},
		{"rotterdam", "humanitas"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			hits := x.Find("nl", tc.query, understand.DefaultLimit)
			if len(hits) == 0 {
				t.Fatalf("Find(%q) = nothing, want %s first", tc.query, tc.want)
			}
			if got := hits[0].Contact.ID; got != tc.want {
				t.Errorf("Find(%q) first = %s, want %s (all: %s)", tc.query, got, tc.want, ids(hits))
			}
			if len(hits) > understand.DefaultLimit {
				t.Errorf("Find(%q) = %d hits, want at most %d", tc.query, len(hits), understand.DefaultLimit)
			}
		})
	}
}

func ids(hits []understand.Hit) string {
	var s []string
	for _, h := range hits {
		s = append(s, h.Contact.ID)
	}
	return strings.Join(s, ",")
}

// TestNoMatch: text that names no help finds nothing.
func TestNoMatch(t *testing.T) {
	x := shipped(t)
	for _, q := range []string{"hallo", "ik weet het niet", "asdfghjkl", "😊", "?!", strings.Repeat("x", 5000), "the and of", "ik ben bang", "dank je", "expat"} {
		t.Run(q[:min(len(q), 20)], func(t *testing.T) {
			if hits := x.Find("nl", q, understand.DefaultLimit); len(hits) > 0 {
				t.Errorf("Find(%q) = %s, want nothing", q, ids(hits))
			}
		})
	}
}

func TestTokens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Zorgcoördinator", "zorgcoordinator"},
		{"naaktfoto's", "naaktfotos"},
		{"naaktfotos", "naaktfotos"},
		{"m'n vriend", "mn vriend"},
		{"Noord-Holland!", "noord holland"},
		{"  FRYSLÂN  ", "fryslan"},
		{"0800-2000", "0800 2000"},
		{"1000", "1000"},
		{"Ĳssel Straße", "ijssel strasse"},
		{"heeeeelp!!!", "heelp"},
		{"ik ben 15jaar", "ik ben 15 jaar"},
		{"p&g292", "p g 292"},
		// Three letters in a row are kept as two, "www" too; the
		// stopwords are read the same way, so it is still left out.
		{"www.veiligthuis.nl", "ww veiligthuis nl"},
	} {
		if got := strings.Join(understand.Tokens(tc.in), " "); got != tc.want {
			t.Errorf("understand.Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTypo(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"tuis", "thuis", true},
		{"keerpnut", "keerpunt", true},
		{"keerpunt", "keerpunt", false},
		{"loverbooy", "loverboy", true},
		{"fier", "vier", true},
		{"abcd", "badc", false},
		{"thuis", "tuin", false},
		{"zorg", "zorgen", false},
	} {
		if got := understand.Typo(tc.a, tc.b); got != tc.want {
			t.Errorf("typo(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestFindSmallContent: the index works without search.yaml, without
// categories and without understand.yaml, as on the test content.
func TestFindSmallContent(t *testing.T) {
	c, err := content.Load(osDirFS("../content/testdata/good"))
	if err != nil {
		t.Fatal(err)
	}
	x := understand.New(c, nil)
	if hits := x.Find("nl", "helpline", 3); len(hits) == 0 || hits[0].Contact.ID != "help" {
		t.Errorf("Find(helpline) = %s, want help", ids(hits))
	}
	if m := x.Understand("nl", "helpline"); m.Intent != nil || len(m.Named) != 1 || m.Named[0].ID != "help" {
		t.Errorf("Understand(helpline) = %+v, want no intent and Helpline named", m)
	}
}

func BenchmarkFind(b *testing.B) {
	x := shipped(b)
	queries := []string{"baas houdt paspoort vast", "veilig tuis", "ik weet het niet wat ik moet doen met mijn vriendje", "keerpun"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Find("nl", queries[i%len(queries)], understand.DefaultLimit)
	}
}

func osDirFS(dir string) fs.FS { return os.DirFS(dir) }
