package redisstore

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"sync"
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

// ttlClock makes time pass for a store's keys in the conformance suite by
// shortening their time to live, as the server's own clock would: a key
// whose time is up is deleted, as Redis deletes it.
type ttlClock struct {
	t      *testing.T
	s      *Store
	client redis.UniversalClient
}

func (c ttlClock) Pass(d time.Duration, keys ...store.Key) {
	ctx := context.Background()
	for _, k := range keys {
		for _, name := range []string{c.s.sessionKey(k), c.s.legacySeenKey(k)} {
			ttl, err := c.client.PTTL(ctx, name).Result()
			if err != nil {
				c.t.Fatalf("PTTL %s: %v", name, err)
			}
			if ttl < 0 {
				continue // no such key, or one that does not expire
			}
			if left := ttl - d; left > 0 {
				err = c.client.PExpire(ctx, name, left).Err()
			} else {
				err = c.client.Del(ctx, name).Err()
			}
			if err != nil {
				c.t.Fatalf("making %v pass for %s: %v", d, name, err)
			}
		}
	}
}

// suiteTimeout bounds a call of the conformance suite. The suite checks
// the contract, not how soon a call gives up (TestRedisDown does): a
// loaded machine, under the race detector, must not fail it.
const suiteTimeout = time.Minute

