package redisstore

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
)

// Config says how to reach Redis: exactly one of URL (one server),
// SentinelAddrs with MasterName (Sentinel), or ClusterAddrs (Cluster).
type Config struct {
	// URL is redis://[user:password@]host:port[/db], or rediss:// for TLS.
	URL string
	// SentinelAddrs are host:port of the sentinels that know MasterName.
	SentinelAddrs []string
	MasterName    string
	// ClusterAddrs are host:port of some nodes of a cluster; the client
	// learns the rest from them.
	ClusterAddrs []string
	// Username and Password authenticate to Redis (not to the sentinels).
	// With URL they may be given in the URL instead, but not in both places.
	Username string
	Password string
	// TLS turns on TLS for Sentinel and Cluster; a URL says it with rediss://.
	TLS bool
	// Idle is how long a session is kept after its last Save;
	// store.DefaultIdle when zero.
	Idle time.Duration
	// Prefix starts every key; DefaultPrefix when empty.
	Prefix string
}

// ConfigFromEnv reads the Redis configuration from the environment through
// getenv (os.Getenv in main). It returns ok=false, and no error, when no
// Redis is configured: the bot then keeps sessions in memory, and only
// Idle (from SESSION_IDLE) of the returned Config is set.
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
//
// Exactly one of REDIS_URL, REDIS_SENTINEL_ADDRS and REDIS_CLUSTER_ADDRS may
// be set. With Redis the bot also needs SESSION_SECRET; see RequireSecret.
// Errors name the variable at fault and never repeat a password.
func ConfigFromEnv(getenv func(string) string) (Config, bool, error) {
	env := func(name string) string { return strings.TrimSpace(getenv(name)) }
	cfg := Config{
		URL:           env("REDIS_URL"),
		SentinelAddrs: splitAddrs(env("REDIS_SENTINEL_ADDRS")),
		MasterName:    env("REDIS_SENTINEL_MASTER"),
		ClusterAddrs:  splitAddrs(env("REDIS_CLUSTER_ADDRS")),
		Username:      env("REDIS_USERNAME"),
		Password:      getenv("REDIS_PASSWORD"), // spaces may be part of it
		Prefix:        env("REDIS_PREFIX"),
	}
	switch v := strings.ToLower(env("REDIS_TLS")); v {
	case "", "0", "false", "no":
	case "1", "true", "yes":
		cfg.TLS = true
	default:
		return Config{}, false, fmt.Errorf("REDIS_TLS=%q: want 1 or 0", v)
	}
	if v := env("SESSION_IDLE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return Config{}, false, fmt.Errorf("SESSION_IDLE=%q: want a positive duration such as 30m", v)
		}
		cfg.Idle = d
	}
	if cfg.URL == "" && len(cfg.SentinelAddrs) == 0 && cfg.MasterName == "" && len(cfg.ClusterAddrs) == 0 {
		// A password without an address is a half-done set-up; saying so
		// beats silently keeping sessions in memory.
		for _, name := range []string{"REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_PREFIX"} {
			if getenv(name) != "" {
				return Config{}, false, fmt.Errorf("%s is set but no Redis is: set REDIS_URL, REDIS_SENTINEL_ADDRS or REDIS_CLUSTER_ADDRS", name)
			}
		}
		if cfg.TLS {
			return Config{}, false, errors.New("REDIS_TLS is set but no Redis is: set REDIS_SENTINEL_ADDRS or REDIS_CLUSTER_ADDRS")
		}
		// Idle applies to the memory store as well.
		return Config{Idle: cfg.Idle}, false, nil
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, false, err
	}
	return cfg, true, nil
}

