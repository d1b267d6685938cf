package telegram

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/internal/retry"
)

// poll receives updates with getUpdates until ctx ends. The library's
// GetUpdatesChan moves the offset on before an update is handled (a crash
// loses it) and retries every error after three seconds.
//
// The offset stays at the oldest update whose replies are still on their
// way (see offsets); updates above it already under way come back with
// each call and are passed over. Run confirms the final offset after the
// drain, so that the next instance gets exactly what this one did not
// answer. No error ends polling: a rejected token is logged as an error
// and tried again with back-off while readiness fails.
func (b *Bot) poll(ctx context.Context) error {
	// Metrics and redaction, but not the limits, which are for sending,
	// nor the retries: polling never gives up, and says why it waits.
	fetch := b.counted(b.redacted(b.roundTrip))
	full := false
	for {
		var ups []tgbotapi.Update
		_ = b.Clock.Do(ctx, func() error {
			p := tgbotapi.Params{}
			p.AddNonZero("offset", b.offsets.offset(full))
			p.AddNonZero("limit", pollLimit)
			p.AddNonZero("timeout", max(1, int(b.LongPoll/time.Second)))
			if err := p.AddInterface("allowed_updates", allowedUpdates); err != nil {
				return err
			}
			return fetch(ctx, &outbound{method: "getUpdates", class: classOther, form: p, result: &ups})
		}, func(err error, failures int) (time.Duration, bool) {
			if ctx.Err() != nil {
				return 0, false
			}
			b.metrics().Receiving(false)
			code := apiCode(err)
			wait, transient := b.retryAfter(err, failures)
			if !transient { // a conflict, a rejected token, a bad request
				wait = b.backoff().Pause(failures)
			}
			level, msg := slog.LevelWarn, "telegram: getUpdates failed; trying again"
			switch code {
			case http.StatusConflict: // another instance, or a webhook
				level = slog.LevelError
			case http.StatusUnauthorized, http.StatusNotFound:
				level, msg = slog.LevelError, "telegram: getUpdates refused the token (check TELEGRAM_BOT_TOKEN); trying again"
			}
			b.log().Log(ctx, level, msg, "code", code, "err", err, "wait", wait.String())
			b.metrics().Retried("getUpdates", callCode(err))
			return wait, true
		})
		if ctx.Err() != nil {
			return nil // an interrupted call's updates come again
		}
		b.metrics().Receiving(true)
		fresh := b.queueBatch(ups)
		// A full batch: updates under way would take the place of newer
		// ones (see offsets.offset).
		full = len(ups) == pollLimit
		if fresh == 0 && len(ups) > 0 && !full {
			// Only updates under way came back: wait until one is done.
			if b.offsets.waitChange(ctx, b.Clock, changeWait) != nil {
				return nil
			}
		}
	}
}

// pollLimit is the most updates one getUpdates call asks for: Telegram's
// most.
const pollLimit = 100

// changeWait bounds how long polling waits for an update under way to be
// done before it asks again, and so how long a new person may wait.
const changeWait = 100 * time.Millisecond

// queueBatch queues the new updates of a batch for handling, waits until
// they are handled (not sent), and returns how many were new. An update of
// a chat over its limit is dropped, counted, and done with.
func (b *Bot) queueBatch(ups []tgbotapi.Update) int {
	var wg sync.WaitGroup
	defer wg.Wait()
	fresh := 0
	for i := range ups {
		u := &ups[i]
		if !b.offsets.receive(u.UpdateID) {
			continue // under way, or done with and not yet confirmed
		}
		fresh++
		id := u.UpdateID
		wg.Add(1)
		var once sync.Once
		settled := func() { once.Do(wg.Done) }
		// Once fetched, an update is handled even when a stop comes.
		err := b.queueHandling(b.life, 0, u,
			func(ack bool) { b.offsets.finish(id, ack); settled() },
			func() { b.offsets.handled(id); settled() })
		switch {
		case errors.Is(err, errLaneFull):
			b.offsets.finish(id, true)
			settled()
		case err != nil:
			b.offsets.finish(id, false)
			settled()
		}
	}
	return fresh
}

