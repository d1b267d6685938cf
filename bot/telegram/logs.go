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

// outsideError is an error from outside, in the only form the bot keeps:
// the method and a class from a known list. Anything from outside may
// repeat what it was sent (a proxy echoing the path repeats the token, a
// description may quote a chat id or a message). Its chain holds only what
// the bot decides on (a Bot API error with its description redacted in
// place, or the end of a context), never the raw cause.
type outsideError struct {
	method string
	msg    string
	cause  error
}

func (e *outsideError) Error() string { return "telegram " + e.method + ": " + e.msg }
func (e *outsideError) Unwrap() error { return e.cause }

// outside turns any error of a call to method into an outsideError, the
// one step every such error passes before it is logged or returned.
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
		// A fresh *Error per call, so it may be changed in place.
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
// in the order they are looked for; a description becomes the first it
// contains. The code decides on some (see gone, blocked, quickExit).
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

// apiErrorClass reduces a description to one of apiErrorClasses, or else
// to the status text of code.
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

// networkErrorClass names the kind of a failure without an answer, never
// its text, which holds the URL and so the token.
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

// decodeProblem describes why a webhook body could not be decoded by
// class and offset, never by content (a type error repeats the number,
// which may be a chat id).
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
// interval, with the counts: the first of a quiet interval at once, the
// rest when the interval is over, or at flush.
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