// Validate checks that cfg names exactly one way to reach Redis and that
// it is well-formed. Its errors use the names of the environment variables,
// which is where a wrong value comes from.
func (c Config) Validate() error {
	modes := 0
	if c.URL != "" {
		modes++
	}
	if len(c.SentinelAddrs) > 0 || c.MasterName != "" {
		modes++
	}
	if len(c.ClusterAddrs) > 0 {
		modes++
	}
	switch {
	case modes == 0:
		return errors.New("no Redis configured: set REDIS_URL, REDIS_SENTINEL_ADDRS or REDIS_CLUSTER_ADDRS")
	case modes > 1:
		return errors.New("set only one of REDIS_URL, REDIS_SENTINEL_ADDRS (with REDIS_SENTINEL_MASTER) and REDIS_CLUSTER_ADDRS")
	}
	if c.Idle < 0 {
		return fmt.Errorf("SESSION_IDLE=%v: want a positive duration", c.Idle)
	}
	if c.Prefix != "" {
		if err := checkPrefix(c.Prefix); err != nil {
			return fmt.Errorf("REDIS_PREFIX: %w", err)
		}
	}
	switch {
	case c.URL != "":
		if c.TLS {
			return errors.New("REDIS_TLS is for Sentinel and Cluster; with REDIS_URL use rediss:// for TLS")
		}
		u, err := parseURL(c.URL)
		if err != nil {
			return err
		}
		if u.Password != "" && c.Password != "" {
			return errors.New("the password is in both REDIS_URL and REDIS_PASSWORD: keep one")
		}
		if u.Username != "" && c.Username != "" {
			return errors.New("the user is in both REDIS_URL and REDIS_USERNAME: keep one")
		}
	case len(c.ClusterAddrs) > 0:
		return checkAddrs("REDIS_CLUSTER_ADDRS", c.ClusterAddrs)
	default:
		if c.MasterName == "" {
			return errors.New("REDIS_SENTINEL_ADDRS is set but REDIS_SENTINEL_MASTER, the name of the master, is not")
		}
		if len(c.SentinelAddrs) == 0 {
			return errors.New("REDIS_SENTINEL_MASTER is set but REDIS_SENTINEL_ADDRS, the sentinels, is not")
		}
		return checkAddrs("REDIS_SENTINEL_ADDRS", c.SentinelAddrs)
	}
	return nil
}

// The client fails fast rather than waits: a user in a difficult moment
// must get an answer within a second, and "try again in a moment" with the
// helplines is a better answer than none. Dial, read and write each get
// 250 ms; a Load or Save is further bounded by the store (DefaultTimeout).
//
// Commands are not retried by the client. Load records the update id with
// ZADD NX: if that ran but its answer was lost, a retry would see the id and
// report the update as a duplicate, and it would never be handled. The
// caller's own retry, a redelivery, is the safer one. Reconnecting needs no
// retries: the pool drops dead connections and dials again when Redis is
// back.
const (
	dialTimeout  = 250 * time.Millisecond
	readTimeout  = 250 * time.Millisecond
	writeTimeout = 250 * time.Millisecond
	poolTimeout  = 300 * time.Millisecond
	noRetries    = -1 // go-redis: -1 disables retries, 0 means the default 3
	dialAttempts = 1
)

