package main

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"signaal/internal/loadsim"
)

// TestLoadtestSpike plays a short campaign moment under Telegram's limits
// kept by the Bot API: every update is answered, no call goes wrong, each
// press of 112 is answered with 112 first in its chat, and the quick exit
// of the 25th person deletes the conversation. It runs in a
// testing/synctest bubble: the arrivals, the people's reading, the bot's
// limits and the Bot API's are all on the bubble's clock, which moves on
// when everyone waits, so the seconds Telegram's limits take pass without
// waiting for them. The times it checks are on that clock, never the
// machine's.
func TestLoadtestSpike(t *testing.T) {
	t.Parallel()
	synctest.Test(t, testLoadtestSpike)
}

func testLoadtestSpike(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := loadEngine(t)
	// 41 people: the 1st, 21st and 41st press 112 as their second press,
	// the 25th leaves with the quick exit as its second. Each other makes
	// three presses, however short the run.
	cfg.Users, cfg.Duration = 41, 100*time.Millisecond
	cfg.Spike = &loadsim.Spike{Arrive: 200 * time.Millisecond, ReadMin: time.Millisecond, ReadMax: 3 * time.Millisecond, MinPresses: 3}
	run := startLabelled(t, ctx, cfg)
	res, err := run.Wait()
	if err != nil {
		t.Fatal(err)
	}
	checkAnswered(t, res)
	f := res.SpikeFigures
	if f == nil {
		t.Fatalf("loadtest --spike = %+v, want the spike's figures", res)
	}
	if want := int64(cfg.Users*4 - 1); res.Updates != want {
		t.Errorf("loadtest --spike updates = %d, want %d (a /start and three presses each, two for the one who left)", res.Updates, want)
	}
	// A deletion is no message: it waits for no limit, so on the run's
	// clock it begins before the chat's limit would let one more message
	// go, however many people are waiting for theirs.
	if f.ExitN != 1 || f.ExitFirstDeleteMax < 0 || f.ExitFirstDeleteMax >= 1000 {
		t.Errorf("loadtest --spike exit_n = %d, exit_first_delete_max_ms = %v; want 1 deletion after the quick exit, begun within a second of the press", f.ExitN, f.ExitFirstDeleteMax)
	}
	if f.NoodN != 3 || f.Nood112 != f.NoodN {
		t.Errorf("loadtest --spike nood_n = %d, nood_112_first = %d; want 3, each with 112 first", f.NoodN, f.Nood112)
	}
	// Everyone's first answer comes within 10% of Telegram's floor for
	// them (their messages at 30 a second), the presses of those who came
	// earlier not ahead of it.
	if f.FirstMsgs < cfg.Users || f.FloorS != float64(f.FirstMsgs)/30 || f.AllFirstByS <= 0 || f.AllFirstByS > 1.1*f.FloorS {
		t.Errorf("loadtest --spike first_messages = %d, floor_s = %v, all_first_by_s = %v; want a message or more a person, their count / 30, and all first answers by 1.1 times that",
			f.FirstMsgs, f.FloorS, f.AllFirstByS)
	}
	t.Logf("on the run's clock: all first answers by %.2fs (floor %.2fs), 112 answers max %.0f ms, deleting from the quick exit %.0f ms, %d answered 429",
		f.AllFirstByS, f.FloorS, f.NoodMax, f.ExitFirstDeleteMax, f.Retries429)
	checkNoLeak(t)
}

func TestLoadtestSpikeFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--arrive", "2"}, "--arrive goes with --spike"},
		{[]string{"--spike", "--channel", "web"}, "telegram channel only"},
		{[]string{"--spike", "--arrive", "soon"}, "seconds"},
		{[]string{"--spike", "--arrive", "-1"}, "--arrive"},
	}
	for _, tt := range tests {
		code, _, errOut := runApp(t, "", nil, append([]string{"loadtest"}, tt.args...)...)
		if code == 0 || !strings.Contains(errOut, tt.want) {
			t.Errorf("loadtest %q = %d, %q; want a failure naming %q", tt.args, code, errOut, tt.want)
		}
	}
}
