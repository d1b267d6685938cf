package telegram

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"signaal/bot"
	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/redistest"
	"signaal/store"
	"signaal/store/redisstore"
)

// longestPath leads through the longest conversation the content has: the
// opening, the professional's menu by way of the meldcode and its points
// of attention, the whole screening of an adult with signals in every
// category, the summary, and the question of consent.
func longestPath() map[string]bool {
	prefer := map[string]bool{
		"start/danger/no":    true,
		"start/who/prof":     true,
		"prof/scr-age/adult": true,
		"prof/consent/no":    true,
	}
	for _, cat := range []string{"werving", "vervoer", "huisvesting", "dreiging", "geweld", "beweging", "isolatie",
		"documenten", "loon", "misleiding", "kwetsbaar", "betalingen", "doel-seks", "doel-arbeid", "doel-crimineel"} {
		prefer["prof/scr-"+cat+"/s1"] = true
	}
	return prefer
}

// TestQuickExitWindow measures whether a window of MaxDelete ids below the
// exit line makes kept message ids unnecessary. It drives the longest
// conversation there is, typing now and then as people do, and then leaves
// with /stop: nothing of the conversation may remain, and the deletion
// must take a handful of calls, not one per message.
func TestQuickExitWindow(t *testing.T) {
	t.Parallel()
	c := testContent(t)
	h := start(t, polling, c)
	// The chat has a history before this conversation, so that the window
	// is full and ids are not small.
	const history = 300
	for range history {
		h.srv.TextUpdate(tgtest.PrivateChat(alice), alice, "ouder bericht")
	}
	first := h.text(alice, "/start")
	typed := []string{"ik weet het niet zeker", "mag ik iets vragen", "is dit anoniem"}
	prefer := longestPath()
	presses := 0
	for i := 0; ; i++ {
		if i > 60 {
			t.Fatalf("no ending after 60 questions")
		}
		q := h.question(alice)
		if _, ok := hasButton(q, flows.DataRestart); ok {
			break
		}
		if i%4 == 1 {
			h.text(alice, typed[i%len(typed)]) // free text: the question comes again
			q = h.question(alice)
		}
		pick := h.choose(q, prefer)
		h.press(alice, q.ID, pick.Data)
		presses++
	}
	// At an ending, typed text is a search; people look for a helpline.
	h.text(alice, "/contact veilig thuis")
	h.text(alice, "ik wil iemand spreken")

	before := len(h.srv.Calls(""))
	exitID := h.text(alice, "/stop")
	calls := h.srv.Calls("")[before:]

	var left []tgtest.Message // of this conversation
	for _, m := range h.srv.Visible(alice.ID) {
		if m.ID >= first {
			left = append(left, m)
		}
	}
	if len(left) != 0 {
		t.Fatalf("after the quick exit, %d messages of the conversation remain (%+v), want none", len(left), left)
	}
	line := h.exitLine(t, alice.ID).ID
	span := line - first // the ids from /start up to the exit, the exit line not counted
	var batches, singles, other int
	for _, call := range calls {
		switch call.Method {
		case "deleteMessages":
			batches++
		case "deleteMessage":
			singles++
		case "getUpdates":
		default:
			other++
		}
	}
	t.Logf("longest conversation: %d presses, %d message ids from /start to /stop (exit at id %d, line at id %d)", presses, span, exitID, line)
	t.Logf("quick exit: %d deleteMessages calls, %d deleteMessage calls, %d other calls (the exit line), window %d ids", batches, singles, other, h.bot.MaxDelete)
	if span > h.bot.MaxDelete {
		t.Errorf("the longest conversation spans %d ids, more than the window of %d: kept ids would be needed", span, h.bot.MaxDelete)
	}
	if want := (h.bot.MaxDelete + maxDeleteBatch - 1) / maxDeleteBatch; batches != want || singles != 0 || want > 3 {
		t.Errorf("quick exit made %d deleteMessages and %d deleteMessage calls, want %d (at most 3) batches and no single deletions", batches, singles, want)
	}
	if other != 1 {
		t.Errorf("quick exit made %d other calls, want 1 (the exit line)", other)
	}
	// Every message in the window, the exit line's included, is gone, and
	// nothing below it was touched.
	for _, m := range h.srv.Messages(alice.ID) {
		inWindow := m.ID <= line && m.ID > line-h.bot.MaxDelete
		if inWindow != m.Deleted {
			t.Errorf("message %d (bot %v) deleted = %v, want %v (window %d..%d)", m.ID, m.FromBot, m.Deleted, inWindow, line-h.bot.MaxDelete+1, line)
		}
	}
}

