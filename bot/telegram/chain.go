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

// Every Bot API call but polling's getUpdates goes out through one chain
// of small links, each with one job, as net/http middleware wraps a
// Handler: the limits, then the retries, then the metrics, then the
// redaction of errors, and last the request itself. Read from the
// outside in:
//
//   - limited waits for Telegram's limits once per message: a message
//     tried again after a failure is the same message, and the wait
//     Telegram asks for after a 429 is the retry's to keep;
//   - retried tries again after retry_after on a 429 and with back-off on
//     5xx and network errors, on the bot's clock;
//   - counted tells Metrics of every attempt;
//   - redacted turns every error from outside into one that carries no
//     token, id or text (logs.go) before anything above sees it;
//   - roundTrip makes the request with the call's own context, so that a
//     quick exit carried out after the rest of the work was abandoned is
//     not cut off with it, and reads into result what the call needs of
//     Telegram's answer (client.go).

// outbound is one Bot API call on its way to Telegram: the method, the
// chat it counts towards (0 for none), how it counts, its parameters, and
// where the result of Telegram's answer goes.
type outbound struct {
	method string
	chat   int64
	class  callClass
	form   tgbotapi.Params
	// result receives the answer's result: a pointer to decode into, or
	// nil when nothing of it is needed.
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

// retried tries a call again after retry_after when Telegram answers 429,
// and with back-off on 5xx and network errors. It gives up on other
// errors, which would fail again (a 400 for a message that is gone, a 403
// from a user who blocked the bot), after MaxAttempts failures that are
// not 429, or when ctx ends. A 429 is waited out however often it comes,
// until ctx ends: a reply is delayed rather than lost.
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

// counted tells Metrics of each attempt that ends other than by its
// context.
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

// backoff is the pause after failures in a row: Backoff doubled each time
// up to MaxBackoff, with up to a quarter of jitter so that many chats
// failing at once do not retry in step.
func (b *Bot) backoff() retry.Backoff {
	return retry.Backoff{First: b.Backoff, Max: b.MaxBackoff, Jitter: 0.25}
}
