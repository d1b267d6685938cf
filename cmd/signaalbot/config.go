package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"signaal/store"
	"signaal/store/redisstore"
)

// The environment is read here and in the subcommands of this package
// only: the packages it wires get plain values and structs, so that they
// can be used and tested without faking an environment.

// storeConfig says where sessions are kept and for how long.
type storeConfig struct {
	// Idle is how long a quiet session is kept (SESSION_IDLE). It applies
	// to the memory store and to Redis alike.
	Idle time.Duration
	// Secret is the HMAC key that turns chat ids into store keys
	// (SESSION_SECRET). Empty means a random one per process, which only
	// the memory store can live with.
	Secret string
	// ExitJournal is the file that keeps quick exits the store could not
	// carry out yet across restarts (EXIT_JOURNAL); "" keeps them in
	// memory only.
	ExitJournal string
	// Redis says how to reach Redis; nil keeps sessions in memory.
	Redis *redisstore.Config
	// urlFromFlag says that Redis.URL came from --redis-url, so that an
	// error about it names the flag rather than REDIS_URL.
	urlFromFlag bool
	// noAutoPipeline sends every Redis command on its own, for a load run
	// that shows what batching them is worth.
	noAutoPipeline bool
}

// redisEnv names the environment variable behind each redisstore.Config
// field, so that an error from redisstore.Config.Validate names what the
// operator has to change.
var redisEnv = map[string]string{
	"URL":           "REDIS_URL",
	"SentinelAddrs": "REDIS_SENTINEL_ADDRS",
	"MasterName":    "REDIS_SENTINEL_MASTER",
	"ClusterAddrs":  "REDIS_CLUSTER_ADDRS",
	"Username":      "REDIS_USERNAME",
	"Password":      "REDIS_PASSWORD",
	"TLS":           "REDIS_TLS",
	"Prefix":        "REDIS_PREFIX",
}

// readStoreConfig reads the session settings through getenv (os.Getenv in
// main). redisURL comes from --redis-url: a flag wins over the
// environment, so when it is set REDIS_URL, REDIS_SENTINEL_ADDRS,
// REDIS_SENTINEL_MASTER and REDIS_CLUSTER_ADDRS are ignored.
//
// The variables, all optional:
//
//	REDIS_URL              redis://[user:password@]host:port[/db] for one server;
//	                       rediss://... for TLS
//	REDIS_SENTINEL_ADDRS   host:port,host:port of the sentinels, with
//	REDIS_SENTINEL_MASTER  the name of the master they watch
//	REDIS_CLUSTER_ADDRS    host:port,host:port of some cluster nodes
//	REDIS_USERNAME         ACL user, if not in REDIS_URL
//	REDIS_PASSWORD         password, if not in REDIS_URL (keeps it out of
//	                       process listings that show a URL)
//	REDIS_TLS              "1" or "true": TLS for Sentinel or Cluster
//	REDIS_PREFIX           start of every key, default "sg"
//	SESSION_IDLE           how long a quiet conversation is kept, e.g. "30m"
//	EXIT_JOURNAL           file keeping quick exits not carried out yet
//	SESSION_SECRET         HMAC secret for the keys; required with Redis
//
// Exactly one way to reach Redis may be set; none keeps sessions in memory.
// Errors name the variable (or flag) at fault and never repeat a password.
// SESSION_SECRET is read, not checked: checkSessionSecret does that.
func readStoreConfig(getenv func(string) string, redisURL string) (storeConfig, error) {
	env := func(name string) string { return strings.TrimSpace(getenv(name)) }
	cfg := storeConfig{Idle: store.DefaultIdle, Secret: getenv("SESSION_SECRET"), ExitJournal: env("EXIT_JOURNAL")}
	if v := env("SESSION_IDLE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return storeConfig{}, fmt.Errorf("SESSION_IDLE=%q: want a positive duration such as 30m", v)
		}
		cfg.Idle = d
	}
	r := redisstore.Config{
		URL:           env("REDIS_URL"),
		SentinelAddrs: splitAddrs(env("REDIS_SENTINEL_ADDRS")),
		MasterName:    env("REDIS_SENTINEL_MASTER"),
		ClusterAddrs:  splitAddrs(env("REDIS_CLUSTER_ADDRS")),
		Username:      env("REDIS_USERNAME"),
		Password:      getenv("REDIS_PASSWORD"), // spaces may be part of it
		Prefix:        env("REDIS_PREFIX"),
	}
	if u := strings.TrimSpace(redisURL); u != "" {
		r.URL, r.SentinelAddrs, r.MasterName, r.ClusterAddrs = u, nil, "", nil
		cfg.urlFromFlag = true
	}
	switch v := strings.ToLower(env("REDIS_TLS")); v {
	case "", "0", "false", "no":
	case "1", "true", "yes":
		r.TLS = true
	default:
		return storeConfig{}, fmt.Errorf("REDIS_TLS=%q: want 1 or 0", v)
	}
	if r.URL == "" && len(r.SentinelAddrs) == 0 && r.MasterName == "" && len(r.ClusterAddrs) == 0 {
		// A password without an address is a half-done set-up; saying so
		// beats silently keeping sessions in memory.
		for _, name := range []string{"REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_PREFIX"} {
			if getenv(name) != "" {
				return storeConfig{}, fmt.Errorf("%s is set but no Redis is: set REDIS_URL, REDIS_SENTINEL_ADDRS or REDIS_CLUSTER_ADDRS", name)
			}
		}
		if r.TLS {
			return storeConfig{}, errors.New("REDIS_TLS is set but no Redis is: set REDIS_SENTINEL_ADDRS or REDIS_CLUSTER_ADDRS")
		}
		return cfg, nil
	}
	if err := r.Validate(); err != nil {
		return storeConfig{}, cfg.nameFields(err)
	}
	cfg.Redis = &r
	return cfg, nil
}

