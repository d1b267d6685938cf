package web

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
)

// The API, under /api/v1/ (README, "The web chat's API"):
//
//	POST   /api/v1/conversations  {"lang"?, "text"?}                 -> 201 {"token", "lang", "replies", ...}
//	POST   /api/v1/messages       {"option" | "text", "id"?, "lang"?} -> 200 {"lang", "replies", ...}
//	DELETE /api/v1/conversation                                       -> 200 {"forget": true, "replies"}
//
// The last two name the conversation with "Authorization: Bearer TOKEN".
// Replies come in the answer to each request: there is nothing to poll.

// Bounds of what a request may carry. A person types far less; anything
// bigger is refused before it is read further.
const (
	// MaxBody bounds a request body, in bytes.
	MaxBody = 16 << 10
	// MaxText bounds a typed message, in bytes (the engine reads the
	// first flows.MaxInputText of it).
	MaxText   = 4096
	maxOption = 128
	maxID     = 64
	maxLang   = 35
)

// startRequest starts a conversation: in a language (the device's), and
// with the person's first message when they typed before anything else,
// as in a messenger; without one it opens with the welcome.
type startRequest struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// messageRequest is one thing the person did: an option pressed (its id)
// or text typed. ID, when given, names the message within the
// conversation, so that a message sent again after a lost answer is
// recognised and answered with where the conversation is, not handled
// twice. Lang is the device's language, for when the conversation has
// gone and a new one begins.
type messageRequest struct {
	ID     string `json:"id"`
	Option string `json:"option"`
	Text   string `json:"text"`
	Lang   string `json:"lang"`
}

// answer is what every request that reached a conversation gets back.
type answer struct {
	// Token is the new conversation's, in the answer to a start only.
	Token string `json:"token,omitempty"`
	// Lang is the language of the conversation now, for the page's own
	// words.
	Lang    string  `json:"lang"`
	Replies []reply `json:"replies"`
	// Refused: a pressed option did not belong to the current question
	// (an old or forged one); the replies show the current question.
	Refused bool `json:"refused"`
	// Forget: the conversation is wiped (the quick exit, /stop, "weg").
	// Remove it from the screen; the token names no conversation any
	// more. KeepLine, with it: the one reply says how to come back and
	// stays; without it, leave for a neutral page at once.
	Forget   bool `json:"forget"`
	KeepLine bool `json:"keep_line"`
	// Degraded: the conversation could not be loaded or saved; the
	// replies are the safety card (112 and the main helplines). Trying
	// again later goes on where the conversation was.
	Degraded bool `json:"degraded"`
}

// apiError is a request refused: its status, a code that is also the
// reason the metrics count it under, and a message for the developer of
// a front end. It goes back to the one who asked and is never logged.
type apiError struct {
	status int
	code   string
	msg    string
	allow  string        // for 405
	retry  time.Duration // for 429
}

func (e *apiError) Error() string { return e.code + ": " + e.msg }

var (
	errNotFound     = &apiError{status: http.StatusNotFound, code: "not_found", msg: "no such path; the API is under /api/v1/"}
	errMediaType    = &apiError{status: http.StatusUnsupportedMediaType, code: "media_type", msg: "send JSON, with Content-Type: application/json"}
	errTooLarge     = &apiError{status: http.StatusRequestEntityTooLarge, code: "too_large", msg: fmt.Sprintf("the body is larger than %d bytes", MaxBody)}
	errTextTooLong  = &apiError{status: http.StatusRequestEntityTooLarge, code: "too_large", msg: fmt.Sprintf("the text is longer than %d bytes", MaxText)}
	errNoToken      = &apiError{status: http.StatusUnauthorized, code: "no_token", msg: "send the conversation's token as Authorization: Bearer TOKEN"}
	errUnknownToken = &apiError{status: http.StatusUnauthorized, code: "unknown_token", msg: "this token was not handed out here: start a conversation with POST /api/v1/conversations"}
	errInternal     = &apiError{status: http.StatusInternalServerError, code: "internal", msg: "something went wrong on our side"}
)

func errBad(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, code: "bad_request", msg: fmt.Sprintf(format, args...)}
}

func errMethod(allow string) *apiError {
	return &apiError{status: http.StatusMethodNotAllowed, code: "method", msg: "use " + allow, allow: allow}
}

