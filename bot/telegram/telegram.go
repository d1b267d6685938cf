// Package telegram is the Telegram channel: it receives updates from the
// Bot API (long polling or a webhook), turns them into bot.Updates for the
// dispatcher, and sends the replies back within Telegram's limits. No type
// of the Bot API library it uses (go-telegram-bot-api) leaves it.
//
//   - Receiving (receive.go). Telegram hears "done" only for an update the
//     dispatcher has seen (its session saved): polling moves the offset on
//     once a batch is handled, the webhook answers 200 once its update is.
//   - Handling (update.go). Updates go into lanes keyed by chat (lanes.go):
//     one chat's in order, different chats in parallel. A chat may have
//     at most MaxChatQueued updates, and as many batches of replies,
//     waiting; a flood beyond that is dropped and counted. The quick exit
//     and answers with 112 are never dropped and go first.
//   - Sending (reply.go, wire.go). Replies go into a second set of lanes,
//     and every call passes the outbound chain (chain.go): the limits
//     (limit.go), retries, metrics and redaction of errors.
//   - Quick exit. On "Snel weg" or /stop the bot sends its one neutral
//     line, then deletes the MaxDelete ids below it. Telegram numbers a
//     private chat's messages, the user's and the bot's, in one sequence,
//     so that window holds the conversation without the bot keeping any
//     message id.
//
// Logs never carry a chat id, a name, a message text or the token: every
// error from outside is reduced to its method and class first (outside in
// logs.go), and what comes in floods is counted and logged once a minute.
package telegram

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/retry"
)

// Platform names this channel in store keys.
const Platform = "telegram"

// DefaultEndpoint is the public Bot API: the token and the method fill
// the two %s.
const DefaultEndpoint = tgbotapi.APIEndpoint

// allowedUpdates are the only updates the bot asks Telegram for.
var allowedUpdates = []string{"message", "callback_query", "inline_query"}

// Finder finds contacts for inline mode ("@bot keerpunt" in any chat). It
// must be safe for concurrent use.
type Finder interface {
	Find(lang, query string, limit int) []*content.Contact
}

// Triage says how urgent an input is before it is handled: the quick exit
// and answers with 112 are never dropped and go ahead of the chat's queue.
// It is the engine, so that the channel keeps no list of words of its own.
// It must be safe for concurrent use.
type Triage interface {
	Urgency(in flows.Input) flows.Urgency
}

// FinderFunc adapts a function to Finder.
type FinderFunc func(lang, query string, limit int) []*content.Contact

// Find calls f.
func (f FinderFunc) Find(lang, query string, limit int) []*content.Contact {
	return f(lang, query, limit)
}

