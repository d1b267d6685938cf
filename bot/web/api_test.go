package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"signaal/flows"
)

// checkHeaders checks the security headers every answer carries, and
// that an error shows no stack trace.
func checkHeaders(t *testing.T, what string, r *response) {
	t.Helper()
	for name, want := range map[string]string{
		"Cache-Control":          "no-store",
		"Referrer-Policy":        "no-referrer",
		"X-Content-Type-Options": "nosniff",
	} {
		if got := r.header.Get(name); got != want {
			t.Errorf("%s: %s = %q, want %q", what, name, got, want)
		}
	}
	csp := r.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors ") {
		t.Errorf("%s: Content-Security-Policy = %q, want default-src 'none' and frame-ancestors", what, csp)
	}
	if r.header.Get("Set-Cookie") != "" {
		t.Errorf("%s sets a cookie: %q", what, r.header.Get("Set-Cookie"))
	}
	if r.code >= 400 {
		if r.answer.Error == "" || r.answer.Message == "" {
			t.Errorf("%s = %d %q, want a JSON error", what, r.code, r.body)
		}
		if strings.Contains(r.body, "goroutine") || strings.Contains(r.body, ".go:") {
			t.Errorf("%s = %d %q, a stack trace", what, r.code, r.body)
		}
	}
}

// TestPathToReferral walks a young person's way from the first press to
// the help that fits, as the page does: the conversation begins with the
// first answer, every question offers 112 and the quick exit, and the
// ending shows the contacts with their numbers.
func TestPathToReferral(t *testing.T) {
	h := newHarness(t)
	if n := h.mem.Len(); n != 0 {
		t.Fatalf("%d sessions before anything happened", n)
	}
	token, r := h.start(map[string]string{"lang": "nl-NL"})
	checkHeaders(t, "start", r)
	if r.answer.Lang != "nl" || !slices.Contains(options(r.answer.Replies), "start/welcome/ok") {
		t.Fatalf("start = %s, want the Dutch welcome", r.body)
	}
	for i, option := range pathToReferral {
		h.clock.Add(3 * time.Second) // a person reads before pressing
		r = h.press(token, option)
		checkHeaders(t, option, r)
		if r.answer.Refused || r.answer.Forget || r.answer.Degraded {
			t.Fatalf("press %s = %s, want the next question", option, r.body)
		}
		opts := options(r.answer.Replies)
		if !slices.Contains(opts, flows.DataSOS) || !slices.Contains(opts, flows.DataExit) {
			t.Errorf("after %s the options are %q, want 112 and the quick exit among them", option, opts)
		}
		if i+1 < len(pathToReferral) && !slices.Contains(opts, pathToReferral[i+1]) {
			t.Fatalf("after %s the options are %q, want %s", option, opts, pathToReferral[i+1])
		}
	}
	end := texts(r.answer.Replies)
	for _, want := range []string{"Chat met Fier", "www.chatmetfier.nl", "Veilig Thuis", "0800-2000"} {
		if !strings.Contains(end, want) {
			t.Errorf("the ending does not name %q:\n%s", want, end)
		}
	}
	if rec := h.session(token); rec.Session.Flow != "jong" || rec.Session.Signal("topic") != "sexual" {
		t.Errorf("stored session = %+v, want the jong flow with topic=sexual", rec.Session)
	}
	if h.mem.Len() != 1 {
		t.Errorf("%d sessions stored, want 1", h.mem.Len())
	}
	if got := h.metrics.received["button"]; got != len(pathToReferral) {
		t.Errorf("Received(button) told %d times, want %d", got, len(pathToReferral))
	}
	if h.metrics.received["command"] != 1 || h.metrics.replied < len(pathToReferral) {
		t.Errorf("metrics = %+v, want the start as a command and the replies counted", h.metrics)
	}
}

