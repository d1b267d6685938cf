// Package tgtest is a fake Telegram Bot API on loopback for tests. It
// speaks the wire format (form-encoded requests, JSON answers) and knows
// nothing of the bot's library, so it checks what the bot really sends. It
// keeps each chat's messages as a phone shows them (ids counted per chat,
// user and bot alike; edits; deletions), records every call, and can
// inject flood waits, server errors, slow answers and redelivered updates.
//
// Tests act as users with SendText, Press and the like; their updates are
// handed out by getUpdates or posted to the webhook the bot set, in order,
// again until it answers 200. Load tests make updates with TextUpdate and
// post them side by side with Post. Start makes a server for a load run,
// whose Options bound its memory and whose Transport answers in process.
package tgtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/time/rate"
)

// Token is the only token the server accepts, shaped like a real one.
const Token = "123456789:AAtest-token-not-real_0123456789abcd"

// BotUsername is the username of the fake bot.
const BotUsername = "signaal_test_bot"

// BotID is the user id of the fake bot.
const BotID = 123456789

var botUser = User{ID: BotID, IsBot: true, FirstName: "Signaal", Username: BotUsername}

// MaxText is Telegram's limit on a message's text, in UTF-16 code units.
const MaxText = 4096

// User is a Telegram user as updates carry it.
type User struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
}

// Chat is a Telegram chat. Type is "private", "group", "supergroup" or
// "channel".
type Chat struct {
	ID    int64  `json:"id"`
	Type  string `json:"type"`
	Title string `json:"title,omitempty"`
}

// PrivateChat is the chat between u and the bot; its id is the user's id,
// as on Telegram.
func PrivateChat(u User) Chat { return Chat{ID: u.ID, Type: "private"} }

// Button is one inline keyboard button.
type Button struct {
	Text string `json:"text"`
	Data string `json:"callback_data,omitempty"`
}

// Message is one message of a chat as the fake server keeps it.
type Message struct {
	ID      int
	FromBot bool
	Text    string
	Media   string     // a user's non-text message: "sticker", "photo", ...
	Buttons [][]Button // the inline keyboard, if any
	// Keyboard is the reply keyboard this message set, RemoveKeyboard
	// whether it removed one.
	Keyboard       [][]string
	RemoveKeyboard bool
	Edits          int
	Deleted        bool
}

// Call is one request the server answered.
type Call struct {
	Method string
	Params url.Values
	At     time.Time
	Code   int // 200, or the error_code the server answered with
}

// Chat returns the call's chat_id parameter, or 0.
func (c Call) Chat() int64 {
	id, _ := strconv.ParseInt(c.Params.Get("chat_id"), 10, 64)
	return id
}

// Fault changes the answer to matching calls: it waits Delay, then answers
// with error Code (and retry_after RetryAfter), or normally when Code is 0.
type Fault struct {
	Method      string // empty: every method but getUpdates
	Chat        int64  // 0: any chat
	Code        int
	RetryAfter  int
	Description string
	Delay       time.Duration
	// Hold, when not nil, keeps the call waiting until it is closed.
	Hold <-chan struct{}
	// Lands, with Hold, carries the call out once Hold is closed even when
	// the bot stopped waiting, as Telegram carries out a request it has
	// received: the message lands with an id the bot never learns.
	Lands bool
	Times int // how many calls it applies to; 0 means once
	// Echo makes the error description repeat the request's path (with
	// the token), chat_id and text, as some proxies do.
	Echo bool
	// Every makes the fault apply to every Every-th call it matches, for
	// good, rather than to the next Times calls; of two such faults on one
	// call, the one added first applies.
	Every int

	seen int // calls matched, for Every
}

// InlineResult is one article of an answerInlineQuery call.
type InlineResult struct {
	ID    string
	Title string
	Text  string
}

// Delivery is one attempt to post an update to the webhook.
type Delivery struct {
	UpdateID int
	Status   int // 0 when the request failed
}

type queued struct {
	id   int
	body []byte
}

type chatState struct {
	info    Chat
	nextID  int
	msgs    []*Message
	writes  int // messages the bot sent or edited here
	dropped int // the highest id of a message let go (Options.Messages)
}

// Options change what a server keeps, for runs of many calls and chats.
// The zero value keeps everything, as a test wants to inspect it.
type Options struct {
	// Messages is how many messages of a chat are kept, the latest; 0
	// keeps all. A press on one let go carries it as an inaccessible
	// message (id, chat, date 0), and editing or deleting it succeeds.
	Messages int
	// NoCalls keeps no record of calls nor of answered callback queries;
	// Counts still counts them.
	NoCalls bool
	// Limits makes the server answer a message over them with 429.
	Limits *Limits
	// InProcess answers only through Transport: nothing listens, and
	// Endpoint is not to be called (testing/synctest needs no network).
	InProcess bool
}

