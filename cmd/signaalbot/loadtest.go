package main

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/bot/telegram"
	"signaal/bot/web"
	"signaal/internal/loadsim"
	"signaal/store"
	"signaal/store/redisstore"
)

// loadtest runs simulated people (internal/loadsim) through the real
// Telegram channel, or with --channel web through the web chat's API, on
// the bot wired as serve wires it.
func (a *app) loadtest(ctx context.Context, args []string) error {
	fs := a.flagSet("loadtest")
	users := fs.Int("users", 200, fmt.Sprintf("simulated people, each waiting for its answer before the next input (1-%d)", maxLoadUsers))
	duration := fs.Duration("duration", 10*time.Second, "how long the people keep talking (at most "+maxLoadDuration.String()+")")
	redisURL := fs.String("redis-url", "", "keep sessions in this Redis on this machine (loopback only; its keys start with "+loadPrefix+":); memory when empty")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	channel := fs.String("channel", telegram.Platform, "the `channel` the people talk through: telegram (its webhook, with a Bot API in process) or web (the web chat's API)")
	seed := fs.Uint64("seed", 1, "seed of the people's choices")
	chats := fs.Int("chats", 0, fmt.Sprintf("conversations the users hold, each user writing in its chats in turn (default: one a user; at most %d)", maxLoadChats))
	plain := fs.Bool("no-autopipeline", false, "send each Redis command on its own pooled connection, to show what batching concurrent ones is worth")
	workers := fs.Int("workers", 0, "updates the bot handles at once, and chats it sends to at once (default: as many as users, at most 256)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	memProfile := fs.String("memprofile", "", "write an allocation profile of the run to this file")
	spike := fs.Bool("spike", false, "play a campaign moment under Telegram's real limits, as the grammY peer's --spike: --users people arrive evenly over --arrive and send /start, read 1-3 s after every answer and press an option, every 20th pressing 112 as its second press, every 25th leaving with the quick exit as its second; --duration is 20s unless given")
	arrive := 2 * time.Second
	fs.Var((*secondsFlag)(&arrive), "arrive", "with --spike, the time over which the people arrive, in seconds as the peer's --arrive, or a duration such as 500ms (default 2)")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *spike {
		if *channel != telegram.Platform {
			return errors.New("--spike runs through the telegram channel only")
		}
		if !given["duration"] {
			*duration = 20 * time.Second // the peer's --seconds 20
		}
		if arrive < 0 || arrive > maxLoadDuration {
			return fmt.Errorf("--arrive must be 0 to %v", maxLoadDuration)
		}
	} else if given["arrive"] {
		return errors.New("--arrive goes with --spike")
	}
	if *users < 1 || *users > maxLoadUsers {
		return fmt.Errorf("--users must be 1 to %d", maxLoadUsers)
	}
	if *chats < 0 || *chats > maxLoadChats {
		return fmt.Errorf("--chats must be 0 (one a user) to %d", maxLoadChats)
	}
	if *workers < 0 || *workers > maxLoadUsers {
		return fmt.Errorf("--workers must be 0 (as many as users, at most 256) to %d", maxLoadUsers)
	}
	if *duration < 100*time.Millisecond || *duration > maxLoadDuration {
		return fmt.Errorf("--duration must be 100ms to %v", maxLoadDuration)
	}
	if *channel != telegram.Platform && *channel != web.Platform {
		return fmt.Errorf("--channel must be %s or %s", telegram.Platform, web.Platform)
	}
	if *redisURL != "" {
		if err := checkLoopback(*redisURL); err != nil {
			return err
		}
	}
	cfg := loadConfig{
		Channel: *channel,
		Users:   *users, Chats: *chats, Duration: *duration, RedisURL: *redisURL, Seed: *seed, Workers: *workers,
		NoAutoPipeline: *plain,
		Progress:       a.stderr,
	}
	if *spike {
		cfg.Spike = &loadsim.Spike{Arrive: arrive}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		cfg.startProfile = func() error { return pprof.StartCPUProfile(f) }
		cfg.stopProfile = pprof.StopCPUProfile
	}
	if *memProfile != "" {
		// Every allocation is sampled, so that the profile and the count
		// of allocations per update tell the same story.
		runtime.MemProfileRate = 1
		defer func() {
			f, err := os.Create(*memProfile)
			if err == nil {
				_ = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	run, err := startLoad(ctx, cfg)
	if err != nil {
		return err
	}
	res, err := run.Wait()
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		return enc.Encode(res)
	}
	res.Print(a.stdout)
	return nil
}

// secondsFlag is a duration given as the peer gives it, in seconds ("2",
// "0.5"), or with a unit ("500ms").
type secondsFlag time.Duration

func (s *secondsFlag) String() string { return time.Duration(*s).String() }

func (s *secondsFlag) Set(v string) error {
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		*s = secondsFlag(f * float64(time.Second))
		return nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return errors.New("not a number of seconds nor a duration")
	}
	*s = secondsFlag(d)
	return nil
}

// Bounds of a load run, so that a typo cannot take the machine down.
const (
	maxLoadUsers    = 20000
	maxLoadChats    = 100000
	maxLoadDuration = 10 * time.Minute
	// loadPrefix starts the Redis keys of a load run, so that they are
	// told apart from a bot's and removed afterwards.
	loadPrefix = "sgload"
)

// loadConfig is one load run.
type loadConfig struct {
	// Channel is the channel the people talk through: telegram (the
	// default, when empty) or web.
	Channel string
	Users   int
	// Chats is the number of conversations the users hold, in turn; as
	// many as users when smaller.
	Chats    int
	Duration time.Duration
	// Workers is the bot's Workers and SendWorkers (see loadsim.Config).
	Workers int
	// NoAutoPipeline sends every Redis command on its own.
	NoAutoPipeline bool
	// RedisURL is a Redis on loopback; sessions stay in memory when empty.
	RedisURL string
	Seed     uint64
	// Progress receives a line a second while the run goes on; nil for
	// none.
	Progress io.Writer
	// FailEvery makes every n-th call to the Bot API fail, in turn with a
	// 502 and a 429 (retry after a second), as Telegram does under load.
	FailEvery int
	// Backoff is the bot's first pause after a 5xx (its default when zero).
	Backoff time.Duration
	// RetryEvery is how often the dispatcher tries again to delete the
	// sessions of quick exits the store could not carry out (its default
	// when zero), and ExitJournal the file that keeps them ("" for none),
	// so that a test can see them done before the run ends.
	RetryEvery  time.Duration
	ExitJournal string
	// Spike, when set, plays a campaign moment under Telegram's limits.
	Spike *loadsim.Spike

	startProfile func() error
	stopProfile  func()
}

// checkLoopback refuses a Redis that is not on this machine: a load run
// writes tens of thousands of keys a second, which no shared Redis should
// get by mistake.
func checkLoopback(raw string) error {
	o, err := redis.ParseURL(raw)
	if err != nil {
		return errors.New("--redis-url is not a valid redis:// URL")
	}
	host, _, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return errors.New("--redis-url has no host:port")
	}
	if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--redis-url: a load test runs only against a Redis on this machine (127.0.0.1, ::1 or localhost), not %q", host)
}

// startLoad wires the bot as serve does, on the embedded content, and
// sets the people going through its channel. ctx ends the run early; the
// run's Wait stops the bot and releases the store.
func startLoad(ctx context.Context, cfg loadConfig) (*loadsim.Run, error) {
	logs := loadsim.NewLog()
	// A key secret of the run's own, random and strong, as a shared
	// store requires.
	secret := make([]byte, 32)
	_, _ = crand.Read(secret)
	sc := storeConfig{Idle: store.DefaultIdle, Secret: hex.EncodeToString(secret), ExitJournal: cfg.ExitJournal, noAutoPipeline: cfg.NoAutoPipeline}
	sim := loadsim.Config{
		Users: cfg.Users, Chats: cfg.Chats, Duration: cfg.Duration, Workers: cfg.Workers, Seed: cfg.Seed,
		Progress: cfg.Progress, FailEvery: cfg.FailEvery, Backoff: cfg.Backoff, Log: logs,
		Store: "memory", StartProfile: cfg.startProfile, StopProfile: cfg.stopProfile,
		Spike: cfg.Spike,
	}
	if cfg.RedisURL != "" {
		sc.Redis = &redisstore.Config{URL: cfg.RedisURL, Prefix: loadPrefix}
		sim.Store, sim.Prefix = "redis", loadPrefix
		if cfg.NoAutoPipeline {
			sim.Store = "redis, no autopipelining"
		}
	}
	m := &Main{Config: mainConfig{Store: sc}, Log: slog.New(logs)}
	if err := m.Open(ctx); err != nil {
		return nil, err
	}
	if m.Sessions != nil {
		if err := m.Sessions.Ping(ctx); err != nil {
			m.Close()
			return nil, fmt.Errorf("redis: %w", err)
		}
	}
	m.Dispatcher.RetryEvery = cfg.RetryEvery
	sim.Memory, sim.Redis = m.Memory, m.Redis
	sim.Release = m.Close
	var run *loadsim.Run
	var err error
	if cfg.Channel == web.Platform {
		run, err = loadsim.Web(ctx, sim, m.Web(m.Handler))
	} else {
		run, err = loadsim.Telegram(ctx, sim, m.Telegram(m.Handler))
	}
	if err != nil {
		m.Close()
		return nil, err
	}
	return run, nil
}
