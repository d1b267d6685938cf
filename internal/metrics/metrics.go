// Package metrics counts what the bot does, for Prometheus: updates by
// channel and kind, how long handling takes, Telegram calls and their
// failures, web requests refused, Redis round trips, and the anonymous
// totals the organisations report on (conversations started, quick exits,
// safety cards, flows entered, referrals per contact).
//
// No label ever says anything about a person. Label values come from
// short fixed lists in the code (channels, update kinds, Bot API methods,
// refusals, Redis commands, error codes) or from the content (flow and
// contact ids), and anything else is counted as "other", so that not
// even a bug elsewhere can put a chat id or a text into a series name.
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

// Channels are the channels the bot speaks on, by the Platform their
// updates carry (bot.Update): the label every channel's series have.
var Channels = []string{"telegram", "web", "console"}

// Kinds are the update kinds the channels report: what a person did, not
// what they said.
var Kinds = []string{"text", "command", "button", "media", "inline", "group", "other"}

// Refusals are the reasons the web channel refuses a request: a flood
// from one address or conversation, or a request no page of ours sends.
var Refusals = []string{"flood", "bad_request", "too_large", "media_type", "no_token", "unknown_token", "method", "not_found"}

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

// Metrics holds the collectors. Create it with New. It is the bot.Metrics
// of the dispatcher, wraps the dispatcher as a bot.Handler (Wrap), gives
// each channel its own view (Channel) and a Redis hook (RedisHook).
type Metrics struct {
	// Registry holds every collector, the Go runtime's and the process's
	// included; Handler serves it.
	Registry *prometheus.Registry
	// Daily, when set, is given the anonymous totals too. Set it before
	// the first update.
	Daily Daily

	content *content.Content

	updates     *prometheus.CounterVec
	handling    *prometheus.HistogramVec
	replies     *prometheus.CounterVec
	apiErrors   *prometheus.CounterVec
	retries     *prometheus.CounterVec
	floodWaits  *prometheus.CounterVec
	receiving   *prometheus.GaugeVec
	storeErrors *prometheus.CounterVec
	storeTime   *prometheus.HistogramVec
	sessions    *prometheus.CounterVec
	quickExits  *prometheus.CounterVec
	safetyCards *prometheus.CounterVec
	referrals   *prometheus.CounterVec
	flows       *prometheus.CounterVec

	refused *prometheus.CounterVec
}

var (
	_ bot.Metrics = (*Metrics)(nil)
	_ interface {
		Received(string)
		Called(string, int)
		Retried(string, int)
		Receiving(bool)
	} = (*Channel)(nil) // telegram.Metrics, without importing the channel
	_ interface {
		Received(string)
		Replied(int)
		Refused(string)
		Receiving(bool)
	} = (*Channel)(nil) // web.Metrics, likewise
)