// TestStaleAndForgedOptions: an option of an earlier question, or one
// the engine never offered, is answered with the current question; an
// id that cannot be one is a bad request.
func TestStaleAndForgedOptions(t *testing.T) {
	h := newHarness(t)
	token, _ := h.start(nil)
	h.press(token, "start/welcome/ok")
	h.press(token, "start/safe/yes")
	stale := h.srv.Content.Text("nl", "sys.stale")
	tests := []struct {
		name, option string
		code         int
		refused      bool
	}{
		{"an earlier question's", "start/welcome/ok", 200, true},
		{"a question not reached", "jong/home/no", 200, true},
		{"an option that does not exist", "start/danger/maybe", 200, true},
		{"a forged go-on", "!go:forged/nothing", 200, true},
		{"markup", "<script>alert(1)</script>", 200, true},
		{"with a space", "start/danger no", 400, false},
		{"a control character", "start/danger/\x00", 400, false},
		{"too long", strings.Repeat("a", 129), 400, false},
		{"not ASCII", "start/danger/née", 400, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.do(request{method: "POST", path: "/api/v1/messages", token: token, body: map[string]string{"option": tt.option}})
			checkHeaders(t, tt.name, r)
			if r.code != tt.code || r.answer.Refused != tt.refused {
				t.Fatalf("option %q = %d %s, want %d refused=%v", tt.option, r.code, r.body, tt.code, tt.refused)
			}
			if tt.code == 200 {
				if !strings.Contains(texts(r.answer.Replies), strings.TrimSuffix(stale, ":")) && !strings.Contains(r.body, "start/danger/no") {
					t.Errorf("option %q = %s, want the current question again", tt.option, r.body)
				}
				if rec := h.session(token); rec.Session.State != "danger" {
					t.Errorf("after option %q the conversation is at %s, want still at danger", tt.option, rec.Session.State)
				}
			}
		})
	}
}

// TestBadRequests: whatever arrives that the page never sends gets a 4xx
// with a JSON error, the security headers, and no stack trace.
func TestBadRequests(t *testing.T) {
	h := newHarness(t)
	token, _ := h.start(nil)
	msg := "/api/v1/messages"
	tests := []struct {
		name string
		req  request
		code int
		err  string
	}{
		{"unknown path", request{method: "GET", path: "/api/v2/messages"}, 404, "not_found"},
		{"unknown file", request{method: "GET", path: "/secret.txt"}, 404, "not_found"},
		{"messages by GET", request{method: "GET", path: msg, token: token}, 405, "method"},
		{"conversations by PUT", request{method: "PUT", path: "/api/v1/conversations"}, 405, "method"},
		{"exit by POST", request{method: "POST", path: "/api/v1/conversation", token: token}, 405, "method"},
		{"page by POST", request{method: "POST", path: "/"}, 405, "method"},
		{"not JSON", request{method: "POST", path: msg, token: token, body: `option=start`, header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}, 415, "media_type"},
		{"no content type", request{method: "POST", path: msg, token: token, body: `{"text":"hoi"}`}, 415, "media_type"},
		{"malformed JSON", request{method: "POST", path: msg, token: token, body: `{"text": "hoi"`, header: map[string]string{"Content-Type": "application/json"}}, 400, "bad_request"},
		{"an array", request{method: "POST", path: msg, token: token, body: `["hoi"]`, header: map[string]string{"Content-Type": "application/json"}}, 400, "bad_request"},
		{"two objects", request{method: "POST", path: msg, token: token, body: `{"text":"hoi"}{"text":"hoi"}`, header: map[string]string{"Content-Type": "application/json"}}, 400, "bad_request"},
		{"unknown field", request{method: "POST", path: msg, token: token, body: map[string]string{"text": "hoi", "chat_id": "1"}}, 400, "bad_request"},
		{"text not a string", request{method: "POST", path: msg, token: token, body: map[string]int{"text": 1}}, 400, "bad_request"},
		{"empty body", request{method: "POST", path: msg, token: token, body: "", header: map[string]string{"Content-Type": "application/json"}}, 400, "bad_request"},
		{"neither option nor text", request{method: "POST", path: msg, token: token, body: map[string]string{"lang": "nl"}}, 400, "bad_request"},
		{"option and text", request{method: "POST", path: msg, token: token, body: map[string]string{"option": "start/safe/yes", "text": "ja"}}, 400, "bad_request"},
		{"empty text", request{method: "POST", path: msg, token: token, body: map[string]string{"text": "   "}}, 400, "bad_request"},
		{"odd language", request{method: "POST", path: msg, token: token, body: map[string]string{"text": "hoi", "lang": "nl; DROP"}}, 400, "bad_request"},
		{"long id", request{method: "POST", path: msg, token: token, body: map[string]string{"text": "hoi", "id": strings.Repeat("9", 65)}}, 400, "bad_request"},
		{"text too long", request{method: "POST", path: msg, token: token, body: map[string]string{"text": strings.Repeat("a", MaxText+1)}}, 413, "too_large"},
		{"body too large", request{method: "POST", path: msg, token: token, body: map[string]string{"text": "hoi", "lang": strings.Repeat(" ", MaxBody)}}, 413, "too_large"},
		{"start with a large body", request{method: "POST", path: "/api/v1/conversations", body: strings.Repeat("{", MaxBody+1), header: map[string]string{"Content-Type": "application/json"}}, 413, "too_large"},
		{"start with malformed JSON", request{method: "POST", path: "/api/v1/conversations", body: `{"lang":`, header: map[string]string{"Content-Type": "application/json"}}, 400, "bad_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := h.metrics.refusals(tt.err)
			r := h.do(tt.req)
			checkHeaders(t, tt.name, r)
			if r.code != tt.code || r.answer.Error != tt.err {
				t.Errorf("%s %s = %d %s, want %d %s", tt.req.method, tt.req.path, r.code, r.body, tt.code, tt.err)
			}
			if tt.code == 405 && r.header.Get("Allow") == "" {
				t.Errorf("%s %s = 405 without Allow", tt.req.method, tt.req.path)
			}
			if h.metrics.refusals(tt.err) != before+1 {
				t.Errorf("Refused(%s) not told", tt.err)
			}
		})
	}
	// None of it moved the conversation.
	if rec := h.session(token); rec.Session.State != "welcome" {
		t.Errorf("after bad requests the conversation is at %s, want still at the welcome", rec.Session.State)
	}
}

