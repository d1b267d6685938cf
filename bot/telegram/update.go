package telegram

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/bot"
	"signaal/content"
	"signaal/flows"
	"signaal/understand"
)

// jobsPerUpdate is the most batches of sends one update queues: the answer
// to a button press and the replies.
const jobsPerUpdate = 2

// maxUrgentQueued bounds the answers with 112 that one chat may have
// waiting to be handled: each gives 112, so more add nothing but load.
const maxUrgentQueued = 4

// handle handles one update in its chat's lane and calls done once: true
// once its replies were sent (or there were none, or it was dropped in a
// flood), false when a stop abandoned it first, so that Telegram delivers
// it again. It runs under the bot's life, not the receiving context: what
// was received is handled even while the bot shuts down, until the drain
// gives up (a quick exit a little longer, see exitGrace).
func (b *Bot) handle(u *tgbotapi.Update, urg flows.Urgency, done func(ack bool)) {
	ctx := b.lifeFor(urg)
	if ctx.Err() != nil {
		b.lost.updates.Add(1)
		done(false)
		return
	}
	// The marks of quick exits keep to the machine's clock, as Telegram's
	// late deliveries do.
	switch key, now := routeKey(u), time.Now(); {
	case urg == flows.Exit:
		b.exits.mark(key, u.UpdateID, now)
		// Updates still waiting would start the conversation again on a
		// wiped phone; replies still waiting would show what is about to
		// be deleted, and hold up the exit. The exit supersedes both.
		updates, replies := b.handling.Discard(key), b.sending.Discard(key)
		b.supersede(key)
		if updates+replies > 0 {
			b.log().Debug("telegram: superseded by a quick exit", "updates", updates, "batches", replies)
		}
	case b.exits.before(key, u.UpdateID, now):
		// Sent before the quick exit, come only now (webhook requests come
		// side by side, a failed one again): its answer would land above
		// the exit's line, outside the window it deleted.
		b.log().Debug("telegram: update from before a quick exit ignored")
		b.answerDropped(u)
		done(true)
		return
	case urg == flows.Ordinary && b.sending.KeyLen(key)+jobsPerUpdate > b.MaxChatQueued:
		// The chat has more replies waiting than it can be sent soon: it
		// is flooding. The update is dropped, and acknowledged, or Telegram
		// would deliver it again and again. Danger is never ordinary.
		b.dropped.add("replies_waiting")
		b.answerDropped(u)
		done(true)
		return
	}
	switch {
	case u.Message != nil:
		b.onMessage(ctx, u.UpdateID, u.Message, urg, done)
	case u.CallbackQuery != nil:
		b.onCallback(ctx, u.UpdateID, u.CallbackQuery, urg, done)
	default:
		// Not asked for (allowedUpdates); should one come, it is ignored.
		b.log().Debug("telegram: update ignored", "update", u.UpdateID)
		done(true)
	}
}

// lifeFor is the context an update's work runs under: the bot's life, or
// for a quick exit the exit's, which ends a little later (see drain).
func (b *Bot) lifeFor(urg flows.Urgency) context.Context {
	if urg == flows.Exit {
		return b.exitLife
	}
	return b.life
}

