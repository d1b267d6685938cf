package telegram

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/flows"
)

func TestSplit(t *testing.T) {
	long := strings.Repeat("a", 5000)
	lines := strings.Repeat("regel\n", 1000) // 6000 bytes
	emoji := strings.Repeat("😀", 3000)       // 6000 UTF-16 units
	for _, tc := range []struct {
		name  string
		in    string
		parts int
	}{
		{"short", "hallo", 1},
		{"exact", strings.Repeat("a", maxText), 1},
		{"long word", long, 2},
		{"lines", lines, 2},
		{"emoji", emoji, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := split(tc.in, maxText)
			if len(parts) != tc.parts {
				t.Fatalf("split(%s) = %d parts, want %d", tc.name, len(parts), tc.parts)
			}
			for _, p := range parts {
				if n := textLen(p); n > maxText || n == 0 || !utf8.ValidString(p) {
					t.Errorf("split(%s) part of %d units (valid UTF-8: %v), want 1..%d", tc.name, n, utf8.ValidString(p), maxText)
				}
			}
			if tc.name == "lines" && !strings.HasSuffix(parts[0], "regel") {
				t.Errorf("split(lines) first part ends %q, want it cut at a line break", parts[0][len(parts[0])-10:])
			}
		})
	}
}

func TestTrackRange(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []int64
		id   int64
		want []int64
	}{
		{"first", nil, 5, []int64{5, 5}},
		{"newer", []int64{5, 9}, 12, []int64{5, 12}},
		{"older button", []int64{5, 9}, 3, []int64{3, 9}},
		{"inside", []int64{5, 9}, 7, []int64{5, 9}},
		{"no id", []int64{5, 9}, 0, []int64{5, 9}},
		{"damaged", []int64{9, 5, 1}, 7, []int64{7, 7}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.in)
			got := trackRange(in, tc.id)
			if !slices.Equal(got, tc.want) {
				t.Errorf("trackRange(%v, %d) = %v, want %v", tc.in, tc.id, got, tc.want)
			}
			if !slices.Equal(in, tc.in) {
				t.Errorf("trackRange changed its input to %v: Track must be pure", in)
			}
			if len(got) > flows.MaxTracked {
				t.Errorf("trackRange kept %d ids, more than flows.MaxTracked", len(got))
			}
		})
	}
}

func TestInlineKeyboard(t *testing.T) {
	b := &Bot{Log: slog.New(slog.DiscardHandler)}
	opts := []flows.Option{
		{Data: "start/safe/yes", Label: "Ja"},
		{Data: "start/safe/no", Label: "Nee"},
		{Data: flows.DataBack, Label: "Terug"},
		{Data: flows.DataSOS, Label: "112 Noodhulp"},
		{Data: flows.DataExit, Label: "Snel weg"},
		{Data: strings.Repeat("x", 65), Label: "te lang"},
	}
	kb := b.inlineKeyboard(opts)
	var got [][]string
	for _, row := range kb.InlineKeyboard {
		var r []string
		for _, btn := range row {
			r = append(r, *btn.CallbackData)
		}
		got = append(got, r)
	}
	want := [][]string{{"start/safe/yes"}, {"start/safe/no"}, {flows.DataBack}, {flows.DataSOS, flows.DataExit}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("inlineKeyboard() rows = %v, want %v", got, want)
	}
}

func TestBucket(t *testing.T) {
	now := time.Unix(0, 0)
	b := newBucket(1, 3, now)
	var waits []time.Duration
	for range 5 {
		waits = append(waits, b.take(now))
	}
	want := []time.Duration{0, 0, 0, time.Second, 2 * time.Second}
	if !slices.Equal(waits, want) {
		t.Errorf("take() x5 at once = %v, want %v", waits, want)
	}
	if got := b.take(now.Add(10 * time.Second)); got != 0 {
		t.Errorf("take() after 10s = %v, want 0", got)
	}
}

func TestLimiterPerChat(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLimiter(30, 30, 1, 1, func() time.Time { return now })
	if w := l.reserve(1, true); w != 0 {
		t.Errorf("first message to chat 1 waits %v, want 0", w)
	}
	if w := l.reserve(1, true); w != time.Second {
		t.Errorf("second message to chat 1 waits %v, want 1s", w)
	}
	if w := l.reserve(2, true); w != 0 {
		t.Errorf("first message to chat 2 waits %v, want 0: chats are limited apart", w)
	}
	if w := l.reserve(-5, true); w != 0 {
		t.Errorf("first message to a group waits %v, want 0", w)
	}
	if w := l.reserve(-5, true); w != 3*time.Second {
		t.Errorf("second message to a group waits %v, want 3s (twenty a minute)", w)
	}
	if w := l.reserve(1, false); w != 0 {
		t.Errorf("a deletion in chat 1 waits %v, want 0: only messages count per chat", w)
	}
}

