package main

import (
	"bytes"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"signaal/store"
	"signaal/store/redisstore"
)

func TestReadStoreConfig(t *testing.T) {
	const idle = store.DefaultIdle
	tests := []struct {
		name     string
		env      map[string]string
		redisURL string // --redis-url
		want     storeConfig
		wantErr  string // part of the error message; "" for no error
	}{
		{name: "nothing", want: storeConfig{Idle: idle}},
		{name: "idle only, memory store", env: map[string]string{"SESSION_IDLE": "45m"}, want: storeConfig{Idle: 45 * time.Minute}},
		{name: "secret only, memory store", env: map[string]string{"SESSION_SECRET": " s "}, want: storeConfig{Idle: idle, Secret: " s "}},
		{name: "exit journal", env: map[string]string{"EXIT_JOURNAL": " /data/exits "}, want: storeConfig{Idle: idle, ExitJournal: "/data/exits"}},
		{
			name: "url",
			env:  map[string]string{"REDIS_URL": "redis://localhost:6379/0"},
			want: storeConfig{Idle: idle, Redis: &redisstore.Config{URL: "redis://localhost:6379/0"}},
		},
		{
			name: "tls url with password from env, idle and prefix",
			env: map[string]string{
				"REDIS_URL": " rediss://redis.example:6380 ", "REDIS_PASSWORD": "p w",
				"SESSION_IDLE": "10m", "REDIS_PREFIX": "signaal-test",
			},
			want: storeConfig{Idle: 10 * time.Minute, Redis: &redisstore.Config{URL: "rediss://redis.example:6380", Password: "p w", Prefix: "signaal-test"}},
		},
		{
			name: "sentinel",
			env:  map[string]string{"REDIS_SENTINEL_ADDRS": "s1:26379, s2:26379,,", "REDIS_SENTINEL_MASTER": "mymaster", "REDIS_TLS": "true"},
			want: storeConfig{Idle: idle, Redis: &redisstore.Config{SentinelAddrs: []string{"s1:26379", "s2:26379"}, MasterName: "mymaster", TLS: true}},
		},
		{
			name: "cluster",
			env:  map[string]string{"REDIS_CLUSTER_ADDRS": "10.0.0.1:6379,10.0.0.2:6379", "REDIS_USERNAME": "bot", "REDIS_PASSWORD": "pw"},
			want: storeConfig{Idle: idle, Redis: &redisstore.Config{ClusterAddrs: []string{"10.0.0.1:6379", "10.0.0.2:6379"}, Username: "bot", Password: "pw"}},
		},
		{
			name:     "flag",
			env:      map[string]string{"REDIS_PASSWORD": "pw"},
			redisURL: "redis://h:1/2",
			want:     storeConfig{Idle: idle, Redis: &redisstore.Config{URL: "redis://h:1/2", Password: "pw"}, urlFromFlag: true},
		},
		{
			name:     "flag wins over the environment",
			env:      map[string]string{"REDIS_URL": "redis://env:1", "REDIS_CLUSTER_ADDRS": "c:1", "REDIS_SENTINEL_ADDRS": "s:1", "REDIS_SENTINEL_MASTER": "m"},
			redisURL: "redis://flag:1",
			want:     storeConfig{Idle: idle, Redis: &redisstore.Config{URL: "redis://flag:1"}, urlFromFlag: true},
		},
		{name: "two modes", env: map[string]string{"REDIS_URL": "redis://a:1", "REDIS_CLUSTER_ADDRS": "b:1"}, wantErr: "set only one of REDIS_URL, REDIS_SENTINEL_ADDRS (with REDIS_SENTINEL_MASTER) and REDIS_CLUSTER_ADDRS"},
		{name: "sentinel without master", env: map[string]string{"REDIS_SENTINEL_ADDRS": "s1:26379"}, wantErr: "REDIS_SENTINEL_ADDRS is set but REDIS_SENTINEL_MASTER"},
		{name: "master without sentinels", env: map[string]string{"REDIS_SENTINEL_MASTER": "m"}, wantErr: "REDIS_SENTINEL_MASTER is set but REDIS_SENTINEL_ADDRS"},
		{name: "cluster addr without port", env: map[string]string{"REDIS_CLUSTER_ADDRS": "10.0.0.1"}, wantErr: `REDIS_CLUSTER_ADDRS: "10.0.0.1" is not host:port`},
		{name: "cluster addr bad port", env: map[string]string{"REDIS_CLUSTER_ADDRS": "h:99999"}, wantErr: `REDIS_CLUSTER_ADDRS: "h:99999" has no valid port`},
		{name: "wrong scheme", env: map[string]string{"REDIS_URL": "http://localhost:6379"}, wantErr: `REDIS_URL has scheme "http"`},
		{name: "wrong scheme in flag", redisURL: "http://localhost:6379", wantErr: `--redis-url has scheme "http"`},
		{name: "password twice", env: map[string]string{"REDIS_URL": "redis://:secret1@h:1", "REDIS_PASSWORD": "secret2"}, wantErr: "both REDIS_URL and REDIS_PASSWORD"},
		{name: "user twice", env: map[string]string{"REDIS_URL": "redis://u@h:1", "REDIS_USERNAME": "v"}, wantErr: "both REDIS_URL and REDIS_USERNAME"},
		{name: "tls with url", env: map[string]string{"REDIS_URL": "redis://h:1", "REDIS_TLS": "1"}, wantErr: "REDIS_TLS is for Sentinel and Cluster; with REDIS_URL use rediss://"},
		{name: "tls with flag", env: map[string]string{"REDIS_TLS": "yes"}, redisURL: "redis://h:1", wantErr: "with --redis-url use rediss://"},
		{name: "bad tls", env: map[string]string{"REDIS_CLUSTER_ADDRS": "h:1", "REDIS_TLS": "maybe"}, wantErr: `REDIS_TLS="maybe"`},
		{name: "bad idle", env: map[string]string{"REDIS_URL": "redis://h:1", "SESSION_IDLE": "30"}, wantErr: `SESSION_IDLE="30"`},
		{name: "negative idle", env: map[string]string{"SESSION_IDLE": "-1m"}, wantErr: `SESSION_IDLE="-1m"`},
		{name: "zero idle", env: map[string]string{"SESSION_IDLE": "0s"}, wantErr: `SESSION_IDLE="0s"`},
		{name: "bad prefix", env: map[string]string{"REDIS_URL": "redis://h:1", "REDIS_PREFIX": "a{b}"}, wantErr: "REDIS_PREFIX: prefix"},
		{name: "password without redis", env: map[string]string{"REDIS_PASSWORD": "pw"}, wantErr: "REDIS_PASSWORD is set but no Redis is"},
		{name: "user without redis", env: map[string]string{"REDIS_USERNAME": "u"}, wantErr: "REDIS_USERNAME is set but no Redis is"},
		{name: "prefix without redis", env: map[string]string{"REDIS_PREFIX": "sg2"}, wantErr: "REDIS_PREFIX is set but no Redis is"},
		{name: "tls without redis", env: map[string]string{"REDIS_TLS": "1"}, wantErr: "REDIS_TLS is set but no Redis is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readStoreConfig(func(k string) string { return tt.env[k] }, tt.redisURL)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("readStoreConfig(%v, %q) error = %v, want one containing %q", tt.env, tt.redisURL, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("readStoreConfig(%v, %q) error = %v, want nil", tt.env, tt.redisURL, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("readStoreConfig(%v, %q) = %+v, %+v; want %+v, %+v", tt.env, tt.redisURL, got, got.Redis, tt.want, tt.want.Redis)
			}
		})
	}
}