// start begins a conversation: it hands out its token and answers its
// first update, /start, or the text the person typed first.
func (s *Server) start(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		s.fail(w, r, errMethod(http.MethodPost))
		return
	}
	var req startRequest
	if err := decode(w, r, &req, true); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := checkLang(req.Lang); err != nil {
		s.fail(w, r, err)
		return
	}
	in := flows.Input{Kind: flows.Text, Data: "/start", Lang: req.Lang}
	if req.Text != "" {
		if err := checkText(req.Text); err != nil {
			s.fail(w, r, err)
			return
		}
		in.Data = req.Text
	}
	// What is not the quick exit counts towards the address; danger does
	// not count towards the conversations it may start.
	addr := bucket{perAddress, addressKey(clientAddr(r, s.TrustedProxies))}
	var limits []bucket
	switch s.Engine.Urgency(in) {
	case flows.Ordinary:
		limits = []bucket{addr, {perStart, addr.key}}
	case flows.Safety:
		limits = []bucket{addr}
	}
	if err := s.limit(limits...); err != nil {
		s.refuse(w, r, err, req.Lang)
		return
	}
	token, chat := s.tokens.mint()
	out := s.handle(r, chat, "", in)
	a := s.answer(out, in.Lang)
	a.Token = token
	writeJSON(w, http.StatusCreated, a)
}

// message hands one option or text of a conversation to the dispatcher.
func (s *Server) message(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		s.fail(w, r, errMethod(http.MethodPost))
		return
	}
	chat, err := s.token(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var req messageRequest
	if err := decode(w, r, &req, false); err != nil {
		s.fail(w, r, err)
		return
	}
	in, err := req.input()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The engine says how urgent this is, as the dispatcher will read
	// it: the quick exit is never refused, and danger not for the
	// conversation's own pace. Everything but the exit counts towards
	// the address, and a refusal still shows the safety card.
	addr := bucket{perAddress, addressKey(clientAddr(r, s.TrustedProxies))}
	var limits []bucket
	switch s.Engine.Urgency(in) {
	case flows.Ordinary:
		limits = []bucket{addr, {perChat, chatKey(chat)}}
	case flows.Safety:
		limits = []bucket{addr}
	}
	if err := s.limit(limits...); err != nil {
		s.refuse(w, r, err, req.Lang)
		return
	}
	out := s.handle(r, chat, req.ID, in)
	writeJSON(w, http.StatusOK, s.answer(out, in.Lang))
}

// exit is the quick exit: the conversation is wiped, whatever its state
// and however often it is asked. It takes no body and no limit.
func (s *Server) exit(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodDelete {
		s.fail(w, r, errMethod(http.MethodDelete))
		return
	}
	chat, err := s.token(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := s.handle(r, chat, "", flows.ChoiceInput(flows.DataExit))
	writeJSON(w, http.StatusOK, s.answer(out, ""))
}

// input checks a message and turns it into the engine's input.
func (req messageRequest) input() (flows.Input, error) {
	if err := checkLang(req.Lang); err != nil {
		return flows.Input{}, err
	}
	if len(req.ID) > maxID || !printable(req.ID) {
		return flows.Input{}, errBad("id must be at most %d printable ASCII characters", maxID)
	}
	switch {
	case req.Option != "" && req.Text != "":
		return flows.Input{}, errBad("send an option or a text, not both")
	case req.Option != "":
		if len(req.Option) > maxOption || !printable(req.Option) {
			return flows.Input{}, errBad("option must be the id of an option, at most %d printable ASCII characters", maxOption)
		}
		return flows.Input{Kind: flows.Choice, Data: req.Option, Lang: req.Lang}, nil
	case req.Text != "":
		if err := checkText(req.Text); err != nil {
			return flows.Input{}, err
		}
		return flows.Input{Kind: flows.Text, Data: req.Text, Lang: req.Lang}, nil
	}
	return flows.Input{}, errBad("send an option or a text")
}

func checkText(text string) error {
	if len(text) > MaxText {
		return errTextTooLong
	}
	if strings.TrimSpace(text) == "" {
		return errBad("text is empty")
	}
	return nil
}

func checkLang(lang string) error {
	if len(lang) > maxLang {
		return errBad("lang must be a language tag such as nl or en-GB")
	}
	for _, r := range lang {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return errBad("lang must be a language tag such as nl or en-GB")
		}
	}
	return nil
}

// printable reports whether s is printable ASCII without spaces.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// token returns the chat id of the conversation the request names.
func (s *Server) token(r *http.Request) (int64, error) {
	auth := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return 0, errNoToken
	}
	chat, ok := s.tokens.check(strings.TrimSpace(token))
	if !ok {
		return 0, errUnknownToken
	}
	return chat, nil
}

