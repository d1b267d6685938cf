package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/bot"
	"signaal/bot/telegram"
	"signaal/bot/web"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/admin"
	"signaal/internal/metrics"
	"signaal/internal/retry"
	"signaal/internal/stats"
	"signaal/store"
	"signaal/store/redisstore"
	"signaal/understand"
)

// statsEvery is how often the daily totals are moved to their store.
const statsEvery = 10 * time.Second

// mainConfig is what the bot is built from: the settings serve reads from
// the environment and flags, the subset chat reads, or what loadtest sets.
type mainConfig struct {
	// ContentDir is a content directory on disk; "" for the embedded
	// content.
	ContentDir string
	// ModelCache is the MODEL_CACHE setting: the directory the trained
	// models are kept in between starts, "off" for none, "" for the
	// default (see modelCacheDir).
	ModelCache string
	Store      storeConfig
	Log        logConfig
	// StatsRedis is the Redis of the daily totals; nil keeps them with
	// the sessions.
	StatsRedis *redisstore.Config
	// Telegram is the Telegram channel's; its token is "" when there is
	// none.
	Telegram telegramConfig
	// Web is the web chat's; its addr is "" when there is none.
	Web      webConfig
	Shutdown time.Duration
}

// telegramConfig is the Telegram channel's part of the settings.
type telegramConfig struct {
	token         string // "" when only the web chat runs
	endpoint      string
	webhookURL    string // "" in polling mode
	webhookSecret string
	listen        string
	pollTimeout   time.Duration
	workers       int
}

// Main is the bot wired once: content, understanding, session store,
// dispatcher, metrics and daily totals, and from them the channels and
// the admin server. serve, chat, loadtest and the end-to-end tests build
// the bot here, so that what runs in a test or a load run is what runs in
// production. Open builds the parts, which are fields so that a command
// (or a test) can use them and adjust a channel before it runs; Close
// releases what Open took.
type Main struct {
	Config mainConfig
	// Stderr receives the log when Log is nil.
	Stderr io.Writer
	// Log is the logger of every part; one written to Stderr as
	// Config.Log says when nil.
	Log *slog.Logger
	// Clock is the time the Telegram channel waits on for Telegram's
	// limits, retry_after and back-off; the machine's when its fields are
	// nil.
	Clock retry.Clock

	// Built by Open.
	Engine     *flows.Engine
	Index      *understand.Index
	Dispatcher *bot.Dispatcher
	// Handler is the dispatcher as the channels call it: counted in the
	// metrics.
	Handler bot.Handler
	Metrics *metrics.Metrics
	// tm and wm are each channel's series, made once when the channel
	// is, so that a channel that does not run has none, and its readiness
	// check reads what the channel tells them.
	tm, wm *metrics.Channel
	Totals *stats.Recorder
	// Redis is the session store's client and Sessions the Redis store;
	// both nil with sessions in memory, then kept in Memory.
	Redis    redis.UniversalClient
	Sessions *redisstore.Store
	Memory   *store.Memory

	closers []func()
}

