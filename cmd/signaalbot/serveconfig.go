package main

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"signaal/bot/telegram"
	"signaal/bot/web"
	"signaal/store/redisstore"
)

// serveConfig is everything serve needs, checked.
type serveConfig struct {
	telegramConfig
	shutdown   time.Duration
	adminAddr  string
	contentDir string
	modelCache string
	store      storeConfig
	log        logConfig
	// statsRedis is the Redis of the daily totals; nil keeps them with
	// the sessions.
	statsRedis *redisstore.Config
	// web is the web chat's; its addr is "" when there is none.
	web webConfig
}

// main is the configuration the bot is wired from.
func (c serveConfig) main() mainConfig {
	return mainConfig{
		ContentDir: c.contentDir,
		ModelCache: c.modelCache,
		Store:      c.store,
		Log:        c.log,
		StatsRedis: c.statsRedis,
		Telegram:   c.telegramConfig,
		Web:        c.web,
		Shutdown:   c.shutdown,
	}
}

// webConfig is the web chat's part of serveConfig.
type webConfig struct {
	addr      string
	ancestors []string
	exitURL   string
	proxies   []netip.Prefix
}

// readServeConfig reads and checks serve's settings. It reports every
// problem at once, one line each, naming the variable or flag to change,
// so that an operator fixes a deployment in one go rather than one
// restart per mistake. No line repeats a secret.
func readServeConfig(set *settings) (serveConfig, error) {
	var (
		cfg  serveConfig
		errs []error
	)
	problem := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	duration := func(name string, min time.Duration) time.Duration {
		v := set.get(name)
		d, err := time.ParseDuration(v)
		switch {
		case err != nil:
			problem("%s=%q: want a duration such as 30s or 5m", set.where(name), v)
		case d < min:
			problem("%s=%s: want at least %s", set.where(name), v, min)
		}
		return d
	}

	cfg.token = strings.TrimSpace(set.lookup("TELEGRAM_BOT_TOKEN"))
	webAlone := cfg.token == "" && set.given("WEB_ADDR")
	switch {
	case cfg.token == "" && !webAlone:
		problem("TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather, or set WEB_ADDR to run the web chat alone")
	case webAlone:
		// The web chat alone: settings of Telegram are a sign of a
		// half-finished change.
		for _, name := range []string{"TELEGRAM_MODE", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET", "LISTEN_ADDR", "TELEGRAM_API_ENDPOINT", "TELEGRAM_POLL_TIMEOUT"} {
			if set.given(name) {
				problem("%s is set but TELEGRAM_BOT_TOKEN is not: set the token to run on Telegram too, or unset it", set.where(name))
			}
		}
	}
	// Telegram's own settings are checked unless the web chat runs
	// alone, when any of them is a mistake (reported above).
	mode := "polling"
	if !webAlone {
		mode = readTelegramConfig(set, &cfg, func(err error) { errs = append(errs, err) })
	}

	cfg.pollTimeout = duration("TELEGRAM_POLL_TIMEOUT", time.Second)
	cfg.shutdown = duration("SHUTDOWN_TIMEOUT", time.Millisecond)
	if v := set.get("WORKERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 4096 {
			problem("%s=%q: want a number from 1 to 4096", set.where("WORKERS"), v)
		}
		cfg.workers = n
	}
	cfg.web, errs = readWebConfig(set, errs)

	cfg.adminAddr = set.get("ADMIN_ADDR")
	if err := checkAddr(cfg.adminAddr); err != nil {
		problem("%s=%q: %v", set.where("ADMIN_ADDR"), cfg.adminAddr, err)
	} else if mode == "webhook" && sameListen(cfg.adminAddr, cfg.listen) {
		problem("%s and %s are both %q: give the admin server an address of its own", set.where("ADMIN_ADDR"), set.where("LISTEN_ADDR"), cfg.listen)
	} else if cfg.web.addr != "" && sameListen(cfg.adminAddr, cfg.web.addr) {
		problem("%s and %s are both %q: give the admin server an address of its own", set.where("ADMIN_ADDR"), set.where("WEB_ADDR"), cfg.web.addr)
	}
	if cfg.web.addr != "" && mode == "webhook" && cfg.token != "" && sameListen(cfg.web.addr, cfg.listen) {
		problem("%s and %s are both %q: give the web chat an address of its own", set.where("WEB_ADDR"), set.where("LISTEN_ADDR"), cfg.listen)
	}

	cfg.contentDir = set.get("CONTENT_DIR")
	if cfg.contentDir != "" {
		if fi, err := os.Stat(cfg.contentDir); err != nil || !fi.IsDir() {
			problem("%s=%q is not a directory", set.where("CONTENT_DIR"), cfg.contentDir)
		}
	}

	cfg.modelCache = set.get("MODEL_CACHE")

	var err error
	if cfg.store, err = readStoreConfig(set.lookup, set.flagValue("REDIS_URL")); err != nil {
		errs = append(errs, err)
		// The secret is checked all the same: every problem at once.
		cfg.store.Secret = set.lookup("SESSION_SECRET")
	}
	if err := checkSessionSecret(cfg.store.Secret, cfg.store.Redis != nil); err != nil {
		errs = append(errs, err)
	}
	if cfg.statsRedis, err = readStatsRedis(set); err != nil {
		errs = append(errs, err)
	}
	if cfg.log, err = readLogConfig(set.lookup, false); err != nil {
		errs = append(errs, err)
	}
	return cfg, errors.Join(errs...)
}