// TestUnknownTokens: a conversation is named only by a token this server
// (or one with its secret) handed out.
func TestUnknownTokens(t *testing.T) {
	h := newHarness(t)
	token, _ := h.start(nil)
	other := newHarness(t, func(s *Server) { s.Secret = []byte("another-secret-altogether-98765") })
	foreign, _ := other.start(nil)
	twin := newHarness(t) // the same secret: another instance of one deployment
	shared, _ := twin.start(nil)
	flip := []byte(token)
	flip[10] ^= 'A' ^ 'B'
	if flip[10] == token[10] {
		flip[10] = 'x'
	}
	tests := []struct {
		name, auth string
		code       int
		err        string
	}{
		{"none", "", 401, "no_token"},
		{"another scheme", "Basic " + token, 401, "no_token"},
		{"bearer without a token", "Bearer ", 401, "no_token"},
		{"made up", "Bearer " + strings.Repeat("A", tokenLen), 401, "unknown_token"},
		{"too short", "Bearer abc", 401, "unknown_token"},
		{"one character changed", "Bearer " + string(flip), 401, "unknown_token"},
		{"another deployment's", "Bearer " + foreign, 401, "unknown_token"},
		{"an instance with the same secret", "Bearer " + shared, 200, ""},
		{"our own", "Bearer " + token, 200, ""},
		{"our own, scheme in lower case", "bearer " + token, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, req := range []request{
				{method: "POST", path: "/api/v1/messages", body: map[string]string{"option": "start/welcome/ok"}, header: map[string]string{"Authorization": tt.auth}},
				{method: "DELETE", path: "/api/v1/conversation", header: map[string]string{"Authorization": tt.auth}},
			} {
				r := h.do(req)
				checkHeaders(t, tt.name, r)
				if r.code != tt.code || r.answer.Error != tt.err {
					t.Errorf("%s with %s = %d %s, want %d %s", req.method, tt.name, r.code, r.body, tt.code, tt.err)
				}
				if r.code == 401 && r.header.Get("WWW-Authenticate") != "Bearer" {
					t.Errorf("%s with %s: 401 without WWW-Authenticate: Bearer", req.method, tt.name)
				}
			}
		})
	}
}