func TestLanesOrder(t *testing.T) {
	l := newLanes(4, 1000, nil)
	var mu sync.Mutex
	got := map[int64][]int{}
	for i := range 200 {
		key := int64(i % 5)
		if err := l.Go(context.Background(), key, func() {
			time.Sleep(time.Duration(i%3) * time.Millisecond)
			mu.Lock()
			got[key] = append(got[key], i)
			mu.Unlock()
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	for key, seq := range got {
		if !slices.IsSorted(seq) || len(seq) != 40 {
			t.Errorf("lane %d ran %v, want its 40 jobs in order", key, seq)
		}
	}
	if n := l.Len(); n != 0 {
		t.Errorf("Len() after Wait = %d, want 0", n)
	}
}

func TestLanesBounded(t *testing.T) {
	var panics []any
	l := newLanes(1, 2, func(v any) { panics = append(panics, v) })
	block := make(chan struct{})
	ctx := context.Background()
	_ = l.Go(ctx, 1, func() { <-block })
	_ = l.Go(ctx, 2, func() { <-block; panic("boom") })
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := l.Go(short, 3, func() {}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Go() on full lanes = %v, want the context's deadline", err)
	}
	close(block)
	if err := l.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if len(panics) != 1 {
		t.Errorf("panics reported = %v, want the one job's", panics)
	}
}

func TestDoerKeepsTokenOut(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens: every request fails in the transport
	const token = "4242:secret-token-value"
	d := &doer{hc: &http.Client{}, ctx: context.Background(), timeout: time.Second, token: token}
	api := &tgbotapi.BotAPI{Token: token, Client: d}
	api.SetAPIEndpoint("http://" + addr + "/bot%s/%s")
	_, err = api.Request(tgbotapi.NewMessage(1, "x"))
	if err == nil {
		t.Fatal("Request() to a closed port succeeded")
	}
	if strings.Contains(err.Error(), token) || strings.Contains(err.Error(), "secret-token") {
		t.Errorf("Request() error = %q, want it without the token", err)
	}
	if !strings.Contains(err.Error(), "sendMessage") {
		t.Errorf("Request() error = %q, want it to name the method", err)
	}
}

func TestRetryAfter(t *testing.T) {
	b := &Bot{Backoff: 100 * time.Millisecond, MaxBackoff: time.Second}
	for _, tc := range []struct {
		name      string
		err       error
		retry     bool
		atLeast   time.Duration
		atMost    time.Duration
		failures_ int
	}{
		{"flood", &tgbotapi.Error{Code: 429, ResponseParameters: tgbotapi.ResponseParameters{RetryAfter: 7}}, true, 7 * time.Second, 7 * time.Second, 0},
		{"server", &tgbotapi.Error{Code: 502}, true, 75 * time.Millisecond, 100 * time.Millisecond, 0},
		{"server again", &tgbotapi.Error{Code: 500}, true, 300 * time.Millisecond, 400 * time.Millisecond, 2},
		{"capped", &tgbotapi.Error{Code: 500}, true, 750 * time.Millisecond, time.Second, 30},
		{"blocked", &tgbotapi.Error{Code: 403, Message: "Forbidden: bot was blocked by the user"}, false, 0, 0, 0},
		{"bad request", &tgbotapi.Error{Code: 400}, false, 0, 0, 0},
		{"network", &requestError{method: "sendMessage", err: errors.New("connection reset")}, true, 75 * time.Millisecond, 100 * time.Millisecond, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wait, retry := b.retryAfter(tc.err, tc.failures_)
			if retry != tc.retry || wait < tc.atLeast || wait > tc.atMost {
				t.Errorf("retryAfter(%v, %d) = %v, %v, want %v in [%v, %v]", tc.err, tc.failures_, wait, retry, tc.retry, tc.atLeast, tc.atMost)
			}
		})
	}
}

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"hallo", 10, "hallo"},
		{"hallo", 3, "hal"},
		{"héé", 2, "h"}, // é is two bytes: not split
		{"héé", 3, "hé"},
	} {
		if got := cut(tc.in, tc.n); got != tc.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestDeepLinkURL(t *testing.T) {
	for _, tc := range []struct{ user, payload, want string }{
		{"signaal_bot", "prof", "https://t.me/signaal_bot?start=prof"},
		{"@signaal_bot", "", "https://t.me/signaal_bot"},
	} {
		if got := DeepLink(tc.user, tc.payload); got != tc.want {
			t.Errorf("DeepLink(%q, %q) = %q, want %q", tc.user, tc.payload, got, tc.want)
		}
	}
}

func TestCallRetriesHTMLErrors(t *testing.T) {
	// A proxy in front of the Bot API answers 502 with an HTML page twice;
	// the call is tried again and succeeds.
	var mu sync.Mutex
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		k := n
		mu.Unlock()
		if k <= 2 {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte("<html>502 Bad Gateway</html>"))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true,"result":true}`))
	}))
	defer srv.Close()
	b := &Bot{Token: "1:t", Endpoint: srv.URL + "/bot%s/%s", Client: srv.Client(), Backoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, MaxAttempts: 5}
	b.limits = newLimiter(1000, 1000, 1000, 1000, time.Now)
	b.api = b.newAPI(context.Background(), time.Second)
	_, err := b.call(context.Background(), 0, classOther, "deleteMessage", func() (*tgbotapi.APIResponse, error) {
		return b.api.Request(tgbotapi.NewDeleteMessage(1, 2))
	})
	mu.Lock()
	got := n
	n = 0
	mu.Unlock()
	if err != nil || got != 3 {
		t.Errorf("call() through two HTML 502s = %v after %d requests, want success after 3", err, got)
	}

	// With fewer attempts allowed, the call gives up and says why.
	b.MaxAttempts = 2
	_, err = b.call(context.Background(), 0, classOther, "deleteMessage", func() (*tgbotapi.APIResponse, error) {
		return b.api.Request(tgbotapi.NewDeleteMessage(1, 2))
	})
	if apiCode(err) != http.StatusBadGateway || !strings.Contains(err.Error(), "deleteMessage") {
		t.Errorf("call() with 2 attempts = %v, want the 502 of deleteMessage", err)
	}
}
