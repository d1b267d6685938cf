package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"signaal/bot/telegram"
	"signaal/content"
)

// serve runs the Telegram bot until SIGTERM or SIGINT, then finishes what
// it received within --shutdown-timeout and exits 0.
//
// The token comes from TELEGRAM_BOT_TOKEN and never from a flag, so that
// it does not show in the process list or a shell history.
func (a *app) serve(ctx context.Context, args []string) error {
	fs := a.flagSet("serve")
	dir := fs.String("content", "", "content directory to use instead of the embedded content")
	webhookURL := fs.String("webhook-url", "", "public HTTPS URL for Telegram to post updates to; without it the bot long-polls")
	listen := fs.String("listen", ":8080", "address to serve the webhook on (with --webhook-url)")
	longPoll := fs.Duration("poll-timeout", 50*time.Second, "how long one getUpdates call waits for updates")
	workers := fs.Int("workers", 16, "updates handled at once (different chats; one chat is always handled in order)")
	drain := fs.Duration("shutdown-timeout", 10*time.Second, "how long to go on handling and sending after SIGTERM")
	redisURL := fs.String("redis-url", "", "keep sessions in this Redis (redis://host:port/db); needs SESSION_SECRET")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	token := strings.TrimSpace(a.getenv("TELEGRAM_BOT_TOKEN"))
	if token == "" {
		return errors.New("TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather")
	}
	endpoint := strings.TrimSpace(a.getenv("TELEGRAM_API_ENDPOINT"))
	if endpoint != "" && strings.Count(endpoint, "%s") != 2 {
		return fmt.Errorf("TELEGRAM_API_ENDPOINT=%q must hold two %%s, for the token and the method, like %q", endpoint, telegram.DefaultEndpoint)
	}
	if *longPoll < time.Second || *workers < 1 || *drain <= 0 {
		return errors.New("--poll-timeout must be at least 1s, --workers at least 1 and --shutdown-timeout positive")
	}

	w, err := a.wire(ctx, *dir, *redisURL, false)
	if err != nil {
		return err
	}
	defer w.Close()

	// Inline mode ("@bot keerpunt" in any chat) finds contacts with the
	// same search as typed messages.
	finder := telegram.FinderFunc(func(lang, query string, limit int) []*content.Contact {
		hits := w.index.Find(lang, query, limit)
		out := make([]*content.Contact, len(hits))
		for i, h := range hits {
			out[i] = h.Contact
		}
		return out
	})

	b := &telegram.Bot{
		Token:         token,
		Endpoint:      endpoint,
		Handler:       w.d,
		Content:       w.d.Engine.Content(),
		Finder:        finder,
		Log:           w.log,
		WebhookURL:    *webhookURL,
		WebhookSecret: strings.TrimSpace(a.getenv("TELEGRAM_WEBHOOK_SECRET")),
		LongPoll:      *longPoll,
		Workers:       *workers,
		DrainTimeout:  *drain,
	}
	if *webhookURL != "" {
		ln, err := net.Listen("tcp", *listen)
		if err != nil {
			return fmt.Errorf("webhook: %w", err)
		}
		defer ln.Close()
		b.Listener = ln
	}
	return b.Run(ctx)
}