// New returns the metrics of a bot serving c, built from version.
func New(c *content.Content, version string) *Metrics {
	m := &Metrics{Registry: prometheus.NewRegistry(), content: c}
	counterVec := func(name, help string, labels ...string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: name, Help: help}, labels)
	}
	m.updates = counterVec("updates_received_total", "Updates received, by channel and kind.", "channel", "kind")
	m.handling = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "update_handling_seconds",
		Help: "Time to handle one conversation update, by channel: load the session, step the engine, save; sending excluded.",
		// From half a millisecond (memory store) to four seconds, well
		// past the time-outs that make the safety card appear.
		Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
	}, []string{"channel"})
	m.replies = counterVec("replies_sent_total", "Messages sent to people, by channel (on Telegram sendMessage calls that succeeded, on the web replies in an answer).", "channel")
	m.apiErrors = counterVec("telegram_api_errors_total", "Bot API calls that failed, by method and error code (\"network\" when no answer came).", "method", "code")
	m.retries = counterVec("telegram_retries_total", "Bot API calls tried again after a failure, by method.", "method")
	m.floodWaits = counterVec("telegram_flood_waits_total", "Bot API calls Telegram answered with 429 Too Many Requests, by method.", "method")
	m.receiving = prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "receiving",
		Help: "1 while updates can come in on a channel (Telegram: the last getUpdates succeeded, or the webhook is registered; web: its address is served), else 0."}, []string{"channel"})
	m.refused = counterVec("web_requests_refused_total", "Requests the web channel refused, by reason: flood, or a request its page never sends.", "reason")
	m.storeErrors = counterVec("store_errors_total", "Redis commands that failed, by command (\"dial\" for connections that could not be made).", "command")
	m.storeTime = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Name: "store_request_duration_seconds",
		Help:    "Round-trip time of Redis commands and pipelines, by command.",
		Buckets: prometheus.ExponentialBuckets(0.0001, 2, 14), // 0.1 ms to 0.8 s
	}, []string{"command"})
	m.sessions = counterVec("sessions_started_total", "Conversations started, by channel.", "channel")
	m.quickExits = counterVec("quick_exits_total", "Quick exits and /stop: conversations wiped at the person's request, by channel.", "channel")
	m.safetyCards = counterVec("safety_cards_total", "Updates answered with the safety card because the session store could not be used, by channel.", "channel")
	m.referrals = counterVec("referrals_total", "Contacts shown at the end of a flow, by contact id.", "contact")
	m.flows = counterVec("flows_entered_total", "Conversations that entered a flow, by flow id.", "flow")
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "build_info",
		Help: "Always 1; the labels say which build runs."}, []string{"version", "goversion"})
	build.WithLabelValues(version, runtime.Version()).Set(1)

	// Series that exist from the start show as 0 instead of missing, so
	// that rates and alerts work before the first event.
	for _, r := range Refusals {
		m.refused.WithLabelValues(r)
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
		m.updates, m.handling, m.replies, m.apiErrors, m.retries, m.floodWaits, m.receiving, m.refused,
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
// channel shares (sessions started, quick exits, safety cards), by the
// channel the update came from.
func (m *Metrics) Wrap(h bot.Handler) bot.Handler {
	return handlerFunc(func(ctx context.Context, u bot.Update) (bot.Outcome, error) {
		start := time.Now()
		out, err := h.Handle(ctx, u)
		channel := oneOf(u.Platform, Channels)
		m.handling.WithLabelValues(channel).Observe(time.Since(start).Seconds())
		if out.Started {
			m.sessions.WithLabelValues(channel).Inc()
			m.daily(DailySessions)
		}
		if out.Forget {
			m.quickExits.WithLabelValues(channel).Inc()
			m.daily(DailyQuickExits)
		}
		if out.Degraded {
			m.safetyCards.WithLabelValues(channel).Inc()
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

// Channel is what one channel reports: the telegram.Metrics of the
// Telegram channel and the web.Metrics of the web channel. Its series
// carry the channel's name.
type Channel struct {
	m           *Metrics
	name        string
	updates     map[string]prometheus.Counter // by kind
	replies     prometheus.Counter
	receiving   prometheus.Gauge
	isReceiving atomic.Bool
}

// Channel returns the metrics of the channel name (one of Channels, else
// "other"). Its series show from then on, at 0 until something happens,
// so that rates and alerts work before the first event; those of a
// channel that does not run do not show at all, so that no alert says a
// channel this instance does not serve is down.
func (m *Metrics) Channel(name string) *Channel {
	name = oneOf(name, Channels)
	c := &Channel{m: m, name: name, updates: map[string]prometheus.Counter{},
		replies: m.replies.WithLabelValues(name), receiving: m.receiving.WithLabelValues(name)}
	for _, k := range Kinds {
		c.updates[k] = m.updates.WithLabelValues(name, k)
	}
	m.handling.WithLabelValues(name)
	m.sessions.WithLabelValues(name)
	m.quickExits.WithLabelValues(name)
	m.safetyCards.WithLabelValues(name)
	return c
}

// Received counts an update of a kind.
func (c *Channel) Received(kind string) {
	c.updates[oneOf(kind, Kinds)].Inc()
}

// Called counts, on Telegram, a reply sent, or a failed call by method
// and code.
func (c *Channel) Called(method string, code int) {
	method = oneOf(method, Methods)
	switch {
	case code == 0 && method == "sendMessage":
		c.replies.Inc()
	case code != 0:
		c.m.apiErrors.WithLabelValues(method, codeLabel(code)).Inc()
		if code == http.StatusTooManyRequests {
			c.m.floodWaits.WithLabelValues(method).Inc()
		}
	}
}

// Retried counts, on Telegram, a call tried again.
func (c *Channel) Retried(method string, _ int) {
	c.m.retries.WithLabelValues(oneOf(method, Methods)).Inc()
}

// Replied counts n messages handed to people in one answer, on a channel
// that answers in the response to a request (the web).
func (c *Channel) Replied(n int) {
	if n > 0 {
		c.replies.Add(float64(n))
	}
}

// Refused counts a web request refused, by reason (one of Refusals).
func (c *Channel) Refused(reason string) {
	c.m.refused.WithLabelValues(oneOf(reason, Refusals)).Inc()
}

// Receiving sets whether updates can come in.
func (c *Channel) Receiving(ok bool) {
	c.isReceiving.Store(ok)
	if ok {
		c.receiving.Set(1)
	} else {
		c.receiving.Set(0)
	}
}

// IsReceiving reports what Receiving was last told, for readiness.
func (c *Channel) IsReceiving() bool { return c.isReceiving.Load() }

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
