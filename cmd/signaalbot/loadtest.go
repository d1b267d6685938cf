package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"

	"signaal/bot"
	"signaal/bot/telegram"
	"signaal/bot/web"
	"signaal/content"
	"signaal/flows"
	"signaal/store"
	"signaal/store/redisstore"
)

// loadtest runs simulated people through the real Telegram channel, or
// with --channel web through the web chat's API: on Telegram each one
// posts an update to the webhook handler in process, waits until the bot
// has sent its whole answer to a Bot API answered in process, and picks
// the next input from what it was shown (the web chat: see loadweb.go). Everything a real update
// goes through runs: decoding the update, the lanes, the dispatcher, the
// engine, the session store, the rate limiter, building the requests with
// their keyboards, and decoding Telegram's answers. Only the network is
// left out, on both sides, as the grammY peer in ../shared/bench leaves it
// out; so are Telegram's real limits of 30 messages a second, which the
// peer does not keep either and which would cap the figures at 30.
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
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
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
	res, err := run.wait()
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		return enc.Encode(res)
	}
	res.print(a.stdout)
	return nil
}

// Bounds of a load run, so that a typo cannot take the machine down.
const (
	maxLoadUsers    = 20000
	maxLoadChats    = 100000
	maxLoadDuration = 10 * time.Minute
	// answerWait is how long a simulated person waits for an answer before
	// counting it as lost and going on.
	answerWait = 10 * time.Second
	// loadPrefix starts the Redis keys of a load run, so that they are
	// told apart from a bot's and removed afterwards.
	loadPrefix = "sgload"
	// loadUserBase is the first simulated user id; a private chat has the
	// id of its user.
	loadUserBase int64 = 7_100_000_000
	loadBotID    int64 = 7_000_000_001
	loadToken          = "7000000001:loadtest-token-not-a-real-one-0123456789"
	loadHookURL        = "https://loadtest.invalid/telegram"
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
	// Workers is the bot's Workers and SendWorkers; see startLoad for the
	// default.
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
	// 429 (retry after a second) and a 502, as Telegram does under load.
	FailEvery int
	// Backoff is the bot's first pause after a 5xx (its default when zero).
	Backoff time.Duration
	// RetryEvery is how often the dispatcher tries again to delete the
	// sessions of quick exits the store could not carry out (its default
	// when zero), so that a test can have them done before the run ends.
	RetryEvery time.Duration

	startProfile func() error
	stopProfile  func()
}

// loadResult holds the figures of a run. The field names are what
// bench/compare reads.
type loadResult struct {
	Channel    string  `json:"channel"`
	Store      string  `json:"store"`
	Users      int     `json:"users"`
	Chats      int     `json:"chats"`
	Seconds    float64 `json:"seconds"`
	Updates    int64   `json:"updates"`
	PerSecond  float64 `json:"updates_per_s"`
	P50        float64 `json:"p50_ms"`
	P99        float64 `json:"p99_ms"`
	Max        float64 `json:"max_ms"`
	Answered   int64   `json:"answered"`
	Errors     int64   `json:"errors"`
	Unanswered int64   `json:"unanswered"`
	Refused    int64   `json:"webhook_refused"`
	Degraded   int64   `json:"degraded"`
	Exits      int64   `json:"quick_exits"`
	Stale      int64   `json:"stale_presses"`
	Duplicates int64   `json:"duplicates"`
	APICalls   int64   `json:"api_calls"`
	Faults     int64   `json:"faults_injected"`
	BadCalls   int64   `json:"api_calls_malformed"`

	RedisCommandsPerUpdate float64            `json:"redis_commands_per_update"`
	RedisCallsPerUpdate    float64            `json:"redis_calls_per_update"`
	RedisCommands          map[string]float64 `json:"redis_commands,omitempty"`
	BytesPerSession        float64            `json:"bytes_per_session"`
	Sessions               int64              `json:"sessions"`

	CPUPerUpdate        float64          `json:"cpu_us_per_update"`
	CPUOwn              float64          `json:"cpu_own_pct"`
	CPURedis            float64          `json:"cpu_redis_pct,omitempty"`
	CPUOther            float64          `json:"cpu_other_pct"`
	AllocsPerUpdate     float64          `json:"allocs_per_update"`
	AllocBytesPerUpdate float64          `json:"alloc_bytes_per_update"`
	PeakRSSMiB          float64          `json:"peak_rss_mib"`
	HeapMiB             float64          `json:"heap_live_mib"`
	StackMiB            float64          `json:"stack_inuse_mib"`
	RSSAfterMiB         float64          `json:"rss_after_mib"`
	GOMAXPROCS          int              `json:"gomaxprocs"`
	Workers             int              `json:"workers"`
	RateLimits          string           `json:"rate_limits"`
	Logged              map[string]int64 `json:"logged,omitempty"`
}

