package loadsim

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"runtime"
	"time"

	"signaal/bot/web"
	"signaal/flows"
)

// A load run through the web chat: each simulated person sends requests
// to the web channel's handler in process, as the page does, one at a
// time, and picks the next input from the answer, which comes in the
// response: an option of the question on screen mostly, sometimes typed,
// a step back, an old option, a question about a contact, 112, or the
// quick exit. Everything a request goes through runs but the network:
// the security headers, the token's check, reading and checking the
// body, the flood limits (raised out of the way, as the peer keeps none),
// the dispatcher, the engine, the store, and writing the answer as JSON.

// webRun is the web chat's side of a run.
type webRun struct {
	srv   *web.Server
	users []*webUser
}

// Web starts a run through the web chat s, built as serve builds it: the
// run raises its flood limits out of the way and counts what its handler
// answers. ctx ends the run early; Wait ends it.
func Web(ctx context.Context, cfg Config, s *web.Server) (*Run, error) {
	l := &Run{cfg: cfg, channel: web.Platform, count: &counter{h: s.Handler}, progress: make(chan struct{})}
	s.Handler = l.count
	// A person sends far less than a simulated one; the limits are raised
	// so that they measure nothing but their own cost.
	s.Limits = web.Limits{AddressRate: 1e9, AddressBurst: 1 << 20, StartRate: 1e9, StartBurst: 1 << 20, ChatRate: 1e9, ChatBurst: 1 << 20}
	if err := s.Provision(); err != nil {
		return nil, err
	}
	w := &webRun{srv: s}
	l.web = w
	l.workers = cfg.Users // net/http handles every request on its own goroutine
	chats := max(cfg.Chats, cfg.Users)
	w.users = make([]*webUser, cfg.Users)
	for i := range w.users {
		w.users[i] = &webUser{
			rng:  rand.New(rand.NewPCG(cfg.Seed, uint64(i))),
			addr: fmt.Sprintf("127.%d.%d.%d:40000", 1+i>>16&0xff, i>>8&0xff, i&0xff),
			lat:  make([]time.Duration, 0, 64),
			w:    webRecorder{h: http.Header{}},
		}
	}
	for i := range chats {
		u := w.users[i%len(w.users)]
		u.chats = append(u.chats, &webChat{})
	}
	people := make([]func(), len(w.users))
	for i, u := range w.users {
		people[i] = func() { u.run(l, s) }
	}
	if err := l.begin(ctx, people); err != nil {
		return nil, err
	}
	return l, nil
}

func (w *webRun) release() {
	for _, u := range w.users {
		u.body, u.lat, u.chats, u.rng, u.w = nil, nil, nil, nil, webRecorder{}
		u.rd.Reset(nil)
	}
}

// webOption is an option of a question as the API answers it.
type webOption struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// webAnswer is what a person reads of an answer.
type webAnswer struct {
	Token   string `json:"token"`
	Forget  bool   `json:"forget"`
	Replies []struct {
		Options []webOption `json:"options"`
	} `json:"replies"`
}

// webChat is one conversation of a simulated person: its token, and the
// options of the question on screen and of the one before it.
type webChat struct {
	token      string
	opts, prev []webOption
}

// webUser plays the people of its conversations, one request at a time.
type webUser struct {
	rng   *rand.Rand
	chats []*webChat
	turn  int
	addr  string // the person's address, on loopback
	lat   []time.Duration

	body []byte
	rd   bytes.Reader
	w    webRecorder
}

// Paths of the API, parsed once.
var (
	webStart   = mustURL("/api/v1/conversations")
	webMessage = mustURL("/api/v1/messages")
	webExit    = mustURL("/api/v1/conversation")
)

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// run talks until the run stops: a request, then its answer, in each
// conversation in turn.
func (u *webUser) run(l *Run, s *web.Server) {
	defer func() { l.addLatencies(u.lat) }()
	for !l.stop.Load() {
		runtime.Gosched() // see simUser.run
		c := u.chats[u.turn%len(u.chats)]
		u.turn++
		method, path := u.next(c)
		u.rd.Reset(u.body)
		req := &http.Request{
			Method: method, URL: path, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(&u.rd),
			ContentLength: int64(len(u.body)), RemoteAddr: u.addr, Host: "chat.invalid",
		}
		if method == http.MethodDelete {
			req.Body, req.ContentLength = http.NoBody, 0
		}
		if c.token != "" {
			req.Header.Set("Authorization", "Bearer "+c.token)
		}
		u.w.reset()
		t0 := time.Now()
		s.ServeHTTP(&u.w, req)
		u.lat = append(u.lat, time.Since(t0))
		l.updates.Add(1)
		var a webAnswer
		err := json.Unmarshal(u.w.body, &a)
		switch {
		case u.w.code != http.StatusOK && u.w.code != http.StatusCreated:
			l.refused.Add(1)
		case err != nil || len(a.Replies) == 0:
			l.lost.Add(1)
		default:
			l.answered.Add(1)
		}
		c.read(&a)
		l.check()
	}
}