// TestSecurityHeaders: the page, its files and every answer of the API,
// errors included, carry the headers; the page may be framed by the
// partner sites configured, and by nobody else.
func TestSecurityHeaders(t *testing.T) {
	tests := []struct {
		name      string
		ancestors []string
		want      string // frame-ancestors of the page
		deny      bool   // X-Frame-Options: DENY on the page
	}{
		{"no partners", nil, "frame-ancestors 'none'", true},
		{"two partners", []string{"https://www.fier.nl", "https://*.comensha.nl/"}, "frame-ancestors https://www.fier.nl https://*.comensha.nl", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(s *Server) { s.FrameAncestors = tt.ancestors })
			token, _ := h.start(nil)
			page := h.do(request{method: "GET", path: "/"})
			checkHeaders(t, "the page", page)
			csp := page.header.Get("Content-Security-Policy")
			for _, want := range []string{tt.want, "script-src 'self'", "connect-src 'self'", "require-trusted-types-for 'script'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("the page's Content-Security-Policy = %q, want %q in it", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-") || strings.Contains(csp, "*;") {
				t.Errorf("the page's Content-Security-Policy = %q allows too much", csp)
			}
			if got := page.header.Get("X-Frame-Options"); (got == "DENY") != tt.deny {
				t.Errorf("the page's X-Frame-Options = %q, want DENY %v", got, tt.deny)
			}
			for _, req := range []request{
				{method: "GET", path: "/app.js"},
				{method: "GET", path: "/app.css"},
				{method: "GET", path: "/icon.svg"},
				{method: "POST", path: "/api/v1/conversations"},
				{method: "POST", path: "/api/v1/messages", token: token, body: map[string]string{"option": "start/welcome/ok"}},
				{method: "POST", path: "/api/v1/messages", body: map[string]string{"text": "hoi"}},
				{method: "DELETE", path: "/api/v1/conversation", token: token},
				{method: "GET", path: "/nothing"},
			} {
				r := h.do(req)
				checkHeaders(t, req.method+" "+req.path, r)
				if csp := r.header.Get("Content-Security-Policy"); csp != apiCSP {
					t.Errorf("%s %s: Content-Security-Policy = %q, want %q", req.method, req.path, csp, apiCSP)
				}
				if r.header.Get("X-Frame-Options") != "DENY" {
					t.Errorf("%s %s: X-Frame-Options = %q, want DENY", req.method, req.path, r.header.Get("X-Frame-Options"))
				}
			}
		})
	}
	for _, bad := range [][]string{{"http://www.fier.nl"}, {"https://www.fier.nl/chat"}, {"fier.nl"}, {"https://a.nl; script-src *"}, {"https://user@a.nl"}} {
		if _, err := frameAncestors(bad); err == nil {
			t.Errorf("frameAncestors(%q) = nil error, want the origin refused", bad)
		}
	}
}

// TestQuickExit: "Snel weg" wipes the conversation on the server, as do
// the exit words typed and "Nee, iemand kan meekijken", which keeps its
// line; a later message on the token finds no conversation and starts
// again kindly.
func TestQuickExit(t *testing.T) {
	tests := []struct {
		name     string
		exit     func(h *harness, token string) *response
		keepLine bool
	}{
		{"the button", func(h *harness, token string) *response {
			return h.do(request{method: "DELETE", path: "/api/v1/conversation", token: token})
		}, false},
		{"typed", func(h *harness, token string) *response {
			return h.do(request{method: "POST", path: "/api/v1/messages", token: token, body: map[string]string{"text": "weg!"}})
		}, false},
		{"someone reads along", func(h *harness, token string) *response {
			return h.press(token, "start/safe/no")
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			token, _ := h.start(nil)
			h.press(token, "start/welcome/ok")
			r := tt.exit(h, token)
			checkHeaders(t, tt.name, r)
			if r.code != 200 || !r.answer.Forget || r.answer.KeepLine != tt.keepLine || len(r.answer.Replies) != 1 {
				t.Fatalf("quick exit = %d %s, want forget, keep_line %v and one line", r.code, r.body, tt.keepLine)
			}
			if h.mem.Len() != 0 {
				t.Errorf("%d sessions after the quick exit, want none", h.mem.Len())
			}
			// Asked again, the exit still answers, with nothing to wipe.
			if r := h.do(request{method: "DELETE", path: "/api/v1/conversation", token: token}); r.code != 200 || !r.answer.Forget {
				t.Errorf("second quick exit = %d %s, want 200 forget", r.code, r.body)
			}
			r = h.do(request{method: "POST", path: "/api/v1/messages", token: token, body: map[string]string{"option": "start/safe/yes"}})
			if r.code != 200 || !r.answer.Refused || !strings.Contains(texts(r.answer.Replies), h.srv.Content.Text("nl", "sys.reset")) {
				t.Errorf("a press after the exit = %d %s, want the conversation begun again with the reset line", r.code, r.body)
			}
		})
	}
}