func (r *loadResult) print(w io.Writer) {
	fmt.Fprintf(w, "signaal loadtest: %s, %d users in %d chats, %s sessions, %.1fs, GOMAXPROCS %d, %d workers; %s\n",
		r.Channel, r.Users, r.Chats, r.Store, r.Seconds, r.GOMAXPROCS, r.Workers, r.RateLimits)
	fmt.Fprintf(w, "  updates          %d (%.0f/s), answered %d, errors %d\n", r.Updates, r.PerSecond, r.Answered, r.Errors)
	fmt.Fprintf(w, "  latency          p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", r.P50, r.P99, r.Max)
	if r.Channel == telegram.Platform {
		fmt.Fprintf(w, "  Bot API calls    %d (%.2f an update), %d faults injected\n", r.APICalls, float64(r.APICalls)/max(1, float64(r.Updates)), r.Faults)
	}
	if strings.HasPrefix(r.Store, "redis") {
		fmt.Fprintf(w, "  Redis            %.2f commands sent an update (%.2f run, with the script's own), %.0f bytes a session\n", r.RedisCommandsPerUpdate, r.RedisCallsPerUpdate, r.BytesPerSession)
	}
	fmt.Fprintf(w, "  sessions         %d; safety cards %d; quick exits %d; old buttons refused %d; duplicates %d\n", r.Sessions, r.Degraded, r.Exits, r.Stale, r.Duplicates)
	fmt.Fprintf(w, "  process          %.1f µs of CPU, %.1f allocs and %.0f bytes an update; peak RSS %.1f MiB\n",
		r.CPUPerUpdate, r.AllocsPerUpdate, r.AllocBytesPerUpdate, r.PeakRSSMiB)
	fmt.Fprintf(w, "  after the run    %.1f MiB live on the heap, %.1f MiB of stacks, resident %.1f MiB, the people's own state let go\n", r.HeapMiB, r.StackMiB, r.RSSAfterMiB)
	fmt.Fprintf(w, "  machine          this process %.0f%% of the CPUs, redis-server %.0f%%, everything else %.0f%%\n", r.CPUOwn, r.CPURedis, r.CPUOther)
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

// loadRun is a load run in progress.
type loadRun struct {
	cfg   loadConfig
	users []*simUser
	chats []*simChat
	api   *fakeAPI
	bot   *telegram.Bot
	hook  http.Handler
	count *countingHandler
	logs  *countingLog
	// web is the web chat, and webUsers its people, in a run through it.
	web      *web.Server
	webUsers []*webUser

	main   *Main
	mem    *store.Memory
	client redis.UniversalClient

	stop     atomic.Bool
	updates  atomic.Int64
	answered atomic.Int64
	lost     atomic.Int64
	refused  atomic.Int64

	start      time.Time
	cpuStart   cpuTimes
	redisPID   int           // redis-server's process, when it runs on this machine
	redisCPU   time.Duration // and the CPU time it had used
	before     runtime.MemStats
	redisStats map[string]int64
	botCancel  context.CancelFunc
	botDone    chan error
	usersDone  sync.WaitGroup
	progress   chan struct{}
	workers    int
}

// loadCounts is what a test watches while a run goes on.
type loadCounts struct {
	Updates, Answered, Degraded int64
}

func (l *loadRun) counts() loadCounts {
	return loadCounts{Updates: l.updates.Load(), Answered: l.answered.Load(), Degraded: l.count.degraded.Load()}
}

// startLoad wires a bot as serve does, with the Bot API answered in
// process, and sets the people going. ctx ends the run early.
func startLoad(ctx context.Context, cfg loadConfig) (*loadRun, error) {
	l := &loadRun{cfg: cfg, logs: &countingLog{counts: map[string]int64{}}, progress: make(chan struct{})}
	log := slog.New(l.logs)
	// A key secret of the run's own, random and strong, as a shared
	// store requires.
	secret := make([]byte, 32)
	_, _ = crand.Read(secret)
	sc := storeConfig{Idle: store.DefaultIdle, Secret: hex.EncodeToString(secret), noAutoPipeline: cfg.NoAutoPipeline}
	if cfg.RedisURL != "" {
		sc.Redis = &redisstore.Config{URL: cfg.RedisURL, Prefix: loadPrefix}
	}
	m := &Main{Config: mainConfig{Store: sc}, Log: log}
	if err := m.Open(ctx); err != nil {
		return nil, err
	}
	l.main = m
	if m.Sessions != nil {
		if err := m.Sessions.Ping(ctx); err != nil {
			m.Close()
			return nil, fmt.Errorf("redis: %w", err)
		}
	}
	l.mem, l.client = m.Memory, m.Redis
	m.Dispatcher.RetryEvery = cfg.RetryEvery
	d := m.Handler
	l.count = &countingHandler{h: d}

	if cfg.Channel == web.Platform {
		if err := l.startWeb(); err != nil {
			l.close()
			return nil, err
		}
	} else if err := l.startTelegram(ctx); err != nil {
		return nil, err
	}

	if l.client != nil {
		stats, err := commandStats(ctx, l.client)
		if err != nil {
			l.close()
			return nil, err
		}
		l.redisStats = stats
		l.redisPID = redisProcess(ctx, l.client)
	}
	if cfg.startProfile != nil {
		if err := cfg.startProfile(); err != nil {
			l.close()
			return nil, err
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&l.before)
	l.cpuStart = readCPU()
	l.redisCPU = processCPU(l.redisPID)
	l.start = time.Now()
	for _, u := range l.users {
		l.usersDone.Add(1)
		go func() {
			defer l.usersDone.Done()
			u.run(l)
		}()
	}
	for _, u := range l.webUsers {
		l.usersDone.Add(1)
		go func() {
			defer l.usersDone.Done()
			u.run(l)
		}()
	}
	go l.report(ctx)
	return l, nil
}

// startTelegram sets up the Telegram channel of a run: the bot with its
// webhook handler, the Bot API in process, and the people who post to it.
func (l *loadRun) startTelegram(ctx context.Context) error {
	cfg := l.cfg
	chats := max(cfg.Chats, cfg.Users)
	l.users = make([]*simUser, cfg.Users)
	exit := l.main.Engine.Content().Text(content.DefaultLang, content.KeyOptExit)
	for i := range l.users {
		l.users[i] = newSimUser(i, cfg.Seed, exit)
	}
	l.chats = make([]*simChat, chats)
	for i := range l.chats {
		u := l.users[i%len(l.users)]
		l.chats[i] = &simChat{id: loadUserBase + int64(i), user: u}
		u.chats = append(u.chats, l.chats[i])
	}
	l.api = &fakeAPI{chats: l.chats, ready: make(chan struct{}), failEvery: int64(cfg.FailEvery)}
	// Every person has at most one update in flight, so as many workers
	// as people keep any of them from waiting for a worker; a deployment
	// Every person has at most one update in flight. Up to 256 people,
	// as many workers as people keep any of them from waiting for one, as
	// a deployment sizes --workers for its own traffic; beyond that the
	// workers stay at 256, as a deployment's would, and people queue.
	l.workers = cfg.Workers
	if l.workers <= 0 {
		l.workers = min(max(16, cfg.Users), 256)
	}
	hookSecret := make([]byte, 16)
	_, _ = crand.Read(hookSecret)
	ln := &idleListener{closed: make(chan struct{})}
	// The bot as serve builds it, on a webhook nothing connects to: the
	// people hand their updates to its handler, and the Bot API answers
	// in process.
	l.bot = l.main.Telegram(l.count)
	l.bot.Token = loadToken
	l.bot.Endpoint = "http://bot-api.invalid/bot%s/%s"
	l.bot.Client = &http.Client{Transport: l.api}
	l.bot.WebhookURL, l.bot.Listener, l.bot.WebhookSecret = loadHookURL, ln, hex.EncodeToString(hookSecret)
	l.bot.Workers, l.bot.SendWorkers, l.bot.MaxQueued = l.workers, l.workers, max(4*l.workers, 2*cfg.Users)
	// Telegram's limits would hold the bot at 30 messages a second; the
	// peer sends without limits, so the bot does too.
	l.bot.Rate, l.bot.Burst, l.bot.ChatRate, l.bot.ChatBurst = 1e9, 1<<20, 1e9, 1<<20
	l.bot.Backoff = cfg.Backoff
	l.bot.Delivered = l.delivered
	botCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	l.botCancel = cancel
	l.botDone = make(chan error, 1)
	go func() { l.botDone <- l.bot.Run(botCtx) }()
	select {
	case <-l.api.ready:
	case err := <-l.botDone:
		l.close()
		return fmt.Errorf("bot did not start: %w", err)
	case <-time.After(10 * time.Second):
		l.close()
		return errors.New("bot did not register its webhook within 10s")
	}
	l.hook = l.bot.WebhookHandler()
	hookURL, _ := url.Parse(loadHookURL)
	for _, u := range l.users {
		u.prepare(ctx, hookURL, l.bot.WebhookSecret)
	}
	return nil
}

// report writes a progress line every second and stops the people when
// the duration is over or ctx ends.
func (l *loadRun) report(ctx context.Context) {
	defer close(l.progress)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	end := time.NewTimer(l.cfg.Duration)
	defer end.Stop()
	last, lastAt := int64(0), l.start
	for {
		select {
		case <-ctx.Done():
			l.stop.Store(true)
			return
		case <-end.C:
			l.stop.Store(true)
			return
		case now := <-tick.C:
			if l.cfg.Progress == nil {
				continue
			}
			n := l.updates.Load()
			fmt.Fprintf(l.cfg.Progress, "loadtest: %4.0fs  %9d updates  %7.0f/s  errors %d\n",
				now.Sub(l.start).Seconds(), n, float64(n-last)/now.Sub(lastAt).Seconds(), l.lost.Load()+l.refused.Load())
			last, lastAt = n, now
		}
	}
}

// wait waits for the run to end, takes the figures, stops the bot and
// removes what the run stored.
func (l *loadRun) wait() (*loadResult, error) {
	<-l.progress
	l.usersDone.Wait()
	elapsed := time.Since(l.start)
	cpu := readCPU().sub(l.cpuStart)
	redisCPU := processCPU(l.redisPID) - l.redisCPU
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if l.cfg.stopProfile != nil {
		l.cfg.stopProfile()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	var lat []time.Duration
	for _, u := range l.users {
		lat = append(lat, u.lat...)
	}
	for _, u := range l.webUsers {
		lat = append(lat, u.lat...)
	}
	slices.Sort(lat)
	ms := func(q float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))]) / 1e6
	}
	n := l.updates.Load()
	perUpdate := func(v uint64) float64 { return float64(v) / max(1, float64(n)) }
	res := &loadResult{
		Channel:    cmp.Or(l.cfg.Channel, telegram.Platform),
		Store:      "memory",
		Users:      l.cfg.Users,
		Chats:      max(l.cfg.Chats, l.cfg.Users),
		Seconds:    elapsed.Seconds(),
		Updates:    n,
		PerSecond:  float64(n) / elapsed.Seconds(),
		P50:        ms(0.50),
		P99:        ms(0.99),
		Max:        ms(1),
		Answered:   l.answered.Load(),
		Unanswered: l.lost.Load(),
		Refused:    l.refused.Load(),
		Degraded:   l.count.degraded.Load(),
		Exits:      l.count.exits.Load(),
		Stale:      l.count.refused.Load(),
		Duplicates: l.count.duplicates.Load(),

		AllocsPerUpdate:     perUpdate(after.Mallocs - l.before.Mallocs),
		AllocBytesPerUpdate: perUpdate(after.TotalAlloc - l.before.TotalAlloc),
		PeakRSSMiB:          peakRSS(),
		GOMAXPROCS:          runtime.GOMAXPROCS(0),
		Workers:             l.workers,
		RateLimits:          "Telegram's limits raised out of the way, as the peer keeps none",
		Logged:              l.logs.snapshot(),
	}
	if l.api != nil {
		res.APICalls, res.Faults, res.BadCalls = l.api.calls.Load(), l.api.faults.Load(), l.api.bad.Load()
	}
	if l.web != nil {
		res.RateLimits = "the web chat's flood limits raised out of the way, as the peer keeps none"
	}
	res.Errors = res.Unanswered + res.Refused + res.BadCalls
	if cpu.own > 0 {
		res.CPUPerUpdate = cpu.own.Seconds() * 1e6 / max(1, float64(n))
		capacity := elapsed.Seconds() * float64(runtime.NumCPU())
		res.CPUOwn = 100 * cpu.own.Seconds() / capacity
		res.CPURedis = 100 * redisCPU.Seconds() / capacity
		res.CPUOther = 100 * max(0, cpu.machine-cpu.own-redisCPU).Seconds() / capacity
	}
	// What the bot holds for its sessions, without what the simulated
	// people hold of theirs (their buffers, what they were shown).
	lat = nil
	for _, c := range l.chats {
		c.mu.Lock()
		c.q, c.prev, c.spare = nil, nil, nil
		c.mu.Unlock()
	}
	for _, u := range l.users {
		u.body, u.scratch, u.lat, u.req, u.w.h, u.rng = nil, nil, nil, nil, nil, nil
		u.rd.Reset(nil)
	}
	for _, u := range l.webUsers {
		u.release()
	}
	debug.FreeOSMemory() // collects, and gives back to the system what is free
	var heap runtime.MemStats
	runtime.ReadMemStats(&heap)
	res.RSSAfterMiB = procStatus("VmRSS:")
	res.HeapMiB = float64(heap.HeapAlloc) / (1 << 20)
	res.StackMiB = float64(heap.StackInuse) / (1 << 20)
	if l.mem != nil {
		res.Sessions = int64(l.mem.Len())
	}
	var err error
	if l.client != nil {
		res.Store = "redis"
		if l.cfg.NoAutoPipeline {
			res.Store = "redis, no autopipelining"
		}
		err = l.redisFigures(ctx, res)
	}
	l.close()
	return res, err
}

