package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"signaal/bot/web"
)

// setting is one value an operator configures: an environment variable
// and, unless it is a secret, a flag of the same meaning. A flag wins
// over the environment, and the environment over the default. The table
// below is the one list of them: --help, the README's table and the
// checks of compose.yaml are all made from it or tested against it.
type setting struct {
	env  string
	flag string // "" for a secret (see secret)
	// def is the default as --help and the README show it. For the
	// settings read by readStoreConfig and readLogConfig it only
	// describes the default those apply (a test keeps the two in step).
	def string
	// usage says what the setting does. Its back-quoted word names the
	// value in --help ("-listen address"), as the flag package does.
	usage string
	// boolean flags need no value: --redis-tls means --redis-tls=true.
	boolean bool
}

// secret reports whether the setting is read from the environment only:
// a flag would show in the process list and in shell histories.
func (s setting) secret() bool { return s.flag == "" }

// adminAddrSetting is shared by serve, healthcheck and stats, so that
// the two helpers find the server serve started with the same
// environment.
var adminAddrSetting = setting{
	env: "ADMIN_ADDR", flag: "admin-addr", def: "127.0.0.1:9090",
	usage: "`address` of the admin server: /healthz, /readyz, /metrics, /stats (in every mode)",
}

// serveSettings are the settings of signaalbot serve, in the order --help
// and the README list them.
var serveSettings = []setting{
	{env: "TELEGRAM_BOT_TOKEN", usage: "the bot's token from @BotFather; required unless WEB_ADDR is set, for the web chat alone"},
	{env: "TELEGRAM_MODE", flag: "mode", usage: "how updates come in, a `mode`: polling or webhook; without it, webhook when TELEGRAM_WEBHOOK_URL is set, else polling"},
	{env: "TELEGRAM_WEBHOOK_URL", flag: "webhook-url", usage: "public HTTPS `URL` Telegram posts updates to (webhook mode)"},
	{env: "TELEGRAM_WEBHOOK_SECRET", usage: "secret Telegram sends with each webhook request, random (openssl rand -hex 32); the same on every instance (webhook mode; default: random per process)"},
	{env: "LISTEN_ADDR", flag: "listen", def: ":8080", usage: "`address` the webhook is served on (webhook mode)"},
	{env: "TELEGRAM_API_ENDPOINT", flag: "api-endpoint", usage: "Bot API `URL` with two %s, for the token and the method, such as http://127.0.0.1:8081/bot%s/%s for a self-hosted Bot API server (default: the public API)"},
	{env: "TELEGRAM_POLL_TIMEOUT", flag: "poll-timeout", def: "50s", usage: "how long one getUpdates call waits for updates (polling mode), a `duration`"},
	{env: "WORKERS", flag: "workers", def: "16", usage: "`number` of updates handled at once (different chats; one chat is always handled in order)"},
	{env: "SHUTDOWN_TIMEOUT", flag: "shutdown-timeout", def: "10s", usage: "how long to go on handling and sending after SIGTERM, a `duration`"},
	{env: "WEB_ADDR", flag: "web-addr", usage: "`address` the web chat (a page and its API) is served on, such as :8081, behind an HTTPS reverse proxy (default: no web chat)"},
	{env: "WEB_FRAME_ANCESTORS", flag: "web-frame-ancestors", usage: "partner sites that may show the web chat in a frame, comma-separated `origins` such as https://www.fier.nl (default: none; the chat opens only as a page of its own)"},
	{env: "WEB_EXIT_URL", flag: "web-exit-url", def: web.DefaultExitURL, usage: "neutral page the web chat's quick exit replaces it with, an https `URL`"},
	{env: "WEB_TRUSTED_PROXIES", flag: "web-trusted-proxies", usage: "reverse proxies whose X-Forwarded-For names the client, for the web chat's flood limits: comma-separated `addresses` or CIDR ranges, such as 127.0.0.1,10.0.0.0/8 (default: none; each request counts for the address it comes from)"},
	adminAddrSetting,
	{env: "CONTENT_DIR", flag: "content", usage: "content `directory` to use instead of the embedded content"},
	{env: "MODEL_CACHE", flag: "model-cache", usage: "`directory` the trained understanding is kept in, so that the next start on the same content, of this build or another with the same training, skips the training; off to train at every start; it must be writable by the bot's user alone, as what it holds decides what the bot understands (default: signaal in the user's cache directory, such as ~/.cache/signaal, when there is one)"},
	{env: "SESSION_SECRET", usage: "HMAC secret for session keys, at least 32 bytes and random (openssl rand -hex 32); required with Redis, the same on every instance"},
	{env: "SESSION_IDLE", flag: "session-idle", def: "30m", usage: "how long a quiet conversation is kept, a `duration`"},
	{env: "EXIT_JOURNAL", flag: "exit-journal", usage: "`file` that keeps the quick exits the session store could not carry out yet across a restart, each a session key (an HMAC) and a time; one per instance, on a writable path: in a read-only container, a volume (default: kept in memory only)"},
	{env: "REDIS_URL", flag: "redis-url", usage: "one Redis server, a `URL`: redis://[user:password@]host:6379/0, or rediss:// for TLS (default: sessions in memory)"},
	{env: "REDIS_SENTINEL_ADDRS", flag: "redis-sentinel-addrs", usage: "Redis Sentinel: comma-separated host:port of the sentinels (`addresses`)"},
	{env: "REDIS_SENTINEL_MASTER", flag: "redis-sentinel-master", usage: "Redis Sentinel: the `name` of the master"},
	{env: "REDIS_CLUSTER_ADDRS", flag: "redis-cluster-addrs", usage: "Redis Cluster: comma-separated host:port of some nodes (`addresses`)"},
	{env: "REDIS_USERNAME", flag: "redis-username", usage: "Redis ACL `user`, when not in REDIS_URL"},
	{env: "REDIS_PASSWORD", usage: "Redis password, when not in REDIS_URL"},
	{env: "REDIS_TLS", flag: "redis-tls", boolean: true, usage: "TLS to Redis Sentinel or Cluster (REDIS_URL says it with rediss://)"},
	{env: "REDIS_PREFIX", flag: "redis-prefix", def: "sg", usage: "start of every Redis key, a `prefix`"},
	{env: "STATS_REDIS_URL", flag: "stats-redis-url", usage: "a Redis of their own for the daily totals, a `URL` like REDIS_URL's: one that keeps them on disk, while the sessions' Redis need keep nothing (default: the sessions' Redis, or memory)"},
	{env: "STATS_REDIS_PASSWORD", usage: "password of the daily totals' Redis, when not in STATS_REDIS_URL"},
	{env: "LOG_LEVEL", flag: "log-level", def: "info", usage: "least severe `level` written: debug, info, warn or error"},
	{env: "LOG_FORMAT", flag: "log-format", def: "json", usage: "log `format`: json (one object a line, for a log collector) or text"},
}

