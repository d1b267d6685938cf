// Package admin is the bot's HTTP server for operators, on an address of
// its own apart from the webhook: /healthz says the process is alive,
// /readyz that it can serve (each readiness check passes), /metrics serves
// Prometheus, and /stats the anonymous daily totals as JSON.
//
// Nothing it serves concerns a person: checks report only their name and
// an error from infrastructure (Redis, Telegram), metrics carry no
// personal label (see internal/metrics), and the totals are counts per day.
package admin

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"signaal/internal/stats"
)

// Check is one condition of readiness.
type Check struct {
	// Name says what is checked, such as "redis"; /readyz shows it.
	Name string
	// Check returns nil when the condition holds, within the time its
	// context allows (Server.Timeout).
	Check func(ctx context.Context) error
}

// CheckTimeout bounds one readiness check. A probe that waited longer
// would be cut off by the orchestrator anyway, and say less.
const CheckTimeout = 2 * time.Second

// DefaultDays is how many days /stats returns without ?days=.
const DefaultDays = 31

// Server serves the admin endpoints. Fields are set before Serve or
// Handler is called.
type Server struct {
	// Checks must all pass for /readyz to answer 200.
	Checks []Check
	// Metrics serves /metrics; 404 when nil.
	Metrics http.Handler
	// Stats gives /stats the totals of the last n days; 404 when nil.
	Stats func(ctx context.Context, n int) ([]stats.Day, error)
	// Timeout bounds each readiness check (CheckTimeout when zero).
	Timeout time.Duration
	// Log receives a line when the server fails; slog.Default() when nil.
	Log *slog.Logger
}

// Handler returns the endpoints.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", s.ready)
	if s.Metrics != nil {
		mux.Handle("GET /metrics", s.Metrics)
	}
	if s.Stats != nil {
		mux.HandleFunc("GET /stats", s.stats)
	}
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "signaalbot admin: /healthz /readyz /metrics /stats")
	})
	return mux
}

// ready runs every check, each with its own time limit, and answers 200
// when all pass and 503 otherwise, with one line per check.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	type result struct {
		i   int
		err error
	}
	results := make(chan result, len(s.Checks))
	for i, c := range s.Checks {
		go func() {
			ctx, cancel := context.WithTimeout(r.Context(), cmp.Or(s.Timeout, CheckTimeout))
			defer cancel()
			results <- result{i, c.Check(ctx)}
		}()
	}
	errs := make([]error, len(s.Checks))
	for range s.Checks {
		res := <-results
		errs[res.i] = res.err
	}
	status := http.StatusOK
	if errors.Join(errs...) != nil {
		status = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	for i, c := range s.Checks {
		if errs[i] != nil {
			fmt.Fprintf(w, "%s: not ready: %v\n", c.Name, errs[i])
		} else {
			fmt.Fprintf(w, "%s: ok\n", c.Name)
		}
	}
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	n := DefaultDays
	if v := r.URL.Query().Get("days"); v != "" {
		d, err := strconv.Atoi(v)
		if err != nil || d < 1 || d > stats.MaxDays {
			http.Error(w, fmt.Sprintf("days must be a number from 1 to %d", stats.MaxDays), http.StatusBadRequest)
			return
		}
		n = d
	}
	days, err := s.Stats(r.Context(), n)
	if err != nil {
		s.log().Warn("admin: daily totals not available", "err", err)
		http.Error(w, "daily totals not available: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(days)
}

// Serve serves the endpoints on ln until ctx ends, then closes it; open
// connections get a second to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log().Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("admin server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("admin server: %w", err)
	}
	return nil
}

func (s *Server) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}
