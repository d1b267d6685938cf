package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/syncbuf"
	"signaal/store"
	"signaal/understand"
)

// shipped is the engine wired as the shipped bot is, but for the models
// trained on content/data/messages: the web chat's tests need the rules
// and examples that read typed messages, not what the models add, which
// package understand tests; training them takes seconds, many under
// -race. An engine holds no conversation, so every test shares it.
var shipped = sync.OnceValues(func() (*flows.Engine, error) {
	c, u, err := understand.DefaultWith(content.Options{Keys: Keys})
	if err != nil {
		return nil, err
	}
	u.Messages = nil
	return flows.New(c, flows.WithUnderstander(understand.New(c, u)))
})

// clock is a clock a test moves by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// recorder is the channel's Metrics, remembering what it was told.
type recorder struct {
	mu        sync.Mutex
	received  map[string]int
	refused   map[string]int
	replied   int
	receiving bool
}

func (r *recorder) Received(kind string) { r.mu.Lock(); r.received[kind]++; r.mu.Unlock() }
func (r *recorder) Replied(n int)        { r.mu.Lock(); r.replied += n; r.mu.Unlock() }
func (r *recorder) Refused(why string)   { r.mu.Lock(); r.refused[why]++; r.mu.Unlock() }
func (r *recorder) Receiving(ok bool)    { r.mu.Lock(); r.receiving = ok; r.mu.Unlock() }

func (r *recorder) refusals(why string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.refused[why]
}

// harness is a web channel on the shipped engine, with sessions in
// memory and a clock of its own.
type harness struct {
	t       testing.TB
	srv     *Server
	mem     *store.Memory
	d       *bot.Dispatcher
	clock   *clock
	metrics *recorder
	log     *syncbuf.Buffer
}

func newHarness(t testing.TB, configure ...func(*Server)) *harness {
	t.Helper()
	eng, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, mem: store.NewMemory(0), clock: newClock(), log: &syncbuf.Buffer{},
		metrics: &recorder{received: map[string]int{}, refused: map[string]int{}}}
	t.Cleanup(func() { h.mem.Close() })
	logger := slog.New(slog.NewTextHandler(h.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h.d = &bot.Dispatcher{Engine: eng, Sessions: h.mem, Keys: store.NewKeyer([]byte("web-test-secret-0123456789abcdef")), Now: h.clock.Now, Log: logger}
	h.srv = &Server{
		Handler: h.d,
		Engine:  eng,
		Content: eng.Content(),
		Log:     logger,
		Metrics: h.metrics,
		Secret:  []byte("web-test-token-secret-0123456789"),
		Now:     h.clock.Now,
	}
	for _, f := range configure {
		f(h.srv)
	}
	if err := h.srv.Provision(); err != nil {
		t.Fatal(err)
	}
	return h
}

// response is an answer of the server, its body decoded.
type response struct {
	code   int
	header http.Header
	body   string
	answer struct {
		Token    string  `json:"token"`
		Lang     string  `json:"lang"`
		Replies  []reply `json:"replies"`
		Refused  bool    `json:"refused"`
		Forget   bool    `json:"forget"`
		KeepLine bool    `json:"keep_line"`
		Degraded bool    `json:"degraded"`
		Error    string  `json:"error"`
		Message  string  `json:"message"`
	}
}

// request is one request to the server: from addr (host:port), with a
// token when it is not empty, and a body that is JSON unless it is a
// string or nil.
type request struct {
	method, path string
	body         any
	token        string
	addr         string
	header       map[string]string
}

func (h *harness) do(req request) *response {
	h.t.Helper()
	var body io.Reader = http.NoBody
	switch b := req.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		body = bytes.NewReader(raw)
	}
	r := httptest.NewRequestWithContext(context.Background(), req.method, req.path, body)
	r.RemoteAddr = "192.0.2.10:40000"
	if req.addr != "" {
		r.RemoteAddr = req.addr
	}
	if req.body != nil {
		if _, raw := req.body.(string); !raw {
			r.Header.Set("Content-Type", "application/json")
		}
	}
	if req.token != "" {
		r.Header.Set("Authorization", "Bearer "+req.token)
	}
	for k, v := range req.header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.srv.ServeHTTP(w, r)
	resp := &response{code: w.Code, header: w.Header(), body: w.Body.String()}
	if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(w.Body.Bytes(), &resp.answer); err != nil {
			h.t.Fatalf("%s %s: answer %q is not JSON: %v", req.method, req.path, w.Body.String(), err)
		}
	}
	return resp
}

// start begins a conversation and returns its token and first answer.
func (h *harness) start(body any) (string, *response) {
	h.t.Helper()
	r := h.do(request{method: "POST", path: "/api/v1/conversations", body: body})
	if r.code != http.StatusCreated || r.answer.Token == "" {
		h.t.Fatalf("POST /api/v1/conversations = %d %s, want 201 with a token", r.code, r.body)
	}
	return r.answer.Token, r
}

// press sends an option of the conversation and expects it handled.
func (h *harness) press(token, option string) *response {
	h.t.Helper()
	r := h.do(request{method: "POST", path: "/api/v1/messages", token: token, body: map[string]string{"option": option}})
	if r.code != http.StatusOK {
		h.t.Fatalf("press %s = %d %s, want 200", option, r.code, r.body)
	}
	return r
}

// session is what the store keeps of the conversation of token.
func (h *harness) session(token string) store.Record {
	h.t.Helper()
	chat, ok := h.srv.tokens.check(token)
	if !ok {
		h.t.Fatalf("token %q is not one of ours", token)
	}
	rec, err := h.mem.Load(context.Background(), h.d.Keys.Key(Platform, chat))
	if err != nil {
		h.t.Fatal(err)
	}
	return rec
}

// options lists the ids of the options of the last reply that has any.
func options(rs []reply) []string {
	var ids []string
	for _, r := range rs {
		if len(r.Options) > 0 {
			ids = ids[:0]
			for _, o := range r.Options {
				ids = append(ids, o.Data)
			}
		}
	}
	return ids
}

func texts(rs []reply) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// pathToReferral is a young person's way to the help for sexual
// exploitation (bot/console/testdata/transcripts/jong-sexual.txt), whose
// ending shows Chat met Fier and Veilig Thuis.
var pathToReferral = []string{
	"start/welcome/ok", "start/safe/yes", "start/danger/no", "start/who/me", "jong/intro/go",
	"jong/age/under18", "jong/topic/sexual", "jong/sexual/yes", "jong/sexual-info/go", "jong/danger/no", "jong/home/no",
}
