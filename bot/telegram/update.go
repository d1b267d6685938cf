package telegram

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/bot"
	"signaal/content"
	"signaal/content/search"
	"signaal/flows"
)

// jobsPerUpdate is the most batches of sends one update queues: the answer
// to a button press and the replies.
const jobsPerUpdate = 2

// urgentExtra is how many updates beyond MaxChatQueued a chat may have
// waiting when they are quick exits. The exit is the one input that must
// never be lost to a flood; a few places are enough, as any one of them
// wipes the conversation.
const urgentExtra = 2

// handle handles one update in its chat's lane, and reports whether
// Telegram may be told it is done with. It runs under the bot's life
// context rather than the receiving one: an update that was received is
// handled, and its replies sent, even while the bot shuts down, until the
// drain gives up; from then on handle only counts what it was given.
func (b *Bot) handle(u *tgbotapi.Update) (acknowledge bool) {
	ctx := b.life
	if ctx.Err() != nil {
		b.lost.updates.Add(1)
		return false
	}
	switch key := routeKey(u); {
	case b.urgent(u):
		// Replies still waiting for this chat would only show what is
		// about to be deleted, and hold up the exit by a second each.
		if n := b.sending.Discard(key); n > 0 {
			b.log().Debug("telegram: replies superseded by a quick exit", "batches", n)
		}
	case b.sending.KeyLen(key)+jobsPerUpdate > b.MaxChatQueued:
		// The chat has more replies waiting than it can be sent soon:
		// it is flooding. Handling more would only pile up replies it is
		// not sent for minutes, so the update is dropped, and
		// acknowledged, or Telegram would deliver it again and again.
		b.dropped.add("replies_waiting")
		return true
	}
	switch {
	case u.Message != nil:
		b.onMessage(ctx, u.UpdateID, u.Message)
	case u.CallbackQuery != nil:
		b.onCallback(ctx, u.UpdateID, u.CallbackQuery)
	case u.InlineQuery != nil:
		b.onInline(u.InlineQuery)
	default:
		// Edited messages, channel posts and the like are not asked for
		// (allowedUpdates); should one come anyway, it is ignored.
		b.log().Debug("telegram: update ignored", "update", u.UpdateID)
	}
	return true
}

// queueHandling queues an update in its chat's handling lane, waiting at
// most wait for room (without limit when 0), with done called once it is
// handled (acknowledge as handle says), or not at all when it is not
// queued. It returns errLaneFull when the chat is over
// MaxChatQueued, having counted the drop.
func (b *Bot) queueHandling(ctx context.Context, wait time.Duration, u *tgbotapi.Update, done func(acknowledge bool)) error {
	b.metrics().Received(updateKind(u))
	limit := b.MaxChatQueued
	if b.urgent(u) {
		limit += urgentExtra
	}
	err := b.handling.GoWithin(ctx, routeKey(u), limit, wait, func() {
		// An update whose handling panics is acknowledged all the same:
		// the lanes report the panic, and delivering the update again
		// would only repeat it.
		ack := true
		defer func() { done(ack) }()
		ack = b.handle(u)
	})
	if errors.Is(err, errLaneFull) {
		b.dropped.add("updates_waiting")
	}
	return err
}

// urgent reports whether an update looks like the quick exit: the button,
// /stop or /weg, or the label of the reply keyboard's button. The
// dispatcher decides; this only keeps such an update from being dropped in
// a flood, so a near miss costs nothing.
func (b *Bot) urgent(u *tgbotapi.Update) bool {
	switch {
	case u.CallbackQuery != nil:
		return u.CallbackQuery.Data == flows.DataExit
	case u.Message != nil:
		text := strings.TrimSpace(u.Message.Text)
		if len(text) > 64 {
			return false
		}
		text = strings.ToLower(text)
		if strings.HasPrefix(text, "/") {
			name, _, _ := strings.Cut(text, " ")
			name, _, _ = strings.Cut(name, "@")
			return name == "/stop" || name == "/weg"
		}
		return b.exits[text]
	}
	return false
}

func (b *Bot) onMessage(ctx context.Context, updateID int, m *tgbotapi.Message) {
	if m.Chat == nil {
		return
	}
	switch m.Chat.Type {
	case "private":
	case "group", "supergroup":
		b.onGroup(m)
		return
	default:
		return // channels
	}
	in, ok := messageInput(m)
	if !ok {
		return // a service message, such as a changed auto-delete timer
	}
	in.Lang = langCode(m.From)
	b.converse(ctx, m.Chat.ID, updateID, in, int64(m.MessageID), nil)
}

