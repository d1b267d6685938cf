package redisstore

import (
	"errors"
	"maps"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/internal/redistest"
	"signaal/store"
)

// TestWritable puts a real redis-server in each state that answers PING
// but refuses the writes a Save needs, and checks that Writable fails
// there and says why, while Ping passes; on a healthy server it sets its
// probe key, and only that, for a few seconds.
func TestWritable(t *testing.T) {
	t.Parallel()
	const password = "right-horse-battery"
	tests := []struct {
		name string
		args []string // redis-server's
		// cfg is how the store reaches the server; URL is filled in.
		cfg Config
		// breakIt puts the running server in the state under test,
		// through a client with every right.
		breakIt     func(t *testing.T, srv *redistest.Server, admin *redis.Client)
		pingErr     bool   // whether Ping fails too
		want        string // part of Writable's error; "" for nil
		unavailable bool   // whether the error wraps store.ErrUnavailable
	}{
		{name: "healthy", cfg: Config{Prefix: "probe-test"}},
		{
			name: "full", want: "redis is full",
			breakIt: func(t *testing.T, _ *redistest.Server, admin *redis.Client) {
				// Any memory in use is over one byte; noeviction is
				// Redis's default policy, set here so the test says it.
				do(t, admin, "config", "set", "maxmemory-policy", "noeviction")
				do(t, admin, "config", "set", "maxmemory", "1")
			},
		},
		{
			name: "read-only replica", want: "redis is read-only", unavailable: true,
			breakIt: func(t *testing.T, _ *redistest.Server, admin *redis.Client) {
				// A replica of a master that is not there: it stays a
				// replica, and replicas refuse writes (replica-read-only).
				do(t, admin, "replicaof", "127.0.0.1", strconv.Itoa(closedPort(t)))
			},
		},
		{
			name: "stopped", pingErr: true, want: "connect", unavailable: true,
			breakIt: func(_ *testing.T, srv *redistest.Server, _ *redis.Client) { srv.Stop() },
		},
		{
			name: "no password", args: []string{"--requirepass", password},
			pingErr: true, want: "redis refuses the user or password",
		},
		{
			name: "wrong password", args: []string{"--requirepass", password}, cfg: Config{Password: "wrong-" + password},
			pingErr: true, want: "redis refuses the user or password",
		},
		{
			name: "user who may only read", cfg: Config{Username: "reader", Password: password}, want: "may not write",
			breakIt: func(t *testing.T, _ *redistest.Server, admin *redis.Client) {
				do(t, admin, "acl", "setuser", "reader", "on", ">"+password, "~*", "+@read", "+@connection")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := redistest.Start(t, tt.args...)
			admin := redis.NewClient(&redis.Options{Addr: srv.Addr(), Password: password})
			if len(tt.args) == 0 {
				admin = redis.NewClient(&redis.Options{Addr: srv.Addr()})
			}
			t.Cleanup(func() { admin.Close() })
			if tt.breakIt != nil {
				tt.breakIt(t, srv, admin)
			}
			cfg := tt.cfg
			cfg.URL = srv.URL()
			client, err := NewClient(cfg)
			if err != nil {
				t.Fatalf("NewClient: %v", err)
			}
			t.Cleanup(func() { client.Close() })
			s := New(client, 0, cfg.Options()...)
			ctx := t.Context()

			if err := s.Ping(ctx); (err != nil) != tt.pingErr {
				t.Errorf("Ping() = %v, want error %v", err, tt.pingErr)
			}
			err = s.Writable(ctx)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Writable() = %v, want nil", err)
				}
				keys, err := admin.Keys(ctx, "*").Result()
				if err != nil {
					t.Fatal(err)
				}
				key := cfg.Prefix + ":probe"
				if len(keys) != 1 || keys[0] != key {
					t.Errorf("after Writable() Redis holds %q, want only %q", keys, key)
				}
				if v := admin.Get(ctx, key).Val(); v != "1" {
					t.Errorf("GET %s = %q, want \"1\"", key, v)
				}
				if ttl := admin.PTTL(ctx, key).Val(); ttl <= 0 || ttl > 5*time.Second {
					t.Errorf("PTTL %s = %v, want at most 5s", key, ttl)
				}
				// Once connected, a probe costs one command.
				before := commandStats(t, admin)
				if err := s.Writable(ctx); err != nil {
					t.Fatalf("Writable() again = %v, want nil", err)
				}
				if got, want := diffStats(before, commandStats(t, admin)), map[string]int64{"set": 1}; !maps.Equal(got, want) {
					t.Errorf("Writable() made Redis run %v, want %v", got, want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "redisstore: write probe: ") {
				t.Fatalf("Writable() = %v, want redisstore: write probe: ...%s...", err, tt.want)
			}
			t.Logf("Writable() = %v", err)
			if got := errors.Is(err, store.ErrUnavailable); got != tt.unavailable {
				t.Errorf("Writable() = %v; errors.Is(ErrUnavailable) = %v, want %v", err, got, tt.unavailable)
			}
			if strings.Contains(err.Error(), password) {
				t.Errorf("Writable() = %q, repeats the password", err)
			}
		})
	}
}

func do(t *testing.T, c *redis.Client, args ...any) {
	t.Helper()
	if err := c.Do(t.Context(), args...).Err(); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
}

// closedPort returns a loopback port nothing listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
