package telegram

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"unicode/utf16"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/content"
	"signaal/flows"
)

// Telegram's limits: a message's text in UTF-16 code units, and the bytes
// of the data behind an inline button.
const (
	maxText         = 4096
	maxCallbackData = 64
)

// Limits are Telegram's limits as content is checked against them, so that
// what Telegram would refuse is a problem at file:line.
var Limits = content.Limits{Channel: "Telegram", MaxText: maxText, TextLen: textLen, MaxOptionData: maxCallbackData}

// langTexts is what the channel shows in one language, built once.
type langTexts struct {
	commands []tgbotapi.BotCommand
	privacy  string
	group    string // the group line with the link to a private chat
	// reach is the row of "112 Noodhulp" and "Snel weg" that every
	// question ends with, for an answer without options of its own.
	reach *tgbotapi.InlineKeyboardMarkup
}

// removeKeyboard goes with the last line of a quick exit: a chat begun
// long ago may still show a reply keyboard with "Snel weg" on it.
var removeKeyboard = tgbotapi.NewRemoveKeyboard(false)

// noButtons is an inline keyboard without buttons, for edits.
var noButtons = &tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}}

// prepareTexts builds, for every language, the texts and markups the
// channel sends.
func (b *Bot) prepareTexts() {
	c := b.Content
	b.texts = map[string]*langTexts{}
	for _, lang := range c.Langs {
		t := &langTexts{
			privacy: c.Text(lang, content.KeyPrivacy),
			group:   c.Text(lang, content.KeyGroup) + "\n" + DeepLink(b.me.UserName, ""),
			reach: b.inlineKeyboard([]flows.Option{
				{Label: c.Text(lang, content.KeyOptSOS), Data: flows.DataSOS},
				{Label: c.Text(lang, content.KeyOptExit), Data: flows.DataExit}}),
		}
		for _, cmd := range []struct{ name, key string }{
			{"start", content.KeyCmdStart},
			{"terug", content.KeyCmdBack},
			{"stop", content.KeyCmdStop},
			{"help", content.KeyCmdHelp},
			{"taal", content.KeyCmdLang},
			{"contact", content.KeyCmdContact},
		} {
			t.commands = append(t.commands, tgbotapi.BotCommand{Command: cmd.name, Description: content.Cut(c.Text(lang, cmd.key), 256)})
		}
		b.texts[lang] = t
	}
}

// deliver sends what one update produced, in order: the edit of the
// pressed question, then the replies, with the privacy note in a new
// conversation's welcome; or the quick exit. The last message carries 112
// and the quick exit, as buttons of the question or as a row of their own.
func (b *Bot) deliver(ctx context.Context, d *delivery) {
	if d.out.Forget {
		b.quickExit(ctx, d)
		return
	}
	// Every message waits for the limits in the place of the update it
	// answers (see limiter): first answers first, then in the order asked;
	// an answer with 112 not even behind its chat's earlier replies.
	ctx = withArrival(ctx, d.at)
	class, rest := classReply, classReply
	if d.fresh {
		class, rest = classFirst, classFirst
	}
	if d.urgent {
		class = classUrgent
	}
	if d.press != nil && !d.out.Degraded {
		if b.editPressed(ctx, d, class) && !d.urgent {
			class = rest
		}
	}
	t := b.texts[d.lang]
	replies := d.out.Replies
	if d.fresh {
		replies = withPrivacy(replies, t.privacy)
	}
	replies = joined(replies)
	for i, r := range replies {
		var markup any
		if i == len(replies)-1 && len(r.Options) == 0 && r.Text != "" {
			markup = t.reach
		}
		_, err := b.sendReply(ctx, d.chat, r, markup, class)
		class = rest
		if err != nil {
			b.logSendError("reply", err)
			if blocked(err) {
				return
			}
		}
	}
}

// withPrivacy puts the privacy note (Telegram chats are not end-to-end
// encrypted, and how to remove the chat) into the first answer, between
// the welcome's text and its question, so that joined makes one message
// of them (TestFirstAnswerOneMessage).
func withPrivacy(replies []flows.Reply, privacy string) []flows.Reply {
	if len(replies) == 0 {
		return []flows.Reply{{Text: privacy}}
	}
	out := make([]flows.Reply, 0, len(replies)+1)
	out = append(out, flows.Reply{Text: replies[0].Text}, flows.Reply{Text: privacy, Options: replies[0].Options})
	return append(out, replies[1:]...)
}

