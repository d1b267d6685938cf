package redisstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/flows"
	"signaal/internal/redistest"
	"signaal/store"
	"signaal/store/storetest"
)

// newTestStore returns a store on srv through NewClient, as the bot makes
// it, and the client for looking behind the store's back.
func newTestStore(t testing.TB, srv *redistest.Server, idle time.Duration, opts ...Option) (*Store, redis.UniversalClient) {
	t.Helper()
	client, err := NewClient(Config{URL: srv.URL()})
	if err != nil {
		t.Fatalf("NewClient(%s) error = %v", srv.URL(), err)
	}
	t.Cleanup(func() { client.Close() })
	return New(client, idle, opts...), client
}

func TestConformance(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	storetest.Run(t, func(t *testing.T, idle time.Duration) storetest.Store {
		s, _ := newTestStore(t, srv, idle)
		return s
	})
}

// TestAnonymity plays conversations for several chats and then reads back
// everything in Redis, keys and values, to check that nothing in it names a
// chat, a platform, an update or a message.
func TestAnonymity(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, client := newTestStore(t, srv, time.Hour)
	ctx := t.Context()
	const secret = "a-session-secret-of-at-least-32-bytes"
	keyer := store.NewKeyer([]byte(secret))

	chats := []int64{123456789, 987654321, -1001234567890}
	// What users wrote. The store never receives it; the test would catch
	// a change that starts to pass it on.
	texts := []string{
		"mijn baas heeft mijn paspoort",
		"ik werk 14 uur per dag en krijg niks",
		"Anna de Vries",
	}
	var updates []string
	for i, chat := range chats {
		k := keyer.Key("telegram", chat)
		var rec store.Record
		for j := range texts {
			update := strconv.Itoa(884422117 + 10*i + j)
			updates = append(updates, update)
			loaded, dup, err := s.Load(ctx, k, update)
			if err != nil || dup {
				t.Fatalf("Load(chat %d, %s) = dup %v, error %v; want a new update", chat, update, dup, err)
			}
			rec = loaded
			sess := &rec.Session
			sess.Flow, sess.State, sess.Lang = "werk", "vraag"+strconv.Itoa(j), "nl"
			sess.Signals = append(sess.Signals, "antwoord"+strconv.Itoa(j)+"=ja")
			sess.Back = append(sess.Back, flows.Step{Flow: "werk", State: "vraag", Signals: j})
			sess.Updated = time.Now()
			if sess.Started.IsZero() {
				sess.Started = sess.Updated
			}
			if rec, err = s.Save(ctx, k, rec); err != nil {
				t.Fatalf("Save(chat %d) error = %v", chat, err)
			}
		}
	}
	// One chat leaves with the quick exit: nothing of it may remain.
	if err := s.Delete(ctx, keyer.Key("telegram", chats[2])); err != nil {
		t.Fatal(err)
	}

	forbidden := []string{"telegram", secret}
	for _, chat := range chats {
		forbidden = append(forbidden, strconv.FormatInt(chat, 10), strconv.FormatInt(-chat, 10))
	}
	forbidden = append(forbidden, texts...)
	forbidden = append(forbidden, updates...)

	keyPattern := regexp.MustCompile(`^sg:\{[A-Za-z0-9_-]{22}\}:[su]$`)
	var keys []string
	iter := client.Scan(ctx, 0, "*", 100).Iterator()
	for iter.Next(ctx) {
		keys = append(keys, iter.Val())
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	if want := 2 * (len(chats) - 1); len(keys) != want {
		t.Errorf("SCAN found %d keys %q, want %d: a session and an update set for each chat not deleted", len(keys), keys, want)
	}
	for _, key := range keys {
		if !keyPattern.MatchString(key) {
			t.Errorf("key %q does not match %s", key, keyPattern)
		}
		ttl, err := client.PTTL(ctx, key).Result()
		if err != nil {
			t.Fatal(err)
		}
		if ttl <= 0 {
			t.Errorf("PTTL(%q) = %v, want a time-to-live: every key must expire", key, ttl)
		}

		// DUMP serializes the value whatever its type; the reads by type
		// below also see it as a client would.
		dump, err := client.Dump(ctx, key).Result()
		if err != nil {
			t.Fatal(err)
		}
		contents := [][]byte{[]byte(key), []byte(dump)}
		switch typ := client.Type(ctx, key).Val(); typ {
		case "string":
			v, err := client.Get(ctx, key).Bytes()
			if err != nil {
				t.Fatal(err)
			}
			contents = append(contents, v)
			if ttl > time.Hour {
				t.Errorf("PTTL(%q) = %v, want at most the idle time %v", key, ttl, time.Hour)
			}
		case "zset":
			members, err := client.ZRangeWithScores(ctx, key, 0, -1).Result()
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range members {
				contents = append(contents, []byte(fmt.Sprint(m.Member)), []byte(strconv.FormatFloat(m.Score, 'f', -1, 64)))
			}
			if ttl > store.SeenTTL {
				t.Errorf("PTTL(%q) = %v, want at most %v", key, ttl, store.SeenTTL)
			}
		default:
			t.Errorf("TYPE(%q) = %s, want string or zset", key, typ)
		}
		for _, c := range contents {
			for _, f := range forbidden {
				if bytes.Contains(c, []byte(f)) {
					t.Errorf("Redis key %q holds %q", key, f)
				}
			}
		}
	}
}

// countHook counts round trips: one per command outside a pipeline, one
// per pipeline.
type countHook struct{ n atomic.Int64 }

func (h *countHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *countHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmd)
	}
}