// redisFigures reads the server's own counts of the commands the run sent
// and the memory its sessions take.
func (l *loadRun) redisFigures(ctx context.Context, res *loadResult) error {
	end, err := commandStats(ctx, l.client)
	if err != nil {
		return err
	}
	res.RedisCommands = map[string]float64{}
	var sent, calls int64
	for name, n := range end {
		if name == "info" {
			continue // the measurement's own
		}
		if d := n - l.redisStats[name]; d > 0 {
			calls += d
			if !scriptOnly[name] {
				sent += d
			}
			res.RedisCommands[name] = float64(d) / max(1, float64(res.Updates))
		}
	}
	res.RedisCommandsPerUpdate = float64(sent) / max(1, float64(res.Updates))
	res.RedisCallsPerUpdate = float64(calls) / max(1, float64(res.Updates))

	// Every key of the run counts towards the sessions it belongs to: a
	// session key and, in older builds, its set of update ids.
	var sessions, bytes, sampled int64
	iter := l.client.Scan(ctx, 0, loadPrefix+":*", 1000).Iterator()
	var keys []string
	for iter.Next(ctx) {
		k := iter.Val()
		keys = append(keys, k)
		if strings.HasSuffix(k, ":s") {
			sessions++
		}
	}
	if err := iter.Err(); err != nil {
		return err
	}
	res.Sessions = sessions
	const sample = 4000
	var sampledSessions int64
	for _, k := range keys[:min(len(keys), sample)] {
		n, err := l.client.MemoryUsage(ctx, k, 0).Result()
		if err != nil {
			continue // expired in between
		}
		bytes += n
		sampled++
		if strings.HasSuffix(k, ":s") {
			sampledSessions++
		}
	}
	if sampledSessions > 0 {
		res.BytesPerSession = float64(bytes) / float64(sampledSessions)
	}
	for i := 0; i < len(keys); i += 500 {
		_ = l.client.Unlink(ctx, keys[i:min(len(keys), i+500)]...).Err()
	}
	return nil
}