// TestQuickExitFallback fails a deleteMessages call: that batch is deleted
// id by id instead, unless the user blocked the bot, after which nothing
// is tried.
func TestQuickExitFallback(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		fault     tgtest.Fault
		deleted   bool // whether the conversation ends up deleted
		wantCalls func(batches, singles, window int) bool
	}{
		{
			name:    "batch refused",
			fault:   tgtest.Fault{Method: "deleteMessages", Code: 400, Description: "Bad Request: MESSAGE_IDS_INVALID"},
			deleted: true,
			// One batch covers this short conversation; it is redone id
			// by id.
			wantCalls: func(batches, singles, window int) bool { return batches == 1 && singles == window },
		},
		{
			name:      "blocked",
			fault:     tgtest.Fault{Method: "deleteMessages", Code: 403, Description: "Forbidden: bot was blocked by the user"},
			wantCalls: func(batches, singles, window int) bool { return batches == 1 && singles == 0 },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t, polling, testContent(t))
			h.text(alice, "/start")
			h.press(alice, h.question(alice).ID, "start/welcome/ok")
			h.text(alice, "iets getypt")
			h.srv.Inject(tc.fault)
			before := len(h.srv.Calls(""))
			h.press(alice, h.question(alice).ID, flows.DataExit)
			var batches, singles int
			for _, call := range h.srv.Calls("")[before:] {
				switch call.Method {
				case "deleteMessages":
					batches++
				case "deleteMessage":
					singles++
				}
			}
			visible := h.srv.Visible(alice.ID)
			line := h.sentExitLine(t, alice.ID)
			window := line.ID // every id up to the line, as the chat is younger than MaxDelete
			if !tc.wantCalls(batches, singles, window) {
				t.Errorf("quick exit with %s: %d deleteMessages and %d deleteMessage calls (window %d)", tc.name, batches, singles, window)
			}
			if gotDeleted := len(visible) == 0; gotDeleted != tc.deleted {
				t.Errorf("quick exit with %s: conversation deleted = %v, want %v; visible %+v", tc.name, gotDeleted, tc.deleted, visible)
			}
		})
	}
}

// downStore is a session store that can be taken down: then every call
// fails as it does when the store cannot be reached.
type downStore struct {
	bot.Sessions
	down atomic.Bool
}

var errStoreDown = errors.New("session store unreachable")

func (s *downStore) Load(ctx context.Context, key store.Key) (store.Record, error) {
	if s.down.Load() {
		return store.Record{}, errStoreDown
	}
	return s.Sessions.Load(ctx, key)
}

func (s *downStore) Save(ctx context.Context, key store.Key, r store.Record) (store.Record, error) {
	if s.down.Load() {
		return store.Record{}, errStoreDown
	}
	return s.Sessions.Save(ctx, key, r)
}

func (s *downStore) Delete(ctx context.Context, key store.Key) error {
	if s.down.Load() {
		return errStoreDown
	}
	return s.Sessions.Delete(ctx, key)
}

// TestQuickExitStoreDown leaves while the session store is down, with a
// store that fails every call and with a real Redis stopped mid-test. Each
// way of leaving gets the short neutral line, not the long safety card of
// a failed update, and the conversation is deleted all the same.
func TestQuickExitStoreDown(t *testing.T) {
	t.Parallel()
	c := testContent(t)
	exitLabel := c.Text(content.DefaultLang, content.KeyOptExit)
	stores := []struct {
		name string
		// setUp returns the store and a function that takes it down.
		setUp func(t *testing.T) (bot.Sessions, func())
	}{
		{"failing store", func(t *testing.T) (bot.Sessions, func()) {
			s := &downStore{Sessions: store.NewMemory(0)}
			t.Cleanup(func() { s.down.Store(false) }) // lets the dispatcher's retry finish
			return s, func() { s.down.Store(true) }
		}},
		{"redis stopped", func(t *testing.T) (bot.Sessions, func()) {
			srv := redistest.Start(t)
			client, err := redisstore.NewClient(redisstore.Config{URL: srv.URL()})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { client.Close() })
			return redisstore.New(client, time.Hour, redisstore.WithTimeout(time.Second)), srv.Stop
		}},
	}
	for _, st := range stores {
		for _, how := range []string{"button", "typed", "/stop"} {
			t.Run(st.name+"/"+how, func(t *testing.T) {
				sessions, takeDown := st.setUp(t)
				h := start(t, polling, c, withSessions(func(bot.Sessions) bot.Sessions { return sessions }))
				h.text(alice, "/start")
				h.press(alice, h.question(alice).ID, "start/welcome/ok")
				h.text(alice, "iets getypt")
				if n := len(h.srv.Visible(alice.ID)); n < 5 {
					t.Fatalf("conversation has %d messages before the exit, want at least 5", n)
				}
				takeDown()
				switch how {
				case "button":
					h.press(alice, h.question(alice).ID, flows.DataExit)
				case "typed":
					h.text(alice, exitLabel)
				case "/stop":
					h.text(alice, "/stop")
				}
				if visible := h.srv.Visible(alice.ID); len(visible) != 0 {
					t.Fatalf("after the quick exit with the store down, visible messages = %+v, want none", visible)
				}
				if v := h.exitLine(t, alice.ID); !v.RemoveKeyboard {
					t.Errorf("the exit line %q did not remove the keyboard", v.Text)
				}
			})
		}
	}
}

