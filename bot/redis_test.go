package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/content"
	"signaal/flows"
	"signaal/internal/redistest"
	"signaal/internal/syncbuf"
	"signaal/store"
	"signaal/store/redisstore"
)

// These tests run the dispatcher against a real redis-server, as several
// bot instances would in production.

const testSecret = "0123456789abcdef0123456789abcdef-test"

func redisSessions(t *testing.T) (*redistest.Server, redis.UniversalClient, *redisstore.Store) {
	t.Helper()
	srv := redistest.Start(t)
	client, err := redisstore.NewClient(redisstore.Config{URL: srv.URL()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return srv, client, redisstore.New(client, time.Hour)
}

func TestRedisConcurrentDispatchers(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	_, _, rs := redisSessions(t)
	checkConcurrent(t, rs, store.NewKeyer([]byte(testSecret)))
}

func TestRedisRedelivery(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	_, _, rs := redisSessions(t)
	for i, ds := range [][]Update{{{Seq: 777}, {Seq: 777}, {Seq: 776}}, {{ID: "777"}, {ID: "777"}, {ID: "776"}}} {
		d := memDispatcher(t, testEngine(t), rs, store.NewKeyer([]byte(testSecret+strconv.Itoa(i))))
		checkRedelivery(t, d, ds, []bool{false, true, false}, 2)
	}
}

func TestRedisSameUpdateTwoDispatchers(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	_, _, rs := redisSessions(t)
	checkSameUpdate(t, rs, store.NewKeyer([]byte(testSecret)))
}

// TestRedisForgetAndAnonymity holds conversations for several chats, with
// typed text that names a person, then checks every key and value in Redis:
// nothing may contain a chat id, the platform or the text. A quick exit must
// leave nothing of its chat.
func TestRedisForgetAndAnonymity(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	_, client, rs := redisSessions(t)
	keys := store.NewKeyer([]byte(testSecret))
	d := memDispatcher(t, testEngine(t), rs, keys)
	ctx := context.Background()
	chats := []int64{123456789, -1001234567890, 987654321}
	secretText := "ik ben Annabel, 0612345678"
	for i, chat := range chats {
		for j, in := range []flows.Input{flows.TextInput("/start"), choice("start/hello/go"), flows.TextInput(secretText), choice("start/ask/yes")} {
			u := Update{Platform: "telegram", ChatID: chat, Seq: uint64(5550000 + 10*i + j), Input: in}
			if j%2 == 1 {
				// A platform whose message ids are no sequence, and may
				// hold a phone number.
				u.Seq, u.ID = 0, "wamid.0612345678."+strconv.Itoa(5550000+10*i+j)
			}
			if _, err := d.Handle(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
	}
	dump := scanAll(t, client)
	if n := len(dump); n != len(chats) {
		t.Errorf("%d keys in Redis, want %d (a session per chat):\n%v", n, len(chats), dump)
	}
	for k, v := range dump {
		for _, chat := range chats {
			id := strconv.FormatInt(chat, 10)
			if strings.Contains(k, id) || strings.Contains(v, id) || strings.Contains(v, strings.TrimPrefix(id, "-")) {
				t.Errorf("key %q or its value contains chat id %s", k, id)
			}
		}
		for _, bad := range []string{"telegram", "Annabel", "0612345678", testSecret, "5550000"} {
			if strings.Contains(k, bad) || strings.Contains(v, bad) {
				t.Errorf("key %q or its value contains %q", k, bad)
			}
		}
	}
	// Quick exit: every key of that chat is gone, the others stay.
	out, err := d.Handle(ctx, Update{Platform: "telegram", ChatID: chats[0], Input: choice(flows.DataExit)})
	if err != nil || !out.Forget {
		t.Fatalf("quick exit = %+v, %v", out, err)
	}
	left := scanAll(t, client)
	gone := string(keys.Key("telegram", chats[0]))
	for k := range left {
		if strings.Contains(k, gone) {
			t.Errorf("key %q of the wiped chat is still there", k)
		}
	}
	if len(left) != len(chats)-1 {
		t.Errorf("%d keys left, want %d", len(left), len(chats)-1)
	}
}

// scanAll returns every key with a readable rendering of its value.
func scanAll(t *testing.T, c redis.UniversalClient) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	iter := c.Scan(ctx, 0, "*", 100).Iterator()
	for iter.Next(ctx) {
		k := iter.Val()
		switch typ := c.Type(ctx, k).Val(); typ {
		case "string":
			out[k] = c.Get(ctx, k).Val()
		case "zset":
			out[k] = fmt.Sprint(c.ZRangeWithScores(ctx, k, 0, -1).Val())
		default:
			out[k] = typ + ":" + c.Dump(ctx, k).Val()
		}
		switch ttl := c.PTTL(ctx, k).Val(); {
		case ttl == -2*time.Nanosecond:
			// Deleted between the scan and now, as a quick exit's retry
			// does: not a key any more.
			delete(out, k)
		case ttl <= 0:
			t.Errorf("key %q has no time-out (PTTL %v)", k, ttl)
		}
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRedisDown stops and pauses a real redis-server mid-conversation: the
// user still gets an answer, the safety card with 112 and the main
// helplines, though the caller never gives up waiting (the store's own
// time-outs end the call), and the bot carries on by itself once Redis is
// back.
func TestRedisDown(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	srv, _, rs := redisSessions(t)
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := flows.New(c)
	if err != nil {
		t.Fatal(err)
	}
	d := memDispatcher(t, e, rs, store.NewKeyer([]byte(testSecret)))
	ctx := context.Background()
	handle := func(in flows.Input) (Outcome, error) {
		return d.Handle(ctx, Update{Platform: "test", ChatID: 1, Input: in})
	}
	if out, err := handle(flows.TextInput("/start")); err != nil || out.Degraded {
		t.Fatalf("before: %+v, %v", out, err)
	}
	welcomeOK := c.Flows["start"].State(c.Flows["start"].Start).Options[0]
	next := content.OptionData("start", c.Flows["start"].Start, welcomeOK.ID)
	for _, outage := range []struct {
		name       string
		down, back func()
	}{
		{"stopped", srv.Stop, srv.Restart},
		{"hanging", srv.Pause, srv.Resume},
	} {
		t.Run(outage.name, func(t *testing.T) {
			outage.down()
			out, err := handle(choice(next))
			if !errors.Is(err, store.ErrUnavailable) || !out.Degraded || len(out.Replies) != 1 {
				t.Fatalf("while down: %+v, %v; want the safety card and %v", out, err, store.ErrUnavailable)
			}
			card := out.Replies[0].Text
			for _, want := range []string{"112", "Veilig Thuis", "0800-2000", "Chat met Fier", "Keerpunt"} {
				if !strings.Contains(card, want) {
					t.Errorf("safety card lacks %q:\n%s", want, card)
				}
			}
			outage.back()
			redistest.Recovered(t, func() error {
				out, err := handle(flows.TextInput("/start"))
				if err == nil && out.Degraded {
					err = errors.New("the safety card")
				}
				return err
			})
		})
	}
}

// TestRedisUnreadableSession stores a value no version of the bot can read
// under a chat's key: the user is told kindly that the conversation starts
// again, and it does.
func TestRedisUnreadableSession(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	_, client, rs := redisSessions(t)
	keys := store.NewKeyer([]byte(testSecret))
	d := memDispatcher(t, testEngine(t), rs, keys)
	toCounter(t, d, 3)
	k := scanAll(t, client)
	var sessionKey string
	for name := range k {
		if strings.HasSuffix(name, ":s") {
			sessionKey = name
		}
	}
	if sessionKey == "" {
		t.Fatalf("no session key in %v", k)
	}
	// Format byte 99, a version, and junk.
	junk := append([]byte{99, 0, 0, 0, 0, 0, 0, 0, 3}, "junk"...)
	if err := client.Set(context.Background(), sessionKey, junk, time.Hour).Err(); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"nl sys.reset | nl hello", "nl ask"} {
		in := choice("start/counter/inc")
		if i == 1 {
			in = choice("start/hello/go")
		}
		out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 3, Input: in})
		var texts []string
		for _, r := range out.Replies {
			texts = append(texts, r.Text)
		}
		if err != nil || strings.Join(texts, " | ") != want {
			t.Errorf("step %d: %q, %v; want %q", i+1, texts, err, want)
		}
	}
}

// TestRedisCommandsPerUpdate counts, by Redis's own statistics, what an
// update costs: two commands, GET and EVALSHA (whose script runs GETRANGE
// and SET inside Redis), and a quick exit two: GET, for where the
// conversation began, and DEL.
func TestRedisCommandsPerUpdate(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	_, client, rs := redisSessions(t)
	d := memDispatcher(t, testEngine(t), rs, store.NewKeyer([]byte(testSecret)))
	toCounter(t, d, 8) // loads the save script once, and warms the connections
	stats := func() map[string]int64 {
		info, err := client.Info(context.Background(), "commandstats").Result()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int64{}
		for _, line := range strings.Split(info, "\n") {
			if line, ok := strings.CutPrefix(strings.TrimSpace(line), "cmdstat_"); ok {
				name, rest, _ := strings.Cut(line, ":")
				calls, _, _ := strings.Cut(strings.TrimPrefix(rest, "calls="), ",")
				out[name], _ = strconv.ParseInt(calls, 10, 64)
			}
		}
		return out
	}
	tests := []struct {
		name string
		in   Update
		want map[string]int64
	}{
		{"update", Update{Seq: 1, Input: choice("start/counter/inc")}, map[string]int64{"get": 1, "evalsha": 1, "getrange": 1, "set": 1}},
		{"another", Update{Seq: 2, Input: choice("start/counter/inc")}, map[string]int64{"get": 1, "evalsha": 1, "getrange": 1, "set": 1}},
		{"redelivered", Update{Seq: 2, Input: choice("start/counter/inc")}, map[string]int64{"get": 1}},
		{"quick exit", Update{Input: choice(flows.DataExit)}, map[string]int64{"get": 1, "del": 1}},
	}
	for _, tt := range tests {
		before := stats()
		tt.in.Platform, tt.in.ChatID = "test", 8
		if _, err := d.Handle(context.Background(), tt.in); err != nil {
			t.Fatal(err)
		}
		got := map[string]int64{}
		for name, n := range stats() {
			if dn := n - before[name]; dn > 0 && name != "info" {
				got[name] = dn
			}
		}
		if !maps.Equal(got, tt.want) {
			t.Errorf("%s: Redis ran %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRedisHangUnderLoad pauses Redis while many chats are being answered
// at once: every one of them still gets the safety card, though no caller
// gives up waiting (the store's own time-outs end the calls), and all go
// on once Redis resumes.
func TestRedisHangUnderLoad(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	srv, _, rs := redisSessions(t)
	d := memDispatcher(t, testEngine(t), rs, store.NewKeyer([]byte(testSecret)))
	const chats = 64
	for c := range int64(chats) {
		toCounter(t, d, c)
	}
	handleAll := func(wantDegraded bool) {
		var wg sync.WaitGroup
		for c := range int64(chats) {
			wg.Go(func() {
				out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: c, Input: choice("start/counter/inc")})
				if out.Degraded != wantDegraded || len(out.Replies) == 0 || (err != nil) != wantDegraded {
					t.Errorf("chat %d: Degraded = %v, %d replies, error %v; want degraded %v with a reply", c, out.Degraded, len(out.Replies), err, wantDegraded)
				}
				if wantDegraded && !errors.Is(err, store.ErrUnavailable) {
					t.Errorf("chat %d with Redis hung: error %v, want %v", c, err, store.ErrUnavailable)
				}
			})
		}
		wg.Wait()
	}
	srv.Pause()
	handleAll(true)
	srv.Resume()
	redistest.Recovered(t, func() error {
		out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 0, Input: choice("start/counter/inc")})
		if err == nil && out.Degraded {
			err = errors.New("the safety card")
		}
		return err
	})
	handleAll(false)
}

// TestRedisQuickExitWhileDown: with Redis stopped or hanging, each way of
// leaving gets the short neutral line at once, not the safety card. The
// session the exit could not delete is deleted once Redis answers again, so
// that the conversation cannot come back.
func TestRedisQuickExitWhileDown(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	srv, client, rs := redisSessions(t)
	keys := store.NewKeyer([]byte(testSecret))
	e := testEngine(t)
	neutral := e.Forget("nl").Replies[0].Text
	for _, outage := range []struct {
		name       string
		down, back func()
	}{
		{"stopped", srv.Stop, srv.Restart},
		{"hanging", srv.Pause, srv.Resume},
	} {
		for _, leave := range []flows.Input{choice(flows.DataExit), flows.TextInput(e.Content().Text("nl", content.KeyOptExit)), flows.TextInput("/stop")} {
			t.Run(outage.name+"/"+leave.Data, func(t *testing.T) {
				d := memDispatcher(t, e, rs, keys)
				w := make(retryWaits)
				d.After = w.After
				toCounter(t, d, 4)
				outage.down()
				out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 4, Input: leave})
				if err != nil || !out.Forget || out.Degraded || len(out.Replies) != 1 || out.Replies[0].Text != neutral {
					t.Errorf("quick exit while Redis is down = %+v, %v; want only the neutral line %q", out, err, neutral)
				}
				tick := w.next(t)
				outage.back()
				// Each round of the retry loop tries the delete once; the
				// client may need a round or two to drop connections to
				// the server that went away.
				for round := 0; len(scanAll(t, client)) != 0; round++ {
					if round == redistest.RecoverTries {
						t.Fatalf("session still in Redis after %d retries since it came back: %v", round, scanAll(t, client))
					}
					tick = w.fire(t, tick)
				}
				// An old button of the wiped conversation finds nothing.
				out, err = d.Handle(context.Background(), Update{Platform: "test", ChatID: 4, Input: choice("start/counter/inc")})
				if err != nil || !out.Refused {
					t.Errorf("old button after the exit = %+v, %v; want it refused", out, err)
				}
				if err := client.FlushAll(context.Background()).Err(); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// TestRedisExitSurvivesRestart: "Snel weg" while Redis refuses
// connections, then the bot restarts before Redis is back, with the
// conversation still in Redis. The new process knows of the exit from the
// journal: the conversation never comes back, whether the chat writes
// again first ("ja", which the old conversation would have taken as its
// answer) or the retry gets there first.
func TestRedisExitSurvivesRestart(t *testing.T) {
	t.Parallel()
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := flows.New(c)
	if err != nil {
		t.Fatal(err)
	}
	welcome := c.Text("nl", "start.welcome")
	for _, first := range []string{"answered", "retried"} {
		t.Run(first, func(t *testing.T) {
			t.Parallel() // each subtest has a redis-server of its own
			srv, client, rs := redisSessions(t)
			keys := store.NewKeyer([]byte(testSecret))
			path := filepath.Join(t.TempDir(), "exits")
			ctx := context.Background()
			// The first process never retries: it stands for one that
			// stops before Redis is back.
			before := &Dispatcher{Engine: e, Sessions: rs, Keys: keys, Exits: &ExitJournal{Path: path}, After: never}
			handle := func(d *Dispatcher, in flows.Input) Outcome {
				t.Helper()
				out, err := d.Handle(ctx, Update{Platform: "telegram", ChatID: 4242, Input: in})
				if err != nil {
					t.Fatalf("Handle(%q) error = %v", in.Data, err)
				}
				return out
			}
			handle(before, flows.TextInput("/start"))
			handle(before, choice("start/welcome/ok"))
			if out := handle(before, choice("start/safe/yes")); out.Replies[0].Text != c.Text("nl", "start.danger") {
				t.Fatalf("conversation at %q, want the danger question, whose answer is ja", out.Replies[0].Text)
			}
			// Redis keeps the conversation on disk, stops, and comes
			// back with it.
			if err := client.Save(ctx).Err(); err != nil {
				t.Fatal(err)
			}
			srv.Stop()
			if out := handle(before, flows.TextInput("Snel weg")); !out.Forget || out.Degraded || out.Origin != 0 {
				t.Fatalf("quick exit while Redis is down = %+v; want the neutral line, origin unknown", out)
			}

			// The new process retries only when the test lets it.
			w := make(retryWaits)
			after := &Dispatcher{Engine: e, Sessions: rs, Keys: keys, Exits: &ExitJournal{Path: path}, After: never}
			if first == "retried" {
				after.After = w.After
			}
			if err := after.ReplayExits(); err != nil {
				t.Fatal(err)
			}
			srv.Restart()
			if n := len(scanAll(t, client)); n != 1 {
				t.Fatalf("%d keys in Redis after it came back, want the conversation: the test would prove nothing", n)
			}

			if first == "retried" {
				w.fire(t, w.next(t))
				if left := scanAll(t, client); len(left) != 0 {
					t.Errorf("after a retry, Redis holds %v; want the conversation gone", left)
				}
			}
			out := handle(after, flows.TextInput("ja"))
			if out.Degraded || len(out.Replies) == 0 || !strings.HasPrefix(out.Replies[0].Text, welcome) {
				t.Errorf("\"ja\" after the exit = %+v; want the welcome: the conversation starts over", out)
			}
			for _, r := range out.Replies {
				if r.Text == c.Text("nl", "start.acute") {
					t.Errorf("\"ja\" after the exit answered the old danger question")
				}
			}
			rec, err := rs.Load(ctx, keys.Key("telegram", 4242))
			if err != nil || rec.Version != 1 || rec.Session.State != "welcome" || len(rec.Session.Back) != 0 {
				t.Errorf("stored after \"ja\" = %s v%d back %v, %v; want a new conversation at the welcome", rec.Session.State, rec.Version, rec.Session.Back, err)
			}
			if j, err := (&ExitJournal{Path: path}).Load(); err != nil || len(j) != 0 {
				t.Errorf("journal after the exit was carried out = %v, %v; want empty", j, err)
			}
		})
	}
}

// TestRedisExitRetriedForIdle: an exit the store could not carry out is
// retried for as long as a session lives (SESSION_IDLE, two hours here),
// not a fixed half hour, and then given up. Time is a fake clock, the
// waiting between tries a channel the test fires.
func TestRedisExitRetriedForIdle(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	srv, client, rs := redisSessions(t)
	keys := store.NewKeyer([]byte(testSecret))
	path := filepath.Join(t.TempDir(), "exits")
	clock := &fakeClock{now: t0}
	w := make(retryWaits)
	d := &Dispatcher{Engine: testEngine(t), Sessions: rs, Keys: keys, Now: clock.Now, Idle: 2 * time.Hour, Exits: &ExitJournal{Path: path}, After: w.After}
	ctx := context.Background()
	toCounter(t, d, 1)
	toCounter(t, d, 2)
	stored := func(chat int64) bool {
		rec, err := rs.Load(ctx, keys.Key("test", chat))
		if err != nil {
			t.Fatal(err)
		}
		return !rec.Session.IsNew()
	}
	journal := func() map[store.Key]time.Time {
		j, err := (&ExitJournal{Path: path}).Load()
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	exit := func(chat int64) {
		out, err := d.Handle(ctx, Update{Platform: "test", ChatID: chat, Input: choice(flows.DataExit)})
		if err != nil || !out.Forget {
			t.Fatalf("quick exit of chat %d = %+v, %v", chat, out, err)
		}
	}

	// 45 minutes after the exit, past the half hour of store.DefaultIdle,
	// Redis is back: the retry deletes the session.
	srv.Pause()
	exit(1)
	tick := w.next(t)
	srv.Resume()
	clock.Set(t0.Add(45 * time.Minute))
	tick = w.fire(t, tick)
	if stored(1) || len(journal()) != 0 {
		t.Errorf("45m after the exit, with a 2h idle time: session kept %v, journal %v; want both gone", stored(1), journal())
	}

	// A second exit, with Redis stopped for good: tried until two hours
	// have passed, then given up. (Stopped rather than paused: a paused
	// Redis runs the deletes that timed out once it resumes.) It keeps
	// the session on disk, to show afterwards that it was not deleted.
	if err := client.Save(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	at := t0.Add(45 * time.Minute)
	clock.Set(at)
	exit(2)
	clock.Set(at.Add(2*time.Hour - time.Minute))
	tick = w.fire(t, tick)
	if !d.exits.pending(keys.Key("test", 2)) || len(journal()) != 1 {
		t.Errorf("a minute before the idle time: pending %v, journal %v; want the exit still tried", d.exits.pending(keys.Key("test", 2)), journal())
	}
	clock.Set(at.Add(2 * time.Hour))
	loopEnds(t, d, w, tick)
	srv.Restart()
	if d.exits.pending(keys.Key("test", 2)) || len(journal()) != 0 {
		t.Errorf("after the idle time: pending %v, journal %v; want the exit given up", d.exits.pending(keys.Key("test", 2)), journal())
	}
	// Given up, not deleted: Redis's own time-out is left to remove it.
	if !stored(2) {
		t.Errorf("the session of the given-up exit is gone; want it left to Redis's time-out")
	}
	if n := len(scanAll(t, client)); n != 1 {
		t.Errorf("%d keys in Redis, want 1", n)
	}
}

// TestRedisStaleSessionAfterExit: after an exit was carried out late, the
// conversation comes back all the same, as when a replica that missed the
// delete takes over. It started before the exit, so it is deleted and the
// chat starts afresh; a conversation begun after the exit goes on.
func TestRedisStaleSessionAfterExit(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	srv, client, rs := redisSessions(t)
	keys := store.NewKeyer([]byte(testSecret))
	clock := &fakeClock{now: t0}
	w := make(retryWaits)
	d := &Dispatcher{Engine: testEngine(t), Sessions: rs, Keys: keys, Now: clock.Now, After: w.After}
	ctx := context.Background()
	toCounter(t, d, 6)
	all := scanAll(t, client)
	if len(all) != 1 {
		t.Fatalf("%d keys in Redis, want 1", len(all))
	}
	var name, old string
	for name, old = range all {
	}

	clock.Set(t0.Add(time.Minute))
	srv.Pause()
	if out, err := d.Handle(ctx, Update{Platform: "test", ChatID: 6, Input: choice(flows.DataExit)}); err != nil || !out.Forget {
		t.Fatalf("quick exit = %+v, %v", out, err)
	}
	tick := w.next(t)
	srv.Resume()
	clock.Set(t0.Add(2 * time.Minute))
	w.fire(t, tick)
	if n := len(scanAll(t, client)); n != 0 {
		t.Fatalf("%d keys in Redis after the retry, want 0", n)
	}
	if err := client.Set(ctx, name, old, time.Hour).Err(); err != nil {
		t.Fatal(err)
	}

	clock.Set(t0.Add(3 * time.Minute))
	out, err := d.Handle(ctx, Update{Platform: "test", ChatID: 6, Input: choice("start/counter/inc")})
	if err != nil || !out.Refused {
		t.Errorf("the counter of the conversation left = %+v, %v; want it refused: that conversation is gone", out, err)
	}
	out, err = d.Handle(ctx, Update{Platform: "test", ChatID: 6, Input: choice("start/hello/go")})
	if err != nil || out.Refused {
		t.Errorf("the new conversation's first question = %+v, %v; want it answered", out, err)
	}
	rec, err := rs.Load(ctx, keys.Key("test", 6))
	if err != nil || rec.Session.State != "ask" || !rec.Session.Started.Equal(t0.Add(3*time.Minute)) {
		t.Errorf("stored = %s started %v, %v; want the new conversation at ask, started %v", rec.Session.State, rec.Session.Started, err, t0.Add(3*time.Minute))
	}
}

// TestRedisQuickExitLogsNoKey: the log of a quick exit the store could not
// carry out, from the exit to the late delete, never holds the session
// key, which would tie a log line to a key in Redis, nor the chat id. The
// lines of one exit still share a name.
func TestRedisQuickExitLogsNoKey(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	srv, _, rs := redisSessions(t)
	keys := store.NewKeyer([]byte(testSecret))
	var logs syncbuf.Buffer
	w := make(retryWaits)
	d := &Dispatcher{Engine: testEngine(t), Sessions: rs, Keys: keys, After: w.After,
		Exits: &ExitJournal{Path: filepath.Join(t.TempDir(), "exits")},
		Log:   slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	const chat = 123456789
	ctx := context.Background()
	toCounter(t, d, chat)
	srv.Stop()
	for _, in := range []flows.Input{choice(flows.DataExit), choice("start/counter/inc")} {
		if _, err := d.Handle(ctx, Update{Platform: "test", ChatID: chat, Input: in}); in.Data != flows.DataExit && err == nil {
			t.Fatalf("Handle(%q) with Redis down: no error", in.Data)
		}
	}
	tick := w.fire(t, w.next(t)) // Redis still down
	srv.Restart()
	w.fire(t, tick)

	got := logs.String()
	key := keys.Key("test", chat)
	for _, want := range []string{"session not deleted yet", "session deleted after all"} {
		if !strings.Contains(got, want) {
			t.Fatalf("log lacks %q; the test would prove nothing:\n%s", want, got)
		}
	}
	for _, bad := range []string{string(key), strconv.Itoa(chat)} {
		if strings.Contains(got, bad) {
			t.Errorf("log holds %q:\n%s", bad, got)
		}
	}
	if n := strings.Count(got, "session="+logKey(key)); n != 2 {
		t.Errorf("log names the session %d times, want 2 (the exit and the late delete):\n%s", n, got)
	}
}