// TestRedisEnvNamesEveryField keeps redisEnv complete: a field added to
// redisstore.Config without a variable here would appear in error
// messages under its Go name, which an operator cannot act on.
func TestRedisEnvNamesEveryField(t *testing.T) {
	typ := reflect.TypeFor[redisstore.Config]()
	for i := range typ.NumField() {
		if f := typ.Field(i); f.IsExported() && redisEnv[f.Name] == "" {
			t.Errorf("redisEnv[%q] = \"\", want the environment variable behind redisstore.Config.%s", f.Name, f.Name)
		}
	}
}

// TestStoreConfigHidesSecrets checks that no error repeats a password,
// since start-up errors end up in logs.
func TestStoreConfigHidesSecrets(t *testing.T) {
	const pw = "hunter2-very-secret"
	envs := []map[string]string{
		{"REDIS_URL": "redis://:" + pw + "@h:1", "REDIS_PASSWORD": "x"},
		{"REDIS_URL": "redis://:" + pw + "@h:notaport%zz"},
		{"REDIS_URL": "ftp://:" + pw + "@h:1"},
		{"REDIS_URL": "redis://:" + pw + "@h:1/notadb"},
		{"REDIS_URL": "redis://:" + pw + "@h:1?dial_timeout=" + pw},
		{"REDIS_URL": "redis://:" + pw + "@h:1", "REDIS_TLS": "1"},
		{"REDIS_PASSWORD": pw},
		{"REDIS_PASSWORD": pw, "REDIS_URL": "redis://:x@h:1"},
	}
	for _, env := range envs {
		_, err := readStoreConfig(func(k string) string { return env[k] }, "")
		if err == nil {
			t.Errorf("readStoreConfig(REDIS_URL=%q) error = nil, want an error", env["REDIS_URL"])
			continue
		}
		if strings.Contains(err.Error(), pw) {
			t.Errorf("readStoreConfig(...) error = %q, repeats the password", err)
		}
	}
	_, err := readStoreConfig(func(string) string { return "" }, "ftp://:"+pw+"@h:1")
	if err == nil || strings.Contains(err.Error(), pw) {
		t.Errorf("readStoreConfig(--redis-url with a password) error = %v, want an error without the password", err)
	}
}

