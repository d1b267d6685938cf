package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"signaal/flows"
)

// webClient talks to the web chat of a running signaalbot, as a page or a
// gateway does.
type webClient struct {
	t    *testing.T
	base string // http://host:port
	// forwardedFor, when set, is sent as X-Forwarded-For: the client's
	// address as a reverse proxy in front would name it.
	forwardedFor string
}

// webAnswer is an answer of the API.
type webAnswer struct {
	Token   string `json:"token"`
	Lang    string `json:"lang"`
	Replies []struct {
		Text    string `json:"text"`
		Options []struct {
			ID    string `json:"id"`
			Label string `json:"label"`
		} `json:"options"`
	} `json:"replies"`
	Forget   bool   `json:"forget"`
	Degraded bool   `json:"degraded"`
	Error    string `json:"error"`
}

func (a webAnswer) options() []string {
	var ids []string
	for _, r := range a.Replies {
		if len(r.Options) > 0 {
			ids = ids[:0]
			for _, o := range r.Options {
				ids = append(ids, o.ID)
			}
		}
	}
	return ids
}

func (a webAnswer) text() string {
	var b strings.Builder
	for _, r := range a.Replies {
		b.WriteString(r.Text + "\n")
	}
	return b.String()
}

// do sends a request and decodes the answer; body is JSON unless it is a
// string.
func (c *webClient) do(method, path, token string, body any) (int, webAnswer) {
	c.t.Helper()
	var r io.Reader = http.NoBody
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	default:
		raw, _ := json.Marshal(b)
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if c.forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", c.forwardedFor)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var a webAnswer
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &a); err != nil {
		c.t.Fatalf("%s %s = %d %q: not JSON", method, path, resp.StatusCode, raw)
	}
	return resp.StatusCode, a
}

// start begins a conversation.
func (c *webClient) start(body any) (string, webAnswer) {
	c.t.Helper()
	code, a := c.do("POST", "/api/v1/conversations", "", body)
	if code != http.StatusCreated || a.Token == "" {
		c.t.Fatalf("start = %d %+v, want 201 with a token", code, a)
	}
	return a.Token, a
}

// send sends an option or a text of a conversation.
func (c *webClient) send(token string, msg map[string]string) (int, webAnswer) {
	c.t.Helper()
	return c.do("POST", "/api/v1/messages", token, msg)
}

// infoPath walks the info flow to its ending with contacts, as
// TestServeMetrics does on Telegram.
func infoPath(t *testing.T) []string {
	t.Helper()
	option, _ := infoEnding(t, "")
	return []string{"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/info", "info/menu/" + option}
}

// TestServeWebChat runs `signaalbot serve` with the web chat alone, no
// Telegram token: the page and the API answer, readiness names the web
// chat, a conversation to a referral and out by the quick exit moves the
// metrics with the web's channel label, and SIGTERM ends it with 0.
func TestServeWebChat(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	bot := startBinary(t, []string{"WEB_ADDR=" + addr, "LOG_LEVEL=debug"})
	bot.awaitReady()
	if code, body := bot.get("/readyz"); code != http.StatusOK || !strings.Contains(body, "web: ok") || strings.Contains(body, "telegram") {
		t.Errorf("GET /readyz = %d %q, want the web chat ready and no Telegram", code, body)
	}
	c := &webClient{t: t, base: "http://" + addr}

	resp, err := http.Get(c.base + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), `<html lang="nl">`) || resp.Header.Get("Cache-Control") != "no-store" ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("GET / = %d %v, want the Dutch page with its security headers", resp.StatusCode, resp.Header)
	}

	token, a := c.start(map[string]string{"lang": "nl"})
	path := infoPath(t)
	for _, option := range path {
		code, next := c.send(token, map[string]string{"option": option})
		if code != 200 || next.Degraded || next.Forget {
			t.Fatalf("press %s = %d %+v", option, code, next)
		}
		if !slices.Contains(next.options(), flows.DataSOS) {
			t.Errorf("after %s no 112 among %q", option, next.options())
		}
		a = next
	}
	if !slices.Contains(a.options(), flows.DataRestart) {
		t.Errorf("the last answer %q is no ending", a.text())
	}
	if code, out := c.do("DELETE", "/api/v1/conversation", token, nil); code != 200 || !out.Forget {
		t.Errorf("quick exit = %d %+v", code, out)
	}

	fams := bot.scrape()
	_, contacts := infoEnding(t, "")
	checks := []struct {
		name   string
		labels []string
		want   float64
	}{
		{"signaal_updates_received_total", []string{"channel", "web", "kind", "command"}, 1},
		{"signaal_updates_received_total", []string{"channel", "web", "kind", "button"}, float64(len(path) + 1)},
		{"signaal_sessions_started_total", []string{"channel", "web"}, 1},
		{"signaal_quick_exits_total", []string{"channel", "web"}, 1},
		{"signaal_update_handling_seconds", []string{"channel", "web"}, float64(len(path) + 2)},
		{"signaal_flows_entered_total", []string{"flow", "info"}, 1},
		{"signaal_referrals_total", []string{"contact", contacts[0]}, 1},
		{"signaal_receiving", []string{"channel", "web"}, 1},
		{"signaal_receiving", []string{"channel", "telegram"}, -1},
	}
	for _, c := range checks {
		if got := sample(fams, c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if got := sample(fams, "signaal_replies_sent_total", "channel", "web"); got < float64(len(path)) {
		t.Errorf("signaal_replies_sent_total{channel=web} = %v, want at least %d", got, len(path))
	}
	bot.stop()
	if logs := bot.out.String(); !strings.Contains(logs, "web chat listening") || !strings.Contains(logs, "web chat stopped") {
		t.Errorf("the log lacks the web chat's start and stop:\n%s", logs)
	}
}