// Limits are Telegram's limits on the messages a bot sends (sent or
// edited; other calls do not count), as token buckets: Telegram does not
// publish its own.
type Limits struct {
	Rate, ChatRate   float64 // messages a second, overall and in one chat
	Burst, ChatBurst int
	Now              func() time.Time // the machine's clock when nil
}

// TelegramLimits are Telegram's limits on the machine's clock.
func TelegramLimits() *Limits { return &Limits{Rate: 30, Burst: 30, ChatRate: 1, ChatBurst: 3} }

// limited are the methods Limits counts.
var limited = map[string]bool{"sendMessage": true, "editMessageText": true, "editMessageReplyMarkup": true}

// limits are the buckets of Options.Limits.
type limits struct {
	Limits
	global *rate.Limiter
	chats  map[int64]*rate.Limiter
}

// take spends a message in chat, or returns the retry_after in whole
// seconds, spending nothing.
func (l *limits) take(chat int64) int {
	now := l.Now()
	c := l.chats[chat]
	if c == nil {
		c = rate.NewLimiter(rate.Limit(l.ChatRate), l.ChatBurst)
		l.chats[chat] = c
	}
	rc := c.ReserveN(now, 1)
	if d := rc.DelayFrom(now); d > 0 {
		rc.CancelAt(now)
		return retryAfter(d)
	}
	rg := l.global.ReserveN(now, 1)
	if d := rg.DelayFrom(now); d > 0 {
		rg.CancelAt(now)
		rc.CancelAt(now)
		return retryAfter(d)
	}
	return 0
}

func retryAfter(d time.Duration) int { return max(1, int((d+time.Second-1)/time.Second)) }

// Counts are the server's running totals: every call answered, those
// answered by a fault, those refused as Telegram would (not counting
// faults nor limits), and those answered 429 for going over Limits.
type Counts struct{ Calls, Faults, Refused, Limited int64 }

// Server is the fake Bot API.
type Server struct {
	srv    *httptest.Server
	poster *http.Client // for Post
	opts   Options
	limits *limits // nil without Options.Limits; under mu

	mu         sync.Mutex
	held       map[*Call]bool // the calls waiting on a fault's Hold
	counts     Counts
	nextUpdate int
	pending    []queued
	notify     chan struct{} // closed and replaced when an update is queued
	refault    chan struct{} // closed and replaced when a getUpdates fault is injected
	fetched    int           // the highest update id getUpdates has returned
	dupNext    bool
	chats      map[int64]*chatState
	calls      []Call
	faults     []*Fault
	callbacks  map[string]bool // issued query ids -> answered
	inlineIDs  map[string]bool
	inline     map[string][]InlineResult
	nextQuery  int
	hook       *webhook
	deliveries []Delivery
	closed     chan struct{}
	closeOnce  sync.Once
}

type webhook struct {
	url, secret string
	stop        chan struct{}
	done        chan struct{}
}

// New starts a server on loopback; it is closed when the test ends.
func New(t testing.TB) *Server {
	s := Start(Options{})
	t.Cleanup(s.Close)
	return s
}

// Start starts a server on loopback that keeps what o says; Close stops
// it.
func Start(o Options) *Server {
	s := &Server{
		opts:       o,
		nextUpdate: 1000,
		notify:     make(chan struct{}),
		refault:    make(chan struct{}),
		chats:      map[int64]*chatState{},
		callbacks:  map[string]bool{},
		inlineIDs:  map[string]bool{},
		inline:     map[string][]InlineResult{},
		closed:     make(chan struct{}),
	}
	if o.Limits != nil {
		s.limits = &limits{Limits: *o.Limits, global: rate.NewLimiter(rate.Limit(o.Limits.Rate), o.Limits.Burst), chats: map[int64]*rate.Limiter{}}
		if s.limits.Now == nil {
			s.limits.Now = time.Now
		}
	}
	if !o.InProcess {
		s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	}
	// Reused connections, so that thousands of posts keep few ports.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 128
	s.poster = &http.Client{Transport: tr, Timeout: 30 * time.Second}
	return s
}

// Close stops webhook delivery, ends waiting long polls and closes the
// server.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closed)
		s.mu.Lock()
		h := s.hook
		s.hook = nil
		s.mu.Unlock()
		if h != nil {
			close(h.stop)
			<-h.done
		}
		if s.srv != nil {
			s.srv.Close()
		}
		s.poster.CloseIdleConnections()
	})
}