// close stops the bot and releases the store.
func (l *loadRun) close() {
	if l.botCancel != nil {
		l.botCancel()
		select {
		case <-l.botDone:
		case <-time.After(15 * time.Second):
		}
	}
	l.main.Close()
}

// delivered is the bot's word that an update's answer has been sent.
func (l *loadRun) delivered(chat int64) {
	i := chat - loadUserBase
	if i < 0 || i >= int64(len(l.chats)) {
		return
	}
	select {
	case l.chats[i].user.answer <- struct{}{}:
	default:
	}
}

// scriptOnly are the commands that only the compare-and-set script runs,
// inside Redis: the store never sends them itself. Redis counts a
// script's calls with the commands clients send, so these are told apart
// by name, for the commands sent (redis_commands_per_update) and all that
// Redis ran (redis_calls_per_update).
var scriptOnly = map[string]bool{"getrange": true, "set": true}

// commandStats returns Redis's count of calls per command.
func commandStats(ctx context.Context, c redis.UniversalClient) (map[string]int64, error) {
	info, err := c.Info(ctx, "commandstats").Result()
	if err != nil {
		return nil, fmt.Errorf("redis INFO commandstats: %w", err)
	}
	out := map[string]int64{}
	sc := bufio.NewScanner(strings.NewReader(info))
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "cmdstat_")
		if !ok {
			continue
		}
		name, rest, _ := strings.Cut(line, ":")
		calls, _, _ := strings.Cut(strings.TrimPrefix(rest, "calls="), ",")
		n, _ := strconv.ParseInt(calls, 10, 64)
		out[name] = n
	}
	return out, nil
}

// cpuTimes are the CPU time this process used and the CPU time the whole
// machine was busy, where the system tells (Linux). Another program busy
// during a run shows in the difference, which the figures report, so that
// a run that shared the machine can be told from one that had it alone.
type cpuTimes struct{ own, machine time.Duration }