// queueHandling queues an update in its chat's lane, waiting at most wait
// for room (without limit when 0), with done called as handle says, or not
// at all when it is not queued; handled, when set, is called once the
// dispatcher has handled it. It returns errLaneFull when the chat is over
// MaxChatQueued, having counted the drop and answered a dropped press.
// The quick exit and answers with 112 go ahead of the chat's queue and are
// never dropped. Inline queries have lanes of their own.
func (b *Bot) queueHandling(ctx context.Context, wait time.Duration, u *tgbotapi.Update, done func(acknowledge bool), handled func()) error {
	b.metrics().Received(updateKind(u))
	if handled == nil {
		handled = func() {}
	}
	if u.InlineQuery != nil {
		err := b.inline.Go(ctx, routeKey(u), b.MaxChatQueued, wait, laneJob{f: func() { b.onInline(u.InlineQuery, done) }})
		if err == nil {
			handled() // nothing is stored for it; polling need not wait
		}
		return err
	}
	urg := b.urgency(u)
	job := laneJob{f: func() {
		// An update whose handling panics is acknowledged all the same:
		// delivering it again would only repeat the panic.
		var once sync.Once
		ack := func(ok bool) { once.Do(func() { done(ok) }) }
		defer func() {
			if v := recover(); v != nil {
				ack(true)
				panic(v) // for the lanes to report
			}
		}()
		b.handle(u, urg, ack)
		handled()
	}, dropped: func() { done(true) }}
	if urg != flows.Ordinary {
		if urg == flows.Safety && b.handling.UrgentLen(routeKey(u)) >= maxUrgentQueued {
			// Answers with 112 already wait for this chat; a flood of them
			// must not take everyone's share of the limits. A quick exit
			// is always queued: it cancels the rest.
			b.dropped.add("urgent_repeated")
			b.answerDropped(u)
			return errLaneFull
		}
		b.handling.GoFirst(routeKey(u), job)
		return nil
	}
	err := b.handling.Go(ctx, routeKey(u), b.MaxChatQueued, wait, job)
	if errors.Is(err, errLaneFull) {
		b.dropped.add("updates_waiting")
		b.answerDropped(u)
	}
	return err
}

// urgency asks the engine how urgent an update is. Only private chats have
// a conversation; everything else is ordinary.
func (b *Bot) urgency(u *tgbotapi.Update) flows.Urgency {
	switch {
	case u.CallbackQuery != nil:
		m := u.CallbackQuery.Message
		if m == nil || m.Chat == nil || m.Chat.Type != "private" {
			return flows.Ordinary
		}
		return b.Triage.Urgency(flows.Input{Kind: flows.Choice, Data: u.CallbackQuery.Data, Lang: langCode(u.CallbackQuery.From)})
	case u.Message != nil && u.Message.Chat != nil && u.Message.Chat.Type == "private":
		in, ok := messageInput(u.Message)
		if !ok || in.Kind != flows.Text {
			return flows.Ordinary
		}
		in.Lang = langCode(u.Message.From)
		return b.Triage.Urgency(in)
	}
	return flows.Ordinary
}

// exitMarks remembers the update id of each chat's last quick exit for
// exitMemory, so that an update sent before the exit that comes after it
// is known (see handle). A mark is let go by a timer of its own, so that
// an idle bot keeps no trace of who left either.
type exitMarks struct {
	mu    sync.Mutex
	marks map[int64]exitMark // by chat
	n     atomic.Uint64      // quick exits marked so far, in every chat
}

type exitMark struct {
	update int
	at     time.Time
	n      uint64 // the exit's place in n
}

// exitMemory is how long a quick exit's mark is kept: Telegram delivers an
// update again within a minute.
const exitMemory = time.Minute

