package redisstore

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"signaal/internal/redistest"
	"signaal/internal/syncbuf"
)

func TestRedactLine(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"dial tcp 127.0.0.1:6390: connect: connection refused", "dial tcp 127.0.0.1:6390: connect: connection refused"},
		{"redis://bot:s3cret@redis:6379/0 unreachable", "redis://<redacted>@redis:6379/0 unreachable"},
		{"chat 987650001 said", "chat # said"},
		{strings.Repeat("x", 600), strings.Repeat("x", maxDetail) + "…"},
	}
	for _, tt := range tests {
		if got := redactLine(tt.in); got != tt.want {
			t.Errorf("redactLine(%.40q) = %.60q, want %.60q", tt.in, got, tt.want)
		}
	}
}

// TestClientLogsAsJSON stops a real redis-server under a client and checks
// that what go-redis then logs arrives as JSON lines through slog.
func TestClientLogsAsJSON(t *testing.T) {
	var buf syncbuf.Buffer
	SetLogger(slog.New(slog.NewJSONHandler(&buf, nil)))
	t.Cleanup(func() { SetLogger(slog.Default()) })
	srv := redistest.Start(t)
	client, err := NewClient(Config{URL: srv.URL()})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()
	if err := client.Ping(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	// The first ping may fail on the pooled connection without a word;
	// one that dials and fails is logged.
	for range 8 {
		if buf.String() != "" {
			break
		}
		_ = client.Ping(ctx).Err()
	}
	out := buf.String()
	if out == "" {
		t.Fatal("go-redis logged nothing through slog while the server was down")
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil || m["msg"] != "redis client" {
			t.Errorf("logged line %q is not a JSON slog record from the client (%v)", line, err)
		}
	}
}