// Transport answers the Bot API in process, for any endpoint.
func (s *Server) Transport() http.RoundTripper { return transport{s} }

type transport struct{ s *Server }

func (t transport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := new(http.Request) // reading the form changes the request
	*r = *req
	w := httptest.NewRecorder()
	t.s.serveHTTP(w, r)
	if req.Body != nil {
		req.Body.Close()
	}
	resp := w.Result()
	resp.Request = req
	return resp, nil
}

// Counts returns the running totals of the calls.
func (s *Server) Counts() Counts {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts
}

// BotWrites is the number of messages the bot has sent or edited in a
// chat, those let go too.
func (s *Server) BotWrites(chat int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cs := s.chats[chat]; cs != nil {
		return cs.writes
	}
	return 0
}

// Endpoint is the API endpoint in the format of TELEGRAM_API_ENDPOINT.
func (s *Server) Endpoint() string {
	if s.srv == nil {
		panic("tgtest: Endpoint of a server that answers in process only (Options.InProcess)")
	}
	return s.srv.URL + "/bot%s/%s"
}

// --- acting as users -------------------------------------------------------

// SendText queues a text message from a user and returns its message id.
func (s *Server) SendText(c Chat, from User, text string) int {
	return s.userMessage(c, from, &Message{Text: text}, nil)
}

// SendMedia queues a message without text ("sticker", "photo", "voice",
// ...) and returns its message id.
func (s *Server) SendMedia(c Chat, from User, kind string) int {
	var field any = photo
	if kind != "photo" {
		field = map[string]any{"file_id": "f1", "file_unique_id": "u1", "width": 512, "height": 512, "duration": 1, "is_animated": false}
	}
	return s.userMessage(c, from, &Message{Media: kind}, map[string]any{kind: field})
}

// photo is the sizes of a photo a user sends.
var photo = []map[string]any{{"file_id": "f1", "file_unique_id": "u1", "width": 90, "height": 90}}

// SendCaptioned queues a photo with a caption (the message's Text) and
// returns its message id.
func (s *Server) SendCaptioned(c Chat, from User, caption string) int {
	return s.userMessage(c, from, &Message{Media: "photo", Text: caption}, map[string]any{"photo": photo, "caption": caption})
}

// AddBotToGroup queues the service message of the bot being added to a
// group chat.
func (s *Server) AddBotToGroup(c Chat, from User) int {
	return s.userMessage(c, from, &Message{Media: "new_chat_members"}, map[string]any{"new_chat_members": []User{botUser}})
}

func (s *Server) userMessage(c Chat, from User, m *Message, extra map[string]any) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queueLocked(s.userMessageLocked(c, from, m, extra))
	return m.ID
}

// TextUpdate makes a text message as SendText does, but returns its id
// and update for a test to Post instead of queueing it.
func (s *Server) TextUpdate(c Chat, from User, text string) (id int, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &Message{Text: text}
	_, body = s.numberLocked(s.userMessageLocked(c, from, m, nil))
	return m.ID, body
}

// Post posts an update to the webhook the bot set, with its secret, and
// returns the answer's status. It is safe for concurrent use.
func (s *Server) Post(ctx context.Context, body []byte) (int, error) {
	s.mu.Lock()
	h := s.hook
	s.mu.Unlock()
	if h == nil {
		return 0, fmt.Errorf("tgtest: no webhook set")
	}
	return s.post(ctx, h, body)
}

func (s *Server) post(ctx context.Context, h *webhook, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", h.secret)
	resp, err := s.poster.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// userMessageLocked adds a user's message to a chat and returns its
// update, without update_id.
func (s *Server) userMessageLocked(c Chat, from User, m *Message, extra map[string]any) map[string]any {
	cs := s.chat(c)
	cs.nextID++
	m.ID = cs.nextID
	cs.add(m, s.opts.Messages)
	wire := map[string]any{"message_id": m.ID, "from": from, "chat": c, "date": time.Now().Unix()}
	if m.Text != "" && m.Media == "" {
		wire["text"] = m.Text
		if strings.HasPrefix(m.Text, "/") {
			n := strings.IndexAny(m.Text, " \n")
			if n < 0 {
				n = len(m.Text)
			}
			wire["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": n}}
		}
	}
	for k, v := range extra {
		wire[k] = v
	}
	return map[string]any{"message": wire}
}

