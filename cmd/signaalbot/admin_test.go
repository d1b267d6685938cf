package main

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	goredis "github.com/redis/go-redis/v9"

	"signaal/bot/telegram/tgtest"
	"signaal/flows"
	"signaal/internal/redistest"
	"signaal/internal/stats"
)

// findButton returns the newest bot message in chat with a button whose
// data satisfies match, and that data.
func findButton(srv *tgtest.Server, chat int64, match func(data string) bool) (tgtest.Message, string, bool) {
	msgs := srv.BotMessages(chat)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, row := range msgs[i].Buttons {
			for _, b := range row {
				if match(b.Data) {
					return msgs[i], b.Data, true
				}
			}
		}
	}
	return tgtest.Message{}, "", false
}

// infoEnding is the ending the info flow's help option leads to, and the
// contacts it lists: the referrals a walk to it must count.
func infoEnding(t *testing.T, dir string) (option string, contacts []string) {
	t.Helper()
	c, _, err := loadContent(dir)
	if err != nil {
		t.Fatalf("content: %v", err)
	}
	f := c.Flows["info"]
	if f == nil {
		t.Fatal("the content has no info flow")
	}
	for _, o := range f.State(f.Start).Options {
		if s := f.State(o.Next); s != nil && s.End && len(s.Contacts) > 0 {
			return o.ID, s.Contacts
		}
	}
	t.Fatal("no option of the info flow's first question leads to an ending with contacts")
	return "", nil
}

