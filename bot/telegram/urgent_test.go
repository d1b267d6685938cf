package telegram

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"signaal/bot"
	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/flows"
)

// isSafetyAnswer reports whether a bot message is an answer that puts 112
// first: the emergency option's answer or the answer to danger.
func isSafetyAnswer(text string) bool {
	return strings.HasPrefix(text, "Bel 112") || strings.Contains(text, "Bel meteen 112")
}

// safetyHeld reports whether an answer with 112 to chat is on its way,
// held at the server.
func safetyHeld(srv *tgtest.Server, chat int64) bool {
	for _, c := range srv.HeldCalls("sendMessage") {
		if c.Chat() == chat && isSafetyAnswer(c.Params.Get("text")) {
			return true
		}
	}
	return false
}

// TestSafetyAheadOfFlood: a person whose chat is backed up with replies
// (sends are slow and they typed a burst) presses 112, types its label or
// writes that someone is at the door. The update is never dropped, its
// button stops spinning, and the answer with 112 goes out ahead of the
// replies the chat still had waiting.
func TestSafetyAheadOfFlood(t *testing.T) {
	t.Parallel()
	c := testContent(t)
	sos := c.Text(content.DefaultLang, content.KeyOptSOS)
	for _, m := range modes {
		for _, how := range []string{"button", "keyboard", "danger", "after inline burst"} {
			t.Run(string(m)+"/"+how, func(t *testing.T) {
				t.Parallel()
				received := &receivedCount{}
				h := start(t, m, c, withUnderstanding(t), func(b *Bot) {
					b.MaxChatQueued = 4
					b.Metrics = received
				})
				h.text(alice, "/start")
				q := h.question(alice)
				before := len(h.srv.BotMessages(alice.ID))
				// Messages to alice are held from now on, so that her
				// replies back up as under Telegram's limits, until the
				// 112 input has been handled and its answer waits with
				// them.
				sends, inlines := make(chan struct{}), make(chan struct{})
				releaseSends, releaseInlines := sync.OnceFunc(func() { close(sends) }), sync.OnceFunc(func() { close(inlines) })
				defer releaseSends()
				defer releaseInlines()
				h.srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: alice.ID, Hold: sends, Times: 1000})
				s := &sender{h: h, m: m}
				others := received.n.Load() // updates not made by s: /start's so far
				// A wait that times out says where alice's updates and
				// replies were, so that a failure shows which step stood
				// still.
				defer func() {
					if t.Failed() {
						t.Logf("at the end: updates received %d (%d typed by alice's sender, %d others before); handled %d; handling lane %d (urgent %d); sending lane %d (urgent %d); calls held %d (an answer with 112 among them: %t)",
							received.n.Load(), s.made.Load(), others, h.rec.count(),
							h.bot.handling.KeyLen(alice.ID), h.bot.handling.UrgentLen(alice.ID),
							h.bot.sending.KeyLen(alice.ID), h.bot.sending.UrgentLen(alice.ID), h.srv.Held(), safetyHeld(h.srv, alice.ID))
					}
				}()
				var wg sync.WaitGroup
				post := func(f func()) {
					wg.Add(1)
					go func() { defer wg.Done(); f() }()
				}
				if how == "after inline burst" {
					// Inline queries from the same person, not answered
					// until the answer with 112 is out, must not fill the
					// queue of her private chat.
					h.srv.Inject(tgtest.Fault{Method: "answerInlineQuery", Hold: inlines, Times: 1000})
					for range 12 {
						h.srv.InlineQuery(alice, "keerpunt")
					}
					// Polling fetches them all; the webhook is sent one at
					// a time, the next once the one before is answered.
					if m == polling {
						others += 12
					} else {
						others++
					}
				}
				for range 12 {
					post(func() { s.text(alice, "hallo") })
				}
				// Every update so far has reached the bot, queued or
				// dropped, before the 112 input comes.
				h.srv.Await(t, 5*time.Second, "alice's replies to back up", func() bool {
					return received.n.Load() == others+s.made.Load() && h.bot.sending.KeyLen(alice.ID) >= 2
				})
				var qid string
				switch how {
				case "button", "after inline burst":
					if m == polling {
						qid = h.srv.Press(tgtest.PrivateChat(alice), alice, q.ID, flows.DataSOS)
					} else {
						var body []byte
						qid, body = h.srv.PressUpdate(tgtest.PrivateChat(alice), alice, q.ID, flows.DataSOS)
						post(func() { _, _ = h.srv.Post(context.Background(), body) })
					}
				case "keyboard":
					post(func() { s.text(alice, sos) })
				case "danger":
					h.said = append(h.said, "hij staat voor de deur, help")
					post(func() { s.text(alice, "hij staat voor de deur, help") })
				}
				// The answer with 112 waits with alice's replies either
				// queued ahead of them, behind the reply on its way, or on
				// its way itself: a worker that had not yet taken her
				// first reply when it came takes it first. Either lasts
				// until the sends are let go; the moment between them may
				// be too short to see.
				h.srv.Await(t, 10*time.Second, "the 112 input to be handled, its answer waiting with alice's replies", func() bool {
					// The press is looked at before the lane: an answer to
					// it that leaves the lane in between is then counted
					// nowhere, and looked for again, rather than twice.
					waiting := 1 // the answer with 112
					if qid != "" && !h.srv.Answered(qid) {
						waiting++ // and the answer to the press
					}
					return h.bot.sending.UrgentLen(alice.ID) >= waiting || safetyHeld(h.srv, alice.ID)
				})
				releaseSends()
				h.srv.Await(t, 10*time.Second, "the answer with 112", func() bool {
					for _, msg := range h.srv.BotMessages(alice.ID)[before:] {
						if isSafetyAnswer(msg.Text) {
							return true
						}
					}
					return false
				})
				releaseInlines()
				wg.Wait()
				h.settle()
				if qid != "" && !h.srv.Answered(qid) {
					t.Errorf("the 112 press %s was not answered: the button would spin", qid)
				}
				msgs := h.srv.BotMessages(alice.ID)[before:]
				at := -1
				for i, msg := range msgs {
					if isSafetyAnswer(msg.Text) {
						at = i
						break
					}
				}
				// The answer to a "hallo" typed before the 112 input comes
				// after it: the 112 answer went ahead of the chat's queue.
				hallo := h.c.Text(content.DefaultLang, "understand.greeting")
				later := 0
				for _, msg := range msgs[at+1:] {
					if strings.HasPrefix(msg.Text, hallo) {
						later++
					}
				}
				if later == 0 {
					t.Errorf("no answer to the earlier messages came after the answer with 112 (at %d of %d): it waited behind them", at, len(msgs))
				}
			})
		}
	}
}

