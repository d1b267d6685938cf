package telegram

import (
	"context"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Every call has its parameters built with the library's Params (v5.5.1),
// field for field as its configs build them (TestWireForms compares), and
// passes the outbound chain (chain.go). Where the library lacks a method
// (deleteMessages) or a field (secret_token) they are the Bot API's.

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

// edit takes a message's buttons off and, when text is not empty,
// changes its text. The parameters are those of
// tgbotapi.EditMessageTextConfig with DisableWebPagePreview, or of
// tgbotapi.EditMessageReplyMarkupConfig.
func (b *Bot) edit(ctx context.Context, chat int64, class callClass, msgID int, text string) error {
	p := tgbotapi.Params{}
	p.AddNonZero64("chat_id", chat)
	p.AddNonZero("message_id", msgID)
	if err := p.AddInterface("reply_markup", noButtons); err != nil {
		return err
	}
	method := "editMessageReplyMarkup"
	if text != "" {
		method = "editMessageText"
		p["text"] = text
		p.AddBool("disable_web_page_preview", true)
		p["entities"] = noEntities
	}
	return b.out(ctx, &outbound{method: method, chat: chat, class: class, form: p})
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

// request makes a call that is no message (classOther), which counts
// towards no limit, and decodes its result into result (nil: not needed).
func (b *Bot) request(ctx context.Context, method string, p tgbotapi.Params, result any) error {
	return b.out(ctx, &outbound{method: method, class: classOther, form: p, result: result})
}
