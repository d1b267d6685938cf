package testmodels

import "testing"

// TestDir checks that the tests keep their models in the user's cache
// directory, apart from the bot's, and train every time without one.
func TestDir(t *testing.T) {
	for _, c := range []struct {
		name, xdg, home, want string
	}{
		{"XDG_CACHE_HOME", "/home/editor/.xdg-cache", "/home/editor", "/home/editor/.xdg-cache/signaal-tests"},
		{"home only", "", "/home/editor", "/home/editor/.cache/signaal-tests"},
		{"no home", "", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("XDG_CACHE_HOME", c.xdg)
			t.Setenv("HOME", c.home)
			if got := Dir(); got != c.want {
				t.Errorf("Dir() with XDG_CACHE_HOME=%q, HOME=%q = %q, want %q", c.xdg, c.home, got, c.want)
			}
		})
	}
}