// offsets keeps, for polling, which updates Telegram may be told are done
// with: those whose replies were sent. The offset to confirm is the oldest
// update still under way or abandoned, or one past the newest received.
// After a full batch of a hundred, the offset moves past the updates
// handled whose replies are still being sent, so that a chat waiting out
// Telegram's limits cannot keep everyone newer out of reach.
type offsets struct {
	mu      sync.Mutex
	next    int          // one past the newest update received
	open    map[int]bool // received, not done with -> handled
	lost    int          // the oldest update a stop abandoned; 0 when none
	changed chan struct{}
}

// receive notes an update and reports whether it is new.
func (o *offsets) receive(id int) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if id < o.next {
		return false
	}
	if o.open == nil {
		o.open = map[int]bool{}
	}
	o.open[id] = false
	o.next = id + 1
	return true
}

// handled notes that the dispatcher has handled an update under way.
func (o *offsets) handled(id int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, ok := o.open[id]; ok {
		o.open[id] = true
	}
}

// finish notes that an update is done with: its replies sent (ack), or
// abandoned by a stop.
func (o *offsets) finish(id int, ack bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.open, id)
	if !ack && (o.lost == 0 || id < o.lost) {
		o.lost = id
	}
	if o.changed != nil {
		close(o.changed)
		o.changed = nil
	}
}

// offset is the getUpdates offset that confirms exactly the updates done
// with, or, when full, also those handled whose replies are still being
// sent.
func (o *offsets) offset(full bool) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	off := o.next
	if o.lost > 0 {
		off = min(off, o.lost)
	}
	for id, handled := range o.open {
		if !full || !handled {
			off = min(off, id)
		}
	}
	return off
}

// waitChange waits until an update is done with, d passes, or ctx ends.
func (o *offsets) waitChange(ctx context.Context, clock retry.Clock, d time.Duration) error {
	o.mu.Lock()
	if o.changed == nil {
		o.changed = make(chan struct{})
	}
	ch := o.changed
	o.mu.Unlock()
	timeout, stop := clock.Timer(d)
	defer stop()
	select {
	case <-ch:
	case <-timeout:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// confirm acknowledges every update below offset.
func (b *Bot) confirm(offset int) {
	if offset == 0 {
		return
	}
	// After the drain, when the bot's life has ended.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	p := tgbotapi.Params{"limit": "1"}
	p.AddNonZero("offset", offset)
	if err := b.request(ctx, "getUpdates", p, nil); err != nil {
		b.log().Warn("telegram: last updates not acknowledged; they may be handled again", "err", err)
	}
}

// routeKey is the lane of an update: its chat, so that one chat's updates
// are handled in order. Inline queries belong to no chat and go by user.
func routeKey(u *tgbotapi.Update) int64 {
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		return u.Message.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil:
		return u.CallbackQuery.Message.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.From != nil:
		return u.CallbackQuery.From.ID
	case u.InlineQuery != nil && u.InlineQuery.From != nil:
		return u.InlineQuery.From.ID
	}
	return 0
}

// setWebhook registers WebhookURL with the secret (which the library's
// WebhookConfig predates) and the updates the bot wants.
func (b *Bot) setWebhook(ctx context.Context) error {
	params := tgbotapi.Params{"url": b.WebhookURL, "secret_token": b.WebhookSecret}
	params.AddNonZero("max_connections", min(100, b.Workers*4))
	if err := params.AddInterface("allowed_updates", allowedUpdates); err != nil {
		return err
	}
	if err := b.request(ctx, "setWebhook", params, nil); err != nil {
		return fmt.Errorf("register webhook: %w", err)
	}
	b.metrics().Receiving(true)
	b.log().Info("telegram bot started", "mode", "webhook", "bot", b.me.UserName, "listen", b.Listener.Addr().String())
	return nil
}

// serveWebhook serves the webhook on Listener until ctx ends, then waits
// for the requests being answered until the drain's deadline.
func (b *Bot) serveWebhook(ctx context.Context) error {
	var answering atomic.Int64 // requests being answered
	hook := b.WebhookHandler()
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			answering.Add(1)
			defer answering.Add(-1)
			hook.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(b.log().Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(b.Listener) }()
	select {
	case <-ctx.Done():
	case err := <-errc:
		return fmt.Errorf("webhook server: %w", err)
	}
	b.stopping()
	sctx, cancel := context.WithDeadline(context.Background(), b.drainBy)
	defer cancel()
	shut := make(chan struct{})
	go func() {
		defer close(shut)
		_ = srv.Shutdown(sctx)
	}()
	// Shutdown also waits up to five seconds for connections that carry
	// no request yet; once the requests are answered, the rest is closed.
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for answering.Load() > 0 && sctx.Err() == nil {
		select {
		case <-tick.C:
		case <-sctx.Done():
		}
	}
	if n := answering.Load(); n > 0 {
		b.log().Warn("telegram: webhook requests still being answered at the deadline", "requests", n)
	}
	_ = srv.Close()
	<-shut
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("webhook server: %w", err)
	}
	return nil
}

