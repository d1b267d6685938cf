package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
	"signaal/store"
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

// engine loads content and compiles it. Invalid content stops the bot with
// every problem listed.
func (a *app) engine(dir string) (*flows.Engine, error) {
	c, err := loadContent(dir)
	if err != nil {
		return nil, fmt.Errorf("content is invalid:\n%w", err)
	}
	return flows.New(c)
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

// idle is SESSION_IDLE as a duration, or store.DefaultIdle.
func (a *app) idle() (time.Duration, error) {
	v := a.getenv("SESSION_IDLE")
	if v == "" {
		return store.DefaultIdle, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("SESSION_IDLE=%q is not a positive duration such as 30m", v)
	}
	return d, nil
}

// dispatcher wires engine, session store and keys. The returned close
// function releases the store.
func (a *app) dispatcher(ctx context.Context, eng *flows.Engine, log *slog.Logger) (*bot.Dispatcher, func(), error) {
	idle, err := a.idle()
	if err != nil {
		return nil, nil, err
	}
	secret := strings.TrimSpace(a.getenv("SESSION_SECRET"))
	log.Info("sessions are kept in memory: they are not shared between instances and not kept across restarts", "idle", idle.String())
	mem := store.NewMemory(idle)
	d := &bot.Dispatcher{Engine: eng, Sessions: mem, Keys: store.NewKeyer([]byte(secret)), Log: log}
	return d, func() { mem.Close() }, nil
}
