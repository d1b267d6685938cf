package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/internal/retry"
)

// Every Bot API call but getUpdates goes out through one chain of small
// links, each with one job, as net/http middleware wraps a Handler: the
// limits (once per message: a retry is the same message), the retries,
// the metrics, the redaction of errors (logs.go), and the request itself
// (client.go).

// outbound is one Bot API call: the method, the chat it counts towards (0
// for none), how it counts, its parameters, and a pointer the answer's
// result is decoded into (nil: nothing of it is needed).
type outbound struct {
	method string
	chat   int64
	class  callClass
	form   tgbotapi.Params
	result any
}

// caller makes one Bot API call.
type caller func(ctx context.Context, o *outbound) error

// chain is the outbound chain, the first link outermost.
func (b *Bot) chain() caller {
	return b.limited(b.retried(b.counted(b.redacted(b.roundTrip))))
}

// limited waits until the call may go under Telegram's limits.
func (b *Bot) limited(next caller) caller {
	return func(ctx context.Context, o *outbound) error {
		if err := b.limits.wait(ctx, o.chat, o.class); err != nil {
			return fmt.Errorf("telegram %s: %w", o.method, err)
		}
		return next(ctx, o)
	}
}

// retried tries a call again after retry_after on a 429, however often it
// comes (a reply is delayed rather than lost), and with back-off on 5xx
// and network errors, up to MaxAttempts. Other errors would fail again.
func (b *Bot) retried(next caller) caller {
	return func(ctx context.Context, o *outbound) error {
		failures := 0 // those that count towards MaxAttempts
		err := b.Clock.Do(ctx, func() error {
			return next(ctx, o)
		}, func(err error, _ int) (time.Duration, bool) {
			if ctx.Err() != nil {
				return 0, false
			}
			wait, again := b.retryAfter(err, failures)
			if !again {
				return 0, false
			}
			if apiCode(err) != http.StatusTooManyRequests {
				if failures++; failures >= b.MaxAttempts {
					return 0, false
				}
			}
			b.log().Debug("telegram call retried", "method", o.method, "code", apiCode(err), "wait", wait.String())
			b.metrics().Retried(o.method, callCode(err))
			return wait, true
		})
		switch {
		case err == nil:
			return nil
		case ctx.Err() != nil:
			return fmt.Errorf("telegram %s: %w", o.method, ctx.Err())
		case failures >= b.MaxAttempts:
			return fmt.Errorf("after %d attempts: %w", failures, err)
		}
		return err
	}
}

// counted tells Metrics of each attempt not ended by its context.
func (b *Bot) counted(next caller) caller {
	return func(ctx context.Context, o *outbound) error {
		err := next(ctx, o)
		switch {
		case err == nil:
			b.metrics().Called(o.method, 0)
		case ctx.Err() == nil:
			b.metrics().Called(o.method, callCode(err))
		}
		return err
	}
}

// redacted passes every error of the call through outside.
func (b *Bot) redacted(next caller) caller {
	return func(ctx context.Context, o *outbound) error {
		return outside(o.method, next(ctx, o))
	}
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
			return b.backoff().Pause(failures), true
		case te.Code != 0:
			return 0, false
		}
	}
	// Network errors, time-outs and undecodable answers are transient.
	return b.backoff().Pause(failures), true
}

// backoff is Backoff doubled after each failure up to MaxBackoff, with a
// quarter of jitter so that chats failing at once do not retry in step.
func (b *Bot) backoff() retry.Backoff {
	return retry.Backoff{First: b.Backoff, Max: b.MaxBackoff, Jitter: 0.25}
}