// nameFields rewrites a redisstore configuration error, which names the
// fields of redisstore.Config, with the names of the variables or the flag
// they came from. Other errors pass unchanged.
func (c storeConfig) nameFields(err error) error {
	var cerr *redisstore.ConfigError
	if !errors.As(err, &cerr) {
		return err
	}
	return errors.New(cerr.Name(func(field string) string {
		if field == "URL" && c.urlFromFlag {
			return "--redis-url"
		}
		return redisEnv[field]
	}))
}

func splitAddrs(s string) []string {
	var addrs []string
	for a := range strings.SplitSeq(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			addrs = append(addrs, a)
		}
	}
	return addrs
}

// logConfig says how the process logs.
type logConfig struct {
	// Level is the least severe level written.
	Level slog.Level
	// Text writes lines for a person to read instead of JSON.
	Text bool
}

// readLogConfig reads LOG_LEVEL (debug, info, warn, error) and LOG_FORMAT
// (json, text). A server logs JSON lines from info up, for a log
// collector. In the terminal the log shares the screen with the
// conversation, so it is quiet (warnings and errors only) and written as
// plain text; a LOG_LEVEL or LOG_FORMAT set explicitly still applies
// there, for someone who wants to see what the bot does.
func readLogConfig(getenv func(string) string, terminal bool) (logConfig, error) {
	cfg := logConfig{Level: slog.LevelInfo, Text: terminal}
	if terminal {
		cfg.Level = slog.LevelWarn
	}
	if v := strings.TrimSpace(getenv("LOG_LEVEL")); v != "" {
		if err := cfg.Level.UnmarshalText([]byte(v)); err != nil {
			return logConfig{}, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", v)
		}
	}
	switch v := strings.TrimSpace(getenv("LOG_FORMAT")); strings.ToLower(v) {
	case "":
	case "json":
		cfg.Text = false
	case "text":
		cfg.Text = true
	default:
		return logConfig{}, fmt.Errorf("LOG_FORMAT=%q: want json or text", v)
	}
	return cfg, nil
}

// logger returns a logger writing to w, which is standard error: standard
// output belongs to the conversation (and to scripts reading chat --json).
// Nothing logged anywhere carries a chat id or a message text: the
// dispatcher logs only store keys, which are HMACs.
func (c logConfig) logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.Level}
	if c.Text {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}
