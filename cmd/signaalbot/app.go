package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/redis/go-redis/v9"

	"signaal/bot"
	"signaal/bot/telegram"
	"signaal/bot/web"
	"signaal/content"
	"signaal/flows"
	"signaal/store"
	"signaal/store/redisstore"
	"signaal/understand"
)

// errUsage reports a mistake in the command line; the flag package, or
// run, has already said what it is and shown the usage.
var errUsage = errors.New("usage")

// errHelp reports that help was asked for and has been printed; the
// command does nothing else.
var errHelp = errors.New("help requested")

// flagSet returns the flag set of a subcommand, whose usage starts with
// the command's synopsis and summary from the command table.
func (a *app) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("signaalbot "+name, flag.ContinueOnError)
	fs.Usage = func() {
		c, _ := a.lookup(name)
		fmt.Fprintf(fs.Output(), "usage: signaalbot %s %s\n\n%s\n\nflags:\n", name, c.args, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a subcommand's arguments. Help asked for with -h or --help
// goes to standard output and ends the command with errHelp; a mistake
// goes to standard error, with the usage, as errUsage.
func (a *app) parse(fs *flag.FlagSet, args []string) error {
	var out bytes.Buffer
	fs.SetOutput(&out)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		a.stdout.Write(out.Bytes())
		return errHelp
	case err != nil:
		a.stderr.Write(out.Bytes())
		return errUsage
	}
	fs.SetOutput(a.stderr)
	return nil
}

// loadContent loads the embedded content, or a directory on disk when dir
// is set (for content editors trying a change without rebuilding), with
// its understand.yaml: every command checks that file as it checks the
// rest, so that lint and the bot itself list the problems of all files at
// once. It is checked against Telegram's limits in every command, the
// terminal chat included: Telegram is the strictest channel the bot
// serves, and content that lint passes must be content that every channel
// can show. For the same reason the web page's words are required in
// every command.
func loadContent(dir string) (*content.Content, *understand.Understanding, error) {
	o := content.Options{Limits: telegram.Limits, Keys: web.Keys}
	if dir == "" {
		return understand.DefaultWith(o)
	}
	return understand.LoadWith(os.DirFS(dir), o)
}

// engine loads content and compiles it, with the matching core reading
// every typed message for its meaning (and answering /contact), and
// endings that say whether a contact is open now. Invalid content stops
// the bot with every problem listed.
// The index is returned too, for channels that search outside a
// conversation (Telegram's inline mode), so it is built once.
func (a *app) engine(dir string) (*flows.Engine, *understand.Index, error) {
	c, u, err := loadContent(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("content is invalid:\n%w", err)
	}
	idx := understand.New(c, u)
	eng, err := flows.New(c, flows.WithUnderstander(idx), flows.WithOpenNow())
	var ps content.Problems
	if errors.As(err, &ps) {
		// The engine's checks of what it compiled, refused as Load's.
		return nil, nil, fmt.Errorf("content is invalid:\n%w", err)
	}
	return eng, idx, err
}

// wiring is what a channel needs: the dispatcher, the search index, the
// logger, and Close to release the session store.
type wiring struct {
	d     *bot.Dispatcher
	index *understand.Index
	log   *slog.Logger
	// redis is the session store's client, and sessions the store; both
	// nil with sessions in memory.
	redis    redis.UniversalClient
	sessions *redisstore.Store
	Close    func()
}

// wire loads the content (from dir, or the embedded content) and wires
// engine, search and session store for a channel. The environment is read
// first, so that a mistake in it is reported before anything else happens.
func (a *app) wire(ctx context.Context, dir, redisURL string, terminal bool) (*wiring, error) {
	sc, err := readStoreConfig(a.getenv, redisURL)
	if err != nil {
		return nil, err
	}
	lc, err := readLogConfig(a.getenv, terminal)
	if err != nil {
		return nil, err
	}
	eng, idx, err := a.engine(dir)
	if err != nil {
		return nil, err
	}
	log := lc.logger(a.stderr)
	var client redis.UniversalClient
	sc.onClient = func(c redis.UniversalClient) { client = c }
	d, closeStore, err := dispatcher(ctx, eng, log, sc)
	if err != nil {
		return nil, err
	}
	// Quick exits an earlier run could not carry out are taken up before
	// any chat is answered; a journal that cannot be read or written is a
	// mistake in the settings.
	if err := d.ReplayExits(); err != nil {
		closeStore()
		return nil, fmt.Errorf("EXIT_JOURNAL: %w", err)
	}
	rs, _ := d.Sessions.(*redisstore.Store)
	return &wiring{d: d, index: idx, log: log, redis: client, sessions: rs, Close: closeStore}, nil
}

// dispatcher wires engine, session store and keys: sessions go to Redis
// when cfg.Redis is set and stay in memory otherwise. The returned close
// function releases the store.
func dispatcher(ctx context.Context, eng *flows.Engine, log *slog.Logger, cfg storeConfig) (*bot.Dispatcher, func(), error) {
	// With a shared store the key secret must be shared and strong too: a
	// random one per process would split every conversation between
	// instances, a weak one would let keys be traced back to chat ids. A
	// secret set for the memory store must be strong as well.
	if err := checkSessionSecret(cfg.Secret, cfg.Redis != nil); err != nil {
		return nil, nil, err
	}
	d := &bot.Dispatcher{Engine: eng, Keys: store.NewKeyer([]byte(cfg.Secret)), Log: log, Idle: cfg.Idle}
	if cfg.ExitJournal != "" {
		d.Exits = &bot.ExitJournal{Path: cfg.ExitJournal}
	}
	if cfg.Redis == nil {
		log.Info("sessions are kept in memory: they are not shared between instances and not kept across restarts", "idle", cfg.Idle.String())
		mem := store.NewMemory(cfg.Idle)
		d.Sessions = mem
		return d, func() { mem.Close() }, nil
	}
	redisstore.SetLogger(log) // the client's own lines, in the same format as the rest
	client, err := redisstore.NewClient(*cfg.Redis)
	if err != nil {
		return nil, nil, cfg.nameFields(err)
	}
	if cfg.onClient != nil {
		cfg.onClient(client)
	}
	rs := redisstore.New(client, cfg.Idle, cfg.Redis.Options()...)
	if err := rs.Writable(ctx); err != nil {
		// Start anyway: users get the safety card until Redis takes
		// sessions, and the store recovers by itself.
		log.Warn("redis does not take sessions yet; the safety card is shown until it does", "err", err)
	} else {
		log.Info("sessions are kept in redis", "idle", cfg.Idle.String())
	}
	d.Sessions = rs
	return d, func() { client.Close() }, nil
}
