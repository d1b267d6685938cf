package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// statusError reads an answer that is not 200 into an error. The Bot API
// answers an error with its code as the HTTP status. A description that
// quotes what was sent (a text, a chat id) loses those values along with
// the token.
func (b *Bot) statusError(method string, resp *http.Response, sent []string) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var answer tgbotapi.APIResponse
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt == "application/json" && json.Unmarshal(body, &answer) == nil && !answer.Ok && answer.ErrorCode != 0 {
		e := &tgbotapi.Error{Code: answer.ErrorCode, Message: b.redact.cleanWith(answer.Description, sent)}
		if answer.Parameters != nil {
			e.ResponseParameters = *answer.Parameters
		}
		return e
	}
	// Anything else, such as a proxy's HTML page for a 502, becomes an
	// error that carries the status and nothing of the page, which may
	// echo the request.
	retry, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	return &tgbotapi.Error{
		Code:               resp.StatusCode,
		Message:            method + ": " + http.StatusText(resp.StatusCode),
		ResponseParameters: tgbotapi.ResponseParameters{RetryAfter: retry},
	}
}

// send makes the request. A client without cookies, redirect rules or a
// time-out of its own, as the bot makes it, adds nothing to its transport
// but copies of the request's URL and header for redirects the Bot API
// never sends; the request then goes to the transport directly, without
// those copies, which the load command's profile showed on every call.
func send(hc *http.Client, req *http.Request) (*http.Response, error) {
	if hc.Jar != nil || hc.CheckRedirect != nil || hc.Timeout != 0 {
		return hc.Do(req)
	}
	rt := hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	return rt.RoundTrip(req)
}

// roundTrip makes the call o with requests that end with ctx, or after
// timeout, and decodes the answer's result into o.result.
func (b *Bot) roundTrip(ctx context.Context, timeout time.Duration, o *outbound) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf(b.Endpoint, b.Token, o.method), strings.NewReader(encode(o.form)))
	if err != nil {
		return b.redact.outside(o.method, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := send(b.Client, req)
	if err != nil {
		return b.redact.outside(o.method, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return b.statusError(o.method, resp, formValues(o.form))
	}
	buf := answers.Get().(*bytes.Buffer)
	defer answers.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, maxAnswer)); err != nil {
		return err
	}
	return decodeAnswer(buf.Bytes(), o.result)
}

// maxAnswer is the most of an answer that is read: a message Telegram
// sends back is a few kilobytes at most.
const maxAnswer = 1 << 20

// answers are the buffers answers are read into; decoding copies what it
// keeps.
var answers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// answer is what is read of Telegram's answer to a call: whether it was
// done, why not, and the result, into what the call needs of it.
type answer struct {
	Ok          bool                         `json:"ok"`
	ErrorCode   int                          `json:"error_code"`
	Description string                       `json:"description"`
	Parameters  *tgbotapi.ResponseParameters `json:"parameters"`
	Result      any                          `json:"result"`
}

// skipped is the result of a call whose result is not needed: it is not
// decoded at all.
type skipped struct{}

func (*skipped) UnmarshalJSON([]byte) error { return nil }

// decodeAnswer reads body, an answer of the Bot API, into result (nil:
// nothing of the result is needed) in one pass of encoding/json. A result
// that is not an object (true, for a message Telegram had no need to send
// back) leaves a struct result as it was.
func decodeAnswer(body []byte, result any) error {
	if result == nil {
		result = &skipped{}
	}
	a := answer{Result: result}
	if err := json.Unmarshal(body, &a); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) || te.Field != "result" || te.Value == "object" {
			return fmt.Errorf("decode answer: %w", err)
		}
	}
	if !a.Ok {
		e := &tgbotapi.Error{Code: a.ErrorCode, Message: a.Description}
		if a.Parameters != nil {
			e.ResponseParameters = *a.Parameters
		}
		return e
	}
	return nil
}

// formValues are the values of form, for cleanWith.
func formValues(form tgbotapi.Params) []string {
	var out []string
	for _, v := range form {
		out = append(out, v)
	}
	return out
}

// encode is the request body of the parameters p, as the library's
// MakeRequest writes it.
func encode(p tgbotapi.Params) string {
	form := make(url.Values, len(p))
	for k, v := range p {
		form.Set(k, v)
	}
	return form.Encode()
}

// callClass says how a call counts towards Telegram's limits.
type callClass uint8

const (
	// classReply is a message answering what a person sent (sent or
	// edited): it counts towards the chat's limit and the overall one,
	// and goes ahead of further messages (see limiter), in the order the
	// updates it answers came.
	classReply callClass = iota
	// classMessage is a further part of a text too long for one message:
	// it counts like a reply but yields to replies for the overall limit.
	classMessage
	// classOther is a call that is no message: deleting, answering
	// callback and inline queries, configuring the bot. Telegram does not
	// count it towards the limits on messages, and neither does the
	// limiter.
	classOther
	// classUrgent is the first message of an answer that must not wait:
	// the quick exit's line and an answer with 112. It goes ahead of
	// first answers for the overall limit, and takes its chat's token
	// without waiting for it (the chat's later messages wait the longer),
	// so that the chat's own replies sent just before do not hold it up.
	classUrgent
	// classFirst is a message of a person's first answer: the welcome of
	// a new conversation, with the privacy note in it. It goes ahead of
	// every other answer but the urgent ones for the overall limit, so
	// that when many people arrive at once each has a first answer as
	// early as Telegram's limits allow.
	classFirst
)

// apiCode is the error_code of a Bot API error, or 0.
func apiCode(err error) int {
	var te *tgbotapi.Error
	if errors.As(err, &te) {
		return te.Code
	}
	return 0
}

// apiDescription is the description of a Bot API error, or "".
func apiDescription(err error) string {
	var te *tgbotapi.Error
	if errors.As(err, &te) {
		return te.Message
	}
	return ""
}