func (c cpuTimes) sub(o cpuTimes) cpuTimes {
	return cpuTimes{own: c.own - o.own, machine: c.machine - o.machine}
}

// clockTick is the unit of /proc's CPU times (USER_HZ), 100 a second on
// every Linux the bot runs on.
const clockTick = 10 * time.Millisecond

func readCPU() cpuTimes {
	c := cpuTimes{own: statCPU("/proc/self/stat")}
	if b, err := os.ReadFile("/proc/stat"); err == nil {
		line, _, _ := strings.Cut(string(b), "\n")
		if f := strings.Fields(line); len(f) > 5 && f[0] == "cpu" {
			var busy int64
			for i, v := range f[1:] {
				n, _ := strconv.ParseInt(v, 10, 64)
				if i != 3 && i != 4 { // idle and iowait
					busy += n
				}
			}
			c.machine = time.Duration(busy) * clockTick
		}
	}
	return c
}

// statCPU reads the CPU time a process used from its /proc stat file, or
// 0.
func statCPU(path string) time.Duration {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses and may
	// hold spaces: utime and stime are the 12th and 13th.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) <= 12 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * clockTick
}

// processCPU is the CPU time process pid has used, or 0 (pid 0: none).
func processCPU(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	return statCPU("/proc/" + strconv.Itoa(pid) + "/stat")
}

// redisProcess is the process id of the Redis server, which, on loopback,
// runs on this machine: its CPU time is reported apart from the rest.
func redisProcess(ctx context.Context, c redis.UniversalClient) int {
	info, err := c.Info(ctx, "server").Result()
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "process_id:"); ok {
			pid, _ := strconv.Atoi(v)
			return pid
		}
	}
	return 0
}

// peakRSS is the most memory the process has held, in MiB, where the
// system tells (Linux); 0 elsewhere.
func peakRSS() float64 { return procStatus("VmHWM:") }

// procStatus reads a size in kB from /proc/self/status, in MiB, or 0.
func procStatus(field string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

// countingHandler counts what the dispatcher answered, for the figures.
type countingHandler struct {
	h                   bot.Handler
	degraded, exits     atomic.Int64
	duplicates, refused atomic.Int64
}

func (c *countingHandler) Handle(ctx context.Context, u bot.Update) (bot.Outcome, error) {
	out, err := c.h.Handle(ctx, u)
	switch {
	case out.Degraded:
		c.degraded.Add(1)
	case out.Forget:
		c.exits.Add(1)
	case out.Duplicate:
		c.duplicates.Add(1)
	case out.Refused:
		c.refused.Add(1)
	}
	return out, err
}

// countingLog counts the warnings and errors logged, by message, and
// writes none: a run with Redis stopped on purpose would otherwise write
// a line for every update.
type countingLog struct {
	mu     sync.Mutex
	counts map[string]int64
}

func (c *countingLog) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }
func (c *countingLog) Handle(_ context.Context, r slog.Record) error {
	c.mu.Lock()
	c.counts[r.Message]++
	c.mu.Unlock()
	return nil
}
func (c *countingLog) WithAttrs([]slog.Attr) slog.Handler { return c }
func (c *countingLog) WithGroup(string) slog.Handler      { return c }

func (c *countingLog) snapshot() map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.counts) == 0 {
		return nil
	}
	out := make(map[string]int64, len(c.counts))
	for k, v := range c.counts {
		out[k] = v
	}
	return out
}

// idleListener is the webhook's listener in a load run: nothing connects
// to it, as updates are handed to the handler in process.
type idleListener struct {
	once   sync.Once
	closed chan struct{}
}

func (l *idleListener) Accept() (net.Conn, error) {
	<-l.closed
	return nil, net.ErrClosed
}

func (l *idleListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *idleListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }

// --- the simulated people ---------------------------------------------------

// question is a message of the bot with buttons, as a person sees it. Its
// parts are kept as the JSON they go back into updates as: the text, the
// keyboard, and each button's data and label as JSON strings, so that
// neither the Bot API nor a person decodes or encodes them again. They
// share one array.
type question struct {
	id     int64
	buf    []byte
	text   []byte // a JSON string
	markup []byte // the inline keyboard as the bot sent it
	data   [][]byte
	labels [][]byte
}

// Option data the people look for, as JSON strings.
var (
	jsonExit = []byte(`"` + flows.DataExit + `"`)
	jsonSOS  = []byte(`"` + flows.DataSOS + `"`)
	jsonBack = []byte(`"` + flows.DataBack + `"`)
)

// index returns the position of the button with data d, or -1.
func (q *question) index(d []byte) int {
	for i, x := range q.data {
		if bytes.Equal(x, d) {
			return i
		}
	}
	return -1
}

// simChat is one simulated person's private chat with the bot.
type simChat struct {
	id   int64 // the person's user id, which is also the chat's
	user *simUser

	// What the bot has shown, written by the Bot API as it is sent.
	mu       sync.Mutex
	nextMsg  int64 // Telegram numbers a private chat's messages in one sequence
	q, prev  *question
	spare    *question // one no longer shown, whose buffers are reused
	received int       // messages that reached the chat since the last update
}

// simUser plays the people of its chats, one message at a time: it writes
// in one chat, waits for the whole answer, and goes on in the next. With
// as many chats as users, each plays one person.
type simUser struct {
	rng    *rand.Rand
	chats  []*simChat
	turn   int
	answer chan struct{} // the bot has sent its answer
	lat    []time.Duration
	exit   string // the quick exit's label in Dutch, as the reply keyboard's button sends it

	// The webhook request, made once and reused: one update at a time.
	body    []byte
	scratch []byte
	rd      bytes.Reader
	req     *http.Request
	w       nullWriter
	timer   *time.Timer
}