// decode reads a JSON body into v, strictly: one object of known fields,
// at most MaxBody bytes. An empty body is an empty object when emptyOK.
func decode(w http.ResponseWriter, r *http.Request, v any, emptyOK bool) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return errTooLarge
	case err != nil:
		return errBad("the body could not be read")
	case len(bytes.TrimSpace(body)) == 0 && emptyOK:
		return nil
	case len(body) == 0:
		return errBad("send a JSON object")
	case !isJSON(r.Header.Get("Content-Type")):
		return errMediaType
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errBad("the body is not a JSON object of the API's fields: %s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return errBad("the body holds more than one JSON value")
	}
	return nil
}

// jsonProblem says what is wrong with a body without repeating it: the
// decoder's errors name a field or a place, never a value, except for
// syntax errors, which are named by their offset only.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return "invalid JSON at byte " + strconv.FormatInt(syntax.Offset, 10)
	case errors.As(err, &typ):
		return "field " + strconv.Quote(typ.Field) + " must be a " + typ.Type.String()
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "it ends too early"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	}
	return "invalid JSON"
}

// handle hands an update to the dispatcher. It goes on when the page has
// gone: a quick exit asked for on the way out must still wipe the
// conversation, and a message received is handled whole.
func (s *Server) handle(r *http.Request, chat int64, id string, in flows.Input) bot.Outcome {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), cmp.Or(s.HandleTimeout, 10*time.Second))
	defer cancel()
	s.metrics().Received(kind(in))
	out, err := s.Handler.Handle(ctx, bot.Update{Platform: Platform, ChatID: chat, ID: id, Input: in})
	if err != nil {
		s.log().Warn("web: update handled without its session", "degraded", out.Degraded, "err", err)
	}
	return out
}

// kind names an input for the metrics: what the person did, never what
// they said.
func kind(in flows.Input) string {
	switch {
	case in.Kind == flows.Choice:
		return "button"
	case strings.HasPrefix(strings.TrimSpace(in.Data), "/"):
		return "command"
	}
	return "text"
}

// answer turns the dispatcher's outcome into the API's answer.
func (s *Server) answer(out bot.Outcome, device string) answer {
	s.metrics().Replied(len(out.Replies))
	return answer{
		Lang:     s.lang(out.Lang, device),
		Replies:  replies(out.Replies),
		Refused:  out.Refused,
		Forget:   out.Forget,
		KeepLine: out.KeepLine,
		Degraded: out.Degraded,
	}
}

// lang is the language of the conversation as the engine left it, or the
// device's when the content has it, or the default.
func (s *Server) lang(conversation, device string) string {
	if s.Content.HasLang(conversation) {
		return conversation
	}
	if l := primary(device); s.Content.HasLang(l) {
		return l
	}
	return content.DefaultLang
}

// limit takes one request from each of the buckets, or none.
func (s *Server) limit(bs ...bucket) *apiError {
	if len(bs) == 0 {
		return nil
	}
	if ok, retry := s.flood.allow(bs...); !ok {
		return &apiError{status: http.StatusTooManyRequests, code: "flood", msg: "too many requests; try again after Retry-After seconds", retry: retry}
	}
	return nil
}

// refuse answers a request refused for a flood with the safety card, so
// that even then the person sees 112 and where to find help.
func (s *Server) refuse(w http.ResponseWriter, _ *http.Request, e *apiError, device string) {
	s.metrics().Refused(e.code)
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(e.retry.Seconds())))))
	lang := s.lang("", device)
	writeJSON(w, e.status, struct {
		Error   string  `json:"error"`
		Message string  `json:"message"`
		Lang    string  `json:"lang"`
		Replies []reply `json:"replies"`
	}{e.code, e.msg, lang, []reply{toReply(s.Engine.SafetyCard(lang))}})
}

// fail answers a request refused with its JSON error.
func (s *Server) fail(w http.ResponseWriter, _ *http.Request, err error) {
	var e *apiError
	if !errors.As(err, &e) {
		e = errInternal
	}
	if e.status < 500 {
		s.metrics().Refused(e.code)
	}
	if e.allow != "" {
		w.Header().Set("Allow", e.allow)
	}
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", "Bearer")
	}
	writeJSON(w, e.status, struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}{e.code, e.msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only our own types are written, and they always marshal.
		status, b = http.StatusInternalServerError, []byte(`{"error":"internal","message":"something went wrong on our side"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// chatKey is a chat id as the bytes its flood bucket is kept under.
func chatKey(chat int64) []byte {
	return strconv.AppendInt(nil, chat, 36)
}
