package loadsim

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"signaal/bot/telegram"
	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/flows"
)

const (
	// userBase is the first simulated user id; a private chat has the id
	// of its user.
	userBase int64 = 7_100_000_000
	hookURL        = "https://loadtest.invalid/telegram"
	// keep is how many messages of a chat the Bot API keeps: enough for
	// the question on screen, the one before it and their answers.
	keep = 16
)

// tgRun is the Telegram side of a run: the bot, the Bot API, and the
// people who post to the bot's webhook.
type tgRun struct {
	bot     *telegram.Bot
	api     *tgtest.Server
	hook    http.Handler
	secret  string
	users   []*simUser
	chats   []*simChat
	cancel  context.CancelFunc
	botDone chan error
}

// Telegram starts a run through the Telegram channel b, built as serve
// builds it: the run answers its Bot API calls in process with tgtest,
// serves its webhook to the people in process, lifts Telegram's limits
// out of the way and counts what its handler answers. ctx ends the run
// early; Wait ends it and stops the bot.
func Telegram(ctx context.Context, cfg Config, b *telegram.Bot) (*Run, error) {
	l := &Run{cfg: cfg, channel: telegram.Platform, count: &counter{h: b.Handler}, progress: make(chan struct{})}
	// The bot reaches the Bot API through its transport only, and the
	// people post to the webhook handler themselves: no network at all.
	opts := tgtest.Options{Messages: keep, NoCalls: true, InProcess: true}
	if cfg.Spike != nil {
		opts.Limits = tgtest.TelegramLimits()
		l.spike = &spikeRun{cfg: *cfg.Spike}
	}
	t := &tgRun{bot: b, api: tgtest.Start(opts)}
	l.tg = t
	chats := max(cfg.Chats, cfg.Users)
	exit := b.Content.Text(content.DefaultLang, content.KeyOptExit)
	t.users = make([]*simUser, cfg.Users)
	for i := range t.users {
		t.users[i] = &simUser{
			exit:   exit,
			sos:    sosLabel(b.Content),
			rng:    rand.New(rand.NewPCG(cfg.Seed, uint64(i))),
			answer: make(chan struct{}, 1),
			lat:    make([]time.Duration, 0, 64),
		}
	}
	t.chats = make([]*simChat, chats)
	for i := range t.chats {
		u := t.users[i%len(t.users)]
		id := userBase + int64(i)
		t.chats[i] = &simChat{user: u, from: tgtest.User{ID: id, FirstName: "Sim", LanguageCode: "nl"}, chat: tgtest.Chat{ID: id, Type: "private"}}
		u.chats = append(u.chats, t.chats[i])
	}

	// Every person has at most one update in flight. Up to 256 people,
	// as many workers as people keep any of them from waiting for one, as
	// a deployment sizes --workers for its own traffic; beyond that the
	// workers stay at 256, as a deployment's would, and people queue.
	l.workers = cfg.Workers
	if l.workers <= 0 {
		l.workers = min(max(16, cfg.Users), 256)
	}
	secret := make([]byte, 16)
	_, _ = crand.Read(secret)
	t.secret = hex.EncodeToString(secret)
	ready := make(chan struct{})
	b.Handler = l.count
	b.Token = tgtest.Token
	b.Endpoint = "http://bot-api.invalid/bot%s/%s"
	rt := &readyTransport{next: t.api.Transport(), ready: ready}
	if l.spike != nil {
		rt.deleting = l.spike.deleting
	}
	b.Client = &http.Client{Transport: rt}
	b.WebhookURL, b.Listener, b.WebhookSecret = hookURL, &idleListener{closed: make(chan struct{})}, t.secret
	b.Workers, b.SendWorkers, b.MaxQueued = l.workers, l.workers, max(4*l.workers, 2*cfg.Users)
	// Telegram's limits would hold the bot at 30 messages a second; the
	// peer sends without limits, so the bot does too, but in a spike,
	// which is about what those limits do.
	if cfg.Spike == nil {
		b.Rate, b.Burst, b.ChatRate, b.ChatBurst = 1e9, 1<<20, 1e9, 1<<20
	}
	if cfg.Backoff > 0 {
		b.Backoff = cfg.Backoff
	}
	b.Delivered = t.delivered

	botCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	t.cancel = cancel
	t.botDone = make(chan error, 1)
	go func() { t.botDone <- b.Run(botCtx) }()
	select {
	case <-ready:
	case err := <-t.botDone:
		t.close()
		return nil, fmt.Errorf("bot did not start: %w", err)
	case <-time.After(10 * time.Second):
		t.close()
		return nil, errors.New("bot did not register its webhook within 10s")
	}
	if n := cfg.FailEvery; n > 0 {
		// In turn a 502 and a 429, from the first call after the start.
		t.api.Inject(tgtest.Fault{Code: http.StatusTooManyRequests, RetryAfter: 1, Every: 2 * n})
		t.api.Inject(tgtest.Fault{Code: http.StatusBadGateway, Every: n})
	}
	t.hook = b.WebhookHandler()
	hook, _ := url.Parse(hookURL)
	people := make([]func(), len(t.users))
	for i, u := range t.users {
		u.prepare(ctx, hook, t.secret)
		people[i] = func() { u.run(l, t) }
		if l.spike != nil {
			people[i] = func() { l.spike.person(l, t, u, i) }
		}
	}
	if err := l.begin(ctx, people); err != nil {
		t.close()
		return nil, err
	}
	return l, nil
}