// maxWebhookBody bounds an update posted to the webhook.
const maxWebhookBody = 1 << 20

// decodeUpdate reads an update from a webhook body into the library's
// Update with encoding/json.
func decodeUpdate(body io.Reader) (*tgbotapi.Update, error) {
	u := new(tgbotapi.Update)
	if err := json.NewDecoder(body).Decode(u); err != nil {
		return nil, err
	}
	return u, nil
}

// queueWait bounds how long a webhook request waits for room in the
// update queue before it is refused with 503.
const queueWait = 5 * time.Second

// WebhookHandler returns the handler Run serves the webhook with, also
// for a caller that hands it requests in process (the load command). It
// is ready once Run has called setWebhook, and serves until Run returns.
// It refuses requests without the secret, compared in constant time.
//
// It answers 200 only once the update has been handled (the session
// saved, the replies queued): "done" for an update a stop can still lose
// would lose it. Handling takes milliseconds; sending comes after. An
// update of a chat over its limit is dropped and answered 200; when every
// queue stays full the answer is 503, and Telegram delivers it again.
func (b *Bot) WebhookHandler() http.Handler {
	want := sha256.Sum256([]byte(b.WebhookSecret))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.EscapedPath() != b.hookPath {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		// Hashed, so that the comparison takes no time by the length.
		got := sha256.Sum256([]byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token")))
		if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			b.strangers.add("requests")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		u, err := decodeUpdate(http.MaxBytesReader(w, r.Body, maxWebhookBody))
		if err != nil {
			class, offset := decodeProblem(err)
			b.log().Warn("telegram: webhook update unreadable", "problem", class, "offset", offset)
			http.Error(w, "bad update", http.StatusBadRequest)
			return
		}
		done := make(chan bool, 1)
		err = b.queueHandling(r.Context(), queueWait, u, func(ack bool) { done <- ack }, nil)
		switch {
		case errors.Is(err, errLaneFull):
			w.WriteHeader(http.StatusOK) // dropped, and counted
			return
		case err != nil:
			b.busy.add("requests")
			w.Header().Set("Retry-After", "1")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		select {
		case ack := <-done:
			if ack {
				w.WriteHeader(http.StatusOK)
				return
			}
		case <-r.Context().Done():
			return // Telegram gave up waiting, and will deliver it again
		}
		// Abandoned at the end of the drain: not acknowledged.
		w.Header().Set("Retry-After", "1")
		http.Error(w, "stopping", http.StatusServiceUnavailable)
	})
}
