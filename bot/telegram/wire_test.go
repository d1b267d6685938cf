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

	"signaal/flows"
)

// formOf reads back what a call sent, the library's way or ours.
type formOf struct {
	mu    sync.Mutex
	forms map[string]url.Values
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
	body := `{"ok":true,"result":{"message_id":42,"chat":{"id":1,"type":"private"},"text":"x"}}`
	return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
}

// TestWireForms checks that each call encoded by hand sends the form the
// library sends for the same call, field for field, but for a list of
// entities the bot never sets.
func TestWireForms(t *testing.T) {
	t.Parallel()
	rt := &formOf{forms: map[string]url.Values{}}
	b := &Bot{Token: "1:t", Endpoint: "http://api.invalid/bot%s/%s", Client: &http.Client{Transport: rt},
		redact: newRedactor("1:t"), limits: newLimiter(1e9, 1<<20, 1e9, 1<<20, time.Now), retryUnit: 1}
	b.api = b.newAPI(context.Background(), 5e9)
	b.life = context.Background()
	opts := []flows.Option{{Data: "start/safe/yes", Label: "Ja & <zeker>"}, {Data: flows.DataSOS, Label: "112 Noodhulp"}, {Data: flows.DataExit, Label: "Snel weg"}}
	text := "Hé \"jij\" 😀\nregel 2 + 50% & meer ~_."
	const chat = -1001234567890

	// Each call: ours, then the library's with the same parameters.
	calls := []struct {
		method string
		ours   func() error
		lib    tgbotapi.Chattable
	}{
		{"sendMessage", func() error {
			_, err := b.sendText(context.Background(), chat, classReply, text, b.inlineMarkup(opts))
			return err
		},
			func() tgbotapi.Chattable {
				m := tgbotapi.NewMessage(chat, text)
				m.DisableWebPagePreview = true
				m.ReplyMarkup = b.inlineKeyboard(opts)
				return m
			}()},
		{"sendMessage", func() error {
			_, err := b.sendText(context.Background(), chat, classReply, text, removeKeyboardForm)
			return err
		},
			func() tgbotapi.Chattable {
				m := tgbotapi.NewMessage(chat, text)
				m.DisableWebPagePreview = true
				m.ReplyMarkup = removeKeyboard
				return m
			}()},
		{"editMessageText", func() error { return b.editText(context.Background(), chat, classReply, 17, text, noButtonsForm) },
			tgbotapi.EditMessageTextConfig{BaseEdit: tgbotapi.BaseEdit{ChatID: chat, MessageID: 17, ReplyMarkup: noButtons}, Text: text, DisableWebPagePreview: true}},
		{"editMessageReplyMarkup", func() error { return b.editMarkup(context.Background(), chat, classReply, 17, noButtonsForm) },
			tgbotapi.EditMessageReplyMarkupConfig{BaseEdit: tgbotapi.BaseEdit{ChatID: chat, MessageID: 17, ReplyMarkup: noButtons}}},
		{"answerCallbackQuery", func() error { return b.answerCallback(context.Background(), "4382 &x") },
			tgbotapi.CallbackConfig{CallbackQueryID: "4382 &x"}},
		{"deleteMessage", func() error { return b.deleteMessage(context.Background(), chat, 17) },
			tgbotapi.NewDeleteMessage(chat, 17)},
	}
	for _, c := range calls {
		if err := c.ours(); err != nil {
			t.Fatalf("%s: %v", c.method, err)
		}
		ours := rt.forms[c.method]
		if _, err := b.api.Request(c.lib); err != nil {
			t.Fatalf("%s through the library: %v", c.method, err)
		}
		lib := rt.forms[c.method]
		if lib.Get("entities") == "null" {
			// The library marshals the nil list of entities it was not
			// given as "null"; leaving the field out says the same.
			lib.Del("entities")
		}
		if ours.Encode() != lib.Encode() {
			t.Errorf("%s sends\n%v\nthe library sends\n%v", c.method, ours, lib)
		}
	}

	// deleteMessages, which the library sends only as generic parameters.
	if err := b.deleteMessages(context.Background(), chat, 98, 101); err != nil {
		t.Fatal(err)
	}
	if got, want := rt.forms["deleteMessages"].Encode(), (url.Values{"chat_id": {"-1001234567890"}, "message_ids": {"[101,100,99,98]"}}).Encode(); got != want {
		t.Errorf("deleteMessages sends %s, want %s", got, want)
	}
}

func TestAppendQueryEscape(t *testing.T) {
	t.Parallel()
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	for _, s := range []string{"", "abc", "a b+c&d=e%f", "Hé 😀\n", all.String()} {
		if got, want := string(appendQueryEscape(nil, s)), url.QueryEscape(s); got != want {
			t.Errorf("appendQueryEscape(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestReadAnswer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body   string
		ok     bool
		id     int
		idFail bool
	}{
		{`{"ok":true,"result":true}`, true, 0, false},
		{`{"ok":true,"result":{"message_id":42,"text":"a \"}\" b","chat":{"id":1}}}`, true, 42, false},
		{` { "result" : { "chat" : {"id":1,"x":[1,{"y":"]"}]}, "message_id" : 7 } , "ok" : true } `, true, 7, false},
		{`{"ok":true,"result":{"message_id":"x"}}`, true, 0, true},
		{`{"ok":false,"error_code":400,"description":"Bad Request"}`, false, 0, false},
		{`{"ok":true}`, false, 0, false},
		{`{"ok":true,"result":{`, false, 0, false},
		{`not json`, false, 0, false},
		{``, false, 0, false},
	}
	for _, tt := range tests {
		result, ok := okResult([]byte(tt.body))
		if ok != tt.ok {
			t.Errorf("okResult(%s) ok = %v, want %v", tt.body, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		id, err := messageID(result)
		if id != tt.id || (err != nil) != tt.idFail {
			t.Errorf("messageID(%s) = %d, %v; want %d, failing %v", result, id, err, tt.id, tt.idFail)
		}
	}
}

// TestRoundTripError checks that an answer that is not ok comes back as
// the library's error, with its code and retry_after.
func TestRoundTripError(t *testing.T) {
	t.Parallel()
	rt := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		body := `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}`
		return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
	})
	b := &Bot{Token: "1:t", Endpoint: "http://api.invalid/bot%s/%s", Client: &http.Client{Transport: rt}, redact: newRedactor("1:t")}
	b.api = b.newAPI(context.Background(), 5e9)
	_, err := b.roundTrip(context.Background(), b.methodURL("sendMessage"), "sendMessage", []byte("chat_id=1&text=x"))
	var te *tgbotapi.Error
	if !errors.As(err, &te) || te.Code != 429 || te.RetryAfter != 3 {
		t.Errorf("roundTrip on a 429 answer = %v, want a tgbotapi.Error with code 429 and retry_after 3", err)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestInlineMarkupCache checks that a keyboard is encoded once per set of
// options, and that different options never share one.
func TestInlineMarkupCache(t *testing.T) {
	t.Parallel()
	b := &Bot{}
	a := []flows.Option{{Data: "a", Label: "A"}, {Data: "b", Label: "B"}}
	first := b.inlineMarkup(a)
	if again := b.inlineMarkup(a); again != first {
		t.Errorf("inlineMarkup of the same options = %q, then %q", first, again)
	}
	if prefix := b.inlineMarkup(a[:1]); prefix == first {
		t.Errorf("inlineMarkup of the first option alone = %q, the same as of both", prefix)
	}
	if other := b.inlineMarkup([]flows.Option{{Data: "a", Label: "A"}, {Data: "c", Label: "C"}}); other == first {
		t.Errorf("inlineMarkup of other options = %q, the same as of the first", other)
	}
	if none := b.inlineMarkup(nil); none != "" {
		t.Errorf("inlineMarkup(nil) = %q, want none", none)
	}
}
