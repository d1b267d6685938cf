package telegram

import (
	"context"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"signaal/bot"
	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/internal/retry"
)

// Telegram's real limits, which the flood tests keep so that the flooding
// chat's replies back up as they would in production: on the machine's
// clock unless the test gives the bot a clock of its own after this
// option. What they check is an order, not a time.
func realLimits(b *Bot) {
	b.Rate, b.Burst = 30, 30
	b.ChatRate, b.ChatBurst = 1, 3
	b.Clock = retry.Clock{}
}

// floodUser is the user who floods; newcomer(i) are the people who start
// a conversation meanwhile.
var floodUser = tgtest.User{ID: 987651000, FirstName: "Flo", Username: "flo_secret_name", LanguageCode: "nl"}

func newcomer(i int) tgtest.User {
	return tgtest.User{ID: 987652000 + int64(i), FirstName: "Nieuw", LanguageCode: "nl"}
}

// sender delivers updates to the bot the way each mode receives them: in
// webhook mode posted at once from many goroutines, as Telegram does over
// its connections; in polling mode queued for getUpdates.
type sender struct {
	h        *harness
	m        mode
	statuses sync.Map     // status -> *atomic.Int64, webhook mode only
	made     atomic.Int64 // updates made, whether or not they reached the bot yet
}

func (s *sender) text(u tgtest.User, text string) {
	s.made.Add(1)
	s.deliver(u, text)
}

// deliver delivers an update already counted in made.
func (s *sender) deliver(u tgtest.User, text string) {
	if s.m == polling {
		s.h.srv.SendText(tgtest.PrivateChat(u), u, text)
		return
	}
	_, body := s.h.srv.TextUpdate(tgtest.PrivateChat(u), u, text)
	status, err := s.h.srv.Post(context.Background(), body)
	if err != nil {
		s.h.t.Errorf("post to the webhook: %v", err)
		return
	}
	n, _ := s.statuses.LoadOrStore(status, new(atomic.Int64))
	n.(*atomic.Int64).Add(1)
}

func (s *sender) count(status int) int64 {
	if n, ok := s.statuses.Load(status); ok {
		return n.(*atomic.Int64).Load()
	}
	return 0
}

// onClock runs the bot's limits, retries and back-off on c.
func onClock(c *idleClock) option {
	return func(b *Bot) { b.Clock = c.clock() }
}

// firstReply is when the bot first sent a message to chat, or the zero
// time.
func firstReply(srv *tgtest.Server, chat int64) time.Time {
	for _, c := range srv.Calls("sendMessage") {
		if c.Chat() == chat && c.Code == 200 {
			return c.At
		}
	}
	return time.Time{}
}

// TestFlood has one chat send 2,000 updates as fast as it can while 30
// new chats each send /start. The flood is capped in the flooding chat's
// own queues, every new chat gets its first reply ahead of the flooding
// chat's waiting replies and none is refused, and the stop right after
// writes a few lines, not thousands, accounting for every handled update
// whose replies it could not send.
func TestFlood(t *testing.T) {
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			testFlood(t, m)
		})
	}
}