// TestQuickExitWholeConversation: a conversation longer than MaxDelete ids
// is deleted from its first message, the welcome included.
func TestQuickExitWholeConversation(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			h := start(t, m, testContent(t), func(b *Bot) { b.MaxDelete = 10 })
			h.text(alice, "/start")
			for range 16 {
				h.srv.SendMedia(tgtest.PrivateChat(alice), alice, "sticker")
			}
			h.settle()
			if n := len(h.srv.Visible(alice.ID)); n <= 2*h.bot.MaxDelete {
				t.Fatalf("the conversation has %d messages, want more than %d for this test", n, 2*h.bot.MaxDelete)
			}
			h.press(alice, h.question(alice).ID, flows.DataExit)
			if visible := h.srv.Visible(alice.ID); len(visible) != 0 {
				t.Errorf("after the quick exit, %d messages are still on the phone, the first %q", len(visible), visible[0].Text)
			}
		})
	}
}

// TestCaptionRead: a photo with a caption is read like text; danger in the
// caption gets 112.
func TestCaptionRead(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			h := start(t, m, testContent(t), withUnderstanding(t))
			h.said = append(h.said, "hij staat voor de deur, help")
			h.srv.SendCaptioned(tgtest.PrivateChat(alice), alice, "hij staat voor de deur, help")
			h.settle()
			var texts []string
			for _, msg := range h.srv.BotMessages(alice.ID) {
				texts = append(texts, msg.Text)
				if isSafetyAnswer(msg.Text) {
					return
				}
			}
			t.Errorf("a photo captioned with danger was answered %q, want an answer with 112", texts)
		})
	}
}

