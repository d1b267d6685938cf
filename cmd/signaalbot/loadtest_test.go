package main

import (
	"context"
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"time"

	"signaal/internal/redistest"
)

// loadEngine builds the shipped engine as the command does.
func loadEngine(t *testing.T) loadConfig {
	t.Helper()
	eng, idx, err := (&app{}).engine("")
	if err != nil {
		t.Fatal(err)
	}
	return loadConfig{Engine: eng, Index: idx, Seed: 1}
}

// checkAnswered checks what every load run must show: each update was
// answered, by a message that reached the chat, and nothing went wrong.
func checkAnswered(t *testing.T, res *loadResult) {
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

// checkNoLeak waits for the goroutines a run started to end.
func checkNoLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= before {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines 5s after the run, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLoadtestCommand runs the command briefly and reads its JSON.
func TestLoadtestCommand(t *testing.T) {
	code, out, errOut := runApp(t, "", nil, "loadtest", "--users", "5", "--duration", "300ms", "--json")
	if code != 0 {
		t.Fatalf("loadtest exit %d: %s", code, errOut)
	}
	var res loadResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("loadtest --json printed %q: %v", out, err)
	}
	checkAnswered(t, &res)
	if res.Store != "memory" || res.Users != 5 || res.AllocsPerUpdate <= 0 {
		t.Errorf("loadtest --json = %+v; want memory sessions, 5 users and a count of allocations", res)
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
	}
	for _, tt := range tests {
		code, _, errOut := runApp(t, "", nil, append([]string{"loadtest"}, tt.args...)...)
		if code == 0 || !strings.Contains(errOut, tt.want) {
			t.Errorf("loadtest %q = %d, %q; want a failure naming %q", tt.args, code, errOut, tt.want)
		}
	}
}

// TestLoadtestRedisChaos stops and kills redis-server in the middle of a
// load run, and pauses it: nothing panics, every update is answered (by
// the safety card while Redis is away), conversations go on once it is
// back, and no goroutine is left behind.
func TestLoadtestRedisChaos(t *testing.T) {
	srv := redistest.Start(t)
	for _, outage := range []struct {
		name       string
		down, back func()
	}{
		{"stopped", srv.Stop, srv.Restart},
		{"hanging", srv.Pause, srv.Resume},
	} {
		t.Run(outage.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			cfg := loadEngine(t)
			cfg.Users, cfg.Duration, cfg.RedisURL = 20, 3*time.Second, srv.URL()
			run, err := startLoad(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(700 * time.Millisecond)
			outage.down()
			time.Sleep(700 * time.Millisecond)
			during := run.counts()
			outage.back()
			time.Sleep(300 * time.Millisecond) // the pool probes a dead server once a second
			after := run.counts()
			res, err := run.wait()
			if err != nil {
				t.Fatal(err)
			}
			checkAnswered(t, res)
			if res.Degraded == 0 {
				t.Errorf("no safety card while Redis was %s", outage.name)
			}
			// After Redis is back, answers are the conversation again.
			normal := (res.Answered - res.Degraded) - (after.Answered - after.Degraded)
			if normal <= 0 {
				t.Errorf("no conversation went on after Redis came back: %d updates, %d safety cards in all; %+v at the outage, %+v after", res.Updates, res.Degraded, during, after)
			}
			t.Logf("%d updates, %d safety cards, max latency %.0f ms", res.Updates, res.Degraded, res.Max)
			checkNoLeak(t, before)
		})
	}
}

// TestLoadtestAPIFaults makes the Bot API answer some calls with a 429
// (retry after a second) or a 502: every reply still arrives.
func TestLoadtestAPIFaults(t *testing.T) {
	before := runtime.NumGoroutine()
	cfg := loadEngine(t)
	cfg.Users, cfg.Duration, cfg.FailEvery, cfg.Backoff = 10, 2*time.Second, 11, time.Millisecond
	run, err := startLoad(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.wait()
	if err != nil {
		t.Fatal(err)
	}
	checkAnswered(t, res)
	if res.Faults == 0 {
		t.Error("no fault injected")
	}
	t.Logf("%d updates, %d calls, %d faults", res.Updates, res.APICalls, res.Faults)
	checkNoLeak(t, before)
}