// TestFirstMessageTyped: a conversation can begin with what the person
// types, as in a messenger, and danger is answered with 112 first.
func TestFirstMessageTyped(t *testing.T) {
	h := newHarness(t)
	_, r := h.start(map[string]string{"text": "hij staat voor de deur"})
	got := texts(r.answer.Replies)
	if i := strings.Index(got, "112"); i < 0 || i > 100 {
		t.Errorf("first message of danger = %q, want 112 in its first line", got)
	}
	if h.mem.Len() != 1 {
		t.Errorf("%d sessions after a first message, want its conversation", h.mem.Len())
	}
}

// TestLanguage: the conversation starts in the device's language when the
// content has it, else the default, and follows the language typed.
func TestLanguage(t *testing.T) {
	for _, tt := range []struct{ device, want string }{{"en-GB", "en"}, {"nl", "nl"}, {"de-DE", "nl"}, {"", "nl"}} {
		t.Run(tt.device, func(t *testing.T) {
			h := newHarness(t)
			_, r := h.start(map[string]string{"lang": tt.device})
			if r.answer.Lang != tt.want {
				t.Errorf("start in %q = lang %q, want %q", tt.device, r.answer.Lang, tt.want)
			}
			welcome := h.srv.Engine.Welcome(tt.want)[0].Text
			if r.answer.Replies[0].Text != welcome {
				t.Errorf("start in %q = %q, want the welcome in %s", tt.device, r.answer.Replies[0].Text, tt.want)
			}
		})
	}
	h := newHarness(t)
	token, _ := h.start(map[string]string{"lang": "nl"})
	r := h.do(request{method: "POST", path: "/api/v1/messages", token: token, body: map[string]string{"text": "english"}})
	if r.code != 200 || r.answer.Lang != "en" {
		t.Errorf("typing english = %d %s, want the conversation in en", r.code, r.body)
	}
}

// TestRetryIsRecognised: a message sent again with the same id, after an
// answer that got lost, is not handled twice.
func TestRetryIsRecognised(t *testing.T) {
	h := newHarness(t)
	token, _ := h.start(nil)
	send := func(id, option string) *response {
		return h.do(request{method: "POST", path: "/api/v1/messages", token: token, body: map[string]string{"id": id, "option": option}})
	}
	first := send("1", "start/welcome/ok")
	again := send("1", "start/welcome/ok")
	if again.code != 200 || again.answer.Refused || texts(again.answer.Replies) != texts(first.answer.Replies) {
		t.Errorf("the same message again = %s, want the same question as the first time: %s", again.body, first.body)
	}
	if rec := h.session(token); rec.Session.State != "safe" {
		t.Errorf("after a retry the conversation is at %s, want safe", rec.Session.State)
	}
}