// TestPollingSurvivesRefusal: getUpdates answering 401 or 404 for a while
// does not end the bot: it logs an error, tries again, and answers once
// Telegram does.
func TestPollingSurvivesRefusal(t *testing.T) {
	t.Parallel()
	for _, code := range []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusBadGateway} {
		t.Run(http.StatusText(code), func(t *testing.T) {
			t.Parallel()
			h := start(t, polling, testContent(t))
			h.srv.Inject(tgtest.Fault{Method: "getUpdates", Code: code, Description: http.StatusText(code), Times: 3})
			h.srv.Await(t, 10*time.Second, "getUpdates to be refused three times", func() bool {
				n := 0
				for _, c := range h.srv.Calls("getUpdates") {
					if c.Code == code {
						n++
					}
				}
				return n == 3
			})
			h.srv.SendText(tgtest.PrivateChat(alice), alice, "/start")
			h.srv.Await(t, 10*time.Second, "the bot to answer after the refusals", func() bool {
				return len(h.srv.BotMessages(alice.ID)) > 0
			})
			select {
			case err := <-h.done:
				h.done <- err
				t.Fatalf("Run() = %v while Telegram refused getUpdates, want it to go on", err)
			default:
			}
			if code != http.StatusBadGateway && len(h.linesAt(slog.LevelError)) == 0 {
				t.Errorf("no error logged for getUpdates answering %d", code)
			}
		})
	}
}

// TestShutdownKeepsUnsent: an update whose replies a stop could not send
// is not acknowledged: polling leaves it for the next instance, the
// webhook answers 503 so that Telegram delivers it again.
func TestShutdownKeepsUnsent(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			// The reply is held at the server when the stop comes; the
			// drain's deadline can be short, as no wait would let it go.
			h := start(t, m, testContent(t), func(b *Bot) { b.DrainTimeout = time.Millisecond })
			hang := make(chan struct{})
			defer close(hang)
			h.srv.Inject(tgtest.Fault{Method: "sendMessage", Hold: hang})
			h.srv.SendText(tgtest.PrivateChat(alice), alice, "/start")
			h.srv.Await(t, 5*time.Second, "the reply to be on its way", func() bool { return h.rec.count() == 1 && h.srv.Held() == 1 })
			h.stop()
			switch m {
			case polling:
				if n := h.srv.Pending(); n != 1 {
					t.Errorf("after a stop that could not send the replies, %d updates unacknowledged, want 1", n)
				}
			case hooking:
				for _, d := range h.srv.Deliveries() {
					if d.Status == http.StatusOK {
						t.Errorf("webhook delivery of update %d answered 200, though its replies were never sent", d.UpdateID)
					}
				}
			}
		})
	}
}

// TestShutdownCarriesOutQuickExit: a quick exit received before the stop
// is carried out, its line sent and the conversation deleted, even when
// the drain's deadline passes while it waits behind slow sends.
func TestShutdownCarriesOutQuickExit(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			// The drain gives up at once; what shows that it did is bob's
			// reply, held until then and cut off by it.
			h := start(t, m, testContent(t), func(b *Bot) { b.DrainTimeout = time.Millisecond })
			h.text(alice, "/start")
			h.press(alice, h.question(alice).ID, "start/welcome/ok")
			h.text(bob, "/start")
			// Every message to alice waits until the drain has given up,
			// bob's for good.
			aliceHold, bobHold := make(chan struct{}), make(chan struct{})
			releaseAlice := sync.OnceFunc(func() { close(aliceHold) })
			defer releaseAlice()
			defer close(bobHold)
			h.srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: alice.ID, Hold: aliceHold, Times: 1000})
			h.srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: bob.ID, Hold: bobHold, Times: 1000})
			// The webhook answers an update once its replies are sent, so
			// the updates are posted side by side, as Telegram does over
			// its connections; the answers do not matter here, and the
			// stop cuts some off.
			var wg sync.WaitGroup
			defer wg.Wait()
			post := func(body []byte) {
				wg.Add(1)
				go func() { defer wg.Done(); _, _ = h.srv.Post(context.Background(), body) }()
			}
			for _, u := range []tgtest.User{bob, alice} {
				if m == polling {
					h.srv.SendText(tgtest.PrivateChat(u), u, "hallo")
				} else {
					_, body := h.srv.TextUpdate(tgtest.PrivateChat(u), u, "hallo")
					post(body)
				}
			}
			h.srv.Await(t, 5*time.Second, "the messages to be handled and their replies held", func() bool {
				return h.rec.count() == 5 && h.bot.sending.KeyLen(alice.ID) == 1 && h.bot.sending.KeyLen(bob.ID) == 1
			})
			if m == polling {
				h.srv.Press(tgtest.PrivateChat(alice), alice, h.question(alice).ID, flows.DataExit)
			} else {
				_, body := h.srv.PressUpdate(tgtest.PrivateChat(alice), alice, h.question(alice).ID, flows.DataExit)
				post(body)
			}
			h.srv.Await(t, 5*time.Second, "the quick exit to be handled", func() bool { return h.rec.count() == 6 })
			// Alice's messages go once the drain has given up: bob's
			// reply, cut off then, says that it has.
			go func() {
				defer releaseAlice()
				for end := time.Now().Add(10 * time.Second); h.bot.lost.interrupted.Load() == 0 && time.Now().Before(end); {
					time.Sleep(time.Millisecond)
				}
			}()
			h.stop()
			if h.bot.lost.interrupted.Load() == 0 {
				t.Errorf("the stop cut off no call, want bob's held reply cut off: the drain did not give up")
			}
			if visible := h.srv.Visible(alice.ID); len(visible) != 0 {
				t.Errorf("after a quick exit and a stop, %d messages still on the phone, want none", len(visible))
			}
		})
	}
}