// Bot runs Signaal on Telegram. Token, Handler and Content are required;
// every other field has a default suited to production, set by Run when
// the field is zero.
type Bot struct {
	// Token is the bot's token from BotFather; it is never logged.
	Token string
	// Endpoint is the Bot API URL, such as "http://127.0.0.1:8081/bot%s/%s"
	// for a self-hosted server or a test; DefaultEndpoint when empty.
	Endpoint string
	// Handler handles each conversation update: the dispatcher.
	Handler bot.Handler
	// Content gives the texts the channel itself shows: the privacy note,
	// the group line, the 112 and quick exit row, the commands.
	Content *content.Content
	// Triage says which updates are urgent; the engine.
	Triage Triage
	// Finder answers inline queries. When nil, a simple match on contact
	// names and keywords does.
	Finder Finder
	// Log receives operational events. slog.Default() when nil.
	Log *slog.Logger
	// Client makes every call; one sized for SendWorkers when nil.
	Client *http.Client
	// Metrics is told of updates and calls (see Metrics); nothing when nil.
	Metrics Metrics

	// WebhookURL, when set, switches from long polling to a webhook: Run
	// registers it with Telegram and serves its path on Listener.
	WebhookURL string
	Listener   net.Listener
	// WebhookSecret is the secret Telegram sends with every webhook
	// request; a random one when empty. Set it when instances share one.
	WebhookSecret string

	// LongPoll is how long one getUpdates call waits for updates (50s).
	LongPoll time.Duration
	// Workers bounds the updates handled at once (16); SendWorkers the
	// chats being sent to at once (64); MaxQueued the updates, and
	// separately the batches of replies, waiting in memory (4096).
	Workers, SendWorkers, MaxQueued int
	// MaxChatQueued bounds what one chat may have waiting: updates, and
	// separately batches of replies (8). More than this is a flood.
	MaxChatQueued int
	// Rate and Burst are the overall limit in calls a second (30, 30);
	// ChatRate and ChatBurst the limit of messages a second per chat
	// (1, 3). Groups get at most twenty a minute.
	Rate      float64
	Burst     int
	ChatRate  float64
	ChatBurst int
	// Clock is what the channel waits on for limits, retry_after and
	// back-off; the machine's when its fields are nil.
	Clock retry.Clock
	// MaxAttempts bounds the tries of a call that fails with a 5xx or a
	// network error (8); Backoff is the first pause between them (500ms),
	// doubling up to MaxBackoff (30s). 429s are always waited out.
	MaxAttempts         int
	Backoff, MaxBackoff time.Duration
	// RequestTimeout bounds one call other than getUpdates (30s).
	RequestTimeout time.Duration
	// MaxDelete is how many message ids below its neutral line a quick
	// exit deletes (200); TestQuickExitWindow measures the longest
	// conversation at about a quarter of that.
	MaxDelete int
	// DrainTimeout is how long Run goes on handling and sending what it
	// has received once its context ends (10s).
	DrainTimeout time.Duration
	// Delivered, when set, is called once the last call for a conversation
	// update's replies returned; the load command learns from it that a
	// person has their whole answer. It must return quickly and must not
	// keep the chat.
	Delivered func(chat int64)

	me           tgbotapi.User
	limits       *limiter
	handling     *lanes
	sending      *lanes
	inline       *lanes          // inline queries, handled and answered apart from chats
	life         context.Context // ends when in-flight work is abandoned
	exitLife     context.Context // ends when quick exits still being carried out are abandoned
	texts        map[string]*langTexts
	hookPath     string
	defFinder    Finder
	out          caller        // the outbound chain (chain.go)
	drainBy      time.Time     // when the drain gives up; set when receiving stops
	offsets      offsets       // polling: which updates Telegram may be told are done
	answered     recentUpdates // updates whose replies were sent
	runningSends sync.Map      // send jobs running, by chat (*runningSend)
	exits        exitMarks     // each chat's last quick exit, for a while

	dropped   *rollup // updates dropped because their chat was over its limits
	strangers *rollup // webhook requests without the secret
	busy      *rollup // webhook requests refused while every queue was full
	lost      lostWork
}

// lostWork counts what a stop abandons, for the one line that says so.
type lostWork struct {
	updates     atomic.Int64 // received, not handled, not acknowledged
	replies     atomic.Int64 // batches of replies of handled updates, never started
	interrupted atomic.Int64 // calls cut off while running
	sendsQueued atomic.Int64 // sends that could not even be queued
}

// logEvery is the interval of the rolled-up log lines.
const logEvery = time.Minute

// Run connects to Telegram (getMe), publishes the commands, and receives
// updates until ctx ends: by long polling, or on the webhook when
// WebhookURL is set. Then it stops receiving, finishes handling and
// sending what it has within DrainTimeout, and returns nil. It returns an
// error when it cannot start, or when Telegram refuses the token.
func (b *Bot) Run(ctx context.Context) error {
	if err := b.init(); err != nil {
		return err
	}
	exitLife, abandonExits := context.WithCancel(context.WithoutCancel(ctx))
	defer abandonExits()
	life, abandon := context.WithCancel(exitLife)
	defer abandon()
	b.life, b.exitLife = life, exitLife
	b.drainBy = time.Time{}
	b.lost = lostWork{}
	b.offsets = offsets{}
	// Workers wait for the next job while the bot runs, and leave once
	// everything is drained.
	for _, l := range []*lanes{b.handling, b.sending, b.inline} {
		l.keep(true)
		defer l.keep(false)
	}

	if err := b.open(ctx); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while starting: nothing to finish
		}
		return err
	}
	var err error
	if b.WebhookURL != "" {
		err = b.serveWebhook(ctx)
	} else {
		err = b.poll(ctx)
	}
	b.metrics().Receiving(false)
	b.stopping()
	b.drain(abandon, abandonExits)
	if b.WebhookURL == "" {
		// Only now is it known which updates had their replies sent:
		// Telegram hears of those, and delivers the rest again to the
		// next instance.
		b.confirm(b.offsets.offset(false))
	}
	return err
}