// Press queues a callback query, from pressing data on message id of c
// (which need not have it: a forged press), and returns the query id.
func (s *Server) Press(c Chat, from User, id int, data string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	qid, u := s.pressLocked(c, from, id, data)
	s.queueLocked(u)
	return qid
}

// PressUpdate makes a callback query as Press does, but returns it for a
// test to Post instead of queueing it.
func (s *Server) PressUpdate(c Chat, from User, id int, data string) (qid string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	qid, u := s.pressLocked(c, from, id, data)
	_, body = s.numberLocked(u)
	return qid, body
}

func (s *Server) pressLocked(c Chat, from User, id int, data string) (string, map[string]any) {
	s.nextQuery++
	qid := fmt.Sprintf("cb%d", s.nextQuery)
	s.callbacks[qid] = false
	q := map[string]any{"id": qid, "from": from, "chat_instance": "ci", "data": data}
	cs := s.chat(c)
	if m := cs.find(id); m != nil {
		q["message"] = s.wireBotMessage(cs, m)
	} else if cs.letGo(id) {
		q["message"] = map[string]any{"message_id": id, "chat": cs.info, "date": 0}
	}
	return qid, map[string]any{"callback_query": q}
}

// InlineQuery queues an inline query and returns its id.
func (s *Server) InlineQuery(from User, query string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextQuery++
	qid := fmt.Sprintf("iq%d", s.nextQuery)
	s.inlineIDs[qid] = false
	s.queueLocked(map[string]any{"inline_query": map[string]any{"id": qid, "from": from, "query": query, "offset": ""}})
	return qid
}

// PushRaw queues any update, such as an "edited_message" the bot should
// ignore, and returns the update_id it gave it.
func (s *Server) PushRaw(update map[string]any) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.queueLocked(update)
}

// DuplicateNext makes the next queued update be delivered twice, as
// Telegram does when it missed an acknowledgement.
func (s *Server) DuplicateNext() {
	s.mu.Lock()
	s.dupNext = true
	s.mu.Unlock()
}

// Inject adds a fault. Faults are consumed in the order they were added.
func (s *Server) Inject(f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	s.faults = append(s.faults, &f)
	if f.Method == "getUpdates" {
		// A long poll under way ends empty, as at its timeout, so that
		// the next one meets the fault at once.
		close(s.refault)
		s.refault = make(chan struct{})
	}
	s.mu.Unlock()
}

func (s *Server) queueLocked(u map[string]any) int {
	id, body := s.numberLocked(u)
	s.pending = append(s.pending, queued{id: id, body: body})
	if s.dupNext {
		s.dupNext = false
		s.pending = append(s.pending, queued{id: id, body: body})
	}
	close(s.notify)
	s.notify = make(chan struct{})
	return id
}

// numberLocked gives u the next update_id and returns it with u in JSON.
func (s *Server) numberLocked(u map[string]any) (int, []byte) {
	s.nextUpdate++
	u["update_id"] = s.nextUpdate
	body, err := json.Marshal(u)
	if err != nil {
		panic(err)
	}
	return s.nextUpdate, body
}

func (s *Server) chat(c Chat) *chatState {
	cs := s.chats[c.ID]
	if cs == nil {
		cs = &chatState{info: c}
		s.chats[c.ID] = cs
	}
	return cs
}

// add adds a message, letting the oldest go beyond keep (0: none).
func (cs *chatState) add(m *Message, keep int) {
	if keep > 0 && len(cs.msgs) >= keep {
		cs.dropped = cs.msgs[len(cs.msgs)-keep].ID
		n := copy(cs.msgs, cs.msgs[len(cs.msgs)-keep+1:])
		clear(cs.msgs[n:])
		cs.msgs = cs.msgs[:n]
	}
	cs.msgs = append(cs.msgs, m)
}

// letGo reports whether message id was let go under Options.Messages.
func (cs *chatState) letGo(id int) bool {
	return id > 0 && id <= cs.dropped && cs.find(id) == nil
}

func (cs *chatState) find(id int) *Message {
	for _, m := range cs.msgs {
		if m.ID == id && !m.Deleted {
			return m
		}
	}
	return nil
}

// --- inspecting ------------------------------------------------------------

// Messages returns copies of a chat's messages, deleted ones too.
func (s *Server) Messages(chat int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.chats[chat]
	if cs == nil {
		return nil
	}
	out := make([]Message, len(cs.msgs))
	for i, m := range cs.msgs {
		out[i] = *m
	}
	return out
}

// ChatIDs returns the id of every chat the server has seen.
func (s *Server) ChatIDs() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(s.chats))
	for id := range s.chats {
		ids = append(ids, id)
	}
	return ids
}

