// Package storetest is the conformance suite for session stores: one set of
// tests that every store passes, the in-memory one and Redis alike, in the
// way of perkeep's kvtest. A behaviour the bot relies on belongs here, so
// that no store can quietly differ.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"signaal/flows"
	"signaal/store"
)

// Store is the contract the suite checks: what the dispatcher needs of a
// session store (bot.Sessions), as every store offers it.
type Store interface {
	Load(ctx context.Context, key store.Key) (store.Record, error)
	Save(ctx context.Context, key store.Key, r store.Record) (store.Record, error)
	Delete(ctx context.Context, key store.Key) error
}

// Clock moves a store's time: Pass makes d pass for the sessions under
// keys, as far as their idle time goes, so that the suite checks expiry
// without waiting for it. A store's test provides it: the memory store's
// through its clock, Redis's by shortening the keys' time to live, as the
// server's own clock would.
type Clock interface {
	Pass(d time.Duration, keys ...store.Key)
}

// NewStore returns a fresh store whose sessions expire after idle without
// a Save, and its Clock. The suite calls it once per subtest; the store
// must be cleaned up through t.Cleanup. Stores may share a backend: the
// suite uses its own random keys in each subtest.
type NewStore func(t *testing.T, idle time.Duration) (Store, Clock)

// idleShort is the idle time of the expiry test. The test makes it pass
// through the Clock; it is long beside what a Save and a Load take on a
// loaded machine, which the Redis server's own clock counts as well.
const idleShort = time.Minute

// sessionFields, recordFields and handledFields are the numbers of fields
// of flows.Session, store.Record and store.Handled that Diff compares.
const (
	sessionFields = 7
	recordFields  = 4
	handledFields = 2
)

// Run runs the suite against the stores newStore makes. Subtests run in
// parallel; run it with -race.
func Run(t *testing.T, newStore NewStore) {
	// Diff and full() list the fields of flows.Session by hand; a new field
	// must be added there (and to every store's encoding) to be tested.
	if n := reflect.TypeFor[flows.Session]().NumField(); n != sessionFields {
		t.Fatalf("flows.Session has %d fields, the suite knows %d: extend Diff and full()", n, sessionFields)
	}
	if n := reflect.TypeFor[store.Record]().NumField(); n != recordFields {
		t.Fatalf("store.Record has %d fields, the suite knows %d: extend Diff", n, recordFields)
	}
	if n := reflect.TypeFor[store.Handled]().NumField(); n != handledFields {
		t.Fatalf("store.Handled has %d fields, the suite knows %d: extend Diff and fullHandled()", n, handledFields)
	}
	tests := []struct {
		name string
		idle time.Duration // 0: store.DefaultIdle
		run  func(t *testing.T, s Store, key func(int64) store.Key)
	}{
		{"LoadMissing", 0, testLoadMissing},
		{"RoundTrip", 0, testRoundTrip},
		{"NoAliasing", 0, testNoAliasing},
		{"VersionIncrements", 0, testVersionIncrements},
		{"Conflict", 0, testConflict},
		{"Handled", 0, testHandled},
		{"Origin", 0, testOrigin},
		{"Delete", 0, testDelete},
		{"KeysIsolated", 0, testKeysIsolated},
		{"ConcurrentSaves", 0, testConcurrentSaves},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, _ := newStore(t, tt.idle)
			// A new secret per subtest gives keys no other subtest uses,
			// even on a shared Redis.
			k := store.NewKeyer(nil)
			tt.run(t, s, func(chat int64) store.Key { return k.Key("storetest", chat) })
		})
	}
	t.Run("IdleExpiry", func(t *testing.T) {
		t.Parallel()
		s, clock := newStore(t, idleShort)
		k := store.NewKeyer(nil)
		testIdleExpiry(t, s, clock, k.Key("storetest", 1))
	})
}

func testLoadMissing(t *testing.T, s Store, key func(int64) store.Key) {
	got, err := s.Load(context.Background(), key(1))
	if err != nil {
		t.Fatalf("Load(missing) error = %v, want nil", err)
	}
	if d := Diff(got, store.Record{}); d != "" {
		t.Errorf("Load(missing) differs from the zero record:\n%s", d)
	}
}

