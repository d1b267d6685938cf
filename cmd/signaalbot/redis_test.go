package main

import (
	"strings"
	"testing"

	"signaal/internal/redistest"
)

// TestChatWithRedis runs the terminal chat on a real redis-server, and
// checks that Redis without a proper SESSION_SECRET, or with a weak one,
// is refused.
func TestChatWithRedis(t *testing.T) {
	srv := redistest.Start(t)
	code, _, errOut := runApp(t, "", nil, "chat", "--redis-url", srv.URL())
	if code != 1 || !strings.Contains(errOut, "SESSION_SECRET is not set") {
		t.Errorf("chat with Redis and no secret = %d, %q; want 1 and a word on SESSION_SECRET", code, errOut)
	}
	weak := map[string]string{"SESSION_SECRET": strings.Repeat("k", 40)}
	code, _, errOut = runApp(t, "", weak, "chat", "--redis-url", srv.URL())
	if code != 1 || !strings.Contains(errOut, "SESSION_SECRET is one character repeated") {
		t.Errorf("chat with Redis and a secret of one letter = %d, %q; want 1 and a word on SESSION_SECRET", code, errOut)
	}
	// LOG_LEVEL=info: the terminal chat logs only warnings by default.
	env := map[string]string{"SESSION_SECRET": testSessionSecret, "LOG_LEVEL": "info"}
	code, out, errOut := runApp(t, "start/welcome/ok\n", env, "chat", "--json", "--redis-url", srv.URL())
	if code != 0 || strings.Count(out, `{"await":true}`) != 2 {
		t.Fatalf("chat --redis-url = %d, %q, %q", code, out, errOut)
	}
	if !strings.Contains(errOut, "sessions are kept in redis") {
		t.Errorf("log does not say where sessions are: %q", errOut)
	}
	env["REDIS_URL"] = srv.URL()
	code, _, errOut = runApp(t, "", env, "chat")
	if code != 0 || !strings.Contains(errOut, "sessions are kept in redis") {
		t.Errorf("chat with REDIS_URL = %d, %q", code, errOut)
	}
}
