package redisstore

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
)

// Config says how to reach Redis: exactly one of URL (one server),
// SentinelAddrs with MasterName (Sentinel), or ClusterAddrs (Cluster).
// It is a plain struct: the command that wires the store fills it from
// wherever its operators configure things (signaalbot: the environment
// and its flags), so this package never reads the environment itself.
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
	// Prefix starts every key; DefaultPrefix when empty.
	Prefix string
}

// A ConfigError is a mistake in a Config. Its message names the fields at
// fault as Config spells them (URL, Password, ...), which is not how an
// operator knows them: a command that fills Config from environment
// variables or flags calls Name to have the message use those names
// instead. No ConfigError holds a password or a URL, since start-up errors
// end up in logs.
type ConfigError struct {
	// Fields are the names of the Config fields the message is about, in
	// the order it mentions them.
	Fields []string
	// format holds %[1]s to %[n]s for the n Fields, then verbs for args.
	format string
	args   []any
}

func configError(fields []string, format string, args ...any) *ConfigError {
	return &ConfigError{Fields: fields, format: format, args: args}
}

func (e *ConfigError) Error() string { return e.Name(nil) }

// Name returns the message with every field called name(field). Where name
// is nil or returns "", the field keeps its name in Config.
func (e *ConfigError) Name(name func(field string) string) string {
	a := make([]any, 0, len(e.Fields)+len(e.args))
	for _, f := range e.Fields {
		if name != nil {
			if n := name(f); n != "" {
				f = n
			}
		}
		a = append(a, f)
	}
	return fmt.Sprintf(e.format, append(a, e.args...)...)
}

// Validate checks that c names exactly one way to reach Redis and that it
// is well-formed. Its errors are *ConfigError.
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
		return configError([]string{"URL", "SentinelAddrs", "ClusterAddrs"},
			"no Redis configured: set %[1]s, %[2]s or %[3]s")
	case modes > 1:
		return configError([]string{"URL", "SentinelAddrs", "MasterName", "ClusterAddrs"},
			"set only one of %[1]s, %[2]s (with %[3]s) and %[4]s")
	}
	if c.Prefix != "" {
		if err := checkPrefix(c.Prefix); err != nil {
			return configError([]string{"Prefix"}, "%[1]s: %[2]v", err)
		}
	}
	switch {
	case c.URL != "":
		if c.TLS {
			return configError([]string{"TLS", "URL"}, "%[1]s is for Sentinel and Cluster; with %[2]s use rediss:// for TLS")
		}
		u, err := parseURL(c.URL)
		if err != nil {
			return err
		}
		if u.Password != "" && c.Password != "" {
			return configError([]string{"URL", "Password"}, "the password is in both %[1]s and %[2]s: keep one")
		}
		if u.Username != "" && c.Username != "" {
			return configError([]string{"URL", "Username"}, "the user is in both %[1]s and %[2]s: keep one")
		}
	case len(c.ClusterAddrs) > 0:
		return checkAddrs("ClusterAddrs", c.ClusterAddrs)
	default:
		if c.MasterName == "" {
			return configError([]string{"SentinelAddrs", "MasterName"}, "%[1]s is set but %[2]s, the name of the master, is not")
		}
		if len(c.SentinelAddrs) == 0 {
			return configError([]string{"MasterName", "SentinelAddrs"}, "%[1]s is set but %[2]s, the sentinels, is not")
		}
		return checkAddrs("SentinelAddrs", c.SentinelAddrs)
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
	const want = "redis://[user:password@]host:port[/db], or rediss:// for TLS"
	u, err := url.Parse(raw)
	if err != nil {
		return nil, configError([]string{"URL"}, "%[1]s is not a URL; want %[2]s", want)
	}
	if u.Scheme != "redis" && u.Scheme != "rediss" {
		return nil, configError([]string{"URL"}, "%[1]s has scheme %[2]q; want redis:// or rediss:// (TLS)", u.Scheme)
	}
	o, err := redis.ParseURL(raw)
	if err != nil {
		// go-redis errors name the part at fault, not the whole URL, but
		// they may quote a query value: say only what is wrong in general.
		return nil, configError([]string{"URL"}, "%[1]s is not a valid Redis URL; want %[2]s", want)
	}
	return o, nil
}

// checkAddrs checks the addresses in the Config field named field.
func checkAddrs(field string, addrs []string) error {
	for _, a := range addrs {
		host, port, err := net.SplitHostPort(a)
		if err != nil || host == "" {
			return configError([]string{field}, "%[1]s: %[2]q is not host:port", a)
		}
		if p, err := strconv.Atoi(port); err != nil || p <= 0 || p > 65535 {
			return configError([]string{field}, "%[1]s: %[2]q has no valid port", a)
		}
	}
	return nil
}