// mark notes a quick exit of chat in update at now. An id that is not
// positive is no place in Telegram's order.
func (e *exitMarks) mark(chat int64, update int, now time.Time) {
	if update <= 0 {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.marks == nil {
		e.marks = map[int64]exitMark{}
	}
	if m, ok := e.marks[chat]; ok && m.update > update {
		update = m.update // a later exit came first
	}
	e.marks[chat] = exitMark{update: update, at: now, n: e.n.Add(1)}
	time.AfterFunc(exitMemory, func() { e.forget(chat, now) })
}

// forget lets go of the mark of chat made at, unless an exit marked the
// chat again since.
func (e *exitMarks) forget(chat int64, at time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if m, ok := e.marks[chat]; ok && !m.at.After(at) {
		delete(e.marks, chat)
	}
}

// count is the number of quick exits marked so far, for since.
func (e *exitMarks) count() uint64 { return e.n.Load() }

// since reports whether chat left with a quick exit after count was n.
// An exit marks the chat before it supersedes the chat's sends, so a send
// job that asks once it can be superseded misses no exit.
func (e *exitMarks) since(chat int64, n uint64) bool {
	if e.n.Load() == n {
		return false // no exit anywhere: the common case takes no lock
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	m, ok := e.marks[chat]
	return ok && m.n > n
}

// before reports whether update came before a quick exit of chat in the
// last exitMemory.
func (e *exitMarks) before(chat int64, update int, now time.Time) bool {
	if update <= 0 {
		return false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	m, ok := e.marks[chat]
	return ok && update < m.update && now.Sub(m.at) < exitMemory
}

// runningSend is a send job that is running, so that a quick exit can
// end it.
type runningSend struct{ cancel context.CancelFunc }

// supersede ends the send job running for key, if any, which would hold
// up the exit's line while it waits for limits or a retry. A call it has
// on its way is let finish (see onWire).
func (b *Bot) supersede(key int64) {
	if v, ok := b.runningSends.Load(key); ok {
		v.(*runningSend).cancel()
	}
}

// wireKey is the context value that holds, in a send job's context, the
// context its calls go on the wire with (see onWire).
type wireKey struct{}

// onWire is the context a call made under ctx goes on the wire with: for
// a send job, one that a quick exit does not end. Telegram carries out a
// request it has received whether or not the answer is read: cut off, its
// message could land above the exit's line and stay on the phone; let
// finish, it lands below, inside the window the exit deletes.
func onWire(ctx context.Context) context.Context {
	if w, ok := ctx.Value(wireKey{}).(context.Context); ok {
		return w
	}
	return ctx
}

// answerDropped answers the button press of an update that is dropped,
// so that the person's app stops showing it as pending.
func (b *Bot) answerDropped(u *tgbotapi.Update) {
	if q := u.CallbackQuery; q != nil {
		b.queueSend(routeKey(u), flows.Safety, b.answerPress(q), nil)
	}
}

func (b *Bot) onMessage(ctx context.Context, updateID int, m *tgbotapi.Message, urg flows.Urgency, done func(bool)) {
	if m.Chat == nil {
		done(true)
		return
	}
	switch m.Chat.Type {
	case "private":
	case "group", "supergroup":
		b.onGroup(m, done)
		return
	default:
		done(true) // channels
		return
	}
	in, ok := messageInput(m)
	if !ok {
		done(true) // a service message, such as a changed auto-delete timer
		return
	}
	in.Lang = langCode(m.From)
	b.converse(ctx, m.Chat.ID, updateID, in, int64(m.MessageID), nil, urg, done)
}

// messageInput turns a message into the engine's input: its text, or the
// caption of a photo or a file (a screenshot with "hij staat voor de deur"
// under it), cut to what the engine reads, or Media for anything else a
// person sends. Service messages give no input.
func messageInput(m *tgbotapi.Message) (flows.Input, bool) {
	if m.Text != "" {
		return flows.Input{Kind: flows.Text, Data: content.Cut(m.Text, flows.MaxInputText)}, true
	}
	if m.Caption != "" {
		return flows.Input{Kind: flows.Text, Data: content.Cut(m.Caption, flows.MaxInputText)}, true
	}
	if m.Photo != nil || m.Sticker != nil || m.Voice != nil || m.Audio != nil || m.Video != nil ||
		m.VideoNote != nil || m.Animation != nil || m.Document != nil || m.Contact != nil ||
		m.Location != nil || m.Venue != nil || m.Poll != nil || m.Dice != nil || m.Game != nil {
		return flows.Input{Kind: flows.Media}, true
	}
	return flows.Input{}, false
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

// lang picks the content language for a language_code ("en-GB" -> "en"),
// the default when the content lacks it, as the engine does.
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

func (b *Bot) onCallback(ctx context.Context, updateID int, q *tgbotapi.CallbackQuery, urg flows.Urgency, done func(bool)) {
	// Every press is answered first, an old or forged one too, so that
	// the app stops showing it as pending.
	key := routeKey(&tgbotapi.Update{CallbackQuery: q})
	m := q.Message
	if m == nil || m.Chat == nil || m.Chat.Type != "private" || q.Data == "" {
		// In a group, on an inline message, or a game: only the answer.
		b.queueSend(key, urg, b.answerPress(q), done)
		return
	}
	b.queueSend(key, urg, b.answerPress(q), nil)
	in := flows.Input{Kind: flows.Choice, Data: q.Data, Lang: langCode(q.From)}
	b.converse(ctx, m.Chat.ID, updateID, in, int64(m.MessageID), q, urg, done)
}

// answerPress is the job that answers a button press.
func (b *Bot) answerPress(q *tgbotapi.CallbackQuery) func(ctx context.Context) {
	return func(ctx context.Context) {
		if err := b.answerCallback(ctx, q.ID); err != nil {
			// Mostly answered before, or older than Telegram keeps.
			b.log().Info("telegram: callback query not answered", "code", apiCode(err), "err", err)
		}
	}
}

// delivery is what one handled update sends.
type delivery struct {
	chat   int64
	out    bot.Outcome
	lang   string
	msgID  int64                   // the user's message, or the message the pressed button was on
	press  *tgbotapi.CallbackQuery // the button pressed, if any
	fresh  bool                    // began a conversation: the privacy note goes in
	urgent bool                    // the answer carries 112 or is the quick exit's
	at     arrival                 // its place in the order updates were handled
}

// converse hands a private chat's input to the dispatcher and queues what
// comes out.
func (b *Bot) converse(ctx context.Context, chat int64, updateID int, in flows.Input, msgID int64, p *tgbotapi.CallbackQuery, urg flows.Urgency, done func(bool)) {
	out, err := b.Handler.Handle(ctx, bot.Update{
		Platform: Platform,
		ChatID:   chat,
		Seq:      uint64(max(updateID, 0)), // ids grow; see store.Handled
		MsgID:    msgID,
		Input:    in,
	})
	if err != nil {
		b.log().Warn("telegram: update handled without its session", "degraded", out.Degraded, "err", err)
	}
	if out.Duplicate && (len(out.Replies) == 0 || b.answered.has(updateID)) {
		// Handled before, and either answered by this process or with
		// nothing to show.
		b.log().Debug("telegram: redelivered update ignored", "update", updateID)
		done(true)
		return
	}
	d := &delivery{
		chat:   chat,
		out:    out,
		lang:   b.convLang(out.Lang, in.Lang),
		msgID:  msgID,
		press:  p,
		fresh:  out.Started && !out.Forget && !out.Degraded,
		urgent: urg != flows.Ordinary || out.Degraded,
		at:     b.limits.next(),
	}
	b.queueSend(chat, urg, func(ctx context.Context) {
		b.deliver(ctx, d)
		if b.Delivered != nil {
			b.Delivered(chat)
		}
	}, func(ack bool) {
		if ack {
			b.answered.add(updateID)
		}
		done(ack)
	})
}

// recentUpdates remembers the last updates whose replies this process
// sent, so that one delivered again for a lost acknowledgement is not
// answered twice.
type recentUpdates struct {
	mu   sync.Mutex
	ids  map[int]bool
	ring []int
	next int
}

// maxRecent bounds the updates remembered: far more than come in the
// minute within which Telegram delivers again.
const maxRecent = 4096

func (r *recentUpdates) add(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ids == nil {
		r.ids = make(map[int]bool, maxRecent)
		r.ring = make([]int, maxRecent)
	}
	if r.ids[id] {
		return
	}
	delete(r.ids, r.ring[r.next])
	r.ring[r.next] = id
	r.ids[id] = true
	r.next = (r.next + 1) % maxRecent
}

func (r *recentUpdates) has(id int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ids[id]
}

// queueSend queues work in the chat's sending lane, ahead of its ordinary
// replies when urg is not Ordinary, and calls done, when set, once the
// work has run: true when it ran to its end or a quick exit discarded it,
// false when a stop cut it short or it never ran. Ordinary work blocks
// while the lanes are full.
func (b *Bot) queueSend(key int64, urg flows.Urgency, f func(ctx context.Context), done func(bool)) {
	if done == nil {
		done = func(bool) {}
	}
	life := b.lifeFor(urg)
	queued := b.exits.count()
	j := laneJob{
		f: func() {
			if life.Err() != nil {
				b.lost.replies.Add(1)
				done(false)
				return
			}
			ctx, cancel := context.WithCancel(life)
			ctx = context.WithValue(ctx, wireKey{}, life)
			run := &runningSend{cancel: cancel}
			b.runningSends.Store(key, run)
			if b.exits.since(key, queued) {
				cancel() // taken before the exit discarded the rest
			}
			f(ctx)
			b.runningSends.CompareAndDelete(key, run)
			cancel()
			done(life.Err() == nil)
		},
		dropped: func() { done(true) },
	}
	if urg != flows.Ordinary {
		b.sending.GoFirst(key, j)
		return
	}
	if err := b.sending.Go(b.life, key, 0, 0, j); err != nil {
		b.lost.sendsQueued.Add(1)
		done(false)
	}
}

// onGroup answers a group that addresses the bot (a command, a mention, a
// reply, the bot being added) in one line with a link to a private chat.
// No flow runs and nothing is stored.
func (b *Bot) onGroup(m *tgbotapi.Message, done func(bool)) {
	if !b.addressed(m) {
		done(true)
		return
	}
	text := b.texts[b.lang(langCode(m.From))].group
	chat := m.Chat.ID
	b.queueSend(chat, flows.Ordinary, func(ctx context.Context) {
		if _, err := b.sendReply(ctx, chat, flows.Reply{Text: text}, nil, classReply); err != nil {
			b.logSendError("group line", err)
		}
	}, done)
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

// onInline answers an inline query with contact cards to share, and
// calls done once the answer went out. Nothing is stored.
func (b *Bot) onInline(q *tgbotapi.InlineQuery, done func(bool)) {
	if b.life.Err() != nil {
		b.lost.updates.Add(1)
		done(false)
		return
	}
	lang := b.lang(langCode(q.From))
	query := strings.TrimSpace(content.Cut(q.Query, 256))
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
		about, ok := ct.About[lang]
		if !ok {
			about = ct.About[content.DefaultLang]
		}
		results = append(results, tgbotapi.InlineQueryResultArticle{
			Type:                "article",
			ID:                  content.Cut(ct.ID, 64), // Telegram's limit
			Title:               ct.Name,
			Description:         about,
			InputMessageContent: tgbotapi.InputTextMessageContent{Text: b.Content.Card(lang, ct), DisableWebPagePreview: true},
		})
	}
	p := tgbotapi.Params{"inline_query_id": q.ID, "cache_time": "300", "is_personal": "true"}
	err := p.AddInterface("results", results)
	if err == nil {
		err = b.request(b.life, "answerInlineQuery", p, nil)
	}
	if err != nil {
		b.logSendError("inline answer", err)
	}
	done(b.life.Err() == nil)
}

// indexFinder is the inline search when no Finder is set: the contact
// search of package understand over the content's words, built on the
// first inline query. signaalbot serve sets one that knows understand.yaml.
func indexFinder(c *content.Content) Finder {
	index := sync.OnceValue(func() *understand.Index { return understand.New(c, nil) })
	return FinderFunc(func(lang, query string, limit int) []*content.Contact {
		var out []*content.Contact
		for _, h := range index().Find(lang, query, limit) {
			out = append(out, h.Contact)
		}
		return out
	})
}