// TestSafetyFloodBounded: a chat that sends the 112 label over and over
// gets 112 answers, but no more than a few wait at once, and a person who
// starts meanwhile is answered as usual.
func TestSafetyFloodBounded(t *testing.T) {
	t.Parallel()
	c := testContent(t)
	sos := c.Text(content.DefaultLang, content.KeyOptSOS)
	h := start(t, polling, c, realLimits, func(b *Bot) { b.DrainTimeout = 200 * time.Millisecond })
	h.text(floodUser, "/start")
	var most atomic.Int64
	h.rec.watch(func(bot.Update) {
		most.Store(max(most.Load(), int64(h.bot.handling.UrgentLen(floodUser.ID))))
	})
	for range 40 {
		h.srv.SendText(tgtest.PrivateChat(floodUser), floodUser, sos)
	}
	h.srv.SendText(tgtest.PrivateChat(bob), bob, "/start")
	h.srv.Await(t, 10*time.Second, "the newcomer's welcome", func() bool { return !firstReply(h.srv, bob.ID).IsZero() })
	h.srv.Await(t, 10*time.Second, "the flood to be handled", func() bool { return h.bot.handling.Len() == 0 })
	h.srv.Await(t, 10*time.Second, "an answer with 112 to the flooding chat", func() bool {
		for _, msg := range h.srv.BotMessages(floodUser.ID) {
			if isSafetyAnswer(msg.Text) {
				return true
			}
		}
		return false
	})
	if got := most.Load(); got > maxUrgentQueued {
		t.Errorf("the flooding chat had %d urgent updates waiting at once, want at most %d", got, maxUrgentQueued)
	}
	answers := 0
	for _, msg := range h.srv.BotMessages(floodUser.ID) {
		if isSafetyAnswer(msg.Text) {
			answers++
		}
	}
	if answers == 0 || answers >= 40 {
		t.Errorf("the flooding chat got %d answers with 112 for 40 presses, want some, and fewer than one each", answers)
	}
	if !strings.Contains(h.logs.String(), "urgent_repeated") {
		t.Errorf("the repeated urgent updates were not counted in the log")
	}
}

// TestSomeoneCanSeeLeaves: "Nee, iemand kan meekijken" wipes the chat as
// the quick exit does, the welcome with it, and leaves only the neutral
// line that says how to come back.
func TestSomeoneCanSeeLeaves(t *testing.T) {
	t.Parallel()
	c := testContent(t)
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			h := start(t, m, c)
			h.text(alice, "/start")
			h.press(alice, h.question(alice).ID, "start/welcome/ok")
			h.press(alice, h.question(alice).ID, "start/safe/no")
			visible := h.srv.Visible(alice.ID)
			want := c.Text(content.DefaultLang, "start.safe.left")
			if len(visible) != 1 || visible[0].Text != want {
				var texts []string
				for _, v := range visible {
					texts = append(texts, v.Text)
				}
				t.Fatalf("after 'iemand kan meekijken', the phone shows %q, want only %q", texts, want)
			}
			if !visible[0].RemoveKeyboard {
				t.Errorf("the line left does not remove the reply keyboard")
			}
			// Nothing of the conversation is kept: a message starts anew.
			h.text(alice, "hallo")
			msgs := h.srv.BotMessages(alice.ID)
			if got := msgs[len(msgs)-1].Text; !strings.Contains(got, h.txt(content.KeyPrivacy)) {
				t.Errorf("after leaving, a new message got %q last, want the welcome with the privacy note of a new conversation", got)
			}
		})
	}
}
