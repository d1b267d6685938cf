package content

import "testing"

// TestNormaliseLabel: case, spacing, accents and a phone's curly quotes
// fold the same way everywhere a label or an exit word is compared.
func TestNormaliseLabel(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Snel weg", "snel weg"},
		{"  SNEL   WEG ", "snel weg"},
		{"Oké, beginnen", "oke, beginnen"},
		{"Zeg ik liever niet", "zeg ik liever niet"},
		{"Ça va", "ca va"},
		{"Straße", "strasse"},
		{"Dat’s goed", "dat's goed"},
		{"Zorgcoördinator", "zorgcoordinator"},
		// The letters of Polish, Romanian and Hungarian, as labour
		// migrants type them: "főnök" is "fonok" whichever way.
		{"Chcę wyjść, łóżko", "chce wyjsc, lozko"},
		{"Vreau să ies, ți-am spus, şi", "vreau sa ies, ti-am spus, si"},
		{"A főnök elvette, fűtés", "a fonok elvette, futes"},
	} {
		if got := NormaliseLabel(tc.in); got != tc.want {
			t.Errorf("NormaliseLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"hallo", 10, "hallo"},
		{"hallo", 3, "hal"},
		{"héé", 2, "h"}, // é is two bytes: not split
		{"héé", 3, "hé"},
	} {
		if got := Cut(tc.in, tc.n); got != tc.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
