package telegram

import (
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"signaal/bot"
	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/syncbuf"
	"signaal/store"
	"signaal/understand"
)

// The people of the tests. Their ids and names are chosen so that they
// cannot turn up in a log by chance: the logs are searched for them.
var (
	alice = tgtest.User{ID: 987650001, FirstName: "Alice", Username: "alice_secret_name", LanguageCode: "nl"}
	bob   = tgtest.User{ID: 987650002, FirstName: "Bob", Username: "bob_secret_name", LanguageCode: "nl"}
	carol = tgtest.User{ID: 987650003, FirstName: "Carol", Username: "carol_secret_name", LanguageCode: "en-GB"}
	group = tgtest.Chat{ID: -987650100, Type: "supergroup", Title: "Klas 3b"}
)

type mode string

const (
	polling mode = "polling"
	hooking mode = "webhook"
)

var modes = []mode{polling, hooking}

// recorder wraps the dispatcher and remembers what it was given.
type recorder struct {
	h  bot.Handler
	mu sync.Mutex
	in []bot.Update
	// seen, when set, is called as each update comes to the dispatcher,
	// on the handling lane's worker: a test looks at the queues there, at
	// the moments they change, rather than every so often.
	seen func(bot.Update)
}

func (r *recorder) Handle(ctx context.Context, u bot.Update) (bot.Outcome, error) {
	r.mu.Lock()
	r.in = append(r.in, u)
	seen := r.seen
	r.mu.Unlock()
	if seen != nil {
		seen(u)
	}
	return r.h.Handle(ctx, u)
}

// watch has f called as each update comes to the dispatcher.
func (r *recorder) watch(f func(bot.Update)) {
	r.mu.Lock()
	r.seen = f
	r.mu.Unlock()
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.in)
}

// harness is a bot running against a fake Bot API, with the real engine,
// dispatcher and memory store behind it.
type harness struct {
	t    *testing.T
	srv  *tgtest.Server
	bot  *Bot
	c    *content.Content
	rec  *recorder
	logs *syncbuf.Buffer
	// clock is the bot's: waits for limits, retry_after and back-off are
	// over at once, and recorded. Tests of the real limits run on the
	// machine's clock instead (realLimits).
	clock *skipClock

	cancel context.CancelFunc
	done   chan error
	said   []string // texts the test users typed, which must not be logged
}

type option func(*Bot)

// shipped is the embedded content and its understand.yaml.
type shipped struct {
	c *content.Content
	u *understand.Understanding
}

// defaultContent loads the embedded content once for all tests.
var defaultContent = sync.OnceValues(func() (shipped, error) {
	c, u, err := understand.Default()
	return shipped{c, u}, err
})

func testContent(t *testing.T) *content.Content {
	t.Helper()
	l, err := defaultContent()
	if err != nil {
		t.Fatalf("understand.Default() = %v", err)
	}
	return l.c
}

// start runs a bot in mode m against a new fake server, on a clock on
// which every wait is over at once. Limits are raised so that the tests
// run fast; tests of the limits set their own.
func start(t *testing.T, m mode, c *content.Content, opts ...option) *harness {
	t.Helper()
	srv := tgtest.New(t)
	eng, err := flows.New(c)
	if err != nil {
		t.Fatalf("flows.New() = %v", err)
	}
	mem := store.NewMemory(0)
	t.Cleanup(func() { _ = mem.Close() })
	logs := &syncbuf.Buffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	rec := &recorder{h: &bot.Dispatcher{Engine: eng, Sessions: mem, Keys: store.NewKeyer(nil), Log: log}}
	clock := newSkipClock()
	b := &Bot{
		Clock:          clock.clock(),
		Token:          tgtest.Token,
		Endpoint:       srv.Endpoint(),
		Handler:        rec,
		Content:        c,
		Triage:         eng,
		Log:            log,
		LongPoll:       time.Second,
		Rate:           1000,
		Burst:          1000,
		ChatRate:       1000,
		ChatBurst:      1000,
		Backoff:        10 * time.Millisecond,
		MaxBackoff:     100 * time.Millisecond,
		RequestTimeout: 5 * time.Second,
		DrainTimeout:   5 * time.Second,
	}
	if m == hooking {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		b.Listener = ln
		b.WebhookURL = "http://" + ln.Addr().String() + "/tg/hook"
	}
	for _, o := range opts {
		o(b)
	}
	// Prepared here rather than in Run's goroutine, so that the test may
	// look at the queues without a data race.
	if err := b.init(); err != nil {
		t.Fatalf("init() = %v", err)
	}
	h := &harness{t: t, srv: srv, bot: b, c: c, rec: rec, logs: logs, clock: clock, done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- b.Run(ctx) }()
	t.Cleanup(h.stop)
	srv.Await(t, 5*time.Second, "the bot to start", func() bool {
		if m == hooking {
			u, _ := srv.Webhook()
			return u != ""
		}
		return len(srv.Calls("getUpdates")) > 0
	})
	return h
}

