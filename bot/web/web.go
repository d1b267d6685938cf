// Package web is the web chat channel: one small page, embedded in the
// binary, that a partner site can show in a frame, and the JSON API under
// /api/v1/ that the page talks to (and that another front end or a
// messenger gateway can use too). It turns requests into bot.Updates for
// the dispatcher and the dispatcher's replies into JSON; it knows nothing
// of sessions or flows.
//
// Anonymous by construction:
//
//   - A conversation is known by a token the server hands out when it
//     starts: 16 random bytes and a tag under Secret, so that only tokens
//     this bot (or an instance with the same secret) handed out are
//     taken, and nothing needs to be stored to know them. The page keeps
//     it in memory only: no cookie, no storage. The dispatcher keeps the
//     session under an HMAC of a hash of it, as for every channel.
//   - Flood protection counts requests per client address under a salted
//     hash, in memory; the salt is drawn at start and never leaves the
//     process. No address is stored or logged, and the HTTP server's own
//     error lines are cleaned of them.
//   - Every answer carries Cache-Control: no-store, Referrer-Policy:
//     no-referrer and a strict Content-Security-Policy, whose
//     frame-ancestors lists the partner sites allowed to show the page.
//
// What matters most never waits: the quick exit is never refused, and
// wipes the conversation even when the page has already gone (it asks
// with keepalive and does not wait); a message the engine reads as danger
// passes the limit a conversation has, and a request refused for a flood
// still carries the safety card, with 112.
package web

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
)

// Platform names this channel in store keys and metrics.
const Platform = "web"

// Engine is what the channel asks the engine itself (flows.Engine),
// outside a conversation: how urgent an input is, so that the quick exit
// and danger pass a flood limit as the dispatcher will read them; the
// welcome the page opens with before anything is stored; and the safety
// card that a refused request still shows. It must be safe for concurrent
// use.
type Engine interface {
	Urgency(in flows.Input) flows.Urgency
	Welcome(lang string) []flows.Reply
	SafetyCard(lang string) flows.Reply
}

var _ Engine = (*flows.Engine)(nil)

// Metrics is told what the channel does, so that an operator can watch
// it. Its methods are called while requests are handled, from many
// goroutines: they must be quick and safe for concurrent use. No argument
// says anything about a person: only kinds, counts and reasons.
type Metrics interface {
	// Received is told of each conversation update, by kind: "text",
	// "command" or "button".
	Received(kind string)
	// Replied is told how many replies an answer carried.
	Replied(n int)
	// Refused is told of each request refused, by reason: "flood",
	// "bad_request", "too_large", "media_type", "no_token",
	// "unknown_token", "method" or "not_found".
	Refused(reason string)
	// Receiving is told whether the address is served: true once Serve
	// listens, false when it stops.
	Receiving(ok bool)
}

type noMetrics struct{}

func (noMetrics) Received(string) {}
func (noMetrics) Replied(int)     {}
func (noMetrics) Refused(string)  {}
func (noMetrics) Receiving(bool)  {}

// Keys are the text keys the page shows itself, besides the engine's
// replies. Pass them to content.Options.Keys, so that lint requires them
// in every language.
var Keys = []string{
	keyTitle, keyAbout, keyExitHint, keyInput, keySend, keyYou, keyBot, keyLog, keyAnswers, keyNoScript,
}

const (
	keyTitle    = "web.title"    // the page's title: neutral, it shows in tabs and history
	keyAbout    = "web.about"    // under the bar: anonymous, no cookies, closing ends it
	keyExitHint = "web.exit"     // how to leave at once: the button or Escape
	keyInput    = "web.input"    // label and placeholder of the text field
	keySend     = "web.send"     // the send button
	keyYou      = "web.you"      // read out before the person's own messages
	keyBot      = "web.bot"      // read out before the bot's messages
	keyLog      = "web.log"      // the name of the conversation, for screen readers
	keyAnswers  = "web.answers"  // the name of the group of answer buttons
	keyNoScript = "web.noscript" // without JavaScript; the safety card follows
)

// DefaultExitURL is the neutral page the quick exit goes to: a weather
// site, which anyone may have open and which says nothing.
const DefaultExitURL = "https://www.buienradar.nl/"