// rec wraps a session as a record of the given version.
func rec(s flows.Session, version uint64) store.Record {
	return store.Record{Session: s, Version: version}
}

// full has every field set, with values that trip up a careless encoding:
// nanoseconds, a time zone, negative and large ids, empty strings inside
// lists, and text beyond ASCII.
func full() flows.Session {
	ams := time.FixedZone("CEST", 2*60*60)
	return flows.Session{
		Flow:    "werk",
		State:   "loon_ingehouden",
		Lang:    "nl",
		Signals: []string{"werk=ja", "paspoort=ingenomen", "", "naam=Zoë ✓", "werk=nee"},
		Back: []flows.Step{
			{Flow: "start", State: "welkom", Signals: 0},
			{Flow: "werk", State: "", Signals: 3},
		},
		Started: time.Date(2025, 3, 30, 1, 59, 59, 123456789, ams),
		Updated: time.Date(2025, 3, 30, 3, 0, 0, 1, ams),
	}
}

func testRoundTrip(t *testing.T, s Store, key func(int64) store.Key) {
	ctx := context.Background()
	tests := []struct {
		name string
		in   flows.Session
	}{
		{"full", full()},
		{"zero", flows.Session{}},
		{"state only", flows.Session{State: "welkom"}},
		{"empty lists", flows.Session{State: "x", Signals: []string{}, Back: []flows.Step{}}},
		{"long", func() flows.Session {
			s := full()
			for i := range flows.MaxSignals {
				s.Signals = append(s.Signals, "k"+strconv.Itoa(i)+"="+strings.Repeat("v", 200))
			}
			return s
		}()},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := key(int64(i))
			saved, err := s.Save(ctx, k, rec(tt.in, 0))
			if err != nil {
				t.Fatalf("Save(%s) error = %v, want nil", tt.name, err)
			}
			want := rec(tt.in, 1)
			if d := Diff(saved, want); d != "" {
				t.Errorf("Save(%s) returned a session that differs from the one saved:\n%s", tt.name, d)
			}
			got, err := s.Load(ctx, k)
			if err != nil {
				t.Fatalf("Load(%s) error = %v, want nil", tt.name, err)
			}
			if d := Diff(got, want); d != "" {
				t.Errorf("Load(%s) after Save differs:\n%s", tt.name, d)
			}
		})
	}
}

// testNoAliasing checks that neither the caller's slices nor the loaded
// ones share memory with what the store keeps.
func testNoAliasing(t *testing.T, s Store, key func(int64) store.Key) {
	ctx := context.Background()
	in := rec(full(), 0)
	in.Handled = fullHandled()
	if _, err := s.Save(ctx, key(1), in); err != nil {
		t.Fatal(err)
	}
	in.Session.Signals[0], in.Session.Back[0].State, in.Handled.IDs[0], in.Handled.Seqs[0] = "changed", "changed", 0, 0
	got, err := s.Load(ctx, key(1))
	if err != nil {
		t.Fatal(err)
	}
	got.Session.Signals[1], got.Handled.IDs[1], got.Handled.Seqs[1] = "changed too", 0, 0
	again, err := s.Load(ctx, key(1))
	if err != nil {
		t.Fatal(err)
	}
	want := rec(full(), 1)
	want.Handled = fullHandled()
	if d := Diff(again, want); d != "" {
		t.Errorf("Load after changing the saved and the loaded slices differs:\n%s", d)
	}
}

func testVersionIncrements(t *testing.T, s Store, key func(int64) store.Key) {
	ctx := context.Background()
	var sess store.Record
	for want := uint64(1); want <= 3; want++ {
		sess.Session.State = "s" + strconv.FormatUint(want, 10)
		got, err := s.Save(ctx, key(1), sess)
		if err != nil {
			t.Fatalf("Save(version %d) error = %v, want nil", sess.Version, err)
		}
		if got.Version != want {
			t.Fatalf("Save(version %d).Version = %d, want %d", sess.Version, got.Version, want)
		}
		sess = got
	}
	got, err := s.Load(ctx, key(1))
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 3 || got.Session.State != "s3" {
		t.Errorf("Load after three saves = version %d state %q, want version 3 state %q", got.Version, got.Session.State, "s3")
	}
}

