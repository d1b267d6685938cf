// Package metrics counts what the bot does, for Prometheus: updates by
// kind, how long handling takes, Telegram calls and their failures, Redis
// round trips, and the anonymous totals the organisations report on
// (conversations started, quick exits, safety cards, flows entered,
// referrals per contact).
//
// No label ever says anything about a person. Label values come from
// short fixed lists in the code (update kinds, Bot API methods, Redis
// commands, error codes) or from the content (flow and contact ids), and
// anything else is counted as "other", so that not even a bug elsewhere
// can put a chat id or a text into a series name.
package metrics

import (
	"context"
	"net/http"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
)

// Namespace starts every metric name.
const Namespace = "signaal"

// Kinds are the update kinds the Telegram channel reports.
var Kinds = []string{"text", "command", "button", "media", "inline", "group", "other"}

// Methods are the Bot API methods the Telegram channel calls; a call of
// any other is counted under "other" until it is added here.
var Methods = []string{
	"answerCallbackQuery", "answerInlineQuery", "deleteMessage", "deleteMessages", "deleteWebhook",
	"editMessageReplyMarkup", "editMessageText", "getMe", "getUpdates", "sendMessage",
	"setMyCommands", "setWebhook",
}

// Daily names, for stats.Recorder: the totals kept per day.
const (
	DailySessions    = "sessions"
	DailyQuickExits  = "quick_exits"
	DailySafetyCards = "safety_cards"
	DailyFlowPrefix  = "flow:"     // + flow id
	DailyReferPrefix = "referral:" // + contact id
)

// Daily receives the anonymous totals by name, to be kept per day
// (stats.Recorder does).
type Daily interface {
	Add(name string)
}

// Metrics holds the collectors. Create it with New. It is the
// telegram.Metrics of the channel and the bot.Metrics of the dispatcher,
// wraps the dispatcher as a bot.Handler (Wrap), and gives a Redis hook
// (RedisHook).
type Metrics struct {
	// Registry holds every collector, the Go runtime's and the process's
	// included; Handler serves it.
	Registry *prometheus.Registry
	// Daily, when set, is given the anonymous totals too. Set it before
	// the first update.
	Daily Daily

	content *content.Content

	updates     *prometheus.CounterVec
	handling    prometheus.Histogram
	replies     prometheus.Counter
	apiErrors   *prometheus.CounterVec
	retries     *prometheus.CounterVec
	floodWaits  *prometheus.CounterVec
	receiving   prometheus.Gauge
	storeErrors *prometheus.CounterVec
	storeTime   *prometheus.HistogramVec
	sessions    prometheus.Counter
	quickExits  prometheus.Counter
	safetyCards prometheus.Counter
	referrals   *prometheus.CounterVec
	flows       *prometheus.CounterVec

	isReceiving atomic.Bool
}

var (
	_ bot.Metrics = (*Metrics)(nil)
	_ interface {
		Received(string)
		Called(string, int)
		Retried(string, int)
		Receiving(bool)
	} = (*Metrics)(nil) // telegram.Metrics, without importing the channel
)

// New returns the metrics of a bot serving c, built from version.
func New(c *content.Content, version string) *Metrics {
	m := &Metrics{Registry: prometheus.NewRegistry(), content: c}
	counter := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Namespace: Namespace, Name: name, Help: help})
	}
	counterVec := func(name, help string, labels ...string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: name, Help: help}, labels)
	}
	m.updates = counterVec("updates_received_total", "Updates received from Telegram, by kind.", "kind")
	m.handling = prometheus.NewHistogram(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "update_handling_seconds",
		Help: "Time to handle one conversation update: load the session, step the engine, save; sending excluded.",
		// From half a millisecond (memory store) to four seconds, well
		// past the time-outs that make the safety card appear.
		Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
	})
	m.replies = counter("replies_sent_total", "Messages sent to people (sendMessage calls that succeeded).")
	m.apiErrors = counterVec("telegram_api_errors_total", "Bot API calls that failed, by method and error code (\"network\" when no answer came).", "method", "code")
	m.retries = counterVec("telegram_retries_total", "Bot API calls tried again after a failure, by method.", "method")
	m.floodWaits = counterVec("telegram_flood_waits_total", "Bot API calls Telegram answered with 429 Too Many Requests, by method.", "method")
	m.receiving = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: Namespace, Name: "telegram_receiving",
		Help: "1 while updates can come in (the last getUpdates succeeded, or the webhook is registered), else 0."})
	m.storeErrors = counterVec("store_errors_total", "Redis commands that failed, by command (\"dial\" for connections that could not be made).", "command")
	m.storeTime = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "store_request_duration_seconds",
		Help:    "Round-trip time of Redis commands and pipelines, by command.",
		Buckets: prometheus.ExponentialBuckets(0.0001, 2, 14), // 0.1 ms to 0.8 s
	}, []string{"command"})
	m.sessions = counter("sessions_started_total", "Conversations started.")
	m.quickExits = counter("quick_exits_total", "Quick exits and /stop: conversations wiped at the person's request.")
	m.safetyCards = counter("safety_cards_total", "Updates answered with the safety card because the session store could not be used.")
	m.referrals = counterVec("referrals_total", "Contacts shown at the end of a flow, by contact id.", "contact")
	m.flows = counterVec("flows_entered_total", "Conversations that entered a flow, by flow id.", "flow")
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "build_info",
		Help: "Always 1; the labels say which build runs."}, []string{"version", "goversion"})
	build.WithLabelValues(version, runtime.Version()).Set(1)

	// Series that exist from the start show as 0 instead of missing, so
	// that rates and alerts work before the first event.
	for _, k := range Kinds {
		m.updates.WithLabelValues(k)
	}
	if c != nil {
		for _, id := range c.ContactOrder {
			m.referrals.WithLabelValues(id)
		}
		for _, id := range c.FlowOrder {
			m.flows.WithLabelValues(id)
		}
	}

	m.Registry.MustRegister(
		m.updates, m.handling, m.replies, m.apiErrors, m.retries, m.floodWaits, m.receiving,
		m.storeErrors, m.storeTime, m.sessions, m.quickExits, m.safetyCards, m.referrals, m.flows, build,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// Handler serves the metrics in Prometheus's exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry})
}

