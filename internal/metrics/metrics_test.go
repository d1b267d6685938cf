package metrics_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/redis/go-redis/v9"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/metrics"
	"signaal/internal/redistest"
	"signaal/store/redisstore"
)

// value returns the value of the series name{labels} (a counter, gauge,
// or a histogram's sample count), and whether it exists.
func value(t *testing.T, reg prometheus.Gatherer, name string, labels map[string]string) (float64, bool) {
	t.Helper()
	fams, err := reg.Gather()
	if err != nil {
		t.Fatalf("Gather() = %v", err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			if !sameLabels(m.GetLabel(), labels) {
				continue
			}
			switch {
			case m.Counter != nil:
				return m.Counter.GetValue(), true
			case m.Gauge != nil:
				return m.Gauge.GetValue(), true
			case m.Histogram != nil:
				return float64(m.Histogram.GetSampleCount()), true
			}
		}
	}
	return 0, false
}

func sameLabels(got []*dto.LabelPair, want map[string]string) bool {
	if len(got) != len(want) {
		return false
	}
	for _, l := range got {
		if want[l.GetName()] != l.GetValue() {
			return false
		}
	}
	return true
}

func defaultContent(t *testing.T) *content.Content {
	t.Helper()
	c, err := content.Default()
	if err != nil {
		t.Fatalf("content.Default() = %v", err)
	}
	return c
}

// endingWithContacts finds an ending of the content that lists contacts.
func endingWithContacts(t *testing.T, c *content.Content) (flow string, s *content.State) {
	t.Helper()
	for _, id := range c.FlowOrder {
		for _, st := range c.Flows[id].States {
			if st.End && len(st.Contacts) > 0 {
				return id, st
			}
		}
	}
	t.Fatal("no ending with contacts in the content")
	return "", nil
}

type dailyLog []string

func (d *dailyLog) Add(name string) { *d = append(*d, name) }

func TestStepped(t *testing.T) {
	c := defaultContent(t)
	flow, end := endingWithContacts(t, c)
	start := c.Flows[flow].Start
	tests := []struct {
		name          string
		before, after flows.Session
		contacts      []string // what the engine says the step referred to
		wantFlow      float64  // flows_entered_total{flow}
		wantReferrals float64  // referrals_total of each contact at the ending
	}{
		{"new conversation enters a flow", flows.Session{}, flows.Session{Flow: flow, State: start}, nil, 1, 0},
		{"moving within a flow to the ending", flows.Session{Flow: flow, State: start}, flows.Session{Flow: flow, State: end.ID}, end.Contacts, 0, 1},
		{"entering the flow at its ending", flows.Session{Flow: "start", State: "welcome"}, flows.Session{Flow: flow, State: end.ID}, end.Contacts, 1, 1},
		{"staying at the ending (a refused press, /help)", flows.Session{Flow: flow, State: end.ID}, flows.Session{Flow: flow, State: end.ID}, nil, 0, 0},
		{"an answer to a typed message", flows.Session{Flow: flow, State: start}, flows.Session{Flow: flow, State: start}, end.Contacts, 0, 1},
		{"unknown flow and contact", flows.Session{}, flows.Session{Flow: "no-such-flow", State: "x"}, []string{"no-such-contact"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metrics.New(c, "test")
			var daily dailyLog
			m.Daily = &daily
			m.Stepped(tt.before, flows.Result{Session: tt.after, Contacts: tt.contacts})
			if got, _ := value(t, m.Registry, "signaal_flows_entered_total", map[string]string{"flow": flow}); got != tt.wantFlow {
				t.Errorf("Stepped(%+v -> %+v): flows_entered_total{flow=%q} = %v, want %v", tt.before, tt.after, flow, got, tt.wantFlow)
			}
			for _, id := range end.Contacts {
				if got, _ := value(t, m.Registry, "signaal_referrals_total", map[string]string{"contact": id}); got != tt.wantReferrals {
					t.Errorf("Stepped(%+v -> %+v): referrals_total{contact=%q} = %v, want %v", tt.before, tt.after, id, got, tt.wantReferrals)
				}
			}
			wantDaily := int(tt.wantFlow) + int(tt.wantReferrals)*len(end.Contacts)
			if len(daily) != wantDaily {
				t.Errorf("Stepped(%+v -> %+v) daily totals = %q, want %d of them", tt.before, tt.after, daily, wantDaily)
			}
		})
	}
}

// outcomeHandler answers every update with one outcome.
type outcomeHandler struct {
	out bot.Outcome
	err error
}

func (h outcomeHandler) Handle(context.Context, bot.Update) (bot.Outcome, error) { return h.out, h.err }