// readyTransport tells when the bot has set its webhook, and so is ready
// for updates, and, when deleting is set, of every deletion as the bot
// asks for it, with the chat's id.
type readyTransport struct {
	next     http.RoundTripper
	ready    chan struct{}
	once     sync.Once
	deleting func(chat int64)
}

func (t *readyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.deleting != nil && (strings.HasSuffix(req.URL.Path, "/deleteMessages") || strings.HasSuffix(req.URL.Path, "/deleteMessage")) && req.Body != nil {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		if f, err := url.ParseQuery(string(body)); err == nil {
			if chat, err := strconv.ParseInt(f.Get("chat_id"), 10, 64); err == nil {
				t.deleting(chat)
			}
		}
	}
	resp, err := t.next.RoundTrip(req)
	if err == nil && resp.StatusCode == http.StatusOK && strings.HasSuffix(req.URL.Path, "/setWebhook") {
		t.once.Do(func() { close(t.ready) })
	}
	return resp, err
}

// close stops the bot and the Bot API.
func (t *tgRun) close() {
	t.cancel()
	select {
	case <-t.botDone:
	case <-time.After(15 * time.Second):
	}
	t.api.Close()
}

// release lets go of what the people hold, so that the figures taken
// after it show what the bot holds.
func (t *tgRun) release() {
	for _, c := range t.chats {
		c.q, c.prev = nil, nil
	}
	for _, u := range t.users {
		u.lat, u.req, u.w.h, u.rng = nil, nil, nil, nil
		u.rd.Reset(nil)
	}
}

// delivered is the bot's word that an update's answer has been sent.
func (t *tgRun) delivered(chat int64) {
	i := chat - userBase
	if i < 0 || i >= int64(len(t.chats)) {
		return
	}
	select {
	case t.chats[i].user.answer <- struct{}{}:
	default:
	}
}

// simChat is one simulated person's private chat with the bot, and the
// questions with buttons on its screen: the last one and the one before.
type simChat struct {
	user    *simUser
	from    tgtest.User
	chat    tgtest.Chat
	q, prev *tgtest.Message
}

// simUser plays the people of its chats, one message at a time: it writes
// in one chat, waits for the whole answer, and goes on in the next. With
// as many chats as users, each plays one person.
type simUser struct {
	rng    *rand.Rand
	chats  []*simChat
	turn   int
	answer chan struct{} // the bot has sent its answer
	lat    []time.Duration
	exit   string // the quick exit's label in Dutch, typed, as the reply keyboard of older chats sends it
	sos    string // and the 112 button's

	// The webhook request, made once and reused: one update at a time.
	rd    bytes.Reader
	req   *http.Request
	w     nullWriter
	timer *time.Timer
}