// NewClient returns a client for cfg with the bounded time-outs the store
// needs. It does not connect; Store.Ping does. The caller closes it.
func NewClient(cfg Config) (redis.UniversalClient, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	var tlsConfig *tls.Config
	if cfg.TLS {
		tlsConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	if cfg.URL != "" {
		o, err := parseURL(cfg.URL)
		if err != nil {
			return nil, err
		}
		if cfg.Password != "" {
			o.Password = cfg.Password
		}
		if cfg.Username != "" {
			o.Username = cfg.Username
		}
		o.DialTimeout, o.ReadTimeout, o.WriteTimeout, o.PoolTimeout = dialTimeout, readTimeout, writeTimeout, poolTimeout
		o.MaxRetries, o.DialerRetries = noRetries, dialAttempts
		o.ContextTimeoutEnabled = true
		o.DisableIdentity = true
		o.MaintNotificationsConfig = noMaintNotifications()
		return redis.NewClient(o), nil
	}
	// Sentinel and Cluster share every setting but the addresses, so they
	// are written once, as universal options, and converted.
	u := &redis.UniversalOptions{
		MasterName:            cfg.MasterName,
		Username:              cfg.Username,
		Password:              cfg.Password,
		TLSConfig:             tlsConfig,
		DialTimeout:           dialTimeout,
		ReadTimeout:           readTimeout,
		WriteTimeout:          writeTimeout,
		PoolTimeout:           poolTimeout,
		MaxRetries:            noRetries,
		DialerRetries:         dialAttempts,
		ContextTimeoutEnabled: true,
		DisableIdentity:       true,
	}
	if len(cfg.ClusterAddrs) > 0 {
		u.Addrs = cfg.ClusterAddrs
		o := u.Cluster()
		o.MaintNotificationsConfig = noMaintNotifications()
		return redis.NewClusterClient(o), nil
	}
	u.Addrs = cfg.SentinelAddrs
	return redis.NewFailoverClient(u.Failover()), nil
}

// noMaintNotifications turns off go-redis's maintenance notifications, a
// Redis Enterprise feature. Each new connection would otherwise ask for them
// (and with plain Redis be refused), a round trip that buys nothing;
// DisableIdentity saves the CLIENT SETINFO round trip likewise.
func noMaintNotifications() *maintnotifications.Config {
	return &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}
}

// Options returns the store options that cfg implies, for New.
func (c Config) Options() []Option {
	if c.Prefix == "" {
		return nil
	}
	return []Option{WithPrefix(c.Prefix)}
}

// parseURL parses a redis:// or rediss:// URL. Its errors never contain
// the URL, which may hold a password.
func parseURL(raw string) (*redis.Options, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, errors.New("REDIS_URL is not a URL; want redis://[user:password@]host:port[/db] or rediss://...")
	}
	if u.Scheme != "redis" && u.Scheme != "rediss" {
		return nil, fmt.Errorf("REDIS_URL has scheme %q; want redis:// or rediss:// (TLS)", u.Scheme)
	}
	o, err := redis.ParseURL(raw)
	if err != nil {
		// go-redis errors name the part at fault, not the whole URL, but
		// they may quote a query value: say only what is wrong in general.
		return nil, errors.New("REDIS_URL is not a valid Redis URL; want redis://[user:password@]host:port[/db] or rediss://...")
	}
	return o, nil
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

func checkAddrs(name string, addrs []string) error {
	for _, a := range addrs {
		host, port, err := net.SplitHostPort(a)
		if err != nil || host == "" {
			return fmt.Errorf("%s: %q is not host:port", name, a)
		}
		if p, err := strconv.Atoi(port); err != nil || p <= 0 || p > 65535 {
			return fmt.Errorf("%s: %q has no valid port", name, a)
		}
	}
	return nil
}

// MinSecretLen is the shortest SESSION_SECRET accepted with Redis: 32
// bytes, the size of the HMAC-SHA256 key that makes keys unguessable.
const MinSecretLen = 32

// RequireSecret checks SESSION_SECRET before the bot starts with Redis.
// Without a secret, store.NewKeyer draws a random one per process: each bot
// instance would then derive other keys, so instances would not share
// sessions and a restart would lose them all. A short secret would let
// someone with the Redis data try chat ids until the keys match. The error
// says how to make a good one; it never repeats the secret.
func RequireSecret(secret string) error {
	const how = "make one with `openssl rand -hex 32`, give every bot instance the same value, and keep it secret " +
		"(changing it starts every conversation over)"
	switch {
	case secret == "":
		return errors.New("SESSION_SECRET is not set, and sessions in Redis need it: their keys are an HMAC of the chat id under it; " + how)
	case len(secret) < MinSecretLen:
		return fmt.Errorf("SESSION_SECRET is %d bytes, fewer than the %d needed to keep chat ids from being guessed from the keys in Redis; %s",
			len(secret), MinSecretLen, how)
	}
	return nil
}
