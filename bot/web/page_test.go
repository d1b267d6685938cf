package web

import (
	"context"
	"encoding/json"
	"html"
	"log/slog"
	"math"
	"net/http/httptest"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"signaal/bot"
	"signaal/content"
	"signaal/internal/syncbuf"
)

func prefixes(t testing.TB, ss ...string) []netip.Prefix {
	t.Helper()
	var out []netip.Prefix
	for _, s := range ss {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// TestPage: the page is served in the language asked for, else the
// browser's when the content has it, with every word from the content
// and the welcome ready to show.
func TestPage(t *testing.T) {
	h := newHarness(t, func(s *Server) { s.ExitURL = "https://weer.example.nl/" })
	c := h.srv.Content
	tests := []struct {
		name, query, accept, want string
	}{
		{"browser in English", "", "en-GB,en;q=0.9,nl;q=0.8", "en"},
		{"browser in Dutch", "", "nl-NL,nl;q=0.9", "nl"},
		{"browser in German, then English", "", "de-DE, en;q=0.5", "en"},
		{"browser in German only", "", "de-DE,de;q=0.9", "nl"},
		{"English refused", "", "en;q=0, nl;q=0.1", "nl"},
		{"asked for in the address", "?lang=en", "nl", "en"},
		{"asked for a language the content lacks", "?lang=pl", "en", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.do(request{method: "GET", path: "/" + tt.query, header: map[string]string{"Accept-Language": tt.accept}})
			checkHeaders(t, "the page", r)
			if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
				t.Fatalf("GET / = %d %s", r.code, r.header.Get("Content-Type"))
			}
			if !strings.Contains(r.body, `<html lang="`+tt.want+`">`) {
				t.Errorf("GET /%s with Accept-Language %q is not in %s", tt.query, tt.accept, tt.want)
			}
			for _, key := range []string{keyTitle, keyAbout, keyInput, keySend, content.KeyOptExit} {
				if text := html.EscapeString(c.Text(tt.want, key)); !strings.Contains(r.body, text) {
					t.Errorf("the page in %s lacks %s %q", tt.want, key, text)
				}
			}
			cfg := pageConfigOf(t, r.body)
			if cfg.Lang != tt.want || cfg.Exit != "https://weer.example.nl/" || len(cfg.Welcome[tt.want]) == 0 || !strings.Contains(cfg.Safety[tt.want].Text, "112") {
				t.Errorf("the page's configuration = %+v, want lang %s, the exit, the welcome and the safety card", cfg, tt.want)
			}
		})
	}
}

// pageConfigOf reads the configuration the page gives its script.
func pageConfigOf(t *testing.T, page string) pageConfig {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script id="config" type="application/json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page has no configuration")
	}
	var cfg pageConfig
	if err := json.Unmarshal([]byte(m[1]), &cfg); err != nil {
		t.Fatalf("the page's configuration is not JSON: %v\n%s", err, m[1])
	}
	return cfg
}