func (h *countHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmds)
	}
}

func TestRoundTrips(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, client := newTestStore(t, srv, 0)
	ctx := t.Context()
	k := store.NewKeyer(nil).Key("telegram", 1)
	// Connecting costs a HELLO once per connection; count from warm pools,
	// as a running bot has. go-redis keeps pipelines in a pool of their own.
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Load(ctx, k, "0"); err != nil {
		t.Fatal(err)
	}
	hook := &countHook{}
	client.AddHook(hook)

	var sess store.Record
	handle := func(update string) error {
		loaded, _, err := s.Load(ctx, k, update)
		if err != nil {
			return err
		}
		loaded.Session.State = "s" + update
		sess, err = s.Save(ctx, k, loaded)
		return err
	}
	tests := []struct {
		name string
		do   func() error
		want int64
	}{
		// The first Save on a server finds no cached script: EVALSHA,
		// NOSCRIPT, then EVAL. It happens once per server (re)start.
		{"first handled update on a fresh server", func() error { return handle("1") }, 3},
		{"handled update", func() error { return handle("2") }, 2},
		{"redelivered update", func() error { return handle("2") }, 2},
		{"load with update id", func() error { _, _, err := s.Load(ctx, k, "3"); return err }, 1},
		{"load without update id", func() error { _, _, err := s.Load(ctx, k, ""); return err }, 1},
		{"save", func() error { var err error; sess, err = s.Save(ctx, k, sess); return err }, 1},
		{"delete", func() error { return s.Delete(ctx, k) }, 1},
	}
	for _, tt := range tests {
		hook.n.Store(0)
		if err := tt.do(); err != nil {
			t.Fatalf("%s: error = %v", tt.name, err)
		}
		if got := hook.n.Load(); got != tt.want {
			t.Errorf("%s: %d round trips, want %d", tt.name, got, tt.want)
		}
	}
}