// joined puts each reply without options together with the reply after
// it, where Telegram takes that much text in one message, so that a line
// leading to a question costs no message of its own under the limits.
func joined(replies []flows.Reply) []flows.Reply {
	out := make([]flows.Reply, 0, len(replies))
	for _, r := range replies {
		if n := len(out); n > 0 && len(out[n-1].Options) == 0 && out[n-1].Text != "" && r.Text != "" {
			if text := out[n-1].Text + "\n\n" + r.Text; textLen(text) <= maxText {
				out[n-1] = flows.Reply{Text: text, Options: r.Options}
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// sendReply sends one reply, as several messages when its text is longer
// than Telegram allows, and returns the id of the last, which carries the
// options as an inline keyboard, or markup when set. The first message
// counts as class, further parts as classMessage.
func (b *Bot) sendReply(ctx context.Context, chat int64, r flows.Reply, markup any, class callClass) (int, error) {
	text := r.Text
	if text == "" {
		if len(r.Options) == 0 && markup == nil {
			return 0, nil
		}
		text = "…" // Telegram refuses empty text; buttons need a message
	}
	if markup == nil {
		if kb := b.inlineKeyboard(r.Options); kb != nil {
			markup = kb
		}
	}
	chunks := split(text, maxText)
	last := 0
	for i, chunk := range chunks {
		var m any
		if i == len(chunks)-1 {
			m = markup
		}
		id, err := b.sendText(ctx, chat, class, chunk, m)
		class = classMessage
		if err != nil {
			return last, err
		}
		last = id
	}
	return last, nil
}

// inlineKeyboard lays out options as buttons, one a row, except 112 and
// the quick exit, which share the last row so they are always in the same
// place. A button whose data Telegram would refuse (content validation
// rules it out) is left off rather than lose the reply.
func (b *Bot) inlineKeyboard(opts []flows.Option) *tgbotapi.InlineKeyboardMarkup {
	rows := make([][]tgbotapi.InlineKeyboardButton, 0, len(opts))
	pairRow := -1
	for _, o := range opts {
		if len(o.Data) == 0 || len(o.Data) > maxCallbackData || o.Label == "" {
			b.log().Warn("telegram: option left off: callback data must be 1-64 bytes and the label set", "bytes", len(o.Data))
			continue
		}
		btn := tgbotapi.NewInlineKeyboardButtonData(o.Label, o.Data)
		if o.Data == flows.DataSOS || o.Data == flows.DataExit {
			if pairRow >= 0 && pairRow == len(rows)-1 && len(rows[pairRow]) < 2 {
				rows[pairRow] = append(rows[pairRow], btn)
				continue
			}
			pairRow = len(rows)
		}
		rows = append(rows, []tgbotapi.InlineKeyboardButton{btn})
	}
	if len(rows) == 0 {
		return nil
	}
	return &tgbotapi.InlineKeyboardMarkup{InlineKeyboard: rows}
}

// editPressed shows the chosen answer under the pressed question, without
// buttons, so that the chat reads as a conversation and old buttons cannot
// be pressed again. A press the engine refused only loses the buttons. It
// reports whether it made a call.
func (b *Bot) editPressed(ctx context.Context, d *delivery, class callClass) bool {
	m := d.press.Message
	accepted := !d.out.Refused
	if label := buttonLabel(m.ReplyMarkup, d.press.Data); accepted && label != "" && m.Text != "" {
		text := m.Text + "\n\n→ " + label
		if textLen(text) <= maxText {
			b.edited("editMessageText", b.edit(ctx, d.chat, class, m.MessageID, text))
			return true
		}
	}
	if m.ReplyMarkup == nil || len(m.ReplyMarkup.InlineKeyboard) == 0 {
		return false
	}
	b.edited("editMessageReplyMarkup", b.edit(ctx, d.chat, class, m.MessageID, ""))
	return true
}

// edited logs what went wrong with an edit, the first answer to a press.
func (b *Bot) edited(method string, err error) {
	if err == nil {
		return
	}
	if apiCode(err) == http.StatusBadRequest {
		// Not modified (pressed twice), gone or too old: nothing to repair.
		b.log().Debug("telegram: edit skipped", "method", method, "err", err)
		return
	}
	b.logSendError(method, err)
}

// buttonLabel finds the label of the button with data on a message.
func buttonLabel(kb *tgbotapi.InlineKeyboardMarkup, data string) string {
	if kb == nil {
		return ""
	}
	for _, row := range kb.InlineKeyboard {
		for _, btn := range row {
			if btn.CallbackData != nil && *btn.CallbackData == data {
				return btn.Text
			}
		}
	}
	return ""
}

// maxDeleteBatch is the most ids one deleteMessages call takes.
const maxDeleteBatch = 100

// quickExit ends a conversation on the phone as far as Telegram allows. It
// sends the engine's neutral line first: its id bounds the conversation
// from above, and the MaxDelete ids up to it (or down to the
// conversation's first message) go, the line too, for a line alone in an
// empty chat would still show that something was there. The bot keeps no
// message id for it.
//
// The window goes in deleteMessages calls of a hundred ids, newest first;
// Telegram skips ids it cannot find. A batch that fails is tried again id
// by id, which also finds where messages become too old (48 hours).
func (b *Bot) quickExit(ctx context.Context, d *delivery) {
	hi := d.msgID // the newest id known when the line cannot be sent
	keep := int64(0)
	for i, r := range d.out.Replies {
		var markup any
		if i == len(d.out.Replies)-1 {
			markup = removeKeyboard
		}
		id, err := b.sendReply(ctx, d.chat, r, markup, classUrgent)
		if err != nil {
			b.logSendError("quick exit line", err)
			if blocked(err) {
				return // nothing of the chat can be reached any more
			}
			continue
		}
		if id > 0 {
			hi = max(hi, int64(id))
			if d.out.KeepLine {
				keep = int64(id)
			}
		}
	}
	if keep > 0 {
		// The line says how to come back: everything before it goes.
		hi = keep - 1
	}
	if hi <= 0 {
		return
	}
	// At least MaxDelete ids, for a chat whose first message is not known
	// or that held an expired conversation before.
	lo := max(1, hi-int64(b.MaxDelete)+1)
	if first := d.out.Origin; first > 0 {
		lo = min(lo, first)
	}
	calls, batchesFailed, singlesFailed := 0, 0, 0
	defer func() {
		b.log().Info("telegram: quick exit", "window", hi-lo+1, "calls", calls, "batches_failed", batchesFailed, "singles_failed", singlesFailed)
	}()
	for top := hi; top >= lo; top -= maxDeleteBatch {
		bottom := max(lo, top-maxDeleteBatch+1)
		calls++
		err := b.deleteMessages(ctx, d.chat, bottom, top)
		if err == nil || gone(err) {
			continue
		}
		if ctx.Err() != nil || blocked(err) {
			b.logSendError("quick exit deletion", err)
			return
		}
		batchesFailed++
		b.log().Info("telegram: quick exit batch failed; deleting one by one", "code", apiCode(err), "err", err)
		for id := top; id >= bottom; id-- {
			calls++
			err := b.deleteMessage(ctx, d.chat, id)
			switch {
			case err == nil, gone(err):
			case ctx.Err() != nil || blocked(err):
				b.logSendError("quick exit deletion", err)
				return
			case strings.Contains(apiDescription(err), "can't be deleted"):
				// Too old: every earlier message is older still.
				singlesFailed++
				return
			default:
				singlesFailed++
			}
		}
	}
}

// gone reports a deletion that failed because there was nothing to
// delete, which deleteMessages may also say when it finds none of its ids.
func gone(err error) bool {
	return apiCode(err) == http.StatusBadRequest && strings.Contains(apiDescription(err), "not found")
}

// blocked reports an error after which nothing more can reach the chat:
// the user blocked the bot or the chat is gone.
func blocked(err error) bool { return apiCode(err) == http.StatusForbidden }

func (b *Bot) logSendError(what string, err error) {
	if errors.Is(err, context.Canceled) && b.life.Err() == nil {
		// Superseded by a quick exit (see supersede).
		b.log().Debug("telegram: send superseded by a quick exit", "what", what)
		return
	}
	if b.life.Err() != nil {
		// Cut off by the end of the drain, which says so in one line.
		b.lost.interrupted.Add(1)
		return
	}
	if blocked(err) {
		b.log().Info("telegram: chat cannot be reached", "what", what, "err", err)
		return
	}
	b.log().Error("telegram: not delivered", "what", what, "code", apiCode(err), "err", err)
}

// textLen is the length Telegram counts: UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// split cuts text into parts Telegram accepts, at a line break or else a
// space in the second half of a part where it can.
func split(s string, limit int) []string {
	if textLen(s) <= limit {
		return []string{s}
	}
	var parts []string
	for textLen(s) > limit {
		at, n := 0, 0
		for i, r := range s {
			if n+utf16.RuneLen(r) > limit {
				at = i
				break
			}
			n += utf16.RuneLen(r)
		}
		if i := strings.LastIndexByte(s[:at], '\n'); i > at/2 {
			at = i
		} else if i := strings.LastIndexByte(s[:at], ' '); i > at/2 {
			at = i
		}
		parts = append(parts, s[:at])
		s = strings.TrimLeft(s[at:], "\n ")
	}
	if s != "" {
		parts = append(parts, s)
	}
	return parts
}
