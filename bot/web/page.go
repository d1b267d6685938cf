package web

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"path"
	"slices"
	"strings"

	"signaal/content"
	"signaal/flows"
)

// The page is plain HTML, CSS and JavaScript, embedded in the binary: no
// build step, no framework, nothing fetched from anywhere but this
// server. The HTML is a template, filled once per language at start with
// the content's words and the welcome, so that a request for the page
// only picks one.
//
//go:embed static
var static embed.FS

// assets are the page's files besides the HTML, by name, with their type.
var assets = map[string]string{
	"app.js":   "text/javascript; charset=utf-8",
	"app.css":  "text/css; charset=utf-8",
	"icon.svg": "image/svg+xml",
}

var pageTemplate = template.Must(template.ParseFS(static, "static/index.html"))

// pageData fills the template in one language.
type pageData struct {
	Lang   string
	T      map[string]string // the page's words, by the short names of texts
	Safety string            // shown without JavaScript: 112 and the main helplines
	Config pageConfig
}

// pageConfig is what the script is given, as JSON in the page: every
// language's words, welcome and safety card, so that it can follow the
// language of the conversation, and show help when the server cannot be
// reached, without asking anything.
type pageConfig struct {
	Lang  string   `json:"lang"`
	Langs []string `json:"langs"`
	// API is where the API is, relative to the page, so that the chat
	// works under any path a proxy gives it.
	API     string                       `json:"api"`
	Exit    string                       `json:"exit"`
	Texts   map[string]map[string]string `json:"texts"`
	Welcome map[string][]reply           `json:"welcome"`
	Safety  map[string]reply             `json:"safety"`
	Links   []link                       `json:"links"`
}

// link is a number or an address of a contact as the replies write it,
// and what the page makes of it: a phone number one can tap, a website.
// The page links exactly these, so that it never guesses at what looks
// like a number.
type link struct {
	Text string `json:"text"`
	Href string `json:"href"`
}

// texts are the words of the page in lang, by the names the template and
// the script use.
func (s *Server) texts(lang string) map[string]string {
	c := s.Content
	return map[string]string{
		"title":    c.Text(lang, keyTitle),
		"about":    c.Text(lang, keyAbout),
		"exitHint": c.Text(lang, keyExitHint),
		"input":    c.Text(lang, keyInput),
		"send":     c.Text(lang, keySend),
		"you":      c.Text(lang, keyYou),
		"bot":      c.Text(lang, keyBot),
		"log":      c.Text(lang, keyLog),
		"answers":  c.Text(lang, keyAnswers),
		"noscript": c.Text(lang, keyNoScript),
		"exit":     c.Text(lang, content.KeyOptExit),
		"restart":  c.Text(lang, content.KeyOptRestart),
		"reset":    c.Text(lang, content.KeyReset),
	}
}

// buildPages fills the template once for every language of the content.
func (s *Server) buildPages() error {
	c := s.Content
	for _, lang := range c.Langs {
		for _, key := range Keys {
			if _, ok := c.Texts[lang][key]; !ok {
				return fmt.Errorf("web: the content has no text %q in %s (load it with content.Options{Keys: web.Keys}, and lint says so)", key, lang)
			}
		}
	}
	cfg := pageConfig{
		Langs:   c.Langs,
		API:     "api/v1/",
		Exit:    s.exitURL,
		Texts:   map[string]map[string]string{},
		Welcome: map[string][]reply{},
		Safety:  map[string]reply{},
		Links:   links(c),
	}
	for _, lang := range c.Langs {
		cfg.Texts[lang] = s.texts(lang)
		cfg.Welcome[lang] = replies(s.Engine.Welcome(lang))
		cfg.Safety[lang] = toReply(s.Engine.SafetyCard(lang))
	}
	s.pages = map[string][]byte{}
	for _, lang := range c.Langs {
		cfg.Lang = lang
		var b bytes.Buffer
		err := pageTemplate.Execute(&b, pageData{Lang: lang, T: cfg.Texts[lang], Safety: cfg.Safety[lang].Text, Config: cfg})
		if err != nil {
			return fmt.Errorf("web: page in %s: %w", lang, err)
		}
		s.pages[lang] = b.Bytes()
	}
	return nil
}

// links lists the numbers and addresses of every contact, longest first,
// so that the page links a whole address before a part of it.
func links(c *content.Content) []link {
	seen := map[string]bool{}
	var out []link
	add := func(text, href string) {
		if text != "" && !seen[text] {
			seen[text] = true
			out = append(out, link{Text: text, Href: href})
		}
	}
	for _, id := range c.ContactOrder {
		ct := c.Contacts[id]
		if ct.Phone != "" {
			add(ct.Phone, "tel:"+strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, ct.Phone))
		}
		for _, web := range []string{ct.Web, ct.Chat} {
			if web != "" {
				href := web
				if !strings.HasPrefix(strings.ToLower(href), "https://") {
					href = "https://" + href
				}
				add(web, href)
			}
		}
		if ct.Email != "" {
			add(ct.Email, "mailto:"+ct.Email)
		}
	}
	slices.SortStableFunc(out, func(a, b link) int { return len(b.Text) - len(a.Text) })
	return out
}

// page serves the page in the language asked for with ?lang=, else the
// browser's (Accept-Language) when the content has it, else the default.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.fail(w, r, errMethod("GET, HEAD"))
		return
	}
	lang := s.pageLang(r)
	h := w.Header()
	h.Set("Content-Security-Policy", s.csp)
	if !strings.Contains(s.csp, "frame-ancestors 'none'") {
		// Partner sites may frame the page; X-Frame-Options cannot say
		// which, and frame-ancestors wins wherever both are known. A
		// partner whose pages require it (Cross-Origin-Embedder-Policy)
		// can only frame a page that allows it.
		h.Del("X-Frame-Options")
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Vary", "Accept-Language")
	h.Set("Content-Language", lang)
	_, _ = w.Write(s.pages[lang])
}

func (s *Server) pageLang(r *http.Request) string {
	if l := primary(r.URL.Query().Get("lang")); s.Content.HasLang(l) {
		return l
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, q, _ := strings.Cut(part, ";")
		if strings.TrimSpace(q) == "q=0" {
			continue
		}
		if l := primary(tag); s.Content.HasLang(l) {
			return l
		}
	}
	return content.DefaultLang
}

// primary is the language of a tag: "en" of "en-GB".
func primary(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return tag
}

// asset serves one of the page's files.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.fail(w, r, errMethod("GET, HEAD"))
		return
	}
	name := path.Base(r.URL.Path)
	b, err := static.ReadFile("static/" + name)
	if err != nil {
		s.fail(w, r, errNotFound)
		return
	}
	w.Header().Set("Content-Type", cmp.Or(assets[name], "application/octet-stream"))
	_, _ = w.Write(b)
}

// reply is a flows.Reply as the API writes it: options always a list.
type reply struct {
	Text    string         `json:"text"`
	Options []flows.Option `json:"options"`
}

func toReply(r flows.Reply) reply {
	opts := r.Options
	if opts == nil {
		opts = []flows.Option{}
	}
	return reply{Text: r.Text, Options: opts}
}

// replies converts the engine's replies, which are shared and must not be
// changed, into the API's.
func replies(rs []flows.Reply) []reply {
	out := make([]reply, len(rs))
	for i, r := range rs {
		out[i] = toReply(r)
	}
	return out
}