// TestRedisDown stops Redis under a working store: every call must fail
// fast with store.ErrUnavailable, and the same store must work again once
// Redis is back, without being rebuilt.
func TestRedisDown(t *testing.T) {
	t.Parallel()
	const budget = time.Second // the user must have an answer within it
	srv := redistest.Start(t)
	s, _ := newTestStore(t, srv, 0)
	ctx := t.Context()
	k := store.NewKeyer(nil).Key("telegram", 1)
	if _, err := s.Save(ctx, k, store.Record{Session: flows.Session{State: "a"}}); err != nil {
		t.Fatal(err)
	}

	calls := []struct {
		name string
		do   func() error
	}{
		{"Load", func() error { _, _, err := s.Load(ctx, k, "u1"); return err }},
		{"Load without update id", func() error { _, _, err := s.Load(ctx, k, ""); return err }},
		{"Save", func() error {
			_, err := s.Save(ctx, k, store.Record{Session: flows.Session{State: "b"}, Version: 1})
			return err
		}},
		{"Delete", func() error { return s.Delete(ctx, k) }},
		{"Ping", func() error { return s.Ping(ctx) }},
	}
	outages := []struct {
		name       string
		down, back func()
	}{
		// A stopped server refuses connections at once.
		{"stopped", srv.Stop, srv.Restart},
		// A hung one accepts them and never answers: only time-outs help.
		{"hung", srv.Pause, srv.Resume},
	}
	for _, o := range outages {
		t.Run(o.name, func(t *testing.T) {
			o.down()
			var slowest time.Duration
			for _, c := range calls {
				// Twice: the first call may find a pooled connection, the
				// second dials anew.
				for range 2 {
					start := time.Now()
					err := c.do()
					took := time.Since(start)
					if !errors.Is(err, store.ErrUnavailable) {
						t.Errorf("%s with Redis %s: error = %v, want %v", c.name, o.name, err, store.ErrUnavailable)
					}
					if took > budget {
						t.Errorf("%s with Redis %s took %v, want at most %v", c.name, o.name, took, budget)
					}
					slowest = max(slowest, took)
				}
			}
			t.Logf("slowest failing call with Redis %s: %v", o.name, slowest)

			o.back()
			// The pool probes a dead server once a second before it
			// dials for callers again.
			back := time.Now()
			deadline := back.Add(5 * time.Second)
			for {
				_, _, err := s.Load(ctx, k, "")
				if err == nil {
					t.Logf("store served again %v after Redis came back", time.Since(back).Round(time.Millisecond))
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("Load 5s after Redis came back: error = %v, want nil", err)
				}
				time.Sleep(50 * time.Millisecond)
			}
			// The restarted server is empty; a paused one kept the session.
			cur, _, err := s.Load(ctx, k, "")
			if err != nil {
				t.Fatal(err)
			}
			cur.Session.State = "after " + o.name
			if _, err := s.Save(ctx, k, cur); err != nil {
				t.Errorf("Save after Redis came back error = %v, want nil", err)
			}
		})
	}
}

// TestUnreadable stores values this build cannot read and checks that Load
// reports them with ErrUnreadable, the dup flag and the stored version, and
// that saving a new session with that version replaces them.
func TestUnreadable(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, client := newTestStore(t, srv, 0)
	ctx := t.Context()
	keyer := store.NewKeyer(nil)

	v1 := encode(store.Record{Session: flows.Session{State: "x"}, Version: 4})
	newer := append([]byte{formatV1 + 1}, v1[1:]...)
	newer = append(newer, "a field from the future"...)
	older := append([]byte{0}, v1[1:]...)
	tests := []struct {
		name        string
		raw         []byte
		wantVersion uint64
	}{
		{"newer format", newer, 4},
		{"older format", older, 4},
		{"truncated", v1[:len(v1)-1], 4},
		{"trailing bytes", append(append([]byte(nil), v1...), 0), 4},
		{"too short for a header", []byte("x"), 0},
		{"empty", []byte{}, 0},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := keyer.Key("telegram", int64(i))
			if err := client.Set(ctx, s.sessionKey(k), tt.raw, time.Minute).Err(); err != nil {
				t.Fatal(err)
			}
			for _, wantDup := range []bool{false, true} {
				got, dup, err := s.Load(ctx, k, "u1")
				if !errors.Is(err, ErrUnreadable) {
					t.Fatalf("Load(%s) error = %v, want %v", tt.name, err, ErrUnreadable)
				}
				if errors.Is(err, store.ErrUnavailable) {
					t.Errorf("Load(%s) error = %v, want no %v", tt.name, err, store.ErrUnavailable)
				}
				if d := storetest.Diff(got, store.Record{Version: tt.wantVersion}); d != "" {
					t.Errorf("Load(%s) session is not zero but for the version:\n%s", tt.name, d)
				}
				if dup != wantDup {
					t.Errorf("Load(%s, u1) dup = %v, want %v", tt.name, dup, wantDup)
				}
			}
			// The caller starts over with what Load returned.
			saved, err := s.Save(ctx, k, store.Record{Session: flows.Session{State: "fresh"}, Version: tt.wantVersion})
			if err != nil {
				t.Fatalf("Save over %s with version %d error = %v, want nil", tt.name, tt.wantVersion, err)
			}
			got, _, err := s.Load(ctx, k, "")
			if err != nil || got.Session.State != "fresh" || got.Version != saved.Version {
				t.Errorf("Load after the reset = state %q version %d, error %v; want %q, %d, nil", got.Session.State, got.Version, err, "fresh", saved.Version)
			}
		})
	}
}

