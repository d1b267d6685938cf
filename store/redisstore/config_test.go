package redisstore

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/flows"
	"signaal/internal/redistest"
	"signaal/store"
)

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantOK  bool
		wantErr string // part of the error message; "" for no error
	}{
		{name: "nothing", env: nil, want: Config{}},
		{name: "idle only, memory store", env: map[string]string{"SESSION_IDLE": "45m"}, want: Config{Idle: 45 * time.Minute}},
		{
			name:   "url",
			env:    map[string]string{"REDIS_URL": "redis://localhost:6379/0"},
			want:   Config{URL: "redis://localhost:6379/0"},
			wantOK: true,
		},
		{
			name: "tls url with password from env, idle and prefix",
			env: map[string]string{
				"REDIS_URL": " rediss://redis.example:6380 ", "REDIS_PASSWORD": "p w",
				"SESSION_IDLE": "10m", "REDIS_PREFIX": "signaal-test",
			},
			want:   Config{URL: "rediss://redis.example:6380", Password: "p w", Idle: 10 * time.Minute, Prefix: "signaal-test"},
			wantOK: true,
		},
		{
			name:   "sentinel",
			env:    map[string]string{"REDIS_SENTINEL_ADDRS": "s1:26379, s2:26379,,", "REDIS_SENTINEL_MASTER": "mymaster", "REDIS_TLS": "true"},
			want:   Config{SentinelAddrs: []string{"s1:26379", "s2:26379"}, MasterName: "mymaster", TLS: true},
			wantOK: true,
		},
		{
			name:   "cluster",
			env:    map[string]string{"REDIS_CLUSTER_ADDRS": "10.0.0.1:6379,10.0.0.2:6379", "REDIS_USERNAME": "bot", "REDIS_PASSWORD": "pw"},
			want:   Config{ClusterAddrs: []string{"10.0.0.1:6379", "10.0.0.2:6379"}, Username: "bot", Password: "pw"},
			wantOK: true,
		},
		{name: "two modes", env: map[string]string{"REDIS_URL": "redis://a:1", "REDIS_CLUSTER_ADDRS": "b:1"}, wantErr: "only one of"},
		{name: "sentinel without master", env: map[string]string{"REDIS_SENTINEL_ADDRS": "s1:26379"}, wantErr: "REDIS_SENTINEL_MASTER"},
		{name: "master without sentinels", env: map[string]string{"REDIS_SENTINEL_MASTER": "m"}, wantErr: "REDIS_SENTINEL_ADDRS"},
		{name: "cluster addr without port", env: map[string]string{"REDIS_CLUSTER_ADDRS": "10.0.0.1"}, wantErr: "not host:port"},
		{name: "cluster addr bad port", env: map[string]string{"REDIS_CLUSTER_ADDRS": "h:99999"}, wantErr: "no valid port"},
		{name: "wrong scheme", env: map[string]string{"REDIS_URL": "http://localhost:6379"}, wantErr: "scheme"},
		{name: "password twice", env: map[string]string{"REDIS_URL": "redis://:secret1@h:1", "REDIS_PASSWORD": "secret2"}, wantErr: "both"},
		{name: "tls with url", env: map[string]string{"REDIS_URL": "redis://h:1", "REDIS_TLS": "1"}, wantErr: "rediss://"},
		{name: "bad tls", env: map[string]string{"REDIS_CLUSTER_ADDRS": "h:1", "REDIS_TLS": "maybe"}, wantErr: "REDIS_TLS"},
		{name: "bad idle", env: map[string]string{"REDIS_URL": "redis://h:1", "SESSION_IDLE": "30"}, wantErr: "SESSION_IDLE"},
		{name: "negative idle", env: map[string]string{"SESSION_IDLE": "-1m"}, wantErr: "SESSION_IDLE"},
		{name: "bad prefix", env: map[string]string{"REDIS_URL": "redis://h:1", "REDIS_PREFIX": "a{b}"}, wantErr: "REDIS_PREFIX"},
		{name: "password without redis", env: map[string]string{"REDIS_PASSWORD": "pw"}, wantErr: "no Redis"},
		{name: "tls without redis", env: map[string]string{"REDIS_TLS": "1"}, wantErr: "no Redis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := ConfigFromEnv(func(k string) string { return tt.env[k] })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ConfigFromEnv(%v) error = %v, want one containing %q", tt.env, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ConfigFromEnv(%v) error = %v, want nil", tt.env, err)
			}
			if ok != tt.wantOK || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ConfigFromEnv(%v) = %+v, %v; want %+v, %v", tt.env, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// TestConfigErrorsHideSecrets checks that no error repeats a password,
// since start-up errors end up in logs.
func TestConfigErrorsHideSecrets(t *testing.T) {
	const pw = "hunter2-very-secret"
	envs := []map[string]string{
		{"REDIS_URL": "redis://:" + pw + "@h:1", "REDIS_PASSWORD": "x"},
		{"REDIS_URL": "redis://:" + pw + "@h:notaport%zz"},
		{"REDIS_URL": "ftp://:" + pw + "@h:1"},
		{"REDIS_URL": "redis://:" + pw + "@h:1/notadb"},
		{"REDIS_URL": "redis://:" + pw + "@h:1?dial_timeout=" + pw},
		{"REDIS_PASSWORD": pw},
	}
	for _, env := range envs {
		_, _, err := ConfigFromEnv(func(k string) string { return env[k] })
		if err == nil {
			t.Errorf("ConfigFromEnv(%q) error = nil, want an error", env["REDIS_URL"])
			continue
		}
		if strings.Contains(err.Error(), pw) {
			t.Errorf("ConfigFromEnv(...) error = %q, repeats the password", err)
		}
	}
}

func TestNewClientOptions(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		wantTLS bool
		wantPW  string
	}{
		{"plain", Config{URL: "redis://h:6379/2"}, false, ""},
		{"tls", Config{URL: "rediss://h:6380"}, true, ""},
		{"password in url", Config{URL: "redis://:pw1@h:6379"}, false, "pw1"},
		{"password from env", Config{URL: "redis://h:6379", Password: "pw2"}, false, "pw2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewClient(tt.cfg)
			if err != nil {
				t.Fatalf("NewClient(%+v) error = %v", tt.cfg, err)
			}
			defer c.Close()
			rc, ok := c.(*redis.Client)
			if !ok {
				t.Fatalf("NewClient(%+v) = %T, want *redis.Client", tt.cfg, c)
			}
			o := rc.Options()
			if (o.TLSConfig != nil) != tt.wantTLS {
				t.Errorf("TLSConfig set = %v, want %v", o.TLSConfig != nil, tt.wantTLS)
			}
			if o.Password != tt.wantPW {
				t.Errorf("Password = %q, want %q", o.Password, tt.wantPW)
			}
			if o.DialTimeout != dialTimeout || o.ReadTimeout != readTimeout || o.WriteTimeout != writeTimeout || o.PoolTimeout != poolTimeout {
				t.Errorf("time-outs dial %v read %v write %v pool %v, want %v %v %v %v",
					o.DialTimeout, o.ReadTimeout, o.WriteTimeout, o.PoolTimeout, dialTimeout, readTimeout, writeTimeout, poolTimeout)
			}
			if o.MaxRetries != 0 {
				t.Errorf("MaxRetries = %d, want 0 (no retries)", o.MaxRetries)
			}
		})
	}

	for _, cfg := range []Config{
		{ClusterAddrs: []string{"h1:1", "h2:2"}},
		{SentinelAddrs: []string{"s:26379"}, MasterName: "m"},
	} {
		c, err := NewClient(cfg)
		if err != nil {
			t.Errorf("NewClient(%+v) error = %v, want nil", cfg, err)
			continue
		}
		// Sentinel and Cluster must be as bounded as a single server:
		// the safety card depends on failing fast.
		var read, dial time.Duration
		var retries int
		switch c := c.(type) {
		case *redis.ClusterClient:
			read, dial, retries = c.Options().ReadTimeout, c.Options().DialTimeout, c.Options().MaxRetries
		case *redis.Client:
			read, dial, retries = c.Options().ReadTimeout, c.Options().DialTimeout, c.Options().MaxRetries
		default:
			t.Errorf("NewClient(%+v) = %T", cfg, c)
		}
		if read != readTimeout || dial != dialTimeout || retries > 0 { // -1 and 0 both mean none once set up
			t.Errorf("NewClient(%+v): read %v, dial %v, retries %d; want %v, %v, none", cfg, read, dial, retries, readTimeout, dialTimeout)
		}
		c.Close()
	}
	if _, err := NewClient(Config{}); err == nil {
		t.Errorf("NewClient(Config{}) error = nil, want an error")
	}
}