// Open loads and checks the content, builds the engine and its
// understanding, connects the session store, and builds the dispatcher,
// metrics and totals. Quick exits an earlier run could not carry out are
// taken up before any chat is answered.
func (m *Main) Open(ctx context.Context) error {
	cfg := m.Config
	// With a shared store the key secret must be shared and strong too: a
	// random one per process would split every conversation between
	// instances, a weak one would let keys be traced back to chat ids. A
	// secret set for the memory store must be strong as well.
	if err := checkSessionSecret(cfg.Store.Secret, cfg.Store.Redis != nil); err != nil {
		return err
	}
	eng, idx, err := buildEngine(cfg.ContentDir, modelCacheDir(cfg.ModelCache))
	if err != nil {
		return err
	}
	m.Engine, m.Index = eng, idx
	if m.Log == nil {
		m.Log = cfg.Log.logger(m.Stderr)
	}
	if err := m.openStore(ctx); err != nil {
		m.Close()
		return err
	}
	// Quick exits an earlier run could not carry out are taken up before
	// any chat is answered; a journal that cannot be read or written is a
	// mistake in the settings.
	if err := m.Dispatcher.ReplayExits(); err != nil {
		m.Close()
		return fmt.Errorf("EXIT_JOURNAL: %w", err)
	}

	c := eng.Content()
	m.Metrics = metrics.New(c, version)
	m.Totals = &stats.Recorder{Log: m.Log, Store: &stats.Memory{}}
	prefix := redisstore.DefaultPrefix
	if m.Redis != nil {
		m.Redis.AddHook(m.Metrics.RedisHook())
		if cfg.Store.Redis != nil {
			prefix = cmp.Or(cfg.Store.Redis.Prefix, prefix)
		}
		m.Totals.Store = &stats.Redis{Client: m.Redis, Prefix: prefix}
	}
	if cfg.StatsRedis != nil {
		// The totals are kept for a year, sessions for half an hour: a
		// Redis of their own can keep them on disk while the sessions'
		// keeps nothing there.
		client, err := redisstore.NewClient(*cfg.StatsRedis)
		if err != nil {
			m.Close()
			return err
		}
		m.closers = append(m.closers, func() { client.Close() })
		client.AddHook(m.Metrics.RedisHook())
		m.Totals.Store = &stats.Redis{Client: client, Prefix: prefix}
	}
	m.Metrics.Daily = m.Totals
	m.Dispatcher.Metrics = m.Metrics
	m.Handler = m.Metrics.Wrap(m.Dispatcher)
	return nil
}

// openStore builds the dispatcher on its session store: Redis when
// Config.Store.Redis is set, memory otherwise.
func (m *Main) openStore(ctx context.Context) error {
	cfg := m.Config.Store
	d := &bot.Dispatcher{Engine: m.Engine, Keys: store.NewKeyer([]byte(cfg.Secret)), Log: m.Log, Idle: cfg.Idle}
	if cfg.ExitJournal != "" {
		d.Exits = &bot.ExitJournal{Path: cfg.ExitJournal}
	}
	m.Dispatcher = d
	if cfg.Redis == nil {
		m.Log.Info("sessions are kept in memory: they are not shared between instances and not kept across restarts", "idle", cfg.Idle.String())
		m.Memory = store.NewMemory(cfg.Idle)
		m.closers = append(m.closers, func() { m.Memory.Close() })
		d.Sessions = m.Memory
		return nil
	}
	redisstore.SetLogger(m.Log) // the client's own lines, in the same format as the rest
	client, err := redisstore.NewClient(*cfg.Redis)
	if err != nil {
		return cfg.nameFields(err)
	}
	m.closers = append(m.closers, func() { client.Close() })
	m.Redis = client
	opts := cfg.Redis.Options()
	if cfg.noAutoPipeline {
		opts = append(opts, redisstore.WithoutAutoPipeline())
	}
	m.Sessions = redisstore.New(client, cfg.Idle, opts...)
	if err := m.Sessions.Writable(ctx); err != nil {
		// Start anyway: users get the safety card until Redis takes
		// sessions, and the store recovers by itself.
		m.Log.Warn("redis does not take sessions yet; the safety card is shown until it does", "err", err)
	} else {
		m.Log.Info("sessions are kept in redis", "idle", cfg.Idle.String())
	}
	d.Sessions = m.Sessions
	return nil
}

// Close releases what Open took, the latest first.
func (m *Main) Close() {
	for i := len(m.closers) - 1; i >= 0; i-- {
		m.closers[i]()
	}
	m.closers = nil
}