func TestConformance(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	storetest.Run(t, func(t *testing.T, idle time.Duration) (storetest.Store, storetest.Clock) {
		s, client := newTestStore(t, srv, idle, WithTimeout(suiteTimeout))
		return s, ttlClock{t, s, client}
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
			seq := uint64(884422117 + 10*i + j)
			update := strconv.FormatUint(seq, 10)
			updates = append(updates, update)
			loaded, err := s.Load(ctx, k)
			if err != nil {
				t.Fatalf("Load(chat %d) error %v", chat, err)
			}
			rec = loaded
			// As the dispatcher records updates: Telegram's as a sequence
			// number, another platform's (its message id holding a phone
			// number) hashed.
			rec.Handled = rec.Handled.With(seq, 0).With(0, keyer.UpdateHash(k, "wamid.316"+update))
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
	forbidden = append(forbidden, "wamid")

	keyPattern := regexp.MustCompile(`^sg:\{[A-Za-z0-9_-]{22}\}:s$`)
	var keys []string
	iter := client.Scan(ctx, 0, "*", 100).Iterator()
	for iter.Next(ctx) {
		keys = append(keys, iter.Val())
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	if want := len(chats) - 1; len(keys) != want {
		t.Errorf("SCAN found %d keys %q, want %d: a session for each chat not deleted", len(keys), keys, want)
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
		default:
			t.Errorf("TYPE(%q) = %s, want string", key, typ)
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

// commandStats returns how often Redis ran each command, from its own
// statistics. They count the commands a script runs too; the
// compare-and-set script runs GETRANGE and SET, which the store never
// sends itself, so the two are told apart by name.
func commandStats(t testing.TB, c redis.UniversalClient) map[string]int64 {
	t.Helper()
	info, err := c.Info(context.Background(), "commandstats").Result()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, line := range strings.Split(info, "\n") {
		line, ok := strings.CutPrefix(strings.TrimSpace(line), "cmdstat_")
		if !ok {
			continue
		}
		name, rest, _ := strings.Cut(line, ":")
		calls, _, _ := strings.Cut(strings.TrimPrefix(rest, "calls="), ",")
		n, _ := strconv.ParseInt(calls, 10, 64)
		out[name] = n
	}
	return out
}

// diffStats returns what ran between two commandStats, without the INFO
// calls that took them.
func diffStats(before, after map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for name, n := range after {
		if d := n - before[name]; d > 0 && name != "info" {
			out[name] = d
		}
	}
	return out
}

// TestCommands counts, by Redis's own statistics, what each call sends:
// an update, Load then Save, is one GET and one EVALSHA.
func TestCommands(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, client := newTestStore(t, srv, 0)
	ctx := t.Context()
	keyer := store.NewKeyer(nil)
	k := keyer.Key("telegram", 1)
	// A new connection says HELLO once; count from warm connections, as a
	// running bot has: the pool for single commands and the one for
	// pipelines.
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, keyer.Key("telegram", 2)); err != nil {
		t.Fatal(err)
	}
	var cur store.Record
	handle := func() error {
		loaded, err := s.Load(ctx, k)
		if err != nil {
			return err
		}
		loaded.Session.State = "s"
		loaded.Handled = loaded.Handled.With(loaded.Version+1, 0)
		cur, err = s.Save(ctx, k, loaded)
		return err
	}
	tests := []struct {
		name string
		do   func() error
		want map[string]int64 // the script's own GETRANGE and SET included
	}{
		// The first Save on a server finds no cached script: EVALSHA
		// fails with NOSCRIPT, EVAL loads it. Once per server (re)start.
		{"first update on a fresh server", handle, map[string]int64{"get": 1, "evalsha": 1, "eval": 1, "getrange": 1, "set": 1}},
		{"update", handle, map[string]int64{"get": 1, "evalsha": 1, "getrange": 1, "set": 1}},
		{"load", func() error { _, err := s.Load(ctx, k); return err }, map[string]int64{"get": 1}},
		{"save", func() error { var err error; cur, err = s.Save(ctx, k, cur); return err }, map[string]int64{"evalsha": 1, "getrange": 1, "set": 1}},
		{"conflicting save", func() error {
			if _, err := s.Save(ctx, k, store.Record{}); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("Save(version 0) error = %v, want %v", err, store.ErrConflict)
			}
			return nil
		}, map[string]int64{"evalsha": 1, "getrange": 1}},
		{"delete", func() error { return s.Delete(ctx, k) }, map[string]int64{"del": 1}},
	}
	for _, tt := range tests {
		before := commandStats(t, client)
		if err := tt.do(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := diffStats(before, commandStats(t, client)); !maps.Equal(got, tt.want) {
			t.Errorf("%s: Redis ran %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPipelined checks that the commands of concurrent calls share round
// trips: many goroutines each Load and Save, and the pipelines that carry
// their commands are fewer than the commands.
func TestPipelined(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, client := newTestStore(t, srv, 0)
	if !s.Pipelined() {
		t.Fatal("Pipelined() = false, want true for a client from NewClient")
	}
	hook := &pipelineHook{}
	client.AddHook(hook)
	keyer := store.NewKeyer(nil)
	const goroutines, each = 64, 20
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			k := keyer.Key("telegram", int64(g))
			for range each {
				r, err := s.Load(t.Context(), k)
				if err == nil {
					_, err = s.Save(t.Context(), k, r)
				}
				if err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	cmds, pipes := hook.cmds.Load(), hook.pipes.Load()
	t.Logf("%d commands in %d round trips", cmds, pipes)
	if want := int64(2 * goroutines * each); cmds < want {
		t.Errorf("%d commands counted, want at least %d", cmds, want)
	}
	if pipes*2 > cmds {
		t.Errorf("%d commands took %d round trips, want them batched at least two to one", cmds, pipes)
	}
}

// pipelineHook counts round trips and the commands in them: a pipeline,
// or a command the autopipeliner sent on its own.
type pipelineHook struct{ pipes, cmds atomic.Int64 }

func (h *pipelineHook) DialHook(next redis.DialHook) redis.DialHook { return next }
func (h *pipelineHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.pipes.Add(1)
		h.cmds.Add(1)
		return next(ctx, cmd)
	}
}
func (h *pipelineHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.pipes.Add(1)
		h.cmds.Add(int64(len(cmds)))
		return next(ctx, cmds)
	}
}

// TestRedisDown stops Redis under a working store: every call must fail
// with store.ErrUnavailable though its caller never gives up (the store's
// own time-outs end it), and the same store must work again once Redis is
// back, without being rebuilt.
func TestRedisDown(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	// A bound shorter than DefaultTimeout, so that the calls to a hung
	// server end sooner; which bound ends them is what is checked.
	s, _ := newTestStore(t, srv, 0, WithTimeout(50*time.Millisecond))
	ctx := t.Context()
	k := store.NewKeyer(nil).Key("telegram", 1)
	if _, err := s.Save(ctx, k, store.Record{Session: flows.Session{State: "a"}}); err != nil {
		t.Fatal(err)
	}

	calls := []struct {
		name string
		do   func() error
	}{
		{"Load", func() error { _, err := s.Load(ctx, k); return err }},
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
			for _, c := range calls {
				// Twice: the first call may find a pooled connection, the
				// second dials anew.
				for range 2 {
					if err := c.do(); !errors.Is(err, store.ErrUnavailable) {
						t.Errorf("%s with Redis %s: error = %v, want %v", c.name, o.name, err, store.ErrUnavailable)
					}
				}
			}

			o.back()
			redistest.Recovered(t, func() error { _, err := s.Load(ctx, k); return err })
			// The restarted server is empty; a paused one kept the session.
			cur, err := s.Load(ctx, k)
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
	newer := append([]byte{formatV3 + 1}, v1[1:]...)
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
			got, err := s.Load(ctx, k)
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("Load(%s) error = %v, want %v", tt.name, err, ErrUnreadable)
			}
			if errors.Is(err, store.ErrUnavailable) {
				t.Errorf("Load(%s) error = %v, want no %v", tt.name, err, store.ErrUnavailable)
			}
			if d := storetest.Diff(got, store.Record{Version: tt.wantVersion}); d != "" {
				t.Errorf("Load(%s) record is not zero but for the version:\n%s", tt.name, d)
			}
			// The caller starts over with what Load returned.
			saved, err := s.Save(ctx, k, store.Record{Session: flows.Session{State: "fresh"}, Version: tt.wantVersion})
			if err != nil {
				t.Fatalf("Save over %s with version %d error = %v, want nil", tt.name, tt.wantVersion, err)
			}
			got, err = s.Load(ctx, k)
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
		if _, err := s.Load(ctx, k); !errors.Is(err, errBadKey) {
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

// TestFormatV1 reads a session as the build before format 2 left it, with
// its set of update ids beside it: the conversation goes on, and a quick
// exit removes both keys.
func TestFormatV1(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, client := newTestStore(t, srv, 0)
	ctx := t.Context()
	k := store.NewKeyer(nil).Key("telegram", 1)
	raw, _ := hex.DecodeString(goldenV1)
	if err := client.Set(ctx, s.sessionKey(k), raw, time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	if err := client.ZAdd(ctx, s.legacySeenKey(k), redis.Z{Score: 1, Member: "x"}).Err(); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(ctx, k)
	if err != nil {
		t.Fatalf("Load(format 1) error = %v", err)
	}
	if d := storetest.Diff(got, sample()); d != "" {
		t.Errorf("Load(format 1) differs:\n%s", d)
	}
	got.Handled = got.Handled.With(5, 0)
	if _, err := s.Save(ctx, k, got); err != nil {
		t.Fatalf("Save over format 1 error = %v", err)
	}
	if v, _ := client.Get(ctx, s.sessionKey(k)).Bytes(); len(v) == 0 || v[0] != formatV3 {
		t.Errorf("value after Save has format %x, want %d", v[:min(1, len(v))], formatV3)
	}
	if err := s.Delete(ctx, k); err != nil {
		t.Fatal(err)
	}
	if n := client.DBSize(ctx).Val(); n != 0 {
		t.Errorf("DBSIZE after Delete = %d, want 0: the old set of update ids must go too", n)
	}
}

// TestHangUnderLoad pauses Redis while many calls wait on the
// autopipeliner: each must give up with store.ErrUnavailable though its
// caller never does (the store's own time-out ends it, not a turn behind
// the others), and all must work again once Redis resumes.
func TestHangUnderLoad(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, _ := newTestStore(t, srv, 0)
	ctx := t.Context()
	keyer := store.NewKeyer(nil)
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	srv.Pause()
	resumed := false
	defer func() {
		if !resumed {
			srv.Resume()
		}
	}()
	const callers = 100
	var wg sync.WaitGroup
	for i := range callers {
		wg.Go(func() {
			k := keyer.Key("telegram", int64(i))
			var err error
			if i%2 == 0 {
				_, err = s.Load(ctx, k)
			} else {
				_, err = s.Save(ctx, k, store.Record{})
			}
			if !errors.Is(err, store.ErrUnavailable) {
				t.Errorf("call %d with Redis hung: error = %v, want %v", i, err, store.ErrUnavailable)
			}
		})
	}
	wg.Wait()
	srv.Resume()
	resumed = true
	redistest.Recovered(t, func() error { _, err := s.Load(ctx, keyer.Key("telegram", 1)); return err })
}

// TestWithoutAutoPipeline runs the conformance suite with every command on
// its own, as the store falls back to when a client cannot pipeline.
func TestWithoutAutoPipeline(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	storetest.Run(t, func(t *testing.T, idle time.Duration) (storetest.Store, storetest.Clock) {
		s, client := newTestStore(t, srv, idle, WithoutAutoPipeline(), WithTimeout(suiteTimeout))
		if s.Pipelined() {
			t.Fatal("Pipelined() = true with WithoutAutoPipeline")
		}
		return s, ttlClock{t, s, client}
	})
}

func TestContextCanceled(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	s, _ := newTestStore(t, srv, 0)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	k := store.NewKeyer(nil).Key("telegram", 1)
	_, err := s.Load(ctx, k)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Load(canceled ctx) error = %v, want one wrapping both %v and %v", err, context.Canceled, store.ErrUnavailable)
	}
}

// BenchmarkLoadSave is one update's work on the store, Load then Save,
// by one caller at a time and by many at once, batched and not.
func BenchmarkLoadSave(b *testing.B) {
	sess := flows.Session{
		Flow: "werk", State: "vraag3", Lang: "nl",
		Signals: []string{"werk=ja", "paspoort=ingenomen", "loon=nee"},
		Back:    []flows.Step{{Flow: "start", State: "welkom"}, {Flow: "werk", State: "vraag2", Signals: 2}},
		Started: time.Now(), Updated: time.Now(),
	}
	for _, bc := range []struct {
		name     string
		opts     []Option
		parallel int // goroutines per GOMAXPROCS; 0 for one caller
	}{
		{"serial", nil, 0},
		{"parallel-100/autopipeline", nil, 100},
		{"parallel-100/plain", []Option{WithoutAutoPipeline()}, 100},
	} {
		b.Run(bc.name, func(b *testing.B) {
			srv := redistest.Start(b)
			s, _ := newTestStore(b, srv, 0, bc.opts...)
			keyer := store.NewKeyer(nil)
			var next atomic.Int64
			work := func(chat int64) error {
				k := keyer.Key("telegram", chat)
				cur, err := s.Load(context.Background(), k)
				if err != nil {
					return err
				}
				_, err = s.Save(context.Background(), k, store.Record{Session: sess, Handled: cur.Handled.With(cur.Version+1, 0), Version: cur.Version})
				return err
			}
			b.ReportAllocs()
			if bc.parallel == 0 {
				for b.Loop() {
					if err := work(next.Add(1) % 100); err != nil {
						b.Fatal(err)
					}
				}
				return
			}
			b.SetParallelism(bc.parallel)
			b.RunParallel(func(pb *testing.PB) {
				chat := next.Add(1) // a chat of its own: no conflicts
				for pb.Next() {
					if err := work(chat); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// TestCluster runs the conformance suite on Redis Cluster, one node that
// holds every slot, through the cluster client and its autopipeliner:
// every command must carry its key where the client routes by it.
func TestCluster(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf")
	admin := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	defer admin.Close()
	ctx := t.Context()
	if err := admin.Do(ctx, "CLUSTER", "ADDSLOTSRANGE", 0, 16383).Err(); err != nil {
		t.Fatalf("CLUSTER ADDSLOTSRANGE: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(admin.ClusterInfo(ctx).Val(), "cluster_state:ok") {
		if time.Now().After(deadline) {
			t.Fatal("cluster not ok within 10s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	storetest.Run(t, func(t *testing.T, idle time.Duration) (storetest.Store, storetest.Clock) {
		client, err := NewClient(Config{ClusterAddrs: []string{srv.Addr()}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { client.Close() })
		s := New(client, idle, WithTimeout(suiteTimeout))
		if !s.Pipelined() {
			t.Fatal("Pipelined() = false on a cluster client, want true")
		}
		return s, ttlClock{t, s, client}
	})
}

// TestPipelinedClients checks that every kind of client NewClient makes
// batches through the autopipeliner. Making one connects to nothing.
func TestPipelinedClients(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{
		{URL: "redis://127.0.0.1:1/0"},
		{SentinelAddrs: []string{"127.0.0.1:1"}, MasterName: "signaal"},
		{ClusterAddrs: []string{"127.0.0.1:1"}},
	} {
		client, err := NewClient(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if s := New(client, 0); !s.Pipelined() {
			t.Errorf("New(%T).Pipelined() = false, want true", client)
		}
		client.Close()
	}
}