// TestPassword runs the store against a server that needs a password,
// given through REDIS_PASSWORD as an operator would.
func TestPassword(t *testing.T) {
	const pw = "a-password-for-the-test-server"
	srv := redistest.Start(t, "--requirepass", pw)
	ctx := t.Context()
	tests := []struct {
		name    string
		pw      string
		wantErr bool
	}{
		{"right password", pw, false},
		{"no password", "", true},
		{"wrong password", "wrong", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, ok, err := ConfigFromEnv(func(k string) string {
				return map[string]string{"REDIS_URL": srv.URL(), "REDIS_PASSWORD": tt.pw}[k]
			})
			if err != nil || !ok {
				t.Fatalf("ConfigFromEnv = %v, %v", ok, err)
			}
			client, err := NewClient(cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer client.Close()
			s := New(client, cfg.Idle, cfg.Options()...)
			err = s.Ping(ctx)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Ping() error = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			k := store.NewKeyer(nil).Key("telegram", 1)
			if _, err := s.Save(ctx, k, flows.Session{State: "x"}); err != nil {
				t.Errorf("Save() error = %v, want nil", err)
			}
		})
	}
}

func TestRequireSecret(t *testing.T) {
	tests := []struct {
		name    string
		secret  string
		wantErr bool
	}{
		{"empty", "", true},
		{"short", "0123456789abcdef0123456789abcde", true},
		{"32 bytes", "0123456789abcdef0123456789abcdef", false},
		{"openssl rand -hex 32", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := RequireSecret(tt.secret)
			if (err != nil) != tt.wantErr {
				t.Fatalf("RequireSecret(%d bytes) = %v, want error %v", len(tt.secret), err, tt.wantErr)
			}
			if err == nil {
				return
			}
			msg := err.Error()
			if !strings.Contains(msg, "SESSION_SECRET") || !strings.Contains(msg, "openssl rand -hex 32") {
				t.Errorf("RequireSecret(%d bytes) = %q, want it to name SESSION_SECRET and say how to make one", len(tt.secret), msg)
			}
			if tt.secret != "" && strings.Contains(msg, tt.secret) {
				t.Errorf("RequireSecret(%d bytes) = %q repeats the secret", len(tt.secret), msg)
			}
		})
	}
}