func testConflict(t *testing.T, s Store, key func(int64) store.Key) {
	ctx := context.Background()
	tests := []struct {
		name      string
		stored    []string // states saved one after the other before the test
		version   uint64   // version of the session saved in the test
		wantErr   error
		wantState string // stored state afterwards
	}{
		{"new over missing", nil, 0, nil, "mine"},
		{"new over existing", []string{"theirs"}, 0, store.ErrConflict, "theirs"},
		// The same content is still another write: a store must not take
		// it for a retry of the first and report success.
		{"same content twice", []string{"mine"}, 0, store.ErrConflict, "mine"},
		{"current version", []string{"a", "theirs"}, 2, nil, "mine"},
		{"stale version", []string{"a", "theirs"}, 1, store.ErrConflict, "theirs"},
		{"future version", []string{"theirs"}, 5, store.ErrConflict, "theirs"},
		{"version over missing", nil, 1, store.ErrConflict, ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := key(int64(i))
			var cur store.Record
			for _, st := range tt.stored {
				cur.Session.State = st
				var err error
				if cur, err = s.Save(ctx, k, cur); err != nil {
					t.Fatalf("Save(%q) error = %v", st, err)
				}
			}
			_, err := s.Save(ctx, k, rec(flows.Session{State: "mine"}, tt.version))
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Save(version %d) error = %v, want %v", tt.version, err, tt.wantErr)
			}
			got, err := s.Load(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			if got.Session.State != tt.wantState {
				t.Errorf("Load after Save(version %d) state = %q, want %q", tt.version, got.Session.State, tt.wantState)
			}
		})
	}

	// Two handlers load the same version; only the first save wins.
	k := key(100)
	a, errA := s.Load(ctx, k)
	b, errB := s.Load(ctx, k)
	if err := errors.Join(errA, errB); err != nil {
		t.Fatal(err)
	}
	a.Session.State, b.Session.State = "a", "b"
	if _, err := s.Save(ctx, k, a); err != nil {
		t.Fatalf("first Save from version 0 error = %v, want nil", err)
	}
	if _, err := s.Save(ctx, k, b); !errors.Is(err, store.ErrConflict) {
		t.Errorf("second Save from version 0 error = %v, want %v", err, store.ErrConflict)
	}
}

// testHandled checks that what a record remembers of handled updates is
// kept with it, replaced by each Save, and forgotten with it.
func testHandled(t *testing.T, s Store, key func(int64) store.Key) {
	ctx := context.Background()
	k := key(1)
	tests := []struct {
		name string
		in   store.Handled
	}{
		{"sequence", store.Handled{Seqs: []uint64{1<<64 - 1, 5}}},
		{"ids", store.Handled{IDs: []uint64{1<<63 + 5, 7}}},
		{"full", fullHandled()},
		{"none", store.Handled{}},
	}
	var cur store.Record
	for _, tt := range tests {
		cur.Session.State = tt.name
		cur.Handled = tt.in
		saved, err := s.Save(ctx, k, cur)
		if err != nil {
			t.Fatalf("Save(%s) error = %v, want nil", tt.name, err)
		}
		got, err := s.Load(ctx, k)
		if err != nil {
			t.Fatalf("Load after Save(%s) error = %v", tt.name, err)
		}
		if d := Diff(got, saved); d != "" {
			t.Errorf("Load after Save(%s) differs:\n%s", tt.name, d)
		}
		cur = got
	}
	if err := s.Delete(ctx, k); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Load(ctx, k); err != nil || !reflect.DeepEqual(got.Handled, store.Handled{}) {
		t.Errorf("Load after Delete = handled %+v, %v; want none: Delete must forget the handled updates too", got.Handled, err)
	}
}

