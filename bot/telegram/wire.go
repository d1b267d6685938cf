package telegram

import (
	"context"
	"encoding/json"
	"net/url"
	"reflect"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/flows"
)

// The calls made for every update have their parameters built as the
// library's configs (v5.5.1) build them, field for field (TestWireForms
// sends both and compares), as url.Values, and are posted by the channel
// itself (roundTrip in client.go), which reads of Telegram's answer only
// what the call needs. Where the library lacks a method (deleteMessages)
// the parameters are those of the Bot API. Each call passes the outbound
// chain (chain.go): limits, retries, metrics and redaction.

// sendText sends one message and returns its id. markup is nil or any
// markup the Bot API takes. The form is that of tgbotapi.MessageConfig
// with DisableWebPagePreview.
func (b *Bot) sendText(ctx context.Context, chat int64, class callClass, text string, markup any) (int, error) {
	f := chatForm(chat)
	if text != "" {
		f["text"] = []string{text}
	}
	f["disable_web_page_preview"] = trueValue
	f["entities"] = noEntities
	if err := setJSON(f, "reply_markup", markup); err != nil {
		return 0, err
	}
	var m sentMessage
	err := b.call(ctx, &outbound{method: "sendMessage", chat: chat, class: class, form: f, result: &m})
	return m.MessageID, err
}

// sentMessage is what is read of a message Telegram answers with.
type sentMessage struct {
	MessageID int `json:"message_id"`
}

// trueValue is a form's value true, as the library writes a bool.
var trueValue = []string{"true"}

// noEntities is the entities of a text without any, as the library's
// configs send them: their nil list in JSON. Telegram reads it as none.
var noEntities = []string{"null"}

// editText changes a message's text and buttons. The form is that of
// tgbotapi.EditMessageTextConfig with DisableWebPagePreview.
func (b *Bot) editText(ctx context.Context, chat int64, class callClass, msgID int, text string, markup *tgbotapi.InlineKeyboardMarkup) error {
	f, err := editForm(chat, msgID, markup)
	if err != nil {
		return err
	}
	f["text"] = []string{text}
	f["disable_web_page_preview"] = trueValue
	f["entities"] = noEntities
	return b.call(ctx, &outbound{method: "editMessageText", chat: chat, class: class, form: f})
}

// editMarkup changes a message's buttons. The form is that of
// tgbotapi.EditMessageReplyMarkupConfig.
func (b *Bot) editMarkup(ctx context.Context, chat int64, class callClass, msgID int, markup *tgbotapi.InlineKeyboardMarkup) error {
	f, err := editForm(chat, msgID, markup)
	if err != nil {
		return err
	}
	return b.call(ctx, &outbound{method: "editMessageReplyMarkup", chat: chat, class: class, form: f})
}

// answerCallback tells Telegram that a button press was seen. The form is
// that of tgbotapi.NewCallback(queryID, "").
func (b *Bot) answerCallback(ctx context.Context, queryID string) error {
	f := url.Values{"callback_query_id": {queryID}}
	return b.call(ctx, &outbound{method: "answerCallbackQuery", class: classOther, form: f})
}

// deleteMessage deletes one message. The form is that of
// tgbotapi.NewDeleteMessage.
func (b *Bot) deleteMessage(ctx context.Context, chat int64, msgID int64) error {
	f := chatForm(chat)
	if msgID != 0 {
		f["message_id"] = []string{strconv.FormatInt(msgID, 10)}
	}
	return b.call(ctx, &outbound{method: "deleteMessage", chat: chat, class: classOther, form: f})
}

// deleteMessages deletes the ids from bottom to top in one call, newest
// first. The library predates the method; its parameters are those of the
// Bot API, the list in JSON as the library writes lists.
func (b *Bot) deleteMessages(ctx context.Context, chat, bottom, top int64) error {
	ids := make([]int64, 0, top-bottom+1)
	for id := top; id >= bottom; id-- {
		ids = append(ids, id)
	}
	f := chatForm(chat)
	if err := setJSON(f, "message_ids", ids); err != nil {
		return err
	}
	return b.call(ctx, &outbound{method: "deleteMessages", chat: chat, class: classOther, form: f})
}

// chatForm is the parameters with chat_id, as the library's
// AddFirstValid writes it: left out when 0.
func chatForm(chat int64) url.Values {
	f := make(url.Values, 4)
	if chat != 0 {
		f["chat_id"] = []string{strconv.FormatInt(chat, 10)}
	}
	return f
}

// editForm is the parameters of tgbotapi.BaseEdit for a message in a
// chat.
func editForm(chat int64, msgID int, markup *tgbotapi.InlineKeyboardMarkup) (url.Values, error) {
	f := chatForm(chat)
	if msgID != 0 {
		f["message_id"] = []string{strconv.Itoa(msgID)}
	}
	return f, setJSON(f, "reply_markup", markup)
}

// setJSON sets key to v in JSON, as the library's Params.AddInterface
// does: nothing for nil or a nil pointer.
func setJSON(f url.Values, key string, v any) error {
	if v == nil {
		return nil
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil
	}
	js, err := json.Marshal(v)
	if err != nil {
		return err
	}
	f[key] = []string{string(js)}
	return nil
}

// inlineMarkup returns the options as an inline keyboard, or nil when
// none of them can be a button.
func (b *Bot) inlineMarkup(opts []flows.Option) any {
	if kb := b.inlineKeyboard(opts); kb != nil {
		return kb
	}
	return nil
}

// request makes a call made once or seldom with the library's config c,
// sent by its Request, and decodes its result into result (nil: not
// needed).
func (b *Bot) request(ctx context.Context, method string, c tgbotapi.Chattable, result any) error {
	return b.call(ctx, &outbound{method: method, class: classOther, config: c, result: result})
}
