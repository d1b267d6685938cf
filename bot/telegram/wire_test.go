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
		limits: newLimiter(1e9, 1<<20, 1e9, 1<<20, clock)}
	b.life = context.Background()
	b.out = b.chain()
	return b
}

// TestWireExtras checks the call the library (v5.5.1) has no config for:
// deleteMessages.
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

// TestWireForms checks that each call of every update sends the form the
// library's config for it sends, field for field: the same call is made
// once by the bot and once by the library's Request, and the two forms
// are compared.
func TestWireForms(t *testing.T) {
	t.Parallel()
	const chat = -1001234567890
	kb := &tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{{tgbotapi.NewInlineKeyboardButtonData("Ja & nee", "a=1")}}}
	withMarkup := func(m tgbotapi.MessageConfig, markup any) tgbotapi.MessageConfig {
		m.DisableWebPagePreview = true
		m.ReplyMarkup = markup
		return m
	}
	for _, tc := range []struct {
		name    string
		method  string
		bot     func(b *Bot) error
		library tgbotapi.Chattable
	}{
		{"sendMessage", "sendMessage", func(b *Bot) error {
			_, err := b.sendText(context.Background(), chat, classReply, "Bel 112 · 0800-2000?", nil)
			return err
		}, withMarkup(tgbotapi.NewMessage(chat, "Bel 112 · 0800-2000?"), nil)},
		{"sendMessage with keyboard", "sendMessage", func(b *Bot) error {
			_, err := b.sendText(context.Background(), chat, classReply, "x", kb)
			return err
		}, withMarkup(tgbotapi.NewMessage(chat, "x"), kb)},
		{"sendMessage removing the keyboard", "sendMessage", func(b *Bot) error {
			_, err := b.sendText(context.Background(), chat, classReply, "x", removeKeyboard)
			return err
		}, withMarkup(tgbotapi.NewMessage(chat, "x"), removeKeyboard)},
		{"editMessageText", "editMessageText", func(b *Bot) error {
			return b.edit(context.Background(), chat, classReply, 42, "y")
		}, tgbotapi.EditMessageTextConfig{BaseEdit: tgbotapi.BaseEdit{ChatID: chat, MessageID: 42, ReplyMarkup: noButtons}, Text: "y", DisableWebPagePreview: true}},
		{"editMessageReplyMarkup", "editMessageReplyMarkup", func(b *Bot) error {
			return b.edit(context.Background(), chat, classReply, 42, "")
		}, tgbotapi.EditMessageReplyMarkupConfig{BaseEdit: tgbotapi.BaseEdit{ChatID: chat, MessageID: 42, ReplyMarkup: noButtons}}},
		{"answerCallbackQuery", "answerCallbackQuery", func(b *Bot) error {
			return b.answerCallback(context.Background(), "q1")
		}, tgbotapi.NewCallback("q1", "")},
		{"deleteMessage", "deleteMessage", func(b *Bot) error {
			return b.deleteMessage(context.Background(), chat, 42)
		}, tgbotapi.NewDeleteMessage(chat, 42)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ours := &formOf{forms: map[string]url.Values{}, body: `{"ok":true,"result":{"message_id":1}}`}
			if err := tc.bot(wireBot(ours)); err != nil {
				t.Fatal(err)
			}
			theirs := &formOf{forms: map[string]url.Values{}, body: `{"ok":true,"result":{"message_id":1}}`}
			api := &tgbotapi.BotAPI{Token: "1:t", Client: &http.Client{Transport: theirs}}
			api.SetAPIEndpoint("http://api.invalid/bot%s/%s")
			if _, err := api.Request(tc.library); err != nil {
				t.Fatal(err)
			}
			got, want := ours.forms[tc.method], theirs.forms[tc.method]
			if want == nil {
				t.Fatalf("the library sent no %s", tc.method)
			}
			if got.Encode() != want.Encode() {
				t.Errorf("%s form = %s, want %s (the library's)", tc.method, got.Encode(), want.Encode())
			}
		})
	}
}

// BenchmarkCalls is the calls of one button press answered with a
// question: the answer to the press, the edit of the pressed question
// and the new question with its keyboard, each with Telegram's answer
// read back.
func BenchmarkCalls(b *testing.B) {
	rt := &formOf{forms: map[string]url.Values{}, body: `{"ok":true,"result":{"message_id":4242,"from":{"id":1,"is_bot":true,"first_name":"Signaal","username":"signaal_bot"},"chat":{"id":987650001,"first_name":"A","type":"private"},"date":1764000000,"text":"Wat wil je doen? Bel bij direct gevaar 112, of Veilig Thuis 0800-2000.","reply_markup":{"inline_keyboard":[[{"text":"Ik wil praten","callback_data":"a=1"}],[{"text":"Informatie","callback_data":"a=2"}],[{"text":"112 Noodhulp","callback_data":"a=3"}]]}}}`}
	bot := wireBot(rt)
	kb := &tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{
		{tgbotapi.NewInlineKeyboardButtonData("Ik wil praten", "a=1")},
		{tgbotapi.NewInlineKeyboardButtonData("Informatie", "a=2")},
		{tgbotapi.NewInlineKeyboardButtonData("112 Noodhulp", "a=3")},
	}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := bot.answerCallback(ctx, "q1"); err != nil {
			b.Fatal(err)
		}
		if err := bot.edit(ctx, 987650001, classReply, 4241, "Wat wil je doen?\n\n» Informatie"); err != nil {
			b.Fatal(err)
		}
		if _, err := bot.sendText(ctx, 987650001, classMessage, "Wat wil je doen? Bel bij direct gevaar 112, of Veilig Thuis 0800-2000.", kb); err != nil {
			b.Fatal(err)
		}
	}
}
