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

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		cfg        Config
		wantFields []string // the fields the error is about; nil for no error
		wantErr    string   // part of the message
	}{
		{name: "url", cfg: Config{URL: "redis://localhost:6379/0"}},
		{name: "tls url with password and prefix", cfg: Config{URL: "rediss://h:6380", Password: "p w", Prefix: "signaal-test"}},
		{name: "sentinel", cfg: Config{SentinelAddrs: []string{"s1:26379", "s2:26379"}, MasterName: "m", TLS: true}},
		{name: "cluster", cfg: Config{ClusterAddrs: []string{"10.0.0.1:6379"}, Username: "bot", Password: "pw"}},
		{name: "nothing", cfg: Config{}, wantFields: []string{"URL", "SentinelAddrs", "ClusterAddrs"}, wantErr: "no Redis"},
		{name: "two modes", cfg: Config{URL: "redis://a:1", ClusterAddrs: []string{"b:1"}}, wantFields: []string{"URL", "SentinelAddrs", "MasterName", "ClusterAddrs"}, wantErr: "only one of"},
		{name: "sentinel without master", cfg: Config{SentinelAddrs: []string{"s1:26379"}}, wantFields: []string{"SentinelAddrs", "MasterName"}, wantErr: "name of the master"},
		{name: "master without sentinels", cfg: Config{MasterName: "m"}, wantFields: []string{"MasterName", "SentinelAddrs"}, wantErr: "the sentinels"},
		{name: "cluster addr without port", cfg: Config{ClusterAddrs: []string{"10.0.0.1"}}, wantFields: []string{"ClusterAddrs"}, wantErr: "not host:port"},
		{name: "sentinel addr bad port", cfg: Config{SentinelAddrs: []string{"h:99999"}, MasterName: "m"}, wantFields: []string{"SentinelAddrs"}, wantErr: "no valid port"},
		{name: "wrong scheme", cfg: Config{URL: "http://localhost:6379"}, wantFields: []string{"URL"}, wantErr: "scheme"},
		{name: "not a url", cfg: Config{URL: "redis://h:1/%zz"}, wantFields: []string{"URL"}, wantErr: "not a URL"},
		{name: "not a redis url", cfg: Config{URL: "redis://h:1/notadb"}, wantFields: []string{"URL"}, wantErr: "not a valid Redis URL"},
		{name: "password twice", cfg: Config{URL: "redis://:secret1@h:1", Password: "secret2"}, wantFields: []string{"URL", "Password"}, wantErr: "both"},
		{name: "user twice", cfg: Config{URL: "redis://u@h:1", Username: "v"}, wantFields: []string{"URL", "Username"}, wantErr: "both"},
		{name: "tls with url", cfg: Config{URL: "redis://h:1", TLS: true}, wantFields: []string{"TLS", "URL"}, wantErr: "rediss://"},
		{name: "bad prefix", cfg: Config{URL: "redis://h:1", Prefix: "a{b}"}, wantFields: []string{"Prefix"}, wantErr: "only A-Z"},
	}
	fields := reflect.TypeFor[Config]()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if tt.wantFields == nil {
				if err != nil {
					t.Fatalf("%+v.Validate() = %v, want nil", tt.cfg, err)
				}
				return
			}
			var cerr *ConfigError
			if !errors.As(err, &cerr) {
				t.Fatalf("%+v.Validate() = %v (%T), want a *ConfigError", tt.cfg, err, err)
			}
			if !reflect.DeepEqual(cerr.Fields, tt.wantFields) {
				t.Errorf("%+v.Validate().Fields = %q, want %q", tt.cfg, cerr.Fields, tt.wantFields)
			}
			// A command translates the fields into the names its users
			// know, so each must be a real field of Config.
			for _, f := range cerr.Fields {
				if _, ok := fields.FieldByName(f); !ok {
					t.Errorf("%+v.Validate() names %q, which is not a field of Config", tt.cfg, f)
				}
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.wantErr) {
				t.Errorf("%+v.Validate() = %q, want it to contain %q", tt.cfg, msg, tt.wantErr)
			}
			for _, f := range tt.wantFields {
				if !strings.Contains(msg, f) {
					t.Errorf("%+v.Validate() = %q, want it to name %s", tt.cfg, msg, f)
				}
			}
		})
	}
}

func TestConfigErrorName(t *testing.T) {
	t.Parallel()
	err := Config{URL: "redis://:pw@h:1", Password: "pw2"}.Validate()
	var cerr *ConfigError
	if !errors.As(err, &cerr) {
		t.Fatalf("Validate() = %v, want a *ConfigError", err)
	}
	tests := []struct {
		name string
		fn   func(string) string
		want string
	}{
		{"nil keeps the field names", nil, "the password is in both URL and Password: keep one"},
		{"renamed", func(f string) string { return "REDIS_" + strings.ToUpper(f) }, "the password is in both REDIS_URL and REDIS_PASSWORD: keep one"},
		{"empty keeps a field name", func(f string) string {
			if f == "URL" {
				return "--redis-url"
			}
			return ""
		}, "the password is in both --redis-url and Password: keep one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cerr.Name(tt.fn); got != tt.want {
				t.Errorf("Name() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestValidateHidesSecrets checks that no error repeats a password, since
// start-up errors end up in logs.
func TestValidateHidesSecrets(t *testing.T) {
	t.Parallel()
	const pw = "hunter2-very-secret"
	for _, cfg := range []Config{
		{URL: "redis://:" + pw + "@h:1", Password: "x"},
		{URL: "redis://:" + pw + "@h:notaport%zz"},
		{URL: "ftp://:" + pw + "@h:1"},
		{URL: "redis://:" + pw + "@h:1/notadb"},
		{URL: "redis://:" + pw + "@h:1?dial_timeout=" + pw},
		{URL: "redis://:" + pw + "@h:1", TLS: true},
		{Password: pw},
	} {
		err := cfg.Validate()
		if err == nil {
			t.Errorf("Validate() of URL %q error = nil, want an error", cfg.URL)
			continue
		}
		if strings.Contains(err.Error(), pw) {
			t.Errorf("Validate() error = %q, repeats the password", err)
		}
	}
}

func TestNewClientOptions(t *testing.T) {
	t.Parallel()
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
// given apart from the URL, as an operator would to keep it out of process
// listings that show a URL.
func TestPassword(t *testing.T) {
	t.Parallel()
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
			cfg := Config{URL: srv.URL(), Password: tt.pw}
			client, err := NewClient(cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer client.Close()
			s := New(client, 0, cfg.Options()...)
			err = s.Ping(ctx)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Ping() error = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			k := store.NewKeyer(nil).Key("telegram", 1)
			if _, err := s.Save(ctx, k, store.Record{Session: flows.Session{State: "x"}}); err != nil {
				t.Errorf("Save() error = %v, want nil", err)
			}
		})
	}
}

func TestNewPanicsOnBadPrefix(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Errorf("New(WithPrefix(%q)) did not panic", "a{b")
		}
	}()
	New(nil, 0, WithPrefix("a{b"))
}

func TestUnavailable(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
	master := redistest.Start(t)
	host, port, _ := strings.Cut(master.Addr(), ":")
	replica := redistest.Start(t, "--replicaof", host, port)
	s, _ := newTestStore(t, replica, 0)
	k := store.NewKeyer(nil).Key("telegram", 1)
	_, err := s.Save(t.Context(), k, store.Record{Session: flows.Session{State: "x"}})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Save on a replica error = %v, want %v", err, store.ErrUnavailable)
	}
}
