package telegram

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"signaal/bot/telegram/tgtest"
	"signaal/internal/retry"
)

// chainBot is a bare bot that calls srv on clock, with alice's chat open
// there, and tells m of its calls.
func chainBot(t *testing.T, clock interface{ clock() retry.Clock }, m Metrics) (*Bot, *tgtest.Server) {
	t.Helper()
	srv := tgtest.New(t)
	srv.SendText(tgtest.PrivateChat(alice), alice, "hallo")
	b := bareBot(srv.Endpoint(), &http.Client{}, clock.clock())
	b.Token = tgtest.Token
	b.Metrics = m
	return b, srv
}

// TestChain sends one message through the outbound chain against a Bot
// API that refuses it first, and checks what each link did: how often
// it was tried, what it waited on the clock between tries, what Metrics
// heard, and that the error that comes out carries nothing of the
// request.
func TestChain(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		fault     tgtest.Fault
		wantCalls int
		wantCode  int // of the error that comes out; 0 for success
		waits     []time.Duration
		called    map[string]int
		retried   map[string]int
	}{
		{
			name:      "429 waited out for its retry_after",
			fault:     tgtest.Fault{Method: "sendMessage", Code: 429, RetryAfter: 7, Times: 2},
			wantCalls: 3,
			waits:     []time.Duration{7 * time.Second, 7 * time.Second},
			called:    map[string]int{"sendMessage 429": 2, "sendMessage 0": 1},
			retried:   map[string]int{"sendMessage 429": 2},
		},
		{
			name:      "5xx with back-off",
			fault:     tgtest.Fault{Method: "sendMessage", Code: 502, Times: 2},
			wantCalls: 3,
			waits:     []time.Duration{time.Second, 2 * time.Second}, // at most; a quarter less at random
			called:    map[string]int{"sendMessage 502": 2, "sendMessage 0": 1},
			retried:   map[string]int{"sendMessage 502": 2},
		},
		{
			name:      "5xx given up after MaxAttempts",
			fault:     tgtest.Fault{Method: "sendMessage", Code: 500, Times: 10},
			wantCalls: 5,
			wantCode:  500,
			waits:     []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second},
			called:    map[string]int{"sendMessage 500": 5},
			retried:   map[string]int{"sendMessage 500": 4},
		},
		{
			name:      "403 final",
			fault:     tgtest.Fault{Method: "sendMessage", Code: 403, Description: "Forbidden: bot was blocked by the user", Echo: true},
			wantCalls: 1,
			wantCode:  403,
			called:    map[string]int{"sendMessage 403": 1},
			retried:   map[string]int{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			clock, m := newSkipClock(), newCountingMetrics()
			b, srv := chainBot(t, clock, m)
			srv.Inject(tc.fault)
			_, err := b.sendText(context.Background(), alice.ID, classReply, "geheime tekst", nil)
			if got := apiCode(err); got != tc.wantCode {
				t.Errorf("sendText() = %v, want code %d", err, tc.wantCode)
			}
			if n := len(srv.Calls("sendMessage")); n != tc.wantCalls {
				t.Errorf("sendMessage tried %d times, want %d", n, tc.wantCalls)
			}
			waits := clock.waited()
			if len(waits) != len(tc.waits) {
				t.Fatalf("waits between tries = %v, want %v", waits, tc.waits)
			}
			for i, w := range waits {
				if w > tc.waits[i] || w < tc.waits[i]*3/4 {
					t.Errorf("wait %d = %v, want %v or up to a quarter less", i, w, tc.waits[i])
				}
			}
			_, called, retried, _ := m.snapshot()
			if !equalCounts(called, tc.called) || !equalCounts(retried, tc.retried) {
				t.Errorf("Metrics told called %v, retried %v; want %v and %v", called, retried, tc.called, tc.retried)
			}
			if err != nil {
				for _, secret := range []string{tgtest.Token, "geheime", "987650001"} {
					if strings.Contains(err.Error(), secret) {
						t.Errorf("sendText() error %q carries %q", err, secret)
					}
				}
			}
		})
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