// readTelegramConfig reads and checks the settings of the Telegram
// channel into cfg, reporting each problem to add, and returns how updates
// come in: polling or webhook.
func readTelegramConfig(set *settings, cfg *serveConfig, add func(error)) (mode string) {
	problem := func(format string, args ...any) { add(fmt.Errorf(format, args...)) }
	cfg.endpoint = set.get("TELEGRAM_API_ENDPOINT")
	if cfg.endpoint != "" && strings.Count(cfg.endpoint, "%s") != 2 {
		problem("%s=%q must hold two %%s, for the token and the method, like %q", set.where("TELEGRAM_API_ENDPOINT"), cfg.endpoint, telegram.DefaultEndpoint)
	}

	// Receiving: polling, or a webhook with its URL, address and secret.
	hookURL := set.get("TELEGRAM_WEBHOOK_URL")
	mode = strings.ToLower(set.get("TELEGRAM_MODE"))
	switch mode {
	case "":
		mode = "polling"
		if hookURL != "" {
			mode = "webhook"
		}
	case "polling":
		if hookURL != "" {
			problem("%s is set but %s=polling: unset one of them", set.where("TELEGRAM_WEBHOOK_URL"), set.where("TELEGRAM_MODE"))
		}
	case "webhook":
		if hookURL == "" {
			problem("%s=webhook needs a public HTTPS URL for Telegram to post to: set %s", set.where("TELEGRAM_MODE"), set.how("TELEGRAM_WEBHOOK_URL"))
		}
	default:
		problem("%s=%q: want polling or webhook", set.where("TELEGRAM_MODE"), mode)
	}
	hookSecret := set.lookup("TELEGRAM_WEBHOOK_SECRET")
	cfg.webhookSecret = strings.TrimSpace(hookSecret)
	cfg.listen = set.get("LISTEN_ADDR")
	if mode == "webhook" && hookURL != "" {
		if u, err := url.Parse(hookURL); err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			problem("%s=%q is not an absolute http(s) URL", set.where("TELEGRAM_WEBHOOK_URL"), hookURL)
		} else {
			cfg.webhookURL = hookURL
		}
		if hookSecret != "" {
			if err := checkWebhookSecret(hookSecret); err != nil {
				add(err)
			}
		}
		if err := checkAddr(cfg.listen); err != nil {
			problem("%s=%q: %v", set.where("LISTEN_ADDR"), cfg.listen, err)
		}
	}
	if mode == "polling" {
		// Settings of the other mode are a sign of a half-finished
		// change; saying so beats ignoring them.
		if set.given("LISTEN_ADDR") {
			problem("%s is set but the bot polls, so nothing listens there: set TELEGRAM_WEBHOOK_URL for webhook mode, or unset it", set.where("LISTEN_ADDR"))
		}
		if cfg.webhookSecret != "" {
			problem("TELEGRAM_WEBHOOK_SECRET is set but the bot polls: set TELEGRAM_WEBHOOK_URL for webhook mode, or unset it")
		}
	}
	return mode
}

