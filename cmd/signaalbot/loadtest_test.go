package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"signaal/bot"
	"signaal/internal/loadsim"
	"signaal/internal/redistest"
)

// loadEngine is a load run's configuration; the run wires the shipped
// content as the command does.
func loadEngine(t *testing.T) loadConfig {
	t.Helper()
	return loadConfig{Seed: 1}
}

// checkAnswered checks what every load run must show: each update was
// answered, by a message that reached the chat, and nothing went wrong.
func checkAnswered(t *testing.T, res *loadsim.Result) {
	t.Helper()
	if res.Updates == 0 {
		t.Fatalf("no updates in %.1fs", res.Seconds)
	}
	if res.Answered != res.Updates || res.Errors != 0 {
		t.Errorf("updates %d, answered %d, errors %d (unanswered %d, refused %d, malformed calls %d); want all answered and no errors",
			res.Updates, res.Answered, res.Errors, res.Unanswered, res.Refused, res.BadCalls)
	}
	if n := res.Logged["telegram: not delivered"]; n != 0 {
		t.Errorf("%d replies logged as not delivered, want none", n)
	}
}

// startLabelled starts a load run whose goroutines carry the pprof label
// loadtest=t.Name(): goroutines inherit their creator's labels, so every
// goroutine the run starts, and every one those start, can be told apart
// from those of the tests running beside it.
func startLabelled(t *testing.T, ctx context.Context, cfg loadConfig) *loadsim.Run {
	t.Helper()
	if cfg.RedisURL != "" {
		// Wired with Redis, the run makes the Redis client's log its own.
		redisLog.RLock()
		defer redisLog.RUnlock()
	}
	var run *loadsim.Run
	var err error
	pprof.Do(ctx, pprof.Labels("loadtest", t.Name()), func(ctx context.Context) {
		run, err = startLoad(ctx, cfg)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := labelled("loadtest", t.Name()); n == 0 {
		t.Fatal("no goroutine of the run carries its label, so checkNoLeak would see nothing")
	}
	return run
}

// await waits until cond holds for the run's counts, which the run checks
// after each update: the test follows what happens in the run, not the
// clock. The guard bounds only how long a broken test hangs.
func await(t *testing.T, run *loadsim.Run, what string, cond func(loadsim.Counts) bool) {
	t.Helper()
	select {
	case <-run.Await(cond):
	case <-time.After(2 * time.Minute):
		t.Fatalf("the run never came to %s: %+v", what, run.Counts())
	}
}

// noExitsLeft reports whether the exit journal names no quick exit still
// to be carried out.
func noExitsLeft(path string) bool {
	m, err := (&bot.ExitJournal{Path: path}).Load()
	return err == nil && len(m) == 0
}

// runOutage runs 20 people through channel on a Redis that goes down and
// comes back, and returns the figures: the run goes on until there were
// safety cards while Redis was away, conversations again once it is back,
// and the quick exits made while it was away have been carried out.
func runOutage(t *testing.T, channel string, down, back func(), url string) *loadsim.Result {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	journal := filepath.Join(t.TempDir(), "exits")
	cfg := loadEngine(t)
	cfg.Channel, cfg.Users, cfg.Duration, cfg.RedisURL, cfg.ExitJournal = channel, 20, maxLoadDuration, url, journal
	// The quick exits made while Redis is away are retried soon after it
	// is back, long before the run ends and closes the client: otherwise
	// their retries would outlive it.
	cfg.RetryEvery = 20 * time.Millisecond
	users := int64(cfg.Users)
	normal := func(c loadsim.Counts) int64 { return c.Answered - c.Degraded }
	run := startLabelled(t, ctx, cfg)
	await(t, run, "conversations", func(c loadsim.Counts) bool { return normal(c) >= 5*users })
	down()
	before := run.Counts()
	await(t, run, "safety cards while Redis is away", func(c loadsim.Counts) bool { return c.Degraded >= before.Degraded+2*users })
	during := run.Counts()
	back()
	await(t, run, "conversations after Redis came back", func(c loadsim.Counts) bool { return normal(c) >= normal(during)+2*users })
	await(t, run, "the quick exits made while Redis was away carried out", func(loadsim.Counts) bool { return noExitsLeft(journal) })
	cancel()
	res, err := run.Wait()
	if err != nil {
		t.Fatal(err)
	}
	checkAnswered(t, res)
	if res.Degraded == 0 {
		t.Error("no safety card while Redis was away")
	}
	// After Redis is back, answers are the conversation again.
	if n := (res.Answered - res.Degraded) - normal(during); n <= 0 {
		t.Errorf("no conversation went on after Redis came back: %d updates, %d safety cards in all; %+v at the outage", res.Updates, res.Degraded, during)
	}
	checkNoLeak(t)
	return res
}

// checkNoLeak waits for the goroutines of the run that startLabelled
// started to end.
func checkNoLeak(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, stacks := labelled("loadtest", t.Name())
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines of the run left 5s after it ended:\n%s", n, stacks)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// labelled counts the goroutines that carry the pprof label key=value,
// and returns their stacks.
func labelled(key, value string) (int, string) {
	var b bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&b, 1); err != nil {
		panic(err) // writing to memory does not fail
	}
	// Each record is "N @ pcs", then "# labels: {...}" when the
	// goroutines have labels, then their stack, and a blank line.
	want := strconv.Quote(key) + ":" + strconv.Quote(value)
	n := 0
	var stacks strings.Builder
	for _, rec := range strings.Split(b.String(), "\n\n") {
		head, rest, _ := strings.Cut(rec, "\n")
		labels, _, _ := strings.Cut(rest, "\n")
		if !strings.HasPrefix(labels, "# labels: ") || !strings.Contains(labels, want) {
			continue
		}
		count, _, _ := strings.Cut(head, " @ ")
		k, err := strconv.Atoi(count)
		if err != nil {
			panic(fmt.Sprintf("goroutine profile record %q", head))
		}
		n += k
		stacks.WriteString(rec + "\n\n")
	}
	return n, stacks.String()
}

// TestLoadtestCommand runs the command briefly, through each channel,
// and reads its JSON.
func TestLoadtestCommand(t *testing.T) {
	// Its runs are mostly the bot at work (seconds under -race); side by
	// side with the tests that wait for a running binary, they take no
	// time of their own.
	t.Parallel()
	for _, channel := range []string{"telegram", "web"} {
		t.Run(channel, func(t *testing.T) {
			code, out, errOut := runApp(t, "", nil, "loadtest", "--channel", channel, "--users", "5", "--chats", "8", "--duration", "300ms", "--json")
			if code != 0 {
				t.Fatalf("loadtest exit %d: %s", code, errOut)
			}
			var res loadsim.Result
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("loadtest --json printed %q: %v", out, err)
			}
			checkAnswered(t, &res)
			if res.Channel != channel || res.Store != "memory" || res.Users != 5 || res.Chats != 8 || res.AllocsPerUpdate <= 0 {
				t.Errorf("loadtest --json = %+v; want %s, memory sessions, 5 users in 8 chats and a count of allocations", res, channel)
			}
			// The people press options, go back, type, leave and begin
			// again: each kind of answer shows in the counts.
			if res.Exits == 0 || res.Stale == 0 || res.Sessions == 0 {
				t.Errorf("loadtest --json = %+v; want quick exits, old options refused and sessions", res)
			}
		})
	}
}

func TestLoadtestFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--users", "0"}, "--users"},
		{[]string{"--users", "20001"}, "--users"},
		{[]string{"--duration", "1h"}, "--duration"},
		{[]string{"--redis-url", "redis://10.1.2.3:6379/0"}, "this machine"},
		{[]string{"--redis-url", "redis://redis.example.org:6379/0"}, "this machine"},
		{[]string{"extra"}, "unexpected"},
		{[]string{"--channel", "whatsapp"}, "--channel must be telegram or web"},
	}
	for _, tt := range tests {
		code, _, errOut := runApp(t, "", nil, append([]string{"loadtest"}, tt.args...)...)
		if code == 0 || !strings.Contains(errOut, tt.want) {
			t.Errorf("loadtest %q = %d, %q; want a failure naming %q", tt.args, code, errOut, tt.want)
		}
	}
}

