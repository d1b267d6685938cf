package telegram

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/internal/retry"
)

// poll receives updates with getUpdates until ctx ends. It does not use the
// library's GetUpdatesChan, which moves the offset on before an update is
// handled (so a crash loses it) and retries every error after a fixed
// three seconds, flood limits included.
//
// Telegram hears that an update is done with only once its replies were
// sent (see offsets): getUpdates takes an offset below which every update
// is confirmed, so the offset stays at the oldest update whose replies are
// still on their way, and the updates above it that are already under way
// come back with each call and are passed over. Run tells Telegram the
// final offset after the drain, so that the next instance gets exactly the
// updates whose answers this one did not send.
//
// No error ends polling: a 401 or 404 (the token revoked, or the Bot API
// moved) is logged as an error and tried again with back-off, and
// readiness fails meanwhile, so that a passing fault at Telegram does not
// take the bot down and an operator sees why it does not answer.
func (b *Bot) poll(ctx context.Context) error {
	// getUpdates passes the chain's metrics and redaction, but not its
	// limits, which are for sending, nor its retries: polling never gives
	// up, and says why it waits. Its requests end with ctx, so that a stop
	// interrupts the long poll at once instead of after up to LongPoll.
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
			if !transient {
				// A conflict, a rejected token or a bad request: wait as
				// after a server error rather than hammer Telegram with
				// the same call.
				wait = b.backoff().Pause(failures)
			}
			level, msg := slog.LevelWarn, "telegram: getUpdates failed; trying again"
			switch code {
			case http.StatusConflict:
				// Another instance polls with the same token, or a webhook
				// was set behind our back.
				level = slog.LevelError
			case http.StatusUnauthorized, http.StatusNotFound:
				level, msg = slog.LevelError, "telegram: getUpdates refused the token (check TELEGRAM_BOT_TOKEN); trying again"
			}
			b.log().Log(ctx, level, msg, "code", code, "err", err, "wait", wait.String())
			b.metrics().Retried("getUpdates", callCode(err))
			return wait, true
		})
		if ctx.Err() != nil {
			// Updates of an interrupted call were not handled and are not
			// acknowledged: Telegram sends them again.
			return nil
		}
		b.metrics().Receiving(true)
		fresh := b.queueBatch(ups)
		// A full batch: Telegram hands out no more at once, and updates
		// under way would take the place of newer ones (see
		// offsets.offset).
		full = len(ups) == pollLimit
		if fresh == 0 && len(ups) > 0 && !full {
			// Only updates already under way came back: wait until one of
			// them is done rather than ask again at once.
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
// done before it asks Telegram again: getUpdates cannot be asked for new
// updates only without confirming those under way, so this is also how
// long a new person may wait meanwhile.
const changeWait = 100 * time.Millisecond

// queueBatch queues the new updates of a batch for handling and returns
// how many were new. An update of a chat that is over its limit is
// dropped, counted, and done with: asking for it again would only repeat
// the flood.
func (b *Bot) queueBatch(ups []tgbotapi.Update) int {
	// The next batch is asked for once this one is handled, not sent: a
	// flood then costs the workers, not a pile of getUpdates calls that
	// compete with them, and a new person's update is read as soon as the
	// updates before it are handled.
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
		// Once fetched, an update is handled even when a stop comes in
		// between: only abandoning at the drain deadline cuts it short.
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
//
// getUpdates hands out at most a hundred updates from the offset on, so
// a chat whose replies wait out Telegram's limits could hold the offset,
// and a flood behind it would keep everyone newer out of reach. After a
// full batch, the offset moves past the updates that were handled (their
// sessions saved) and whose replies are still being sent:
// those are then no longer delivered again should the process die before
// they are sent, which only a saturated queue risks. A stop drains them.
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
	// Called after the drain, when the bot's own client has ended with
	// its context.
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

// setWebhook registers WebhookURL with the secret and the updates the bot
// wants. The library's WebhookConfig predates secret_token, so the call is
// made with plain parameters.
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

// serveWebhook serves the webhook on Listener until ctx ends, then stops
// accepting requests and waits for those being answered, which are
// updates being handled, until the drain's deadline.
func (b *Bot) serveWebhook(ctx context.Context) error {
	var answering requests
	hook := b.WebhookHandler()
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			answering.enter()
			defer answering.leave()
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
	// Shutdown also waits for connections that carry no request yet (a
	// client's spare connection, opened and not used), up to five seconds
	// each. Only requests being answered matter: once they are, the rest
	// is closed.
	if err := answering.wait(sctx); err != nil {
		b.log().Warn("telegram: webhook requests still being answered at the deadline", "requests", answering.count())
	}
	_ = srv.Close()
	<-shut
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("webhook server: %w", err)
	}
	return nil
}

// requests counts the webhook requests being answered.
type requests struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to zero; nil while n is zero
}

func (r *requests) enter() {
	r.mu.Lock()
	if r.n == 0 {
		r.idle = make(chan struct{})
	}
	r.n++
	r.mu.Unlock()
}

func (r *requests) leave() {
	r.mu.Lock()
	if r.n--; r.n == 0 {
		close(r.idle)
		r.idle = nil
	}
	r.mu.Unlock()
}

func (r *requests) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n
}

// wait returns once no request is being answered, or with ctx's error.
func (r *requests) wait(ctx context.Context) error {
	r.mu.Lock()
	idle := r.idle
	r.mu.Unlock()
	if idle == nil {
		return nil
	}
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// maxWebhookBody bounds an update posted to the webhook; real ones are a
// few kilobytes.
const maxWebhookBody = 1 << 20

// readWebhookBody reads the update a webhook request carries.
func readWebhookBody(w http.ResponseWriter, r *http.Request) (*tgbotapi.Update, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxWebhookBody))
	if err != nil {
		return nil, err
	}
	return decodeUpdate(body)
}

// queueWait bounds how long a webhook request waits for room in the
// update queue before it is refused with 503.
const queueWait = 5 * time.Second

// WebhookHandler returns the handler Run serves the webhook with, also
// for a caller that hands it requests itself: the load command calls it in
// process, as grammY's handleUpdate is called, without a socket in
// between. It is ready once Run has registered the webhook with Telegram
// (the setWebhook call), and serves until Run returns.
//
// It accepts updates from Telegram, and refuses requests without the
// secret Telegram was given, compared in constant time.
//
// It answers 200 only once the update has been handled: the dispatcher
// has saved the session and queued the replies. Answering as soon as the
// update is queued would tell Telegram "done" for updates that a stop can
// still lose, and would let one chat pile up thousands of them. Handling
// takes milliseconds (the slow part, sending within Telegram's limits,
// happens after the answer), so this holds a connection only briefly, and
// a chat's lane bounds how many of its requests wait at once. An update
// of a chat over its limit is dropped and answered 200, so that Telegram
// does not deliver it again and again. When every queue stays full the
// answer is 503, and Telegram delivers the update again later.
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
		// Hashing first makes the comparison constant-time in the length
		// too.
		got := sha256.Sum256([]byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token")))
		if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			b.strangers.add("requests")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		u, err := readWebhookBody(w, r)
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
		// Abandoned at the end of the drain: not handled, so not
		// acknowledged.
		w.Header().Set("Retry-After", "1")
		http.Error(w, "stopping", http.StatusServiceUnavailable)
	})
}