// stop stops the bot, checks that Run returned nil, and that nothing
// personal was logged.
func (h *harness) stop() {
	h.t.Helper()
	h.cancel()
	// A Run that never returns fails the test by go test's -timeout, with
	// every goroutine's stack.
	err := <-h.done
	if err != nil {
		h.t.Errorf("Run() = %v, want nil after the context ended", err)
	}
	h.done <- err // a second stop sees it too
	h.checkLogs()
}

func (h *harness) checkLogs() {
	h.t.Helper()
	// Compared in lower case: a proxy may change the case of what it
	// echoes.
	logs := strings.ToLower(h.logs.String())
	_, tokenSecret, _ := strings.Cut(tgtest.Token, ":")
	secret := []string{tgtest.Token, tokenSecret, url.PathEscape(tgtest.Token), "AAtest-token"}
	if h.bot.WebhookSecret != "" {
		secret = append(secret, h.bot.WebhookSecret)
	}
	for _, u := range []tgtest.User{alice, bob, carol} {
		secret = append(secret, strconv.FormatInt(u.ID, 10), u.Username, u.FirstName)
	}
	secret = append(secret, strconv.FormatInt(group.ID, 10), strings.TrimPrefix(strconv.FormatInt(group.ID, 10), "-"), group.Title)
	// Every chat the fake API saw, those of the load tests too.
	for _, id := range h.srv.ChatIDs() {
		secret = append(secret, strings.TrimPrefix(strconv.FormatInt(id, 10), "-"))
	}
	for _, s := range h.said {
		if len(s) > 3 && !strings.HasPrefix(s, "/") {
			secret = append(secret, s)
		}
	}
	for _, s := range secret {
		if strings.Contains(logs, strings.ToLower(s)) {
			h.t.Errorf("logs contain %q, which must never be logged:\n%s", s, h.logs.String())
			return
		}
	}
}

// withSessions puts wrap around the harness's session store.
func withSessions(wrap func(bot.Sessions) bot.Sessions) option {
	return func(b *Bot) {
		d := b.Handler.(*recorder).h.(*bot.Dispatcher)
		d.Sessions = wrap(d.Sessions)
	}
}

// testEngine is an engine on the shipped content, as the harness uses.
func testEngine(t *testing.T) *flows.Engine {
	t.Helper()
	eng, err := flows.New(testContent(t))
	if err != nil {
		t.Fatalf("flows.New() = %v", err)
	}
	return eng
}

// understanding is the shipped content's engine reading typed messages,
// as signaalbot serve runs it; built once.
var understanding = sync.OnceValues(func() (*flows.Engine, error) {
	l, err := defaultContent()
	if err != nil {
		return nil, err
	}
	// Without the models trained on content/data/messages: the channel's
	// tests need the rules that read danger now ("hij staat voor de deur,
	// help"), not what the models add, which package understand tests;
	// training them takes seconds, many under -race.
	spec := *l.u
	spec.Messages = nil
	return flows.New(l.c, flows.WithUnderstander(understand.New(l.c, &spec)))
})

// withUnderstanding gives the dispatcher, and the channel's triage, the
// engine that reads typed messages for their meaning, danger included.
func withUnderstanding(t *testing.T) option {
	eng, err := understanding()
	if err != nil {
		t.Fatalf("understanding engine: %v", err)
	}
	return func(b *Bot) {
		b.Handler.(*recorder).h.(*bot.Dispatcher).Engine = eng
		b.Triage = eng
	}
}

