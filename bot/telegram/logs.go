package telegram

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Everything the bot learns from outside (a Bot API error description, a
// transport error, an answer it could not decode) may repeat what it was
// sent: a proxy that echoes the request path repeats the token, a
// description may quote a chat id or a piece of a message. None of that
// text is kept: outside reduces every such error to the method and a
// class from a known list before anything logs or returns it.

// outsideError is an error from outside, in the only form the bot keeps:
// the method it happened in and redacted text. Its chain holds what the
// bot decides on (a Bot API error, whose description is redacted in place,
// or the end of a context) and never the raw cause, so that no one can
// print the unredacted text by unwrapping.
type outsideError struct {
	method string
	msg    string
	cause  error
}

func (e *outsideError) Error() string { return "telegram " + e.method + ": " + e.msg }
func (e *outsideError) Unwrap() error { return e.cause }

// outside turns any error of a call to method into an outsideError. It is
// the one step every such error passes before it is logged or returned;
// an error that passed it before is returned as it is.
func outside(method string, err error) error {
	if err == nil {
		return nil
	}
	var oe *outsideError
	if errors.As(err, &oe) {
		return err
	}
	e := &outsideError{method: method}
	var te *tgbotapi.Error
	switch {
	case errors.As(err, &te):
		// The library returns a fresh *Error per call, so it may be
		// changed in place. Only the class of the description is kept:
		// a description is text from outside, and may quote a name.
		te.Message = apiErrorClass(te.Code, te.Message)
		e.cause = te
		e.msg = te.Message
		return e
	case errors.Is(err, context.Canceled):
		e.cause = context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		e.cause = context.DeadlineExceeded
	}
	e.msg = networkErrorClass(err)
	return e
}

// apiErrorClasses are the Bot API error descriptions the bot tells apart,
// as their lower-case core, in the order they are looked for. An error's
// description is replaced by the first class it contains, so that what
// reaches a log or a decision is one of a known list and never text a
// server made up (which could quote a name or a message). The code
// decides on some of these (see gone, blocked, quickExit), so a class
// keeps the words they look for.
var apiErrorClasses = []string{
	"message is not modified",
	"message to edit not found",
	"message to delete not found",
	"message can't be deleted",
	"message can't be edited",
	"message_ids_invalid",
	"query is too old",
	"query id is invalid",
	"bot was blocked by the user",
	"bot was kicked",
	"user is deactivated",
	"chat not found",
	"not enough rights",
	"message is too long",
	"message text is empty",
	"can't parse entities",
	"reply markup is too long",
	"button_data_invalid",
	"wrong file identifier",
	"too many requests",
	"terminated by other getupdates request",
	"can't use getupdates method while webhook is active",
	"unauthorized",
	"not found",
	"conflict",
}

// apiErrorClass reduces a Bot API error description to its class: one of
// apiErrorClasses, or the HTTP status text of code when it is none of
// them.
func apiErrorClass(code int, desc string) string {
	lower := strings.ToLower(desc)
	for _, c := range apiErrorClasses {
		if strings.Contains(lower, c) {
			return c
		}
	}
	if t := http.StatusText(code); t != "" {
		return strings.ToLower(t) + " (other)"
	}
	return "other"
}

// networkErrorClass says what kind of failure a call met that got no
// answer from the Bot API: the cause's kind, never its text, which holds
// the request URL and with it the token.
func networkErrorClass(err error) string {
	var (
		ne   net.Error
		dns  *net.DNSError
		op   *net.OpError
		syn  *json.SyntaxError
		typ  *json.UnmarshalTypeError
		x509 *tls.CertificateVerificationError
	)
	switch {
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.As(err, &dns):
		return "dns lookup failed"
	case errors.As(err, &x509):
		return "tls certificate not accepted"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection closed"
	case errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.As(err, &syn), errors.As(err, &typ):
		return "answer not understood"
	case errors.As(err, &op):
		return "network error (" + op.Op + ")"
	}
	return "network error"
}

// decodeProblem describes why a webhook body could not be decoded, by the
// class of the error and where in the body it happened, and never by what
// the body holds: a type error repeats the offending number, which may be
// a chat id.
func decodeProblem(err error) (class string, offset int64) {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
		big *http.MaxBytesError
	)
	switch {
	case errors.As(err, &big):
		return "too large", 0
	case errors.As(err, &syn):
		return "syntax", syn.Offset
	case errors.As(err, &typ):
		return "type", typ.Offset
	case errors.Is(err, io.EOF):
		return "empty", 0
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated", 0
	}
	return "unreadable", 0
}

// rollup turns a stream of like events into at most one log line per
// interval, with the counts. The first event of a quiet interval is
// logged at once, so that an operator sees that it started; the rest are
// counted and logged when the interval is over, or at flush. A flood of
// bad requests then costs a line a minute instead of a line each.
type rollup struct {
	log   func() *slog.Logger
	level slog.Level
	msg   string
	every time.Duration

	mu     sync.Mutex
	counts map[string]int
	last   time.Time // when the last line was written
	timer  *time.Timer
}

func newRollup(log func() *slog.Logger, level slog.Level, msg string, every time.Duration) *rollup {
	return &rollup{log: log, level: level, msg: msg, every: every, counts: map[string]int{}}
}

// add counts one event of a kind.
func (r *rollup) add(kind string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.counts[kind]++
	if r.timer != nil {
		return // a line is due anyway
	}
	since := time.Since(r.last)
	if r.last.IsZero() || since >= r.every {
		r.writeLocked()
		return
	}
	r.timer = time.AfterFunc(r.every-since, r.flush)
}

// flush writes what was counted and not yet logged.
func (r *rollup) flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	if len(r.counts) > 0 {
		r.writeLocked()
	}
}

func (r *rollup) writeLocked() {
	kinds := make([]string, 0, len(r.counts))
	for k := range r.counts {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	attrs := make([]any, 0, 2*len(kinds)+2)
	for _, k := range kinds {
		attrs = append(attrs, k, r.counts[k])
	}
	attrs = append(attrs, "per", r.every.String())
	r.log().Log(context.Background(), r.level, r.msg, attrs...)
	clear(r.counts)
	r.last = time.Now()
}