// read takes from an answer what a person goes on with: a new token, the
// options of the last reply that has any, and whether the conversation
// was wiped. An answer without options (the safety card, a refusal)
// leaves the question on screen, as the page does.
func (c *webChat) read(a *webAnswer) {
	if a.Token != "" {
		c.token = a.Token
	}
	if a.Forget {
		c.token, c.opts, c.prev = "", nil, nil
		return
	}
	var last []webOption
	for _, r := range a.Replies {
		if len(r.Options) > 0 {
			last = r.Options
		}
	}
	if last != nil {
		c.prev, c.opts = c.opts, last
	}
}

// next writes the body of the next request into u.body and returns its
// method and path, chosen as simUser.next chooses an update.
func (u *webUser) next(c *webChat) (string, *url.URL) {
	r := u.rng.IntN(100)
	switch {
	case c.token == "" || len(c.opts) == 0:
		c.token = ""
		u.write(map[string]string{"lang": "nl"})
		return http.MethodPost, webStart
	case r < 68:
		u.option(c.opts, u.pick(c.opts))
	case r < 76:
		if i := u.pick(c.opts); i >= 0 && u.rng.IntN(2) == 0 {
			u.write(map[string]string{"text": c.opts[i].Label}) // an option's label typed
		} else {
			u.text(freeText[u.rng.IntN(len(freeText))])
		}
	case r < 81:
		if i := webIndex(c.opts, flows.DataBack); i >= 0 && u.rng.IntN(2) == 0 {
			u.option(c.opts, i)
		} else {
			u.text("/terug")
		}
	case r < 86:
		prev := c.prev
		if len(prev) == 0 {
			prev = c.opts
		}
		u.option(prev, u.pick(prev)) // an option of an older question
	case r < 91:
		if u.rng.IntN(3) == 0 {
			u.text("/contact")
		} else {
			u.text(freeText[3+u.rng.IntN(len(freeText)-3)])
		}
	case r < 94:
		u.option(c.opts, webIndex(c.opts, flows.DataSOS))
	case r < 96:
		u.text("/help")
	default:
		switch u.rng.IntN(4) {
		case 0:
			u.text("stop")
		case 1:
			u.option(c.opts, webIndex(c.opts, flows.DataExit))
		default:
			u.body = u.body[:0]
			return http.MethodDelete, webExit
		}
	}
	return http.MethodPost, webMessage
}

// option writes a message pressing option i of opts; /start typed when
// there is none.
func (u *webUser) option(opts []webOption, i int) {
	if i < 0 {
		u.text("/start")
		return
	}
	u.write(map[string]string{"option": opts[i].ID})
}

func (u *webUser) text(s string) { u.write(map[string]string{"text": s}) }

// write makes v the body of the next request.
func (u *webUser) write(v map[string]string) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // a map of strings always encodes
	}
	u.body = b
}

// pick chooses an option other than the quick exit and 112, or -1.
func (u *webUser) pick(opts []webOption) int {
	var choices []int
	for i, o := range opts {
		if o.ID != flows.DataExit && o.ID != flows.DataSOS {
			choices = append(choices, i)
		}
	}
	if len(choices) == 0 {
		return -1
	}
	return choices[u.rng.IntN(len(choices))]
}

func webIndex(opts []webOption, id string) int {
	for i, o := range opts {
		if o.ID == id {
			return i
		}
	}
	return -1
}

// webRecorder is the response of one request: its status and body,
// reused from request to request.
type webRecorder struct {
	h    http.Header
	code int
	body []byte
}

func (w *webRecorder) reset() {
	clear(w.h)
	w.code, w.body = 0, w.body[:0]
}

func (w *webRecorder) Header() http.Header { return w.h }

func (w *webRecorder) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	w.body = append(w.body, p...)
	return len(p), nil
}

func (w *webRecorder) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}
