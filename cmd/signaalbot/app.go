package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"signaal/bot"
	"signaal/content"
	"signaal/content/search"
	"signaal/flows"
	"signaal/store"
	"signaal/store/redisstore"
)

// errUsage reports bad flags; the flag package has already said why.
var errUsage = errors.New("usage")

func (a *app) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("signaalbot "+name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	return fs
}

func (a *app) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	return nil
}

// loadContent loads the embedded content, or a directory on disk when dir
// is set (for content editors trying a change without rebuilding).
func loadContent(dir string) (*content.Content, error) {
	if dir == "" {
		return content.Default()
	}
	return content.Load(os.DirFS(dir))
}

// engine loads content and compiles it, with contact search answering
// /contact and free text at an ending, and endings that say whether a
// contact is open now. Invalid content stops the bot with every problem
// listed.
// The contact search index is returned too, for channels that search
// outside a conversation (Telegram's inline mode), so it is built once.
func (a *app) engine(dir string) (*flows.Engine, *search.Index, error) {
	c, err := loadContent(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("content is invalid:\n%w", err)
	}
	idx := search.New(c)
	eng, err := flows.New(c, flows.WithSearcher(idx), flows.WithOpenNow())
	return eng, idx, err
}

// logger writes JSON lines to stderr at LOG_LEVEL (debug, info, warn,
// error; default info). Nothing logged anywhere carries a chat id or a
// message text: the dispatcher logs only store keys, which are HMACs.
func (a *app) logger() *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(a.getenv("LOG_LEVEL"))); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(a.stderr, &slog.HandlerOptions{Level: level}))
}

// wiring is what a channel needs: the dispatcher, the search index, the
// logger, and Close to release the session store.
type wiring struct {
	d     *bot.Dispatcher
	index *search.Index
	log   *slog.Logger
	Close func()
}

// wire loads the content (from dir, or the embedded content) and wires
// engine, search and session store for a channel.
func (a *app) wire(ctx context.Context, dir, redisURL string) (*wiring, error) {
	eng, idx, err := a.engine(dir)
	if err != nil {
		return nil, err
	}
	log := a.logger()
	d, closeStore, err := a.dispatcher(ctx, eng, log, redisURL)
	if err != nil {
		return nil, err
	}
	return &wiring{d: d, index: idx, log: log, Close: closeStore}, nil
}

// dispatcher wires engine, session store and keys. Sessions go to Redis
// when REDIS_URL, REDIS_SENTINEL_ADDRS or REDIS_CLUSTER_ADDRS is set (or
// redisURL, from a flag), and stay in memory otherwise. The returned close
// function releases the store.
func (a *app) dispatcher(ctx context.Context, eng *flows.Engine, log *slog.Logger, redisURL string) (*bot.Dispatcher, func(), error) {
	getenv := a.getenv
	if redisURL != "" {
		getenv = func(k string) string {
			switch k {
			case "REDIS_URL":
				return redisURL
			case "REDIS_SENTINEL_ADDRS", "REDIS_CLUSTER_ADDRS":
				return ""
			}
			return a.getenv(k)
		}
	}
	cfg, useRedis, err := redisstore.ConfigFromEnv(getenv)
	if err != nil {
		return nil, nil, err
	}
	idle := cfg.Idle
	if idle <= 0 {
		idle = store.DefaultIdle
	}
	secret := a.getenv("SESSION_SECRET")
	d := &bot.Dispatcher{Engine: eng, Keys: store.NewKeyer([]byte(secret)), Log: log}
	if !useRedis {
		log.Info("sessions are kept in memory: they are not shared between instances and not kept across restarts", "idle", idle.String())
		mem := store.NewMemory(idle)
		d.Sessions = mem
		return d, func() { mem.Close() }, nil
	}
	// With a shared store the key secret must be shared and strong too: a
	// random one per process would split every conversation between
	// instances, a weak one would let keys be traced back to chat ids.
	if err := redisstore.RequireSecret(secret); err != nil {
		return nil, nil, err
	}
	redisstore.SetLogger(log) // the client's own lines, as JSON like the rest
	client, err := redisstore.NewClient(cfg)
	if err != nil {
		return nil, nil, err
	}
	rs := redisstore.New(client, idle, cfg.Options()...)
	if err := rs.Ping(ctx); err != nil {
		// Start anyway: users get the safety card until Redis answers, and
		// the store recovers by itself.
		log.Warn("redis does not answer yet; the safety card is shown until it does", "err", err)
	} else {
		log.Info("sessions are kept in redis", "idle", idle.String())
	}
	d.Sessions = rs
	return d, func() { client.Close() }, nil
}