func TestWrap(t *testing.T) {
	tests := []struct {
		name string
		out  bot.Outcome
		err  error
		want map[string]float64
	}{
		{"a step", bot.Outcome{}, nil, map[string]float64{"signaal_sessions_started_total": 0, "signaal_quick_exits_total": 0, "signaal_safety_cards_total": 0}},
		{"a new conversation", bot.Outcome{Started: true}, nil, map[string]float64{"signaal_sessions_started_total": 1}},
		{"a quick exit", bot.Outcome{Forget: true}, nil, map[string]float64{"signaal_quick_exits_total": 1, "signaal_sessions_started_total": 0}},
		{"the safety card", bot.Outcome{Degraded: true}, errors.New("store down"), map[string]float64{"signaal_safety_cards_total": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metrics.New(nil, "test")
			m.Channel("web")
			m.Channel("telegram")
			h := m.Wrap(outcomeHandler{tt.out, tt.err})
			out, err := h.Handle(context.Background(), bot.Update{Platform: "web"})
			if !errors.Is(err, tt.err) || out.Started != tt.out.Started || out.Forget != tt.out.Forget {
				t.Fatalf("Wrap(h).Handle() = %+v, %v; want %+v, %v unchanged", out, err, tt.out, tt.err)
			}
			web, tg := map[string]string{"channel": "web"}, map[string]string{"channel": "telegram"}
			for name, want := range tt.want {
				if got, _ := value(t, m.Registry, name, web); got != want {
					t.Errorf("after %s, %s{channel=web} = %v, want %v", tt.name, name, got, want)
				}
				if got, _ := value(t, m.Registry, name, tg); got != 0 {
					t.Errorf("after %s on the web, %s{channel=telegram} = %v, want 0", tt.name, name, got)
				}
			}
			if got, _ := value(t, m.Registry, "signaal_update_handling_seconds", web); got != 1 {
				t.Errorf("after one update, update_handling_seconds{channel=web} has %v samples, want 1", got)
			}
		})
	}
}

func TestTelegramHooks(t *testing.T) {
	m := metrics.New(nil, "test")
	tg := m.Channel("telegram")
	tg.Received("command")
	tg.Received("987651001") // never a label: counted as other
	tg.Called("sendMessage", 0)
	tg.Called("sendMessage", 0)
	tg.Called("getMe", 0)
	tg.Called("sendMessage", 429)
	tg.Retried("sendMessage", 429)
	tg.Called("editMessageText", -1)
	tg.Called("hello world", 400) // not a method name
	tg.Receiving(true)

	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"signaal_updates_received_total", map[string]string{"channel": "telegram", "kind": "command"}, 1},
		{"signaal_updates_received_total", map[string]string{"channel": "telegram", "kind": "other"}, 1},
		{"signaal_updates_received_total", map[string]string{"channel": "telegram", "kind": "text"}, 0},
		{"signaal_replies_sent_total", map[string]string{"channel": "telegram"}, 2},
		{"signaal_telegram_api_errors_total", map[string]string{"method": "sendMessage", "code": "429"}, 1},
		{"signaal_telegram_api_errors_total", map[string]string{"method": "editMessageText", "code": "network"}, 1},
		{"signaal_telegram_api_errors_total", map[string]string{"method": "other", "code": "400"}, 1},
		{"signaal_telegram_flood_waits_total", map[string]string{"method": "sendMessage"}, 1},
		{"signaal_telegram_retries_total", map[string]string{"method": "sendMessage"}, 1},
		{"signaal_receiving", map[string]string{"channel": "telegram"}, 1},
	}
	for _, tt := range tests {
		if got, ok := value(t, m.Registry, tt.name, tt.labels); !ok || got != tt.want {
			t.Errorf("%s%v = %v (present %v), want %v", tt.name, tt.labels, got, ok, tt.want)
		}
	}
	if !tg.IsReceiving() {
		t.Error("IsReceiving() after Receiving(true) = false, want true")
	}
	tg.Receiving(false)
	if got, _ := value(t, m.Registry, "signaal_receiving", map[string]string{"channel": "telegram"}); got != 0 || tg.IsReceiving() {
		t.Errorf("after Receiving(false): receiving{channel=telegram} = %v, IsReceiving() = %v; want 0, false", got, tg.IsReceiving())
	}
	// A channel that does not run has no series that could say it is
	// down.
	if _, ok := value(t, m.Registry, "signaal_receiving", map[string]string{"channel": "web"}); ok {
		t.Error("receiving{channel=web} exists without a web channel")
	}
}