func testFlood(t *testing.T, m mode) {
	const (
		floods    = 2000
		newcomers = 30
		posters   = 16 // the flood's parallel connections in webhook mode
	)
	// Telegram's limits, on a clock that moves on only while the bot has
	// nothing to do but wait for it: the flooding chat's replies go out a
	// second apart on that clock, and anything the bot can do without
	// waiting, such as welcoming a newcomer, happens before the next one.
	clock := newIdleClock()
	received := &receivedCount{}
	out := &callsOut{}
	h := start(t, m, testContent(t), realLimits, onClock(clock), withCallsOut(out), func(b *Bot) {
		b.Metrics = received
		// The drain finds the clock standing still (see below): no wait
		// lets it send more, so its deadline can be short.
		b.DrainTimeout = time.Millisecond
	})
	s := &sender{h: h, m: m}
	ticking, stopTicking := context.WithCancel(context.Background())
	defer stopTicking()
	// Idle: nothing is being handled, no call is out, and every update
	// made has reached the bot. When polling, the bot may be the one
	// waiting, up to changeWait on the clock, before it asks for the
	// updates that have not: the clock then moves, but no further than
	// that wait could end, so that a bot that is only slow to get to its
	// next call never sees a second of Telegram's limits go by.
	go clock.run(ticking, func() bool {
		arrived := received.n.Load() == s.made.Load()
		if d, ok := clock.soonest(); !arrived && m == polling && ok && d <= changeWait {
			arrived = true
		}
		return arrived && h.bot.handling.Len() == 0 && h.bot.inline.Len() == 0 && out.n.Load() == 0
	}, func() int64 { return h.srv.Counts().Calls + received.n.Load() })
	s.text(floodUser, "/start")
	h.srv.Await(t, 5*time.Second, "the flooding chat's welcome", func() bool { return len(h.srv.BotMessages(floodUser.ID)) == 1 })
	h.said = append(h.said, "flood message")

	// Watch the flooding chat's queues as each update is handled.
	var maxHandling, maxSending atomic.Int64
	h.rec.watch(func(bot.Update) {
		maxHandling.Store(max(maxHandling.Load(), int64(h.bot.handling.KeyLen(floodUser.ID))))
		maxSending.Store(max(maxSending.Load(), int64(h.bot.sending.KeyLen(floodUser.ID))))
	})

	// The newcomers arrive while the flood goes on, spread over it: the
	// poster of every (floods/newcomers)th flood message lets one in.
	var next atomic.Int64
	var flood, arrivals sync.WaitGroup
	// marks[i] is how many messages the bot had sent when newcomer i
	// wrote: the place of its /start among the bot's messages.
	marks := make([]int, newcomers)
	began, clockBegan := time.Now(), clock.Now()
	const every = floods / newcomers
	for range posters {
		flood.Add(1)
		go func() {
			defer flood.Done()
			for {
				n := next.Add(1)
				if n > floods {
					return
				}
				if i := int(n-1) / every; (n-1)%every == 0 && i < newcomers {
					arrivals.Add(1)
					go func() {
						defer arrivals.Done()
						// Counted before the mark is taken, so that the
						// clock stands still from the mark until the
						// update has reached the bot.
						s.made.Add(1)
						marks[i] = len(h.srv.Calls("sendMessage"))
						s.deliver(newcomer(i), "/start")
					}()
				}
				s.text(floodUser, "flood message")
			}
		}()
	}
	flood.Wait()
	arrivals.Wait()
	floodTook := time.Since(began)

	// A new chat does not wait behind the flooding chat's queue: while
	// that chat has up to MaxChatQueued replies waiting, sent at most one
	// a second, at most maxAhead of them go out between a newcomer's
	// /start and its first reply. This is an order, not a time. What may
	// go ahead is the flooding chat's own burst: its limiter allows three
	// at once, its one-message welcome took one, and one more comes a
	// second.
	const maxAhead = 3
	var aheads []int
	for i := range newcomers {
		chat := newcomer(i).ID
		h.srv.Await(t, 10*time.Second, "a newcomer's welcome", func() bool { return !firstReply(h.srv, chat).IsZero() })
		ahead := 0
		for _, c := range h.srv.Calls("sendMessage")[marks[i]:] {
			if c.Code != 200 {
				continue
			}
			if c.Chat() == chat {
				break
			}
			if c.Chat() == floodUser.ID {
				ahead++
			}
		}
		aheads = append(aheads, ahead)
		if ahead > maxAhead {
			t.Errorf("new chat %d got its first reply after %d of the flooding chat's replies, want at most %d", i, ahead, maxAhead)
		}
	}
	slices.Sort(aheads)
	t.Logf("%s: %d flood updates in %v (%v on the bot's clock); flooding chat's replies ahead of the first reply of %d new chats: median %d, most %d",
		m, floods, floodTook.Round(time.Millisecond), clock.Now().Sub(clockBegan), newcomers, aheads[len(aheads)/2], aheads[len(aheads)-1])
	if m == hooking {
		if n := s.count(http.StatusServiceUnavailable); n != 0 {
			t.Errorf("%d webhook requests answered 503, want none", n)
		}
		if n := s.count(http.StatusOK); n != floods+newcomers+1 {
			t.Errorf("%d webhook requests answered 200, want all %d", n, floods+newcomers+1)
		}
	}
	// Every newcomer's conversation begins in full: the welcome with the
	// privacy note in it.
	for i := range newcomers {
		chat := newcomer(i).ID
		h.srv.Await(t, 10*time.Second, "a newcomer's welcome", func() bool {
			msgs := h.srv.BotMessages(chat)
			return len(msgs) == 1 && strings.Contains(msgs[0].Text, h.txt(content.KeyPrivacy))
		})
	}
	// Polling leaves the updates whose replies are still waiting
	// unconfirmed, so only the handling is waited for: once every update
	// was fetched, and the bot has come back for more after that, each
	// was queued for handling or dropped.
	if m == polling {
		h.srv.Await(t, 10*time.Second, "every update to be fetched", h.srv.AllFetched)
		polls := len(h.srv.Calls("getUpdates"))
		h.srv.Await(t, 10*time.Second, "the bot to poll again", func() bool { return len(h.srv.Calls("getUpdates")) > polls })
	}
	h.srv.Await(t, 10*time.Second, "the flood to be handled", func() bool {
		return h.bot.handling.Len() == 0 && (m == polling || h.srv.Pending() == 0)
	})

	// Stop right after: the flooding chat still has replies queued for
	// seconds, more than the drain allows. The clock stands still from
	// here, so that the drain, which runs on the machine's clock, sees
	// those seconds as it would with the flood's replies queued at real
	// time.
	stopTicking()
	h.stop()

	if got, limit := maxHandling.Load(), int64(h.bot.MaxChatQueued); got > limit {
		t.Errorf("flooding chat had %d updates queued, want at most %d", got, limit)
	}
	if got, limit := maxSending.Load(), int64(h.bot.MaxChatQueued); got > limit {
		t.Errorf("flooding chat had %d batches of replies queued, want at most %d", got, limit)
	}

	problems := h.linesAt(slog.LevelWarn)
	t.Logf("%s: stop wrote %d warning and error lines: %v", m, len(problems), problems)
	if len(problems) > 5 {
		t.Errorf("stop after the flood wrote %d warning and error lines, want at most 5", len(problems))
	}

	// Nothing handled is lost silently: every flood update the dispatcher
	// handled either had its replies sent (the free-text line first) or
	// is counted in the line that says what the stop abandoned.
	handled := 0
	h.rec.mu.Lock()
	for _, u := range h.rec.in {
		if u.ChatID == floodUser.ID && u.Input.Data == "flood message" {
			handled++
		}
	}
	h.rec.mu.Unlock()
	sent := 0
	for _, msg := range h.srv.Messages(floodUser.ID) {
		if msg.FromBot && strings.HasPrefix(msg.Text, h.txt(content.KeyFreeText)+"\n\n") {
			sent++
		}
	}
	var unsent, interrupted int
	for _, line := range h.logLines() {
		if line["msg"] == "telegram bot stopped before finishing; the rest is abandoned" {
			n, _ := line["reply_batches_not_sent"].(float64)
			k, _ := line["calls_interrupted"].(float64)
			unsent, interrupted = int(n), int(k)
		}
	}
	dropped := 0
	for _, line := range h.logLines() {
		if line["msg"] == h.bot.dropped.msg {
			for _, k := range []string{"updates_waiting", "replies_waiting"} {
				n, _ := line[k].(float64)
				dropped += int(n)
			}
		}
	}
	t.Logf("%s: of %d flood updates, %d dropped and counted, %d handled: %d with replies sent, %d with replies abandoned, %d calls interrupted",
		m, floods, dropped, handled, sent, unsent, interrupted)
	if handled > sent+unsent+interrupted {
		t.Errorf("%d flood updates handled, but only %d had replies sent and %d+%d are counted as abandoned: some were lost silently", handled, sent, unsent, interrupted)
	}
	switch m {
	case polling:
		if unsent+interrupted == 0 {
			t.Errorf("the stop abandoned nothing, want the flooding chat's queued replies abandoned and counted")
		}
		// What was abandoned is left for the next instance.
		if n := h.srv.Pending(); n == 0 {
			t.Errorf("after a stop that abandoned replies, no update is left unconfirmed, want those whose replies were not sent")
		}
	case hooking:
		// The webhook answered each update once its replies were sent,
		// so the flood could only go as fast as they were, and the stop
		// found nothing acknowledged left to send.
		if handled != sent {
			t.Errorf("%d flood updates handled and answered 200, but %d had their replies sent", handled, sent)
		}
	}
	if handled+dropped != floods {
		t.Errorf("%d flood updates handled and %d dropped, want them to add up to %d", handled, dropped, floods)
	}
}

