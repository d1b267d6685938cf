package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// roundTrip makes the call o with a request that ends with ctx, or after
// RequestTimeout (a long poll: after LongPoll and some), and decodes the
// answer's result into o.result. Its errors pass outside (the chain's
// redacted) before anyone sees them: a transport error carries the
// request URL, and with it the token.
func (b *Bot) roundTrip(ctx context.Context, o *outbound) error {
	timeout := b.RequestTimeout
	if o.method == "getUpdates" {
		timeout = b.LongPoll + 15*time.Second
	}
	if err := ctx.Err(); err != nil {
		return err // a send job a quick exit cut short starts no call
	}
	// A call already on its way when a quick exit comes is let finish
	// (see onWire).
	ctx, cancel := context.WithTimeout(onWire(ctx), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf(b.Endpoint, b.Token, o.method), strings.NewReader(encode(o.form)))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := b.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf := answers.Get().(*bytes.Buffer)
	defer answers.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, maxAnswer)); err != nil {
		return err
	}
	return decodeAnswer(o.method, resp, buf.Bytes(), o.result)
}

// answers hold the answers being read, so that a call allocates none.
var answers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxAnswer is the most of an answer that is read.
const maxAnswer = 1 << 20

// answer is Telegram's answer to a call, decoded once: its result goes
// straight into what the call needs of it (a pointer), or is skipped.
type answer struct {
	Ok          bool                         `json:"ok"`
	ErrorCode   int                          `json:"error_code"`
	Description string                       `json:"description"`
	Parameters  *tgbotapi.ResponseParameters `json:"parameters"`
	Result      any                          `json:"result"`
}

// skipped is a result nothing is needed of.
type skipped struct{}

func (*skipped) UnmarshalJSON([]byte) error { return nil }

// decodeAnswer reads Telegram's answer to method, body, into an error or
// into result (nil: nothing of it is needed). Anything else that is not
// 200, such as a proxy's page for a 502, becomes an error with the status
// and nothing of the page. A result that is no object or list (true)
// leaves result as it was.
func decodeAnswer(method string, resp *http.Response, body []byte, result any) error {
	a := answer{Result: result}
	if result == nil {
		a.Result = &skipped{}
	}
	err := json.Unmarshal(body, &a)
	if te := (*json.UnmarshalTypeError)(nil); errors.As(err, &te) && te.Field == "result" {
		err = nil
	}
	if err == nil && !a.Ok && (a.ErrorCode != 0 || resp.StatusCode == http.StatusOK) {
		e := &tgbotapi.Error{Code: a.ErrorCode, Message: a.Description}
		if a.Parameters != nil {
			e.ResponseParameters = *a.Parameters
		}
		return e
	}
	if resp.StatusCode != http.StatusOK {
		retry, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		return &tgbotapi.Error{
			Code:               resp.StatusCode,
			Message:            method + ": " + http.StatusText(resp.StatusCode),
			ResponseParameters: tgbotapi.ResponseParameters{RetryAfter: retry},
		}
	}
	if err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
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
	classReply   callClass = iota // a message answering what a person sent
	classMessage                  // a further part of a text too long for one
	classOther                    // no message: Telegram does not limit it
	// classUrgent is the first message of the quick exit or an answer
	// with 112: ahead of everything, without waiting for its chat.
	classUrgent
	classFirst // a message of a person's first answer, the welcome
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