func TestReadLogConfig(t *testing.T) {
	tests := []struct {
		name     string
		level    string // LOG_LEVEL
		terminal bool
		want     logConfig
		wantErr  bool
	}{
		{name: "server default", want: logConfig{Level: slog.LevelInfo}},
		{name: "server debug", level: "debug", want: logConfig{Level: slog.LevelDebug}},
		{name: "server upper case", level: "WARN", want: logConfig{Level: slog.LevelWarn}},
		{name: "terminal default is quiet", terminal: true, want: logConfig{Level: slog.LevelWarn, Text: true}},
		{name: "terminal with LOG_LEVEL", level: "info", terminal: true, want: logConfig{Level: slog.LevelInfo, Text: true}},
		{name: "unknown level", level: "loud", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readLogConfig(func(k string) string { return map[string]string{"LOG_LEVEL": tt.level}[k] }, tt.terminal)
			if (err != nil) != tt.wantErr {
				t.Fatalf("readLogConfig(LOG_LEVEL=%q, %v) error = %v, want error %v", tt.level, tt.terminal, err, tt.wantErr)
			}
			if err != nil {
				if !strings.Contains(err.Error(), "LOG_LEVEL") {
					t.Errorf("readLogConfig(LOG_LEVEL=%q, %v) error = %q, want it to name LOG_LEVEL", tt.level, tt.terminal, err)
				}
				return
			}
			if got != tt.want {
				t.Errorf("readLogConfig(LOG_LEVEL=%q, %v) = %+v, want %+v", tt.level, tt.terminal, got, tt.want)
			}
		})
	}
}

func TestLoggerFormat(t *testing.T) {
	tests := []struct {
		cfg        logConfig
		wantPrefix string
	}{
		{logConfig{Level: slog.LevelInfo}, `{"time":`},
		{logConfig{Level: slog.LevelInfo, Text: true}, "time="},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		tt.cfg.logger(&buf).Info("hello")
		if got := buf.String(); !strings.HasPrefix(got, tt.wantPrefix) || !strings.Contains(got, "hello") {
			t.Errorf("%+v.logger().Info(hello) wrote %q, want a line starting %q", tt.cfg, got, tt.wantPrefix)
		}
	}
}