// TestRetryAfterOnTheClock: after a 429 with retry_after 3, the message is
// not sent again until the bot's clock has moved on by three seconds.
func TestRetryAfterOnTheClock(t *testing.T) {
	t.Parallel()
	clock := newManualClock()
	b, srv := chainBot(t, clock, nil)
	srv.Inject(tgtest.Fault{Method: "sendMessage", Code: 429, RetryAfter: 3})
	done := make(chan error, 1)
	go func() {
		_, err := b.sendText(context.Background(), alice.ID, classReply, "x", nil)
		done <- err
	}()
	if d := <-clock.waiting; d != 3*time.Second {
		t.Fatalf("the bot waits %v after a 429 with retry_after 3, want 3s", d)
	}
	clock.advance(2999 * time.Millisecond)
	if n := len(srv.Calls("sendMessage")); n != 1 {
		t.Errorf("sendMessage tried %d times before retry_after passed, want once", n)
	}
	clock.advance(time.Millisecond)
	if err := <-done; err != nil {
		t.Fatalf("sendText() after the wait = %v", err)
	}
	calls := srv.Calls("sendMessage")
	codes := []int{}
	for _, c := range calls {
		codes = append(codes, c.Code)
	}
	if !slices.Equal(codes, []int{429, 200}) {
		t.Errorf("sendMessage answered %v, want [429 200]", codes)
	}
}

// TestLimitsCountMessagesOnly: the bot keeps Telegram's limits as the Bot
// API counts them (tgtest.TelegramLimits, on the bot's clock), on messages
// only. Answering presses and deleting, however many, take nothing of the
// limits: thirty messages after ninety such calls still go at once, as
// the bucket allows, and none is refused with a 429. The thirty-first
// message waits its thirtieth of a second.
func TestLimitsCountMessagesOnly(t *testing.T) {
	t.Parallel()
	clock := newSkipClock()
	limits := tgtest.TelegramLimits()
	limits.Now = clock.Now
	srv := tgtest.Start(tgtest.Options{Limits: limits})
	t.Cleanup(srv.Close)
	b := bareBot(srv.Endpoint(), &http.Client{}, clock.clock())
	b.Token = tgtest.Token
	b.limits = newLimiter(30, 30, 1, 3, clock.clock())
	ctx := context.Background()

	users := make([]tgtest.User, 11)
	for i := range users {
		users[i] = tgtest.User{ID: 987653000 + int64(i), FirstName: "Lim", LanguageCode: "nl"}
		srv.SendText(tgtest.PrivateChat(users[i]), users[i], "hallo")
	}
	for i := range 45 {
		u := users[i%10]
		qid := srv.Press(tgtest.PrivateChat(u), u, 1, "start/welcome/ok")
		if err := b.answerCallback(ctx, qid); err != nil {
			t.Fatalf("answerCallback(%d) = %v", i, err)
		}
		if err := b.deleteMessages(ctx, u.ID, 1, 1); err != nil {
			t.Fatalf("deleteMessages(%d) = %v", i, err)
		}
	}
	for i := range 30 {
		if _, err := b.sendText(ctx, users[i%10].ID, classFirst, "welkom", nil); err != nil {
			t.Fatalf("sendText(%d) = %v", i, err)
		}
	}
	if waits := clock.waited(); len(waits) != 0 {
		t.Errorf("after 90 calls that are no message, 30 messages waited %d times, %v in all, want no wait", len(waits), sum(waits))
	}
	if _, err := b.sendText(ctx, users[10].ID, classFirst, "welkom", nil); err != nil {
		t.Fatalf("sendText(31st) = %v", err)
	}
	// The limiter looks again a millisecond later when the token it waited
	// for is a hair short (see reserveAbove).
	if waited, lo, hi := sum(clock.waited()), time.Second/30, time.Second/30+time.Millisecond; waited < lo || waited > hi {
		t.Errorf("the 31st message waited %v, want %v to %v", waited, lo, hi)
	}
	if n := srv.Counts().Limited; n != 0 {
		t.Errorf("Bot API answered %d calls with 429, want none", n)
	}
}

func sum(ds []time.Duration) time.Duration {
	var total time.Duration
	for _, d := range ds {
		total += d
	}
	return total
}