// stopping notes, once, that receiving stopped: the drain's deadline
// counts from then.
func (b *Bot) stopping() {
	if b.drainBy.IsZero() {
		b.drainBy = time.Now().Add(b.DrainTimeout)
	}
}

// init checks the configuration and sets defaults, once.
func (b *Bot) init() error {
	if b.handling != nil {
		return nil
	}
	switch {
	case b.Token == "":
		return errors.New("telegram: no token")
	case b.Handler == nil:
		return errors.New("telegram: no handler")
	case b.Content == nil:
		return errors.New("telegram: no content")
	}
	if b.Endpoint == "" {
		b.Endpoint = DefaultEndpoint
	}
	if strings.Count(b.Endpoint, "%s") != 2 {
		return fmt.Errorf("telegram: endpoint %q must hold two %%s, for the token and the method, like %q", b.Endpoint, DefaultEndpoint)
	}
	if b.WebhookURL != "" {
		u, err := url.Parse(b.WebhookURL)
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return fmt.Errorf("telegram: webhook URL %q is not an absolute http(s) URL", b.WebhookURL)
		}
		if b.Listener == nil {
			return errors.New("telegram: webhook URL set without a listener")
		}
		b.hookPath = u.EscapedPath()
		if b.hookPath == "" {
			b.hookPath = "/"
		}
		if b.WebhookSecret == "" {
			b.WebhookSecret = rand.Text() + rand.Text() // 256 bits, in letters and digits
		}
		if !ValidSecret(b.WebhookSecret) {
			return errors.New("telegram: webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
		}
	}
	if b.Triage == nil {
		return errors.New("telegram: no triage (the engine)")
	}
	setDefault(&b.LongPoll, 50*time.Second)
	setDefault(&b.Workers, 16)
	setDefault(&b.SendWorkers, 64)
	setDefault(&b.MaxQueued, 4096)
	setDefault(&b.MaxChatQueued, 8)
	setDefault(&b.Rate, 30)
	setDefault(&b.Burst, 30)
	setDefault(&b.ChatRate, 1)
	setDefault(&b.ChatBurst, 3)
	setDefault(&b.MaxAttempts, 8)
	setDefault(&b.Backoff, 500*time.Millisecond)
	setDefault(&b.MaxBackoff, 30*time.Second)
	setDefault(&b.RequestTimeout, 30*time.Second)
	setDefault(&b.MaxDelete, 200)
	setDefault(&b.DrainTimeout, 10*time.Second)
	b.dropped = newRollup(b.log, slog.LevelWarn, "telegram: updates dropped: their chat was over its queue limit", logEvery)
	b.strangers = newRollup(b.log, slog.LevelWarn, "telegram: webhook requests without the right secret refused", logEvery)
	b.busy = newRollup(b.log, slog.LevelWarn, "telegram: update queue full; Telegram will deliver the updates again", logEvery)
	if b.Client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = b.SendWorkers + 2 // one host for every call
		b.Client = &http.Client{Transport: tr}
	}
	b.limits = newLimiter(b.Rate, b.Burst, b.ChatRate, b.ChatBurst, b.Clock)
	b.out = b.chain()
	onPanic := func(v any) { b.log().Error("telegram: panic in a job; it was dropped", "panic", fmt.Sprint(v)) }
	b.handling = newLanes(b.Workers, b.MaxQueued, onPanic)
	b.sending = newLanes(b.SendWorkers, b.MaxQueued, onPanic)
	b.inline = newLanes(b.Workers, b.MaxQueued, onPanic)
	b.defFinder = indexFinder(b.Content)
	return nil
}

func setDefault[T comparable](p *T, v T) {
	var zero T
	if *p == zero {
		*p = v
	}
}