func TestWebHooks(t *testing.T) {
	m := metrics.New(nil, "test")
	web := m.Channel("web")
	web.Received("button")
	web.Replied(3)
	web.Replied(0)
	web.Refused("flood")
	web.Refused("flood")
	web.Refused("203.0.113.9") // never a label
	web.Receiving(true)
	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"signaal_updates_received_total", map[string]string{"channel": "web", "kind": "button"}, 1},
		{"signaal_replies_sent_total", map[string]string{"channel": "web"}, 3},
		{"signaal_web_requests_refused_total", map[string]string{"reason": "flood"}, 2},
		{"signaal_web_requests_refused_total", map[string]string{"reason": "other"}, 1},
		{"signaal_web_requests_refused_total", map[string]string{"reason": "too_large"}, 0},
		{"signaal_receiving", map[string]string{"channel": "web"}, 1},
	}
	for _, tt := range tests {
		if got, ok := value(t, m.Registry, tt.name, tt.labels); !ok || got != tt.want {
			t.Errorf("%s%v = %v (present %v), want %v", tt.name, tt.labels, got, ok, tt.want)
		}
	}
}

// TestNoPersonInLabels feeds the hooks values that look like a chat id, a
// name and a text, and checks that no label of any series holds them.
func TestNoPersonInLabels(t *testing.T) {
	m := metrics.New(defaultContent(t), "test")
	canaries := []string{"987651001", "dana_secret_name", "ik word gedwongen te werken", "203.0.113.9"}
	for _, c := range canaries {
		ch := m.Channel(c)
		ch.Received(c)
		ch.Called(c, 400)
		ch.Retried(c, 500)
		ch.Refused(c)
		m.Stepped(flows.Session{}, flows.Result{Session: flows.Session{Flow: c, State: c}})
		_, _ = m.Wrap(outcomeHandler{out: bot.Outcome{Started: true}}).Handle(context.Background(), bot.Update{Platform: c})
	}
	fams, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		for _, s := range f.GetMetric() {
			for _, l := range s.GetLabel() {
				for _, c := range canaries {
					if strings.Contains(l.GetValue(), c) {
						t.Errorf("%s has label %s=%q, which holds %q", f.GetName(), l.GetName(), l.GetValue(), c)
					}
				}
			}
		}
	}
}

func TestRedisHook(t *testing.T) {
	srv := redistest.Start(t)
	m := metrics.New(nil, "test")
	// The client the bot uses, with its settings: a different one would
	// send other commands when it connects.
	c, err := redisstore.NewClient(redisstore.Config{URL: srv.URL()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.AddHook(m.RedisHook())
	ctx := context.Background()

	if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.Get(ctx, "missing").Err(); !errors.Is(err, redis.Nil) {
		t.Fatalf("Get(missing) = %v, want redis.Nil", err)
	}
	if _, err := c.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Get(ctx, "missing")
		p.Incr(ctx, "n")
		return nil
	}); !errors.Is(err, redis.Nil) {
		t.Fatalf("pipeline = %v, want redis.Nil from the GET", err)
	}
	if err := c.Incr(ctx, "k").Err(); err == nil { // "v" is not a number
		t.Fatal("INCR of a string = nil, want an error")
	}
	want := []struct {
		command   string
		calls     float64
		errorsWas float64
	}{
		{"set", 1, 0},
		{"get", 1, 0}, // a missing key is an answer, not a failure
		{"pipeline", 1, 0},
		{"incr", 1, 1},
	}
	for _, w := range want {
		if got, _ := value(t, m.Registry, "signaal_store_request_duration_seconds", map[string]string{"command": w.command}); got != w.calls {
			t.Errorf("store_request_duration_seconds{command=%q} has %v samples, want %v", w.command, got, w.calls)
		}
		if got, _ := value(t, m.Registry, "signaal_store_errors_total", map[string]string{"command": w.command}); got != w.errorsWas {
			t.Errorf("store_errors_total{command=%q} = %v, want %v", w.command, got, w.errorsWas)
		}
	}

	srv.Stop()
	if err := c.Ping(ctx).Err(); err == nil {
		t.Fatal("Ping() with Redis stopped = nil, want an error")
	}
	dial, _ := value(t, m.Registry, "signaal_store_errors_total", map[string]string{"command": "dial"})
	ping, _ := value(t, m.Registry, "signaal_store_errors_total", map[string]string{"command": "ping"})
	if dial < 1 || ping != 1 {
		t.Errorf("with Redis stopped: store_errors_total{dial} = %v, {ping} = %v; want at least 1 and 1", dial, ping)
	}
}

func TestBuildInfo(t *testing.T) {
	m := metrics.New(nil, "v1.2.3")
	fams, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != "signaal_build_info" {
			continue
		}
		for _, l := range f.GetMetric()[0].GetLabel() {
			if l.GetName() == "version" && l.GetValue() == "v1.2.3" {
				return
			}
		}
	}
	t.Errorf("no signaal_build_info{version=%s}", strconv.Quote("v1.2.3"))
}