// TestServeMetrics runs a conversation through serve, from a deep
// link to a referral and out by the quick exit, and checks the metrics it
// must move, scraped from /metrics and parsed as Prometheus does. The
// daily totals (signaalbot stats) and the health check are checked on the
// same run.
func TestServeMetrics(t *testing.T) {
	t.Parallel()
	option, contacts := infoEnding(t, "")
	srv := tgtest.New(t)
	bot := startServe(t, []string{"TELEGRAM_BOT_TOKEN=" + tgtest.Token, "TELEGRAM_API_ENDPOINT=" + srv.Endpoint()}, "--poll-timeout", "1s")
	bot.awaitReady()

	user := tgtest.User{ID: 987652001, FirstName: "Mo", LanguageCode: "nl"}
	chat := tgtest.PrivateChat(user)
	srv.SendText(chat, user, "/start info")
	var menu tgtest.Message
	var data string
	bot.await("the info menu", func() bool {
		var ok bool
		menu, data, ok = findButton(srv, user.ID, func(d string) bool { return strings.HasPrefix(d, "info/") && strings.HasSuffix(d, "/"+option) })
		return ok
	})
	srv.Press(chat, user, menu.ID, data)
	var ending tgtest.Message
	bot.await("the ending with its contacts", func() bool {
		var ok bool
		ending, _, ok = findButton(srv, user.ID, func(d string) bool { return d == flows.DataRestart })
		return ok
	})
	srv.Press(chat, user, ending.ID, flows.DataExit)
	bot.await("the quick exit to delete the conversation", func() bool { return len(srv.Calls("deleteMessages")) > 0 })

	fams := bot.scrape()
	checks := []struct {
		name   string
		labels []string
		want   float64
	}{
		{"signaal_updates_received_total", []string{"channel", "telegram", "kind", "command"}, 1},
		{"signaal_updates_received_total", []string{"channel", "telegram", "kind", "button"}, 2},
		{"signaal_updates_received_total", []string{"channel", "telegram", "kind", "text"}, 0},
		{"signaal_update_handling_seconds", []string{"channel", "telegram"}, 3},
		{"signaal_sessions_started_total", []string{"channel", "telegram"}, 1},
		{"signaal_quick_exits_total", []string{"channel", "telegram"}, 1},
		{"signaal_safety_cards_total", []string{"channel", "telegram"}, 0},
		{"signaal_flows_entered_total", []string{"flow", "info"}, 1},
		{"signaal_receiving", []string{"channel", "telegram"}, 1},
	}
	for _, c := range contacts {
		checks = append(checks, struct {
			name   string
			labels []string
			want   float64
		}{"signaal_referrals_total", []string{"contact", c}, 1})
	}
	for _, c := range checks {
		if got := sample(fams, c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if got := sum(fams, "signaal_referrals_total"); got != float64(len(contacts)) {
		t.Errorf("referrals in all = %v, want %d (%v)\n%s", got, len(contacts), contacts, describe(fams, "signaal_referrals_total"))
	}
	// The menu with the welcome and the privacy note, the ending and the
	// neutral line at least.
	if got := sample(fams, "signaal_replies_sent_total", "channel", "telegram"); got < 3 {
		t.Errorf("signaal_replies_sent_total = %v, want at least 3", got)
	}

	// signaalbot stats reads the same totals, per day, from the admin
	// server.
	env := map[string]string{"ADMIN_ADDR": bot.admin}
	code, out, errOut := runApp(t, "", env, "stats", "--json", "--days", "1")
	var days []stats.Day
	if err := json.Unmarshal([]byte(out), &days); code != 0 || err != nil || len(days) != 1 {
		t.Fatalf("signaalbot stats --json = %d, %q, %q (%v); want one day of JSON", code, out, errOut, err)
	}
	today := days[0].Counts
	wantToday := map[string]int64{"sessions": 1, "quick_exits": 1, "flow:info": 1, "referral:" + contacts[0]: 1}
	for name, want := range wantToday {
		if today[name] != want {
			t.Errorf("signaalbot stats: today's %s = %d, want %d (all: %v)", name, today[name], want, today)
		}
	}
	code, out, errOut = runApp(t, "", env, "stats")
	if code != 0 || !strings.Contains(out, "referred to "+contacts[0]) || !strings.Contains(out, "conversations started") {
		t.Errorf("signaalbot stats = %d, %q, %q; want the day with its referrals", code, out, errOut)
	}

	if code, out, errOut := runApp(t, "", env, "healthcheck"); code != 0 {
		t.Errorf("signaalbot healthcheck while serving = %d, %q, %q; want 0", code, out, errOut)
	}
	bot.stop()
	if code, out, errOut := runApp(t, "", env, "healthcheck", "--timeout", "2s"); code != 1 {
		t.Errorf("signaalbot healthcheck after stop = %d, %q, %q; want 1", code, out, errOut)
	}
}

// TestReadinessFollowsRedis stops Redis under a running bot: /readyz
// turns 503 and says why, /healthz stays 200, a message gets the safety
// card and the store's errors are counted; when Redis is back, so is
// readiness.
func TestReadinessFollowsRedis(t *testing.T) {
	t.Parallel()
	redis := redistest.Start(t)
	srv := tgtest.New(t)
	bot := startServe(t, []string{
		"TELEGRAM_BOT_TOKEN=" + tgtest.Token, "TELEGRAM_API_ENDPOINT=" + srv.Endpoint(),
		"REDIS_URL=" + redis.URL(), "SESSION_SECRET=" + testSessionSecret,
	}, "--poll-timeout", "1s")
	bot.awaitReady()
	if code, body := bot.get("/readyz"); code != http.StatusOK || !strings.Contains(body, "redis: ok") || !strings.Contains(body, "telegram: ok") {
		t.Fatalf("GET /readyz = %d, %q; want 200 with redis and telegram ok", code, body)
	}

	redis.Stop()
	bot.await("/readyz to answer 503", func() bool { code, _ := bot.get("/readyz"); return code == http.StatusServiceUnavailable })
	if _, body := bot.get("/readyz"); !strings.Contains(body, "redis: not ready") {
		t.Errorf("GET /readyz with Redis stopped = %q, want it to say redis is not ready", body)
	}
	if code, _ := bot.get("/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz with Redis stopped = %d, want 200: the process is alive", code)
	}
	user := tgtest.User{ID: 987652002, FirstName: "Lo", LanguageCode: "nl"}
	srv.SendText(tgtest.PrivateChat(user), user, "/start")
	bot.await("the safety card", func() bool { return len(srv.BotMessages(user.ID)) > 0 })
	fams := bot.scrape()
	if got := sample(fams, "signaal_safety_cards_total", "channel", "telegram"); got != 1 {
		t.Errorf("signaal_safety_cards_total with Redis stopped = %v, want 1", got)
	}
	if got := sum(fams, "signaal_store_errors_total"); got < 1 {
		t.Errorf("signaal_store_errors_total with Redis stopped = %v, want at least 1", got)
	}

	redis.Restart()
	bot.awaitReady()
	bot.stop()
}

// TestReadinessNeedsWrites puts Redis in each state in which it still
// answers PING but takes no session, under a running bot: /readyz must
// answer 503 and say why on the redis line while the telegram line is
// ok, as every message gets only the safety card; a healthy Redis is
// ready, and its message gets a real answer.
func TestReadinessNeedsWrites(t *testing.T) {
	t.Parallel()
	const password = "readiness-8851-password"
	tests := []struct {
		name string
		args []string // redis-server's
		env  []string // the bot's, besides the Telegram and session settings
		// breakIt, when set, breaks Redis once the bot is ready, through
		// a client with every right.
		breakIt func(t *testing.T, admin *goredis.Client)
		want    string // the redis line of /readyz, or a part of it
	}{
		{name: "healthy", want: "redis: ok"},
		{
			name: "full", want: "redis: not ready: redisstore: write probe: redis is full",
			breakIt: func(t *testing.T, admin *goredis.Client) {
				redisDo(t, admin, "config", "set", "maxmemory-policy", "noeviction")
				redisDo(t, admin, "config", "set", "maxmemory", "1") // less than Redis itself uses
			},
		},
		{
			name: "read-only replica", want: "redis is read-only",
			breakIt: func(t *testing.T, admin *goredis.Client) {
				// The master is a port nothing listens on: the replica
				// stays one, read-only, and answers PING all the while.
				_, port, _ := net.SplitHostPort(freeAddr(t))
				redisDo(t, admin, "replicaof", "127.0.0.1", port)
			},
		},
		{
			name: "wrong password", args: []string{"--requirepass", password},
			env:  []string{"REDIS_PASSWORD=wrong-" + password},
			want: "redis: not ready: redisstore: write probe: redis refuses the user or password",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			redis := redistest.Start(t, tt.args...)
			admin := goredis.NewClient(&goredis.Options{Addr: redis.Addr(), Password: password})
			if len(tt.args) == 0 {
				admin = goredis.NewClient(&goredis.Options{Addr: redis.Addr()})
			}
			t.Cleanup(func() { admin.Close() })
			srv := tgtest.New(t)
			bot := startServe(t, append([]string{
				"TELEGRAM_BOT_TOKEN=" + tgtest.Token, "TELEGRAM_API_ENDPOINT=" + srv.Endpoint(),
				"REDIS_URL=" + redis.URL(), "SESSION_SECRET=" + testSessionSecret,
			}, tt.env...), "--poll-timeout", "1s")
			if tt.breakIt != nil {
				bot.awaitReady()
				tt.breakIt(t, admin)
			}
			healthy := tt.want == "redis: ok"
			wantCode := http.StatusServiceUnavailable
			if healthy {
				wantCode = http.StatusOK
			}
			var code int
			var body string
			bot.await("/readyz to say "+tt.want, func() bool {
				code, body = bot.get("/readyz")
				return strings.Contains(body, "telegram: ok") && strings.Contains(body, tt.want)
			})
			t.Logf("GET /readyz = %d\n%s", code, body)
			if code != wantCode {
				t.Errorf("GET /readyz = %d, %q; want %d", code, body, wantCode)
			}
			if strings.Contains(body, password) {
				t.Errorf("GET /readyz = %q, repeats the password", body)
			}

			// What readiness says is what a person gets.
			user := tgtest.User{ID: 987652003, FirstName: "Io", LanguageCode: "nl"}
			srv.SendText(tgtest.PrivateChat(user), user, "/start")
			bot.await("an answer", func() bool { return len(srv.BotMessages(user.ID)) > 0 })
			wantCards := 1.0
			if healthy {
				wantCards = 0
			}
			if got := sample(bot.scrape(), "signaal_safety_cards_total", "channel", "telegram"); got != wantCards {
				t.Errorf("signaal_safety_cards_total with /readyz %d = %v, want %v", code, got, wantCards)
			}
			bot.stop()
		})
	}
}