// Telegram builds the Telegram channel from the settings, answering
// through h (m.Handler, or a wrapper of it). In webhook mode the caller
// sets its Listener.
func (m *Main) Telegram(h bot.Handler) *telegram.Bot {
	cfg := m.Config.Telegram
	if m.tm == nil {
		m.tm = m.Metrics.Channel(telegram.Platform)
	}
	return &telegram.Bot{
		Token:    cfg.token,
		Endpoint: cfg.endpoint,
		Handler:  h,
		Content:  m.Engine.Content(),
		Triage:   m.Engine,
		// Inline mode ("@bot keerpunt" in any chat) finds contacts with
		// the same search as typed messages.
		Finder:        finder(m.Index),
		Log:           m.Log,
		Metrics:       m.tm,
		WebhookURL:    cfg.webhookURL,
		WebhookSecret: cfg.webhookSecret,
		LongPoll:      cfg.pollTimeout,
		Clock:         m.Clock,
		Workers:       cfg.workers,
		DrainTimeout:  m.Config.Shutdown,
	}
}

// Web builds the web chat from the settings, answering through h.
func (m *Main) Web(h bot.Handler) *web.Server {
	cfg := m.Config.Web
	if m.wm == nil {
		m.wm = m.Metrics.Channel(web.Platform)
	}
	return &web.Server{
		Handler:        h,
		Engine:         m.Engine,
		Content:        m.Engine.Content(),
		Log:            m.Log,
		Metrics:        m.wm,
		Secret:         []byte(m.Config.Store.Secret),
		FrameAncestors: cfg.ancestors,
		ExitURL:        cfg.exitURL,
		TrustedProxies: cfg.proxies,
		DrainTimeout:   m.Config.Shutdown,
	}
}

// Serve runs the channels the settings name, on the web chat's listener
// webLn when there is one, with the admin server on adminLn and the daily
// totals beside them, until ctx ends; then it finishes what it received.
// listen opens the Telegram webhook's listener; its error is a mistake in
// the settings.
func (m *Main) Serve(ctx context.Context, adminLn, webLn net.Listener, listen func(addr string) (net.Listener, error)) error {
	c := m.Engine.Content()
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
	if m.Config.Telegram.token != "" {
		b := m.Telegram(m.Handler)
		if m.Config.Telegram.webhookURL != "" {
			ln, err := listen(m.Config.Telegram.listen)
			if err != nil {
				return err
			}
			defer ln.Close()
			b.Listener = ln
		}
		tm := m.tm
		channels = append(channels, b.Run)
		checks = append(checks, admin.Check{Name: "telegram", Check: func(context.Context) error {
			if !tm.IsReceiving() {
				return errors.New("not receiving updates")
			}
			return nil
		}})
	}
	if webLn != nil {
		srv := m.Web(m.Handler)
		if err := srv.Provision(); err != nil {
			return err
		}
		wm := m.wm
		channels = append(channels, func(ctx context.Context) error { return srv.Serve(ctx, webLn) })
		checks = append(checks, admin.Check{Name: "web", Check: func(context.Context) error {
			if !wm.IsReceiving() {
				return errors.New("the web chat is not served")
			}
			return nil
		}})
	}
	if m.Sessions != nil {
		// Ready means Redis takes a session, not merely that it answers:
		// a full or read-only Redis answers PING while every person gets
		// the safety card.
		checks = append(checks, admin.Check{Name: "redis", Check: m.Sessions.Writable})
	}
	adm := &admin.Server{Checks: checks, Metrics: m.Metrics.Handler(), Stats: m.Totals.Days, Log: m.Log}
	m.Log.Info("admin server listening", "addr", adminLn.Addr().String())

	// The admin server and the totals outlive the bot's drain, so that
	// health checks answer and counts are saved until the very end.
	side, stopSide := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := adm.Serve(side, adminLn); err != nil {
			m.Log.Error("admin server stopped; the bot goes on without it", "err", err)
		}
	})
	wg.Go(func() { m.Totals.Run(side, statsEvery) })
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

// finder answers Telegram's inline queries with the understanding's
// contact search.
func finder(idx *understand.Index) telegram.Finder {
	return telegram.FinderFunc(func(lang, query string, limit int) []*content.Contact {
		hits := idx.Find(lang, query, limit)
		out := make([]*content.Contact, len(hits))
		for i, h := range hits {
			out[i] = h.Contact
		}
		return out
	})
}