// sentExitLine returns the neutral line the quick exit sent in chat,
// deleted or not.
func (h *harness) sentExitLine(t *testing.T, chat int64) tgtest.Message {
	t.Helper()
	msgs := h.srv.Messages(chat)
	for i := len(msgs) - 1; i >= 0; i-- {
		if m := msgs[i]; m.FromBot && m.Text == h.txt(content.KeyExit) {
			return m
		}
	}
	t.Fatalf("no exit line was sent in chat: %+v", msgs)
	return tgtest.Message{}
}

// exitLine returns the neutral line of a quick exit and checks that it
// was deleted with the rest: after a quick exit nothing of the bot stays
// in sight, not even an ordinary line.
func (h *harness) exitLine(t *testing.T, chat int64) tgtest.Message {
	t.Helper()
	m := h.sentExitLine(t, chat)
	if !m.Deleted {
		t.Errorf("the exit line %q is still in sight, want it deleted with the conversation", m.Text)
	}
	return m
}

// TestQuickExitBeforeLateUpdate: an update the person sent before the
// quick exit that reaches the bot only after it, as the webhook's requests
// come side by side and one that failed comes again, is not answered. Its
// answer would start a conversation again on a phone that was just wiped,
// above the exit's line and so outside the window it deleted. What the
// person sends after the exit is answered as usual.
func TestQuickExitBeforeLateUpdate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		late func(h *harness, q tgtest.Message) []byte // made before the exit, posted after it
	}{
		{"typed message", func(h *harness, _ tgtest.Message) []byte {
			_, body := h.srv.TextUpdate(tgtest.PrivateChat(alice), alice, "hallo")
			return body
		}},
		{"button", func(h *harness, q tgtest.Message) []byte {
			_, body := h.srv.PressUpdate(tgtest.PrivateChat(alice), alice, q.ID, "start/welcome/ok")
			return body
		}},
		{"112 button", func(h *harness, q tgtest.Message) []byte {
			_, body := h.srv.PressUpdate(tgtest.PrivateChat(alice), alice, q.ID, flows.DataSOS)
			return body
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, hooking, testContent(t))
			h.said = append(h.said, "hallo")
			post := func(body []byte) {
				t.Helper()
				if status, err := h.srv.Post(context.Background(), body); err != nil || status != 200 {
					t.Fatalf("Post() = %d, %v, want 200", status, err)
				}
				h.settle()
			}
			_, body := h.srv.TextUpdate(tgtest.PrivateChat(alice), alice, "/start")
			post(body)
			late := tt.late(h, h.question(alice))
			_, exit := h.srv.TextUpdate(tgtest.PrivateChat(alice), alice, "/stop")
			post(exit)
			handled := h.rec.count()
			post(late)
			if visible := h.srv.Visible(alice.ID); len(visible) != 0 {
				t.Errorf("after an update from before the quick exit came late, the phone shows %d messages (%.40q first), want none", len(visible), visible[0].Text)
			}
			if n := h.rec.count() - handled; n != 0 {
				t.Errorf("the update from before the quick exit went to the dispatcher (%d updates), want it ignored", n)
			}
			// A message after the exit begins a conversation again.
			_, body = h.srv.TextUpdate(tgtest.PrivateChat(alice), alice, "/start")
			post(body)
			if msgs := h.srv.Visible(alice.ID); len(msgs) != 2 || !strings.Contains(msgs[1].Text, h.txt(content.KeyPrivacy)) {
				t.Errorf("after the quick exit, /start shows %d messages, want it and the welcome with the privacy note", len(msgs))
			}
		})
	}
}