// readWebConfig reads the web chat's settings, adding a problem to errs
// for each mistake. Without WEB_ADDR there is no web chat, and its other
// settings are a mistake.
func readWebConfig(set *settings, errs []error) (webConfig, []error) {
	problem := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	w := webConfig{addr: set.get("WEB_ADDR")}
	if w.addr == "" {
		for _, name := range []string{"WEB_FRAME_ANCESTORS", "WEB_EXIT_URL", "WEB_TRUSTED_PROXIES"} {
			if set.given(name) {
				problem("%s is set but WEB_ADDR is not: set WEB_ADDR to serve the web chat, or unset it", set.where(name))
			}
		}
		return w, errs
	}
	if err := checkAddr(w.addr); err != nil {
		problem("%s=%q: %v", set.where("WEB_ADDR"), w.addr, err)
	}
	w.exitURL = set.get("WEB_EXIT_URL")
	w.ancestors = splitAddrs(set.get("WEB_FRAME_ANCESTORS"))
	if err := web.CheckFrameAncestors(w.ancestors); err != nil {
		problem("%s: %v", set.where("WEB_FRAME_ANCESTORS"), strings.TrimPrefix(err.Error(), "web: "))
	}
	if err := web.CheckExitURL(w.exitURL); err != nil {
		problem("%s: %v", set.where("WEB_EXIT_URL"), strings.TrimPrefix(err.Error(), "web: "))
	}
	for _, v := range splitAddrs(set.get("WEB_TRUSTED_PROXIES")) {
		p, err := netip.ParsePrefix(v)
		if err != nil {
			a, aerr := netip.ParseAddr(v)
			if aerr != nil {
				problem("%s: %q is no address or CIDR range, such as 10.0.0.1 or 10.0.0.0/8", set.where("WEB_TRUSTED_PROXIES"), v)
				continue
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		w.proxies = append(w.proxies, p.Masked())
	}
	return w, errs
}

// readStatsRedis reads STATS_REDIS_URL and STATS_REDIS_PASSWORD, a Redis
// for the daily totals alone; nil when unset, which keeps the totals with
// the sessions.
func readStatsRedis(set *settings) (*redisstore.Config, error) {
	u, pw := set.get("STATS_REDIS_URL"), set.lookup("STATS_REDIS_PASSWORD")
	if u == "" {
		if pw != "" {
			return nil, errors.New("STATS_REDIS_PASSWORD is set but STATS_REDIS_URL is not: set it, or unset the password")
		}
		return nil, nil
	}
	r := &redisstore.Config{URL: u, Password: pw}
	if err := r.Validate(); err != nil {
		return nil, statsFields(set, err)
	}
	return r, nil
}

// statsFields rewrites a redisstore configuration error about the
// totals' Redis with the names of its settings, as nameFields does for
// the sessions'.
func statsFields(set *settings, err error) error {
	var cerr *redisstore.ConfigError
	if !errors.As(err, &cerr) {
		return err
	}
	return errors.New(cerr.Name(func(field string) string {
		switch field {
		case "URL":
			return set.where("STATS_REDIS_URL")
		case "Password":
			return "STATS_REDIS_PASSWORD"
		}
		return ""
	}))
}

// checkAddr checks a listen address: host:port, the host may be empty.
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return errors.New("want host:port, such as 127.0.0.1:9090 or :9090")
	}
	if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		return errors.New("want a port number from 0 to 65535")
	}
	return nil
}

// sameListen reports whether two listen addresses would take the same
// port: the same port, on the same host or on all of them. Port 0 takes
// a free one and clashes with nothing.
func sameListen(a, b string) bool {
	ha, pa, err1 := net.SplitHostPort(a)
	hb, pb, err2 := net.SplitHostPort(b)
	if err1 != nil || err2 != nil || pa != pb || pa == "0" {
		return false
	}
	any := func(h string) bool { return h == "" || h == "0.0.0.0" || h == "::" }
	return ha == hb || any(ha) || any(hb)
}