// TestPageLoadsNothingElse: the page, its script and its style name no
// other site, so that the browser cannot ask one for anything: no font,
// no script, no analytics. (The browser test watches the requests too.)
func TestPageLoadsNothingElse(t *testing.T) {
	h := newHarness(t)
	url := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+|@import|url\(`)
	for _, name := range []string{"index.html", "app.js", "app.css"} {
		b, err := static.ReadFile("static/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if m := url.FindString(string(b)); m != "" {
			t.Errorf("static/%s names %q: the page loads nothing from anywhere else", name, m)
		}
	}
	// The configuration names other sites only as links to the contacts
	// and as the quick exit's page: places a person goes, by a tap.
	cfg := pageConfigOf(t, h.do(request{method: "GET", path: "/"}).body)
	for _, l := range cfg.Links {
		if !strings.HasPrefix(l.Href, "tel:") && !strings.HasPrefix(l.Href, "https://") && !strings.HasPrefix(l.Href, "mailto:") {
			t.Errorf("link %+v is no phone number, website or e-mail address", l)
		}
	}
}

// TestLinks: every number and address of the contacts is a link, the
// longest first, so that a longer address is not cut at a shorter one.
func TestLinks(t *testing.T) {
	eng, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	ls := links(eng.Content())
	byText := map[string]string{}
	for i, l := range ls {
		byText[l.Text] = l.Href
		if i > 0 && len(l.Text) > len(ls[i-1].Text) {
			t.Errorf("link %q comes after the shorter %q", l.Text, ls[i-1].Text)
		}
	}
	for text, want := range map[string]string{
		"112":                 "tel:112",
		"0800-2000":           "tel:08002000",
		"033 44 81 186":       "tel:0334481186",
		"www.chatmetfier.nl":  "https://www.chatmetfier.nl",
		"info@fierfryslan.nl": "mailto:info@fierfryslan.nl",
	} {
		if byText[text] != want {
			t.Errorf("link of %q = %q, want %q", text, byText[text], want)
		}
	}
}

// TestContrast: the colours of app.css meet WCAG 2.1 AA: 4.5:1 for text,
// 3:1 for the edges of controls and the focus ring.
func TestContrast(t *testing.T) {
	css, err := static.ReadFile("static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"white": "#ffffff"}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-f]{6});`).FindAllStringSubmatch(string(css), -1) {
		vars[m[1]] = m[2]
	}
	tests := []struct {
		what     string
		fg, bg   string
		minRatio float64
	}{
		{"text", "ink", "paper", 4.5},
		{"bot messages", "ink", "tint", 4.5},
		{"the line under the bar", "muted", "tint", 4.5},
		{"the placeholder", "muted", "paper", 4.5},
		{"the person's messages", "white", "brand", 4.5},
		{"links and the name", "brand", "tint", 4.5},
		{"answer buttons", "brand", "paper", 4.5},
		{"answer buttons under the pointer", "brand", "brand-tint", 4.5},
		{"the 112 button", "exit", "paper", 4.5},
		{"the quick exit", "white", "exit", 4.5},
		{"the send button", "white", "brand", 4.5},
		{"the text field's edge", "field", "paper", 3},
		{"the focus ring", "focus", "paper", 3},
		{"the focus ring by the bar", "focus", "tint", 3},
	}
	for _, tt := range tests {
		fg, bg := vars[tt.fg], vars[tt.bg]
		if fg == "" || bg == "" {
			t.Fatalf("app.css has no --%s or --%s", tt.fg, tt.bg)
		}
		if r := contrast(fg, bg); r < tt.minRatio {
			t.Errorf("%s: %s on %s has contrast %.2f, want at least %.1f", tt.what, fg, bg, r, tt.minRatio)
		}
	}
}