// open checks the token, publishes the commands and sets up receiving.
func (b *Bot) open(ctx context.Context) error {
	octx, cancel := context.WithCancel(b.life)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()

	if err := b.request(octx, "getMe", nil, &b.me); err != nil {
		if c := apiCode(err); c == http.StatusUnauthorized || c == http.StatusNotFound {
			return fmt.Errorf("telegram rejected the token (check TELEGRAM_BOT_TOKEN): %w", err)
		}
		return fmt.Errorf("connect to telegram: %w", err)
	}
	b.prepareTexts() // the group line links to the bot by its username
	b.publishCommands(octx)
	if b.WebhookURL != "" {
		return b.setWebhook(octx)
	}
	// getUpdates fails while a webhook is set; pending updates are kept.
	if err := b.request(octx, "deleteWebhook", nil, nil); err != nil {
		return fmt.Errorf("remove webhook before polling: %w", err)
	}
	b.metrics().Receiving(true)
	b.log().Info("telegram bot started", "mode", "polling", "bot", b.me.UserName)
	return nil
}

// publishCommands sets the command menu in every language of the content.
// A failure costs only the menu, so it is logged, not fatal.
func (b *Bot) publishCommands(ctx context.Context) {
	for _, lang := range b.Content.Langs {
		p := tgbotapi.Params{}
		err := p.AddInterface("commands", b.texts[lang].commands)
		if lang != content.DefaultLang {
			p["language_code"] = lang
		}
		if err == nil {
			err = b.request(ctx, "setMyCommands", p, nil)
		}
		if err != nil {
			b.log().Warn("telegram: commands not published", "lang", lang, "err", err)
		}
	}
}

// exitGrace is how long a quick exit already received may still be
// carried out once the drain has given up on everything else: a
// redeployment must not leave the conversation on the phone.
const exitGrace = 5 * time.Second

// drain waits for queued work after receiving stopped: handling first, as
// it queues sends, then sending. What is still queued at the deadline is
// abandoned, quick exits after exitGrace: the jobs left run as no-ops that
// count themselves, and one line says what was given up.
func (b *Bot) drain(abandon, abandonExits context.CancelFunc) {
	ctx, cancel := context.WithDeadline(context.Background(), b.drainBy)
	defer cancel()
	err := b.inline.Wait(ctx)
	if err == nil {
		err = b.handling.Wait(ctx)
	}
	if err == nil {
		err = b.sending.Wait(ctx)
	}
	if err == nil {
		abandonExits()
		b.flushLogs()
		b.log().Info("telegram bot stopped; everything received was handled")
		return
	}
	abandon()
	exits, cancel1 := context.WithTimeout(context.Background(), exitGrace)
	_ = b.handling.Wait(exits)
	_ = b.sending.Wait(exits)
	cancel1()
	abandonExits()
	// Every job ends at once now; wait so that none outlives Run.
	grace, cancel2 := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel2()
	_ = b.inline.Wait(grace)
	_ = b.handling.Wait(grace)
	_ = b.sending.Wait(grace)
	b.flushLogs()
	b.log().Error("telegram bot stopped before finishing; the rest is abandoned",
		"updates_not_acknowledged", b.lost.updates.Load(),
		"reply_batches_not_sent", b.lost.replies.Load()+b.lost.sendsQueued.Load(),
		"calls_interrupted", b.lost.interrupted.Load(),
		"still_running", b.handling.Len()+b.sending.Len()+b.inline.Len(),
		"timeout", b.DrainTimeout.String())
}

// flushLogs writes what the rolled-up log lines have counted so far.
func (b *Bot) flushLogs() {
	b.dropped.flush()
	b.strangers.flush()
	b.busy.flush()
}

func (b *Bot) log() *slog.Logger {
	if b.Log != nil {
		return b.Log
	}
	return slog.Default()
}

// ValidSecret reports whether s is a webhook secret Telegram accepts:
// 1-256 characters of A-Z, a-z, 0-9, _ and -.
func ValidSecret(s string) bool { return validSecret.MatchString(s) }

var validSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// DeepLink is the link that opens a private chat with the bot and, with a
// payload, the flow of that name, for posters and QR codes.
func DeepLink(username, payload string) string {
	link := "https://t.me/" + strings.TrimPrefix(username, "@")
	if payload != "" {
		link += "?start=" + url.QueryEscape(payload)
	}
	return link
}