// TestQuickExitUnderFlood leaves in the middle of one's own flood: the
// exit is not dropped with the flood, and it does not wait behind the
// replies queued for the chat, which at a message a second would take
// many seconds.
func TestQuickExitUnderFlood(t *testing.T) {
	t.Parallel()
	received := &receivedCount{}
	// Telegram's limits on a clock that stands still while the flood
	// fills the chat's queue, and runs fast from the exit on: the order
	// is what is checked, and no one waits a second a message for it.
	mc := newManualClock()
	ctx, stopTicking := context.WithCancel(context.Background())
	defer stopTicking()
	go func() {
		for {
			select {
			case <-mc.waiting:
			case <-ctx.Done():
				return
			}
		}
	}()
	h := start(t, hooking, testContent(t), realLimits, func(b *Bot) { b.Metrics = received; b.Clock = mc.clock() })
	s := &sender{h: h, m: hooking}
	s.text(floodUser, "/start")
	h.srv.Await(t, 5*time.Second, "the welcome", func() bool { return len(h.srv.BotMessages(floodUser.ID)) == 1 })
	h.said = append(h.said, "flood message")
	// The webhook answers an update once its replies are sent, so the
	// flood is posted without waiting for the answers, as Telegram does
	// over its many connections, and the exit comes once every flood
	// update has reached the bot.
	const flood = 40
	var wg sync.WaitGroup
	for range flood {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.text(floodUser, "flood message")
		}()
	}
	// Every update has reached the bot and several batches of replies
	// wait behind the one being sent: how many more were dropped rather
	// than queued depends on how the machine schedules the posts.
	h.srv.Await(t, 10*time.Second, "the flood to reach the bot and fill the chat's queue", func() bool {
		return received.n.Load() >= 1+flood && h.bot.sending.KeyLen(floodUser.ID) >= 3
	})
	queued := h.bot.sending.KeyLen(floodUser.ID)
	before := len(h.srv.Calls("sendMessage"))
	// The exit is posted as the flood was: its answer may wait for the
	// clock, which moves from the moment the dispatcher has the exit, and
	// so the exit has superseded the chat's replies. Until then it stands
	// still, and no more of them go than the chat's burst has left.
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.text(floodUser, "/stop")
	}()
	h.srv.Await(t, 10*time.Second, "the exit to reach the dispatcher", func() bool {
		h.rec.mu.Lock()
		defer h.rec.mu.Unlock()
		return slices.ContainsFunc(h.rec.in, func(u bot.Update) bool { return u.Input.Data == "/stop" })
	})
	go func() {
		for ctx.Err() == nil {
			mc.advance(100 * time.Millisecond)
			runtime.Gosched()
		}
	}()
	exit := h.txt(content.KeyExit)
	h.srv.Await(t, 10*time.Second, "the exit line", func() bool {
		return slices.ContainsFunc(h.srv.Messages(floodUser.ID), func(m tgtest.Message) bool { return m.FromBot && m.Text == exit })
	})
	// An order, not a time: between /stop and its line, at most what the
	// chat's burst had left goes out (two messages: the welcome took the
	// third), not the batches queued behind it.
	ahead := 0
	for _, c := range h.srv.Calls("sendMessage")[before:] {
		if c.Chat() != floodUser.ID || c.Code != 200 {
			continue
		}
		if c.Params.Get("text") == exit {
			break
		}
		ahead++
	}
	t.Logf("%d of the chat's messages went out between /stop and the exit line, with %d batches of replies queued", ahead, queued)
	if ahead > 2 {
		t.Errorf("%d of the chat's replies went out between /stop and the exit line, want at most the 2 the chat's burst had left: the exit waited behind the queue", ahead)
	}
	// Every flood update has been answered or dropped, those that reached
	// the dispatcher only after the exit too: nothing is left on the
	// phone, and the window deleted the newest MaxDelete ids, the line's
	// included.
	wg.Wait()
	h.settle()
	if visible := h.srv.Visible(floodUser.ID); len(visible) != 0 {
		t.Errorf("after the quick exit, the phone shows %d messages (message %d, %.40q, first), want none", len(visible), visible[0].ID, visible[0].Text)
	}
	line := h.exitLine(t, floodUser.ID).ID
	for _, msg := range h.srv.Messages(floodUser.ID) {
		if msg.ID <= line && msg.ID > line-h.bot.MaxDelete && !msg.Deleted {
			t.Errorf("message %d in the window was not deleted", msg.ID)
			break
		}
	}
}

// receivedCount counts the updates the bot took in.
type receivedCount struct {
	noMetrics
	n atomic.Int64
}

func (r *receivedCount) Received(string) { r.n.Add(1) }
