package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// doer is the HTTP client handed to tgbotapi. The library builds requests
// without a context, so doer gives each one: it ends with ctx (so that
// shutdown can interrupt a long poll or a hopeless send) and after timeout.
//
// It also keeps the token out of errors. The request URL carries the token
// (".../bot<token>/sendMessage") and net/http puts the URL into every
// transport error, so such errors are replaced by the bare cause and the
// method name before anything can log them.
type doer struct {
	hc      *http.Client
	ctx     context.Context
	timeout time.Duration
	token   string
}

func (d *doer) Do(req *http.Request) (*http.Response, error) {
	method := path.Base(req.URL.Path)
	ctx, cancel := context.WithTimeout(d.ctx, d.timeout)
	resp, err := d.hc.Do(req.WithContext(ctx))
	if err != nil {
		cancel()
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, &requestError{method: method, err: err, token: d.token}
	}
	// A proxy in front of the Bot API may answer a 5xx or 429 with an HTML
	// page, which tgbotapi would fail to decode without saying what
	// happened; turn such answers into an error that carries the status.
	if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
		if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != "application/json" {
			retry, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
			cancel()
			return nil, &tgbotapi.Error{
				Code:               resp.StatusCode,
				Message:            method + ": " + http.StatusText(resp.StatusCode),
				ResponseParameters: tgbotapi.ResponseParameters{RetryAfter: retry},
			}
		}
	}
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
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

// requestError is a failed HTTP request to the Bot API, without its URL.
type requestError struct {
	method string
	err    error
	token  string
}

func (e *requestError) Error() string {
	msg := fmt.Sprintf("telegram %s: %v", e.method, e.err)
	if e.token != "" {
		// Belt and braces: no cause should carry the URL any more.
		msg = strings.ReplaceAll(msg, e.token, "<token>")
	}
	return msg
}

func (e *requestError) Unwrap() error { return e.err }

// callClass says how a call counts towards Telegram's limits.
type callClass uint8

const (
	// classMessage is a message shown in a chat (sent or edited): it counts
	// towards the chat's limit and the overall one.
	classMessage callClass = iota
	// classOther counts towards the overall limit only: deleting, answering
	// callback and inline queries, configuring the bot.
	classOther
)

// call makes one Bot API call through the rate limits, again after
// retry_after when Telegram answers 429 and with back-off on 5xx and network
// errors. It gives up on other errors, which would fail again (a 400 for a
// message that is gone, a 403 from a user who blocked the bot), after
// MaxAttempts failures that are not 429, or when ctx ends. A 429 is waited
// out however often it comes, until ctx ends: a reply is delayed rather
// than lost.
func (b *Bot) call(ctx context.Context, chat int64, class callClass, method string, do func() (*tgbotapi.APIResponse, error)) (*tgbotapi.APIResponse, error) {
	failures := 0
	for {
		if err := b.limits.wait(ctx, chat, class == classMessage); err != nil {
			return nil, fmt.Errorf("telegram %s: %w", method, err)
		}
		resp, err := do()
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("telegram %s: %w", method, ctx.Err())
		}
		wait, retry := b.retryAfter(err, failures)
		if !retry {
			return nil, wrapCall(method, err)
		}
		if apiCode(err) != http.StatusTooManyRequests {
			if failures++; failures >= b.MaxAttempts {
				return nil, fmt.Errorf("after %d attempts: %w", failures, wrapCall(method, err))
			}
		}
		b.log().Debug("telegram call retried", "method", method, "code", apiCode(err), "wait", wait.String())
		if err := sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("telegram %s: %w", method, err)
		}
	}
}

// send makes a call with a tgbotapi config and decodes the message it
// returns, when it returns one.
func (b *Bot) send(ctx context.Context, chat int64, class callClass, c tgbotapi.Chattable, method string) (tgbotapi.Message, error) {
	resp, err := b.call(ctx, chat, class, method, func() (*tgbotapi.APIResponse, error) { return b.api.Request(c) })
	if err != nil {
		return tgbotapi.Message{}, err
	}
	var m tgbotapi.Message
	if len(resp.Result) > 0 && resp.Result[0] == '{' {
		if err := json.Unmarshal(resp.Result, &m); err != nil {
			return m, fmt.Errorf("telegram %s: decode result: %w", method, err)
		}
	}
	return m, nil
}

// retryAfter decides whether a failed call is tried again, and after how
// long.
func (b *Bot) retryAfter(err error, failures int) (time.Duration, bool) {
	var te *tgbotapi.Error
	if errors.As(err, &te) {
		switch {
		case te.RetryAfter > 0:
			return time.Duration(te.RetryAfter) * time.Second, true
		case te.Code == http.StatusTooManyRequests:
			return time.Second, true
		case te.Code >= 500:
			return b.backoff(failures), true
		case te.Code != 0:
			return 0, false
		}
	}
	// Network errors, time-outs and undecodable answers are transient.
	return b.backoff(failures), true
}

// backoff is the pause after the n-th consecutive failure (from 0):
// Backoff doubled each time up to MaxBackoff, with up to a quarter of
// jitter so that many chats failing at once do not retry in step.
func (b *Bot) backoff(n int) time.Duration {
	d := b.Backoff << min(n, 20)
	if d <= 0 || d > b.MaxBackoff {
		d = b.MaxBackoff
	}
	return d - time.Duration(rand.Int64N(int64(d)/4+1))
}

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

// callError is a Bot API error with the method that failed. The library's
// own error says only Telegram's description.
type callError struct {
	method string
	err    error
}

func (e *callError) Error() string { return "telegram " + e.method + ": " + e.err.Error() }
func (e *callError) Unwrap() error { return e.err }

func wrapCall(method string, err error) error {
	var re *requestError
	if errors.As(err, &re) {
		return err // already names the method
	}
	return &callError{method: method, err: err}
}