func (u *simUser) prepare(ctx context.Context, hook *url.URL, secret string) {
	u.req = (&http.Request{
		Method: http.MethodPost,
		URL:    hook,
		Header: http.Header{
			"Content-Type":                    {"application/json"},
			"X-Telegram-Bot-Api-Secret-Token": {secret},
		},
		Body: io.NopCloser(&u.rd),
	}).WithContext(ctx)
	u.w.h = http.Header{}
	u.timer = time.NewTimer(time.Hour)
	u.timer.Stop()
}

// run talks until the run stops: an input, then the whole answer, in each
// chat in turn.
func (u *simUser) run(l *Run, t *tgRun) {
	defer func() { l.addLatencies(u.lat) }()
	for !l.stop.Load() {
		// A person's next message reaches a bot from the network, behind
		// the work already waiting, and not straight from the goroutine
		// that delivered the answer: without this yield the scheduler
		// runs that goroutine next, and a few people chase each other
		// through a processor while the rest wait (p99 above 100 ms with
		// the median under 1 ms).
		runtime.Gosched()
		c := u.chats[u.turn%len(u.chats)]
		u.turn++
		body, exit := u.next(t.api, c)
		if _, _, refused := u.deliver(l, t, c, body, AnswerWait); refused {
			l.check()
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if exit {
			c.q, c.prev = nil, nil
		} else {
			c.read(t.api)
		}
		l.check()
	}
}

// deliver hands body to the webhook for chat c and waits up to wait for
// its whole answer. It counts the update as refused, answered or lost, and
// returns how long the answer took and whether it reached the chat.
func (u *simUser) deliver(l *Run, t *tgRun, c *simChat, body []byte, wait time.Duration) (d time.Duration, ok, refused bool) {
	before := t.api.BotWrites(c.chat.ID)
	u.rd.Reset(body)
	clear(u.w.h)
	u.w.code = 0
	t0 := time.Now()
	t.hook.ServeHTTP(&u.w, u.req)
	if u.w.code != 0 && u.w.code != http.StatusOK {
		l.refused.Add(1)
		return 0, false, true
	}
	l.updates.Add(1)
	u.timer.Reset(wait)
	select {
	case <-u.answer:
		u.timer.Stop()
		d = time.Since(t0)
		u.lat = append(u.lat, d)
		if t.api.BotWrites(c.chat.ID) > before {
			l.answered.Add(1)
			return d, true, false
		}
	case <-u.timer.C:
	}
	l.lost.Add(1)
	return 0, false, false
}

// read takes a new question with buttons the bot sent, if any: it is the
// question on screen, and the one it follows is the one before. A person
// remembers a question as it was sent: a button of the one before is
// pressed as a person presses it on a screen that has not caught up with
// an edit. A question the bot deleted is gone from the screen.
func (c *simChat) read(api *tgtest.Server) {
	msgs := api.Messages(c.chat.ID)
	var next *tgtest.Message
	for i := len(msgs) - 1; i >= 0; i-- {
		m := &msgs[i]
		switch {
		case m.Deleted:
			if c.q != nil && m.ID == c.q.ID {
				c.q = nil
			}
			if c.prev != nil && m.ID == c.prev.ID {
				c.prev = nil
			}
		case next == nil && m.FromBot && len(m.Buttons) > 0 && m.Edits == 0 && (c.q == nil || m.ID > c.q.ID):
			next = m
		}
	}
	if next != nil {
		c.q, c.prev = next, c.q
	}
	if c.q == nil {
		c.q, c.prev = c.prev, nil
	}
}

// freeText is what people type that is no option: questions the engine
// answers with contact search, and words it does not know.
var freeText = []string{"ik weet het niet", "hallo?", "wat bedoel je", "keerpunt", "ik zoek hulp bij uitbuiting", "politie", "veilig thuis", "mijn baas houdt mijn paspoort"}

// next makes the next update of chat c, chosen at random the way people
// use the bot: mostly an option of the question on screen, sometimes
// typed, a step back, an old button, a question about a contact, 112, or
// the quick exit. It reports whether it is a quick exit.
func (u *simUser) next(api *tgtest.Server, c *simChat) (body []byte, exit bool) {
	q, prev := c.q, c.prev
	r := u.rng.IntN(100)
	switch {
	case q == nil:
		return u.text(api, c, "/start"), false
	case r < 68:
		return u.press(api, c, q, u.pick(q)), false
	case r < 76:
		if b, ok := option(q, u.pick(q)); ok && u.rng.IntN(2) == 0 {
			return u.text(api, c, b.Text), false // an option typed rather than pressed
		}
		return u.text(api, c, freeText[u.rng.IntN(len(freeText))]), false
	case r < 81:
		if i := index(q, flows.DataBack); i >= 0 && u.rng.IntN(2) == 0 {
			return u.press(api, c, q, i), false
		}
		return u.text(api, c, "/terug"), false
	case r < 86:
		if prev == nil {
			prev = q
		}
		return u.press(api, c, prev, u.pick(prev)), false // a button of an older message
	case r < 91:
		if u.rng.IntN(3) == 0 {
			return u.text(api, c, "/contact"), false
		}
		return u.text(api, c, freeText[3+u.rng.IntN(len(freeText)-3)]), false
	case r < 94:
		return u.press(api, c, q, index(q, flows.DataSOS)), false
	case r < 96:
		return u.text(api, c, "/help"), false
	default:
		switch u.rng.IntN(4) {
		case 0:
			return u.text(api, c, "/stop"), true
		case 1:
			return u.text(api, c, u.exit), true // typed, as the reply keyboard of older chats sends it
		default:
			return u.press(api, c, q, index(q, flows.DataExit)), true
		}
	}
}

// option returns the i-th button of m, counted over its rows.
func option(m *tgtest.Message, i int) (tgtest.Button, bool) {
	if i < 0 {
		return tgtest.Button{}, false
	}
	for _, row := range m.Buttons {
		if i < len(row) {
			return row[i], true
		}
		i -= len(row)
	}
	return tgtest.Button{}, false
}

// index returns the position of the button of m with data d, or -1.
func index(m *tgtest.Message, d string) int {
	n := 0
	for _, row := range m.Buttons {
		for _, b := range row {
			if b.Data == d {
				return n
			}
			n++
		}
	}
	return -1
}

// pick chooses a button of m other than the quick exit and 112, or -1.
func (u *simUser) pick(m *tgtest.Message) int {
	var choices []int
	n := 0
	for _, row := range m.Buttons {
		for _, b := range row {
			if b.Data != flows.DataExit && b.Data != flows.DataSOS {
				choices = append(choices, n)
			}
			n++
		}
	}
	if len(choices) == 0 {
		return -1
	}
	return choices[u.rng.IntN(len(choices))]
}

// text makes a text message update.
func (u *simUser) text(api *tgtest.Server, c *simChat, s string) []byte {
	_, body := api.TextUpdate(c.chat, c.from, s)
	return body
}

// press makes a callback query update: button i of m pressed. With no
// such button it types /start instead.
func (u *simUser) press(api *tgtest.Server, c *simChat, m *tgtest.Message, i int) []byte {
	b, ok := option(m, i)
	if !ok {
		return u.text(api, c, "/start")
	}
	_, body := api.PressUpdate(c.chat, c.from, m.ID, b.Data)
	return body
}

// nullWriter is the webhook's response, of which only the status counts.
type nullWriter struct {
	h    http.Header
	code int
}

func (w *nullWriter) Header() http.Header { return w.h }
func (w *nullWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return len(p), nil
}
func (w *nullWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

// idleListener is the webhook's listener in a load run: nothing connects
// to it, as updates are handed to the handler in process.
type idleListener struct {
	once   sync.Once
	closed chan struct{}
}

func (l *idleListener) Accept() (net.Conn, error) {
	<-l.closed
	return nil, net.ErrClosed
}

func (l *idleListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *idleListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }
