package telegram

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/internal/retry"
)

// formOf reads back what a call sent, and answers with body.
type formOf struct {
	mu    sync.Mutex
	forms map[string]url.Values
	body  string
}

func (f *formOf) RoundTrip(req *http.Request) (*http.Response, error) {
	b, _ := io.ReadAll(req.Body)
	v, err := url.ParseQuery(string(b))
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	f.forms[req.URL.Path[strings.LastIndexByte(req.URL.Path, '/')+1:]] = v
	f.mu.Unlock()
	return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(f.body)), Request: req}, nil
}

// wireBot is a bot whose calls go to rt, without limits to speak of.
func wireBot(rt http.RoundTripper) *Bot {
	return bareBot("http://api.invalid/bot%s/%s", &http.Client{Transport: rt}, newSkipClock().clock())
}

// bareBot is a bot that only makes calls, to endpoint with client, on
// clock, without limits to speak of; the rest of it is not set up.
func bareBot(endpoint string, client *http.Client, clock retry.Clock) *Bot {
	b := &Bot{Token: "1:t", Endpoint: endpoint, Client: client, Clock: clock, RequestTimeout: 5 * time.Second,
		Backoff: time.Second, MaxBackoff: 30 * time.Second, MaxAttempts: 5,
		redact: newRedactor("1:t"), limits: newLimiter(1e9, 1<<20, 1e9, 1<<20, clock)}
	b.life = context.Background()
	b.out = b.chain()
	return b
}

// TestWireExtras checks the calls the library (v5.5.1) has no config or
// field for: deleteMessages and the persistent reply keyboard.
func TestWireExtras(t *testing.T) {
	t.Parallel()
	rt := &formOf{forms: map[string]url.Values{}, body: `{"ok":true,"result":true}`}
	b := wireBot(rt)
	const chat = -1001234567890
	if err := b.deleteMessages(context.Background(), chat, 98, 101); err != nil {
		t.Fatal(err)
	}
	if got, want := rt.forms["deleteMessages"].Encode(), (url.Values{"chat_id": {"-1001234567890"}, "message_ids": {"[101,100,99,98]"}}).Encode(); got != want {
		t.Errorf("deleteMessages sends %s, want %s", got, want)
	}
	kb := &replyKeyboard{Keyboard: [][]keyboardButton{{{Text: "112 Noodhulp"}, {Text: "Snel weg"}}}, IsPersistent: true, ResizeKeyboard: true}
	if _, err := b.sendText(context.Background(), chat, classReply, "x", kb); err != nil {
		t.Fatal(err)
	}
	want := `{"keyboard":[[{"text":"112 Noodhulp"},{"text":"Snel weg"}]],"is_persistent":true,"resize_keyboard":true}`
	if got := rt.forms["sendMessage"].Get("reply_markup"); got != want {
		t.Errorf("sendMessage with the reply keyboard sends reply_markup=%s, want %s", got, want)
	}
}

// TestMessageID checks what is read of Telegram's answer: the id of the
// message it sent, when it sent one.
func TestMessageID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		body    string
		id      int
		failing bool
	}{
		{"true", `{"ok":true,"result":true}`, 0, false},
		{"message", `{"ok":true,"result":{"message_id":42,"text":"a \"}\" b","chat":{"id":1}}}`, 42, false},
		{"spaced", ` { "result" : { "chat" : {"id":1,"x":[1,{"y":"]"}]}, "message_id" : 7 } , "ok" : true } `, 7, false},
		{"id not a number", `{"ok":true,"result":{"message_id":"x"}}`, 0, true},
		{"not json", `not json`, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := wireBot(&formOf{forms: map[string]url.Values{}, body: tc.body})
			id, err := b.sendText(context.Background(), 1, classReply, "x", nil)
			if id != tc.id || (err != nil) != tc.failing {
				t.Errorf("sendText() answered %s = %d, %v; want %d, failing %v", tc.body, id, err, tc.id, tc.failing)
			}
		})
	}
}

// TestAnswerNotOK checks that an answer that is not ok comes back as
// the library's error, with its code, and without its description's
// words.
func TestAnswerNotOK(t *testing.T) {
	t.Parallel()
	rt := &formOf{forms: map[string]url.Values{}, body: `{"ok":false,"error_code":400,"description":"Bad Request: message to delete not found in chat 987650001 (geheime tekst)"}`}
	b := wireBot(rt)
	err := b.deleteMessage(context.Background(), 1, 2)
	var te *tgbotapi.Error
	if !errors.As(err, &te) || te.Code != 400 || !gone(err) {
		t.Errorf("deleteMessage() answered not ok = %v, want a tgbotapi.Error with code 400 that gone() recognises", err)
	}
	// The description comes from outside and may quote anything: the
	// chain's redaction keeps only its class.
	for _, s := range []string{"987650001", "geheime"} {
		if err != nil && strings.Contains(err.Error(), s) {
			t.Errorf("deleteMessage() error %q carries %q", err, s)
		}
	}
}