// settings holds the flags of a command's settings after parsing, and
// looks each value up with the right precedence.
type settings struct {
	list   []setting
	flags  map[string]*settingFlag // by variable name
	getenv func(string) string
}

// settingFlag is the flag.Value of one setting. It remembers whether the
// flag was given, so that an unset flag never hides the environment.
type settingFlag struct {
	s     setting
	value string
	set   bool
}

func (f *settingFlag) String() string {
	if f == nil {
		return ""
	}
	return f.value
}

func (f *settingFlag) Set(v string) error {
	f.value, f.set = v, true
	return nil
}

func (f *settingFlag) IsBoolFlag() bool { return f.s.boolean }

// bindSettings defines a flag on fs for each setting of list that has one.
func (a *app) bindSettings(fs *flag.FlagSet, list []setting) *settings {
	s := &settings{list: list, flags: map[string]*settingFlag{}, getenv: a.getenv}
	for _, st := range list {
		if st.secret() {
			continue
		}
		f := &settingFlag{s: st, value: st.def}
		s.flags[st.env] = f
		fs.Var(f, st.flag, st.usage+"; env "+st.env)
	}
	return s
}

// lookup returns what the operator set for the variable name: the flag
// when given, else the environment, else "". Defaults are not applied:
// readStoreConfig and readLogConfig, which take lookup for getenv, apply
// their own.
func (s *settings) lookup(name string) string {
	if f := s.flags[name]; f != nil && f.set {
		return f.value
	}
	return s.getenv(name)
}

// get returns the value of a setting, trimmed, with its default applied.
func (s *settings) get(name string) string {
	if v := strings.TrimSpace(s.lookup(name)); v != "" {
		return v
	}
	for _, st := range s.list {
		if st.env == name {
			return st.def
		}
	}
	return ""
}

// given reports whether the operator set the variable, by flag or
// environment.
func (s *settings) given(name string) bool { return strings.TrimSpace(s.lookup(name)) != "" }

// flagValue returns the flag's value when the flag was given, else "".
func (s *settings) flagValue(name string) string {
	if f := s.flags[name]; f != nil && f.set {
		return f.value
	}
	return ""
}

// where names a setting the way the operator gave it, for an error: the
// flag when it was given, else the variable.
func (s *settings) where(name string) string {
	if f := s.flags[name]; f != nil && f.set {
		return "--" + f.s.flag
	}
	return name
}

// how names a setting for advice on setting it: the variable and, when
// it has one, the flag.
func (s *settings) how(name string) string {
	if f := s.flags[name]; f != nil {
		return name + " (--" + f.s.flag + ")"
	}
	return name
}

// printSecrets lists the settings that come from the environment only,
// after the flags in --help.
func printSecrets(w io.Writer, list []setting) {
	fmt.Fprint(w, "\nsecrets, from the environment only (a flag would show in the process list):\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, st := range list {
		if st.secret() {
			fmt.Fprintf(tw, "  %s\t%s\n", st.env, st.usage)
		}
	}
	tw.Flush()
}

// settingsTable writes the settings as the Markdown table of the README.
func settingsTable(w io.Writer, list []setting) {
	fmt.Fprint(w, "| variable | flag | default | meaning |\n| --- | --- | --- | --- |\n")
	for _, st := range list {
		flag, def := "—", ""
		if !st.secret() {
			flag = "`--" + st.flag + "`"
		}
		if st.def != "" {
			def = "`" + st.def + "`"
		}
		// The back quotes that name a value in --help mean nothing here.
		usage := strings.NewReplacer("`", "", "|", "\\|").Replace(st.usage)
		fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", st.env, flag, def, usage)
	}
}