// TestStatsRedisOfTheirOwn runs the bot with the daily totals in a Redis
// of their own (STATS_REDIS_URL, with a password), as compose.yaml does:
// the totals land there, and the sessions' Redis holds none of them.
func TestStatsRedisOfTheirOwn(t *testing.T) {
	t.Parallel()
	const password = "stats-8852-password"
	sessions := redistest.Start(t)
	totals := redistest.Start(t, "--requirepass", password)
	srv := tgtest.New(t)
	bot := startServe(t, []string{
		"TELEGRAM_BOT_TOKEN=" + tgtest.Token, "TELEGRAM_API_ENDPOINT=" + srv.Endpoint(),
		"REDIS_URL=" + sessions.URL(), "SESSION_SECRET=" + testSessionSecret,
		"STATS_REDIS_URL=" + totals.URL(), "STATS_REDIS_PASSWORD=" + password,
	}, "--poll-timeout", "1s")
	bot.awaitReady()
	user := tgtest.User{ID: 987652004, FirstName: "Ed", LanguageCode: "nl"}
	srv.SendText(tgtest.PrivateChat(user), user, "/start")
	bot.await("an answer", func() bool { return len(srv.BotMessages(user.ID)) > 0 })
	bot.stop() // the totals are saved on the way out

	ctx := t.Context()
	sc := goredis.NewClient(&goredis.Options{Addr: sessions.Addr()})
	defer sc.Close()
	tc := goredis.NewClient(&goredis.Options{Addr: totals.Addr(), Password: password})
	defer tc.Close()
	days, err := tc.Keys(ctx, "sg:stats:*").Result()
	if err != nil || len(days) != 1 {
		t.Fatalf("the totals' Redis holds days %q (%v), want one", days, err)
	}
	if got := tc.HGet(ctx, days[0], "sessions").Val(); got != "1" {
		t.Errorf("HGET %s sessions in the totals' Redis = %q, want 1", days[0], got)
	}
	if keys := sc.Keys(ctx, "*stats*").Val(); len(keys) != 0 {
		t.Errorf("the sessions' Redis holds %q, want no totals", keys)
	}
}