func newSimUser(n int, seed uint64, exit string) *simUser {
	return &simUser{
		exit:    exit,
		rng:     rand.New(rand.NewPCG(seed, uint64(n))),
		answer:  make(chan struct{}, 1),
		lat:     make([]time.Duration, 0, 64),
		body:    make([]byte, 0, 1024),
		scratch: make([]byte, 0, 256),
	}
}

func (u *simUser) prepare(ctx context.Context, hook *url.URL, secret string) {
	u.req = (&http.Request{
		Method: http.MethodPost,
		URL:    hook,
		Header: http.Header{
			"Content-Type":                    {"application/json"},
			"X-Telegram-Bot-Api-Secret-Token": {secret},
		},
		Body: io.NopCloser(&u.rd),
	}).WithContext(ctx)
	u.w.h = http.Header{}
	u.timer = time.NewTimer(time.Hour)
	u.timer.Stop()
}

// updateIDs are Telegram's update ids: one sequence for the whole bot.
var updateIDs atomic.Int64

// run talks until the run stops: an input, then the whole answer, in each
// chat in turn.
func (u *simUser) run(l *loadRun) {
	for !l.stop.Load() {
		// A person's next message reaches a bot from the network, behind
		// the work already waiting, and not straight from the goroutine
		// that delivered the answer: without this yield the scheduler
		// runs that goroutine next, and a few people chase each other
		// through a processor while the rest wait (p99 above 100 ms with
		// the median under 1 ms).
		runtime.Gosched()
		c := u.chats[u.turn%len(u.chats)]
		u.turn++
		c.mu.Lock()
		exit := u.next(c)
		c.received = 0
		c.mu.Unlock()
		u.rd.Reset(u.body)
		clear(u.w.h)
		u.w.code = 0
		t0 := time.Now()
		l.hook.ServeHTTP(&u.w, u.req)
		if u.w.code != 0 && u.w.code != http.StatusOK {
			l.refused.Add(1)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		l.updates.Add(1)
		u.timer.Reset(answerWait)
		select {
		case <-u.answer:
			u.timer.Stop()
			u.lat = append(u.lat, time.Since(t0))
			c.mu.Lock()
			got := c.received
			c.mu.Unlock()
			if got > 0 {
				l.answered.Add(1)
			} else {
				l.lost.Add(1)
			}
		case <-u.timer.C:
			l.lost.Add(1)
		}
		if exit {
			c.mu.Lock()
			c.q, c.prev = nil, nil
			c.mu.Unlock()
		}
	}
}

// freeText is what people type that is no option: questions the engine
// answers with contact search, and words it does not know.
var freeText = []string{"ik weet het niet", "hallo?", "wat bedoel je", "keerpunt", "ik zoek hulp bij uitbuiting", "politie", "veilig thuis", "mijn baas houdt mijn paspoort"}

// next writes the body of the next update into u.body, chosen at random
// the way people use the bot: mostly an option of the question on screen,
// sometimes typed, a step back, an old button, a question about a
// contact, 112, or the quick exit. It reports whether it is a quick exit.
//
// It is called with c.mu held: the Bot API writes the questions into
// buffers it reuses.
func (u *simUser) next(c *simChat) (exit bool) {
	q, prev := c.q, c.prev
	r := u.rng.IntN(100)
	switch {
	case q == nil || len(q.data) == 0:
		u.text(c, "/start")
	case r < 68:
		u.press(c, q, u.pick(q))
	case r < 76:
		if i := u.pick(q); i >= 0 && u.rng.IntN(2) == 0 {
			u.message(c, q.labels[i]) // an option typed rather than pressed
		} else {
			u.text(c, freeText[u.rng.IntN(len(freeText))])
		}
	case r < 81:
		if i := q.index(jsonBack); i >= 0 && u.rng.IntN(2) == 0 {
			u.press(c, q, i)
		} else {
			u.text(c, "/terug")
		}
	case r < 86:
		if prev == nil {
			prev = q
		}
		u.press(c, prev, u.pick(prev)) // a button of an older message
	case r < 91:
		if u.rng.IntN(3) == 0 {
			u.text(c, "/contact")
		} else {
			u.text(c, freeText[3+u.rng.IntN(len(freeText)-3)])
		}
	case r < 94:
		u.press(c, q, q.index(jsonSOS))
	case r < 96:
		u.text(c, "/help")
	default:
		switch u.rng.IntN(4) {
		case 0:
			u.text(c, "/stop")
		case 1:
			u.text(c, u.exit) // the reply keyboard's button sends its label
		default:
			u.press(c, q, q.index(jsonExit))
		}
		return true
	}
	return false
}

// pick chooses an option of q other than the quick exit and 112, or -1.
func (u *simUser) pick(q *question) int {
	n := 0
	for _, d := range q.data {
		if !bytes.Equal(d, jsonExit) && !bytes.Equal(d, jsonSOS) {
			n++
		}
	}
	if n == 0 {
		return -1
	}
	k := u.rng.IntN(n)
	for i, d := range q.data {
		if !bytes.Equal(d, jsonExit) && !bytes.Equal(d, jsonSOS) {
			if k == 0 {
				return i
			}
			k--
		}
	}
	return -1
}

// appendFrom appends the "from" of every update of chat c: its person.
func appendFrom(b []byte, c *simChat) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, c.id, 10)
	return append(b, `,"is_bot":false,"first_name":"Sim","language_code":"nl"}`...)
}

func appendChat(b []byte, c *simChat) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, c.id, 10)
	return append(b, `,"type":"private"}`...)
}