// Visible returns the messages of a chat that are not deleted.
func (s *Server) Visible(chat int64) []Message {
	return slices.DeleteFunc(s.Messages(chat), func(m Message) bool { return m.Deleted })
}

// BotMessages returns the bot's messages of a chat that are not deleted.
func (s *Server) BotMessages(chat int64) []Message {
	return slices.DeleteFunc(s.Visible(chat), func(m Message) bool { return !m.FromBot })
}

// Calls returns every call so far, or only those to method when it is not
// empty.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Answered reports whether the callback query id was answered.
func (s *Server) Answered(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.callbacks[id]
}

// InlineAnswer returns the results given for inline query id, and whether
// it was answered.
func (s *Server) InlineAnswer(id string) ([]InlineResult, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.inline[id]
	return r, ok
}

// Webhook returns the webhook URL and secret the bot set, or empty strings.
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hook == nil {
		return "", ""
	}
	return s.hook.url, s.hook.secret
}

// Deliveries returns every attempt to post an update to the webhook.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Delivery(nil), s.deliveries...)
}

// AllFetched reports whether getUpdates has returned every update queued
// so far.
func (s *Server) AllFetched() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fetched == s.nextUpdate
}

// Pending is the number of updates not yet acknowledged by the bot.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// Held is the number of calls a fault's Hold keeps waiting now.
func (s *Server) Held() int { return len(s.HeldCalls("")) }

// HeldCalls returns the calls a fault's Hold keeps waiting now, or those
// to method when it is not empty, in no particular order.
func (s *Server) HeldCalls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for c := range s.held {
		if method == "" || c.Method == method {
			out = append(out, *c)
		}
	}
	return out
}

// hold notes that c begins or ends waiting on a fault's Hold.
func (s *Server) hold(c *Call, waiting bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !waiting {
		delete(s.held, c)
		return
	}
	if s.held == nil {
		s.held = map[*Call]bool{}
	}
	s.held[c] = true
}

// Await polls cond every millisecond until it holds, failing the test
// after timeout.
func (s *Server) Await(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("tgtest: timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(time.Millisecond)
	}
}

// --- serving ---------------------------------------------------------------

type apiError struct {
	code       int
	desc       string
	retryAfter int
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	token, method, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
	if !ok || !strings.HasPrefix(r.URL.Path, "/bot") {
		writeJSON(w, nil, &apiError{code: 404, desc: "Not Found"})
		return
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, nil, &apiError{code: 400, desc: "Bad Request: " + err.Error()})
		return
	}
	call := Call{Method: method, Params: r.PostForm, At: time.Now(), Code: 200}
	if token != Token {
		call.Code = 401
		s.record(call, false)
		writeJSON(w, nil, &apiError{code: 401, desc: "Unauthorized"})
		return
	}
	if f := s.fault(method, call.Chat()); f != nil {
		if f.Delay > 0 {
			select {
			case <-time.After(f.Delay):
			case <-r.Context().Done():
				return
			}
		}
		if f.Hold != nil {
			s.hold(&call, true)
			select {
			case <-f.Hold:
				s.hold(&call, false)
			case <-r.Context().Done():
				lands := false
				if f.Lands {
					select {
					case <-f.Hold:
						lands = true
					case <-s.closed:
					}
				}
				s.hold(&call, false)
				if !lands {
					return
				}
			}
		}
		if f.Code != 0 {
			call.Code = f.Code
			s.record(call, true)
			e := &apiError{code: f.Code, desc: f.Description, retryAfter: f.RetryAfter}
			switch {
			case e.desc != "":
			case f.Code == http.StatusTooManyRequests:
				e = tooMany(f.RetryAfter)
			default:
				e.desc = http.StatusText(f.Code)
			}
			if f.Echo {
				e.desc += fmt.Sprintf(" (POST %s chat_id=%s text=%s)", r.URL.Path, r.PostForm.Get("chat_id"), r.PostForm.Get("text"))
			}
			writeJSON(w, nil, e)
			return
		}
	}
	var (
		result any
		aerr   *apiError
	)
	if method == "getUpdates" {
		s.record(call, false) // when the bot asked, not when it was answered
		result, aerr = s.getUpdates(r.Context(), r.PostForm)
		writeJSON(w, result, aerr)
		return
	}
	s.mu.Lock()
	if s.limits != nil && limited[method] && s.chats[call.Chat()] != nil {
		if after := s.limits.take(call.Chat()); after > 0 {
			call.Code = http.StatusTooManyRequests
			s.counts.Limited++
			s.recordLocked(call, false)
			s.mu.Unlock()
			writeJSON(w, nil, tooMany(after))
			return
		}
	}
	result, aerr = s.dispatchLocked(method, r.PostForm)
	if aerr != nil {
		call.Code = aerr.code
	}
	s.recordLocked(call, false)
	s.mu.Unlock()
	writeJSON(w, result, aerr)
}

