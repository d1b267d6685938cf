package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestPhoneProblem: every way contacts.yaml writes a number passes, and
// anything a phone in the Netherlands cannot dial as written does not.
func TestPhoneProblem(t *testing.T) {
	for _, tc := range []struct {
		phone string
		ok    bool
	}{
		{"112", true},
		{"0800-2000", true},
		{"0800 5151", true},
		{"0900-8844", true},
		{"0900 567 5678", true},
		{"0800-1234567", true},
		{"033 44 81 186", true},
		{"030 252 30 04", true},
		{"020 626 3800", true},
		{"0111 123456", true},
		{"06-12345678", true},
		{"088 123 4567", true},
		{"211", false},
		{"1", false},
		{"O8OO-2OOO", false},
		{"o800-2000", false},
		{"call me maybe", false},
		{"0800-20", false},
		{"0800 12345", false},
		{"0900-88441", false},
		{"020 123 456", false},
		{"020 123 45678", false},
		{"00800 1234", false},
		{"0031 206263", false},
		{"+31 20 626 3800", false},
		{"(020) 626 3800", false},
		{"020.626.3800", false},
		{"0800--2000", false},
		{" 0800-2000", false},
		{"0800-2000 ", false},
		{"", false},
	} {
		t.Run(tc.phone, func(t *testing.T) {
			if got := phoneProblem(tc.phone); (got == "") != tc.ok {
				t.Errorf("phoneProblem(%q) = %q, want ok %v", tc.phone, got, tc.ok)
			}
		})
	}
}

// TestWebPattern: https:// and a host, or the host alone as the seeds
// write it, with a path; no other scheme, no port, no user.
func TestWebPattern(t *testing.T) {
	for _, tc := range []struct {
		web string
		ok  bool
	}{
		{"www.veiligthuis.nl", true},
		{"www.keerpunt.chat", true},
		{"www.bureaujeugdzorg.info/Hoofdlocaties", true},
		{"https://www.comensha.nl/voor-professionals/zorgcoordinatoren", true},
		{"HTTPS://www.example.nl", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"http://www.example.nl", false},
		{"data:text/html,hello", false},
		{"ftp://www.example.nl", false},
		{"https://", false},
		{"https://localhost", false},
		{"//www.example.nl", false},
		{"www.example.nl:8080", false},
		{"user@www.example.nl", false},
		{"www.example.nl/a b", false},
		{"www.example.nl/<script>", false},
		{"example", false},
		{"", false},
	} {
		t.Run(tc.web, func(t *testing.T) {
			if got := webPattern.MatchString(tc.web); got != tc.ok {
				t.Errorf("webPattern.MatchString(%q) = %v, want %v", tc.web, got, tc.ok)
			}
		})
	}
}

// TestGlobalLabels: the quick exit's label in nl, laid over testdata/good,
// is refused when an ordinary answer, a number or another button's label
// would trigger it once typed, whatever the case, spaces, accents and
// punctuation around it; a
// label people do not type by chance passes, and so does the same label
// for the same button in another language.
func TestGlobalLabels(t *testing.T) {
	for _, tc := range []struct {
		label string
		want  string // a part of the one problem, or "" for none
	}{
		{"Snel weg", ""},
		{"Nu weg", ""},
		{"en sys.opt.exit", ""},
		{" ja ", "an ordinary answer"},
		{"NEE", "an ordinary answer"},
		{"OKÉ", "an ordinary answer"},
		{"Weet ik  niet", "an ordinary answer"},
		{"Ja!", "an ordinary answer"},
		{"Help.", "an ordinary answer"},
		{"1 2", "only a number"},
		{"112", "only a number"},
		{"nl 112", "the same label as text \"sys.opt.sos\""},
		{"EN GO", "the same label as text \"go\" in en"},
		{"nl sys.opt.back", "the same label as text \"sys.opt.back\" in nl"},
		{"   ", "is empty"},
	} {
		t.Run(tc.label, func(t *testing.T) {
			fsys := goodFS(t)
			nl := "texts/nl.yaml"
			fsys[nl] = &fstest.MapFile{Data: []byte(setKeys(t, string(fsys[nl].Data), `sys.opt.exit: "`+tc.label+`"`))}
			_, err := LoadWith(fsys, strict)
			var got string
			if err != nil {
				got = err.Error()
			}
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Load(exit %q) = %v, want no problems", tc.label, err)
			case tc.want != "" && !(strings.Contains(got, `texts/nl.yaml:2: text "sys.opt.exit"`) && strings.Contains(got, tc.want)):
				t.Errorf("Load(exit %q) = %v, want a problem at texts/nl.yaml:2 with %q", tc.label, err, tc.want)
			}
		})
	}
}
