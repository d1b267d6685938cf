package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

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
func startLabelled(t *testing.T, cfg loadConfig) *loadsim.Run {
	t.Helper()
	var run *loadsim.Run
	var err error
	pprof.Do(context.Background(), pprof.Labels("loadtest", t.Name()), func(ctx context.Context) {
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
			cfg := loadEngine(t)
			cfg.Users, cfg.Duration, cfg.RedisURL = 20, 2500*time.Millisecond, srv.URL()
			cfg.RetryEvery = 50 * time.Millisecond // see the web's run below
			run := startLabelled(t, cfg)
			time.Sleep(500 * time.Millisecond)
			down()
			time.Sleep(500 * time.Millisecond)
			during := run.Counts()
			back()
			time.Sleep(300 * time.Millisecond) // the pool probes a dead server once a second
			after := run.Counts()
			res, err := run.Wait()
			if err != nil {
				t.Fatal(err)
			}
			checkAnswered(t, res)
			if res.Degraded == 0 {
				t.Errorf("no safety card while Redis was %s", outage)
			}
			// After Redis is back, answers are the conversation again.
			normal := (res.Answered - res.Degraded) - (after.Answered - after.Degraded)
			if normal <= 0 {
				t.Errorf("no conversation went on after Redis came back: %d updates, %d safety cards in all; %+v at the outage, %+v after", res.Updates, res.Degraded, during, after)
			}
			t.Logf("%d updates, %d safety cards, max latency %.0f ms", res.Updates, res.Degraded, res.Max)
			checkNoLeak(t)
		})
	}
	t.Run("web, redis stopped", func(t *testing.T) {
		t.Parallel()
		srv := redistest.Start(t)
		cfg := loadEngine(t)
		cfg.Channel, cfg.Users, cfg.Duration, cfg.RedisURL = "web", 20, 2500*time.Millisecond, srv.URL()
		// The quick exits made while Redis is away are carried out soon
		// after it is back, long before the run ends and closes the
		// client: otherwise their retries would outlive it.
		cfg.RetryEvery = 50 * time.Millisecond
		run := startLabelled(t, cfg)
		time.Sleep(500 * time.Millisecond)
		srv.Stop()
		time.Sleep(500 * time.Millisecond)
		srv.Restart()
		res, err := run.Wait()
		if err != nil {
			t.Fatal(err)
		}
		checkAnswered(t, res)
		if res.Degraded == 0 {
			t.Error("no safety card while Redis was stopped")
		}
		t.Logf("%d requests, %d safety cards, max latency %.0f ms", res.Updates, res.Degraded, res.Max)
		checkNoLeak(t)
	})
	t.Run("bot api", func(t *testing.T) {
		t.Parallel()
		cfg := loadEngine(t)
		cfg.Users, cfg.Duration, cfg.FailEvery, cfg.Backoff = 10, 1500*time.Millisecond, 11, time.Millisecond
		run := startLabelled(t, cfg)
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
	})
}