// TestFloodProtection: a conversation sending faster than a person types
// is refused for a while, with the safety card; the quick exit and
// danger still pass; an address is limited as a whole, and a proxy's
// clients apart; the limits fill again as time passes.
func TestFloodProtection(t *testing.T) {
	lim := Limits{AddressRate: 1, AddressBurst: 6, StartRate: 1, StartBurst: 3, ChatRate: 1, ChatBurst: 2}
	trusted := []string{"127.0.0.1/32"}
	h := newHarness(t, func(s *Server) {
		s.Limits = lim
		s.TrustedProxies = prefixes(t, trusted...)
	})
	token, _ := h.start(nil) // address: 1 of 6, start: 1 of 3
	msg := func(body map[string]string, addr string) *response {
		return h.do(request{method: "POST", path: "/api/v1/messages", token: token, body: body, addr: addr})
	}
	hello := map[string]string{"text": "hallo"}
	for i := range 2 { // the conversation's burst; address: 3 of 6
		if r := msg(hello, ""); r.code != 200 {
			t.Fatalf("message %d = %d %s, want 200", i+1, r.code, r.body)
		}
	}
	r := msg(hello, "")
	checkHeaders(t, "flood", r)
	if r.code != http.StatusTooManyRequests || r.answer.Error != "flood" || r.header.Get("Retry-After") != "1" {
		t.Fatalf("third message at once = %d %s (Retry-After %q), want 429 flood after 1s", r.code, r.body, r.header.Get("Retry-After"))
	}
	if got := texts(r.answer.Replies); !strings.Contains(got, "112") {
		t.Errorf("the flood answer = %q, want the safety card with 112", got)
	}
	if h.metrics.refusals("flood") != 1 {
		t.Errorf("Refused(flood) told %d times, want 1", h.metrics.refusals("flood"))
	}
	// Danger passes the conversation's limit (address: 4 of 6).
	if r := msg(map[string]string{"text": "help hij staat voor de deur"}, ""); r.code != 200 || !strings.Contains(texts(r.answer.Replies), "112") {
		t.Errorf("danger in a flood = %d %s, want 200 with 112", r.code, r.body)
	}
	// Other people behind the same address count towards it; a proxy's
	// clients count apart (address: 5 and 6 of 6).
	other, _ := h.start(nil)
	if r := h.do(request{method: "POST", path: "/api/v1/messages", token: other, body: hello}); r.code != 200 {
		t.Errorf("another conversation from the address = %d %s, want 200", r.code, r.body)
	}
	if r := h.do(request{method: "POST", path: "/api/v1/messages", token: other, body: hello}); r.code != http.StatusTooManyRequests {
		t.Errorf("the address's seventh request = %d %s, want 429", r.code, r.body)
	}
	viaProxy := request{method: "POST", path: "/api/v1/messages", token: other, body: hello, addr: "127.0.0.1:5000", header: map[string]string{"X-Forwarded-For": "198.51.100.7"}}
	if r := h.do(viaProxy); r.code != 200 {
		t.Errorf("a client behind a trusted proxy = %d %s, want 200: it counts apart", r.code, r.body)
	}
	// The quick exit is never refused.
	if r := h.do(request{method: "DELETE", path: "/api/v1/conversation", token: token}); r.code != 200 || !r.answer.Forget {
		t.Errorf("quick exit in a flood = %d %s, want 200", r.code, r.body)
	}
	if r := msg(map[string]string{"text": "stop"}, ""); r.code != 200 || !r.answer.Forget {
		t.Errorf("a typed exit in a flood = %d %s, want 200", r.code, r.body)
	}
	// Starting conversations has a limit of its own (3 at once).
	for i := range 2 {
		if r := h.do(request{method: "POST", path: "/api/v1/conversations", addr: "203.0.113.5:1"}); r.code != 201 {
			t.Fatalf("start %d from a fresh address = %d %s, want 201", i+1, r.code, r.body)
		}
	}
	h.do(request{method: "POST", path: "/api/v1/conversations", addr: "203.0.113.5:1"})
	if r := h.do(request{method: "POST", path: "/api/v1/conversations", addr: "203.0.113.5:1"}); r.code != http.StatusTooManyRequests {
		t.Errorf("fourth start at once = %d %s, want 429", r.code, r.body)
	}
	// A second later there is room again.
	h.clock.Add(time.Second)
	if r := h.do(request{method: "POST", path: "/api/v1/messages", token: other, body: hello}); r.code != 200 {
		t.Errorf("a second later = %d %s, want 200", r.code, r.body)
	}
	// Buckets that have filled up are forgotten.
	h.clock.Add(time.Hour)
	h.srv.flood.allow(bucket{perAddress, []byte("tick")})
	if n := h.srv.flood.tracked(); n != 1 {
		t.Errorf("an hour later %d buckets are kept, want only the new one", n)
	}
}

// TestFloodTableBounded: past MaxTracked, new addresses are let through
// uncounted rather than refused.
func TestFloodTableBounded(t *testing.T) {
	c := newClock()
	f := newFlood(Limits{AddressRate: 1, AddressBurst: 1, MaxTracked: 3}.orDefault(), c.Now)
	for i := range 5 {
		if ok, _ := f.allow(bucket{perAddress, []byte{byte(i)}}); !ok {
			t.Errorf("address %d refused at its first request", i)
		}
	}
	if n := f.tracked(); n != 3 {
		t.Errorf("%d buckets kept, want 3", n)
	}
	if ok, retry := f.allow(bucket{perAddress, []byte{0}}); ok || retry != time.Second {
		t.Errorf("a counted address again = %v, retry %v; want refused for 1s", ok, retry)
	}
}