// logLines decodes the JSON log lines.
func (h *harness) logLines() []map[string]any {
	h.t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(h.logs.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			h.t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// linesAt returns the log lines at level or above.
func (h *harness) linesAt(level slog.Level) []map[string]any {
	var out []map[string]any
	for _, m := range h.logLines() {
		var l slog.Level
		if s, _ := m["level"].(string); l.UnmarshalText([]byte(s)) == nil && l >= level {
			out = append(out, m)
		}
	}
	return out
}

// settle waits until every update is acknowledged and every job done.
func (h *harness) settle() {
	h.t.Helper()
	quiet := 0
	h.srv.Await(h.t, 10*time.Second, "the bot to settle", func() bool {
		if h.srv.Pending() == 0 && h.bot.handling.Len() == 0 && h.bot.sending.Len() == 0 && h.bot.inline.Len() == 0 {
			quiet++
		} else {
			quiet = 0
		}
		return quiet >= 3
	})
}

func (h *harness) text(u tgtest.User, text string) int {
	h.said = append(h.said, text)
	id := h.srv.SendText(tgtest.PrivateChat(u), u, text)
	h.settle()
	return id
}

func (h *harness) press(u tgtest.User, id int, data string) string {
	q := h.srv.Press(tgtest.PrivateChat(u), u, id, data)
	h.settle()
	if !h.srv.Answered(q) {
		h.t.Errorf("callback query for %q on message %d was not answered", data, id)
	}
	return q
}

// question is the newest message of u's chat with buttons.
func (h *harness) question(u tgtest.User) tgtest.Message {
	h.t.Helper()
	msgs := h.srv.BotMessages(u.ID)
	for i := len(msgs) - 1; i >= 0; i-- {
		if len(msgs[i].Buttons) > 0 {
			return msgs[i]
		}
	}
	h.t.Fatalf("no question with buttons in the chat; messages: %+v", msgs)
	return tgtest.Message{}
}

func (h *harness) txt(key string) string { return h.c.Text(content.DefaultLang, key) }

func buttons(m tgtest.Message) []tgtest.Button {
	var out []tgtest.Button
	for _, row := range m.Buttons {
		out = append(out, row...)
	}
	return out
}

func hasButton(m tgtest.Message, data string) (tgtest.Button, bool) {
	for _, b := range buttons(m) {
		if b.Data == data {
			return b, true
		}
	}
	return tgtest.Button{}, false
}

// choose picks the option of q whose data is in prefer, or else the first
// option of the content.
func (h *harness) choose(q tgtest.Message, prefer map[string]bool) tgtest.Button {
	h.t.Helper()
	for _, b := range buttons(q) {
		if prefer[b.Data] {
			return b
		}
	}
	for _, b := range buttons(q) {
		if !strings.HasPrefix(b.Data, "!") {
			return b
		}
	}
	h.t.Fatalf("question %q has no content option: %+v", q.Text, q.Buttons)
	return tgtest.Button{}
}

// walk answers questions until an ending (a question offering to start
// again): at each it presses the option whose data is in prefer, or else
// the first option of the content. It checks that every pressed question
// is edited to show the answer without buttons, and returns the ending.
// The path follows what the bot sends, so it holds while the content
// grows.
func (h *harness) walk(u tgtest.User, prefer map[string]bool) (ending tgtest.Message, path []string) {
	h.t.Helper()
	for range 40 {
		q := h.question(u)
		if _, ok := hasButton(q, flows.DataRestart); ok {
			return q, path
		}
		pick := h.choose(q, prefer)
		path = append(path, pick.Data)
		h.press(u, q.ID, pick.Data)
		edited := h.message(u, q.ID)
		if want := q.Text + "\n\n→ " + pick.Text; edited.Text != want || len(edited.Buttons) != 0 {
			h.t.Fatalf("after pressing %q, question = %q with %d button rows, want %q without buttons", pick.Data, edited.Text, len(edited.Buttons), want)
		}
	}
	h.t.Fatalf("no ending after 40 questions; path %v", path)
	return tgtest.Message{}, nil
}

func (h *harness) message(u tgtest.User, id int) tgtest.Message {
	h.t.Helper()
	for _, m := range h.srv.Messages(u.ID) {
		if m.ID == id {
			return m
		}
	}
	h.t.Fatalf("message %d not in the chat", id)
	return tgtest.Message{}
}

// hasCard reports whether text holds the card of any contact.
func hasCard(c *content.Content, text string) bool {
	for _, ct := range c.Contacts {
		if strings.Contains(text, c.Card(content.DefaultLang, ct)) {
			return true
		}
	}
	return false
}

func goodContent(t *testing.T) *content.Content {
	t.Helper()
	c, err := content.Load(os.DirFS("../../content/testdata/good"))
	if err != nil {
		t.Fatalf("content.Load(testdata/good) = %v", err)
	}
	return c
}