func redisDo(t *testing.T, c *goredis.Client, args ...any) {
	t.Helper()
	if err := c.Do(t.Context(), args...).Err(); err != nil {
		t.Fatalf("redis %v: %v", args, err)
	}
}

// TestHealthcheckCommand checks the exit codes against a server that
// answers, one that answers otherwise, and none at all.
func TestHealthcheckCommand(t *testing.T) {
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
		}
	}))
	defer ok.Close()
	sick := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "no", http.StatusServiceUnavailable)
	}))
	defer sick.Close()
	addr := func(s *httptest.Server) string { return strings.TrimPrefix(s.URL, "http://") }

	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"alive, by flag", nil, []string{"--admin-addr", addr(ok)}, 0, ""},
		{"alive, by ADMIN_ADDR", map[string]string{"ADMIN_ADDR": addr(ok)}, nil, 0, ""},
		{"unhealthy", nil, []string{"--admin-addr", addr(sick)}, 1, "answered 503"},
		{"nothing listens", nil, []string{"--admin-addr", freeAddr(t)}, 1, "admin server at"},
		{"not an address", map[string]string{"ADMIN_ADDR": "nowhere"}, nil, 1, `ADMIN_ADDR="nowhere"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runApp(t, "", tt.env, append([]string{"healthcheck"}, tt.args...)...)
			if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("healthcheck %q with %v = %d, %q; want %d saying %q", tt.args, tt.env, code, errOut, tt.wantCode, tt.wantErr)
			}
		})
	}
}

func TestDialAddr(t *testing.T) {
	for in, want := range map[string]string{
		":9090":          "127.0.0.1:9090",
		"0.0.0.0:9090":   "127.0.0.1:9090",
		"[::]:9090":      "[::1]:9090",
		"10.1.2.3:9090":  "10.1.2.3:9090",
		"localhost:9090": "localhost:9090",
	} {
		if got := dialAddr(in); got != want {
			t.Errorf("dialAddr(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrintStats(t *testing.T) {
	var b strings.Builder
	printStats(&b, []stats.Day{
		{Date: "2025-05-01", Counts: map[string]int64{"referral:fier": 2, "sessions": 3, "flow:jong": 1, "quick_exits": 1}},
		{Date: "2025-05-02", Counts: map[string]int64{}},
		{Date: "2025-05-03", Counts: map[string]int64{"referral:fier": 1}},
	})
	out := b.String()
	// Conversations first, then flows, then referrals; the period's
	// totals last.
	order := []string{"2025-05-01", "conversations started", "quick exits", "flow jong", "referred to fier", "2025-05-02", "nothing counted", "2025-05-03", "2025-05-01 to 2025-05-03"}
	at := 0
	for _, want := range order {
		i := strings.Index(out[at:], want)
		if i < 0 {
			t.Fatalf("printStats output lacks %q after offset %d:\n%s", want, at, out)
		}
		at += i
	}
	last := out[strings.Index(out, "2025-05-01 to"):]
	if !strings.Contains(last, "referred to fier") || !strings.Contains(strings.SplitAfter(last, "referred to fier")[1], "3") {
		t.Errorf("printStats totals = %q, want fier referred 3 times", last)
	}
}