func TestNewPanicsOnBadPrefix(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("New(WithPrefix(%q)) did not panic", "a{b")
		}
	}()
	New(nil, 0, WithPrefix("a{b"))
}

func TestUnavailable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"dial error", errors.New("dial tcp 127.0.0.1:1: connect: connection refused"), true},
		{"pool time-out", redis.ErrPoolTimeout, true},
		{"closed client", redis.ErrClosed, true},
		{"loading", redisError("LOADING Redis is loading the dataset in memory"), true},
		{"read only replica", redisError("READONLY You can't write against a read only replica."), true},
		{"cluster down", redisError("CLUSTERDOWN The cluster is down"), true},
		{"wrong type", redisError("WRONGTYPE Operation against a key holding the wrong kind of value"), false},
		{"no auth", redisError("NOAUTH Authentication required."), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unavailable(tt.err); got != tt.want {
				t.Errorf("unavailable(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// redisError is an error reply from a server, as go-redis reports it.
type redisError string

func (e redisError) Error() string { return string(e) }
func (redisError) RedisError()     {}

// TestReadOnlyReplica points the store at a replica, as a client still
// holding the old master's address after a failover would: writes fail with
// READONLY, which must count as unavailable, not as a bug.
func TestReadOnlyReplica(t *testing.T) {
	master := redistest.Start(t)
	host, port, _ := strings.Cut(master.Addr(), ":")
	replica := redistest.Start(t, "--replicaof", host, port)
	s, _ := newTestStore(t, replica, 0)
	k := store.NewKeyer(nil).Key("telegram", 1)
	_, err := s.Save(t.Context(), k, flows.Session{State: "x"})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Save on a replica error = %v, want %v", err, store.ErrUnavailable)
	}
}
