// Package stats keeps anonymous totals per day: how many conversations
// started, which flows people entered, which contacts they were referred
// to, how many left with the quick exit. These are the figures the
// organisations behind Signaal report on. A total is a name and a number
// for a calendar day in Dutch time; nothing in it says who, when within
// the day, or in which conversation.
//
// A Recorder counts in memory and hands the totals to a Store now and
// then, so that counting costs no round trip while a person waits for an
// answer. The Store is Memory (one process, lost on restart) or Redis
// (shared by every instance, kept for Retention).
package stats

import (
	"context"
	"errors"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"
	_ "time/tzdata" // the zone below must exist in a scratch image too
)

// Retention is how long the Redis store keeps a day's totals: a little
// over a year, so that a yearly report can still be drawn up in January.
const Retention = 400 * 24 * time.Hour

// MaxDays bounds how many days one read returns.
const MaxDays = 400

// dateLayout is how a day is written: 2006-01-02.
const dateLayout = time.DateOnly

// zone is where a day begins and ends. The organisations report per Dutch
// calendar day, so a conversation at half past midnight in Amsterdam
// counts for the new day, whatever the server's clock is set to.
var zone = mustZone("Europe/Amsterdam")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("stats: " + err.Error()) // time/tzdata is linked in
	}
	return loc
}

// Date returns the day t falls on in Dutch time, as 2006-01-02.
func Date(t time.Time) string { return t.In(zone).Format(dateLayout) }

// Day is the totals of one day by name, such as "referral:keerpunt".
type Day struct {
	Date   string           `json:"date"`
	Counts map[string]int64 `json:"counts"`
}

// Store keeps totals per day.
type Store interface {
	// Add adds counts (by date, then by name) to what is kept. It adds
	// all of them or, with an error, none that it knows of: a failed Add
	// is tried again with the same counts, so a partial one may count
	// twice, which for these reports is better than losing a day.
	Add(ctx context.Context, counts map[string]map[string]int64) error
	// Days returns the totals of the given dates, in that order; a day
	// without totals has an empty Counts.
	Days(ctx context.Context, dates []string) ([]Day, error)
}

// Recorder counts events in memory and moves them to Store with Flush. It
// is safe for concurrent use.
type Recorder struct {
	Store Store
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Log receives a line when the store cannot take the totals;
	// slog.Default() when nil.
	Log *slog.Logger

	mu      sync.Mutex
	pending map[string]map[string]int64 // date -> name -> count
}

// maxPending bounds the days a Recorder keeps while its store is
// unreachable. Names are few (flows and contacts of the content), so a
// day costs little; after this many days of outage the oldest is dropped
// rather than let memory grow without end.
const maxPending = 31

// Add counts one event of name today.
func (r *Recorder) Add(name string) {
	date := Date(r.now())
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pending == nil {
		r.pending = map[string]map[string]int64{}
	}
	day := r.pending[date]
	if day == nil {
		if len(r.pending) >= maxPending {
			delete(r.pending, slices.Min(slices.Collect(maps.Keys(r.pending))))
		}
		day = map[string]int64{}
		r.pending[date] = day
	}
	day[name]++
}

// Flush hands what was counted to the store. When the store fails, the
// counts are kept for the next Flush and the error returned.
func (r *Recorder) Flush(ctx context.Context) error {
	r.mu.Lock()
	batch := r.pending
	r.pending = nil
	r.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	if r.Store == nil {
		return errors.New("stats: no store")
	}
	err := r.Store.Add(ctx, batch)
	if err != nil {
		r.mu.Lock()
		for date, names := range batch {
			for name, n := range names {
				if r.pending == nil {
					r.pending = map[string]map[string]int64{}
				}
				if r.pending[date] == nil {
					r.pending[date] = map[string]int64{}
				}
				r.pending[date][name] += n
			}
		}
		r.mu.Unlock()
	}
	return err
}

// Run flushes every interval until ctx ends, then once more with a short
// time of its own, so that a stop loses nothing counted.
func (r *Recorder) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			defer cancel()
			if err := r.Flush(fctx); err != nil {
				r.log().Warn("stats: daily totals not saved at stop", "err", err)
			}
			return
		case <-t.C:
			if err := r.Flush(ctx); err != nil && ctx.Err() == nil {
				r.log().Warn("stats: daily totals not saved yet; kept for the next try", "err", err)
			}
		}
	}
}

// Days flushes, then returns the totals of the last n days, today last.
func (r *Recorder) Days(ctx context.Context, n int) ([]Day, error) {
	if n < 1 || n > MaxDays {
		return nil, errors.New("stats: days must be between 1 and 400")
	}
	if err := r.Flush(ctx); err != nil {
		return nil, err
	}
	today := r.now().In(zone)
	dates := make([]string, n)
	for i := range n {
		// AddDate on the date, not 24-hour steps: a day with a clock
		// change is 23 or 25 hours long.
		dates[n-1-i] = today.AddDate(0, 0, -i).Format(dateLayout)
	}
	return r.Store.Days(ctx, dates)
}

func (r *Recorder) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Recorder) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}

// Memory keeps totals in this process: lost when it stops, and not shared
// with other instances. It keeps at most MaxDays days.
type Memory struct {
	mu   sync.Mutex
	days map[string]map[string]int64
}

var _ Store = (*Memory)(nil)

// Add adds counts; it never fails.
func (m *Memory) Add(_ context.Context, counts map[string]map[string]int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.days == nil {
		m.days = map[string]map[string]int64{}
	}
	for date, names := range counts {
		day := m.days[date]
		if day == nil {
			day = map[string]int64{}
			m.days[date] = day
		}
		for name, n := range names {
			day[name] += n
		}
	}
	for len(m.days) > MaxDays {
		delete(m.days, slices.Min(slices.Collect(maps.Keys(m.days))))
	}
	return nil
}

// Days returns copies of the totals of dates.
func (m *Memory) Days(_ context.Context, dates []string) ([]Day, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Day, len(dates))
	for i, d := range dates {
		out[i] = Day{Date: d, Counts: maps.Clone(m.days[d])}
		if out[i].Counts == nil {
			out[i].Counts = map[string]int64{}
		}
	}
	return out, nil
}
