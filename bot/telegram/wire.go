package telegram

import (
	"context"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Every call has its parameters built with the library's Params (v5.5.1),
// field for field as its configs build them (TestWireForms sends both and
// compares), and is posted by the channel itself (roundTrip in client.go),
// which reads of Telegram's answer only what the call needs. Where the
// library lacks a method (deleteMessages) or a field (secret_token) the
// parameters are those of the Bot API. Each call passes the outbound chain
// (chain.go): limits, retries, metrics and redaction; polling passes its
// metrics and redaction only (receive.go).

// sendText sends one message and returns its id. markup is nil or any
// markup the Bot API takes. The parameters are those of
// tgbotapi.MessageConfig with DisableWebPagePreview.
func (b *Bot) sendText(ctx context.Context, chat int64, class callClass, text string, markup any) (int, error) {
	p := tgbotapi.Params{}
	p.AddNonZero64("chat_id", chat)
	p.AddNonEmpty("text", text)
	p.AddBool("disable_web_page_preview", true)
	p["entities"] = noEntities
	if err := p.AddInterface("reply_markup", markup); err != nil {
		return 0, err
	}
	var m sentMessage
	err := b.out(ctx, &outbound{method: "sendMessage", chat: chat, class: class, form: p, result: &m})
	return m.MessageID, err
}

// sentMessage is what is read of a message Telegram answers with.
type sentMessage struct {
	MessageID int `json:"message_id"`
}

// noEntities is the entities of a text without any, as the library's
// configs send them: their nil list in JSON. Telegram reads it as none.
const noEntities = "null"

// editText changes a message's text and buttons. The parameters are those
// of tgbotapi.EditMessageTextConfig with DisableWebPagePreview.
func (b *Bot) editText(ctx context.Context, chat int64, class callClass, msgID int, text string, markup *tgbotapi.InlineKeyboardMarkup) error {
	p, err := editParams(chat, msgID, markup)
	if err != nil {
		return err
	}
	p["text"] = text
	p.AddBool("disable_web_page_preview", true)
	p["entities"] = noEntities
	return b.out(ctx, &outbound{method: "editMessageText", chat: chat, class: class, form: p})
}

// editMarkup changes a message's buttons. The parameters are those of
// tgbotapi.EditMessageReplyMarkupConfig.
func (b *Bot) editMarkup(ctx context.Context, chat int64, class callClass, msgID int, markup *tgbotapi.InlineKeyboardMarkup) error {
	p, err := editParams(chat, msgID, markup)
	if err != nil {
		return err
	}
	return b.out(ctx, &outbound{method: "editMessageReplyMarkup", chat: chat, class: class, form: p})
}

// answerCallback tells Telegram that a button press was seen. The
// parameters are those of tgbotapi.NewCallback(queryID, "").
func (b *Bot) answerCallback(ctx context.Context, queryID string) error {
	return b.request(ctx, "answerCallbackQuery", tgbotapi.Params{"callback_query_id": queryID}, nil)
}

// deleteMessage deletes one message. The parameters are those of
// tgbotapi.NewDeleteMessage.
func (b *Bot) deleteMessage(ctx context.Context, chat int64, msgID int64) error {
	p := tgbotapi.Params{}
	p.AddNonZero64("chat_id", chat)
	p.AddNonZero64("message_id", msgID)
	return b.request(ctx, "deleteMessage", p, nil)
}

// deleteMessages deletes the ids from bottom to top in one call, newest
// first. The library predates the method; its parameters are those of the
// Bot API, the list in JSON as the library writes lists.
func (b *Bot) deleteMessages(ctx context.Context, chat, bottom, top int64) error {
	ids := make([]int64, 0, top-bottom+1)
	for id := top; id >= bottom; id-- {
		ids = append(ids, id)
	}
	p := tgbotapi.Params{}
	p.AddNonZero64("chat_id", chat)
	if err := p.AddInterface("message_ids", ids); err != nil {
		return err
	}
	return b.request(ctx, "deleteMessages", p, nil)
}

// editParams is the parameters of tgbotapi.BaseEdit for a message in a
// chat.
func editParams(chat int64, msgID int, markup *tgbotapi.InlineKeyboardMarkup) (tgbotapi.Params, error) {
	p := tgbotapi.Params{}
	p.AddNonZero64("chat_id", chat)
	p.AddNonZero("message_id", msgID)
	return p, p.AddInterface("reply_markup", markup)
}

// request makes a call that is no message (classOther), which counts
// towards no limit, and decodes its result into result (nil: not needed).
func (b *Bot) request(ctx context.Context, method string, p tgbotapi.Params, result any) error {
	return b.out(ctx, &outbound{method: method, class: classOther, form: p, result: result})
}