// TestBadKey checks that a key Keyer did not make, above all a raw chat id,
// never reaches Redis.
func TestBadKey(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, client := newTestStore(t, srv, 0)
	ctx := t.Context()
	for _, k := range []store.Key{"", "123456789", "telegram:123456789", "AAAAAAAAAAAAAAAAAAAA}{", "AAAAAAAAAAAAAAAAAAAAAAA"} {
		if _, _, err := s.Load(ctx, k, "u1"); !errors.Is(err, errBadKey) {
			t.Errorf("Load(%q) error = %v, want %v", k, err, errBadKey)
		}
		if _, err := s.Save(ctx, k, store.Record{Session: flows.Session{State: "x"}}); !errors.Is(err, errBadKey) {
			t.Errorf("Save(%q) error = %v, want %v", k, err, errBadKey)
		}
		if err := s.Delete(ctx, k); !errors.Is(err, errBadKey) {
			t.Errorf("Delete(%q) error = %v, want %v", k, err, errBadKey)
		}
	}
	if n := client.DBSize(ctx).Val(); n != 0 {
		t.Errorf("DBSIZE after calls with bad keys = %d, want 0", n)
	}
}

// TestSeenBounded floods one chat with updates: its set of update ids must
// stay bounded, and the newest ids must still be recognised.
func TestSeenBounded(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, client := newTestStore(t, srv, 0)
	ctx := t.Context()
	k := store.NewKeyer(nil).Key("telegram", 1)
	const n = maxSeen + 50
	for i := range n {
		if _, _, err := s.Load(ctx, k, strconv.Itoa(i)); err != nil {
			t.Fatal(err)
		}
	}
	if got := client.ZCard(ctx, s.seenKey(k)).Val(); got != maxSeen {
		t.Errorf("ZCARD(update ids) after %d updates = %d, want %d", n, got, maxSeen)
	}
	if _, dup, _ := s.Load(ctx, k, strconv.Itoa(n-1)); !dup {
		t.Errorf("Load(newest update %d) dup = false, want true", n-1)
	}
}

// TestSeenExpiry checks that an update id is forgotten after the seen TTL,
// as in the memory store.
func TestSeenExpiry(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, _ := newTestStore(t, srv, 0, WithSeenTTL(time.Second))
	ctx := t.Context()
	k := store.NewKeyer(nil).Key("telegram", 1)
	now := time.Unix(1_700_000_000, 0)
	s.now = func() time.Time { return now }

	steps := []struct {
		after   time.Duration
		wantDup bool
	}{
		{0, false},
		{0, true},
		{999 * time.Millisecond, true},
		{2 * time.Second, false}, // forgotten, and recorded anew
		{0, true},
	}
	for i, st := range steps {
		now = now.Add(st.after)
		if _, dup, err := s.Load(ctx, k, "u1"); err != nil || dup != st.wantDup {
			t.Errorf("step %d: Load(u1) = dup %v, error %v; want %v, nil", i, dup, err, st.wantDup)
		}
	}
}

func TestContextCanceled(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, _ := newTestStore(t, srv, 0)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	k := store.NewKeyer(nil).Key("telegram", 1)
	_, _, err := s.Load(ctx, k, "u1")
	if !errors.Is(err, context.Canceled) || !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Load(canceled ctx) error = %v, want one wrapping both %v and %v", err, context.Canceled, store.ErrUnavailable)
	}
}

func BenchmarkLoadSave(b *testing.B) {
	srv := redistest.Start(b)
	s, _ := newTestStore(b, srv, 0)
	ctx := context.Background()
	keyer := store.NewKeyer(nil)
	sess := flows.Session{
		Flow: "werk", State: "vraag3", Lang: "nl",
		Signals: []string{"werk=ja", "paspoort=ingenomen", "loon=nee"},
		Back:    []flows.Step{{Flow: "start", State: "welkom"}, {Flow: "werk", State: "vraag2", Signals: 2}},
		Started: time.Now(), Updated: time.Now(),
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := keyer.Key("telegram", int64(i%100))
		i++
		cur, _, err := s.Load(ctx, k, strconv.Itoa(i))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Save(ctx, k, store.Record{Session: sess, Version: cur.Version}); err != nil {
			b.Fatal(err)
		}
	}
}
