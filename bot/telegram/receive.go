package telegram

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// poll receives updates with getUpdates until ctx ends. It does not use the
// library's GetUpdatesChan, which moves the offset on before an update is
// handled (so a crash loses it) and retries every error after a fixed
// three seconds, flood limits included.
//
// The offset moves past a batch only once every update in it has been
// handled, that is, passed to the dispatcher, which saves the session and
// records the update id. Telegram learns the new offset with the next
// call; when ctx ends, one last short call tells it, so that the next
// instance does not get the same updates again.
func (b *Bot) poll(ctx context.Context) error {
	// This client's requests end with ctx, so that a stop interrupts the
	// long poll at once instead of after up to LongPoll.
	api := b.newAPI(ctx, b.LongPoll+15*time.Second)
	cfg := tgbotapi.UpdateConfig{
		Limit:          100,
		Timeout:        max(1, int(b.LongPoll/time.Second)),
		AllowedUpdates: allowedUpdates,
	}
	offset, failures := 0, 0
	defer func() { b.confirm(offset) }()
	for {
		cfg.Offset = offset
		ups, err := api.GetUpdates(cfg)
		if ctx.Err() != nil {
			// Updates of an interrupted call were not handled and are not
			// acknowledged: Telegram sends them again.
			return nil
		}
		if err != nil {
			err = b.redact.outside("getUpdates", err)
			b.metrics().Called("getUpdates", callCode(err))
			b.metrics().Receiving(false)
			code := apiCode(err)
			if code == http.StatusUnauthorized || code == http.StatusNotFound {
				return fmt.Errorf("telegram rejected the token while polling: %w", err)
			}
			wait, transient := b.retryAfter(err, failures)
			if !transient {
				// A conflict or a bad request: wait as after a server error
				// rather than hammer Telegram with the same call.
				wait = b.backoff(failures)
			}
			failures++
			level := slog.LevelWarn
			if code == http.StatusConflict {
				// Another instance polls with the same token, or a webhook
				// was set behind our back.
				level = slog.LevelError
			}
			b.log().Log(ctx, level, "telegram: getUpdates failed; trying again", "code", code, "err", err, "wait", wait.String())
			b.metrics().Retried("getUpdates", callCode(err))
			if sleep(ctx, wait) != nil {
				return nil
			}
			continue
		}
		failures = 0
		b.metrics().Called("getUpdates", 0)
		b.metrics().Receiving(true)
		offset = b.handleBatch(ups, offset)
	}
}

// handleBatch queues a batch of updates for handling, waits until each is
// handled, and returns the offset that acknowledges them. An update of a
// chat that is over its limit is dropped, counted, and acknowledged with
// the rest: asking for it again would only repeat the flood.
func (b *Bot) handleBatch(ups []tgbotapi.Update, offset int) int {
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		missed = -1 // the lowest update not handled, when there is one
	)
	miss := func(id int) {
		mu.Lock()
		if missed < 0 || id < missed {
			missed = id
		}
		mu.Unlock()
	}
	next := offset
	for i := range ups {
		u := &ups[i]
		if u.UpdateID < offset {
			continue // acknowledged before; should not come again
		}
		wg.Add(1)
		// Once fetched, a batch is handled even when a stop comes in
		// between: only abandoning at the drain deadline cuts it short.
		err := b.queueHandling(b.life, 0, u, func(ack bool) {
			if !ack {
				miss(u.UpdateID)
			}
			wg.Done()
		})
		if err != nil {
			wg.Done()
			if !errors.Is(err, errLaneFull) {
				miss(u.UpdateID)
				break
			}
		}
		next = max(next, u.UpdateID+1)
	}
	wg.Wait()
	if missed >= 0 {
		// Telegram sends everything from the first update not handled
		// again; those handled since are recognised by the dispatcher.
		return max(offset, min(next, missed))
	}
	return next
}

// confirm acknowledges every update below offset.
func (b *Bot) confirm(offset int) {
	if offset == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(b.life, 5*time.Second)
	defer cancel()
	cfg := tgbotapi.UpdateConfig{Offset: offset, Limit: 1}
	if _, err := b.call(ctx, 0, classOther, "getUpdates", func() (*tgbotapi.APIResponse, error) { return b.api.Request(cfg) }); err != nil {
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
	params := tgbotapi.Params{"url": b.WebhookURL, "secret_token": b.WebhookSecret, "max_connections": strconv.Itoa(min(100, b.Workers*4))}
	if err := params.AddInterface("allowed_updates", allowedUpdates); err != nil {
		return err
	}
	if _, err := b.call(ctx, 0, classOther, "setWebhook", func() (*tgbotapi.APIResponse, error) { return b.api.MakeRequest("setWebhook", params) }); err != nil {
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
	hook := b.webhookHandler()
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

// bodies hold webhook bodies while they are read; what the update keeps
// of one is copied out.
var bodies = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// readWebhookBody reads the update a webhook request carries.
func readWebhookBody(w http.ResponseWriter, r *http.Request) (*tgbotapi.Update, error) {
	buf := bodies.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 64<<10 {
			buf.Reset()
			bodies.Put(buf)
		}
	}()
	if _, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, maxWebhookBody)); err != nil {
		return nil, err
	}
	return decodeUpdate(buf.Bytes())
}

// queueWait bounds how long a webhook request waits for room in the
// update queue before it is refused with 503.
const queueWait = 5 * time.Second

// webhookHandler accepts updates from Telegram. It refuses requests
// without the secret Telegram was given, compared in constant time.
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
func (b *Bot) webhookHandler() http.Handler {
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
		err = b.queueHandling(r.Context(), queueWait, u, func(ack bool) { done <- ack })
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
