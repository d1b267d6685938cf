package telegram

import (
	"context"
	"encoding/json"
	"fmt"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/flows"
)

// The calls made for every update are built with the library's configs
// and sent by its Request, which writes the form and decodes Telegram's
// answer with encoding/json. Where the library (v5.5.1) lacks a method or
// a field (deleteMessages, is_persistent, secret_token) the call is made
// with its generic parameters instead. Each call passes the outbound chain
// (chain.go): limits, retries, metrics and redaction.

// sendText sends one message and returns its id. markup is nil or any
// markup the Bot API takes.
func (b *Bot) sendText(ctx context.Context, chat int64, class callClass, text string, markup any) (int, error) {
	m := tgbotapi.NewMessage(chat, text)
	m.DisableWebPagePreview = true
	m.ReplyMarkup = markup
	return b.request(ctx, chat, class, "sendMessage", m)
}

// editText changes a message's text and buttons.
func (b *Bot) editText(ctx context.Context, chat int64, class callClass, msgID int, text string, markup *tgbotapi.InlineKeyboardMarkup) error {
	e := tgbotapi.EditMessageTextConfig{BaseEdit: tgbotapi.BaseEdit{ChatID: chat, MessageID: msgID, ReplyMarkup: markup}, Text: text, DisableWebPagePreview: true}
	_, err := b.request(ctx, chat, class, "editMessageText", e)
	return err
}

// editMarkup changes a message's buttons.
func (b *Bot) editMarkup(ctx context.Context, chat int64, class callClass, msgID int, markup *tgbotapi.InlineKeyboardMarkup) error {
	e := tgbotapi.EditMessageReplyMarkupConfig{BaseEdit: tgbotapi.BaseEdit{ChatID: chat, MessageID: msgID, ReplyMarkup: markup}}
	_, err := b.request(ctx, chat, class, "editMessageReplyMarkup", e)
	return err
}

// answerCallback tells Telegram that a button press was seen.
func (b *Bot) answerCallback(ctx context.Context, queryID string) error {
	_, err := b.request(ctx, 0, classOther, "answerCallbackQuery", tgbotapi.NewCallback(queryID, ""))
	return err
}

// deleteMessage deletes one message.
func (b *Bot) deleteMessage(ctx context.Context, chat int64, msgID int64) error {
	_, err := b.request(ctx, chat, classOther, "deleteMessage", tgbotapi.NewDeleteMessage(chat, int(msgID)))
	return err
}

// deleteMessages deletes the ids from bottom to top in one call, newest
// first. The library predates the method, so the call is made with its
// generic parameters.
func (b *Bot) deleteMessages(ctx context.Context, chat, bottom, top int64) error {
	ids := make([]int64, 0, top-bottom+1)
	for id := top; id >= bottom; id-- {
		ids = append(ids, id)
	}
	p := tgbotapi.Params{}
	p.AddFirstValid("chat_id", chat)
	if err := p.AddInterface("message_ids", ids); err != nil {
		return err
	}
	_, err := b.requestParams(ctx, chat, classOther, "deleteMessages", p)
	return err
}

// request makes the call c through the chain and returns the id of the
// message Telegram answers with, if it answers with one.
func (b *Bot) request(ctx context.Context, chat int64, class callClass, method string, c tgbotapi.Chattable) (int, error) {
	return b.make(ctx, &outbound{method: method, chat: chat, class: class, send: func(api *tgbotapi.BotAPI) (*tgbotapi.APIResponse, error) {
		return api.Request(c)
	}})
}

// requestParams is request for a method the library has no config for.
func (b *Bot) requestParams(ctx context.Context, chat int64, class callClass, method string, p tgbotapi.Params) (int, error) {
	return b.make(ctx, &outbound{method: method, chat: chat, class: class, send: func(api *tgbotapi.BotAPI) (*tgbotapi.APIResponse, error) {
		return api.MakeRequest(method, p)
	}})
}

// make sends o and reads the id of the message in the answer.
func (b *Bot) make(ctx context.Context, o *outbound) (int, error) {
	resp, err := b.call(ctx, o)
	if err != nil {
		return 0, err
	}
	id, err := messageID(resp.Result)
	if err != nil {
		return 0, b.redact.outside(o.method, fmt.Errorf("decode result: %w", err))
	}
	return id, nil
}

// messageID reads the message_id of a result that is a message; a result
// that is not an object (true, for most calls) has none.
func messageID(result json.RawMessage) (int, error) {
	if len(result) == 0 || result[0] != '{' {
		return 0, nil
	}
	var m struct {
		MessageID int `json:"message_id"`
	}
	err := json.Unmarshal(result, &m)
	return m.MessageID, err
}

// inlineMarkup returns the options as an inline keyboard, or nil when
// none of them can be a button.
func (b *Bot) inlineMarkup(opts []flows.Option) any {
	if kb := b.inlineKeyboard(opts); kb != nil {
		return kb
	}
	return nil
}
