package main

import (
	"bytes"
	"flag"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"signaal/store"
	"signaal/store/redisstore"
)

var update = flag.Bool("update", false, "rewrite the settings table in README.md")

// serveSettingsFor parses args as serve would, with env as the
// environment.
func serveSettingsFor(t *testing.T, env map[string]string, args ...string) *settings {
	t.Helper()
	a := &app{getenv: func(k string) string { return env[k] }, stdout: io.Discard, stderr: io.Discard}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	set := a.bindSettings(fs, serveSettings)
	if err := fs.Parse(args); err != nil {
		t.Fatalf("parse %q: %v", args, err)
	}
	return set
}

// TestServeConfigErrors checks that each invalid or contradictory setting
// stops serve with one line that names it, and that several are reported
// together, one line each.
func TestServeConfigErrors(t *testing.T) {
	const token = "123:abc"
	secret := testSessionSecret
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want []string // one part of each line, in order
	}{
		{"no token", map[string]string{}, nil, []string{"TELEGRAM_BOT_TOKEN is not set"}},
		{"webhook mode without a URL", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_MODE": "webhook"}, nil,
			[]string{"TELEGRAM_MODE=webhook needs a public HTTPS URL for Telegram to post to: set TELEGRAM_WEBHOOK_URL (--webhook-url)"}},
		{"webhook mode by flag without a URL", map[string]string{"TELEGRAM_BOT_TOKEN": token}, []string{"--mode", "webhook"},
			[]string{"--mode=webhook needs a public HTTPS URL"}},
		{"polling with a webhook URL", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_MODE": "polling", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg"}, nil,
			[]string{"TELEGRAM_WEBHOOK_URL is set but TELEGRAM_MODE=polling"}},
		{"unknown mode", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_MODE": "push"}, nil, []string{`TELEGRAM_MODE="push": want polling or webhook`}},
		{"webhook URL not http(s)", map[string]string{"TELEGRAM_BOT_TOKEN": token}, []string{"--webhook-url", "ftp://example.org/x"},
			[]string{`--webhook-url="ftp://example.org/x" is not an absolute http(s) URL`}},
		{"listen address while polling", map[string]string{"TELEGRAM_BOT_TOKEN": token, "LISTEN_ADDR": ":8081"}, nil,
			[]string{"LISTEN_ADDR is set but the bot polls"}},
		{"webhook secret while polling", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_WEBHOOK_SECRET": "abc"}, nil,
			[]string{"TELEGRAM_WEBHOOK_SECRET is set but the bot polls"}},
		{"webhook secret with odd characters", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_WEBHOOK_URL": "https://x.example/h", "TELEGRAM_WEBHOOK_SECRET": "a b"}, nil,
			[]string{"TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters"}},
		{"admin and webhook on one port", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_WEBHOOK_URL": "https://x.example/h", "LISTEN_ADDR": ":9090", "ADMIN_ADDR": "0.0.0.0:9090"}, nil,
			[]string{`ADMIN_ADDR and LISTEN_ADDR are both ":9090": give the admin server an address of its own`}},
		{"admin address without a port", map[string]string{"TELEGRAM_BOT_TOKEN": token, "ADMIN_ADDR": "9090"}, nil, []string{`ADMIN_ADDR="9090": want host:port`}},
		{"endpoint without the two %s", map[string]string{"TELEGRAM_BOT_TOKEN": token}, []string{"--api-endpoint", "http://127.0.0.1:1/bot"}, []string{`--api-endpoint="http://127.0.0.1:1/bot" must hold two %s`}},
		{"poll timeout not a duration", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_POLL_TIMEOUT": "soon"}, nil, []string{`TELEGRAM_POLL_TIMEOUT="soon": want a duration`}},
		{"poll timeout too short", map[string]string{"TELEGRAM_BOT_TOKEN": token}, []string{"--poll-timeout", "10ms"}, []string{"--poll-timeout=10ms: want at least 1s"}},
		{"no workers", map[string]string{"TELEGRAM_BOT_TOKEN": token, "WORKERS": "0"}, nil, []string{`WORKERS="0": want a number from 1 to 4096`}},
		{"shutdown timeout negative", map[string]string{"TELEGRAM_BOT_TOKEN": token, "SHUTDOWN_TIMEOUT": "-1s"}, nil, []string{"SHUTDOWN_TIMEOUT=-1s: want at least"}},
		{"content directory missing", map[string]string{"TELEGRAM_BOT_TOKEN": token, "CONTENT_DIR": "/no/such/dir"}, nil, []string{`CONTENT_DIR="/no/such/dir" is not a directory`}},
		{"redis without a session secret", map[string]string{"TELEGRAM_BOT_TOKEN": token, "REDIS_URL": "redis://:hunter2hunter2@127.0.0.1:6379/0"}, nil,
			[]string{"SESSION_SECRET is not set, and sessions in Redis need it"}},
		{"redis with a short session secret", map[string]string{"TELEGRAM_BOT_TOKEN": token, "SESSION_SECRET": "tooshortsecret", "REDIS_URL": "redis://127.0.0.1:6379/0"}, nil,
			[]string{"SESSION_SECRET is 14 bytes"}},
		{"two ways to reach redis", map[string]string{"TELEGRAM_BOT_TOKEN": token, "SESSION_SECRET": secret, "REDIS_URL": "redis://h:1", "REDIS_CLUSTER_ADDRS": "c:1"}, nil,
			[]string{"set only one of REDIS_URL"}},
		{"two ways to reach redis and a weak secret", map[string]string{"TELEGRAM_BOT_TOKEN": token, "SESSION_SECRET": strings.Repeat("s", 40), "REDIS_URL": "redis://h:1", "REDIS_CLUSTER_ADDRS": "c:1"}, nil,
			[]string{"set only one of REDIS_URL", "SESSION_SECRET is one character repeated"}},
		{"stats password without a stats redis", map[string]string{"TELEGRAM_BOT_TOKEN": token, "STATS_REDIS_PASSWORD": "hunter2hunter2"}, nil,
			[]string{"STATS_REDIS_PASSWORD is set but STATS_REDIS_URL is not"}},
		{"stats redis not a redis URL", map[string]string{"TELEGRAM_BOT_TOKEN": token, "STATS_REDIS_URL": "http://:hunter2hunter2@stats:6379"}, nil,
			[]string{`STATS_REDIS_URL has scheme "http"`}},
		{"stats redis by flag with the password twice", map[string]string{"TELEGRAM_BOT_TOKEN": token, "STATS_REDIS_PASSWORD": "hunter2hunter2"}, []string{"--stats-redis-url", "redis://:hunter2hunter2@stats:6379/0"},
			[]string{"the password is in both --stats-redis-url and STATS_REDIS_PASSWORD"}},
		{"redis flag reaches the store settings", map[string]string{"TELEGRAM_BOT_TOKEN": token, "SESSION_SECRET": secret}, []string{"--redis-sentinel-addrs", "s:26379"},
			[]string{"REDIS_SENTINEL_ADDRS is set but REDIS_SENTINEL_MASTER"}},
		{"log level", map[string]string{"TELEGRAM_BOT_TOKEN": token}, []string{"--log-level", "loud"}, []string{`LOG_LEVEL="loud"`}},
		{"log format", map[string]string{"TELEGRAM_BOT_TOKEN": token, "LOG_FORMAT": "xml"}, nil, []string{`LOG_FORMAT="xml": want json or text`}},
		{"several at once", map[string]string{"TELEGRAM_MODE": "push", "WORKERS": "many", "LOG_LEVEL": "loud"}, nil,
			[]string{"TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather, or set WEB_ADDR to run the web chat alone", `TELEGRAM_MODE="push"`, `WORKERS="many"`, `LOG_LEVEL="loud"`}},
		{"web chat alone with Telegram's settings", map[string]string{"WEB_ADDR": ":8081", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg"}, []string{"--mode", "webhook"},
			[]string{"--mode is set but TELEGRAM_BOT_TOKEN is not", "TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not"}},
		{"web settings without the web chat", map[string]string{"TELEGRAM_BOT_TOKEN": token, "WEB_FRAME_ANCESTORS": "https://www.fier.nl"}, []string{"--web-exit-url", "https://weer.example.nl/"},
			[]string{"WEB_FRAME_ANCESTORS is set but WEB_ADDR is not", "--web-exit-url is set but WEB_ADDR is not"}},
		{"web address without a port", map[string]string{"WEB_ADDR": "8081"}, nil, []string{`WEB_ADDR="8081": want host:port`}},
		{"web chat and admin on one port", map[string]string{"WEB_ADDR": ":9090", "ADMIN_ADDR": "127.0.0.1:9090"}, nil,
			[]string{`ADMIN_ADDR and WEB_ADDR are both ":9090": give the admin server an address of its own`}},
		{"web chat and webhook on one port", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_WEBHOOK_URL": "https://x.example/h", "LISTEN_ADDR": ":8080", "WEB_ADDR": "0.0.0.0:8080"}, nil,
			[]string{`WEB_ADDR and LISTEN_ADDR are both ":8080": give the web chat an address of its own`}},
		{"a partner that is no origin", map[string]string{"WEB_ADDR": ":8081"}, []string{"--web-frame-ancestors", "https://www.fier.nl/chat,fier.nl"},
			[]string{`--web-frame-ancestors: frame ancestor "https://www.fier.nl/chat" is not an origin such as https://www.example.nl`}},
		{"a plain http exit", map[string]string{"WEB_ADDR": ":8081", "WEB_EXIT_URL": "http://weer.example.nl/"}, nil,
			[]string{`WEB_EXIT_URL: exit URL "http://weer.example.nl/" must be https`}},
		{"a proxy that is no address", map[string]string{"WEB_ADDR": ":8081", "WEB_TRUSTED_PROXIES": "10.0.0.1,proxy.local"}, nil,
			[]string{`WEB_TRUSTED_PROXIES: "proxy.local" is no address or CIDR range`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readServeConfig(serveSettingsFor(t, tt.env, tt.args...))
			if err == nil {
				t.Fatalf("readServeConfig(%v, %q) = nil error, want %q", tt.env, tt.args, tt.want)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("readServeConfig(%v, %q) = %d lines %q, want %d", tt.env, tt.args, len(lines), lines, len(tt.want))
			}
			for i, want := range tt.want {
				if !strings.Contains(lines[i], want) {
					t.Errorf("readServeConfig(%v, %q) line %d = %q, want it to contain %q", tt.env, tt.args, i+1, lines[i], want)
				}
			}
			for _, secret := range []string{"hunter2hunter2", "tooshortsecret", token} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("readServeConfig(%v, %q) error repeats a secret: %q", tt.env, tt.args, err)
				}
			}
		})
	}
}

