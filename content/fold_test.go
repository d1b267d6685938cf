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
	} {
		if got := NormaliseLabel(tc.in); got != tc.want {
			t.Errorf("NormaliseLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
