package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"runtime"
	"time"

	"signaal/bot/web"
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

// startWeb sets up the web chat of a run and its people.
func (l *loadRun) startWeb() error {
	cfg := l.cfg
	l.web = l.main.Web(l.count)
	// A person sends far less than a simulated one; the limits are raised
	// so that they measure nothing but their own cost.
	l.web.Limits = web.Limits{AddressRate: 1e9, AddressBurst: 1 << 20, StartRate: 1e9, StartBurst: 1 << 20, ChatRate: 1e9, ChatBurst: 1 << 20}
	if err := l.web.Provision(); err != nil {
		return err
	}
	l.workers = cfg.Users // net/http handles every request on its own goroutine
	chats := max(cfg.Chats, cfg.Users)
	l.webUsers = make([]*webUser, cfg.Users)
	for i := range l.webUsers {
		l.webUsers[i] = newWebUser(i, cfg.Seed)
	}
	for i := range chats {
		u := l.webUsers[i%len(l.webUsers)]
		u.chats = append(u.chats, &webChat{})
	}
	return nil
}

// webChat is one conversation of a simulated person: its token, and the
// options of the question on screen and of the one before it (their ids
// and labels as the JSON strings the answers wrote them in). The two
// answers they point into are kept, in turn, in bufs.
type webChat struct {
	token      string
	opts, prev [][2][]byte
	bufs       [2][]byte
	lists      [2][][2][]byte
	cur        int
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

func newWebUser(n int, seed uint64) *webUser {
	return &webUser{
		rng:  rand.New(rand.NewPCG(seed, uint64(n))),
		addr: fmt.Sprintf("127.%d.%d.%d:40000", 1+n>>16&0xff, n>>8&0xff, n&0xff),
		lat:  make([]time.Duration, 0, 64),
		body: make([]byte, 0, 256),
		w:    webRecorder{h: http.Header{}, body: make([]byte, 0, 4096)},
	}
}

func (u *webUser) release() {
	u.body, u.lat, u.chats, u.rng, u.w = nil, nil, nil, nil, webRecorder{}
	u.rd.Reset(nil)
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
func (u *webUser) run(l *loadRun) {
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
		l.web.ServeHTTP(&u.w, req)
		u.lat = append(u.lat, time.Since(t0))
		l.updates.Add(1)
		switch {
		case u.w.code != http.StatusOK && u.w.code != http.StatusCreated:
			l.refused.Add(1)
		case !bytes.Contains(u.w.body, []byte(`"replies":[{`)):
			l.lost.Add(1)
		default:
			l.answered.Add(1)
		}
		c.read(u.w.body)
	}
}

// next writes the body of the next request into u.body and returns its
// method and path, chosen as simUser.next chooses an update.
func (u *webUser) next(c *webChat) (string, *url.URL) {
	r := u.rng.IntN(100)
	switch {
	case c.token == "" || len(c.opts) == 0:
		c.token = ""
		u.body = append(u.body[:0], `{"lang":"nl"}`...)
		return http.MethodPost, webStart
	case r < 68:
		u.option(c.opts, u.pick(c.opts))
	case r < 76:
		if i := u.pick(c.opts); i >= 0 && u.rng.IntN(2) == 0 {
			u.raw("text", c.opts[i][1]) // an option's label typed
		} else {
			u.text(freeText[u.rng.IntN(len(freeText))])
		}
	case r < 81:
		if i := index(c.opts, jsonBack); i >= 0 && u.rng.IntN(2) == 0 {
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
		u.option(c.opts, index(c.opts, jsonSOS))
	case r < 96:
		u.text("/help")
	default:
		switch u.rng.IntN(4) {
		case 0:
			u.text("stop")
		case 1:
			u.option(c.opts, index(c.opts, jsonExit))
		default:
			u.body = u.body[:0]
			return http.MethodDelete, webExit
		}
	}
	return http.MethodPost, webMessage
}

// option writes a message pressing option i of opts; /start typed when
// there is none.
func (u *webUser) option(opts [][2][]byte, i int) {
	if i < 0 {
		u.text("/start")
		return
	}
	u.raw("option", opts[i][0])
}

func (u *webUser) text(s string) {
	u.body = append(u.body[:0], `{"text":`...)
	u.body = appendJSONString(u.body, s)
	u.body = append(u.body, '}')
}

// raw writes a message whose field is the JSON string v.
func (u *webUser) raw(field string, v []byte) {
	u.body = append(append(append(u.body[:0], `{"`...), field...), `":`...)
	u.body = append(append(u.body, v...), '}')
}

// pick chooses an option other than the quick exit and 112, or -1.
func (u *webUser) pick(opts [][2][]byte) int {
	var n int
	for _, o := range opts {
		if !bytes.Equal(o[0], jsonExit) && !bytes.Equal(o[0], jsonSOS) {
			n++
		}
	}
	if n == 0 {
		return -1
	}
	k := u.rng.IntN(n)
	for i, o := range opts {
		if !bytes.Equal(o[0], jsonExit) && !bytes.Equal(o[0], jsonSOS) {
			if k == 0 {
				return i
			}
			k--
		}
	}
	return -1
}

func index(opts [][2][]byte, id []byte) int {
	for i, o := range opts {
		if bytes.Equal(o[0], id) {
			return i
		}
	}
	return -1
}

// read takes from an answer what a person goes on with: a new token, the
// options of the last reply that has any, and whether the conversation
// was wiped. The answer is JSON that json.Marshal wrote, so an option is
// always {"id":...,"label":...}. An answer without options (the safety
// card, a refusal) leaves the question on screen, as the page does.
func (c *webChat) read(answer []byte) {
	if t := jsonField(answer, `"token":`); len(t) > 2 {
		c.token = string(t[1 : len(t)-1])
	}
	if bytes.Contains(answer, []byte(`"forget":true`)) {
		c.token, c.opts, c.prev = "", nil, nil
		return
	}
	if !bytes.Contains(answer, []byte(`"options":[{`)) {
		return // the buffer about to be reused holds the question before
	}
	n := 1 - c.cur
	buf := append(c.bufs[n][:0], answer...)
	var last [][2][]byte // the options of the last reply that has any
	opts := c.lists[n][:0]
	for rest := buf; ; {
		i := bytes.Index(rest, []byte(`"options":[`))
		if i < 0 {
			break
		}
		rest = rest[i+len(`"options":[`):]
		start := len(opts)
		for bytes.HasPrefix(rest, []byte(`{"id":`)) {
			rest = rest[len(`{"id":`):]
			id := rest[:jsonStringEnd(rest)]
			rest = rest[len(id):]
			const key = `,"label":`
			if len(id) == 0 || !bytes.HasPrefix(rest, []byte(key)) {
				break
			}
			rest = rest[len(key):]
			label := rest[:jsonStringEnd(rest)]
			rest = bytes.TrimPrefix(bytes.TrimPrefix(rest[len(label):], []byte("}")), []byte(","))
			opts = append(opts, [2][]byte{id, label})
		}
		if len(opts) > start {
			last = opts[start:]
		}
	}
	c.bufs[n], c.lists[n] = buf, opts
	c.prev, c.opts, c.cur = c.opts, last, n
}

// jsonField returns the JSON string after key in b, quotes included, or
// nil.
func jsonField(b []byte, key string) []byte {
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return nil
	}
	rest := b[i+len(key):]
	return rest[:jsonStringEnd(rest)]
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
