package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"

	"signaal/bot"
	"signaal/bot/telegram"
	"signaal/bot/web"
	"signaal/content"
	"signaal/internal/admin"
	"signaal/internal/metrics"
	"signaal/internal/stats"
	"signaal/store/redisstore"
)

// statsEvery is how often the daily totals are moved to their store.
const statsEvery = 10 * time.Second

// serve runs the bot until SIGTERM or SIGINT, then finishes what it
// received within the shutdown timeout and exits 0: on Telegram when a
// token is set, and the web chat when WEB_ADDR is, each or both, on one
// dispatcher, store and set of metrics. Beside them runs the admin server
// (health, readiness, metrics, daily totals), in every mode.
//
// Every setting comes from the environment or a flag (see serveSettings);
// secrets, the token first, from the environment only, so that they do not
// show in the process list or a shell history.
func (a *app) serve(ctx context.Context, args []string) error {
	fs := a.flagSet("serve")
	set := a.bindSettings(fs, serveSettings)
	usage := fs.Usage
	fs.Usage = func() {
		usage()
		printSecrets(fs.Output(), serveSettings)
	}
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cfg, err := readServeConfig(set)
	if err != nil {
		return err
	}

	// The admin address is taken first: a port in use is a mistake in the
	// settings, reported before anything starts.
	adminLn, err := net.Listen("tcp", cfg.adminAddr)
	if err != nil {
		return errors.New(set.where("ADMIN_ADDR") + ": " + err.Error())
	}
	defer adminLn.Close()
	var webLn net.Listener
	if cfg.web.addr != "" {
		if webLn, err = net.Listen("tcp", cfg.web.addr); err != nil {
			return errors.New(set.where("WEB_ADDR") + ": " + err.Error())
		}
		defer webLn.Close()
	}

	// Flags reach the store and log settings the same way as the rest: the
	// wiring reads them through the settings' lookup.
	sa := *a
	sa.getenv = set.lookup
	w, err := sa.wire(ctx, cfg.contentDir, set.flagValue("REDIS_URL"), false)
	if err != nil {
		return err
	}
	defer w.Close()

	c := w.d.Engine.Content()
	m := metrics.New(c, version)
	totals := &stats.Recorder{Log: w.log, Store: &stats.Memory{}}
	prefix := redisstore.DefaultPrefix
	if w.redis != nil {
		w.redis.AddHook(m.RedisHook())
		prefix = cmp.Or(cfg.store.Redis.Prefix, prefix)
		totals.Store = &stats.Redis{Client: w.redis, Prefix: prefix}
	}
	if cfg.statsRedis != nil {
		// The totals are kept for a year, sessions for half an hour: a
		// Redis of their own can keep them on disk while the sessions'
		// keeps nothing there.
		client, err := redisstore.NewClient(*cfg.statsRedis)
		if err != nil {
			return statsFields(set, err)
		}
		defer client.Close()
		client.AddHook(m.RedisHook())
		totals.Store = &stats.Redis{Client: client, Prefix: prefix}
	}
	m.Daily = totals
	w.d.Metrics = m
	handler := m.Wrap(w.d)

	// Each channel that runs, as a function that serves until its
	// context ends, and its readiness check.
	checks := []admin.Check{
		{Name: "content", Check: func(context.Context) error {
			if len(c.Flows) == 0 {
				return errors.New("no flows loaded")
			}
			return nil
		}},
	}
	var channels []func(context.Context) error
	if cfg.token != "" {
		run, check, closeTelegram, err := telegramChannel(cfg, set, w, handler, m.Channel(telegram.Platform))
		if err != nil {
			return err
		}
		defer closeTelegram()
		channels = append(channels, run)
		checks = append(checks, check)
	}
	if webLn != nil {
		wm := m.Channel(web.Platform)
		srv := &web.Server{
			Handler:        handler,
			Engine:         w.d.Engine,
			Content:        c,
			Log:            w.log,
			Metrics:        wm,
			Secret:         []byte(cfg.store.Secret),
			FrameAncestors: cfg.web.ancestors,
			ExitURL:        cfg.web.exitURL,
			TrustedProxies: cfg.web.proxies,
			DrainTimeout:   cfg.shutdown,
		}
		if err := srv.Provision(); err != nil {
			return err
		}
		channels = append(channels, func(ctx context.Context) error { return srv.Serve(ctx, webLn) })
		checks = append(checks, admin.Check{Name: "web", Check: func(context.Context) error {
			if !wm.IsReceiving() {
				return errors.New("the web chat is not served")
			}
			return nil
		}})
	}
	if w.sessions != nil {
		// Ready means Redis takes a session, not merely that it answers:
		// a full or read-only Redis answers PING while every person gets
		// the safety card.
		checks = append(checks, admin.Check{Name: "redis", Check: w.sessions.Writable})
	}
	adm := &admin.Server{Checks: checks, Metrics: m.Handler(), Stats: totals.Days, Log: w.log}
	w.log.Info("admin server listening", "addr", adminLn.Addr().String())

	// The admin server and the totals outlive the bot's drain, so that
	// health checks answer and counts are saved until the very end.
	side, stopSide := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := adm.Serve(side, adminLn); err != nil {
			w.log.Error("admin server stopped; the bot goes on without it", "err", err)
		}
	})
	wg.Go(func() { totals.Run(side, statsEvery) })
	defer func() {
		stopSide()
		wg.Wait()
	}()

	return runChannels(ctx, channels)
}

