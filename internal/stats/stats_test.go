package stats_test

import (
	"context"
	"errors"
	"maps"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/internal/redistest"
	"signaal/internal/stats"
)

func TestDate(t *testing.T) {
	tests := []struct {
		utc  string
		want string
	}{
		{"2025-06-30T21:59:00Z", "2025-06-30"}, // 23:59 in summer time
		{"2025-06-30T22:00:00Z", "2025-07-01"}, // midnight in Amsterdam
		{"2025-12-31T22:59:00Z", "2025-12-31"}, // 23:59 in winter time
		{"2025-12-31T23:00:00Z", "2026-01-01"},
	}
	for _, tt := range tests {
		at, err := time.Parse(time.RFC3339, tt.utc)
		if err != nil {
			t.Fatal(err)
		}
		if got := stats.Date(at); got != tt.want {
			t.Errorf("Date(%s) = %s, want %s", tt.utc, got, tt.want)
		}
	}
}

// stores runs a test against every Store: the same behaviour is promised
// by each.
func stores(t *testing.T, test func(t *testing.T, s stats.Store)) {
	t.Run("memory", func(t *testing.T) { test(t, &stats.Memory{}) })
	t.Run("redis", func(t *testing.T) {
		srv := redistest.Start(t)
		c := redis.NewClient(&redis.Options{Addr: srv.Addr()})
		t.Cleanup(func() { c.Close() })
		test(t, &stats.Redis{Client: c, Prefix: "sgtest"})
	})
}

func TestRecorder(t *testing.T) {
	stores(t, func(t *testing.T, s stats.Store) {
		ctx := context.Background()
		now := time.Date(2025, 3, 30, 12, 0, 0, 0, time.UTC) // the day summer time starts
		r := &stats.Recorder{Store: s, Now: func() time.Time { return now }}
		r.Add("flow:jong")
		r.Add("referral:keerpunt")
		r.Add("referral:keerpunt")
		now = now.AddDate(0, 0, 1)
		r.Add("referral:fier")
		if err := r.Flush(ctx); err != nil {
			t.Fatalf("Flush() = %v", err)
		}
		r.Add("referral:fier") // counted but not flushed: Days must flush it

		got, err := r.Days(ctx, 3)
		if err != nil {
			t.Fatalf("Days(3) = %v", err)
		}
		want := []stats.Day{
			{Date: "2025-03-29", Counts: map[string]int64{}},
			{Date: "2025-03-30", Counts: map[string]int64{"flow:jong": 1, "referral:keerpunt": 2}},
			{Date: "2025-03-31", Counts: map[string]int64{"referral:fier": 2}},
		}
		if len(got) != len(want) {
			t.Fatalf("Days(3) = %v, want %v", got, want)
		}
		for i := range want {
			if got[i].Date != want[i].Date || !maps.Equal(got[i].Counts, want[i].Counts) {
				t.Errorf("Days(3)[%d] = %v, want %v", i, got[i], want[i])
			}
		}
	})
}

func TestRedisExpiry(t *testing.T) {
	srv := redistest.Start(t)
	c := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	defer c.Close()
	s := &stats.Redis{Client: c, Prefix: "sg"}
	ctx := context.Background()
	if err := s.Add(ctx, map[string]map[string]int64{"2025-01-02": {"flow:info": 3}}); err != nil {
		t.Fatal(err)
	}
	ttl, err := c.TTL(ctx, "sg:stats:2025-01-02").Result()
	if err != nil {
		t.Fatal(err)
	}
	if ttl <= 0 || ttl > stats.Retention {
		t.Errorf("TTL(sg:stats:2025-01-02) = %v, want up to %v", ttl, stats.Retention)
	}
}

// failing is a store that is down until told otherwise.
type failing struct {
	down bool
	stats.Memory
}

func (f *failing) Add(ctx context.Context, c map[string]map[string]int64) error {
	if f.down {
		return errors.New("store down")
	}
	return f.Memory.Add(ctx, c)
}

func TestRecorderKeepsCountsWhileStoreIsDown(t *testing.T) {
	ctx := context.Background()
	f := &failing{down: true}
	now := time.Date(2025, 5, 1, 10, 0, 0, 0, time.UTC)
	r := &stats.Recorder{Store: f, Now: func() time.Time { return now }}
	r.Add("sessions")
	if err := r.Flush(ctx); err == nil {
		t.Fatal("Flush() with the store down = nil, want an error")
	}
	r.Add("sessions")
	f.down = false
	days, err := r.Days(ctx, 1)
	if err != nil {
		t.Fatalf("Days(1) = %v", err)
	}
	if got := days[0].Counts["sessions"]; got != 2 {
		t.Errorf("sessions after an outage = %d, want 2", got)
	}
}

func TestRecorderDaysBounds(t *testing.T) {
	r := &stats.Recorder{Store: &stats.Memory{}}
	for _, n := range []int{0, -1, stats.MaxDays + 1} {
		if _, err := r.Days(context.Background(), n); err == nil {
			t.Errorf("Days(%d) = nil error, want one", n)
		}
	}
}