// contrast is the WCAG contrast ratio of two colours #rrggbb.
func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		var c [3]float64
		for i := range c {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			s := float64(v) / 255
			if s <= 0.03928 {
				c[i] = s / 12.92
			} else {
				c[i] = math.Pow((s+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestTokens(t *testing.T) {
	tk := newTokens([]byte("secret-one-0123456789abcdef"))
	seen := map[string]bool{}
	chats := map[int64]bool{}
	for range 100 {
		token, chat := tk.mint()
		if len(token) != tokenLen || seen[token] || chats[chat] {
			t.Fatalf("mint() = %q, %d: want a new token of %d characters and a new chat", token, chat, tokenLen)
		}
		seen[token], chats[chat] = true, true
		if got, ok := tk.check(token); !ok || got != chat {
			t.Errorf("check(mint()) = %d, %v; want %d, true", got, ok, chat)
		}
		if strings.Contains(token, strconv.FormatInt(chat, 10)) {
			t.Errorf("token %q holds its chat id", token)
		}
	}
	other := newTokens([]byte("secret-two-0123456789abcdef"))
	token, _ := tk.mint()
	for _, bad := range []string{"", "abc", token + "A", strings.Repeat("A", tokenLen), token[:tokenLen-1] + "=", strings.ToUpper(token)} {
		if _, ok := tk.check(bad); ok && bad != token {
			t.Errorf("check(%q) = ok, want refused", bad)
		}
	}
	if _, ok := other.check(token); ok {
		t.Error("a token checks under another secret")
	}
}

func TestClientAddr(t *testing.T) {
	trusted := prefixes(t, "10.0.0.0/8", "::1/128")
	tests := []struct {
		name, peer, xff, want string
	}{
		{"direct", "203.0.113.9:4000", "", "203.0.113.9"},
		{"direct, forwarded-for ignored", "203.0.113.9:4000", "198.51.100.1", "203.0.113.9"},
		{"behind a proxy", "10.1.2.3:4000", "198.51.100.1", "198.51.100.1"},
		{"behind two proxies", "10.1.2.3:4000", "198.51.100.1, 10.9.9.9", "198.51.100.1"},
		{"a forged hop left of the client", "10.1.2.3:4000", "1.2.3.4, 198.51.100.1", "198.51.100.1"},
		{"garbage from the client", "10.1.2.3:4000", "nonsense, 198.51.100.1", "198.51.100.1"},
		{"garbage from the proxy", "10.1.2.3:4000", "nonsense", "10.1.2.3"},
		{"only proxies", "10.1.2.3:4000", "10.4.4.4", "10.4.4.4"},
		{"IPv6 proxy", "[::1]:4000", "2001:db8::7", "2001:db8::7"},
		{"IPv4 in IPv6", "[::ffff:203.0.113.9]:4000", "", "203.0.113.9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.peer
			if tt.xff != "" {
				r.Header.Set("X-Forwarded-For", tt.xff)
			}
			if got := clientAddr(r, trusted); got.String() != tt.want {
				t.Errorf("clientAddr(%s, X-Forwarded-For %q) = %s, want %s", tt.peer, tt.xff, got, tt.want)
			}
		})
	}
	// One household's IPv6 addresses count as one.
	a, b := netip.MustParseAddr("2001:db8:1:2::1"), netip.MustParseAddr("2001:db8:1:2:aaaa::9")
	if string(addressKey(a)) != string(addressKey(b)) {
		t.Error("two addresses of one /64 count apart")
	}
	if string(addressKey(a)) == string(addressKey(netip.MustParseAddr("2001:db8:1:3::1"))) {
		t.Error("two /64s count as one")
	}
}

// TestErrorLogHasNoAddresses: what net/http logs of a connection names
// the client's address; it is written without it.
func TestErrorLogHasNoAddresses(t *testing.T) {
	var buf syncbuf.Buffer
	l := newErrorLog(slog.New(slog.NewTextHandler(&buf, nil)))
	l.Printf("http: TLS handshake error from 203.0.113.9:51234: EOF")
	l.Printf("http: panic serving [2001:db8::1]:443: boom")
	l.Printf("http: Accept error: accept tcp [::]:8080: too many open files; retrying in 5ms")
	got := buf.String()
	for _, addr := range []string{"203.0.113.9", "2001:db8::1", "51234"} {
		if strings.Contains(got, addr) {
			t.Errorf("the server's log holds %q:\n%s", addr, got)
		}
	}
	if !strings.Contains(got, "TLS handshake error") || !strings.Contains(got, "too many open files") {
		t.Errorf("the server's log lost what happened:\n%s", got)
	}
}

func TestProvision(t *testing.T) {
	eng, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		s    *Server
		want string
	}{
		{"no handler", &Server{Engine: eng, Content: eng.Content()}, "required"},
		{"plain http exit", &Server{Handler: nopHandler{}, Engine: eng, Content: eng.Content(), ExitURL: "http://weer.example.nl/"}, "must be https"},
		{"relative exit", &Server{Handler: nopHandler{}, Engine: eng, Content: eng.Content(), ExitURL: "/weer"}, "not an absolute URL"},
		{"a path as a partner", &Server{Handler: nopHandler{}, Engine: eng, Content: eng.Content(), FrameAncestors: []string{"https://fier.nl/chat"}}, "not an origin"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.s.Provision(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Provision() = %v, want an error saying %q", err, tt.want)
			}
		})
	}
	// Content without the page's words is refused with the key named.
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	bare := *c
	bare.Texts = map[string]map[string]string{}
	for lang, texts := range c.Texts {
		bare.Texts[lang] = map[string]string{}
		for k, v := range texts {
			if k != keySend {
				bare.Texts[lang][k] = v
			}
		}
	}
	s := &Server{Handler: nopHandler{}, Engine: eng, Content: &bare}
	if err := s.Provision(); err == nil || !strings.Contains(err.Error(), keySend) {
		t.Errorf("Provision() without %s = %v, want it named", keySend, err)
	}
}

// nopHandler is a dispatcher that answers nothing, for servers that are
// never asked anything.
type nopHandler struct{}

func (nopHandler) Handle(context.Context, bot.Update) (bot.Outcome, error) { return bot.Outcome{}, nil }
