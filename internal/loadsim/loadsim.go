// Package loadsim runs simulated people through the bot's channels and
// measures how it answers them: through the Telegram channel, on a
// webhook handed updates in process, with the Bot API of tgtest answered
// in process too; or through the web chat's API. Each person sends one
// input, waits for the whole answer and picks the next input from what it
// was shown: mostly an option of the question on screen, sometimes typed,
// a step back, an old button, a question about a contact, 112, or the
// quick exit. Everything an update goes through runs but the network, on
// both sides, as the grammY peer in ../shared/bench leaves it out; so are
// Telegram's real limits of 30 messages a second, which the peer does not
// keep either and which would cap the figures at 30.
//
// The bot is built by its caller, as serve builds it (signaalbot
// loadtest); this package only adjusts what a run needs: the Bot API in
// process and the limits out of the way.
//
// A run keeps time with the time package alone, as the bot and the Bot
// API's limits do when given no clock, and a Telegram run with sessions
// in memory uses no network: the command measures on the machine's
// clock, and a test can play such a run, a spike's seconds of arrivals,
// reading and Telegram's limits included, inside a testing/synctest
// bubble, whose one clock moves on whenever everyone in the run waits.
package loadsim

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/bot"
	"signaal/bot/telegram"
	"signaal/store"
)

// AnswerWait is how long a simulated person waits for an answer before
// counting it as lost and going on.
const AnswerWait = 10 * time.Second

// Config is one load run.
type Config struct {
	Users int
	// Chats is the number of conversations the users hold, in turn; as
	// many as users when smaller.
	Chats    int
	Duration time.Duration
	// Workers is the Telegram bot's Workers and SendWorkers: as many as
	// users, from 16 to 256, when zero.
	Workers int
	Seed    uint64
	// Progress receives a line a second while the run goes on; nil for
	// none.
	Progress io.Writer
	// FailEvery makes every n-th call to the Bot API fail, in turn with a
	// 502 and a 429 (retry after a second), as Telegram does under load.
	FailEvery int
	// Backoff is the bot's first pause after a 5xx (its default when zero).
	Backoff time.Duration
	// Log is the bot's log handler, whose counts go in the figures; nil
	// for none.
	Log *Log

	// Store names the session store in the figures; Memory is the memory
	// store, whose sessions are counted, or Redis the client of a Redis
	// store whose keys start with Prefix: its figures are read from the
	// server, and the run's keys removed at the end.
	Store  string
	Memory *store.Memory
	Redis  redis.UniversalClient
	Prefix string

	// Release, when set, is called once the run has stopped the bot and
	// taken its figures: it releases the store.
	Release func()

	// StartProfile and StopProfile, when set, start and stop a profile
	// around the people's talking.
	StartProfile func() error
	StopProfile  func()

	// Spike, when set, plays a campaign moment under Telegram's limits
	// instead of people talking as fast as they are answered (Telegram
	// channel only).
	Spike *Spike
}

// Counts is what a test watches while a run goes on.
type Counts struct {
	Updates, Answered, Degraded int64
}

// Run is a load run in progress.
type Run struct {
	cfg     Config
	channel string
	count   *counter
	tg      *tgRun
	web     *webRun
	spike   *spikeRun

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
	usersDone  sync.WaitGroup
	progress   chan struct{}
	workers    int
	// lat are the latencies of every person, gathered as each stops.
	latMu sync.Mutex
	lat   []time.Duration

	// waiters are those of Await not yet woken; nwait counts them, so
	// that the people look only when someone waits.
	waitMu  sync.Mutex
	waiters []waiter
	nwait   atomic.Int32
}

type waiter struct {
	cond func(Counts) bool
	done chan struct{}
}

// Counts returns the counts so far.
func (l *Run) Counts() Counts {
	return Counts{Updates: l.updates.Load(), Answered: l.answered.Load(), Degraded: l.count.degraded.Load()}
}

// Await returns a channel that is closed once the counts satisfy cond,
// which is checked after every update the people send: a test waits for
// what happened in the run, not for time to pass.
func (l *Run) Await(cond func(Counts) bool) <-chan struct{} {
	done := make(chan struct{})
	l.waitMu.Lock()
	defer l.waitMu.Unlock()
	if cond(l.Counts()) {
		close(done)
		return done
	}
	l.waiters = append(l.waiters, waiter{cond, done})
	l.nwait.Add(1)
	return done
}

// check wakes the waiters whose condition holds.
func (l *Run) check() {
	if l.nwait.Load() == 0 {
		return
	}
	l.waitMu.Lock()
	defer l.waitMu.Unlock()
	c := l.Counts()
	keep := l.waiters[:0]
	for _, w := range l.waiters {
		if w.cond(c) {
			close(w.done)
			l.nwait.Add(-1)
		} else {
			keep = append(keep, w)
		}
	}
	clear(l.waiters[len(keep):])
	l.waiters = keep
}