func TestServeConfigGood(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want serveConfig
	}{
		{"polling with defaults", map[string]string{"TELEGRAM_BOT_TOKEN": " t "}, nil,
			serveConfig{telegramConfig: telegramConfig{token: "t", listen: ":8080", pollTimeout: 50e9, workers: 16}, shutdown: 10e9, adminAddr: "127.0.0.1:9090"}},
		{"webhook from the URL alone", map[string]string{"TELEGRAM_BOT_TOKEN": "t", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg", "TELEGRAM_WEBHOOK_SECRET": " " + testWebhookSecret + "\n"}, nil,
			serveConfig{telegramConfig: telegramConfig{token: "t", webhookURL: "https://bot.example.org/tg", webhookSecret: testWebhookSecret, listen: ":8080", pollTimeout: 50e9, workers: 16}, shutdown: 10e9, adminAddr: "127.0.0.1:9090"}},
		{"a flag wins over the environment", map[string]string{"TELEGRAM_BOT_TOKEN": "t", "WORKERS": "4", "ADMIN_ADDR": ":9191"}, []string{"--workers", "8"},
			serveConfig{telegramConfig: telegramConfig{token: "t", listen: ":8080", pollTimeout: 50e9, workers: 8}, shutdown: 10e9, adminAddr: ":9191"}},
		{"an empty variable is unset", map[string]string{"TELEGRAM_BOT_TOKEN": "t", "TELEGRAM_WEBHOOK_URL": "", "LISTEN_ADDR": " "}, nil,
			serveConfig{telegramConfig: telegramConfig{token: "t", listen: ":8080", pollTimeout: 50e9, workers: 16}, shutdown: 10e9, adminAddr: "127.0.0.1:9090"}},
		{"the web chat alone", map[string]string{"WEB_ADDR": ":8081"}, nil,
			serveConfig{telegramConfig: telegramConfig{pollTimeout: 50e9, workers: 16}, shutdown: 10e9, adminAddr: "127.0.0.1:9090", web: webConfig{addr: ":8081", exitURL: "https://www.buienradar.nl/"}}},
		{"the web chat beside Telegram, for partners behind a proxy", map[string]string{"TELEGRAM_BOT_TOKEN": "t", "WEB_FRAME_ANCESTORS": "https://www.fier.nl, https://*.comensha.nl", "WEB_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8,::1"},
			[]string{"--web-addr", "127.0.0.1:8081", "--web-exit-url", "https://weer.example.nl/"},
			serveConfig{telegramConfig: telegramConfig{token: "t", listen: ":8080", pollTimeout: 50e9, workers: 16}, shutdown: 10e9, adminAddr: "127.0.0.1:9090", web: webConfig{
				addr: "127.0.0.1:8081", exitURL: "https://weer.example.nl/", ancestors: []string{"https://www.fier.nl", "https://*.comensha.nl"},
				proxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128")},
			}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readServeConfig(serveSettingsFor(t, tt.env, tt.args...))
			if err != nil {
				t.Fatalf("readServeConfig(%v, %q) = %v", tt.env, tt.args, err)
			}
			if got.store.Redis != nil {
				t.Errorf("readServeConfig(%v, %q) store = %+v, want sessions in memory", tt.env, tt.args, got.store)
			}
			got.store = storeConfig{}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("readServeConfig(%v, %q) = %+v, want %+v", tt.env, tt.args, got, tt.want)
			}
		})
	}
}