// messageInput turns a message into the engine's input: its text, cut to
// what the engine reads, or Media for anything else a person sends. Service
// messages give no input.
func messageInput(m *tgbotapi.Message) (flows.Input, bool) {
	if m.Text != "" {
		return flows.Input{Kind: flows.Text, Data: cut(m.Text, flows.MaxInputText)}, true
	}
	if m.Photo != nil || m.Sticker != nil || m.Voice != nil || m.Audio != nil || m.Video != nil ||
		m.VideoNote != nil || m.Animation != nil || m.Document != nil || m.Contact != nil ||
		m.Location != nil || m.Venue != nil || m.Poll != nil || m.Dice != nil || m.Game != nil {
		return flows.Input{Kind: flows.Media}, true
	}
	return flows.Input{}, false
}

// cut shortens s to at most n bytes without splitting a character.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func langCode(u *tgbotapi.User) string {
	if u == nil {
		return ""
	}
	return u.LanguageCode
}

// convLang is the language of the conversation as the engine left it, or
// else the device's: a quick exit or the safety card has no session.
func (b *Bot) convLang(session, device string) string {
	if b.Content.HasLang(session) {
		return session
	}
	return b.lang(device)
}

// lang picks the content language for a Telegram language_code ("en-GB"
// -> "en"), the default language when the content lacks it. The engine
// picks the same for a new conversation.
func (b *Bot) lang(code string) string {
	code = strings.ToLower(code)
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	if b.Content.HasLang(code) {
		return code
	}
	return content.DefaultLang
}

// press is the button press an update carries.
type press struct {
	msg  *tgbotapi.Message // the message the button was on
	data string
}

func (b *Bot) onCallback(ctx context.Context, updateID int, q *tgbotapi.CallbackQuery) {
	// Every press is answered, first and whatever follows, so that the
	// user's app stops showing it as pending; an old or forged press too.
	key := routeKey(&tgbotapi.Update{CallbackQuery: q})
	b.queueSend(key, func(ctx context.Context) {
		if err := b.answerCallback(ctx, q.ID); err != nil {
			// Mostly a query answered before (a redelivered update) or one
			// older than Telegram keeps.
			b.log().Info("telegram: callback query not answered", "code", apiCode(err), "err", err)
		}
	})
	m := q.Message
	if m == nil || m.Chat == nil || m.Chat.Type != "private" || q.Data == "" {
		return // a button in a group, on an inline message, or a game
	}
	in := flows.Input{Kind: flows.Choice, Data: q.Data, Lang: langCode(q.From)}
	b.converse(ctx, m.Chat.ID, updateID, in, int64(m.MessageID), &press{msg: m, data: q.Data})
}

// delivery is what one handled update sends.
type delivery struct {
	chat  int64
	out   bot.Outcome
	lang  string
	msgID int64 // the user's message, or the message the pressed button was on
	press *press
	// fresh: this update began a conversation, so the privacy note and the
	// reply keyboard follow the welcome.
	fresh bool
}

// converse hands a private chat's input to the dispatcher and queues what
// comes out.
func (b *Bot) converse(ctx context.Context, chat int64, updateID int, in flows.Input, msgID int64, p *press) {
	out, err := b.Handler.Handle(ctx, bot.Update{
		Platform: Platform,
		ChatID:   chat,
		Seq:      updateSeq(updateID),
		Input:    in,
	})
	if err != nil {
		b.log().Warn("telegram: update handled without its session", "degraded", out.Degraded, "err", err)
	}
	if out.Duplicate {
		b.log().Debug("telegram: redelivered update ignored", "update", updateID)
		return
	}
	d := &delivery{
		chat:  chat,
		out:   out,
		lang:  b.convLang(out.Lang, in.Lang),
		msgID: msgID,
		press: p,
		fresh: out.Started && !out.Forget && !out.Degraded,
	}
	b.queueSend(chat, func(ctx context.Context) {
		b.deliver(ctx, d)
		if b.Delivered != nil {
			b.Delivered(chat)
		}
	})
}

// updateSeq is an update_id as the dispatcher's sequence number. Telegram's
// update ids grow, so a session keeps the numbers of the last few updates
// it handled, and takes one older than all of them for handled too (see
// store.Handled). The exception, ids drawn at random after a week without
// any update at all, comes long after every session has expired. An id
// that is not positive is no sequence number, and is not checked for
// redelivery.
func updateSeq(id int) uint64 {
	if id <= 0 {
		return 0
	}
	return uint64(id)
}

