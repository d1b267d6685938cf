package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// doer is the HTTP client handed to tgbotapi. The library builds requests
// without a context, so doer gives each one: it ends with ctx (so that
// shutdown can interrupt a long poll or a hopeless send) and after timeout.
//
// It also keeps the token out of errors. The request URL carries the token
// (".../bot<token>/sendMessage") and net/http puts the URL into every
// transport error, so such errors pass the redactor before the library or
// anyone else sees them.
type doer struct {
	hc      *http.Client
	ctx     context.Context
	timeout time.Duration
	redact  *redactor
}

func (d *doer) Do(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(d.ctx, d.timeout)
	return d.finish(req.WithContext(ctx), cancel)
}

// finish sends req, made with a context that cancel ends, and reads an
// answer that is not 200 as Do says.
func (d *doer) finish(req *http.Request, cancel context.CancelFunc) (*http.Response, error) {
	method := path.Base(req.URL.Path)
	resp, err := d.send(req)
	if err != nil {
		cancel()
		return nil, d.redact.outside(method, err)
	}
	if resp.StatusCode == http.StatusOK {
		resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
		return resp, nil
	}
	// The Bot API answers an error with its code as the HTTP status. The
	// error is read here rather than by tgbotapi, because here the request
	// is known: a description that quotes what was sent (a text, a chat id)
	// loses those values along with the token.
	defer cancel()
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var answer tgbotapi.APIResponse
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt == "application/json" && json.Unmarshal(body, &answer) == nil && !answer.Ok && answer.ErrorCode != 0 {
		e := &tgbotapi.Error{Code: answer.ErrorCode, Message: d.redact.cleanWith(answer.Description, sentValues(req))}
		if answer.Parameters != nil {
			e.ResponseParameters = *answer.Parameters
		}
		return nil, e
	}
	// Anything else, such as a proxy's HTML page for a 502, becomes an
	// error that carries the status and nothing of the page, which may
	// echo the request.
	retry, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	return nil, &tgbotapi.Error{
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
func (d *doer) send(req *http.Request) (*http.Response, error) {
	if d.hc.Jar != nil || d.hc.CheckRedirect != nil || d.hc.Timeout != 0 {
		return d.hc.Do(req)
	}
	rt := d.hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	return rt.RoundTrip(req)
}

// sentValues are the parameter values of a request, for cleanWith.
func sentValues(req *http.Request) []string {
	if req.GetBody == nil {
		return nil
	}
	rc, err := req.GetBody()
	if err != nil {
		return nil
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, 1<<20))
	if err != nil {
		return nil
	}
	form, err := url.ParseQuery(string(raw))
	if err != nil {
		return nil
	}
	var out []string
	for _, vs := range form {
		out = append(out, vs...)
	}
	return out
}

// cancelBody releases the request's context once tgbotapi has read and
// closed the answer.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// callClass says how a call counts towards Telegram's limits.
type callClass uint8

const (
	// classReply is the first message answering what a person sent (sent
	// or edited): it counts towards the chat's limit and the overall one,
	// and goes ahead of further messages (see limiter).
	classReply callClass = iota
	// classMessage is any further message: it counts like a reply but
	// yields to replies for the overall limit.
	classMessage
	// classOther counts towards the overall limit only: deleting, answering
	// callback and inline queries, configuring the bot.
	classOther
	// classUrgent is the first message of an answer that must not wait:
	// the quick exit's line and an answer with 112. It goes ahead of
	// first answers for the overall limit, and takes its chat's token
	// without waiting for it (the chat's later messages wait the longer),
	// so that the chat's own replies sent just before do not hold it up.
	classUrgent
	// classFirst is a message of a person's first answer: the welcome of
	// a new conversation and the privacy note after it. It goes ahead of
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