// TestSettingDefaults keeps the defaults the table shows for the store
// and log settings in step with those readStoreConfig and readLogConfig
// apply.
func TestSettingDefaults(t *testing.T) {
	def := map[string]string{}
	for _, s := range serveSettings {
		def[s.env] = s.def
	}
	if def["SESSION_IDLE"] != "30m" || store.DefaultIdle.String() != "30m0s" {
		t.Errorf("SESSION_IDLE shows default %q, store.DefaultIdle is %v", def["SESSION_IDLE"], store.DefaultIdle)
	}
	if def["REDIS_PREFIX"] != redisstore.DefaultPrefix {
		t.Errorf("REDIS_PREFIX shows default %q, redisstore.DefaultPrefix is %q", def["REDIS_PREFIX"], redisstore.DefaultPrefix)
	}
	lc, err := readLogConfig(func(string) string { return "" }, false)
	if err != nil {
		t.Fatal(err)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(def["LOG_LEVEL"])); err != nil || level != lc.Level {
		t.Errorf("LOG_LEVEL shows default %q, serve logs from %v", def["LOG_LEVEL"], lc.Level)
	}
	if (def["LOG_FORMAT"] == "text") != lc.Text {
		t.Errorf("LOG_FORMAT shows default %q, serve writes text = %v", def["LOG_FORMAT"], lc.Text)
	}
}