func (m *Metrics) daily(name string) {
	if m.Daily != nil {
		m.Daily.Add(name)
	}
}

// Wrap wraps h: it times each update and counts the outcomes every
// channel shares (sessions started, quick exits, safety cards).
func (m *Metrics) Wrap(h bot.Handler) bot.Handler {
	return handlerFunc(func(ctx context.Context, u bot.Update) (bot.Outcome, error) {
		start := time.Now()
		out, err := h.Handle(ctx, u)
		m.handling.Observe(time.Since(start).Seconds())
		if out.Started {
			m.sessions.Inc()
			m.daily(DailySessions)
		}
		if out.Forget {
			m.quickExits.Inc()
			m.daily(DailyQuickExits)
		}
		if out.Degraded {
			m.safetyCards.Inc()
			m.daily(DailySafetyCards)
		}
		return out, err
	})
}

type handlerFunc func(context.Context, bot.Update) (bot.Outcome, error)

func (f handlerFunc) Handle(ctx context.Context, u bot.Update) (bot.Outcome, error) { return f(ctx, u) }

// Stepped counts, for the dispatcher, the flow a step entered and the
// contacts the step referred to (flows.Result.Contacts: an ending reached,
// or an answer to a typed message). It reads only content ids; an id the
// content does not know is not counted, so no label can carry anything
// else.
func (m *Metrics) Stepped(before flows.Session, r flows.Result) {
	if m.content == nil {
		return
	}
	for _, id := range r.Contacts {
		if ct := m.content.Contacts[id]; ct != nil {
			m.referrals.WithLabelValues(ct.ID).Inc()
			m.daily(DailyReferPrefix + ct.ID)
		}
	}
	after := r.Session
	if after.Flow == "" || after.Flow == before.Flow {
		return
	}
	if f := m.content.Flows[after.Flow]; f != nil {
		m.flows.WithLabelValues(f.ID).Inc()
		m.daily(DailyFlowPrefix + f.ID)
	}
}

// Received counts an update of a kind.
func (m *Metrics) Received(kind string) {
	m.updates.WithLabelValues(oneOf(kind, Kinds)).Inc()
}

// Called counts a reply sent, or a failed call by method and code.
func (m *Metrics) Called(method string, code int) {
	method = oneOf(method, Methods)
	switch {
	case code == 0 && method == "sendMessage":
		m.replies.Inc()
	case code != 0:
		m.apiErrors.WithLabelValues(method, codeLabel(code)).Inc()
		if code == http.StatusTooManyRequests {
			m.floodWaits.WithLabelValues(method).Inc()
		}
	}
}

// Retried counts a call tried again.
func (m *Metrics) Retried(method string, _ int) {
	m.retries.WithLabelValues(oneOf(method, Methods)).Inc()
}

// Receiving sets whether updates can come in.
func (m *Metrics) Receiving(ok bool) {
	m.isReceiving.Store(ok)
	if ok {
		m.receiving.Set(1)
	} else {
		m.receiving.Set(0)
	}
}

// IsReceiving reports what Receiving was last told, for readiness.
func (m *Metrics) IsReceiving() bool { return m.isReceiving.Load() }

// oneOf returns s when it is one of allowed, else "other".
func oneOf(s string, allowed []string) string {
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	return "other"
}

// command returns s when it looks like a Redis command name (lower-case
// ASCII letters, at most 24 of them, as go-redis reports them), else
// "other". The commands are the store's own; the check only keeps a
// mistake from turning into a label with a key or a value in it.
func command(s string) string {
	if s == "" || len(s) > 24 {
		return "other"
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return "other"
		}
	}
	return s
}

// codeLabel is the code label of a failed call: an HTTP-like status, or
// "network" when no answer came.
func codeLabel(code int) string {
	switch {
	case code < 0:
		return "network"
	case code >= 100 && code <= 599:
		return strconv.Itoa(code)
	}
	return "other"
}
