package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"signaal/bot/telegram"
	"signaal/bot/web"
	"signaal/content"
	"signaal/flows"
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

// buildEngine loads content and compiles it, with the matching core
// reading every typed message for its meaning (and answering /contact),
// and endings that say whether a contact is open now. Invalid content
// stops the bot with every problem listed. The index is returned too,
// for channels that search outside a conversation (Telegram's inline
// mode), so it is built once. The trained models are kept in the
// directory cache between starts ("" keeps none); what is built does not
// depend on it.
func buildEngine(dir, cache string) (*flows.Engine, *understand.Index, error) {
	if dir == "" {
		b, err := embeddedEngine(cache)
		return b.engine, b.index, err
	}
	return compileEngine(dir, cache)
}

// modelCacheDir is where the trained models are kept between starts,
// given the MODEL_CACHE setting v: v's directory, none for "off", and
// by default signaal in the user's cache directory (none when there is
// no such directory, as for a user without a home).
func modelCacheDir(v string) string {
	switch v = strings.TrimSpace(v); v {
	case "off":
		return ""
	case "":
		d, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(d, "signaal")
	}
	return v
}

type engineAndIndex struct {
	engine *flows.Engine
	index  *understand.Index
}

// embeddedEngine is the engine of the embedded content, which cannot
// change while the process runs: it is compiled (and its model trained)
// once, however many times the bot is wired, as the end-to-end tests and
// a load run wire it. An engine is not changed by what it answers, so the
// bots of one process can share it. The model cache of the first call is
// used: it changes only how fast the engine is built.
func embeddedEngine(cache string) (*engineAndIndex, error) {
	embedded.once.Do(func() {
		e, idx, err := compileEngine("", cache)
		embedded.built, embedded.err = &engineAndIndex{e, idx}, err
	})
	return embedded.built, embedded.err
}

var embedded struct {
	once  sync.Once
	built *engineAndIndex
	err   error
}

func compileEngine(dir, cache string) (*flows.Engine, *understand.Index, error) {
	c, u, err := loadContent(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("content is invalid:\n%w", err)
	}
	idx := understand.New(c, u, understand.ModelCache(cache))
	eng, err := flows.New(c, flows.WithUnderstander(idx), flows.WithOpenNow())
	var ps content.Problems
	if errors.As(err, &ps) {
		// The engine's checks of what it compiled, refused as Load's.
		return nil, nil, fmt.Errorf("content is invalid:\n%w", err)
	}
	return eng, idx, err
}

// wire reads the store and log settings through a.getenv, with the Redis
// URL of a flag, and returns the bot to open on the content of dir (the
// embedded content when ""). The environment is read first, so that a
// mistake in it is reported before anything else happens.
func (a *app) wire(dir, redisURL string, terminal bool) (*Main, error) {
	sc, err := readStoreConfig(a.getenv, redisURL)
	if err != nil {
		return nil, err
	}
	lc, err := readLogConfig(a.getenv, terminal)
	if err != nil {
		return nil, err
	}
	return &Main{Config: mainConfig{ContentDir: dir, ModelCache: a.getenv("MODEL_CACHE"), Store: sc, Log: lc}, Stderr: a.stderr}, nil
}
