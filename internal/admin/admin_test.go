package admin_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"signaal/internal/admin"
	"signaal/internal/stats"
)

func get(t *testing.T, h http.Handler, method, target string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec.Code, rec.Body.String()
}

func TestEndpoints(t *testing.T) {
	redisUp := true
	s := &admin.Server{
		Checks: []admin.Check{
			{Name: "content", Check: func(context.Context) error { return nil }},
			{Name: "redis", Check: func(context.Context) error {
				if !redisUp {
					return errors.New("connection refused")
				}
				return nil
			}},
		},
		Metrics: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "signaal_x 1\n") }),
		Stats: func(_ context.Context, n int) ([]stats.Day, error) {
			return make([]stats.Day, n), nil
		},
	}
	h := s.Handler()
	tests := []struct {
		name     string
		method   string
		target   string
		down     bool // redis check fails
		wantCode int
		wantBody string // part of the body
	}{
		{"alive", "GET", "/healthz", false, 200, "ok"},
		{"alive while not ready", "GET", "/healthz", true, 200, "ok"},
		{"ready", "GET", "/readyz", false, 200, "redis: ok"},
		{"not ready", "GET", "/readyz", true, 503, "redis: not ready: connection refused"},
		{"not ready names the checks that pass too", "GET", "/readyz", true, 503, "content: ok"},
		{"metrics", "GET", "/metrics", false, 200, "signaal_x 1"},
		{"stats", "GET", "/stats?days=2", false, 200, `"date"`},
		{"stats, bad days", "GET", "/stats?days=0", false, 400, "days must be"},
		{"stats, too many days", "GET", "/stats?days=401", false, 400, "days must be"},
		{"index", "GET", "/", false, 200, "/healthz"},
		{"unknown", "GET", "/debug/pprof/", false, 404, ""},
		{"wrong method", "POST", "/healthz", false, 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			redisUp = !tt.down
			code, body := get(t, h, tt.method, tt.target)
			if code != tt.wantCode || !strings.Contains(body, tt.wantBody) {
				t.Errorf("%s %s = %d, %q; want %d containing %q", tt.method, tt.target, code, body, tt.wantCode, tt.wantBody)
			}
		})
	}
}

func TestStatsJSON(t *testing.T) {
	s := &admin.Server{Stats: func(_ context.Context, n int) ([]stats.Day, error) {
		out := make([]stats.Day, n)
		for i := range out {
			out[i] = stats.Day{Date: "2025-01-0" + string(rune('1'+i)), Counts: map[string]int64{"referral:fier": int64(i)}}
		}
		return out, nil
	}}
	code, body := get(t, s.Handler(), "GET", "/stats")
	var days []stats.Day
	if err := json.Unmarshal([]byte(body), &days); code != 200 || err != nil {
		t.Fatalf("GET /stats = %d, %q (%v); want 200 and JSON", code, body, err)
	}
	if len(days) != admin.DefaultDays {
		t.Errorf("GET /stats returned %d days, want %d", len(days), admin.DefaultDays)
	}

	s.Stats = func(context.Context, int) ([]stats.Day, error) { return nil, errors.New("redis down") }
	if code, _ := get(t, s.Handler(), "GET", "/stats"); code != http.StatusServiceUnavailable {
		t.Errorf("GET /stats with the store down = %d, want 503", code)
	}
}

// TestSlowCheck checks that a check that hangs makes /readyz answer 503
// once its time is up, rather than hang too.
func TestSlowCheck(t *testing.T) {
	s := &admin.Server{Timeout: 10 * time.Millisecond, Checks: []admin.Check{{Name: "hung", Check: func(ctx context.Context) error {
		<-ctx.Done()
		return ctx.Err()
	}}}}
	code, body := get(t, s.Handler(), "GET", "/readyz")
	if code != 503 || !strings.Contains(body, "hung: not ready") {
		t.Errorf("GET /readyz with a hung check = %d, %q; want 503 naming it", code, body)
	}
}

func TestServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- (&admin.Server{}).Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /healthz = %d, want 200", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve() after the context ended = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve() did not return after the context ended")
	}
}