// TestSettingsTable checks each setting: a secret has no flag, and every
// other names its value in --help with a back-quoted word.
func TestSettingsTable(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range serveSettings {
		if seen[s.env] || (s.flag != "" && seen["--"+s.flag]) {
			t.Errorf("setting %s or --%s is listed twice", s.env, s.flag)
		}
		seen[s.env], seen["--"+s.flag] = true, true
		secret := strings.Contains(s.env, "TOKEN") || strings.Contains(s.env, "SECRET") || strings.Contains(s.env, "PASSWORD")
		if secret != s.secret() {
			t.Errorf("setting %s: secret() = %v, want %v: secrets come from the environment only", s.env, s.secret(), secret)
		}
		if !s.secret() && !s.boolean && !regexp.MustCompile("`[^`]+`").MatchString(s.usage) {
			t.Errorf("setting %s: usage %q names no value in back quotes", s.env, s.usage)
		}
	}
}

// TestServeHelp checks that serve --help lists every setting: each flag
// with its variable and default, and the secrets.
func TestServeHelp(t *testing.T) {
	code, out, errOut := runApp(t, "", nil, "serve", "--help")
	if code != 0 || errOut != "" {
		t.Fatalf("serve --help = %d, %q", code, errOut)
	}
	for _, s := range serveSettings {
		if !strings.Contains(out, s.env) {
			t.Errorf("serve --help does not mention %s", s.env)
		}
		if s.secret() {
			continue
		}
		if !strings.Contains(out, "  -"+s.flag+" ") && !strings.Contains(out, "  -"+s.flag+"\n") {
			t.Errorf("serve --help does not list -%s", s.flag)
		}
		if s.def != "" && s.def != "false" && !strings.Contains(out, "(default "+s.def+")") {
			t.Errorf("serve --help does not show the default of -%s, %s", s.flag, s.def)
		}
	}
}

// TestREADMESettings keeps the README's table of settings equal to the
// code's. go test ./cmd/signaalbot -run TestREADMESettings -update
// rewrites it.
func TestREADMESettings(t *testing.T) {
	const begin, end = "<!-- settings: made by `go test ./cmd/signaalbot -update` from serveSettings -->\n", "<!-- /settings -->\n"
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(raw, []byte(begin)), bytes.Index(raw, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md has no settings table between %q and %q", strings.TrimSpace(begin), strings.TrimSpace(end))
	}
	var table bytes.Buffer
	settingsTable(&table, serveSettings)
	got := raw[i+len(begin) : j]
	if bytes.Equal(got, table.Bytes()) {
		return
	}
	if *update {
		out := append(append(append([]byte{}, raw[:i+len(begin)]...), table.Bytes()...), raw[j:]...)
		if err := os.WriteFile("../../README.md", out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md settings table differs from serveSettings; run go test ./cmd/signaalbot -run TestREADMESettings -update\ngot:\n%s\nwant:\n%s", got, table.Bytes())
}
