package bot

import (
	"context"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/content"
	"signaal/flows"
	"signaal/internal/redistest"
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
		if ttl := c.PTTL(ctx, k).Val(); ttl <= 0 {
			t.Errorf("key %q has no time-out (PTTL %v)", k, ttl)
		}
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRedisDown stops and pauses a real redis-server mid-conversation: the
// user still gets an answer within a second, the safety card with 112 and
// the main helplines, and the bot carries on by itself once Redis is back.
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
	handle := func(in flows.Input) (Outcome, time.Duration, error) {
		t0 := time.Now()
		out, err := d.Handle(ctx, Update{Platform: "test", ChatID: 1, Input: in})
		return out, time.Since(t0), err
	}
	if out, _, err := handle(flows.TextInput("/start")); err != nil || out.Degraded {
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
			out, took, err := handle(choice(next))
			if err == nil || !out.Degraded || len(out.Replies) != 1 {
				t.Fatalf("while down: %+v, %v; want the safety card and an error", out, err)
			}
			if took > time.Second {
				t.Errorf("answer while down took %v, want under 1s", took)
			}
			card := out.Replies[0].Text
			for _, want := range []string{"112", "Veilig Thuis", "0800-2000", "Chat met Fier", "Keerpunt"} {
				if !strings.Contains(card, want) {
					t.Errorf("safety card lacks %q:\n%s", want, card)
				}
			}
			outage.back()
			deadline := time.Now().Add(5 * time.Second)
			for {
				out, _, err = handle(flows.TextInput("/start"))
				if err == nil && !out.Degraded {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("not recovered 5s after Redis came back: %v", err)
				}
				time.Sleep(50 * time.Millisecond)
			}
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
// and SET inside Redis), and a quick exit one DEL.
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
		{"quick exit", Update{Input: choice(flows.DataExit)}, map[string]int64{"del": 1}},
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
// at once: every one of them still gets the safety card within a second,
// and all go on once Redis resumes.
func TestRedisHangUnderLoad(t *testing.T) {
	t.Parallel() // each test has a redis-server of its own
	srv, _, rs := redisSessions(t)
	d := memDispatcher(t, testEngine(t), rs, store.NewKeyer([]byte(testSecret)))
	const chats = 64
	for c := range int64(chats) {
		toCounter(t, d, c)
	}
	handleAll := func(wantDegraded bool) time.Duration {
		var wg sync.WaitGroup
		var mu sync.Mutex
		var slowest time.Duration
		for c := range int64(chats) {
			wg.Go(func() {
				t0 := time.Now()
				out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: c, Input: choice("start/counter/inc")})
				took := time.Since(t0)
				mu.Lock()
				slowest = max(slowest, took)
				mu.Unlock()
				if out.Degraded != wantDegraded || len(out.Replies) == 0 || (err != nil) != wantDegraded {
					t.Errorf("chat %d: Degraded = %v, %d replies, error %v; want degraded %v with a reply", c, out.Degraded, len(out.Replies), err, wantDegraded)
				}
			})
		}
		wg.Wait()
		return slowest
	}
	srv.Pause()
	slowest := handleAll(true)
	srv.Resume()
	t.Logf("slowest safety card of %d chats with Redis hung: %v", chats, slowest)
	if slowest > time.Second {
		t.Errorf("slowest safety card with Redis hung took %v, want under 1s", slowest)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 0, Input: choice("start/counter/inc")})
		if err == nil && !out.Degraded {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not recovered 5s after Redis resumed: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
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
				d.RetryEvery = 50 * time.Millisecond
				toCounter(t, d, 4)
				outage.down()
				t0 := time.Now()
				out, err := d.Handle(context.Background(), Update{Platform: "test", ChatID: 4, Input: leave})
				took := time.Since(t0)
				if err != nil || !out.Forget || out.Degraded || len(out.Replies) != 1 || out.Replies[0].Text != neutral {
					t.Errorf("quick exit while Redis is down = %+v, %v; want only the neutral line %q", out, err, neutral)
				}
				if took > time.Second {
					t.Errorf("quick exit while Redis is down took %v, want under 1s", took)
				}
				outage.back()
				deadline := time.Now().Add(5 * time.Second)
				for len(scanAll(t, client)) != 0 {
					if time.Now().After(deadline) {
						t.Fatalf("session still in Redis 5s after it came back: %v", scanAll(t, client))
					}
					time.Sleep(20 * time.Millisecond)
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