// text writes a text message update. It is called with c.mu held.
func (u *simUser) text(c *simChat, s string) {
	u.scratch = appendJSONString(u.scratch[:0], s)
	u.message(c, u.scratch)
}

// message writes a text message update whose text is the JSON string
// text. It is called with c.mu held.
func (u *simUser) message(c *simChat, text []byte) {
	c.nextMsg++
	id := c.nextMsg
	b := append(u.body[:0], `{"update_id":`...)
	b = strconv.AppendInt(b, updateIDs.Add(1), 10)
	b = append(b, `,"message":{"message_id":`...)
	b = strconv.AppendInt(b, id, 10)
	b = append(b, `,"from":`...)
	b = appendFrom(b, c)
	b = append(b, `,"chat":`...)
	b = appendChat(b, c)
	b = append(b, `,"date":1700000000,"text":`...)
	b = append(b, text...)
	u.body = append(b, "}}"...)
}

// press writes a callback query update: option i of q pressed. With no
// such option it types /start instead.
func (u *simUser) press(c *simChat, q *question, i int) {
	if i < 0 {
		u.text(c, "/start")
		return
	}
	upd := updateIDs.Add(1)
	b := append(u.body[:0], `{"update_id":`...)
	b = strconv.AppendInt(b, upd, 10)
	b = append(b, `,"callback_query":{"id":"`...)
	b = strconv.AppendInt(b, upd, 10)
	b = append(b, `","from":`...)
	b = appendFrom(b, c)
	b = append(b, `,"message":{"message_id":`...)
	b = strconv.AppendInt(b, q.id, 10)
	b = append(b, `,"from":{"id":`...)
	b = strconv.AppendInt(b, loadBotID, 10)
	b = append(b, `,"is_bot":true,"first_name":"Signaal","username":"signaal_load_bot"},"chat":`...)
	b = appendChat(b, c)
	b = append(b, `,"date":1700000000,"text":`...)
	b = append(b, q.text...)
	b = append(b, `,"reply_markup":`...)
	b = append(b, q.markup...)
	b = append(b, `},"chat_instance":"sim","data":`...)
	b = append(b, q.data[i]...)
	u.body = append(b, "}}"...)
}

// nullWriter is the webhook's response, of which only the status counts.
type nullWriter struct {
	h    http.Header
	code int
}