// runChannels runs the channels until ctx ends, and returns when all have
// finished. When one fails, the others are stopped, and the first error is
// returned: a bot that cannot serve one of its channels is a mistake to
// fix, not to run half of.
func runChannels(ctx context.Context, channels []func(context.Context) error) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	errs := make(chan error, len(channels))
	for _, run := range channels {
		go func() { errs <- run(ctx) }()
	}
	var first error
	for range channels {
		if err := <-errs; err != nil && first == nil {
			first = err
			stop()
		}
	}
	return first
}

// telegramChannel sets up the Telegram channel: the bot, its readiness
// check, and in webhook mode its listener, which close releases.
func telegramChannel(cfg serveConfig, set *settings, w *wiring, handler bot.Handler, tm *metrics.Channel) (run func(context.Context) error, check admin.Check, close func(), err error) {
	// Inline mode ("@bot keerpunt" in any chat) finds contacts with the
	// same search as typed messages.
	inline := telegram.FinderFunc(func(lang, query string, limit int) []*content.Contact {
		hits := w.index.Find(lang, query, limit)
		out := make([]*content.Contact, len(hits))
		for i, h := range hits {
			out[i] = h.Contact
		}
		return out
	})

	b := &telegram.Bot{
		Token:         cfg.token,
		Endpoint:      cfg.endpoint,
		Handler:       handler,
		Content:       w.d.Engine.Content(),
		Triage:        w.d.Engine,
		Finder:        inline,
		Log:           w.log,
		Metrics:       tm,
		WebhookURL:    cfg.webhookURL,
		WebhookSecret: cfg.webhookSecret,
		LongPoll:      cfg.pollTimeout,
		Workers:       cfg.workers,
		DrainTimeout:  cfg.shutdown,
	}
	check = admin.Check{Name: "telegram", Check: func(context.Context) error {
		if !tm.IsReceiving() {
			return errors.New("not receiving updates")
		}
		return nil
	}}
	close = func() {}
	if cfg.webhookURL != "" {
		ln, err := net.Listen("tcp", cfg.listen)
		if err != nil {
			return nil, check, close, errors.New(set.where("LISTEN_ADDR") + ": " + err.Error())
		}
		close = func() { ln.Close() }
		b.Listener = ln
	}
	return b.Run, check, close, nil
}