// testOrigin checks that the id of a conversation's first message is kept
// with it, at both ends of its range, and forgotten with it.
func testOrigin(t *testing.T, s Store, key func(int64) store.Key) {
	ctx := context.Background()
	tests := []struct {
		name   string
		origin int64
	}{
		{"small", 1},
		{"large", 1<<63 - 1},
		{"negative", -1 << 63},
		{"none", 0},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := key(int64(i))
			in := rec(full(), 0)
			in.Origin = tt.origin
			saved, err := s.Save(ctx, k, in)
			if err != nil {
				t.Fatalf("Save(Origin %d) error = %v, want nil", tt.origin, err)
			}
			if saved.Origin != tt.origin {
				t.Errorf("Save(Origin %d).Origin = %d, want %d", tt.origin, saved.Origin, tt.origin)
			}
			got, err := s.Load(ctx, k)
			if err != nil {
				t.Fatalf("Load after Save(Origin %d) error = %v", tt.origin, err)
			}
			if d := Diff(got, saved); d != "" {
				t.Errorf("Load after Save(Origin %d) differs:\n%s", tt.origin, d)
			}
			if err := s.Delete(ctx, k); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Load(ctx, k); err != nil || got.Origin != 0 {
				t.Errorf("Load after Delete = Origin %d, %v; want 0: Delete must forget the origin too", got.Origin, err)
			}
		})
	}
}

// fullHandled remembers as many updates as a record keeps, with the bits
// set that a careless encoding would lose.
func fullHandled() store.Handled {
	var h store.Handled
	for i := range store.MaxHandled {
		h.Seqs = append(h.Seqs, 884422117+uint64(i)*1000003)
		h.IDs = append(h.IDs, uint64(i)<<56|1<<63|uint64(i)+1)
	}
	return h
}

func testDelete(t *testing.T, s Store, key func(int64) store.Key) {
	ctx := context.Background()
	if err := s.Delete(ctx, key(1)); err != nil {
		t.Errorf("Delete(missing) error = %v, want nil", err)
	}
	full := rec(full(), 0)
	full.Handled = fullHandled()
	if _, err := s.Save(ctx, key(1), full); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, key(1)); err != nil {
		t.Fatalf("Delete error = %v, want nil", err)
	}
	got, err := s.Load(ctx, key(1))
	if err != nil {
		t.Fatal(err)
	}
	if d := Diff(got, store.Record{}); d != "" {
		t.Errorf("Load after Delete differs from the zero record:\n%s", d)
	}
	// A deleted conversation starts over from version 0.
	if _, err := s.Save(ctx, key(1), rec(flows.Session{State: "again"}, 0)); err != nil {
		t.Errorf("Save(version 0) after Delete error = %v, want nil", err)
	}
}