func (w *nullWriter) Header() http.Header { return w.h }
func (w *nullWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return len(p), nil
}
func (w *nullWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

// --- the Bot API ------------------------------------------------------------

// fakeAPI answers the Bot API in process, as an http.RoundTripper: it
// reads what the bot sends, keeps for each person the last questions with
// buttons, and answers as Telegram does, with the message the bot sent.
type fakeAPI struct {
	chats     []*simChat
	ready     chan struct{}
	readyOnce sync.Once
	failEvery int64
	calls     atomic.Int64
	faults    atomic.Int64
	bad       atomic.Int64
}

var _ http.RoundTripper = (*fakeAPI)(nil)

func (f *fakeAPI) RoundTrip(req *http.Request) (*http.Response, error) {
	n := f.calls.Add(1)
	method := req.URL.Path[strings.LastIndexByte(req.URL.Path, '/')+1:]
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	buf.Reset()
	if req.Body != nil {
		_, err := buf.ReadFrom(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
	}
	body := buf.Bytes()
	if f.failEvery > 0 && n%f.failEvery == 0 && method != "setWebhook" && method != "getMe" {
		f.faults.Add(1)
		if (n/f.failEvery)%2 == 0 {
			return apiError(req, http.StatusTooManyRequests, "Too Many Requests: retry after 1", 1), nil
		}
		return apiError(req, http.StatusBadGateway, "Bad Gateway", 0), nil
	}
	switch method {
	case "sendMessage", "editMessageText", "editMessageReplyMarkup":
		c := f.chat(formValue(body, "chat_id"))
		if c == nil {
			f.bad.Add(1)
			return apiError(req, http.StatusBadRequest, "Bad Request: chat not found", 0), nil
		}
		// The text goes back in the answer, as JSON, as Telegram's does.
		scratch := bufs.Get().(*bytes.Buffer)
		defer bufs.Put(scratch)
		text := appendFormAsJSON(scratch.AvailableBuffer()[:0], formValue(body, "text"))
		var id int64
		if method == "sendMessage" {
			if len(text) <= 2 || len(text) > 6*4096 {
				f.bad.Add(1)
				return apiError(req, http.StatusBadRequest, "Bad Request: message text is empty or too long", 0), nil
			}
			id = c.sent(text, formValue(body, "reply_markup"))
		} else {
			id, _ = strconv.ParseInt(string(formValue(body, "message_id")), 10, 64)
		}
		return okMessage(req, id, c.id, text), nil
	case "answerCallbackQuery", "deleteMessages", "deleteMessage", "setMyCommands", "deleteWebhook", "answerInlineQuery":
		return ok(req, jsonTrue), nil
	case "setWebhook":
		f.readyOnce.Do(func() { close(f.ready) })
		return ok(req, jsonTrue), nil
	case "getMe":
		return ok(req, []byte(`{"ok":true,"result":{"id":`+strconv.FormatInt(loadBotID, 10)+`,"is_bot":true,"first_name":"Signaal","username":"signaal_load_bot"}}`)), nil
	}
	f.bad.Add(1)
	return apiError(req, http.StatusNotFound, "Not Found", 0), nil
}

// bufs hold the bodies of requests while the Bot API reads them.
var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var jsonTrue = []byte(`{"ok":true,"result":true}`)

func (f *fakeAPI) chat(id []byte) *simChat {
	n, err := strconv.ParseInt(string(id), 10, 64)
	if err != nil || n < loadUserBase || n >= loadUserBase+int64(len(f.chats)) {
		return nil
	}
	return f.chats[n-loadUserBase]
}

// sent records a message of the bot in chat c and returns its id. text
// is a JSON string, markup form-escaped.
func (c *simChat) sent(text, markup []byte) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextMsg++
	c.received++
	if bytes.Contains(markup, []byte("inline_keyboard")) {
		// The question before the one on screen is the oldest a person
		// presses; its buffers take the new one.
		q := c.spare
		if q == nil || q == c.prev || q == c.q {
			q = &question{}
		}
		q.read(text, markup)
		if len(q.data) > 0 {
			q.id = c.nextMsg
			c.spare = c.prev
			c.q, c.prev = q, c.q
		}
	}
	return c.nextMsg
}

// read reads a message with buttons into q, reusing its buffers: its text,
// a JSON string, and its form-escaped keyboard.
func (q *question) read(text, markup []byte) {
	buf := append(q.buf[:0], text...)
	buf = appendFormUnescaped(buf, markup)
	q.buf = buf
	q.text, q.markup = buf[:len(text):len(text)], buf[len(text):]
	q.data, q.labels = q.data[:0], q.labels[:0]
	// The keyboard is JSON that json.Marshal wrote: each button is
	// {"text":...,"callback_data":...}, so the strings after those keys
	// are the label and the data.
	kb := q.markup
	for {
		i := bytes.Index(kb, []byte(`{"text":`))
		if i < 0 {
			break
		}
		kb = kb[i+len(`{"text":`):]
		label := kb[:jsonStringEnd(kb)]
		kb = kb[len(label):]
		const key = `,"callback_data":`
		if !bytes.HasPrefix(kb, []byte(key)) {
			continue
		}
		kb = kb[len(key):]
		data := kb[:jsonStringEnd(kb)]
		kb = kb[len(data):]
		q.labels = append(q.labels, label)
		q.data = append(q.data, data)
	}
}

// jsonStringEnd returns the length of the JSON string at the start of b,
// quotes included, or 0.
func jsonStringEnd(b []byte) int {
	if len(b) == 0 || b[0] != '"' {
		return 0
	}
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return 0
}

func ok(req *http.Request, body []byte) *http.Response {
	return &http.Response{
		StatusCode:    http.StatusOK,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}
}

// answer is the body of an answer with a message, from a pool: the bot
// reads it and closes it, which puts it back.
type answer struct {
	bytes.Reader
	buf []byte
}

var answers = sync.Pool{New: func() any { return &answer{buf: make([]byte, 0, 1024)} }}

func (a *answer) Close() error {
	answers.Put(a)
	return nil
}

// okMessage answers with the message the bot sent: its id, chat and text
// (a JSON string), as Telegram does.
func okMessage(req *http.Request, id, chat int64, text []byte) *http.Response {
	a := answers.Get().(*answer)
	b := append(a.buf[:0], `{"ok":true,"result":{"message_id":`...)
	b = strconv.AppendInt(b, id, 10)
	b = append(b, `,"date":1700000000,"chat":{"id":`...)
	b = strconv.AppendInt(b, chat, 10)
	b = append(b, `,"type":"private"},"text":`...)
	if len(text) == 0 {
		text = []byte(`""`)
	}
	b = append(b, text...)
	b = append(b, "}}"...)
	a.buf = b
	a.Reset(b)
	resp := ok(req, nil)
	resp.Body, resp.ContentLength = a, int64(len(b))
	return resp
}

func apiError(req *http.Request, code int, desc string, retryAfter int) *http.Response {
	b := []byte(`{"ok":false,"error_code":` + strconv.Itoa(code) + `,"description":`)
	b = appendJSONString(b, desc)
	if retryAfter > 0 {
		b = append(b, `,"parameters":{"retry_after":`+strconv.Itoa(retryAfter)+`}`...)
	}
	b = append(b, '}')
	resp := ok(req, b)
	resp.StatusCode = code
	resp.Header = http.Header{"Content-Type": {"application/json"}}
	return resp
}

// formValue finds key in a form-encoded body and returns its value, still
// escaped.
func formValue(body []byte, key string) []byte {
	for len(body) > 0 {
		var pair []byte
		if i := bytes.IndexByte(body, '&'); i >= 0 {
			pair, body = body[:i], body[i+1:]
		} else {
			pair, body = body, nil
		}
		if len(pair) > len(key) && pair[len(key)] == '=' && string(pair[:len(key)]) == key {
			return pair[len(key)+1:]
		}
	}
	return nil
}

// unhex is the value of a hexadecimal digit, or -1.
func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

// formByte reads one byte of a form-escaped value at v[i] and returns it
// and how many bytes of v it took.
func formByte(v []byte, i int) (byte, int) {
	switch c := v[i]; {
	case c == '+':
		return ' ', 1
	case c == '%' && i+2 < len(v) && unhex(v[i+1]) >= 0 && unhex(v[i+2]) >= 0:
		return byte(unhex(v[i+1])<<4 | unhex(v[i+2])), 3
	default:
		return c, 1
	}
}

// appendFormUnescaped appends the form-escaped value v unescaped.
func appendFormUnescaped(b, v []byte) []byte {
	for i := 0; i < len(v); {
		c, n := formByte(v, i)
		b = append(b, c)
		i += n
	}
	return b
}

// appendFormAsJSON appends the form-escaped value v as a JSON string.
func appendFormAsJSON(b, v []byte) []byte {
	b = append(b, '"')
	for i := 0; i < len(v); {
		c, n := formByte(v, i)
		i += n
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			b = append(b, c) // the bot sends valid UTF-8, byte by byte
		}
	}
	return append(b, '"')
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		case c < utf8.RuneSelf:
			b = append(b, c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		i++
	}
	return append(b, '"')
}