// TestQuickExitCallOnItsWay: a reply on its way to Telegram when the quick
// exit comes lands below the exit's line and is deleted with the rest.
// Telegram carries out a request it has received, so cutting the call off
// would not take the message back, only lose its place: it could land
// above the line, outside the window the exit deletes.
func TestQuickExitCallOnItsWay(t *testing.T) {
	t.Parallel()
	h := start(t, polling, testContent(t))
	h.text(alice, "/start")
	hold := make(chan struct{})
	release := sync.OnceFunc(func() { close(hold) })
	defer release()
	h.srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: alice.ID, Hold: hold, Lands: true})
	h.said = append(h.said, "hallo")
	h.srv.SendText(tgtest.PrivateChat(alice), alice, "hallo")
	h.srv.Await(t, 5*time.Second, "the reply to be on its way", func() bool { return len(h.srv.HeldCalls("sendMessage")) == 1 })
	h.srv.SendText(tgtest.PrivateChat(alice), alice, "/stop")
	h.srv.Await(t, 5*time.Second, "the exit to reach the dispatcher", func() bool { return h.rec.count() == 3 })
	// The reply's answer comes once the exit has deleted what it deletes;
	// an exit that waits for the call on its way deletes nothing before,
	// and the answer comes a second later. Either way the message lands
	// where it would at that time.
	for end := time.Now().Add(time.Second); time.Now().Before(end) && len(h.srv.Calls("deleteMessages")) == 0; {
		time.Sleep(time.Millisecond)
	}
	release()
	h.settle()
	line := h.exitLine(t, alice.ID).ID
	for _, m := range h.srv.Visible(alice.ID) {
		t.Errorf("after the quick exit, message %d (%.40q) is on the phone, want none (the exit's line was %d)", m.ID, m.Text, line)
	}
}

// TestExitMarks: an update numbered before a chat's last quick exit is
// known as such for exitMemory, in that chat only.
func TestExitMarks(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		marks  []int // quick exits of chat 1, in the order they came, at t0
		chat   int64
		update int
		at     time.Duration // after t0
		want   bool
	}{
		{"before the exit", []int{100}, 1, 99, 0, true},
		{"the exit again", []int{100}, 1, 100, 0, false},
		{"after the exit", []int{100}, 1, 101, 0, false},
		{"another chat", []int{100}, 2, 99, 0, false},
		{"no exit", nil, 1, 99, 0, false},
		{"just within memory", []int{100}, 1, 99, exitMemory - time.Nanosecond, true},
		{"memory over", []int{100}, 1, 99, exitMemory, false},
		{"a later exit came first", []int{100, 90}, 1, 95, 0, true},
		{"no update id", []int{100}, 1, 0, 0, false},
		{"an exit without update id", []int{0}, 1, 99, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e exitMarks
			for _, u := range tt.marks {
				e.mark(1, u, t0)
			}
			if got := e.before(tt.chat, tt.update, t0.Add(tt.at)); got != tt.want {
				t.Errorf("before(%d, %d, t0+%v) = %v, want %v", tt.chat, tt.update, tt.at, got, tt.want)
			}
		})
	}
	// A send job queued before a chat's exit learns of it; one queued
	// after it, or for another chat, does not.
	var s exitMarks
	before := s.count()
	s.mark(1, 100, t0)
	after := s.count()
	s.mark(2, 200, t0)
	for _, c := range []struct {
		chat int64
		n    uint64
		want bool
	}{{1, before, true}, {3, before, false}, {1, after, false}, {2, after, true}} {
		if got := s.since(c.chat, c.n); got != c.want {
			t.Errorf("since(%d, %d) after exits of chats 1 and 2 = %v, want %v", c.chat, c.n, got, c.want)
		}
	}
	// A mark is let go when its time is over, unless the chat left again
	// since.
	var e exitMarks
	e.mark(1, 100, t0)
	e.mark(2, 200, t0)
	e.mark(2, 210, t0.Add(time.Second))
	e.forget(1, t0)
	e.forget(2, t0)
	if e.before(1, 99, t0) || !e.before(2, 209, t0.Add(time.Second)) {
		t.Errorf("after forget(1, t0) and forget(2, t0), marks = %v, want chat 1's let go and chat 2's later one kept", e.marks)
	}
}
