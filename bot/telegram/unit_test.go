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

	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/retry"
	"testing/fstest"
)

func TestSplit(t *testing.T) {
	t.Parallel()
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

func TestInlineKeyboard(t *testing.T) {
	t.Parallel()
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

func TestLanesOrder(t *testing.T) {
	t.Parallel()
	l := newLanes(4, 1000, nil)
	var mu sync.Mutex
	got := map[int64][]int{}
	for i := range 200 {
		key := int64(i % 5)
		if err := l.Go(context.Background(), key, 0, 0, laneJob{f: func() {
			for range i % 3 {
				runtime.Gosched() // jobs take turns in another order than queued
			}
			mu.Lock()
			got[key] = append(got[key], i)
			mu.Unlock()
		}}); err != nil {
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

// TestLanesUrgentFirst: while every worker is busy, an urgent job (the
// quick exit, an answer with 112) starts before the ordinary jobs of other
// keys that waited for a worker before it, whether its key is new or
// already waits with an ordinary job; within a key the order stays: the
// urgent job first, then the key's ordinary one.
func TestLanesUrgentFirst(t *testing.T) {
	t.Parallel()
	l := newLanes(1, 100, nil)
	block := make(chan struct{})
	ctx := context.Background()
	var mu sync.Mutex
	var got []string
	job := func(name string) laneJob {
		return laneJob{f: func() {
			mu.Lock()
			got = append(got, name)
			mu.Unlock()
		}}
	}
	if err := l.Go(ctx, 1, 0, 0, laneJob{f: func() { <-block }}); err != nil { // the one worker, busy
		t.Fatal(err)
	}
	for _, k := range []struct {
		key  int64
		name string
	}{{2, "2 ordinary"}, {3, "3 ordinary"}} {
		if err := l.Go(ctx, k.key, 0, 0, job(k.name)); err != nil {
			t.Fatal(err)
		}
	}
	l.GoFirst(4, job("4 urgent, a new key"))
	l.GoFirst(3, job("3 urgent, a key waiting"))
	close(block)
	if err := l.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{"4 urgent, a new key", "3 urgent, a key waiting", "2 ordinary", "3 ordinary"}
	if !slices.Equal(got, want) {
		t.Errorf("jobs ran %q, want %q", got, want)
	}
}

func TestLanesBounded(t *testing.T) {
	t.Parallel()
	var panics []any
	l := newLanes(1, 2, func(v any) { panics = append(panics, v) })
	block := make(chan struct{})
	ctx := context.Background()
	_ = l.Go(ctx, 1, 0, 0, laneJob{f: func() { <-block }})
	_ = l.Go(ctx, 2, 0, 0, laneJob{f: func() { <-block; panic("boom") }})
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := l.Go(short, 3, 0, 0, laneJob{f: func() {}}); !errors.Is(err, context.DeadlineExceeded) {
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

func TestTransportKeepsTokenOut(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens: every request fails in the transport
	const token = "4242:secret-token-value"
	b := bareBot("http://"+addr+"/bot%s/%s", &http.Client{}, newSkipClock().clock())
	b.Token, b.MaxAttempts = token, 1
	_, err = b.sendText(context.Background(), 1, classReply, "x", nil)
	if err == nil {
		t.Fatal("sendText() to a closed port succeeded")
	}
	if strings.Contains(err.Error(), token) || strings.Contains(err.Error(), "secret-token") {
		t.Errorf("sendText() error = %q, want it without the token", err)
	}
	if !strings.Contains(err.Error(), "sendMessage") {
		t.Errorf("sendText() error = %q, want it to name the method", err)
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
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
		{"network", &outsideError{method: "sendMessage", msg: "connection reset"}, true, 75 * time.Millisecond, 100 * time.Millisecond, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wait, retry := b.retryAfter(tc.err, tc.failures_)
			if retry != tc.retry || wait < tc.atLeast || wait > tc.atMost {
				t.Errorf("retryAfter(%v, %d) = %v, %v, want %v in [%v, %v]", tc.err, tc.failures_, wait, retry, tc.retry, tc.atLeast, tc.atMost)
			}
		})
	}
}

func TestDeepLinkURL(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	b := bareBot(srv.URL+"/bot%s/%s", srv.Client(), newSkipClock().clock())
	err := b.deleteMessage(context.Background(), 1, 2)
	mu.Lock()
	got := n
	n = 0
	mu.Unlock()
	if err != nil || got != 3 {
		t.Errorf("call() through two HTML 502s = %v after %d requests, want success after 3", err, got)
	}

	// With fewer attempts allowed, the call gives up and says why.
	b.MaxAttempts = 2
	err = b.deleteMessage(context.Background(), 1, 2)
	if apiCode(err) != http.StatusBadGateway || !strings.Contains(err.Error(), "deleteMessage") {
		t.Errorf("call() with 2 attempts = %v, want the 502 of deleteMessage", err)
	}
}

func TestLimiterPerChat(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	l := newLimiter(30, 30, 1, 1, retry.Clock{Now: func() time.Time { return now }})
	for _, tc := range []struct {
		name string
		chat int64
		want time.Duration
	}{
		{"first message to chat 1", 1, 0},
		{"second message to chat 1", 1, time.Second},
		{"first message to chat 2: chats are limited apart", 2, 0},
		{"first message to a group", -5, 0},
		{"second message to a group: twenty a minute", -5, 3 * time.Second},
	} {
		if got := l.reserveChat(tc.chat, now).DelayFrom(now); got != tc.want {
			t.Errorf("%s: reserveChat(%d) delay = %v, want %v", tc.name, tc.chat, got, tc.want)
		}
	}
}

// sendAt is one message a chat wants sent at a time.
type sendAt struct {
	chat int64
	at   time.Duration
}

// simulate sends the messages through l on a fake clock and returns when
// each went out. A chat sends one message at a time, as its lane does: the
// next is asked for when the one before went out. With chatFirst the
// message waits for its chat and then for the overall limit, as
// limiter.wait does; without, both are reserved at once, which is how the
// bot's old limiter worked.
func simulate(l *limiter, wants []sendAt, chatFirst bool) []time.Duration {
	t0 := time.Unix(1000, 0)
	type event struct {
		at    time.Duration
		chat  int64
		stage int // 0: asks its chat; 1: asks the overall limit
		seq   int // keeps events of equal time in the order they came
	}
	queued := map[int64][]time.Duration{}
	var events []event
	seq := 0
	push := func(e event) { e.seq = seq; seq++; events = append(events, e) }
	for _, w := range wants {
		if len(queued[w.chat]) == 0 {
			push(event{at: w.at, chat: w.chat})
		}
		queued[w.chat] = append(queued[w.chat], w.at)
	}
	var sent []time.Duration
	for len(events) > 0 {
		i := 0
		for j, e := range events {
			if e.at < events[i].at || e.at == events[i].at && e.seq < events[i].seq {
				i = j
			}
		}
		e := events[i]
		events = slices.Delete(events, i, i+1)
		now := t0.Add(e.at)
		var out time.Duration
		switch {
		case !chatFirst:
			g := l.global.ReserveN(now, 1).DelayFrom(now)
			c := l.reserveChat(e.chat, now).DelayFrom(now)
			out = e.at + max(g, c)
		case e.stage == 0:
			push(event{at: e.at + l.reserveChat(e.chat, now).DelayFrom(now), chat: e.chat, stage: 1})
			continue
		default:
			out = e.at + l.global.ReserveN(now, 1).DelayFrom(now)
		}
		sent = append(sent, out)
		q := queued[e.chat][1:]
		queued[e.chat] = q
		if len(q) > 0 {
			push(event{at: max(out, q[0]), chat: e.chat})
		}
	}
	slices.Sort(sent)
	return sent
}

// worstSecond is the most sends in any one-second window.
func worstSecond(sent []time.Duration) int {
	worst := 0
	for i, from := range sent {
		n, _ := slices.BinarySearch(sent[i:], from+time.Second)
		worst = max(worst, n)
	}
	return worst
}

// TestLimiterWorstSecond runs a busy moment through the limits on a fake
// clock: ten chats with six replies each queued at once, so that each
// waits for its own limit, and two seconds later sixty new chats with one
// reply each. In no one-second window may more go out than the overall
// bucket allows: its burst plus its rate for one second.
func TestLimiterWorstSecond(t *testing.T) {
	const rate, burst = 30, 30
	var wants []sendAt
	for chat := int64(1); chat <= 10; chat++ {
		for range 6 {
			wants = append(wants, sendAt{chat: chat})
		}
	}
	for chat := int64(100); chat < 160; chat++ {
		wants = append(wants, sendAt{chat: chat, at: 2 * time.Second})
	}
	bound := burst + rate
	got := worstSecond(simulate(newLimiter(rate, burst, 1, 3, retry.Clock{}), wants, true))
	t.Logf("worst one-second window: %d sends (bound %d)", got, bound)
	if got > bound {
		t.Errorf("worst one-second window = %d sends, want at most %d (burst %d + %d a second)", got, bound, burst, rate)
	}
	// The same moment through the old order breaks the bound, so the
	// scenario is one that catches it.
	if old := worstSecond(simulate(newLimiter(rate, burst, 1, 3, retry.Clock{}), wants, false)); old <= bound {
		t.Errorf("with the overall token taken first, worst window = %d, want it above %d: the scenario no longer tells the orders apart", old, bound)
	} else {
		t.Logf("with the overall token taken first it would be %d", old)
	}
}

func TestLimiterPrune(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	l := newLimiter(1e6, 1e6, 1, 3, retry.Clock{Now: func() time.Time { return now }})
	for chat := range int64(minPrune - 1) {
		l.reserveChat(chat+1, now)
	}
	now = now.Add(10 * time.Second) // every bucket is full again
	l.reserveChat(-42, now)
	if n := len(l.chats); n > 1 {
		t.Errorf("per-chat limiters after %d idle chats and one new = %d, want 1: full ones are dropped", minPrune-1, n)
	}
	// A chat still waiting for its bucket is kept.
	for chat := range int64(minPrune) {
		l.reserveChat(chat+1, now)
		l.reserveChat(chat+1, now)
		l.reserveChat(chat+1, now)
	}
	if n := len(l.chats); n < minPrune {
		t.Errorf("per-chat limiters of %d busy chats = %d, want all kept", minPrune, n)
	}
}

func TestLanesPerKeyLimit(t *testing.T) {
	t.Parallel()
	l := newLanes(4, 100, nil)
	block := make(chan struct{})
	started := make(chan struct{}, 3)
	ctx := context.Background()
	for i := range 3 {
		if err := l.Go(ctx, 1, 3, 0, laneJob{f: func() { started <- struct{}{}; <-block }}); err != nil {
			t.Fatalf("Go() #%d within the limit = %v", i+1, err)
		}
	}
	<-started // the first job of key 1 runs
	if err := l.Go(ctx, 1, 3, 0, laneJob{f: func() {}}); !errors.Is(err, errLaneFull) {
		t.Errorf("Go() over the key's limit = %v, want errLaneFull", err)
	}
	if err := l.Go(ctx, 1, 5, 0, laneJob{f: func() {}}); err != nil {
		t.Errorf("Go() with a higher limit = %v, want nil", err)
	}
	if err := l.Go(ctx, 2, 3, 0, laneJob{f: func() {}}); err != nil {
		t.Errorf("Go() for another key = %v, want nil: one key's limit is its own", err)
	}
	if got := l.KeyLen(1); got != 4 {
		t.Errorf("KeyLen(1) = %d, want 4", got)
	}
	// One job of key 1 runs; the three queued behind it are dropped.
	if got := l.Discard(1); got != 3 {
		t.Errorf("Discard(1) = %d, want 3", got)
	}
	if got := l.KeyLen(1); got != 1 {
		t.Errorf("KeyLen(1) after Discard = %d, want 1 (the running job)", got)
	}
	close(block)
	if err := l.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if n := l.Len(); n != 0 || len(l.slots) != 0 {
		t.Errorf("after Wait, Len() = %d with %d slots taken, want 0 and 0", n, len(l.slots))
	}
}

// TestLimiterYields checks the order of first answers and further
// messages at the overall limit, on a fake clock: once first answers have
// used the burst, a further message waits until the bucket holds more
// than the headroom, while a first answer still only waits its turn.
func TestLimiterYields(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	l := newLimiter(30, 30, 1, 3, retry.Clock{})
	if r, wait := l.reserveAbove(now, l.headroom); r == nil || r.DelayFrom(now) != 0 || wait != 0 {
		t.Fatalf("reserveAbove(headroom) on a full bucket = %v, %v, want a token at once", r, wait)
	}
	for range 29 {
		l.global.ReserveN(now, 1)
	}
	r, wait := l.reserveAbove(now, l.headroom)
	if r != nil {
		t.Fatalf("reserveAbove(headroom) on an empty bucket = a reservation, want none")
	}
	// 1 token plus the headroom of 10, at 30 a second.
	if want := 11 * time.Second / 30; wait < want-time.Millisecond || wait > want+time.Millisecond {
		t.Errorf("reserveAbove(headroom) on an empty bucket waits %v, want about %v", wait, want)
	}
	if d := l.global.ReserveN(now, 1).DelayFrom(now); d != time.Second/30 {
		t.Errorf("a first answer on an empty bucket waits %v, want %v: its turn only", d, time.Second/30)
	}
	later := now.Add(time.Second)
	if r, _ := l.reserveAbove(later, l.headroom); r == nil || r.DelayFrom(later) != 0 {
		t.Errorf("reserveAbove(headroom) a second later = %v, want a token at once", r)
	}
}

// TestContentFitsTelegram: the shipped content passes Telegram's limits,
// and content that does not is refused with Telegram named.
func TestContentFitsTelegram(t *testing.T) {
	t.Parallel()
	// The engine checks what it renders against the limits the content
	// was loaded with.
	load := func(fsys fs.FS, o content.Options) error {
		c, err := content.LoadWith(fsys, o)
		if err == nil {
			_, err = flows.New(c)
		}
		return err
	}
	if c, err := content.DefaultWith(content.Options{Limits: Limits}); err != nil {
		t.Fatalf("shipped content under Telegram's limits: %v", err)
	} else if _, err := flows.New(c); err != nil {
		t.Fatalf("shipped content under Telegram's limits: %v", err)
	}
	fsys := fstest.MapFS{}
	root := "../../content/testdata/good"
	if err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(root, p))
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// Emoji count twice in UTF-16, as Telegram counts.
	fsys["texts/nl.yaml"].Data = append(fsys["texts/nl.yaml"].Data, ("ask2: " + strings.Repeat("🙂", maxText/2+1) + "\n")...)
	fsys["flows/start.yaml"].Data = []byte(strings.Replace(string(fsys["flows/start.yaml"].Data), "text: ask\n", "text: ask2\n", 1))
	fsys["texts/en.yaml"].Data = append(fsys["texts/en.yaml"].Data, "ask2: short\n"...)
	err := load(fsys, content.Options{Limits: Limits})
	if err == nil || !strings.Contains(err.Error(), "characters; Telegram allows 4096") {
		t.Errorf("LoadWith(a question of %d UTF-16 units) = %v, want it refused with Telegram named", maxText+2, err)
	}
	if err := load(fsys, content.Options{}); err != nil {
		t.Errorf("Load without limits = %v, want the same content accepted", err)
	}
}

// TestLimiterUrgentBorrows: an urgent message does not wait for its chat's
// limit while the chat owes a couple of seconds at most, and waits in full
// beyond that, so that a chat sending urgent messages in a flood is held
// to its limit like any other.
func TestLimiterUrgentBorrows(t *testing.T) {
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	l := newLimiter(30, 30, 1, 3, retry.Clock{Now: func() time.Time { return t0 }})
	var waits []time.Duration
	for range 7 {
		waits = append(waits, l.urgentChatWait(42))
	}
	// Three from the burst, two borrowed (owing one, then two seconds),
	// then the chat owes more than urgentBorrow and waits.
	want := []time.Duration{0, 0, 0, 0, 0, 3 * time.Second, 4 * time.Second}
	if !slices.Equal(waits, want) {
		t.Errorf("urgentChatWait seven times at once = %v, want %v", waits, want)
	}
	if got := l.urgentChatWait(43); got != 0 {
		t.Errorf("urgentChatWait for another chat = %v, want 0", got)
	}
}

// TestWaitChangeOnClock: polling waits for an update under way to be done,
// or for changeWait on the bot's clock, whichever comes first; the wait
// is the clock's, so no test waits for it in earnest.
func TestWaitChangeOnClock(t *testing.T) {
	t.Run("the clock's wait passes", func(t *testing.T) {
		var o offsets
		c := newManualClock()
		done := make(chan error, 1)
		go func() { done <- o.waitChange(context.Background(), c.clock(), changeWait) }()
		if d := <-c.waiting; d != changeWait {
			t.Fatalf("waitChange waits %v on the clock, want %v", d, changeWait)
		}
		select {
		case err := <-done:
			t.Fatalf("waitChange returned %v before the clock moved", err)
		default:
		}
		c.advance(changeWait)
		if err := <-done; err != nil {
			t.Errorf("waitChange = %v, want nil once the wait has passed", err)
		}
	})
	t.Run("an update done ends the wait", func(t *testing.T) {
		o := offsets{open: map[int]bool{7: true}}
		c := newManualClock()
		done := make(chan error, 1)
		go func() { done <- o.waitChange(context.Background(), c.clock(), changeWait) }()
		<-c.waiting
		o.finish(7, true)
		if err := <-done; err != nil {
			t.Errorf("waitChange = %v, want nil once an update is done", err)
		}
	})
}