// begin takes the figures the run is measured from, and sets the people
// going with the function each runs.
func (l *Run) begin(ctx context.Context, people []func()) error {
	cfg := l.cfg
	if cfg.Redis != nil {
		stats, err := commandStats(ctx, cfg.Redis)
		if err != nil {
			return err
		}
		l.redisStats = stats
		l.redisPID = redisProcess(ctx, cfg.Redis)
	}
	if cfg.StartProfile != nil {
		if err := cfg.StartProfile(); err != nil {
			return err
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&l.before)
	l.cpuStart = readCPU()
	l.redisCPU = processCPU(l.redisPID)
	l.start = time.Now()
	for _, p := range people {
		l.usersDone.Go(p)
	}
	go l.report(ctx)
	return nil
}

// addLatencies adds a person's latencies to the run's.
func (l *Run) addLatencies(lat []time.Duration) {
	l.latMu.Lock()
	l.lat = append(l.lat, lat...)
	l.latMu.Unlock()
}

// Result holds the figures of a run. The field names are what
// bench/compare reads.
type Result struct {
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

	// The figures of a spike, with the grammY peer's keys; nil otherwise.
	*SpikeFigures
}

// Print writes the figures for a person to read.
func (r *Result) Print(w io.Writer) {
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
	if f := r.SpikeFigures; f != nil {
		fmt.Fprintf(w, "  first answers    p50 %.0f ms, p99 %.0f ms, max %.0f ms; all by %.2f s, Telegram's floor %.2f s (%d messages at %d a second)\n",
			f.FirstP50, f.FirstP99, f.FirstMax, f.AllFirstByS, f.FloorS, f.FirstMsgs, telegramRate)
		fmt.Fprintf(w, "  112 answers      %d, p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d with 112 first\n", f.NoodN, f.NoodP50, f.NoodP99, f.NoodMax, f.Nood112)
		fmt.Fprintf(w, "  quick exits      %d, deleting from the press: p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", f.ExitN, f.ExitFirstDeleteP50, f.ExitFirstDeleteP99, f.ExitFirstDeleteMax)
		fmt.Fprintf(w, "  Telegram         %.2f calls and %.2f messages an update, %d answered 429 and retried\n", f.CallsPer, f.MessagesPer, f.Retries429)
	}
	fmt.Fprintf(w, "  machine          this process %.0f%% of the CPUs, redis-server %.0f%%, everything else %.0f%%\n", r.CPUOwn, r.CPURedis, r.CPUOther)
}

// report writes a progress line every second and stops the people when
// the duration is over or ctx ends.
func (l *Run) report(ctx context.Context) {
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

// Wait waits for the run to end, takes the figures, stops the bot and
// removes what the run stored.
func (l *Run) Wait() (*Result, error) {
	<-l.progress
	l.usersDone.Wait()
	elapsed := time.Since(l.start)
	cpu := readCPU().sub(l.cpuStart)
	redisCPU := processCPU(l.redisPID) - l.redisCPU
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if l.cfg.StopProfile != nil {
		l.cfg.StopProfile()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	lat := l.lat
	slices.Sort(lat)
	ms := func(q float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))]) / 1e6
	}
	n := l.updates.Load()
	perUpdate := func(v uint64) float64 { return float64(v) / max(1, float64(n)) }
	res := &Result{
		Channel:    l.channel,
		Store:      l.cfg.Store,
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
	}
	if l.cfg.Log != nil {
		res.Logged = l.cfg.Log.snapshot()
	}
	if l.tg != nil {
		n := l.tg.api.Counts()
		res.APICalls, res.Faults, res.BadCalls = n.Calls, n.Faults, n.Refused
	}
	if l.web != nil {
		res.RateLimits = "the web chat's flood limits raised out of the way, as the peer keeps none"
	}
	if l.spike != nil {
		res.RateLimits = "Telegram's limits kept: 30 messages a second, 1 a second in a chat, 429 retry_after beyond"
		res.SpikeFigures = l.spike.figures(res, l.tg.api, l.tg.chats)
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
	lat, l.lat = nil, nil
	if l.tg != nil {
		l.tg.release()
	}
	if l.web != nil {
		l.web.release()
	}
	debug.FreeOSMemory() // collects, and gives back to the system what is free
	var heap runtime.MemStats
	runtime.ReadMemStats(&heap)
	res.RSSAfterMiB = procStatus("VmRSS:")
	res.HeapMiB = float64(heap.HeapAlloc) / (1 << 20)
	res.StackMiB = float64(heap.StackInuse) / (1 << 20)
	if l.cfg.Memory != nil {
		res.Sessions = int64(l.cfg.Memory.Len())
	}
	var err error
	if l.cfg.Redis != nil {
		err = l.redisFigures(ctx, res)
	}
	l.close()
	return res, err
}

// close stops the bot and releases the store.
func (l *Run) close() {
	if l.tg != nil {
		l.tg.close()
	}
	if l.cfg.Release != nil {
		l.cfg.Release()
	}
}

// redisFigures reads the server's own counts of the commands the run sent
// and the memory its sessions take.
func (l *Run) redisFigures(ctx context.Context, res *Result) error {
	end, err := commandStats(ctx, l.cfg.Redis)
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
	iter := l.cfg.Redis.Scan(ctx, 0, l.cfg.Prefix+":*", 1000).Iterator()
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
		n, err := l.cfg.Redis.MemoryUsage(ctx, k, 0).Result()
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
		_ = l.cfg.Redis.Unlink(ctx, keys[i:min(len(keys), i+500)]...).Err()
	}
	return nil
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

// counter counts what the dispatcher answered, for the figures.
type counter struct {
	h                   bot.Handler
	degraded, exits     atomic.Int64
	duplicates, refused atomic.Int64
}

func (c *counter) Handle(ctx context.Context, u bot.Update) (bot.Outcome, error) {
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

// Log is the bot's log in a load run: it counts the warnings and errors
// logged, by message, for the figures, and writes none: a run with Redis
// stopped on purpose would otherwise write a line for every update.
type Log struct {
	mu     sync.Mutex
	counts map[string]int64
}

// NewLog returns an empty Log.
func NewLog() *Log { return &Log{counts: map[string]int64{}} }

func (c *Log) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }
func (c *Log) Handle(_ context.Context, r slog.Record) error {
	c.mu.Lock()
	c.counts[r.Message]++
	c.mu.Unlock()
	return nil
}
func (c *Log) WithAttrs([]slog.Attr) slog.Handler { return c }
func (c *Log) WithGroup(string) slog.Handler      { return c }

func (c *Log) snapshot() map[string]int64 {
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
