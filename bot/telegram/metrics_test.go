package telegram

import (
	"fmt"
	"maps"
	"sync"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/bot/telegram/tgtest"
)

// countingMetrics records what the bot tells its Metrics.
type countingMetrics struct {
	mu        sync.Mutex
	received  map[string]int
	called    map[string]int // "method code"
	retried   map[string]int
	receiving []bool
}

func newCountingMetrics() *countingMetrics {
	return &countingMetrics{received: map[string]int{}, called: map[string]int{}, retried: map[string]int{}}
}

func (m *countingMetrics) Received(kind string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.received[kind]++
}

func (m *countingMetrics) Called(method string, code int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.called[fmt.Sprint(method, " ", code)]++
}

func (m *countingMetrics) Retried(method string, code int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.retried[fmt.Sprint(method, " ", code)]++
}

func (m *countingMetrics) Receiving(ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.receiving = append(m.receiving, ok)
}

func (m *countingMetrics) snapshot() (received, called, retried map[string]int, receiving []bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.received), maps.Clone(m.called), maps.Clone(m.retried), append([]bool(nil), m.receiving...)
}

func TestUpdateKind(t *testing.T) {
	private := &tgbotapi.Chat{ID: 1, Type: "private"}
	tests := []struct {
		name string
		u    tgbotapi.Update
		want string
	}{
		{"text", tgbotapi.Update{Message: &tgbotapi.Message{Chat: private, Text: "hallo"}}, "text"},
		{"command", tgbotapi.Update{Message: &tgbotapi.Message{Chat: private, Text: "/start jong"}}, "command"},
		{"sticker", tgbotapi.Update{Message: &tgbotapi.Message{Chat: private, Sticker: &tgbotapi.Sticker{}}}, "media"},
		{"service message", tgbotapi.Update{Message: &tgbotapi.Message{Chat: private}}, "other"},
		{"group", tgbotapi.Update{Message: &tgbotapi.Message{Chat: &tgbotapi.Chat{Type: "supergroup"}, Text: "hoi"}}, "group"},
		{"channel", tgbotapi.Update{Message: &tgbotapi.Message{Chat: &tgbotapi.Chat{Type: "channel"}, Text: "hoi"}}, "other"},
		{"no chat", tgbotapi.Update{Message: &tgbotapi.Message{Text: "hoi"}}, "other"},
		{"button", tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{Data: "x"}}, "button"},
		{"inline", tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{Query: "keerpunt"}}, "inline"},
		{"edited message", tgbotapi.Update{EditedMessage: &tgbotapi.Message{Chat: private, Text: "x"}}, "other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := updateKind(&tt.u); got != tt.want {
				t.Errorf("updateKind(%s) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

// TestMetricsHooks runs a bot with a counting Metrics in both modes: each
// kind of update is reported once, calls and their failures by method and
// code, a flood wait as a retry, and receiving from start to stop.
func TestMetricsHooks(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			cm := newCountingMetrics()
			h := start(t, m, testContent(t), func(b *Bot) { b.Metrics = cm })
			chat := tgtest.PrivateChat(alice)

			h.text(alice, "/start")
			q := h.question(alice)
			h.press(alice, q.ID, h.choose(q, nil).Data)
			h.text(alice, "iets anders")
			h.srv.SendMedia(chat, alice, "sticker")
			h.settle()
			h.srv.AddBotToGroup(group, bob)
			h.settle()
			iq := h.srv.InlineQuery(carol, "keerpunt")
			h.settle()
			if _, ok := h.srv.InlineAnswer(iq); !ok {
				t.Fatal("inline query not answered")
			}
			h.srv.Inject(tgtest.Fault{Method: "sendMessage", Code: 429, RetryAfter: 1})
			h.text(alice, "/help")

			received, called, retried, receiving := cm.snapshot()
			for _, kind := range []string{"command", "button", "text", "media", "group", "inline"} {
				if received[kind] < 1 {
					t.Errorf("Received(%q) told %d times, want at least once; all: %v", kind, received[kind], received)
				}
			}
			if received["command"] != 2 {
				t.Errorf("Received(command) told %d times, want 2 (/start and /help)", received["command"])
			}
			if called["sendMessage 0"] < 3 {
				t.Errorf("Called(sendMessage, 0) told %d times, want at least 3; all: %v", called["sendMessage 0"], called)
			}
			if called["sendMessage 429"] != 1 || retried["sendMessage 429"] != 1 {
				t.Errorf("after one flood wait, Called(sendMessage, 429) = %d and Retried(sendMessage, 429) = %d times, want 1 and 1",
					called["sendMessage 429"], retried["sendMessage 429"])
			}
			if len(receiving) == 0 || !receiving[len(receiving)-1] {
				t.Errorf("Receiving while running = %v, want true last", receiving)
			}

			h.stop()
			_, _, _, receiving = cm.snapshot()
			if receiving[len(receiving)-1] {
				t.Errorf("Receiving after stop = %v, want false last", receiving)
			}
		})
	}
}
