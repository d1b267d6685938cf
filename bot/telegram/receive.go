package telegram

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
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
			code := apiCode(err)
			if code == http.StatusUnauthorized || code == http.StatusNotFound {
				return fmt.Errorf("telegram rejected the token while polling: %w", wrapCall("getUpdates", err))
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
			b.log().Log(ctx, level, "telegram: getUpdates failed; trying again", "code", code, "err", wrapCall("getUpdates", err), "wait", wait.String())
			if sleep(ctx, wait) != nil {
				return nil
			}
			continue
		}
		failures = 0
		offset = b.handleBatch(ups, offset)
	}
}

// handleBatch queues a batch of updates for handling, waits until each is
// handled, and returns the offset that acknowledges them.
func (b *Bot) handleBatch(ups []tgbotapi.Update, offset int) int {
	var wg sync.WaitGroup
	next := offset
	for i := range ups {
		u := &ups[i]
		if u.UpdateID < offset {
			continue // acknowledged before; should not come again
		}
		wg.Add(1)
		// Once fetched, a batch is handled even when a stop comes in
		// between: only abandoning at the drain deadline cuts it short.
		if err := b.handling.Go(b.life, routeKey(u), func() { defer wg.Done(); b.handle(u) }); err != nil {
			wg.Done()
			break
		}
		next = max(next, u.UpdateID+1)
	}
	wg.Wait()
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
	b.log().Info("telegram bot started", "mode", "webhook", "bot", b.me.UserName, "listen", b.Listener.Addr().String())
	return nil
}

// serveWebhook serves the webhook on Listener until ctx ends, then stops
// accepting requests and waits for those being answered.
func (b *Bot) serveWebhook(ctx context.Context) error {
	srv := &http.Server{
		Handler:           b.webhookHandler(),
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
	sctx, cancel := context.WithTimeout(context.Background(), b.DrainTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		b.log().Warn("telegram: webhook server did not stop in time", "err", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("webhook server: %w", err)
	}
	return nil
}

// maxWebhookBody bounds an update posted to the webhook; real ones are a
// few kilobytes.
const maxWebhookBody = 1 << 20

// webhookHandler accepts updates from Telegram. It refuses requests
// without the secret Telegram was given, compared in constant time, and
// answers 200 as soon as the update is queued: Telegram keeps only a few
// connections to a webhook, so an answer that waited for the handling
// would hold up other chats' updates. When the queue stays full it answers
// 503, and Telegram delivers the update again later.
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
			b.log().Warn("telegram: webhook request without the right secret refused")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var u tgbotapi.Update
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxWebhookBody)).Decode(&u); err != nil {
			b.log().Warn("telegram: webhook update unreadable", "err", err)
			http.Error(w, "bad update", http.StatusBadRequest)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := b.handling.Go(ctx, routeKey(&u), func() { b.handle(&u) }); err != nil {
			b.log().Warn("telegram: update queue full; Telegram will deliver the update again")
			w.Header().Set("Retry-After", "1")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