// Server serves the page and the API. Handler, Engine and Content are
// required; every other field has a default suited to production. Fields
// are set before Provision, Serve or the first request.
type Server struct {
	// Handler handles each conversation update: the dispatcher, wrapped
	// for metrics.
	Handler bot.Handler
	// Engine says how urgent an input is, and gives the welcome and the
	// safety card; the flows.Engine.
	Engine Engine
	// Content gives the page's words in every language, and the contacts
	// whose numbers and addresses the page turns into links.
	Content *content.Content
	// Log receives operational events, never a token, an address or a
	// text. slog.Default() when nil.
	Log *slog.Logger
	// Metrics is told of updates, refusals and whether the address is
	// served; nothing is told when nil.
	Metrics Metrics

	// Secret signs the conversation tokens. Instances behind one load
	// balancer, with one Redis, need the same one (SESSION_SECRET);
	// random per process when empty, which a memory store can live with.
	Secret []byte
	// FrameAncestors are the origins that may show the page in a frame,
	// such as "https://www.fier.nl"; none when empty, and then the page
	// shows only as a page of its own.
	FrameAncestors []string
	// ExitURL is the neutral page the quick exit replaces the chat with;
	// DefaultExitURL when empty.
	ExitURL string
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client, for flood protection; without them every request
	// counts for the address it comes from.
	TrustedProxies []netip.Prefix
	// Limits bound what one address and one conversation may send; the
	// zero Limits is DefaultLimits.
	Limits Limits
	// Now is the clock of the flood limits; time.Now when nil.
	Now func() time.Time
	// HandleTimeout bounds the handling of one update, which goes on
	// after the page has gone (a quick exit must wipe the conversation
	// even then); 10s when zero.
	HandleTimeout time.Duration
	// DrainTimeout is how long Serve lets requests in flight finish once
	// its context ends (10s when zero).
	DrainTimeout time.Duration

	prep    sync.Once
	prepErr error
	mux     http.Handler
	tokens  *tokens
	flood   *flood
	pages   map[string][]byte // the page by language
	csp     string            // of the page
	exitURL string
}

// Provision checks the fields and builds the page in every language. Serve
// and the first request call it; calling it first reports a mistake before
// anything is served. Only the first call does the work.
func (s *Server) Provision() error {
	s.prep.Do(func() { s.prepErr = s.provision() })
	return s.prepErr
}

func (s *Server) provision() error {
	if s.Handler == nil || s.Engine == nil || s.Content == nil {
		return errors.New("web: Handler, Engine and Content are required")
	}
	secret := s.Secret
	if len(secret) == 0 {
		secret = make([]byte, 32)
		if _, err := rand.Read(secret); err != nil {
			return fmt.Errorf("web: no randomness for the token secret: %w", err)
		}
	}
	s.tokens = newTokens(secret)
	s.exitURL = cmp.Or(s.ExitURL, DefaultExitURL)
	if err := CheckExitURL(s.exitURL); err != nil {
		return err
	}
	ancestors, err := frameAncestors(s.FrameAncestors)
	if err != nil {
		return err
	}
	s.csp = pageCSP(ancestors)
	s.flood = newFlood(s.Limits.orDefault(), s.now)
	if err := s.buildPages(); err != nil {
		return err
	}
	s.mux = s.routes()
	return nil
}

// CheckExitURL reports whether u can be the quick exit's neutral page: an
// absolute https URL (http only on loopback, for tests), whose page the
// browser can replace the chat with.
func CheckExitURL(u string) error {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.User != nil {
		return fmt.Errorf("web: exit URL %q is not an absolute URL", u)
	}
	switch p.Scheme {
	case "https":
		return nil
	case "http":
		if ip, err := netip.ParseAddr(p.Hostname()); (err == nil && ip.IsLoopback()) || p.Hostname() == "localhost" {
			return nil
		}
	}
	return fmt.Errorf("web: exit URL %q must be https", u)
}

// ServeHTTP serves the page and the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := s.Provision(); err != nil {
		s.log().Error("web: not provisioned", "err", err)
		w.Header().Set("Cache-Control", "no-store")
		http.Error(w, "the web chat is not set up", http.StatusInternalServerError)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// Serve serves on ln until ctx ends, then lets the requests in flight
// finish within DrainTimeout and returns nil; it returns an error when it
// cannot serve at all.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if err := s.Provision(); err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    16 << 10,
		// net/http writes the client's address into some of its lines
		// ("http: TLS handshake error from ..."); they pass a cleaner.
		ErrorLog: newErrorLog(s.log()),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.metrics().Receiving(true)
	defer s.metrics().Receiving(false)
	s.log().Info("web chat listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	s.metrics().Receiving(false)
	sctx, cancel := context.WithTimeout(context.Background(), cmp.Or(s.DrainTimeout, 10*time.Second))
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("web: %w", err)
	}
	s.log().Info("web chat stopped")
	return nil
}

// routes are the page, its files and the API, each behind the security
// headers. Methods are checked by the handlers, so that a wrong one gets
// the same JSON error as any other mistake.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", s.page)
	for name := range assets {
		mux.HandleFunc("/"+name, s.asset)
	}
	mux.HandleFunc("/api/v1/conversations", s.start)
	mux.HandleFunc("/api/v1/messages", s.message)
	mux.HandleFunc("/api/v1/conversation", s.exit)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errNotFound)
	})
	return s.headers(recoverJSON(s, mux))
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

func (s *Server) metrics() Metrics {
	if s.Metrics != nil {
		return s.Metrics
	}
	return noMetrics{}
}

// isJSON reports whether a Content-Type names JSON.
func isJSON(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/json")
}