func testKeysIsolated(t *testing.T, s Store, key func(int64) store.Key) {
	ctx := context.Background()
	if _, err := s.Save(ctx, key(1), rec(flows.Session{State: "one"}, 0)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(ctx, key(2))
	if err != nil {
		t.Fatal(err)
	}
	if got.Session.State != "" || got.Version != 0 {
		t.Errorf("Load(other key) = state %q version %d, want a zero session", got.Session.State, got.Version)
	}
	if _, err := s.Save(ctx, key(2), rec(flows.Session{State: "two"}, 0)); err != nil {
		t.Errorf("Save(other key, version 0) error = %v, want nil", err)
	}
	if err := s.Delete(ctx, key(1)); err != nil {
		t.Fatal(err)
	}
	got, err = s.Load(ctx, key(2))
	if err != nil {
		t.Fatal(err)
	}
	if got.Session.State != "two" {
		t.Errorf("Load(other key) after Delete(key) state = %q, want %q", got.Session.State, "two")
	}
}

// testConcurrentSaves runs handlers that each add one to a counter, as the
// dispatcher does with an update: load, change, save, and on a conflict
// load again. Every increment must land exactly once.
func testConcurrentSaves(t *testing.T, s Store, key func(int64) store.Key) {
	const workers, each = 8, 25
	ctx := context.Background()
	k := key(1)
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				if err := increment(ctx, s, k); err != nil {
					errs <- fmt.Errorf("worker %d, increment %d: %w", w, i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got, err := s.Load(ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	if n := got.Session.Signal("n"); n != strconv.Itoa(workers*each) || got.Version != workers*each {
		t.Errorf("after %d increments: n = %q, Version = %d, want %d and %d", workers*each, n, got.Version, workers*each, workers*each)
	}
}

func increment(ctx context.Context, s Store, k store.Key) error {
	for range 10000 {
		sess, err := s.Load(ctx, k)
		if err != nil {
			return err
		}
		n, _ := strconv.Atoi(sess.Session.Signal("n"))
		sess.Session.Signals = []string{"n=" + strconv.Itoa(n+1)}
		_, err = s.Save(ctx, k, sess)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		return err
	}
	return errors.New("still conflicting after 10000 tries")
}

// testIdleExpiry checks that a session lives idle after its last Save,
// not after its first: every Save refreshes it.
func testIdleExpiry(t *testing.T, s Store, clock Clock, k store.Key) {
	ctx := context.Background()
	step := idleShort * 2 / 3
	sess, err := s.Save(ctx, k, rec(flows.Session{State: "a"}, 0))
	if err != nil {
		t.Fatal(err)
	}
	clock.Pass(step, k)
	sess.Session.State = "b"
	if _, err := s.Save(ctx, k, sess); err != nil {
		t.Fatalf("Save within idle error = %v, want nil", err)
	}
	clock.Pass(step, k)
	got, err := s.Load(ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	if got.Session.State != "b" {
		t.Fatalf("Load %v after the first Save and %v after the second = state %q, want %q: Save must refresh the idle time",
			2*step, step, got.Session.State, "b")
	}
	clock.Pass(idleShort-step, k)
	got, err = s.Load(ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	if d := Diff(got, store.Record{}); d != "" {
		t.Errorf("Load idle after the last Save differs from the zero session:\n%s", d)
	}
	if _, err := s.Save(ctx, k, rec(flows.Session{State: "new"}, 0)); err != nil {
		t.Errorf("Save(version 0) after expiry error = %v, want nil", err)
	}
}

// Diff returns a description of how got differs from want, or "" when they
// are equal as records: times compare with Equal (a store may return them
// in another zone) and a nil list equals an empty one.
func Diff(got, want store.Record) string {
	d := DiffSession(got.Session, want.Session)
	if !sameList(got.Handled.Seqs, want.Handled.Seqs) || !sameList(got.Handled.IDs, want.Handled.IDs) {
		d += fmt.Sprintf("  Handled = %+v, want %+v\n", got.Handled, want.Handled)
	}
	if got.Version != want.Version {
		d += fmt.Sprintf("  Version = %d, want %d\n", got.Version, want.Version)
	}
	if got.Origin != want.Origin {
		d += fmt.Sprintf("  Origin = %d, want %d\n", got.Origin, want.Origin)
	}
	return d
}

// DiffSession is Diff for sessions alone.
func DiffSession(got, want flows.Session) string {
	var b strings.Builder
	field := func(name string, g, w any) {
		fmt.Fprintf(&b, "  %s = %#v, want %#v\n", name, g, w)
	}
	if got.Flow != want.Flow {
		field("Flow", got.Flow, want.Flow)
	}
	if got.State != want.State {
		field("State", got.State, want.State)
	}
	if got.Lang != want.Lang {
		field("Lang", got.Lang, want.Lang)
	}
	if !sameList(got.Signals, want.Signals) {
		field("Signals", got.Signals, want.Signals)
	}
	if !sameList(got.Back, want.Back) {
		field("Back", got.Back, want.Back)
	}
	if !got.Started.Equal(want.Started) {
		field("Started", got.Started, want.Started)
	}
	if !got.Updated.Equal(want.Updated) {
		field("Updated", got.Updated, want.Updated)
	}
	return b.String()
}

func sameList[T any](a, b []T) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}