func (s *Server) record(c Call, fault bool) {
	s.mu.Lock()
	s.recordLocked(c, fault)
	s.mu.Unlock()
}

// recordLocked keeps and counts a call; fault: a fault answered it.
func (s *Server) recordLocked(c Call, fault bool) {
	s.counts.Calls++
	switch {
	case fault:
		s.counts.Faults++
	case c.Code == http.StatusTooManyRequests:
		// counted in Limited by the caller
	case c.Code != 200:
		s.counts.Refused++
	}
	if !s.opts.NoCalls {
		s.calls = append(s.calls, c)
	}
}

func (s *Server) fault(method string, chat int64) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	var hit *Fault
	for i := 0; i < len(s.faults); i++ {
		f := s.faults[i]
		if f.Method == "" && method == "getUpdates" || f.Method != "" && f.Method != method {
			continue
		}
		if f.Chat != 0 && f.Chat != chat {
			continue
		}
		if f.Every > 0 {
			// Every such fault counts the call, whichever applies.
			f.seen++
			if hit == nil && f.seen%f.Every == 0 {
				hit = f
			}
			continue
		}
		if hit != nil {
			continue
		}
		if f.Times--; f.Times <= 0 {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
		}
		return f
	}
	return hit
}

func writeJSON(w http.ResponseWriter, result any, e *apiError) {
	w.Header().Set("Content-Type", "application/json")
	if e != nil {
		body := map[string]any{"ok": false, "error_code": e.code, "description": e.desc}
		if e.retryAfter > 0 {
			body["parameters"] = map[string]any{"retry_after": e.retryAfter}
		}
		w.WriteHeader(e.code)
		_ = json.NewEncoder(w).Encode(body)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": result})
}

func badRequest(desc string) *apiError { return &apiError{code: 400, desc: "Bad Request: " + desc} }

func tooMany(after int) *apiError {
	return &apiError{code: http.StatusTooManyRequests, desc: fmt.Sprintf("Too Many Requests: retry after %d", after), retryAfter: after}
}

func (s *Server) dispatchLocked(method string, p url.Values) (any, *apiError) {
	switch method {
	case "getMe":
		return botUser, nil
	case "sendMessage":
		return s.sendMessage(p)
	case "editMessageText", "editMessageReplyMarkup":
		return s.edit(method, p)
	case "deleteMessage":
		return s.deleteMessage(p)
	case "deleteMessages":
		return s.deleteMessages(p)
	case "answerCallbackQuery":
		id := p.Get("callback_query_id")
		if answered, ok := s.callbacks[id]; !ok || answered {
			return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
		}
		if s.opts.NoCalls {
			delete(s.callbacks, id)
		} else {
			s.callbacks[id] = true
		}
		return true, nil
	case "answerInlineQuery":
		return s.answerInline(p)
	case "setMyCommands":
		var cmds []map[string]string
		if err := json.Unmarshal([]byte(p.Get("commands")), &cmds); err != nil {
			return nil, badRequest("can't parse commands")
		}
		return true, nil
	case "setWebhook":
		return s.setWebhook(p)
	case "deleteWebhook":
		s.stopHookLocked()
		return true, nil
	}
	return nil, &apiError{code: 404, desc: "Not Found"}
}

func (s *Server) getUpdates(ctx context.Context, p url.Values) (any, *apiError) {
	offset, _ := strconv.Atoi(p.Get("offset"))
	limit, _ := strconv.Atoi(p.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := strconv.Atoi(p.Get("timeout"))
	deadline := time.After(time.Duration(timeout) * time.Second)
	for {
		s.mu.Lock()
		if s.hook != nil {
			s.mu.Unlock()
			return nil, &apiError{code: 409, desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
		}
		if offset > 0 {
			// An offset acknowledges every update below it for good.
			keep := s.pending[:0]
			for _, q := range s.pending {
				if q.id >= offset {
					keep = append(keep, q)
				}
			}
			s.pending = keep
		}
		if len(s.pending) > 0 {
			n := min(limit, len(s.pending))
			out := make([]json.RawMessage, n)
			for i := range n {
				out[i] = s.pending[i].body
				s.fetched = max(s.fetched, s.pending[i].id)
			}
			s.mu.Unlock()
			return out, nil
		}
		wake, refault := s.notify, s.refault
		s.mu.Unlock()
		select {
		case <-wake:
		case <-refault:
			return []json.RawMessage{}, nil
		case <-deadline:
			return []json.RawMessage{}, nil
		case <-ctx.Done():
			return []json.RawMessage{}, nil
		case <-s.closed:
			return []json.RawMessage{}, nil
		}
	}
}

// markup is a reply_markup as the bot sends it: an inline keyboard, a
// reply keyboard, or the removal of one.
type markup struct {
	InlineKeyboard [][]Button `json:"inline_keyboard"`
	Keyboard       [][]struct {
		Text string `json:"text"`
	} `json:"keyboard"`
	RemoveKeyboard bool `json:"remove_keyboard"`
}

func parseMarkup(s string) (*markup, *apiError) {
	if s == "" {
		return nil, nil
	}
	var m markup
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	for _, row := range m.InlineKeyboard {
		for _, b := range row {
			if len(b.Data) == 0 || len(b.Data) > 64 {
				return nil, badRequest("BUTTON_DATA_INVALID")
			}
		}
	}
	return &m, nil
}

func textLen(s string) int { return len(utf16.Encode([]rune(s))) }

func (s *Server) chatFor(p url.Values) (*chatState, *apiError) {
	id, err := strconv.ParseInt(p.Get("chat_id"), 10, 64)
	if err != nil {
		return nil, badRequest("chat_id is empty")
	}
	cs := s.chats[id]
	if cs == nil {
		return nil, badRequest("chat not found")
	}
	return cs, nil
}

func (s *Server) sendMessage(p url.Values) (any, *apiError) {
	cs, aerr := s.chatFor(p)
	if aerr != nil {
		return nil, aerr
	}
	text := p.Get("text")
	switch n := textLen(text); {
	case n == 0:
		return nil, badRequest("message text is empty")
	case n > MaxText:
		return nil, badRequest("message is too long")
	}
	mk, aerr := parseMarkup(p.Get("reply_markup"))
	if aerr != nil {
		return nil, aerr
	}
	cs.nextID++
	m := &Message{ID: cs.nextID, FromBot: true, Text: text}
	if mk != nil {
		m.Buttons = mk.InlineKeyboard
		for _, row := range mk.Keyboard {
			var labels []string
			for _, b := range row {
				labels = append(labels, b.Text)
			}
			m.Keyboard = append(m.Keyboard, labels)
		}
		m.RemoveKeyboard = mk.RemoveKeyboard
	}
	cs.add(m, s.opts.Messages)
	cs.writes++
	return s.wireBotMessage(cs, m), nil
}

func (s *Server) wireBotMessage(cs *chatState, m *Message) map[string]any {
	w := map[string]any{"message_id": m.ID, "chat": cs.info, "date": time.Now().Unix(), "text": m.Text}
	if m.FromBot {
		w["from"] = botUser
	}
	if len(m.Buttons) > 0 {
		w["reply_markup"] = map[string]any{"inline_keyboard": m.Buttons}
	}
	return w
}

func (s *Server) edit(method string, p url.Values) (any, *apiError) {
	cs, aerr := s.chatFor(p)
	if aerr != nil {
		return nil, aerr
	}
	id, _ := strconv.Atoi(p.Get("message_id"))
	m := cs.find(id)
	if m == nil && cs.letGo(id) {
		cs.writes++
		return map[string]any{"message_id": id, "chat": cs.info, "date": time.Now().Unix(), "text": p.Get("text")}, nil
	}
	if m == nil {
		return nil, badRequest("message to edit not found")
	}
	if !m.FromBot {
		return nil, badRequest("message can't be edited")
	}
	mk, aerr := parseMarkup(p.Get("reply_markup"))
	if aerr != nil {
		return nil, aerr
	}
	var buttons [][]Button
	if mk != nil && len(mk.InlineKeyboard) > 0 {
		buttons = mk.InlineKeyboard
	}
	text := m.Text
	if method == "editMessageText" {
		text = p.Get("text")
		switch n := textLen(text); {
		case n == 0:
			return nil, badRequest("message text is empty")
		case n > MaxText:
			return nil, badRequest("MESSAGE_TOO_LONG")
		}
	}
	if text == m.Text && reflect.DeepEqual(m.Buttons, buttons) {
		return nil, badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
	}
	m.Text, m.Buttons = text, buttons
	m.Edits++
	cs.writes++
	return s.wireBotMessage(cs, m), nil
}

func (s *Server) deleteMessage(p url.Values) (any, *apiError) {
	cs, aerr := s.chatFor(p)
	if aerr != nil {
		return nil, aerr
	}
	id, _ := strconv.Atoi(p.Get("message_id"))
	m := cs.find(id)
	if m == nil && cs.letGo(id) {
		return true, nil
	}
	if m == nil {
		return nil, badRequest("message to delete not found")
	}
	if cs.info.Type != "private" && !m.FromBot {
		return nil, badRequest("message can't be deleted")
	}
	m.Deleted = true
	return true, nil
}

// maxDeleteIDs is the most ids one deleteMessages call may name.
const maxDeleteIDs = 100

// deleteMessages deletes several messages at once, skipping, as Telegram
// does, ids of no message or of one the bot may not delete.
func (s *Server) deleteMessages(p url.Values) (any, *apiError) {
	cs, aerr := s.chatFor(p)
	if aerr != nil {
		return nil, aerr
	}
	var ids []int
	if err := json.Unmarshal([]byte(p.Get("message_ids")), &ids); err != nil {
		return nil, badRequest("can't parse message identifiers list")
	}
	switch {
	case len(ids) == 0:
		return nil, badRequest("message identifiers are not specified")
	case len(ids) > maxDeleteIDs:
		return nil, badRequest("too many message identifiers specified")
	}
	for _, id := range ids {
		m := cs.find(id)
		if m == nil || cs.info.Type != "private" && !m.FromBot {
			continue
		}
		m.Deleted = true
	}
	return true, nil
}

func (s *Server) answerInline(p url.Values) (any, *apiError) {
	id := p.Get("inline_query_id")
	if answered, ok := s.inlineIDs[id]; !ok || answered {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	var raw []struct {
		Type                string `json:"type"`
		ID                  string `json:"id"`
		Title               string `json:"title"`
		InputMessageContent struct {
			Text string `json:"message_text"`
		} `json:"input_message_content"`
	}
	if err := json.Unmarshal([]byte(p.Get("results")), &raw); err != nil {
		return nil, badRequest("can't parse inline query results")
	}
	if len(raw) > 50 {
		return nil, badRequest("RESULTS_TOO_MUCH")
	}
	var out []InlineResult
	for _, r := range raw {
		if r.Type != "article" || r.ID == "" || len(r.ID) > 64 || r.Title == "" || r.InputMessageContent.Text == "" {
			return nil, badRequest("invalid inline query result")
		}
		out = append(out, InlineResult{ID: r.ID, Title: r.Title, Text: r.InputMessageContent.Text})
	}
	s.inlineIDs[id] = true
	s.inline[id] = out
	return true, nil
}

func (s *Server) setWebhook(p url.Values) (any, *apiError) {
	u := p.Get("url")
	if u == "" {
		s.stopHookLocked()
		return true, nil
	}
	if _, err := url.Parse(u); err != nil {
		return nil, badRequest("invalid webhook URL specified")
	}
	secret := p.Get("secret_token")
	for _, r := range secret {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return nil, badRequest("secret token contains unallowed characters")
		}
	}
	if len(secret) > 256 {
		return nil, badRequest("secret token is too long")
	}
	s.stopHookLocked()
	h := &webhook{url: u, secret: secret, stop: make(chan struct{}), done: make(chan struct{})}
	s.hook = h
	go s.deliver(h)
	return true, nil
}

// stopHookLocked ends webhook delivery; the delivery goroutine exits at
// its next check.
func (s *Server) stopHookLocked() {
	if s.hook != nil {
		close(s.hook.stop)
		s.hook = nil
	}
}

// deliver posts pending updates to the webhook one at a time, in order,
// each again until the webhook answers 200.
func (s *Server) deliver(h *webhook) {
	defer close(h.done)
	for {
		s.mu.Lock()
		var next *queued
		if len(s.pending) > 0 {
			q := s.pending[0]
			next = &q
		}
		wake := s.notify
		s.mu.Unlock()
		if next == nil {
			select {
			case <-wake:
				continue
			case <-h.stop:
				return
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		status, _ := s.post(ctx, h, next.body) // 0 when the request failed
		cancel()
		s.mu.Lock()
		s.deliveries = append(s.deliveries, Delivery{UpdateID: next.id, Status: status})
		if status == http.StatusOK && len(s.pending) > 0 && s.pending[0].id == next.id {
			s.pending = s.pending[1:]
		}
		s.mu.Unlock()
		if status != http.StatusOK {
			select {
			case <-time.After(20 * time.Millisecond):
			case <-h.stop:
				return
			}
		}
		select {
		case <-h.stop:
			return
		default:
		}
	}
}