// TestLoadtestFaults runs the bot under load while things fail around
// it, three runs side by side (the Redis ones each with its own
// redis-server):
//   - redis-server stopped, and paused (hanging), in the middle of a run:
//     nothing panics, every update is answered (by the safety card while
//     Redis is away), and conversations go on once it is back;
//   - the Bot API answers some calls with a 429 (retry after a second) or
//     a 502: every reply still arrives.
//
// No run leaves a goroutine behind.
func TestLoadtestFaults(t *testing.T) {
	t.Parallel()
	for _, outage := range []string{"stopped", "hanging"} {
		t.Run("redis "+outage, func(t *testing.T) {
			t.Parallel()
			srv := redistest.Start(t)
			down, back := srv.Stop, srv.Restart
			if outage == "hanging" {
				down, back = srv.Pause, srv.Resume
			}
			res := runOutage(t, "telegram", down, back, srv.URL())
			t.Logf("%d updates, %d safety cards, max latency %.0f ms", res.Updates, res.Degraded, res.Max)
		})
	}
	t.Run("web, redis stopped", func(t *testing.T) {
		t.Parallel()
		srv := redistest.Start(t)
		res := runOutage(t, "web", srv.Stop, srv.Restart, srv.URL())
		t.Logf("%d requests, %d safety cards, max latency %.0f ms", res.Updates, res.Degraded, res.Max)
	})
	t.Run("bot api", func(t *testing.T) {
		t.Parallel()
		// In a synctest bubble: the 429s' second of waiting, and the
		// back-off after a 502, pass on the bubble's clock once everyone
		// waits, not on the machine's.
		synctest.Test(t, testLoadtestBotAPIFaults)
	})
}

// testLoadtestBotAPIFaults runs people while the Bot API answers every
// 11th call in turn with a 429 (retry after a second) or a 502.
func testLoadtestBotAPIFaults(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := loadEngine(t)
	cfg.Users, cfg.Duration, cfg.FailEvery, cfg.Backoff = 10, maxLoadDuration, 11, time.Millisecond
	run := startLabelled(t, ctx, cfg)
	// Enough updates that every tenth call failed many times over,
	// the 429s' waits included.
	await(t, run, "100 answers", func(c loadsim.Counts) bool { return c.Answered >= 100 })
	cancel()
	res, err := run.Wait()
	if err != nil {
		t.Fatal(err)
	}
	checkAnswered(t, res)
	if res.Faults == 0 {
		t.Error("no fault injected")
	}
	t.Logf("%d updates, %d calls, %d faults", res.Updates, res.APICalls, res.Faults)
	checkNoLeak(t)
}