// queueSend queues work in the chat's sending lane. It blocks while the
// lanes are full. Once the drain has given up, the work is only counted:
// see drain.
func (b *Bot) queueSend(key int64, f func(ctx context.Context)) {
	err := b.sending.Go(b.life, key, 0, func() {
		if b.life.Err() != nil {
			b.lost.replies.Add(1)
			return
		}
		f(b.life)
	})
	if err != nil {
		b.lost.sendsQueued.Add(1)
	}
}

// onGroup answers a group chat in one line, with a link to a private chat,
// when the group addresses the bot: a command, a mention, a reply to the
// bot, or the bot being added. No flow runs and nothing is stored.
func (b *Bot) onGroup(m *tgbotapi.Message) {
	if !b.addressed(m) {
		return
	}
	text := b.texts[b.lang(langCode(m.From))].group
	chat := m.Chat.ID
	b.queueSend(chat, func(ctx context.Context) {
		if _, err := b.sendReply(ctx, chat, flows.Reply{Text: text}, "", classReply); err != nil {
			b.logSendError("group line", err)
		}
	})
}

func (b *Bot) addressed(m *tgbotapi.Message) bool {
	for _, u := range m.NewChatMembers {
		if u.ID == b.me.ID {
			return true
		}
	}
	if r := m.ReplyToMessage; r != nil && r.From != nil && r.From.ID == b.me.ID {
		return true
	}
	text := strings.ToLower(m.Text)
	mention := "@" + strings.ToLower(b.me.UserName)
	if strings.HasPrefix(text, "/") {
		// "/start@otherbot" is for another bot in the group.
		name, _, _ := strings.Cut(text, " ")
		if _, to, ok := strings.Cut(name, "@"); ok {
			return "@"+to == mention
		}
		return true
	}
	return b.me.UserName != "" && strings.Contains(text, mention)
}

// maxInline bounds the contacts offered for one inline query.
const maxInline = 20

// onInline answers an inline query with contact cards to share. There is
// no session and nothing is stored; the query is read and forgotten.
func (b *Bot) onInline(q *tgbotapi.InlineQuery) {
	lang := b.lang(langCode(q.From))
	query := strings.TrimSpace(cut(q.Query, 256))
	var contacts []*content.Contact
	if query == "" {
		// "@bot" alone offers the main helplines.
		for _, id := range b.Content.Safety() {
			if ct, ok := b.Content.Contacts[id]; ok {
				contacts = append(contacts, ct)
			}
		}
	} else {
		f := b.Finder
		if f == nil {
			f = b.defFinder
		}
		contacts = f.Find(lang, query, maxInline)
	}
	results := make([]any, 0, min(len(contacts), maxInline))
	for _, ct := range contacts[:min(len(contacts), maxInline)] {
		results = append(results, tgbotapi.InlineQueryResultArticle{
			Type:                "article",
			ID:                  cut(ct.ID, 64), // Telegram's limit
			Title:               ct.Name,
			Description:         aboutOf(ct, lang),
			InputMessageContent: tgbotapi.InputTextMessageContent{Text: b.Content.Card(lang, ct), DisableWebPagePreview: true},
		})
	}
	cfg := tgbotapi.InlineConfig{InlineQueryID: q.ID, Results: results, CacheTime: 300, IsPersonal: true}
	var key int64
	if q.From != nil {
		key = q.From.ID
	}
	b.queueSend(key, func(ctx context.Context) {
		if _, err := b.send(ctx, 0, classOther, cfg, "answerInlineQuery"); err != nil {
			b.logSendError("inline answer", err)
		}
	})
}

func aboutOf(ct *content.Contact, lang string) string {
	if a, ok := ct.About[lang]; ok {
		return a
	}
	return ct.About[content.DefaultLang]
}

// keywordFinder is the inline search when no Finder is set: the matching
// core that reads every typed message (content/search), so that "@bot
// keerpun" finds what "/contact keerpun" finds. The index is built on the
// first inline query, not for every bot that never gets one.
func keywordFinder(c *content.Content) Finder {
	index := sync.OnceValue(func() *search.Index { return search.New(c) })
	return FinderFunc(func(lang, query string, limit int) []*content.Contact {
		var out []*content.Contact
		for _, h := range index().Find(lang, query, limit) {
			out = append(out, h.Contact)
		}
		return out
	})
}
